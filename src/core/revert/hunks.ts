/**
 * Hunks of a `-U0` patch reduced to hashes, for the deep scan: a hunk is the lines it removes
 * and the lines it adds, each trimmed, blank lines left out, in one file. Its inverse (the same
 * lines, added and removed swapped) is what a commit undoing it contains, so "does C undo a
 * hunk of E" is one map lookup, and no diff text is kept.
 */

export interface Hunk {
  /** Path as git prints it (quoted when unusual, `core.quotePath=true`). */
  path: string;
  /** `path\0hash(removed, added)`. */
  key: string;
  /** The key of the hunk that undoes this one. */
  inverse: string;
  /** Changed lines that carry content (2+ characters after trimming). */
  weight: number;
}

/** Lines shorter than this ("}", ")") are not counted in a hunk's weight. */
const MIN_LINE = 2;
/** A commit with more hunks than this (a vendored drop, a mass rename) is not compared. */
export const MAX_HUNKS = 20_000;

/** The hunks of one commit's `-U0` patch (empty for a binary-only or oversized one). */
export function parseHunks(patch: string): Hunk[] {
  const out: Hunk[] = [];
  let path: string | undefined;
  let removed: string[] = [];
  let added: string[] = [];
  let weight = 0;
  let inHunk = false;
  /** Content of each hunk that only adds, or only removes, lines (same index as `out`). */
  const whole: (string | undefined)[] = [];
  const close = (): void => {
    if (path !== undefined && (removed.length > 0 || added.length > 0) && weight > 0) {
      const r = removed.join('\n');
      const a = added.join('\n');
      out.push({ path, key: `${path}\0${hash(r, a)}`, inverse: `${path}\0${hash(a, r)}`, weight });
      whole.push(removed.length === 0 ? `+${hash(a, '')}` : added.length === 0 ? `-${hash(r, '')}` : undefined);
    }
    removed = [];
    added = [];
    weight = 0;
  };
  let start = 0;
  while (start < patch.length) {
    let end = patch.indexOf('\n', start);
    if (end < 0) end = patch.length;
    const c = patch.charCodeAt(start);
    if (c === 64 /* @ */ && patch.startsWith('@@', start)) {
      close();
      inHunk = path !== undefined;
    } else if (c === 100 /* d */ && patch.startsWith('diff --git ', start)) {
      close();
      inHunk = false;
      path = undefined;
    } else if (!inHunk) {
      if (c === 45 /* - */ && patch.startsWith('--- ', start)) {
        const f = patch.slice(start + 4, end);
        if (f !== '/dev/null') path = f.replace(/^"?a\//, '');
      } else if (c === 43 /* + */ && patch.startsWith('+++ ', start)) {
        const f = patch.slice(start + 4, end);
        if (f !== '/dev/null') path = f.replace(/^"?b\//, '');
      }
    } else if (c === 43 || c === 45) {
      const text = patch.slice(start + 1, end).trim();
      if (text !== '') {
        (c === 43 ? added : removed).push(text);
        if (text.length >= MIN_LINE) weight++;
      }
    }
    start = end + 1;
    if (out.length > MAX_HUNKS) return [];
  }
  close();
  return withoutMoves(out, whole);
}

/**
 * Leaves out lines a commit moves: a hunk that only adds lines which another hunk of the same
 * commit only removes (a renamed file, a block moved to another file) changes nothing, so a
 * later commit deleting the moved copy does not undo it.
 */
function withoutMoves(hunks: Hunk[], whole: readonly (string | undefined)[]): Hunk[] {
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const w of whole) {
    if (w?.startsWith('+')) added.add(w.slice(1));
    else if (w?.startsWith('-')) removed.add(w.slice(1));
  }
  if (added.size === 0 || removed.size === 0) return hunks;
  return hunks.filter((_, i) => {
    const w = whole[i];
    return w === undefined || !(w.startsWith('+') ? removed : added).has(w.slice(1));
  });
}

/** A 53-bit hash of the removed and added lines (cyrb53-style: two 32-bit lanes mixed). */
function hash(removed: string, added: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  mix(removed);
  mix('\0\u0001\0');
  mix(added);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
