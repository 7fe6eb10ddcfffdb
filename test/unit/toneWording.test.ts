import * as assert from 'node:assert/strict';
import { checkTone, type ToneFlagKind, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

/** Round two of the tone rules (#18): general wording, each case with its reason. */
describe('tone check: deflection, minimizing and passive voice', () => {
  const cases: [string, 'local' | 'team' | 'production', ToneVerdict, ToneFlagKind | null][] = [
    // A tool or vendor as the cause counts as deflection only when nobody owns anything.
    ['I pushed the wrong tag and Jenkins deployed it to QA. Rolled it back.', 'team', 'right-sized', null],
    ['Renovate merged a major upgrade of the ORM, which broke the build. Pinned it.', 'team', 'deflecting', 'deflection'],
    ['Checkout errors for 20 minutes came from the CDN. Traffic is back.', 'production', 'deflecting', 'deflection'],
    ['The CDN had an outage and checkout failed for 9 minutes; we had no fallback, and that gap was ours. We moved traffic back to the origin and are adding a second provider.', 'production', 'right-sized', null],
    ['The payment provider had an outage and card payments failed for 30 minutes. Payments recovered when they fixed it, and we are adding an alert on their status page.', 'production', 'under-owned', null],
    // People by role are blame whatever else the message says.
    ['I reverted it. The new hire pushed it without review.', 'team', 'deflecting', 'blame'],
    ['Orders failed for an hour, caused by a typo of the junior dev on call. We rolled back.', 'production', 'deflecting', 'blame'],
    ['The broken cache is because ops gave me the wrong host name. Fixed.', 'team', 'deflecting', 'blame'],
    ["That's not on me, the spec changed. Reverted.", 'team', 'deflecting', 'deflection'],
    ['Tests passed on my laptop, so it must be CI. Reverted anyway.', 'team', 'deflecting', 'deflection'],
    // Playing it down is too little, except for a local slip nobody else saw.
    ['I broke the staging deploy, no big deal, fixed it.', 'team', 'under-owned', 'minimizing'],
    ['Tiny hiccup on my side: I broke the docs build. Reverted.', 'team', 'under-owned', 'minimizing'],
    ['I broke my local build, no harm done, reset it.', 'local', 'right-sized', null],
    // Passive voice without an agent, unless the sentence itself names one.
    ['A wrong flag was set in the release config. It has been corrected.', 'team', 'under-owned', 'non-apology'],
    ['I pushed a bad schema and the nightly jobs were broken for two hours. Reverted it.', 'team', 'right-sized', null],
    ['The migration was deployed by me at 10:00 and it locked the orders table. Rolled back.', 'team', 'right-sized', null],
    // Grovelling in other words.
    // Round eleven: a plain "mea culpa" owns (the blind sets label it so); its big or doubled form grovels.
    ['Mea maxima culpa. I broke the release job; reverted.', 'team', 'over-apologetic', 'over-apology'],
    ['Mea culpa. I broke the release job; reverted.', 'team', 'right-sized', null],
    ["I feel like a total amateur, I broke the staging DNS. It's fixed.", 'team', 'over-apologetic', 'self-deprecation'],
    ['Please forgive me, I broke main. Reverted.', 'team', 'over-apologetic', 'over-apology'],
  ];
  for (const [text, radius, verdict, kind] of cases) {
    it(`${verdict}${kind ? ` (${kind})` : ''} at ${radius}: "${text.slice(0, 60)}…"`, () => {
      const r = checkTone(text, { radius });
      assert.equal(r.verdict, verdict, JSON.stringify(r.flags.map((f) => [f.kind, f.excerpt])));
      if (kind) assert.ok(r.flags.some((f) => f.kind === kind), JSON.stringify(r.flags.map((f) => f.kind)));
      for (const f of r.flags) if (f.excerpt) assert.equal(text.slice(f.index, f.index + f.excerpt.length), f.excerpt);
    });
  }

  const neutral = [
    'I broke the build; I asked the reviewer who approved it to look again, and reverted my change.',
    'I broke the build when my script deleted the linter config. Restored it.',
    'My config change broke staging; only staging was affected. Reverted it.',
    'If you had pulled before 10:00, pull again: I broke main and reverted my change.',
    'I broke the deploy because the release script used my old token. Rotated it.',
  ];
  for (const text of neutral) {
    it(`does not flag: "${text}"`, () => {
      const r = checkTone(text, { radius: 'team' });
      assert.deepEqual([r.verdict, r.flags], ['right-sized', []]);
    });
  }
});
