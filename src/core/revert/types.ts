/** What a detected revert-like commit undoes, and how we know. */
export type RevertKind = 'revert' | 'reapply' | 'partial-revert';

/**
 * How the link from a revert to the commit(s) it undoes was made, strongest first.
 * `none` means the message looks like a revert but the original is not in this
 * history (for example a shallow clone); we say so instead of guessing.
 */
export type LinkEvidence =
  | 'sha' // a full or abbreviated sha in the message, resolved by git
  | 'merge-parent' // "reversing changes made to <sha>" of a merge revert
  | 'subject-exact' // the quoted subject equals an earlier commit's subject
  | 'subject-prefix' // the quoted subject was truncated (… or ...) and is a prefix of one
  | 'pr-number' // "(#123)" / "Reverts owner/repo#123" matched an earlier commit's PR number
  | 'mr-number' // GitLab "This reverts merge request !N"
  | 'diff-inverse' // nothing resolvable was named: its diff inverts the original's (diffEvidence.ts)
  | 'none';

/** Detections below this confidence are left out unless asked for (`own-it scan --min-confidence`). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export interface RevertDetection {
  /** Full 40-char sha of the revert commit. */
  sha: string;
  kind: RevertKind;
  /** Full shas of the commits this one undoes (empty when evidence is `none`). */
  reverted: string[];
  evidence: LinkEvidence;
  /**
   * 0–1: how sure the scanner is that this commit undoes the ones in `reverted` (message
   * convention and link evidence together; see `confidenceOf` in revertVerdict.ts).
   */
  confidence: number;
  /** With `diff-inverse` evidence: the files in which the undone lines were found. */
  files?: string[];
  subject: string;
  author: string;
  /** ISO 8601 commit date. */
  date: string;
}

/** The name part of a detection's `author` ("Name <email>" → "Name"). */
export function authorName(author: string): string {
  return author.replace(/\s*<[^>]*>\s*$/, '').trim() || author;
}

/** One commit as read from `git log`. */
export interface LogCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 committer date. */
  date: string;
  subject: string;
  body: string;
}
