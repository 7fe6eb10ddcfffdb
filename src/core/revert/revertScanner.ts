import type { SimpleGit } from '../git/runner';
import { createGit, openRepository } from '../git/createGit';
import { hasHeadAt } from '../git/repository';
import { assertSafeRevision, isFullSha } from '../git/revision';
import { AncestorSearch } from './ancestorSearch';
import { keepAncestors, linkDirect, linkNamedAncestors, lookupsOf, preferMergedCommit, subjectMatchers, type Candidate, type SubjectLookups } from './candidateLinks';
import { diffPage } from './candidateDiffs';
import { gitRunner, Limiter, type GitRunner } from './gitStream';
import { walkLogArgs, type HistoryQuery, type LogCommit } from './historyReader';
import { walkHistory } from './historyWalk';
import { LinkResolver, type CommitFacts } from './linkResolver';
import { parseRevertMessage } from './messageParser';
import { refineKind, toDetection } from './revertVerdict';
import { DEFAULT_MIN_CONFIDENCE, type RevertDetection } from './types';

export interface ScanQuery extends HistoryQuery {
  /** Leave out detections less sure than this (0–1, default {@link DEFAULT_MIN_CONFIDENCE}). */
  minConfidence?: number;
}

export interface ScanOptions extends ScanQuery {
  /** The git executable to run (the extension passes VS Code's `git.path`). */
  gitBinary?: string;
  /** Stops the scan: its git processes end and the scan rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Finds revert-like commits in one repository (work tree or bare) and links each to the
 * commits it undoes. One `git log` streams every commit; {@link CANDIDATE_FILTER} picks the
 * candidates, {@link parseRevertMessage} decides, and {@link LinkResolver} asks git for the
 * originals (candidateLinks.ts), diffs link what names nothing (candidateDiffs.ts), and
 * revertVerdict.ts says what each one is.
 */
export class RevertScanner {
  private constructor(
    private readonly git: SimpleGit,
    readonly runner: GitRunner,
  ) {}

  /**
   * For a repository the caller has already found (its own rev-parse succeeded) with a git it
   * has checked: no git runs here. Otherwise use {@link open}, which says what is wrong.
   */
  static forRepository(repoPath: string, gitBinary?: string): RevertScanner {
    return new RevertScanner(createGit(repoPath, gitBinary), gitRunner(repoPath, gitBinary));
  }

  /** @throws NotAGitRepositoryError; `signal` ends every git the scanner starts. */
  static async open(repoPath: string, gitBinary?: string, signal?: AbortSignal): Promise<RevertScanner> {
    return new RevertScanner(await openRepository(repoPath, gitBinary, signal), gitRunner(repoPath, gitBinary, signal));
  }

  /**
   * Detections newest first, produced page by page. `onCandidates` sees every page of commits
   * the candidate filter let through (revert-like or not), before they are classified: the
   * scan cache keeps their order to merge an incremental scan exactly as a full one would list it.
   * `onBoundary` sees each excluded parent that a `boundary` walk lists after the range.
   *
   * One walk: git streams every commit of `revRange` once; candidates are picked in Node and
   * their links start at once (sha links through `cat-file`; subject and PR lookups are
   * registered with an {@link AncestorSearch} before the walk passes the revert). When the
   * walk covers the whole ancestry of its tips (no `A..B` range, no `since`), that same walk
   * answers the lookups, so git reads the history once; otherwise the search runs its own walk
   * of the whole ancestry beside it. Detections are yielded in order as each page's links
   * settle; pages wait in memory only until their originals are found.
   */
  async *scan(query: ScanQuery = {}, onCandidates?: (page: readonly LogCommit[]) => void, onBoundary?: (sha: string) => void): AsyncGenerator<RevertDetection> {
    const minConfidence = query.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    for await (const d of this.scanAll(query, onCandidates, onBoundary)) if (d.confidence >= minConfidence) yield d;
  }

  private async *scanAll(query: HistoryQuery, onCandidates?: (page: readonly LogCommit[]) => void, onBoundary?: (sha: string) => void): AsyncGenerator<RevertDetection> {
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
      // A range scan names ancestors with one merge-base each: the page's commits and the full
      // shas they name are described beside those, not after them (most reverts name one).
      const early = fed ? undefined : resolver.describe(page.flatMap((c) => [c.commit.sha, ...c.parsed.shas.map((h) => h.toLowerCase()).filter(isFullSha)]));
      early?.catch(() => undefined);
      const done = this.finishPage(page, resolver, diffs, budget, early);
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
            if (w.boundary) {
              onBoundary?.(w.sha);
              continue;
            }
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
    if (parsed.prNumbers.length > 1 && parsed.subject === undefined) {
      c.perPr = parsed.prNumbers.map((pr) => lookups.register(commit, [{ evidence: 'pr-number', pr }]));
    } else {
      const matchers = subjectMatchers(parsed);
      if (matchers.length > 0) c.lookup = lookups.register(commit, matchers);
    }
    // The scan's own walk passes every ancestor anyway: it answers the ancestry of named shas
    // too, instead of one `merge-base` process per sha.
    if (fed && parsed.shas.length > 0) c.ancestry = parsed.shas.map((hex) => lookups.register(commit, [{ evidence: 'sha', hex }]));
    c.direct = (fed ? linkDirect(c, resolver) : linkNamedAncestors(c, resolver)).then(() => {
      if (c.evidence !== 'sha') for (const l of c.ancestry ?? []) l.cancel();
      // A fed walk answers the ancestry later (finishPage); the subject lookup waits for it.
      if (c.evidence === 'sha' && c.ancestry) return;
      const waiting = lookupsOf(c);
      if (c.evidence !== 'none') for (const l of waiting) l.cancel();
      else if (waiting.length > 0) lookups.need();
    });

    return c;
  }

  private async finishPage(candidates: Candidate[], resolver: LinkResolver, diffs: Limiter, budget: { left: number }, early?: Promise<Map<string, CommitFacts>>): Promise<RevertDetection[]> {
    await Promise.all(
      candidates.map(async (c) => {
        await c.direct;
        // A named sha counts only when it is an ancestor: a revert made before its branch was
        // rebased names the original's old copy, and the quoted subject finds the one here.
        if (c.evidence === 'sha' && c.ancestry) {
          await keepAncestors(c, c.ancestry);
          if (c.evidence === 'sha') for (const l of lookupsOf(c)) l.cancel();
        }
        if (c.evidence === 'none' && c.lookup) {
          const found = await c.lookup.result;
          if (found !== undefined) {
            c.reverted = [found.sha];
            c.evidence = found.evidence;
          }
        }
        if (c.evidence === 'none' && c.perPr) {
          const found = await Promise.all(c.perPr.map((l) => l.result));
          const shas = [...new Set(found.flatMap((f) => (f ? [f.sha] : [])))];
          if (shas.length > 0) {
            c.reverted = shas;
            c.evidence = 'pr-number';
          }
        }
      }),
    );
    // Merges are never linked by diff. A body line naming a commit that is not here is most
    // often a squashed branch's own revert: its diff would only find unrelated refactors. A
    // Subversion revision or Phabricator review a body line names did land here: its diff may say which.
    const single = candidates.filter((c) => c.commit.parents.length <= 1);
    const unnamed = single.filter((c) => c.evidence === 'none' && (c.parsed.signal !== 'body' || c.parsed.revisions !== undefined));
    const byDiff = unnamed.slice(0, Math.max(0, budget.left));
    budget.left -= byDiff.length;
    const several = single.filter((c) => c.evidence === 'sha' && c.reverted.length > 1);
    if (byDiff.length > 0 || several.length > 0) await diffs.run(() => diffPage(this.runner, byDiff, several));
    const linked = candidates.filter((c) => c.reverted.length === 1);
    const wanted = linked.flatMap((c) => [c.commit.sha, c.reverted[0]]);
    const known = (await early?.catch(() => undefined)) ?? new Map<string, CommitFacts>();
    const facts = await resolver.describe(wanted.filter((s) => !known.has(s)));
    for (const s of wanted) {
      const f = known.get(s);
      if (f) facts.set(s, f);
    }
    await preferMergedCommit(linked, facts, resolver);
    return candidates.map((c) => {
      const kind = refineKind(c, facts);
      if (c.evidence === 'sha' && c.mergeParent && facts.get(c.reverted[0])?.parents.includes(c.mergeParent)) {
        c.evidence = 'merge-parent';
      }
      return toDetection(c, kind);
    });
  }
}

/**
 * Revert-like commits per scan whose originals are searched by diff (each page's are batched):
 * a history of thousands of unresolvable backouts must not turn the message scan into a diff scan.
 */
const MAX_DIFF_LINKS = 2000;

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

/** Every revert-like commit reachable from `revRange` (default HEAD), newest first. */
export async function scanReverts(repoPath: string, options: ScanOptions = {}): Promise<RevertDetection[]> {
  const scanner = await RevertScanner.open(repoPath, options.gitBinary, options.signal);
  const out: RevertDetection[] = [];
  try {
    for await (const d of scanner.scan(options)) out.push(d);
  } catch (err) {
    options.signal?.throwIfAborted();
    throw err;
  }
  options.signal?.throwIfAborted();
  return out;
}
