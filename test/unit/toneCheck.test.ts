import * as assert from 'node:assert/strict';
import { checkTone, type ToneFlagKind } from '../../src/core/teamUpdate/toneCheck';

function kinds(text: string): ToneFlagKind[] {
  return checkTone(text, { radius: 'local' }).flags.map((f) => f.kind);
}

describe('tone check', () => {
  it('accepts a calm, owned message with one apology', () => {
    const text =
      'Heads-up: I reverted my change "Add retry to payments" on main. It caused duplicate charges in staging. ' +
      'I reverted it in abc1234; if you pulled in between, pull again. I am adding a regression test. Sorry for the disruption.';
    const result = checkTone(text);
    assert.deepEqual([result.verdict, result.flags], ['right-sized', []]);
  });

  const overApologetic: [string, ToneFlagKind][] = [
    ['Sorry everyone. I apologize for this, really sorry.', 'over-apology'],
    ['My apologies, and sorry again for the noise.', 'over-apology'],
    ["I'm so so sorry about the outage.", 'over-apology'],
    ["I can't apologise enough for this.", 'over-apology'],
    ["I'm an idiot, I broke checkout.", 'self-deprecation'],
    ['That was so stupid of me.', 'self-deprecation'],
    ["I'm terrible at git.", 'self-deprecation'],
    ['My bad, I always do this.', 'self-deprecation'],
    ['Rookie mistake on my part.', 'self-deprecation'],
    ["I shouldn't be allowed near production.", 'self-deprecation'],
    ['What was I thinking?', 'self-deprecation'],
  ];
  for (const [text, kind] of overApologetic) {
    it(`flags ${kind}: "${text}"`, () => {
      const result = checkTone(text);
      assert.equal(result.verdict, 'over-apologetic');
      assert.ok(result.flags.some((f) => f.kind === kind), JSON.stringify(result.flags));
    });
  }

  const deflecting: [string, ToneFlagKind][] = [
    ['This was not my fault, the config was wrong.', 'deflection'],
    ["Honestly it wasn't me.", 'deflection'],
    ["It was someone else's change that broke it.", 'deflection'],
    ['This should have been caught by CI.', 'deflection'],
    ['Nobody told me the flag was shared.', 'deflection'],
    ['QA missed it.', 'deflection'],
    ['The reviewers approved it, so.', 'deflection'],
    ['Works on my machine.', 'deflection'],
    ['@bob broke the build.', 'naming-people'],
    ["Bob's change caused the outage.", 'naming-people'],
    ['Then Carol merged it without tests.', 'naming-people'],
    ['It was their fault.', 'blame'],
    ['They forgot to update the schema.', 'blame'],
    ['The backend team broke the API.', 'blame'],
  ];
  for (const [text, kind] of deflecting) {
    it(`flags ${kind}: "${text}"`, () => {
      const result = checkTone(text);
      assert.equal(result.verdict, 'deflecting');
      assert.ok(result.flags.some((f) => f.kind === kind), JSON.stringify(result.flags));
    });
  }

  it('deflection wins over over-apology in the verdict', () => {
    assert.equal(checkTone("Sorry, sorry! But it wasn't me, QA missed it.").verdict, 'deflecting');
  });

  it('flags "human error" with a practical explanation, and the flag makes the verdict under-owned', () => {
    const result = checkTone('Root cause: human error.', { radius: 'local' });
    assert.equal(result.verdict, 'under-owned');
    assert.deepEqual(kinds('Root cause: human error.'), ['human-error']);
    assert.match(result.flags[0].explanation, /safeguard was missing/);
  });

  it('reports where each flag is, with the words as written', () => {
    const text = 'Sorry. QA missed it. Sorry again.';
    const result = checkTone(text, { radius: 'local' });
    for (const f of result.flags) assert.equal(text.slice(f.index, f.index + f.excerpt.length), f.excerpt);
    assert.deepEqual(
      result.flags.map((f) => [f.kind, f.excerpt]),
      [
        ['deflection', 'QA missed'],
        ['over-apology', 'Sorry'],
      ],
    );
  });

  const neutral = [
    'The deploy broke checkout for 20 minutes.',
    'My change caused the outage; I reverted it.',
    'We missed an alert on the error rate.',
    'The tests did not cover the first click.',
    'I asked someone else to review the fix.',
    'No one else was affected.',
    'Production recovered at 10:02.',
    'I am sorry for the disruption.',
    'This revert was caught by CI before the deploy.',
    'Our monitoring missed the spike.',
  ];
  for (const text of neutral) {
    it(`does not flag: "${text}"`, () => {
      const result = checkTone(text, { radius: 'local' });
      assert.deepEqual([result.verdict, result.flags], ['right-sized', []]);
    });
  }
});
