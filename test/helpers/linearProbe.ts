/**
 * Measures whether a regular expression's cost per byte stays flat as its input grows, on
 * adversarial inputs up to 1 MB. Growth is measured as cost per byte scanned: a small input is
 * scanned as many times as it takes to scan 256 kB (enough for the timer), the 1 MB input once, so
 * a linear pattern costs about the same per byte at every size and a quadratic one 8× more per
 * byte at 8× the size. The sizes grow in steps (4 kB, 32 kB, 256 kB, 1 MB) and the first step over
 * the limit stops the measurement, so a quadratic pattern fails at 32 kB instead of hanging on 1 MB.
 *
 * Run as a script (`node linearProbe.js`), it measures every pattern of the tone check in its own
 * fresh process and prints one JSON array: inside a long test run, the heap left by earlier tests
 * slowed the single 1 MB scan of a few linear patterns on the CI machine (×5–×12, every retry),
 * which no isolated run reproduced.
 */
import { TONE_PATTERNS } from '../../src/core/teamUpdate/toneCheck';

const KB = 1024;
export const SIZES: readonly number[] = [4 * KB, 32 * KB, 256 * KB, 1024 * KB];
export const STEP_LIMIT = 4; // linear ≈ 1; quadratic ≈ 8 on the 8× steps (4 on the last)

export type Input = readonly [label: string, make: (n: number) => string];

const GENERIC: readonly Input[] = [
  ['one long word', (n) => 'a'.repeat(n)],
  ['hyphenated run', (n) => 'a-'.repeat(n / 2)],
  ['spaces', (n) => 'we  '.repeat(n / 4)],
  ["possessives", (n) => "x's ".repeat(n / 4)],
  ['capitalised names', (n) => 'Alice Martin Bob '.repeat(n / 17)],
  ['mentions', (n) => '@a@b-'.repeat(n / 5)],
  ['open brackets', (n) => 'i ('.repeat(n / 3)],
  ['one sentence', (n) => 'Mistakes were made, sorry if anyone was affected. Bob Okafor approved it. I broke main; reverted. '.repeat(n / 100)],
];

/** The generic inputs, then the pattern's own words without the endings they need: what makes a careless pattern backtrack. */
export function inputsFor(re: RegExp): Input[] {
  const words = [...new Set(re.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z'-]{2,}/giu) ?? [])];
  const run = (sep: string) => (n: number) => {
    let out = '';
    for (let i = 0; out.length < n; i++) out += words[i % words.length] + sep;
    return out.slice(0, n);
  };
  return [
    ...GENERIC,
    ['its words, spaced', run(' ')],
    ['its words, commas', run(', ')],
    ['its words, no gaps', run('')],
    ['its first word', (n) => `${words[0] ?? 'a'} `.repeat(Math.ceil(n / ((words[0]?.length ?? 1) + 1))).slice(0, n)],
  ];
}

function scan(re: RegExp, text: string): number {
  let count = 0;
  for (const _ of text.matchAll(re)) count++;
  return count;
}

/**
 * CPU milliseconds per MB scanned at this size, scanning at least `total` bytes; best of two.
 * CPU time of this process, not wall-clock time, so other processes on a busy machine do not count.
 */
function costPerMb(re: RegExp, make: (n: number) => string, size: number, total: number): number {
  const text = make(size);
  const times = Math.max(1, Math.round(total / text.length));
  let best = Infinity;
  for (let attempt = 0; attempt < 2; attempt++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < times; i++) scan(re, text);
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best / ((times * text.length) / (1024 * KB));
}

export interface Growth {
  growth: number;
  at: number;
}

/** The largest growth in cost per byte from one size to the next; stops early at the first step over the limit. */
export function worstGrowth(re: RegExp, make: (n: number) => string, sizes: readonly number[]): Growth {
  const total = Math.min(256 * KB, sizes[sizes.length - 1]);
  const floor = 5; // ms per MB: below this, timer noise is larger than any growth
  let previous = costPerMb(re, make, sizes[0], total);
  let worst = { growth: 0, at: sizes[0] };
  for (const size of sizes.slice(1)) {
    const cost = costPerMb(re, make, size, total);
    const growth = cost / Math.max(previous, floor);
    if (growth > worst.growth) worst = { growth, at: size };
    if (growth >= STEP_LIMIT) break;
    previous = cost;
  }
  return worst;
}

export interface PatternResult {
  name: string;
  /** The input with the largest growth, after retries. */
  label: string;
  growth: number;
  at: number;
}

/**
 * The worst input of one pattern. A step over the limit is measured up to three times more before
 * it counts: on a loaded 2-core machine another process can slow one measurement (seen: ×9 once,
 * then ×1 on the same pattern); a quadratic pattern is over the limit every time.
 */
export function measurePattern(name: string, pattern: RegExp): PatternResult {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let worst: PatternResult = { name, label: '', growth: 0, at: SIZES[0] };
  for (const [label, make] of inputsFor(re)) {
    let result = worstGrowth(re, make, SIZES);
    for (let retry = 0; retry < 3 && result.growth >= STEP_LIMIT; retry++) result = worstGrowth(re, make, SIZES);
    if (result.growth > worst.growth) worst = { name, label, ...result };
    if (result.growth >= STEP_LIMIT) break;
  }
  return worst;
}

if (require.main === module) {
  const results = TONE_PATTERNS.map(([name, pattern]) => measurePattern(name, pattern));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
