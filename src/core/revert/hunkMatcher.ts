/**
 * The deep scan's matcher: commits arrive newest first, each as its hunks (hunks.ts). A commit
 * "wants" the inverse of each of its hunks; an older commit that has such a hunk is undone by it
 * (fully, or partly when only some of its hunks are). Only hashes are kept, and only for
 * commits inside the time window, so memory follows the hunks of that window (capped), not the
 * history.
 */
import type { Hunk } from './hunks';

export interface HunkCommit<T> {
  sha: string;
  /** What the caller needs about the commit if it turns out to be a revert. */
  info: T;
  /** Committer time, seconds. */
  time: number;
  hunks: Hunk[];
}

/** One commit that undoes others by its diff alone. */
export interface HunkMatch<T> {
  sha: string;
  info: T;
  /** The commits undone, most lines first. */
  undone: { sha: string; cover: number; files: string[] }[];
  /** Share of this commit's weighted lines that undo them. */
  explained: number;
  /** Weighted lines undone. */
  lines: number;
  /** Some undone commit keeps part of its change. */
  partial: boolean;
}

export interface MatcherOptions {
  /** How far back (days) a commit looks for what it undoes (default 365). */
  windowDays?: number;
  /** Only these commits look for what they undo (an incremental scan's new commits); default all. */
  wanting?: ReadonlySet<string>;
  /** Hunk hashes held at most; the oldest lookers stop early beyond it (default 400k). */
  maxWants?: number;
}

interface Target {
  matched: number;
  weight: number;
  files: Set<string>;
}

interface Wanter<T> {
  sha: string;
  info: T;
  time: number;
  weight: number;
  left: number;
  explained: number;
  keys: string[];
  targets: Map<string, Target>;
  done: boolean;
}

/** Share of a commit's lines that must be undo for it to count as a revert. */
const MIN_EXPLAINED = 0.8;
/** An undone commit must lose at least this share of its lines, or give this share of the undo. */
const MIN_COVER = 0.3;
/** Below this share of its lines undone, a commit is only partly reverted. */
const FULL_COVER = 0.8;

export class HunkMatcher<T> {
  private readonly wants = new Map<string, Wanter<T>[]>();
  private readonly queue: Wanter<T>[] = [];
  private head = 0;
  private held = 0;
  private readonly window: number;
  private readonly maxWants: number;
  private readonly found: HunkMatch<T>[] = [];

  constructor(private readonly options: MatcherOptions = {}) {
    this.window = (options.windowDays ?? 365) * 86_400;
    this.maxWants = options.maxWants ?? 400_000;
  }

  /** Commits still looking for what they undo. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** The next (older) commit of the walk. */
  add(c: HunkCommit<T>): void {
    this.expire(c.time);
    let weight = 0;
    const touched = new Set<Wanter<T>>();
    for (const h of c.hunks) {
      weight += h.weight;
      const list = this.wants.get(h.key);
      if (!list) continue;
      // Every newer commit wanting this hunk undoes it (a revert and its cherry-pick both do).
      this.wants.delete(h.key);
      for (const w of list) {
        if (w.done) continue;
        this.held--;
        let t = w.targets.get(c.sha);
        if (!t) w.targets.set(c.sha, (t = { matched: 0, weight: 0, files: new Set() }));
        t.matched += h.weight;
        t.files.add(h.path);
        w.explained += h.weight;
        w.left--;
        touched.add(w);
      }
    }
    for (const w of touched) {
      const t = w.targets.get(c.sha) as Target;
      t.weight = weight;
      if (w.left <= 0) this.finish(w);
    }
    if (weight === 0 || (this.options.wanting && !this.options.wanting.has(c.sha))) return;
    const w: Wanter<T> = { sha: c.sha, info: c.info, time: c.time, weight, left: 0, explained: 0, keys: [], targets: new Map(), done: false };
    for (const h of c.hunks) {
      if (h.weight === 0) continue;
      const list = this.wants.get(h.inverse);
      if (list) list.push(w);
      else this.wants.set(h.inverse, [w]);
      w.keys.push(h.inverse);
      w.left++;
      this.held++;
    }
    this.queue.push(w);
    while (this.held > this.maxWants && this.head < this.queue.length) this.finish(this.queue[this.head++]);
  }

  /** The walk is over: every commit still looking decides with what it found. */
  end(): HunkMatch<T>[] {
    while (this.head < this.queue.length) this.finish(this.queue[this.head++]);
    this.wants.clear();
    return this.found;
  }

  private expire(time: number): void {
    while (this.head < this.queue.length) {
      const w = this.queue[this.head];
      if (!w.done && w.time - time <= this.window) break;
      this.head++;
      this.finish(w);
    }
    // Drop the finished prefix now and then, so the queue does not grow with the history.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private finish(w: Wanter<T>): void {
    if (w.done) return;
    w.done = true;
    for (const key of w.keys) {
      const list = this.wants.get(key);
      if (!list) continue;
      const rest = list.filter((x) => x !== w);
      this.held -= list.length - rest.length;
      if (rest.length === 0) this.wants.delete(key);
      else this.wants.set(key, rest);
    }
    w.keys = [];
    const undone = [...w.targets]
      .map(([sha, t]) => ({ sha, cover: t.weight === 0 ? 0 : t.matched / t.weight, matched: t.matched, files: [...t.files] }))
      .filter((t) => t.cover >= MIN_COVER || t.matched >= w.weight / 2)
      .sort((a, b) => b.matched - a.matched);
    const lines = undone.reduce((n, t) => n + t.matched, 0);
    w.targets.clear();
    if (undone.length === 0 || lines / w.weight < MIN_EXPLAINED) return;
    this.found.push({
      sha: w.sha,
      info: w.info,
      undone: undone.map(({ sha, cover, files }) => ({ sha, cover: Math.min(1, cover), files })),
      explained: Math.min(1, lines / w.weight),
      lines,
      partial: undone.some((t) => t.cover < FULL_COVER),
    });
  }
}
