/**
 * Diffs as evidence: finds the earlier commits a commit undoes by comparing its diff with the
 * inverse of the diffs of earlier commits that touched the same paths. Used when a message
 * says "revert" but names nothing git can resolve (a Mercurial changeset id, "the previous
 * patch", a topic in words), for partial reverts, and by the deep scan for silent reverts.
 *
 * Lines are compared per file, trimmed, as multisets: a line the earlier commit added and this
 * one removes (or the other way round) is one inverted line. Lines shorter than
 * {@link MIN_LINE} characters ("}", "") match too easily to count.
 */
import { streamText, type GitRunner } from './gitStream';

/** Changed lines of one commit: `file\0+line` / `file\0-line` → count. */
export type LineSet = Map<string, number>;

export interface UndoneCommit {
  sha: string;
  /** Share of that commit's changed lines this one inverts (1 = all of it). */
  cover: number;
  /** Files of that commit with at least one inverted line. */
  files: string[];
}

export interface DiffEvidence {
  /** The commits undone, nearest first; several when a topic is reverted. */
  undone: UndoneCommit[];
  /** Share of this commit's own changed lines that invert the commits in `undone`. */
  explained: number;
  /** Some lines of the undone commits stay: a partial revert. */
  partial: boolean;
}

export interface DiffSearchOptions {
  /** Earlier commits touching the same paths to compare, nearest first. */
  depth?: number;
  /** Least share of this commit's lines the undone commits must explain. */
  minExplained?: number;
  /** Only compare commits made at most this many days before (default 365): bounds git's walk. */
  windowDays?: number;
}

const MIN_LINE = 2;
/** Commits whose diff is larger than this many changed lines are not compared (vendored drops). */
const MAX_LINES = 50_000;
/** Paths passed to one `git log`; a commit touching more is compared on its first ones. */
const MAX_PATHS = 200;
/** Bytes of earlier diffs read per search before it stops. */
const MAX_BYTES = 32 * 1024 * 1024;
/** A target must have at least this share of its own lines inverted to count. */
const MIN_COVER = 0.3;
/** A target covered less than this is only partly undone. */
const FULL_COVER = 0.8;

/** Parses `git show/log -p -U0` text of one commit into its changed lines. */
export function parseDiffLines(patch: string): LineSet {
  const lines: LineSet = new Map();
  let file: string | undefined;
  let count = 0;
  for (const raw of patch.split('\n')) {
    const c = raw.charCodeAt(0);
    if (raw.startsWith('diff --git ') || raw.startsWith('@@')) continue;
    if (raw.startsWith('--- ')) {
      const f = raw.slice(4);
      file = f === '/dev/null' ? undefined : f.replace(/^"?a\//, '');
      continue;
    }
    if (raw.startsWith('+++ ')) {
      const f = raw.slice(4);
      if (f !== '/dev/null') file = f.replace(/^"?b\//, '');
      continue;
    }
    if (file === undefined || (c !== 43 && c !== 45)) continue; // '+' / '-'
    const text = raw.slice(1).trim();
    if (text.length < MIN_LINE) continue;
    const key = `${file}\0${raw[0]}${text}`;
    lines.set(key, (lines.get(key) ?? 0) + 1);
    if (++count > MAX_LINES) return new Map();
  }
  return lines;
}

function inverseKey(key: string): string {
  const at = key.indexOf('\0');
  const sign = key[at + 1] === '+' ? '-' : '+';
  return `${key.slice(0, at + 1)}${sign}${key.slice(at + 2)}`;
}

function total(lines: LineSet): number {
  let n = 0;
  for (const v of lines.values()) n += v;
  return n;
}

/**
 * How much of `earlier` the commit with lines `own` inverts, counting only lines still in
 * `pool` (lines already explained by a nearer target are not counted twice).
 */
export function inversion(pool: LineSet, earlier: LineSet): { matched: number; cover: number; files: string[] } {
  let matched = 0;
  let size = 0;
  let restored = 0;
  const files = new Set<string>();
  for (const [key, n] of earlier) {
    size += n;
    const hit = Math.min(n, pool.get(inverseKey(key)) ?? 0);
    if (hit > 0) {
      matched += hit;
      if (key[key.indexOf('\0') + 1] === '-') restored += hit;
      files.add(key.slice(0, key.indexOf('\0')));
    }
  }
  // Removing lines an edit added without bringing back any it removed is editing it again,
  // not undoing it: an undo of a replacement restores something of what was replaced.
  if (restored === 0 && removedIn(earlier, files)) return { matched: 0, cover: 0, files: [] };
  return { matched, cover: size === 0 ? 0 : matched / size, files: [...files] };
}

function removedIn(lines: LineSet, files: Set<string>): boolean {
  for (const key of lines.keys()) {
    const at = key.indexOf('\0');
    if (key[at + 1] === '-' && files.has(key.slice(0, at))) return true;
  }
  return false;
}

/**
 * Picks the earlier commits that `own` undoes, greedily: the one explaining most of the
 * remaining lines first (the nearest on ties), until nothing more is explained.
 */
export function pickUndone(own: LineSet, earlier: Iterable<[string, LineSet]>, minExplained = 0.5): DiffEvidence | undefined {
  const size = total(own);
  if (size === 0) return undefined;
  const pool = new Map(own);
  const candidates = [...earlier];
  const undone: UndoneCommit[] = [];
  let explained = 0;
  for (let round = 0; round < 10; round++) {
    let best: { sha: string; matched: number; cover: number; files: string[] } | undefined;
    for (const [sha, lines] of candidates) {
      if (undone.some((u) => u.sha === sha)) continue;
      const r = inversion(pool, lines);
      if (r.cover < MIN_COVER || r.matched === 0) continue;
      if (!best || r.matched > best.matched) best = { sha, ...r };
    }
    // A further target must explain a real share of the commit, not a stray line.
    if (!best || (undone.length > 0 && best.matched < Math.max(2, size * 0.1))) break;
    undone.push({ sha: best.sha, cover: best.cover, files: best.files });
    explained += best.matched;
    const lines = candidates.find(([s]) => s === best.sha)?.[1] ?? new Map<string, number>();
    for (const [key, n] of lines) {
      const inv = inverseKey(key);
      const left = (pool.get(inv) ?? 0) - n;
      if (left > 0) pool.set(inv, left);
      else pool.delete(inv);
    }
  }
  if (undone.length === 0 || explained / size < minExplained) return undefined;
  return { undone, explained: explained / size, partial: undone.some((u) => u.cover < FULL_COVER) };
}

/** The changed lines of one commit against its first parent. */
export async function commitLines(runner: GitRunner, sha: string): Promise<{ lines: LineSet; paths: string[] }> {
  let text = '';
  for await (const chunk of streamText(runner, ['show', '--format=', '-U0', '--no-color', '--no-renames', '--no-ext-diff', '--first-parent', '-m', '--end-of-options', sha, '--'], false)) {
    text += chunk;
    if (text.length > MAX_BYTES) return { lines: new Map(), paths: [] };
  }
  const lines = parseDiffLines(text);
  const paths = new Set<string>();
  for (const key of lines.keys()) paths.add(key.slice(0, key.indexOf('\0')));
  return { lines, paths: [...paths] };
}

/**
 * Earlier commits that `sha` undoes, found among the `depth` nearest ancestors touching the
 * same paths; undefined when its diff does not invert any of them well enough.
 */
export async function findUndoneByDiff(runner: GitRunner, sha: string, date: string, options: DiffSearchOptions = {}): Promise<DiffEvidence | undefined> {
  const own = await commitLines(runner, sha);
  if (own.lines.size === 0) return undefined;
  const earlier: [string, LineSet][] = [];
  // Paths as literal pathspecs: a path is data, never pathspec magic.
  const paths = own.paths.slice(0, MAX_PATHS).map((p) => `:(literal)${p.replace(/^"|"$/g, '')}`);
  const args = ['log', '-p', '-U0', '--no-color', '--no-renames', '--no-ext-diff', '--no-merges', '--format=%x01%H', `--max-count=${options.depth ?? 40}`, ...since(date, options.windowDays ?? 365), '--end-of-options', `${sha}^`, '--', ...paths];
  let pending = '';
  let read = 0;
  const take = (record: string): void => {
    const sha40 = record.slice(0, 40);
    if (/^[0-9a-f]{40}$/.test(sha40)) earlier.push([sha40, parseDiffLines(record.slice(41))]);
  };
  try {
    for await (const chunk of streamText(runner, args, false)) {
      read += chunk.length;
      const parts = (pending + chunk).split('\x01');
      pending = parts.pop() ?? '';
      for (const p of parts) if (p !== '') take(p);
      if (read > MAX_BYTES) break;
    }
    if (read <= MAX_BYTES && pending !== '') take(pending);
  } catch {
    // A root commit has no parent to walk from: nothing earlier to undo.
    return undefined;
  }
  return pickUndone(own.lines, earlier, options.minExplained);
}

/** `--since` a window before `date`: a path-limited walk otherwise reads history to the root. */
function since(date: string, days: number): string[] {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? [] : [`--since=@${Math.max(0, Math.floor(ms / 1000) - days * 86_400)}`];
}
