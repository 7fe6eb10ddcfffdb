import * as assert from 'node:assert/strict';
import { checkTone, TONE_PATTERNS } from '../../src/core/teamUpdate/toneCheck';
import { warmToneCheck } from '../../src/services/toneWarmUp';

const DRAFT = 'I broke the login page for 20 minutes with a bad config push. Sorry. I rolled it back and added a check to the deploy script.';

describe('tone check warm-up', () => {
  it('runs in many short turns of the event loop, so work queued meanwhile is not held until it ends', async () => {
    let finished = false;
    const done = warmToneCheck().then(() => (finished = true));
    // A message arriving while the panel's page loads: it must run before the warm-up ends.
    let answeredDuringWarmUp = false;
    setImmediate(() => (answeredDuringWarmUp = !finished));
    // Count the turns other work gets while the warm-up runs.
    let turns = 0;
    const tick = () => {
      if (finished) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await done;
    assert.ok(answeredDuringWarmUp, 'a callback queued right after the warm-up started had to wait for all of it');
    assert.ok(turns >= 10, `only ${turns} turns of the event loop during the warm-up`);
  });

  it('is started once per host and leaves every pattern as the check expects it', async () => {
    assert.equal(warmToneCheck(), warmToneCheck());
    await warmToneCheck();
    for (const [name, pattern] of TONE_PATTERNS) assert.equal(pattern.lastIndex, 0, name);
    const after = checkTone(DRAFT, { radius: 'team' });
    assert.equal(after.verdict, 'right-sized');
  });
});
