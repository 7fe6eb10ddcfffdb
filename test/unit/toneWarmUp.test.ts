import * as assert from 'node:assert/strict';
import { checkTone, TONE_PATTERNS } from '../../src/core/teamUpdate/toneCheck';
import { runInSlices, toneCheckWarm, warmToneCheck } from '../../src/services/toneWarmUp';

const DRAFT = 'I broke the login page for 20 minutes with a bad config push. Sorry. I rolled it back and added a check to the deploy script.';

/** Counts the turns of the event loop other work gets until `done` settles. */
function turnsUntil(done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => (settled = true));
  let turns = 0;
  return new Promise((resolve) => {
    const tick = () => {
      if (settled) return resolve(turns);
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
  });
}

function* steps(n: number, log: number[]): Generator<void> {
  for (let i = 0; i < n; i++) {
    log.push(i);
    yield;
  }
}

describe('tone check warm-up', () => {
  it('gives other work a turn of the event loop between slices, never running all steps in one', async () => {
    const log: number[] = [];
    // A zero budget: one step a turn, so 20 steps take 20 turns, and the ticker runs in between.
    const done = runInSlices(steps(20, log), 0);
    const turns = await turnsUntil(done);
    await done;
    assert.deepEqual(log, [...Array(20).keys()]);
    assert.ok(turns >= 19, `other work got only ${turns} turns during 20 one-step slices`);
  });

  it('resolves, without rejecting, when a step throws', async () => {
    function* failing(): Generator<void> {
      yield;
      throw new Error('a broken pattern');
    }
    await runInSlices(failing(), 8);
  });

  it('is started once per host, resolves, and leaves every pattern as the check expects it', async () => {
    assert.equal(warmToneCheck(), warmToneCheck());
    await warmToneCheck();
    // The incident panel sends the commit cards alone until this is true.
    assert.equal(toneCheckWarm(), true);
    for (const [name, pattern] of TONE_PATTERNS) assert.equal(pattern.lastIndex, 0, name);
    assert.equal(checkTone(DRAFT, { radius: 'team' }).verdict, 'right-sized');
  });
});
