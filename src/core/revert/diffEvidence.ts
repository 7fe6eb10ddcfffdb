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

const MIN_LINE = 2;
/** Commits whose diff is larger than this many changed lines are not compared (vendored drops). */
const MAX_LINES = 50_000;
/** A target must have at least this share of its own lines inverted to count. */
export const MIN_COVER = 0.3;
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

/** The paths of a commit's changed lines. */
export function pathsOf(lines: LineSet): Set<string> {
  const paths = new Set<string>();
  for (const key of lines.keys()) paths.add(key.slice(0, key.indexOf('\0')));
  return paths;
}

/** The lines of `lines` in `paths` (all of them when every path is in). */
export function onPaths(lines: LineSet, paths: ReadonlySet<string>): LineSet {
  const out: LineSet = new Map();
  for (const [key, n] of lines) if (paths.has(key.slice(0, key.indexOf('\0')))) out.set(key, n);
  return out.size === lines.size ? lines : out;
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
