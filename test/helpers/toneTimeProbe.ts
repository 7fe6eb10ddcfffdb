/**
 * Times the whole tone check on 128 kB and on 1 MB of input that makes a careless pattern
 * backtrack (`toneProportion.test.ts` asserts the ratio). Run as a script (`node
 * toneTimeProbe.js`), in a process of its own: inside the long unit run, the heap earlier tests
 * leave makes a garbage collection land on the 1 MB check and not on the small one (two clean-clone
 * CI runs measured 25× and 29× on code that measures 6–10× on every block in a fresh process, as
 * linearProbe.ts found for single patterns). Prints `{"small": ms, "full": ms}`.
 */
import { checkTone } from '../../src/core/teamUpdate/toneCheck';

// Blocks that make a careless pattern backtrack: long runs of what a pattern starts with and no
// ending it needs, a long word, a hyphenated run. One input holds every block, so one measurement
// covers them all (a quadratic block still grows 64× on 8× the input; linear work 8×).
export const BLOCKS: readonly ((n: number) => string)[] = [
  (n) => 'Mistakes were made, sorry if anyone was affected. Bob Okafor approved it. I broke main; reverted. '.repeat(n / 100),
  (n) => 'so '.repeat(n / 3),
  (n) => 'Alice Martin Bob '.repeat(n / 17),
  (n) => 'a'.repeat(n),
  (n) => 'a-'.repeat(n / 2),
  (n) => 'unfortunately my our whoever if you I am the '.repeat(n / 45),
  (n) => 'we  '.repeat(n / 4),
  (n) => "x's ".repeat(n / 4),
  // The first-person-agent reader's words: subjects, open parentheses, auxiliaries, no verb.
  (n) => 'i ( my we had our change to the '.repeat(n / 33),
  // The failure-agent reader's words in one sentence with no clause break: possessives, "by", doers and acts.
  (n) => "the intern set Bob Okafor's config wrong by the merge tool thanks to Alice's job the flag I flipped, ".repeat(n / 100),
];

export const AUTHORS: readonly string[] = ['Alice Martin', 'Bob Okafor'];

export function probeInput(bytes: number): string {
  return BLOCKS.map((b) => b(bytes / BLOCKS.length)).join('\n');
}

/** Fastest of five runs each, sizes alternating so a burst of load elsewhere hits both alike. */
export function fastestPair(small: string, full: string): { small: number; full: number } {
  const time = (text: string): number => {
    const t0 = performance.now();
    checkTone(text, { radius: 'production', people: [...AUTHORS] });
    return performance.now() - t0;
  };
  let bestSmall = Infinity;
  let bestFull = Infinity;
  for (let i = 0; i < 5; i++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestFull = Math.min(bestFull, time(full));
  }
  return { small: bestSmall, full: bestFull };
}

if (require.main === module) {
  const MB = 1024 * 1024;
  checkTone(probeInput(20000)); // warm up the patterns
  process.stdout.write(`${JSON.stringify(fastestPair(probeInput(MB / 8), probeInput(MB)))}\n`);
}
