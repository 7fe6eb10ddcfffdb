import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';

/**
 * The lines a repository puts at the top of every file, learned from the tests beside the new one
 * (and the source under test): a license or copyright block (Apache RAT, SPDX checks) and Ruby's
 * `# frozen_string_literal: true` (RuboCop's default). A maintainer adds them by hand; the scaffold
 * copies them only when most of those files agree word for word.
 */
export interface HouseHeader {
  /** Lines to put before everything else (the magic comment first, then the license block). */
  lines: string[];
}

const MAX_SAMPLES = 6;
const MAX_LICENSE_LINES = 40;

/** The leading comment block of `text` when it is a license or copyright notice. */
export function licenseBlock(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  // Ruby's magic comment and a shebang come before a license; they are not part of it.
  while (i < lines.length && /^(#!|# frozen_string_literal:|# -\*-)/.test(lines[i])) i++;
  while (i < lines.length && lines[i].trim() === '') i++;
  const start = i;
  if (/^\s*\/\*/.test(lines[i] ?? '')) {
    while (i < lines.length && !lines[i].includes('*/') && i - start < MAX_LICENSE_LINES) i++;
    if (i >= lines.length || !lines[i].includes('*/')) return undefined;
    i++;
  } else {
    const marker = /^(\/\/|#)/.exec(lines[i] ?? '')?.[1];
    if (!marker) return undefined;
    while (i < lines.length && lines[i].startsWith(marker) && !/^#!|^\/\/go:build|^# frozen_string_literal:/.test(lines[i]) && i - start < MAX_LICENSE_LINES) i++;
  }
  const block = lines.slice(start, i);
  return /licen[cs]e|copyright|SPDX-License-Identifier/i.test(block.join('\n')) ? block : undefined;
}

const FROZEN = '# frozen_string_literal: true';

/** The value most of `samples` share (by its joined text), when at least two do and they are a majority. */
function agreed(samples: (string[] | undefined)[]): string[] | undefined {
  const counts = new Map<string, { n: number; lines: string[] }>();
  for (const s of samples) {
    if (!s) continue;
    const key = s.join('\n');
    const c = counts.get(key) ?? { n: 0, lines: s };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 && best.n * 2 > samples.length ? best.lines : undefined;
}

/**
 * Reads up to six files of the new test's extension in `dir` (never an Own It scaffold) plus the
 * source under test, and returns the header lines most of them share.
 */
export async function houseHeader(repo: string, dir: string, ext: string, sourceText: string | undefined): Promise<HouseHeader> {
  const names = (await readdir(path.join(repo, dir)).catch(() => [] as string[])).filter((n) => n.endsWith(ext)).sort().slice(0, MAX_SAMPLES * 2);
  const texts: string[] = [];
  for (const n of names) {
    if (texts.length >= MAX_SAMPLES) break;
    const t = await readRepoText(repo, path.posix.join(dir, n)).catch(() => undefined);
    if (t !== undefined && !t.includes('Own It regression test for')) texts.push(t.slice(0, 8000));
  }
  if (sourceText !== undefined) texts.push(sourceText.slice(0, 8000));
  if (texts.length < 2) return { lines: [] };
  const license = agreed(texts.map(licenseBlock));
  const frozen = ext === '.rb' && texts.filter((t) => t.startsWith(FROZEN)).length * 2 > texts.length;
  return { lines: [...(frozen ? [FROZEN, ''] : []), ...(license ? [...license, ''] : [])] };
}
