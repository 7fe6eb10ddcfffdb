import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { applyToneSuggestion, checkTone, StaleSuggestionError, TONE_VERDICTS, type ToneResult } from '../../src/core/teamUpdate/toneCheck';
import { toneFor } from '../../src/webviews/incident/viewState';
import { readToneCorpus } from '../helpers/toneCorpus';
import { BLOCKS, probeInput } from '../helpers/toneTimeProbe';

const kindsOf = (r: ToneResult) => r.flags.map((f) => (f.kind === 'missing-beat' ? `missing:${f.component}` : f.kind));
const AUTHORS = ['Bob Okafor', 'Alice Martin'];

describe('tone check: in proportion (issue #18)', () => {
  const tooLittle = [
    "Mistakes were made during yesterday's deployment and the login page was unavailable. The situation has been resolved.",
    'We apologize for any inconvenience this may have caused.',
    "If anyone was affected by the checkout issue earlier, sorry about that. It's fixed.",
    'There was an issue with payments this morning. It has been fixed.',
  ];
  for (const text of tooLittle) {
    it(`says too little is under-owned, not right-sized: "${text.slice(0, 50)}…"`, () => {
      assert.equal(checkTone(text, { radius: 'team' }).verdict, 'under-owned');
    });
  }

  it('never shows a green badge over a warning: human error plus a named approver is deflecting, "Bob" flagged', () => {
    const r = checkTone('It was human error. Bob approved the PR without looking.', { radius: 'team', people: AUTHORS });
    assert.equal(r.verdict, 'deflecting');
    assert.deepEqual(r.flags.filter((f) => f.kind === 'naming-people').map((f) => f.excerpt), ['Bob']);
    assert.ok(r.flags.some((f) => f.kind === 'human-error'));
  });

  it("quotes a repository author's whole name, and an unknown full name too", () => {
    const known = checkTone('Bob Okafor approved it without reading the diff.', { people: AUTHORS });
    assert.deepEqual(known.flags.filter((f) => f.kind === 'naming-people').map((f) => f.excerpt), ['Bob Okafor']);
    const unknown = checkTone('Carla Mendes should have tested this.');
    assert.deepEqual(unknown.flags.filter((f) => f.kind === 'naming-people').map((f) => f.excerpt), ['Carla Mendes']);
    const mention = checkTone('@dmitri broke the build again.');
    assert.deepEqual(mention.flags.filter((f) => f.kind === 'naming-people').map((f) => f.excerpt), ['@dmitri']);
  });

  it('does not flag a teammate who is thanked, or one who owns it with me', () => {
    const r = checkTone('Thanks to Bob Okafor for spotting it and rolling back. Bob and I broke it with our pairing change; we reverted it.', { people: AUTHORS });
    assert.deepEqual(kindsOf(r), []);
  });

  it('asks for what the blast radius needs: nothing locally, owner + fix for the team, four parts in production', () => {
    const text = 'I broke main with my push. Reverted it.';
    assert.equal(checkTone('Reverted.', { radius: 'local' }).verdict, 'right-sized');
    assert.deepEqual(kindsOf(checkTone('Reverted.', { radius: 'team' })), ['missing:ownership']);
    assert.equal(checkTone(text, { radius: 'team' }).verdict, 'right-sized');
    assert.deepEqual(kindsOf(checkTone(text, { radius: 'production' })), ['missing:impact', 'missing:prevention']);
    const full = 'I broke login for 15 minutes for all users with my deploy. I rolled it back, and I am adding a login smoke test to the pipeline.';
    assert.equal(checkTone(full, { radius: 'production' }).verdict, 'right-sized');
  });

  it('reports each part with the sentence that shows it, and which parts are needed', () => {
    const r = checkTone('Sorry all. My migration locked the users table because it had no index. Rolled back.', { radius: 'team' });
    const part = (n: string) => r.components.find((c) => c.name === n);
    assert.deepEqual(part('ownership'), { name: 'ownership', present: true, required: true, sentence: 'My migration locked the users table because it had no index.' });
    assert.equal(part('regret')?.sentence, 'Sorry all.');
    assert.equal(part('repair')?.sentence, 'Rolled back.');
    assert.deepEqual(part('prevention'), { name: 'prevention', present: false, required: false });
  });

  it('accepts a vendor outage that the team owns its part of, and a team "we"', () => {
    const vendor = 'Our CDN provider had an outage and checkout was down for 38 minutes. We had no fallback configured; that is on us. We switched regions, and we will test failover monthly.';
    assert.equal(checkTone(vendor, { radius: 'production' }).verdict, 'right-sized');
    assert.equal(checkTone('We broke the shared cluster with our helm change. Rolled it back.', { radius: 'team' }).verdict, 'right-sized');
    assert.equal(checkTone('The outage was the cloud provider’s fault; there was nothing we could have done.', { radius: 'production' }).verdict, 'deflecting');
  });

  it('one concrete rewrite per finding, and applying it removes that finding', () => {
    const text = 'Mistakes were made. We apologize for any inconvenience this may have caused. Reverted.';
    const r = checkTone(text, { radius: 'team' });
    for (const f of r.flags) {
      const next = applyToneSuggestion(text, f.suggestion);
      assert.notEqual(next, text);
      const after = checkTone(next, { radius: 'team' });
      assert.ok(after.flags.length < r.flags.length, `${f.kind}: ${next}`);
    }
    assert.equal(applyToneSuggestion(text, r.flags[0].suggestion), 'I made a mistake. We apologize for any inconvenience this may have caused. Reverted.');
    const missing = r.flags.find((f) => f.component === 'ownership');
    assert.ok(missing);
    assert.equal(applyToneSuggestion('Reverted', missing.suggestion), 'Reverted. My change to [what you changed] caused this.');
  });

  it('finds a suggestion again after the text moved, and says so when its words are gone', () => {
    const r = checkTone('Mistakes were made.');
    const s = r.flags[0].suggestion;
    assert.equal(applyToneSuggestion('Update: Mistakes were made.', s), 'Update: I made a mistake.');
    assert.throws(() => applyToneSuggestion('All good now.', s), StaleSuggestionError);
  });

  it('the panel (toneFor) and the CLI (checkTone) give the same result for the same text and radius', () => {
    for (const m of readToneCorpus().messages) {
      const facts = { blast: { radius: m.radius, reason: '', remoteBranches: [] }, authors: AUTHORS };
      assert.deepEqual(toneFor(m.text, facts), checkTone(m.text, { radius: m.radius, people: AUTHORS }));
    }
  });

  it('on the corpus: accuracy ≥ 0.92, every verdict recall ≥ 0.85, and right-sized exactly when nothing is flagged', () => {
    const { authors, messages } = readToneCorpus();
    assert.ok(messages.length >= 200);
    const results = messages.map((m) => ({ m, r: checkTone(m.text, { radius: m.radius, people: authors }) }));
    for (const { r } of results) assert.equal(r.verdict === 'right-sized', r.flags.length === 0);
    const accuracy = results.filter((x) => x.m.verdict === x.r.verdict).length / results.length;
    assert.ok(accuracy >= 0.92, `accuracy ${accuracy}`);
    for (const v of TONE_VERDICTS) {
      const labeled = results.filter((x) => x.m.verdict === v);
      for (const radius of ['local', 'team', 'production']) assert.ok(labeled.some((x) => x.m.radius === radius), `${v} has a ${radius} message`);
      const recall = labeled.filter((x) => x.r.verdict === v).length / labeled.length;
      assert.ok(recall >= 0.85, `${v} recall ${recall}`);
    }
  });
});

describe('tone check: linear time on large input', function () {
  this.timeout(300000);
  const MB = 1024 * 1024;

  it('the probe input is the size it says, and every block reaches the check', () => {
    const full = probeInput(MB);
    assert.ok(full.length >= MB * 0.95 && probeInput(MB / 8).length >= (MB / 8) * 0.95);
    assert.equal(full.split('\n').length, BLOCKS.length);
  });

  it('1 MB takes about eight times as long as 128 kB, not sixty-four times', async () => {
    // A size step of 8 leaves a wide gap between linear (8×) and quadratic (64×). Measured in a
    // process of its own (test/helpers/toneTimeProbe.ts says why).
    const probe = path.join(__dirname, '..', 'helpers', 'toneTimeProbe.js');
    const { stdout } = await promisify(execFile)(process.execPath, [probe], { maxBuffer: 1024 * 1024 });
    const { small, full } = JSON.parse(stdout) as { small: number; full: number };
    const ratio = full / small;
    assert.ok(ratio < 24, `1 MB / 128 kB time ratio ${ratio.toFixed(2)} (linear is about 8, quadratic about 64)`);
  });
});
