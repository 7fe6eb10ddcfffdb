import type { GitRunner } from '../git/runner';
import { isFullSha } from '../git/revision';
import { isCandidateMessage } from '../revert/historyWalk';
import { parseRevertMessage } from '../revert/messageParser';
import { DateQueue, GenerationQueue } from './commitQueues';
import { CommitStore, parseShaAndParents, type ShaAndParents } from './commitStore';
import { readByteItems } from './gitItems';

/** A commit as deploy detection reads it: `git log --format=%H%x00%s%x00%b`. */
export interface LoggedCommit {
  sha: string;
  subject: string;
  /** The message body; the graph keeps it only for reverts (the only commits whose body is read). */
  body: string;
  /** Set by the graph: whether the revert parser accepts the message (a reapply is no revert). */
  revert?: boolean;
}

/**
 * The history behind a set of deploy tags, held once in memory so that deploy detection asks
 * its ancestry and range questions without starting git for each pair of tags: with 50,000 tags
 * the old `git merge-base` per pair (and a `git log` per forward step) meant ~100,000 processes.
 *
 * One git process, `log -z --stdin`, read as bytes into a {@link CommitStore}; only reverts keep
 * their body. A generation number per commit (1 + its parents' largest) bounds every walk. Ranges
 * come back in git's own order ({@link DateQueue}), as `git rev-list good..failed` lists them.
 */
export class CommitGraph {
  private readonly store = new CommitStore();
  /** Bodies of the commits the revert parser accepts (reapplies left out). */
  private readonly revertBodies = new Map<number, string>();
  private gen: Int32Array = new Int32Array(0);
  private time: Float64Array = new Float64Array(0);
  private stamp: Uint32Array = new Uint32Array(0);
  private stack: Int32Array = new Int32Array(0);
  /** The date queues' order of queueing, a slot per commit (one queue is walked at a time). */
  private queued: Float64Array = new Float64Array(0);
  private color: Uint8Array = new Uint8Array(0);
  private epoch = 0;

  /**
   * Reads the history behind `tips` (full shas) and behind the revisions in `alsoFrom` (e.g.
   * `--branches`, so one walk also serves the hotfix rule). @throws GitCommandError when git fails
   */
  static async load(runner: GitRunner, tips: readonly string[], alsoFrom: readonly string[] = []): Promise<CommitGraph> {
    const unique = [...new Set(tips.filter(isFullSha).map((s) => s.toLowerCase()))];
    return CommitGraph.loadLines(runner, unique.map((s) => `${s}\n`).join(''), alsoFrom);
  }

  /** {@link load} with the tips given as `git log --stdin` reads them: one full sha a line, each once. */
  static async loadLines(runner: GitRunner, input: string | Buffer, alsoFrom: readonly string[] = []): Promise<CommitGraph> {
    const graph = new CommitGraph();
    if (input.length > 0 || alsoFrom.length > 0) await graph.read(runner, input, alsoFrom);
    return graph.finish();
  }

  /**
   * {@link loadLines} in two walks, the first started at once: the history behind `alsoFrom`
   * (e.g. `--branches --remotes`) is read while the caller works out its tips (reading the deploy
   * tags); then only the tips that walk did not reach are read, down to its history
   * (`--not <alsoFrom>`). Deploy tags name commits of the branches, so the second walk is
   * usually not needed (with no branch at all, it reads the tips' whole history). `tips`
   * resolving to undefined means no graph is wanted: the caller stops the first walk through the
   * runner's signal. @throws GitCommandError when git fails
   */
  static async loadAround(runner: GitRunner, alsoFrom: readonly string[], tips: Promise<Buffer | undefined>): Promise<CommitGraph | undefined> {
    const graph = new CommitGraph();
    const first = graph.read(runner, '', alsoFrom);
    // Awaited below once the tips are known; until then a failure must not go unhandled.
    first.catch(() => undefined);
    const lines = await tips;
    if (lines === undefined) return undefined;
    await first;
    const missing = graph.notHeld(lines);
    if (missing.length > 0) await graph.read(runner, missing, ['--not', ...alsoFrom]);
    return graph.finish();
  }

  /** The lines of `lines` (one hex sha each) whose commit this graph does not hold yet. */
  private notHeld(lines: Buffer): Buffer {
    const out = Buffer.alloc(lines.length);
    let used = 0;
    for (let start = 0; start < lines.length; ) {
      let end = lines.indexOf(0x0a, start);
      if (end < 0) end = lines.length;
      if (end > start && this.store.findHex(lines, start, end - start) < 0) {
        used += lines.copy(out, used, start, end);
        out[used++] = 0x0a;
      }
      start = end + 1;
    }
    return out.subarray(0, used);
  }

  /** Adds the commits `git log --stdin <alsoFrom>` lists for the tips `input` (the caller finishes the graph). */
  private async read(runner: GitRunner, input: string | Buffer, alsoFrom: readonly string[]): Promise<void> {
    const store = this.store;
    // Each tip line (41 or 65 bytes) is a commit of the history: at least that many commits.
    store.reserve(input.length / 65);
    let field = 0;
    const commit: ShaAndParents = { id: -1, first: -1, more: undefined };
    let time = 0;
    // One walk, read as bytes: subjects go into one buffer, only revert bodies become strings;
    // nothing is allocated for an ordinary commit (no array, string or buffer view).
    await readByteItems(runner, ['log', '-z', '--stdin', ...alsoFrom, '--format=%H %P%x00%ct%x00%s%x00%b', '--'], input, 0, (bytes, start, end) => {
      switch (field++) {
        case 0:
          parseShaAndParents(store, bytes, start, end, commit);
          return;
        case 1:
          time = decimal(bytes, start, end);
          return;
        case 2:
          if (commit.id >= 0) store.setCommit(commit.id, commit.first, commit.more, time, bytes, start, end);
          return;
        default:
          field = 0;
          if (commit.id >= 0) this.noteRevert(commit.id, bytes, start, end);
      }
    });
  }

  /** Keeps the body (`bytes[start, end)`) of a commit the revert parser accepts. */
  private noteRevert(id: number, bytes: Buffer, start: number, end: number): void {
    // Most commits name none of the filter's words: decided on the bytes, no string made.
    if (!mayBeCandidate(bytes, start, end) && !this.store.testSubject(id, mayBeCandidate)) return;
    const body = end > start ? bytes.toString('utf8', start, end) : '';
    const subject = this.store.subjectOf(id);
    if (!isCandidateMessage(subject, body)) return;
    const parsed = parseRevertMessage(subject, body);
    if (parsed !== null && parsed.kind !== 'reapply') this.revertBodies.set(id, body);
  }

  get size(): number {
    return this.store.size;
  }

  has(sha: string): boolean {
    return this.store.find(sha) !== undefined;
  }

  /** The id of the hex sha in `text[start, start + length)`, or -1 when the graph does not hold it. */
  idOfHex(text: Uint8Array, start: number, length: number): number {
    return this.store.findHex(text, start, length);
  }

  /**
   * Whether `ancestor` is `descendant` or one of its ancestors (what `git merge-base --is-ancestor`
   * answers); undefined when `descendant` is not in the graph (the caller asks git). A commit
   * missing from the graph is no ancestor of one in it: the graph holds every ancestor of its tips.
   */
  isAncestor(ancestor: string, descendant: string): boolean | undefined {
    const to = this.store.find(descendant);
    if (to === undefined) return undefined;
    return this.isAncestorId(this.store.find(ancestor) ?? NONE, to);
  }

  /** {@link isAncestor} by ids; `from` is {@link NONE} (-1) for a commit the graph does not hold. */
  isAncestorId(from: number, to: number): boolean {
    if (from === NONE) return false;
    if (from === to) return true;
    const floor = this.gen[from];
    if (floor >= this.gen[to]) return false;
    const epoch = this.nextEpoch();
    // One stack per graph: each commit is pushed at most once per walk.
    const stack = this.stack;
    let size = 0;
    stack[size++] = to;
    this.stamp[to] = epoch;
    while (size > 0) {
      const at = stack[--size];
      for (let k = 0, n = this.parentCount(at); k < n; k++) {
        const p = this.parentAt(at, k);
        if (p === from) return true;
        if (this.stamp[p] === epoch || this.gen[p] <= floor) continue;
        this.stamp[p] = epoch;
        stack[size++] = p;
      }
    }
    return false;
  }

  /**
   * Whether `git log from..to` (commits of `to` not reachable from `from`) holds a revert (any
   * revert the message parser accepts, reapplies left out); undefined when `to` is not in the
   * graph. A two-colour walk in generation order: a commit's colour is final when it is taken,
   * since every commit that could pass a colour to it has a higher generation.
   */
  rangeHasRevert(from: string | undefined, to: string): boolean | undefined {
    const top = this.store.find(to);
    if (top === undefined) return undefined;
    return this.rangeHasRevertId(from === undefined ? NONE : (this.store.find(from) ?? NONE), top);
  }

  /** {@link rangeHasRevert} by ids; `from` is {@link NONE} (-1) for none, or a commit the graph does not hold (then every commit of `to` counts). */
  rangeHasRevertId(from: number, top: number): boolean {
    const bottom = from === NONE ? undefined : from;
    let found = false;
    this.walkNew(top, bottom, (id) => (found = this.revertBodies.has(id)));
    return found;
  }

  /**
   * `git log from..to` (every commit of `to` when `from` is undefined), newest first in git's
   * order, at most `max`; undefined when `to` (or a given `from`) is not in the graph.
   */
  logRange(from: string | undefined, to: string, max: number): LoggedCommit[] | undefined {
    return this.rangeIds(from, to, max)?.map((id) => ({ sha: this.store.shaOf(id), subject: this.store.subjectOf(id), body: this.revertBodies.get(id) ?? '', revert: this.revertBodies.has(id) }));
  }

  /** `git rev-list --max-count=<max> to ^from` from memory; undefined when either is not in the graph. */
  commitsBetween(from: string, to: string, max: number): string[] | undefined {
    return this.rangeIds(from, to, max)?.map((id) => this.store.shaOf(id));
  }

  /**
   * `git log <tips> --since-as-filter=@since --until=@until` from memory: the commits reachable
   * from `tips` (in the order given, as `--branches --remotes` lists them) with a committer time
   * in [since, until] whose subject passes `keep`, in git's order; undefined when a tip is not
   * in the graph. Only kept commits become objects (a walk can pass every commit in the graph).
   */
  logFrom(tips: readonly string[], since: number, until: number, keep: (subject: string) => boolean): { sha: string; time: number; subject: string }[] | undefined {
    const ids = tips.map((t) => this.store.find(t));
    if (ids.some((id) => id === undefined)) return undefined;
    const epoch = this.nextEpoch();
    const queue = new DateQueue(this.time, this.queued);
    for (const id of ids as number[]) {
      if (this.stamp[id] === epoch) continue;
      this.stamp[id] = epoch;
      queue.push(id);
    }
    const out: { sha: string; time: number; subject: string }[] = [];
    while (queue.size > 0) {
      const id = queue.pop();
      const time = this.time[id];
      if (time >= since && time <= until) {
        const subject = this.store.subjectOf(id);
        if (keep(subject)) out.push({ sha: this.store.shaOf(id), time, subject });
      }
      for (let k = 0, n = this.parentCount(id); k < n; k++) {
        const p = this.parentAt(id, k);
        if (this.stamp[p] === epoch) continue;
        this.stamp[p] = epoch;
        queue.push(p);
      }
    }
    return out;
  }

  private rangeIds(from: string | undefined, to: string, max: number): number[] | undefined {
    const top = this.store.find(to);
    const bottom = from === undefined ? undefined : this.store.find(from);
    if (top === undefined || (from !== undefined && bottom === undefined)) return undefined;
    const limit = Math.max(0, Math.floor(max));
    if (limit === 0) return [];
    const inRange = bottom === undefined ? undefined : this.newCommits(top, bottom);
    // git's walk restricted to the range: a commit of the range is only ever queued by another
    // commit of the range, so commits outside it do not change the order of those inside.
    const epoch = this.nextEpoch();
    const queue = new DateQueue(this.time, this.queued);
    const out: number[] = [];
    if (inRange === undefined || inRange.has(top)) {
      this.stamp[top] = epoch;
      queue.push(top);
    }
    while (queue.size > 0 && out.length < limit) {
      const id = queue.pop();
      out.push(id);
      for (let k = 0, n = this.parentCount(id); k < n; k++) {
        const p = this.parentAt(id, k);
        if (this.stamp[p] === epoch || (inRange !== undefined && !inRange.has(p))) continue;
        this.stamp[p] = epoch;
        queue.push(p);
      }
    }
    return out;
  }

  /** Every commit reachable from `top` and not from `bottom` (the two-colour walk of {@link rangeHasRevert}, to the end). */
  private newCommits(top: number, bottom: number): Set<number> {
    const found = new Set<number>();
    this.walkNew(top, bottom, (id) => {
      found.add(id);
      return false;
    });
    return found;
  }

  /**
   * The two-colour walk: commits reachable from `top` (NEW) and from `bottom` (OLD) are taken in
   * generation order; `visit` sees each commit reachable from `top` only, and the walk ends when
   * `visit` returns true or no such commit is left queued. A commit reached from both sides is OLD.
   */
  private walkNew(top: number, bottom: number | undefined, visit: (id: number) => boolean): void {
    this.walkEpoch = this.nextEpoch();
    // One queue per graph, emptied here (a walk that stopped early leaves commits in it).
    this.genQueue.clear();
    this.onlyNew = 0;
    this.paint(top, NEW);
    if (bottom !== undefined) this.paint(bottom, OLD);
    while (this.onlyNew > 0) {
      const id = this.genQueue.pop();
      const c = this.color[id];
      if (c === NEW) {
        this.onlyNew--;
        if (visit(id)) return;
      }
      for (let k = 0, n = this.parentCount(id); k < n; k++) this.paint(this.parentAt(id, k), c === NEW ? NEW : OLD);
    }
  }

  /** {@link walkNew}'s epoch and count of queued commits reachable from `top` but (so far) not from `bottom`. */
  private walkEpoch = 0;
  private onlyNew = 0;
  private genQueue = new GenerationQueue(new Int32Array(0));

  private paint(id: number, c: number): void {
    if (this.stamp[id] !== this.walkEpoch) {
      this.stamp[id] = this.walkEpoch;
      this.color[id] = c;
      if (c === NEW) this.onlyNew++;
      this.genQueue.push(id);
    } else if ((this.color[id] | c) !== this.color[id]) {
      if (this.color[id] === NEW) this.onlyNew--;
      this.color[id] |= c;
    }
  }

  /**
   * How many parents `id` has; {@link parentAt} names them in order. Walks loop over these
   * instead of an array per commit (the walks of 50,000 deploys made ~100 MB of such arrays).
   */
  private parentCount(id: number): number {
    if (this.store.firstParentOf(id) === NONE) return 0;
    const more = this.store.moreParentsOf(id);
    return more ? 1 + more.length : 1;
  }

  private parentAt(id: number, k: number): number {
    return k === 0 ? this.store.firstParentOf(id) : this.store.moreParentsOf(id)![k - 1];
  }

  /** Generation numbers, iteratively (a deep history would overflow a recursive walk). */
  private finish(): this {
    this.store.trim();
    const n = this.store.size;
    this.gen = new Int32Array(n);
    this.genQueue = new GenerationQueue(this.gen);
    this.time = this.store.committerTimes;
    this.stamp = new Uint32Array(n);
    this.stack = new Int32Array(n);
    this.queued = new Float64Array(n);
    this.color = new Uint8Array(n);
    const stack: number[] = [];
    for (let start = 0; start < n; start++) {
      if (this.gen[start] !== 0) continue;
      stack.push(start);
      while (stack.length > 0) {
        const id = stack[stack.length - 1];
        let ready = true;
        let g = 1;
        for (let k = 0, count = this.parentCount(id); k < count; k++) {
          const p = this.parentAt(id, k);
          if (this.gen[p] === 0) {
            ready = false;
            stack.push(p);
          } else if (this.gen[p] + 1 > g) g = this.gen[p] + 1;
        }
        if (ready) {
          this.gen[id] = g;
          stack.pop();
        }
      }
    }
    return this;
  }

  private nextEpoch(): number {
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}

const NONE = -1;

const NEW = 1;
const OLD = 2;

/** A decimal number (`%ct`) read from bytes; anything but digits is read as `Number` reads it. */
function decimal(bytes: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return Number(bytes.toString('latin1', start, end));
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/**
 * False only when `bytes[start, end)` holds none of the words every match of
 * `CANDIDATE_FILTER` (revert/historyWalk.ts) contains (revert, reapply, reland, recommit, roll, back), in any
 * ASCII case (the filter's `i` folds ASCII letters only). True means "decode and test".
 */
export function mayBeCandidate(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i] | 0x20;
    if (c === 0x72 /* r */) {
      if (startsWithWord(bytes, i + 1, end, 'evert') || startsWithWord(bytes, i + 1, end, 'eapply') || startsWithWord(bytes, i + 1, end, 'eland') || startsWithWord(bytes, i + 1, end, 'ecommit') || startsWithWord(bytes, i + 1, end, 'oll')) return true;
    } else if (c === 0x62 /* b */ && startsWithWord(bytes, i + 1, end, 'ack')) return true;
  }
  return false;
}

/** Whether `bytes` at `at` spell `word` (lowercase ASCII), ignoring ASCII case. */
function startsWithWord(bytes: Uint8Array, at: number, end: number, word: string): boolean {
  if (end - at < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[at + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}
