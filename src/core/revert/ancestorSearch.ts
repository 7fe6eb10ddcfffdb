import { isFullSha } from '../git/revision';
import { streamTokens, type GitRunner } from './gitStream';
import { detach } from './historyWalk';
import type { LogCommit } from './historyReader';
import type { LinkEvidence } from './types';

/** Subjects shorter than this are too vague to match as a truncated prefix. */
export const MIN_PREFIX = 8;

/**
 * One way a revert names its original without a sha; a revert lists them strongest first.
 * `sha` is the ancestry check of a sha the message names in a body line: the walk answers
 * whether a commit starting with `hex` is an ancestor of the revert (a PR branch's own commit
 * can be in the object store without being in this history).
 */
export type SubjectMatcher =
  | { evidence: 'subject-exact'; subject: string }
  | { evidence: 'pr-number'; pr: number }
  | { evidence: 'subject-prefix'; prefix: string }
  | { evidence: 'sha'; hex: string };

export interface AncestorMatch {
  sha: string;
  evidence: LinkEvidence;
}

/** A registered lookup: its answer, and a way to drop it when the scan found a better link. */
export interface Lookup {
  result: Promise<AncestorMatch | undefined>;
  /** Settles the lookup as not found and stops marking its ancestry. */
  cancel(): void;
}

/** Where the walk comes from: git run by the search itself, or the scan's own walk ({@link AncestorSearch.see}). */
export interface OwnWalk {
  runner: GitRunner;
  /** Full shas to walk from (the scan's positive tips), asked for when the first lookup arrives. */
  tips: () => Promise<string[]>;
  fallback: FallbackLookup;
}

/** Answers the lookups one at a time (the per-revert `git log --grep`), for what the walk could not see. */
export type FallbackLookup = (revert: LogCommit, matchers: readonly SubjectMatcher[]) => Promise<AncestorMatch | undefined>;

interface Pending {
  id: number;
  revert: LogCommit;
  matchers: readonly SubjectMatcher[];
  /** Nearest hit per matcher (same index), in walk order. */
  hits: (string | undefined)[];
  seeded: boolean;
  done: boolean;
  resolve: (m: AncestorMatch | undefined) => void;
}

type Marks = ReadonlySet<number>;
const WALK_BATCH = 512;
const PR_SUFFIX = /\(#(\d+)\)\s*$/;
const WITH_PR = /^([\s\S]*) \(#\d+\)$/;
const MERGE_PR = /^Merge pull request #(\d+)/;
/** Sha lookups are indexed by this many leading hex digits (the shortest name a message may use). */
const HEX_KEY = 4;

/**
 * Resolves every subject and PR-number lookup of one scan in ONE history walk, instead of one
 * `git log --grep` per revert (each ~13 ms, mostly process start-up). The walk lists every
 * commit reachable from the scan's tips in git's default order and marks the ancestry of each
 * pending revert as it goes: a commit matches a revert only if it carries that revert's mark,
 * so the evidence rules stay those of the single lookups: nearest ancestor of the revert (never
 * the revert itself) whose subject is exact (or `subject (#N)`), names PR #N, or starts with the
 * truncated prefix; a weaker matcher only wins when the stronger ones match nothing in the
 * whole ancestry.
 *
 * Fed (no {@link OwnWalk}): the scan's own walk is that walk; it registers each revert before
 * passing it to {@link see}, so history is read once. Own walk (ranges, `since`): the search
 * runs `git log %H %P %s` from the tips beside the scan, gated so it never passes a revert
 * before the scan registered it: it may run up to the last registered candidate (`advance`),
 * then waits for the next one or `end`. Should git's two walks ever disagree on order, a revert
 * the walk passed unseen is answered by `fallback` when the walk ends.
 */
export class AncestorSearch {
  /** Lookups not yet answered, by id (an answered lookup is dropped with everything it holds). */
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly bySha = new Map<string, Pending[]>();
  private readonly exact = new Map<string, Pending[]>();
  private readonly prs = new Map<string, Pending[]>();
  private readonly prefixes = new Map<string, Pending[]>();
  private readonly hexes = new Map<string, Pending[]>();
  private readonly reach = new Map<string, Marks>();
  private active = 0;
  private unseeded = 0;
  private frontier: string | undefined;
  private frontierPassed = true;
  private ended = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private walk: Promise<void> | undefined;
  private finished = false;

  /**
   * @param own the search runs its own `git log` from the scan's tips, gated by
   * {@link advance}; without it the scan feeds every commit of its own walk through {@link see}
   * (when the scan walks the whole ancestry of its tips, one walk serves both).
   */
  constructor(private readonly own?: OwnWalk) {}

  /**
   * Queues a lookup for `revert`; its result settles when the walk (or the fallback) has the
   * answer. It must be registered before the walk reaches `revert`: the scan registers each
   * candidate as it reads it, before {@link see} or {@link advance}. An own walk starts only
   * when a lookup is {@link need}ed, so a scan whose reverts all name their originals by sha
   * never walks twice.
   */
  register(revert: LogCommit, matchers: readonly SubjectMatcher[]): Lookup {
    if (matchers.length === 0 || this.closed) return { result: Promise.resolve(undefined), cancel: () => undefined };
    if (this.finished) {
      return { result: this.own ? this.own.fallback(revert, matchers).catch(() => undefined) : Promise.resolve(undefined), cancel: () => undefined };
    }
    let pending: Pending | undefined;
    const result = new Promise<AncestorMatch | undefined>((resolve) => {
      const p: Pending = { id: this.nextId++, revert, matchers, hits: [], seeded: false, done: false, resolve };
      pending = p;
      this.pending.set(p.id, p);
      this.unseeded++;
      push(this.bySha, revert.sha, p);
      for (const m of matchers) {
        if (m.evidence === 'subject-exact') push(this.exact, m.subject, p);
        else if (m.evidence === 'pr-number') push(this.prs, String(m.pr), p);
        else if (m.evidence === 'sha') push(this.hexes, m.hex.slice(0, HEX_KEY), p);
        else push(this.prefixes, m.prefix.slice(0, MIN_PREFIX), p);
      }
    });
    return {
      result,
      cancel: () => {
        if (pending) this.settle(pending, undefined);
      },
    };
  }

  /** A registered lookup found no direct link and needs the walk: an own walk starts now. */
  need(): void {
    if (this.own && !this.finished && !this.closed) this.walk ??= this.run(this.own).catch(() => this.finish(false));
  }

  /** No lookup is waiting for the walk: a fed walk may stop here. */
  get idle(): boolean {
    return this.active === 0 && this.unseeded === 0;
  }

  /**
   * The next commit of the scan's own walk (fed mode), in git's order. Commits must come in
   * the order of a walk of the tips' whole ancestry, every registered revert among them.
   */
  see(sha: string, parentList: string, subject: string): void {
    if (this.finished || this.closed) return;
    this.visit(sha, parentList, subject);
  }

  /** Every candidate up to and including `lastSha` has been registered (or needs no lookup). */
  advance(lastSha: string): void {
    this.frontier = lastSha;
    this.frontierPassed = false;
    this.poke();
  }

  /**
   * No more lookups will come. In fed mode this also means the walk is over: `complete` when
   * it reached the root (every seeded revert has then seen its whole ancestry).
   */
  end(complete = false): void {
    this.ended = true;
    this.poke();
    if (!this.own) this.finish(complete);
    else if (!this.walk) this.finish(false);
  }

  /** Stops the walk; unanswered lookups settle as not found. */
  close(): void {
    this.closed = true;
    this.ended = true;
    this.poke();
    for (const p of [...this.pending.values()]) this.settle(p, undefined);
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async run(own: OwnWalk): Promise<void> {
    const tips = (await own.tips()).filter(isFullSha);
    if (tips.length === 0 || this.closed) return this.finish(false);
    const args = ['log', '--format=%H%x00%P%x00%s%x00', '--end-of-options', ...tips, '--'];
    for await (const tokens of streamTokens(own.runner, args, 3, WALK_BATCH)) {
      for (let i = 0; i < tokens.length; i += 3) {
        const sha = tokens[i].trim();
        // Gate: past the last registered candidate, wait until the next page is registered.
        while (sha !== this.frontier && this.frontierPassed && !this.ended) {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
        if (this.closed) return;
        if (sha === this.frontier) this.frontierPassed = true;
        this.visit(sha, tokens[i + 1], tokens[i + 2]);
        if (this.ended && this.active === 0 && this.unseeded === 0) return this.finish(false);
      }
    }
    this.finish(true);
  }

  private visit(sha: string, parentList: string, subject: string): void {
    let marks = this.reach.get(sha);
    if (marks) this.reach.delete(sha);
    if (marks && this.active > 0) this.match(marks, sha, subject);
    const own = this.bySha.get(sha);
    if (own) {
      // The revert's own id starts on its parents: it is never its own original.
      const ids = new Set<number>();
      for (const p of own) {
        if (p.seeded || p.done) continue;
        p.seeded = true;
        this.unseeded--;
        this.active++;
        ids.add(p.id);
      }
      this.bySha.delete(sha);
      if (ids.size > 0) marks = union(marks, ids, this.pending);
    }
    if (!marks || !this.anyActive(marks)) return;
    for (const parent of parentList.split(' ')) {
      if (parent === '') continue;
      const existing = this.reach.get(parent);
      this.reach.set(parent, existing === undefined || existing === marks ? marks : union(existing, marks, this.pending));
    }
  }

  private match(marks: Marks, sha: string, subject: string): void {
    const consider = (list: Pending[] | undefined, accept: (m: SubjectMatcher) => boolean): void => {
      if (!list) return;
      // Copied: an answered lookup leaves these lists.
      for (const p of [...list]) {
        if (p.done || !marks.has(p.id)) continue;
        p.matchers.forEach((m, i) => {
          if (p.hits[i] === undefined && accept(m)) p.hits[i] = detach(sha);
        });
        if (p.hits[0] !== undefined) this.resolveBest(p);
      }
    };
    if (this.hexes.size > 0) {
      const named = this.hexes.get(sha.slice(0, HEX_KEY));
      consider(named, (m) => m.evidence === 'sha' && sha.startsWith(m.hex));
    }
    const exact = this.exact.get(subject);
    const stripped = subject.includes('(#') ? WITH_PR.exec(subject)?.[1] : undefined;
    const pr = subject.includes('(#') ? PR_SUFFIX.exec(subject)?.[1] : undefined;
    const merge = subject.startsWith('Merge pull request #') ? MERGE_PR.exec(subject)?.[1] : undefined;
    const prefixed = this.prefixes.size > 0 ? this.prefixes.get(subject.slice(0, MIN_PREFIX)) : undefined;
    if (!exact && stripped === undefined && pr === undefined && merge === undefined && !prefixed) return;
    const isExact = (m: SubjectMatcher): boolean => m.evidence === 'subject-exact' && (m.subject === subject || m.subject === stripped);
    consider(exact, isExact);
    if (stripped !== undefined) consider(this.exact.get(stripped), isExact);
    const isPr = (m: SubjectMatcher): boolean => m.evidence === 'pr-number' && (String(m.pr) === pr || String(m.pr) === merge);
    if (pr !== undefined) consider(this.prs.get(pr), isPr);
    if (merge !== undefined && merge !== pr) consider(this.prs.get(merge), isPr);
    consider(prefixed, (m) => m.evidence === 'subject-prefix' && subject.startsWith(m.prefix));
  }

  private anyActive(marks: Marks): boolean {
    for (const id of marks) if (this.pending.has(id)) return true;
    return false;
  }

  private resolveBest(p: Pending): void {
    const i = p.hits.findIndex((h) => h !== undefined);
    this.settle(p, i < 0 ? undefined : { sha: p.hits[i] as string, evidence: p.matchers[i].evidence });
  }

  private settle(p: Pending, match: AncestorMatch | undefined): void {
    if (!this.drop(p)) return;
    p.resolve(match);
  }

  /** Marks `p` answered and forgets it; false when it already was. */
  private drop(p: Pending): boolean {
    if (p.done) return false;
    p.done = true;
    if (p.seeded) this.active--;
    else this.unseeded--;
    this.pending.delete(p.id);
    unlist(this.bySha, p.revert.sha, p);
    for (const m of p.matchers) {
      if (m.evidence === 'subject-exact') unlist(this.exact, m.subject, p);
      else if (m.evidence === 'pr-number') unlist(this.prs, String(m.pr), p);
      else if (m.evidence === 'sha') unlist(this.hexes, m.hex.slice(0, HEX_KEY), p);
      else unlist(this.prefixes, m.prefix.slice(0, MIN_PREFIX), p);
    }
    return true;
  }

  /**
   * The walk is over. After a complete walk every seeded revert has seen its whole ancestry,
   * so its best hit (or none) is final; anything the walk did not seed, or everything after a
   * failed walk, is answered one by one.
   */
  private finish(complete: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.reach.clear();
    for (const p of [...this.pending.values()]) {
      if (p.done) continue;
      if (complete && p.seeded && !this.closed) {
        this.resolveBest(p);
      } else if (!this.closed) {
        this.drop(p);
        if (this.own) this.own.fallback(p.revert, p.matchers).then(p.resolve, () => p.resolve(undefined));
        else p.resolve(undefined);
      }
    }
    this.pending.clear();
    this.bySha.clear();
    this.exact.clear();
    this.prs.clear();
    this.prefixes.clear();
    this.hexes.clear();
  }
}

function push(map: Map<string, Pending[]>, key: string, p: Pending): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/** A new set of the ids still waiting in `a` and `b` (marks are shared between commits, never changed). */
function unlist(map: Map<string, Pending[]>, key: string, p: Pending): void {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((q) => q !== p);
  if (rest.length === 0) map.delete(key);
  else if (rest.length !== list.length) map.set(key, rest);
}

function union(a: Marks | undefined, b: Marks, pending: ReadonlyMap<number, Pending>): Marks {
  const out = new Set<number>();
  for (const id of a ?? []) if (pending.has(id)) out.add(id);
  for (const id of b) if (pending.has(id)) out.add(id);
  return out;
}
