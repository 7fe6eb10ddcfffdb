import * as assert from 'node:assert/strict';
import { newIncident } from '../../src/core/incidents/incidentFile';
import { draftTeamUpdate, teamUpdateInputFromIncident, type TeamUpdateInput } from '../../src/core/teamUpdate/draftTeamUpdate';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';

const base: TeamUpdateInput = {
  blastRadius: 'team',
  title: 'Checkout button does nothing on first click',
  culpritSubjects: ['Bind checkout handler lazily'],
  revertSha: 'fedcba9876543210fedcba9876543210fedcba98',
  branch: 'main',
  prevention: ['Add a regression test for the first click', 'Add the checkout flow to the smoke test'],
};

function order(text: string, labels: string[]): void {
  let last = -1;
  for (const label of labels) {
    const at = text.indexOf(label);
    assert.ok(at > last, `${label} should come after the previous beat in:\n${text}`);
    last = at;
  }
}

const BEATS = ['What happened', 'Impact', 'What I did', "What I'm doing so it won't happen again"];

describe('team update draft', () => {
  it('local: says no message is probably needed, and offers a short one anyway', () => {
    const d = draftTeamUpdate({ ...base, blastRadius: 'local', revertSha: undefined });
    assert.equal(d.needed, false);
    assert.match(d.note, /^Probably no message is needed: the revert is only on your machine/);
    assert.match(d.text, /Impact: None outside my machine/);
    assert.doesNotMatch(d.text, /sorry|apolog/i);
    order(d.text, BEATS);
  });

  it('team: a short note that names the commit, the revert and what to do after pulling', () => {
    const d = draftTeamUpdate(base);
    assert.equal(d.needed, true);
    assert.equal(d.subject, 'Heads-up: I reverted my change "Bind checkout handler lazily" on main');
    assert.equal(
      d.text,
      [
        'Heads-up: I reverted my change "Bind checkout handler lazily" on main',
        'What happened: Checkout button does nothing on first click. My change "Bind checkout handler lazily" caused it.',
        'Impact: Anyone who pulled main after the change landed may have run into this.',
        'What I did: I reverted it in fedcba9 and pushed the revert. If you pulled in between, pull main again to pick up the revert.',
        "What I'm doing so it won't happen again:\n- Add a regression test for the first click\n- Add the checkout flow to the smoke test",
        'Sorry for the disruption.',
      ].join('\n\n') + '\n',
    );
    assert.match(d.markdown, /^\*\*Heads-up: .*\*\*\n\n\*\*What happened:\*\* /);
    assert.match(d.markdown, /\n- Add a regression test for the first click\n/);
  });

  it('production: a stakeholder update with status, impact and a single apology', () => {
    const d = draftTeamUpdate({ ...base, blastRadius: 'production', status: 'mitigated', impact: 'About 3% of checkouts failed for 25 minutes', whatIDid: 'I rolled back to v1.4.2' });
    assert.equal(d.subject, 'Incident update: Checkout button does nothing on first click');
    assert.match(d.text, /Status: mitigated; I am monitoring it/);
    assert.match(d.text, /Impact: About 3% of checkouts failed for 25 minutes\./);
    assert.match(d.text, /What I did: I rolled back to v1\.4\.2\./);
    assert.equal(d.text.match(/sorry|apolog/gi)?.length, 1);
    order(d.text, BEATS);
    order(d.markdown, BEATS);
  });

  it('handles several culprits, none, long subjects and no prevention items', () => {
    const many = draftTeamUpdate({ ...base, culpritSubjects: ['A', 'B', 'C'] });
    assert.match(many.text, /my changes "A", "B" and "C"/);
    const none = draftTeamUpdate({ ...base, culpritSubjects: [], prevention: [] });
    assert.match(none.text, /My change caused it\./);
    assert.match(none.text, /What I'm doing so it won't happen again: I am adding a regression test/);
    const long = draftTeamUpdate({ ...base, culpritSubjects: ['x'.repeat(200)] });
    assert.match(long.subject, /"x{71}…"/);
  });

  it('every draft passes its own tone check', () => {
    const inputs: TeamUpdateInput[] = [];
    for (const blastRadius of ['local', 'team', 'production'] as const) {
      for (const status of ['open', 'mitigated', 'resolved'] as const) {
        inputs.push({ ...base, blastRadius, status });
        inputs.push({ ...base, blastRadius, status, culpritSubjects: ['Revert "Upgrade Billing SDK"', 'Tune cache TTL'], prevention: [], revertSha: undefined, branch: undefined });
        // The revert made here and not pushed yet.
        inputs.push({ ...base, blastRadius, status, revertPushed: false });
      }
    }
    for (const input of inputs) {
      const d = draftTeamUpdate(input);
      for (const text of [d.text, d.markdown]) {
        const tone = checkTone(text, { radius: input.blastRadius });
        assert.deepEqual([tone.verdict, tone.flags], ['right-sized', []], text);
      }
      // The note is advice to the author, not a message: it only has to avoid the flagged wording.
      assert.deepEqual(checkTone(d.note, { radius: 'local' }).flags, [], d.note);
      assert.match(d.text, /\bI\b/, 'owns it in the first person');
    }
  });

  it('says "my change" only for the user\'s own commit; otherwise names the change and its PR without claiming it', () => {
    const theirs = draftTeamUpdate({ ...base, culpritSubjects: ['Revert "fix(runtime-core): keep vnode hooks (#15094)"'], culpritsMine: false, revertMine: false });
    assert.equal(theirs.subject, 'Heads-up: the change "fix(runtime-core): keep vnode hooks" (#15094) was reverted on main');
    assert.doesNotMatch(theirs.text, /\bmy change/i);
    assert.match(theirs.text, /What happened: Checkout button does nothing on first click\. The change "fix\(runtime-core\): keep vnode hooks" \(#15094\) caused it\./);
    assert.match(theirs.text, /What I did: The revert fedcba9 is on main; I am following up on it\./);
    // Reporting a teammate's change: ownership is not the sender's to claim, the rest still counts.
    const tone = checkTone(theirs.text, { ownsTheChange: false });
    assert.deepEqual([tone.verdict, tone.flags], ['right-sized', []], theirs.text);
    assert.equal(checkTone(theirs.text).verdict, 'under-owned', 'the same text from the author of the change owns too little');
    const mineRevertedByMe = draftTeamUpdate({ ...base, culpritsMine: true, revertMine: true });
    assert.match(mineRevertedByMe.subject, /^Heads-up: I reverted my change/);
  });

  it('does not repeat a title derived from the culprit\'s subject in "What happened"', () => {
    const d = draftTeamUpdate({ ...base, title: 'Apply discount codes at checkout reverted', culpritSubjects: ['Apply discount codes at checkout'] });
    const happened = /What happened: (.*)/.exec(d.text)?.[1] ?? '';
    assert.equal(happened, 'My change "Apply discount codes at checkout" caused a problem on main and had to be reverted.');
    assert.equal(d.text.split('Apply discount codes at checkout').length - 1, 2, 'the subject appears in the headline and once in the beats');
  });

  it('without a revert, a team draft does not claim one', () => {
    const d = draftTeamUpdate({ ...base, revertSha: undefined, title: 'Bind checkout handler lazily' });
    assert.doesNotMatch(d.text, /revert/i);
    assert.match(d.subject, /^Heads-up: a problem with my change "Bind checkout handler lazily" on main$/);
  });

  it('builds its input from an incident', () => {
    const incident = newIncident({ title: 'Search returns nothing', revert: 'a'.repeat(40), actions: [{ text: 'Add a search smoke test', done: false, kind: 'test' }], sections: { impact: 'Search was empty for 10 minutes.' } });
    const input = teamUpdateInputFromIncident(incident, { blastRadius: 'team', culpritSubjects: ['Rework search index'], branch: 'main' });
    const d = draftTeamUpdate(input);
    assert.match(d.text, /Impact: Search was empty for 10 minutes\./);
    assert.match(d.text, /reverted it in aaaaaaa/);
    assert.match(d.text, /- Add a search smoke test/);
  });
});
