import type { ChangeStatus, LineRange } from './types';

/** One file's part of a `--unified=0` patch. */
export interface FileDiff {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  binary: boolean;
  added: number;
  removed: number;
  /** Touched lines of the new file. */
  newRanges: LineRange[];
  /** Touched lines of the old file (used when the file was deleted). */
  oldRanges: LineRange[];
  /** The text git prints after the second `@@` of each hunk, with the new-side line it belongs to. */
  contexts: { line: number; text: string }[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses the output of `git show --format= --unified=0` (or `git diff-tree -p -U0`).
 * Paths come from the `---`/`+++` and rename lines rather than the `diff --git` line,
 * because the latter is ambiguous when a path contains " b/".
 */
export function parseUnifiedDiff(patch: string): FileDiff[] {
  const files: FileDiff[] = [];
  let current: FileDiff | undefined;
  let headerPath: string | undefined;
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('diff --git ')) {
      headerPath = pathFromDiffGitLine(line);
      current = { path: headerPath ?? '', status: 'modified', binary: false, added: 0, removed: 0, newRanges: [], oldRanges: [], contexts: [] };
      files.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('new file mode')) current.status = 'added';
    else if (line.startsWith('deleted file mode')) current.status = 'deleted';
    else if (line.startsWith('rename from ')) {
      current.oldPath = unquote(line.slice('rename from '.length));
      current.status = 'renamed';
    } else if (line.startsWith('rename to ')) current.path = unquote(line.slice('rename to '.length));
    else if (line.startsWith('Binary files ')) current.binary = true;
    else if (line.startsWith('--- ')) {
      const p = diffSidePath(line.slice(4));
      if (p !== undefined && current.status === 'deleted') current.path = p;
    } else if (line.startsWith('+++ ')) {
      const p = diffSidePath(line.slice(4));
      if (p !== undefined) current.path = p;
    } else {
      const m = HUNK.exec(line);
      if (!m) continue;
      const oldStart = Number(m[1]);
      const oldCount = m[2] === undefined ? 1 : Number(m[2]);
      const newStart = Number(m[3]);
      const newCount = m[4] === undefined ? 1 : Number(m[4]);
      current.added += newCount;
      current.removed += oldCount;
      // With zero new lines, git names the line the removal happened after; that line's symbol is the one affected.
      if (newCount > 0) current.newRanges.push({ start: newStart, end: newStart + newCount - 1 });
      else current.newRanges.push({ start: Math.max(1, newStart), end: Math.max(1, newStart) });
      if (oldCount > 0) current.oldRanges.push({ start: oldStart, end: oldStart + oldCount - 1 });
      const context = m[5].trim();
      if (context) current.contexts.push({ line: Math.max(1, newStart), text: context });
    }
  }
  return files.filter((f) => f.path !== '');
}

/** `a/x` or `b/x` (possibly C-quoted, possibly tab-terminated) → `x`; `/dev/null` → undefined. */
function diffSidePath(rest: string): string | undefined {
  const text = unquote(rest.replace(/\t$/, ''));
  if (text === '/dev/null') return undefined;
  return text.replace(/^[ab]\//, '');
}

function pathFromDiffGitLine(line: string): string | undefined {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) return undefined;
  // Only trustworthy when both halves are the same path (no rename): "a/p b/p".
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)) return rest.slice(2, half);
  return undefined;
}

/** Undoes git's C-style quoting of unusual path names. */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
