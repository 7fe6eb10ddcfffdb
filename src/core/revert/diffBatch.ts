/**
 * Diff evidence for many commits with few git processes. The message scan asks for it only for
 * revert-like commits whose message names nothing git can resolve, and for messages naming
 * several commits; each page of such commits costs one `git log -p --no-walk` for all their own
 * diffs, then one path-limited `git log -p` walk each (see {@link MAX_GROUP}), bounded by depth,
 * a time window and a byte cap, and at most `MAX_DIFF_LINKS` per scan (revertScanner.ts).
 */
import { gitTime } from '../git/gitTime';
import { MIN_COVER, inversion, isPart, lineCount, onPaths, parseDiffLines, pathsOf, pickUndone, type DiffEvidence, type ExplainRule, type LineSet } from './diffEvidence';
import type { GitRunner } from './gitStream';
import { patchRecords } from './patchStream';

export interface UndoneRequest extends ExplainRule {
  sha: string;
  /** ISO committer date of `sha`. */
  date: string;
}

export interface BatchOptions {
  /** Earlier commits touching a commit's paths compared per commit, nearest first (default 40). */
  depth?: number;
  /** Only commits made at most this many days before are compared (default 365). */
  windowDays?: number;
}

const DIFF_ARGS = ['-p', '-U0', '--no-color', '--no-renames', '--no-ext-diff'];
/** A commit whose diff is larger than this (characters) is not compared (vendored drops). */
const MAX_RECORD = 32 * 1024 * 1024;
/** Characters read by one group's walk before it stops. */
const MAX_WALK = 64 * 1024 * 1024;
/** Shas per `--no-walk` command line (Windows allows 32k characters). */
const SHAS_PER_SHOW = 100;
/** Paths of one commit given to the walk; a commit touching more is compared on its first ones. */
const MAX_PATHS = 200;
/** Pathspec characters per group walk, so the command line stays short on every platform. */
const MAX_PATHSPEC = 24_000;
/**
 * Commits per walk. One walk for many commits was measured worse on the Mercurial-converted
 * corpus repository (113 s against 79 s, and linking 0.825 against 0.873): a shared walk cannot
 * stop until the oldest commit's window is read, and one unreadable blob costs every commit of
 * the group. The grouping stays for history whose unresolvable reverts are close together.
 */
const MAX_GROUP = 1;
/** Commits git could not show (a blob missing from a partial clone) skipped per walk before it gives up. */
const RETRIES = 20;
/** `:(literal)` and the argument's separator. */
const PATHSPEC_OVERHEAD = 12;

/** Each commit's changed lines against its first parent (missing shas are left out). */
export async function linesOfCommits(runner: GitRunner, shas: readonly string[]): Promise<Map<string, LineSet>> {
  const out = new Map<string, LineSet>();
  const unique = [...new Set(shas)];
  for (let i = 0; i < unique.length; i += SHAS_PER_SHOW) {
    const chunk = unique.slice(i, i + SHAS_PER_SHOW);
    const args = ['log', '--no-walk=unsorted', ...DIFF_ARGS, '--first-parent', '-m', '--format=%x01%H%x00', '--end-of-options', ...chunk, '--'];
    for await (const r of patchRecords(runner, args, { fields: 1, maxRecord: MAX_RECORD, retries: RETRIES })) {
      out.set(r.header[0], r.oversized ? new Map() : parseDiffLines(r.patch));
    }
  }
  return out;
}

interface Open {
  req: UndoneRequest;
  own: LineSet;
  /** Changed lines of `own`. */
  size: number;
  paths: Set<string>;
  time: number;
  opened: boolean;
  closed: boolean;
  seen: number;
  kept: [string, LineSet][];
}

/**
 * For each request, the earlier commits its diff undoes, among the `depth` nearest commits
 * before it that touched the same paths (see {@link pickUndone}); requests without such
 * commits are missing from the result.
 */
export async function findUndoneBatch(runner: GitRunner, requests: readonly UndoneRequest[], options: BatchOptions = {}): Promise<Map<string, DiffEvidence>> {
  const result = new Map<string, DiffEvidence>();
  if (requests.length === 0) return result;
  const own = await linesOfCommits(
    runner,
    requests.map((r) => r.sha),
  );
  const open: Open[] = [];
  for (const req of [...requests].sort((a, b) => Date.parse(b.date) - Date.parse(a.date))) {
    const lines = own.get(req.sha);
    const time = Date.parse(req.date) / 1000;
    if (!lines || lines.size === 0 || Number.isNaN(time)) continue;
    open.push({ req, own: lines, size: lineCount(lines), paths: new Set([...pathsOf(lines)].slice(0, MAX_PATHS)), time, opened: false, closed: false, seen: 0, kept: [] });
  }
  for (const group of groups(open)) await walkGroup(runner, group, options);
  for (const o of open) {
    const found = pickUndone(o.own, o.kept, o.req);
    if (found) result.set(o.req.sha, found);
  }
  return result;
}

/** Consecutive requests (newest first) whose paths fit one command line. */
function groups(open: Open[]): Open[][] {
  const out: Open[][] = [];
  let group: Open[] = [];
  let paths = new Set<string>();
  let chars = 0;
  const cost = (list: Iterable<string>): number => [...list].reduce((n, p) => n + p.length + PATHSPEC_OVERHEAD, 0);
  for (const o of open) {
    const added = [...o.paths].filter((p) => !paths.has(p));
    if (group.length > 0 && (group.length >= MAX_GROUP || chars + cost(added) > MAX_PATHSPEC)) {
      out.push(group);
      group = [];
      paths = new Set();
      chars = 0;
    }
    group.push(o);
    for (const p of o.paths) {
      if (paths.has(p)) continue;
      paths.add(p);
      chars += p.length + PATHSPEC_OVERHEAD;
    }
  }
  if (group.length > 0) out.push(group);
  return out;
}

/**
 * One path-limited walk from every commit of the group, newest first: each commit "opens" when
 * the walk reaches it and compares the next `depth` commits touching its paths, inside its
 * time window; git stops when every commit of the group has what it needs.
 */
async function walkGroup(runner: GitRunner, group: Open[], options: BatchOptions): Promise<void> {
  const depth = options.depth ?? 40;
  const window = (options.windowDays ?? 365) * 86_400;
  const oldest = Math.min(...group.map((o) => o.time)) - window;
  const paths = new Set(group.flatMap((o) => [...o.paths]));
  // Paths as literal pathspecs: a path is data, never pathspec magic.
  const pathspecs = [...paths].map((p) => `:(literal)${p.replace(/^"|"$/g, '')}`);
  const args = ['log', ...DIFF_ARGS, '--no-merges', '--format=%x01%H%x00%ct%x00', `--since=${gitTime(oldest)}`, '--end-of-options', ...group.map((o) => o.req.sha), '--', ...pathspecs];
  try {
    for await (const r of patchRecords(runner, args, { fields: 2, maxRecord: MAX_RECORD, maxTotal: MAX_WALK, retries: RETRIES })) {
      const sha = r.header[0].trim();
      const time = Number(r.header[1]);
      let lines: LineSet | undefined;
      let waiting = false;
      for (const o of group) {
        if (o.closed) continue;
        if (!o.opened) {
          if (sha === o.req.sha) {
            o.opened = true;
            waiting = true;
            continue;
          }
          if (!(time < o.time)) {
            waiting = true;
            continue;
          }
          o.opened = true;
        }
        if (time < o.time - window) {
          o.closed = true;
          continue;
        }
        lines ??= r.oversized ? new Map<string, number>() : parseDiffLines(r.patch);
        const mine = onPaths(lines, o.paths);
        if (mine.size > 0 || r.oversized) {
          o.seen++;
          if (mine.size > 0 && keeps(inversion(o.own, mine), o.size)) o.kept.push([sha, mine]);
          if (o.seen >= depth) o.closed = true;
        }
        if (!o.closed) waiting = true;
      }
      if (!waiting) return;
    }
  } catch {
    // A root commit's walk, a shallow boundary: compare what was read.
  }
}

/** Worth comparing further: it undoes a real share of that commit, or it explains nearly all of this one. */
function keeps(r: { matched: number; cover: number }, size: number): boolean {
  return r.matched > 0 && (r.cover >= MIN_COVER || isPart(r.matched, size));
}
