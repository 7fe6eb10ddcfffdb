/**
 * Re-applying a commit's hunks to a file that has moved on since, the way `patch` does: each hunk
 * is found by its context near where it was, with up to three context lines dropped at either end
 * when the code around it changed; a hunk whose result is already there is skipped.
 */

export interface Hunk {
  /** 1-based first line of the old side. */
  oldStart: number;
  /** The hunk's lines with their ` `, `-` or `+` prefix. */
  lines: string[];
  /** 1-based first line and length of the new side, to tell a hunk that ended the file. */
  newStart: number;
  newCount: number;
}

/** Hunks of a unified diff of one file (`-U3` or any context). */
export function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const line of patch.replace(/\r\n/g, '\n').split('\n')) {
    const head = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (head) {
      current = { oldStart: Number(head[1]), newStart: Number(head[2]), newCount: head[3] === undefined ? 1 : Number(head[3]), lines: [] };
      hunks.push(current);
    } else if (current && /^[ +-]/.test(line)) {
      current.lines.push(line);
    } else if (current && line === '') {
      // Some tools strip the space of an empty context line.
      current.lines.push(' ');
    } else if (!line.startsWith('\\')) {
      current = undefined;
    }
  }
  for (const h of hunks) while (h.lines.length > 0 && h.lines[h.lines.length - 1] === ' ') h.lines.pop();
  return hunks;
}

const same = (a: string, b: string): boolean => a.trimEnd() === b.trimEnd();

function findBlock(lines: string[], block: string[], from: number, near: number): number {
  let best = -1;
  for (let i = from; i + block.length <= lines.length; i++) {
    let k = 0;
    while (k < block.length && same(lines[i + k], block[k])) k++;
    if (k === block.length && (best < 0 || Math.abs(i - near) < Math.abs(best - near))) best = i;
  }
  return best;
}

const MAX_FUZZ = 3;

/** Runs of more than `max` blank lines become `max` (what Black/Ruff, gofmt and Prettier leave). */
function collapseBlankRuns(lines: string[], max: number): string[] {
  const out: string[] = [];
  let run = 0;
  for (const l of lines) {
    run = l.trim() === '' ? run + 1 : 0;
    if (run <= max) out.push(l);
  }
  return out;
}

const longestBlankRun = (lines: string[]): number => {
  let run = 0;
  let longest = 0;
  for (const l of lines) longest = Math.max(longest, (run = l.trim() === '' ? run + 1 : 0));
  return longest;
};

/**
 * `text` with every hunk applied, or why one could not be. `fileEnd` is the line count of the
 * file the hunks were made for: a hunk that ended that file goes to the end of this one when its
 * context is there too (tests often end in the same lines). `maxBlank`: blank-line runs longer than
 * this are collapsed when the file had none (the formatter's rule).
 */
export function reapplyHunks(text: string, hunks: readonly Hunk[], fileEnd = 0, maxBlank = 1): string | { failed: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const endsWithEol = /\n$/.test(text);
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let offset = 0;
  let floor = 0;
  for (const h of hunks) {
    const old = h.lines.filter((l) => !l.startsWith('+')).map((l) => l.slice(1));
    const neu = h.lines.filter((l) => !l.startsWith('-')).map((l) => l.slice(1));
    const lead = h.lines.findIndex((l) => !l.startsWith(' '));
    const trail = [...h.lines].reverse().findIndex((l) => !l.startsWith(' '));
    const near = h.oldStart - 1 + offset;
    if (h.lines.some((l) => l.startsWith('+')) && findBlock(lines, neu, 0, near) >= 0) continue;
    let applied = false;
    for (let fuzz = 0; fuzz <= MAX_FUZZ && !applied; fuzz++) {
      const front = Math.min(fuzz, lead < 0 ? 0 : lead);
      const back = Math.min(fuzz, trail < 0 ? 0 : trail);
      const o = old.slice(front, old.length - back);
      const n = neu.slice(front, neu.length - back);
      // An addition with no line left to anchor it could go anywhere: not guessed.
      if (o.length === 0 || o.every((l) => l.trim() === '')) break;
      const last = lines.length - [...lines].reverse().findIndex((l) => l.trim() !== '');
      const endsFile = fileEnd > 0 && h.newStart + h.newCount - 1 >= fileEnd;
      const at = findBlock(lines, o, floor, endsFile ? last - o.length : near + front);
      if (at < 0) continue;
      lines.splice(at, o.length, ...n);
      offset += n.length - o.length;
      floor = at + n.length;
      applied = true;
    }
    if (!applied) return { failed: `the code around line ${h.oldStart} changed` };
  }
  const shaped = longestBlankRun(text.split('\n')) > maxBlank ? lines : collapseBlankRuns(lines, maxBlank);
  return `${shaped.join(eol)}${endsWithEol ? eol : ''}`;
}
