/**
 * The shapes of what the commit readers return, with no code and no Node imports, so that a
 * webview's protocol (a browser program) can name them. The readers re-export them.
 */
import type { TimelineEvent } from '../incidents/model';
import type { BlastRadius } from '../teamUpdate/draftTeamUpdate';

export type { BlastRadius };

/** One file touched by a commit, with `git show --numstat` line counts. */
export interface FileChange {
  /** Repository-relative path after the commit (forward slashes, as git prints it). */
  path: string;
  /** Path before the commit when git detected a rename or copy. */
  oldPath?: string;
  added: number;
  deleted: number;
  /** Git prints `-` counts for binary files; they have no line counts. */
  binary: boolean;
}

export interface CommitDetails {
  sha: string;
  shortSha: string;
  subject: string;
  /**
   * What the change is called when the subject is a merge's boilerplate: a merged pull or merge
   * request's title (the first line of the merge commit's body) with its number, e.g.
   * `Fix the retry loop (#6605)`. Absent for other commits: use {@link subject}.
   */
  title?: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 */
  authoredAt: string;
  /** ISO 8601 */
  committedAt: string;
  parents: string[];
  files: FileChange[];
}

/**
 * A timeline row. The git-backed rows come from the facts module (core/facts/incidentFacts) and
 * are written to the incident file when it is created; rows the file does not have yet are shown
 * as automatic ones. Manual rows come from `incident.events`.
 */
export interface TimelineEntry extends TimelineEvent {
  /** True when derived from git or the incident itself; false for rows written in the file. */
  auto: boolean;
  /** Index into `incident.events` for rows from the file, so the UI can remove the right one. */
  manualIndex?: number;
  /** The commit or ref the row is about, when there is one. */
  ref?: string;
}

export interface BlastRadiusAssessment {
  radius: BlastRadius;
  /** One calm sentence saying why, shown next to the team update. */
  reason: string;
  /** Remote-tracking branches that contain the checked commit (empty for local). */
  remoteBranches: string[];
}
