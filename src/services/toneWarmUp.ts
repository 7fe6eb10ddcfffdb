import { toneModule } from './lazyBundles';

/**
 * Messages that take the tone check through most of its readers: an apology, ownership, a person
 * and a vendor named, impact, repair, prevention, and non-apology wording.
 */
const SAMPLES = [
  "I'm sorry: I merged a change that broke checkout for 40 minutes, and it was my mistake, not the vendor's. Alice approved it. We rolled it back at 14:10 and customers can pay again. Next, I'm adding a regression test and a deploy check so this cannot recur. Mistakes were made; apologies for any inconvenience.",
  'Hey team, the payments outage this morning was on me. The vendor API was slow but my retry loop made it worse. Sorry. Fixed by 10:05, and I added a circuit breaker plus an alert.',
];

let warmed = false;

/**
 * The tone check's first run in an extension host compiles its patterns: ~0.3 s of this host's
 * CPU on this machine, then a few ms a message (bench: `node -e` over dist/tone.js). A panel calls
 * this while its page loads, so the first verdict a person waits for does not pay for it. Once per
 * host, on the next turn of the event loop (after the caller's own messages are sent).
 */
export function warmToneCheck(): void {
  if (warmed) return;
  warmed = true;
  setImmediate(() => {
    try {
      const { checkTone } = toneModule();
      for (const text of SAMPLES) checkTone(text, { radius: 'production', people: ['Alice Example'] });
    } catch {
      // Only a warm-up: the real check reports its own failures.
    }
  });
}
