import type { SimpleGit } from 'simple-git';
import { openRepository } from '../git/createGit';
import { resolveRevision } from '../git/revision';
import { gitRunner, type GitRunner } from './gitStream';
import { readCandidatePages, readCommit, type HistoryQuery, type LogCommit } from './historyReader';
import { LinkResolver, type CommitFacts } from './linkResolver';
import { parseRevertMessage, type ParsedRevertMessage } from './messageParser';
import type { LinkEvidence, RevertDetection, RevertKind } from './types';

export interface ScanOptions extends HistoryQuery {
  /** The git executable to run (the extension passes VS Code's `git.path`). */
  gitBinary?: string;
}

interface Candidate {
  commit: LogCommit;
  parsed: ParsedRevertMessage;
  reverted: string[];
  evidence: LinkEvidence;
  mergeParent?: string;
}

/**
 * Finds revert-like commits in one repository (work tree or bare) and links each to the
 * commits it undoes. git filters candidates (`--grep`), {@link parseRevertMessage} decides,
 * and {@link LinkResolver} asks git for the originals.
 *
 * Kind refinement beyond the message, applied only to single-commit, sha-or-subject links:
 * - undoing a commit that is itself a revert re-lands the original: `reapply`;
 * - `partial-revert` when neither commit is a merge and the revert changes a strict subset of
 *   the paths the original changed (part of the original was left in place). A revert that
 *   touches every original path is a full revert even if a conflict changed its hunks.
 */
export class RevertScanner {
  private constructor(
    private readonly git: SimpleGit,
    private readonly runner: GitRunner,
  ) {}

  /** @throws NotAGitRepositoryError */
  static async open(repoPath: string, gitBinary?: string): Promise<RevertScanner> {
    return new RevertScanner(await openRepository(repoPath, gitBinary), gitRunner(repoPath, gitBinary));
  }

  /**
   * Detections newest first, produced page by page. `onCandidates` sees every page of commits
   * git's filter let through (revert-like or not), before they are classified: the scan cache
   * keeps their order to merge an incremental scan exactly as a full one would list it.
   */
  async *scan(query: HistoryQuery = {}, onCandidates?: (page: readonly LogCommit[]) => void): AsyncGenerator<RevertDetection> {
    const resolver = new LinkResolver(this.git, this.runner);
    const pages = readCandidatePages(this.git, this.runner, query);
    try {
      // Ask for the next page before classifying this one, so git keeps walking the history
      // while the links of this page are looked up (the walk and the lookups overlap).
      let next = pages.next();
      for (let current = await next; !current.done; current = await next) {
        next = pages.next();
        next.catch(() => undefined);
        onCandidates?.(current.value);
        yield* await this.classify(current.value, resolver);
      }
    } finally {
      await pages.return(undefined);
      resolver.close();
    }
  }

  /** Classifies one commit (`HEAD`, a branch or a sha); undefined when it is not revert-like. */
  async detect(rev: string): Promise<RevertDetection | undefined> {
    const sha = await resolveRevision(this.git, rev);
    if (!sha) throw new Error(`unknown commit ${JSON.stringify(rev)}`);
    const commit = await readCommit(this.git, sha);
    if (!commit) return undefined;
    const resolver = new LinkResolver(this.git, this.runner);
    try {
      return (await this.classify([commit], resolver))[0];
    } finally {
      resolver.close();
    }
  }

  private async classify(commits: LogCommit[], resolver: LinkResolver): Promise<RevertDetection[]> {
    const candidates: Candidate[] = [];
    for (const commit of commits) {
      const parsed = parseRevertMessage(commit.subject, commit.body);
      if (parsed) candidates.push({ commit, parsed, reverted: [], evidence: 'none' });
    }
    await Promise.all(candidates.map((c) => link(c, resolver)));

    const single = candidates.filter((c) => c.reverted.length === 1);
    const facts = await resolver.describe(single.flatMap((c) => [c.commit.sha, c.reverted[0]]));
    return candidates.map((c) => {
      const kind = refineKind(c, facts);
      if (c.evidence === 'sha' && c.mergeParent && facts.get(c.reverted[0])?.parents.includes(c.mergeParent)) {
        c.evidence = 'merge-parent';
      }
      return toDetection(c, kind);
    });
  }
}

/** Tries each kind of evidence, strongest first; leaves `none` rather than guess. */
async function link(c: Candidate, resolver: LinkResolver): Promise<void> {
  const { parsed, commit } = c;
  const found = await Promise.all(parsed.shas.map((s) => resolver.resolveSha(s)));
  const reverted = [...new Set(found.filter((s): s is string => s !== undefined && s !== commit.sha))];
  if (reverted.length > 0) {
    c.reverted = reverted;
    c.evidence = 'sha';
    if (parsed.mergeParent) c.mergeParent = await resolver.resolveSha(parsed.mergeParent);
    return;
  }
  const attempt = async (evidence: LinkEvidence, lookup: () => Promise<string | undefined>): Promise<boolean> => {
    const sha = await lookup();
    if (sha === undefined) return false;
    c.reverted = [sha];
    c.evidence = evidence;
    return true;
  };
  // A GitLab MR number names the merge commit; its title often equals a commit inside the MR,
  // so it goes before the subject. A GitHub PR number and an exact subject name the same
  // squash commit; the subject is tried first because it also covers merge-commit reverts.
  const mr = parsed.mrNumber;
  if (mr !== undefined && (await attempt('mr-number', () => resolver.findByMergeRequest(commit.sha, mr)))) return;
  const subject = parsed.subject;
  if (subject !== undefined && !parsed.subjectTruncated) {
    if (await attempt('subject-exact', () => resolver.findBySubject(commit.sha, subject))) return;
  }
  for (const n of parsed.prNumbers) {
    if (await attempt('pr-number', () => resolver.findByPullRequest(commit.sha, n))) return;
  }
  if (subject !== undefined && parsed.subjectTruncated) {
    await attempt('subject-prefix', () => resolver.findBySubjectPrefix(commit.sha, subject));
  }
}

function refineKind(c: Candidate, facts: Map<string, CommitFacts>): RevertKind {
  const kind = c.parsed.kind;
  if (kind !== 'revert' || c.reverted.length !== 1) return kind;
  const original = facts.get(c.reverted[0]);
  const self = facts.get(c.commit.sha);
  if (!original || !self) return kind;
  const originalKind = parseRevertMessage(original.subject, original.body)?.kind;
  if (originalKind === 'revert' || originalKind === 'partial-revert') return 'reapply';
  const merges = c.commit.parents.length > 1 || original.parents.length > 1;
  if (!merges && original.files.length > 0 && self.files.length > 0) {
    const originalFiles = new Set(original.files);
    if (self.files.length < originalFiles.size && self.files.every((f) => originalFiles.has(f))) return 'partial-revert';
  }
  return kind;
}

function toDetection(c: Candidate, kind: RevertKind): RevertDetection {
  return {
    sha: c.commit.sha,
    kind,
    reverted: c.reverted,
    evidence: c.evidence,
    subject: c.commit.subject,
    author: `${c.commit.authorName} <${c.commit.authorEmail}>`,
    date: c.commit.date,
  };
}

/** Every revert-like commit reachable from `revRange` (default HEAD), newest first. */
export async function scanReverts(repoPath: string, options: ScanOptions = {}): Promise<RevertDetection[]> {
  const scanner = await RevertScanner.open(repoPath, options.gitBinary);
  const out: RevertDetection[] = [];
  for await (const d of scanner.scan(options)) out.push(d);
  return out;
}

/** Classifies a single commit; the extension calls this when HEAD moves. */
export async function detectCommit(
  repoPath: string,
  rev: string,
  options: { gitBinary?: string } = {},
): Promise<RevertDetection | undefined> {
  return (await RevertScanner.open(repoPath, options.gitBinary)).detect(rev);
}
