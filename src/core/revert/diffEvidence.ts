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
/** Share of an earlier commit's added lines whose removal undoes it even if nothing it replaced comes back. */
const MOST_ADDED = 0.5;
/**
 * A commit whose changed lines are at least this share the inverse of part of one earlier
 * commit undoes that part (a partial revert), however small the part is of that commit.
 */
export const PART_EXPLAINS = 0.8;
/** A target undone at least this much may explain less of the commit (a revert with new work). */
const WHOLE_COVER = 0.6;

/** How much of a commit the commits it undoes must explain. */
export interface ExplainRule {
  /** Least share of the commit's lines the undone commits explain. */
  minExplained: number;
  /** Least share when the first undone commit is undone nearly whole (default `minExplained`). */
  minExplainedWhole?: number;
}

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
  // Removing a few lines an edit added without bringing back any it removed is editing it
  // again, not undoing it: an undo of a replacement restores something of what was replaced.
  // Taking out most of what it added is an undo even when the replaced lines stay.
  if (restored === 0 && matched < added(earlier) * MOST_ADDED && removedIn(earlier, files)) return { matched: 0, cover: 0, files: [] };
  return { matched, cover: size === 0 ? 0 : matched / size, files: [...files] };
}

/**
 * Whether `lines` replaced something in `files`: a removed line that the same commit does not
 * add back in that file. A moved line (removed here, added there) was not replaced, so undoing
 * the move has nothing to restore.
 */
function added(lines: LineSet): number {
  let n = 0;
  for (const [key, count] of lines) if (key[key.indexOf('\0') + 1] === '+') n += count;
  return n;
}

function removedIn(lines: LineSet, files: Set<string>): boolean {
  for (const key of lines.keys()) {
    const at = key.indexOf('\0');
    if (key[at + 1] === '-' && files.has(key.slice(0, at)) && !lines.has(inverseKey(key))) return true;
  }
  return false;
}

/**
 * Picks the earlier commits that `own` undoes, greedily: the one explaining most of the
 * remaining lines first (the nearest on ties), until nothing more is explained.
 */
export function pickUndone(own: LineSet, earlier: Iterable<[string, LineSet]>, rule: ExplainRule = { minExplained: 0.5 }): DiffEvidence | undefined {
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
      if (r.matched === 0 || (r.cover < MIN_COVER && !(undone.length === 0 && isPart(r.matched, size)))) continue;
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
  const share = explained / size;
  const least = undone.length > 0 && undone[0].cover >= WHOLE_COVER ? Math.min(rule.minExplained, rule.minExplainedWhole ?? rule.minExplained) : rule.minExplained;
  if (undone.length === 0 || share < least) return undefined;
  return { undone, explained: share, partial: undone.some((u) => u.cover < FULL_COVER) };
}

/** `matched` of a commit's `size` changed lines invert part of one earlier commit: nearly all of them, and more than one. */
export function isPart(matched: number, size: number): boolean {
  return matched >= 2 && matched >= size * PART_EXPLAINS;
}

/** The number of changed lines. */
export function lineCount(lines: LineSet): number {
  return total(lines);
}
