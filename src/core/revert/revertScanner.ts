import type { SimpleGit } from '../git/runner';
import { createGit, openRepository } from '../git/createGit';
import { hasHeadAt } from '../git/repository';
import { assertSafeRevision, isFullSha } from '../git/revision';
import { AncestorSearch, MIN_PREFIX, type Lookup, type SubjectMatcher } from './ancestorSearch';
import { findUndoneBatch, linesOfCommits } from './diffBatch';
import { inversion, type DiffEvidence } from './diffEvidence';
import { gitRunner, Limiter, type GitRunner } from './gitStream';
import { walkLogArgs, type HistoryQuery, type LogCommit } from './historyReader';
import { walkHistory } from './historyWalk';
import { LinkResolver, type CommitFacts } from './linkResolver';
import { parseRevertMessage, type MessageSignal, type ParsedRevertMessage } from './messageParser';
import { DEFAULT_MIN_CONFIDENCE, type LinkEvidence, type RevertDetection, type RevertKind } from './types';

export interface ScanQuery extends HistoryQuery {
  /** Leave out detections less sure than this (0–1, default {@link DEFAULT_MIN_CONFIDENCE}). */
  minConfidence?: number;
}

export interface ScanOptions extends ScanQuery {
  /** The git executable to run (the extension passes VS Code's `git.path`). */
  gitBinary?: string;
}

interface Candidate {
  commit: LogCommit;
  parsed: ParsedRevertMessage;
  reverted: string[];
  evidence: LinkEvidence;
  mergeParent?: string;
  /** What the diff said, when the message named nothing resolvable. */
  diff?: DiffEvidence;
  /** The sha or MR link, started as soon as the candidate is read. */
  direct: Promise<void>;
  /** A subject or PR lookup, registered before the walk passes the revert; dropped when `direct` links. */
  lookup?: Lookup;
  /** In a fed walk, whether each sha a body line names is an ancestor (see {@link RevertScanner.keepAncestors}). */
  ancestry?: Lookup[];
}

/**
 * Finds revert-like commits in one repository (work tree or bare) and links each to the
 * commits it undoes. One `git log` streams every commit; {@link CANDIDATE_FILTER} picks the
 * candidates, {@link parseRevertMessage} decides, and {@link LinkResolver} asks git for the
 * originals.
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

  /**
   * For a repository the caller has already found (its own rev-parse succeeded) with a git it
   * has checked: no git runs here. Otherwise use {@link open}, which says what is wrong.
   */
  static forRepository(repoPath: string, gitBinary?: string): RevertScanner {
    return new RevertScanner(createGit(repoPath, gitBinary), gitRunner(repoPath, gitBinary));
  }

  /** @throws NotAGitRepositoryError */
  static async open(repoPath: string, gitBinary?: string): Promise<RevertScanner> {
    return new RevertScanner(await openRepository(repoPath, gitBinary), gitRunner(repoPath, gitBinary));
  }

  /**
   * Detections newest first, produced page by page. `onCandidates` sees every page of commits
   * the candidate filter let through (revert-like or not), before they are classified: the
   * scan cache keeps their order to merge an incremental scan exactly as a full one would list it.
   *
   * One walk: git streams every commit of `revRange` once; candidates are picked in Node and
   * their links start at once (sha links through `cat-file`; subject and PR lookups are
   * registered with an {@link AncestorSearch} before the walk passes the revert). When the
   * walk covers the whole ancestry of its tips (no `A..B` range, no `since`), that same walk
   * answers the lookups, so git reads the history once; otherwise the search runs its own walk
   * of the whole ancestry beside it. Detections are yielded in order as each page's links
   * settle; pages wait in memory only until their originals are found.
   */
  async *scan(query: ScanQuery = {}, onCandidates?: (page: readonly LogCommit[]) => void): AsyncGenerator<RevertDetection> {
    const minConfidence = query.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    for await (const d of this.scanAll(query, onCandidates)) if (d.confidence >= minConfidence) yield d;
  }

  private async *scanAll(query: HistoryQuery, onCandidates?: (page: readonly LogCommit[]) => void): AsyncGenerator<RevertDetection> {
    const rev = query.revRange ?? 'HEAD';
    const args = walkLogArgs(query);
    if (query.maxCount !== undefined && !(query.maxCount >= 1)) return;
    const resolver = new LinkResolver(this.runner);
    const diffs = new Limiter(1);
    const budget = { left: MAX_DIFF_LINKS };
    const fed = query.since === undefined && walksWholeAncestry(rev);
    const search = fed
      ? new AncestorSearch()
      : new AncestorSearch({
          runner: this.runner,
          tips: () => positiveTips(this.git, rev),
          fallback: (revert, matchers) => resolver.findByMatchers(revert.sha, matchers),
        });
    let limit = query.maxCount !== undefined && Number.isFinite(query.maxCount) ? Math.floor(query.maxCount) : Number.POSITIVE_INFINITY;
    const ready: Promise<RevertDetection[]>[] = [];
    let wake: (() => void) | undefined;
    let producing = true;
    let stop = false;
    const notify = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    /** Sha and MR links still being resolved. */
    const linking = new Set<Promise<void>>();
    let commits: LogCommit[] = [];
    let page: Candidate[] = [];
    const flush = (): void => {
      onCandidates?.(commits);
      const done = this.finishPage(page, resolver, diffs, budget);
      done.catch(() => undefined);
      ready.push(done);
      commits = [];
      page = [];
      notify();
    };
    const produce = (async () => {
      let complete = false;
      try {
        let pageSize = FIRST_PAGE_SIZE;
        walk: for await (const batch of walkHistory(this.runner, args)) {
          if (stop) break;
          let last: string | undefined;
          for (const w of batch) {
            if (w.candidate && limit > 0) {
              limit--;
              last = w.sha;
              commits.push(w.candidate);
              const c = this.startCandidate(w.candidate, resolver, search, fed);
              if (c) {
                page.push(c);
                linking.add(c.direct);
                c.direct.then(
                  () => linking.delete(c.direct),
                  () => linking.delete(c.direct),
                );
              }
              if (commits.length >= pageSize) {
                flush();
                pageSize = SCAN_PAGE_SIZE;
              }
            }
            if (fed) search.see(w.sha, w.parents, w.subject);
            // Enough candidates: a fed walk goes on only while lookups still need it.
            if (limit === 0 && (!fed || search.idle)) break walk;
          }
          if (!fed && last !== undefined) search.advance(last);
        }
        complete = !stop;
        if (commits.length > 0) flush();
      } catch (err) {
        // A repository without commits has no HEAD to walk: asked only when the walk fails,
        // so a scan does not wait for a check of its own before git starts.
        if (rev === 'HEAD' && ready.length === 0 && !(await hasHeadAt(this.runner))) return;
        throw err;
      } finally {
        // An own walk starts when a direct link fails, so every direct link settles first.
        if (!fed) await Promise.allSettled([...linking]);
        search.end(complete);
        producing = false;
        notify();
      }
    })();
    produce.catch(() => undefined);
    try {
      for (let i = 0; ; i++) {
        while (i >= ready.length && producing) await new Promise<void>((resolve) => (wake = resolve));
        if (i >= ready.length) break;
        yield* await ready[i];
        ready[i] = EMPTY;
      }
      await produce;
    } finally {
      stop = true;
      search.close();
      await produce.catch(() => undefined);
      resolver.close();
    }
  }

  /**
   * Parses one commit and starts its links: the sha or MR link at once, and the subject or PR
   * lookup registered now (the walk must not pass the revert unregistered). When the direct
   * link finds the original, the lookup is dropped.
   */
  private startCandidate(commit: LogCommit, resolver: LinkResolver, lookups: SubjectLookups, fed: boolean): Candidate | undefined {
    const parsed = parseRevertMessage(commit.subject, commit.body);
    if (!parsed) return undefined;
    const c: Candidate = { commit, parsed, reverted: [], evidence: 'none', direct: DONE };
    const matchers = subjectMatchers(parsed);
    if (matchers.length > 0) c.lookup = lookups.register(commit, matchers);
    // The scan's own walk passes every ancestor anyway: it answers the ancestry of named shas
    // too, instead of one `merge-base` process per sha.
    if (fed && parsed.shas.length > 0) c.ancestry = parsed.shas.map((hex) => lookups.register(commit, [{ evidence: 'sha', hex }]));
    c.direct = linkDirect(c, resolver).then(async () => {
      if (c.evidence !== 'sha') for (const l of c.ancestry ?? []) l.cancel();
      // A fed walk answers the ancestry later (finishPage); the subject lookup waits for it.
      if (c.evidence === 'sha' && c.ancestry) return;
      if (c.evidence === 'sha') await keepAncestors(c, resolver);
      if (c.evidence !== 'none') c.lookup?.cancel();
      else if (c.lookup) lookups.need();
    });

    return c;
  }

  private async finishPage(candidates: Candidate[], resolver: LinkResolver, diffs: Limiter, budget: { left: number }): Promise<RevertDetection[]> {
    await Promise.all(
      candidates.map(async (c) => {
        await c.direct;
        // A named sha counts only when it is an ancestor: a revert made before its branch was
        // rebased names the original's old copy, and the quoted subject finds the one here.
        if (c.evidence === 'sha' && c.ancestry) {
          await keepAncestors(c, resolver);
          if (c.evidence === 'sha') c.lookup?.cancel();
        }
        if (c.evidence === 'none' && c.lookup) {
          const found = await c.lookup.result;
          if (found !== undefined) {
            c.reverted = [found.sha];
            c.evidence = found.evidence;
          }
        }
      }),
    );
    // Merges are never linked by diff. A body line naming a commit that is not here is most
    // often a squashed branch's own revert: its diff would only find unrelated refactors.
    const single = candidates.filter((c) => c.commit.parents.length <= 1);
    const unnamed = single.filter((c) => c.evidence === 'none' && c.parsed.signal !== 'body');
    const byDiff = unnamed.slice(0, Math.max(0, budget.left));
    budget.left -= byDiff.length;
    const several = single.filter((c) => c.evidence === 'sha' && c.reverted.length > 1);
    if (byDiff.length > 0 || several.length > 0) await diffs.run(() => this.diffPage(byDiff, several));
    const linked = candidates.filter((c) => c.reverted.length === 1);
    const facts = await resolver.describe(linked.flatMap((c) => [c.commit.sha, c.reverted[0]]));
    await preferMergedCommit(linked, facts, resolver);
    return candidates.map((c) => {
      const kind = refineKind(c, facts);
      if (c.evidence === 'sha' && c.mergeParent && facts.get(c.reverted[0])?.parents.includes(c.mergeParent)) {
        c.evidence = 'merge-parent';
      }
      return toDetection(c, kind);
    });
  }

  /**
   * Diff evidence for one page, batched (see diffBatch.ts): `unnamed` named nothing git could
   * resolve, so they are linked to the commits whose diff they invert, among the nearest earlier
   * commits touching the same paths; `several` name several commits (a squashed branch of
   * reverts, "This reverts commits A, B and C"), and keep the ones their diff still undoes
   * (others were re-applied within the same change, or only named in passing; when none is
   * inverted, the message's word stands). A failed git leaves the links as they are.
   */
  private async diffPage(unnamed: Candidate[], several: Candidate[]): Promise<void> {
    // Words alone need a diff that is nearly all undo; a convention in the subject, half of it.
    // Either way, a commit that undoes most of one earlier commit is its revert even when it
    // also does new work: a quarter will do.
    const requests = unnamed.map((c) => ({ sha: c.commit.sha, date: c.commit.date, minExplained: c.parsed.signal === 'weak' ? 0.8 : 0.5, minExplainedWhole: 0.25 }));
    const found = await findUndoneBatch(this.runner, requests).catch(() => new Map<string, DiffEvidence>());
    for (const c of unnamed) {
      const d = found.get(c.commit.sha);
      if (!d) continue;
      c.diff = d;
      c.reverted = d.undone.map((u) => u.sha);
      c.evidence = 'diff-inverse';
    }
    if (several.length === 0) return;
    const lines = await linesOfCommits(
      this.runner,
      several.flatMap((c) => [c.commit.sha, ...c.reverted]),
    ).catch(() => undefined);
    if (!lines) return;
    for (const c of several) {
      const own = lines.get(c.commit.sha);
      if (!own || own.size === 0) continue;
      const keep = c.reverted.filter((sha) => {
        const target = lines.get(sha);
        // A target git cannot show (a shallow boundary) keeps what the message says.
        return !target || target.size === 0 || inversion(own, target).cover >= PRUNE_COVER;
      });
      if (keep.length > 0) c.reverted = keep;
    }
  }
}

/** The most a merge commit's detection can be sure of (below the default threshold). */
const MERGE_CONFIDENCE = 0.4;

/**
 * Revert-like commits per scan whose originals are searched by diff (each page's are batched):
 * a history of thousands of unresolvable backouts must not turn the message scan into a diff scan.
 */
const MAX_DIFF_LINKS = 2000;

/** A named target whose lines are inverted less than this is dropped from a multi-target link. */
const PRUNE_COVER = 0.3;

const EMPTY: Promise<RevertDetection[]> = Promise.resolve([]);
const DONE: Promise<void> = Promise.resolve();
/**
 * Candidates per page: small enough that the subject walk, which may not pass a candidate
 * before its page is registered, is held back only briefly; large enough that each page's
 * `describe` batch (one git process) stays rare.
 */
const SCAN_PAGE_SIZE = 250;
/** The first page is small so the subject walk can start early. */
const FIRST_PAGE_SIZE = 10;

interface SubjectLookups {
  register(revert: LogCommit, matchers: readonly SubjectMatcher[]): Lookup;
  /** A registered lookup found no direct link and waits for the answer. */
  need(): void;
}

/**
 * Keeps the named commits that are ancestors of the revert: a named sha may be in the object
 * store without being in this history (a PR branch's own commit fetched with pull refs, the
 * copy of a commit from before a rebase or cherry-pick). A fed walk has answered that already;
 * otherwise git is asked.
 */
async function keepAncestors(c: Candidate, resolver: LinkResolver): Promise<void> {
  let kept: string[];
  if (c.ancestry) {
    const seen = new Set((await Promise.all(c.ancestry.map((l) => l.result))).map((m) => m?.sha));
    kept = c.reverted.filter((sha) => seen.has(sha));
  } else {
    const found = await Promise.all(c.reverted.map((sha) => resolver.ancestorNamed(c.commit.sha, sha)));
    kept = c.reverted.filter((sha, i) => found[i] === sha);
  }
  c.reverted = kept;
  if (kept.length === 0) c.evidence = 'none';
}

/**
 * A quoted subject matched as `subject (#N)` on a merge commit whose merged side is the commit
 * with exactly that subject: `git revert` of that side commit wrote the message, so it is the
 * original (the merge's own diff is the same change). `facts` gains the side commits.
 */
async function preferMergedCommit(linked: Candidate[], facts: Map<string, CommitFacts>, resolver: LinkResolver): Promise<void> {
  const viaMerge = linked.filter((c) => {
    const original = facts.get(c.reverted[0]);
    return c.evidence === 'subject-exact' && original !== undefined && original.parents.length > 1 && original.subject !== c.parsed.subject;
  });
  if (viaMerge.length === 0) return;
  const sides = await resolver.describe(viaMerge.flatMap((c) => facts.get(c.reverted[0])?.parents.slice(1) ?? []));
  for (const c of viaMerge) {
    const side = facts
      .get(c.reverted[0])
      ?.parents.slice(1)
      .find((p) => sides.get(p)?.subject === c.parsed.subject);
    const found = side === undefined ? undefined : sides.get(side);
    if (!found) continue;
    c.reverted = [found.sha];
    facts.set(found.sha, found);
  }
}

/** Links named by sha, or by a GitLab MR number (needs the body, so it keeps its own grep). */
async function linkDirect(c: Candidate, resolver: LinkResolver): Promise<void> {
  const { parsed, commit } = c;
  const found = await Promise.all(parsed.shas.map((s) => resolver.resolveSha(s)));
  const reverted = [...new Set(found.filter((s): s is string => s !== undefined && s !== commit.sha))];
  if (reverted.length > 0) {
    c.reverted = reverted;
    c.evidence = 'sha';
    if (parsed.mergeParent) c.mergeParent = await resolver.resolveSha(parsed.mergeParent);
    return;
  }
  // A GitLab MR number names the merge commit; its title often equals a commit inside the MR,
  // so it goes before the subject.
  const mr = parsed.mrNumber;
  if (mr === undefined) return;
  const sha = await resolver.findByMergeRequest(commit.sha, mr);
  if (sha === undefined) return;
  c.reverted = [sha];
  c.evidence = 'mr-number';
}

/**
 * The subject-based evidence to try, strongest first. A GitHub PR number and an exact subject
 * name the same squash commit; the subject goes first because it also covers merge-commit
 * reverts. A truncated subject is only ever a prefix.
 */
function subjectMatchers(parsed: ParsedRevertMessage): SubjectMatcher[] {
  const out: SubjectMatcher[] = [];
  const subject = parsed.subject;
  if (subject !== undefined && !parsed.subjectTruncated) out.push({ evidence: 'subject-exact', subject });
  for (const pr of parsed.prNumbers) out.push({ evidence: 'pr-number', pr });
  if (subject !== undefined && parsed.subjectTruncated && subject.trim().length >= MIN_PREFIX) {
    out.push({ evidence: 'subject-prefix', prefix: subject });
  }
  return out;
}

/**
 * Whether a walk of `rev` lists the whole ancestry of its tips (a single revision, no `A..B`,
 * `A...B`, `^A`, `A^!`, `A^@` or `A^-`): then the scan's own walk can answer the lookups.
 */
export function walksWholeAncestry(rev: string): boolean {
  return !rev.includes('..') && !rev.startsWith('^') && !/\^[!@-]/.test(rev);
}

/** Full shas the walk of `revRange` starts from (`A..B` → B), for the subject walk's whole-history search. */
async function positiveTips(git: SimpleGit, revRange: string): Promise<string[]> {
  assertSafeRevision(revRange);
  const out = await git.raw(['rev-parse', revRange, '--']);
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => isFullSha(l));
}

function refineKind(c: Candidate, facts: Map<string, CommitFacts>): RevertKind {
  const kind = c.parsed.kind;
  if (c.diff?.partial && kind === 'revert') return 'partial-revert';
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
  const d: RevertDetection = {
    sha: c.commit.sha,
    kind,
    reverted: c.reverted,
    evidence: c.evidence,
    // A merge is never the revert itself: the revert is the commit on the merged branch (found
    // on its own); the merge of a `revert-N-…` branch is only shown when asked for.
    confidence: c.commit.parents.length > 1 ? Math.min(MERGE_CONFIDENCE, confidenceOf(c.parsed.signal, c.evidence, c.diff)) : confidenceOf(c.parsed.signal, c.evidence, c.diff),
    subject: c.commit.subject,
    author: `${c.commit.authorName} <${c.commit.authorEmail}>`,
    date: c.commit.date,
  };
  if (c.diff) d.files = [...new Set(c.diff.undone.flatMap((u) => u.files))];
  return d;
}

/**
 * How sure a detection is, from what the message says ({@link MessageSignal}) and how the
 * original was found. A convention in the subject is a revert even when its original is not
 * in this history (a shallow clone); a body line alone, or words alone, needs a link to count.
 */
export function confidenceOf(signal: MessageSignal, evidence: LinkEvidence, diff?: DiffEvidence): number {
  switch (evidence) {
    case 'sha':
    case 'merge-parent':
    case 'subject-exact':
    case 'pr-number':
    case 'mr-number':
      return signal === 'subject' ? 0.95 : 0.85;
    case 'subject-prefix':
      return signal === 'subject' ? 0.9 : 0.7;
    case 'diff-inverse': {
      const base = 0.55 + 0.4 * (diff?.explained ?? 0);
      return Math.round(Math.min(0.95, signal === 'subject' ? base + 0.05 : base) * 100) / 100;
    }
    case 'none':
      return signal === 'subject' ? 0.6 : signal === 'body' ? 0.3 : 0.2;
  }
}

/** Every revert-like commit reachable from `revRange` (default HEAD), newest first. */
export async function scanReverts(repoPath: string, options: ScanOptions = {}): Promise<RevertDetection[]> {
  const scanner = await RevertScanner.open(repoPath, options.gitBinary);
  const out: RevertDetection[] = [];
  for await (const d of scanner.scan(options)) out.push(d);
  return out;
}
