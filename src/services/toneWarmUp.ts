import { toneModule } from './lazyBundles';

/**
 * Messages that take the tone check through most of its readers: an apology, ownership, a person
 * and a vendor named, impact, repair, prevention, and non-apology wording.
 */
const SAMPLES = [
  "I'm sorry: I merged a change that broke checkout for 40 minutes, and it was my mistake, not the vendor's. Alice approved it. We rolled it back at 14:10 and customers can pay again. Next, I'm adding a regression test and a deploy check so this cannot recur. Mistakes were made; apologies for any inconvenience.",
  'Hey team, the payments outage this morning was on me. The vendor API was slow but my retry loop made it worse. Sorry. Fixed by 10:05, and I added a circuit breaker plus an alert.',
];

/** The longest the warm-up holds the extension host's event loop before it lets other work run. */
const SLICE_MS = 8;

let warming: Promise<void> | undefined;
let warm = false;

/**
 * The tone check's first run in an extension host compiles the patterns it reaches (up to ~0.3 s
 * of this host's CPU on this machine), then a few ms a message. The incident panel calls this once
 * its page has drawn the commit cards, while git reads the facts whose team update needs the check.
 * The work runs in slices of at most ~8 ms (one pattern, or one sample message, at a time), each
 * on its own turn of the event loop, so messages from pages and views are answered in between.
 * Once per host; resolves when done (a failure only leaves the check cold).
 */
export function warmToneCheck(): Promise<void> {
  warming ??= runInSlices(warmUpSteps(), SLICE_MS).then(() => {
    warm = true;
  });
  return warming;
}

/** Whether the warm-up has run to its end in this host: a check now takes a few ms. */
export function toneCheckWarm(): boolean {
  return warm;
}

/**
 * Runs `steps` on turns of the event loop of their own (`setImmediate`), each turn taking steps
 * until `sliceMs` have passed (at least one step a turn), so other work gets in between. Resolves
 * when the steps end or one throws.
 */
export function runInSlices(steps: Iterator<unknown>, sliceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const slice = () => {
      const end = performance.now() + sliceMs;
      try {
        do {
          if (steps.next().done) return resolve();
        } while (performance.now() < end);
      } catch {
        return resolve();
      }
      setImmediate(slice);
    };
    setImmediate(slice);
  });
}

/** One step per pattern (its first run compiles it), then one per sample message. */
function* warmUpSteps(): Generator<void, void, undefined> {
  const { checkTone, TONE_PATTERNS } = toneModule();
  yield;
  for (const [, pattern] of TONE_PATTERNS) {
    pattern.lastIndex = 0;
    pattern.test(SAMPLES[0]);
    // Global and sticky patterns keep their position: leave each as the check expects it.
    pattern.lastIndex = 0;
    yield;
  }
  for (const text of SAMPLES) {
    checkTone(text, { radius: 'production', people: ['Alice Example'] });
    yield;
  }
}
