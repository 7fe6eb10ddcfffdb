import { verdictExpecter } from '../helpers/toneExpect';
import { type ToneComponentName } from '../../src/core/teamUpdate/toneCheck';
import * as assert from 'node:assert/strict';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const expectVerdict = verdictExpecter(PEOPLE);

/**
 * Round fifteen (#18): the classes blind22's misses showed. Every sentence was written for this file
 * (none is a line of a fixture); vendor and tool names are invented, so the tests are of the grammar,
 * not of a word list. Each class case fails on round fourteen's rules (870561d).
 */
describe('tone check (round fifteen): a cause put on another party, nothing owned', () => {
  const cases: [string, string, Radius][] = [
    ['a backlog at an unknown name', 'The late invoices on Thursday came out of a processing backlog at Ledgerwick. They have all gone out now.', 'production'],
    ['the outage called an unknown name', 'Frankly the incident was Skyvault. Their region went dark and the app came back with it.', 'production'],
    ['an unknown name\'s notice called poorly done', 'Sorry to the mobile team about the broken builds; Buildnest\'s deprecation notice was badly worded.', 'team'],
    ['"Cause:" and an upstream with no article', 'Update: slow uploads for APAC users 14:00-15:30. Cause: upstream storage gateway. Resolved.', 'production'],
    ['"Cause:" and a provider', 'Incident note. Cause: SMS provider. Messages are flowing again.', 'production'],
    ['nothing needed on our side', 'Exports were empty for two hours this morning. No fix needed on our end.', 'team'],
    ['the runbook another party left', 'The restore ran for five hours: our engineers stuck to the checklist the storage consultant handed over.', 'production'],
    ['the policy another group wrote', 'FYI the test cluster lost its volumes. The retention rule the storage group wrote didn\'t include test.', 'team'],
    ['users who skipped a warning', 'The customers who lost drafts had dismissed the banner asking them to save.', 'production'],
  ];
  for (const [name, text, radius] of cases) it(name, () => expectVerdict(text, radius, 'deflecting', 'deflection'));

  it('an agentless "Cause:" stays under-owned (near miss)', () => {
    expectVerdict('Update: slow uploads for APAC users this afternoon. Cause: a full disk. Resolved.', 'production', 'under-owned');
  });
  it('a runbook the writer wrote is not another party\'s (near miss)', () => {
    expectVerdict('Checkout was down for four hours for every shopper because I followed the playbook I wrote last year, which skipped the DNS step. I have rewritten it and we now drill it monthly.', 'production', 'right-sized');
  });
});

describe('tone check (round fifteen): owned, then the cause moved', () => {
  it('a tool called the doer and the writer\'s denial', () => {
    expectVerdict('The editor did this, I\'d never reach into the fixtures folder. reverted the import', 'local', 'deflecting', 'deflection');
  });
  it('"we did everything right"', () => {
    expectVerdict('Sorry for the downtime, but we did everything right; the cloud region failed and we recovered when it returned.', 'production', 'deflecting', 'deflection');
  });
  it('the editor named with the writer owning it stays right-sized (near miss)', () => {
    expectVerdict('My editor auto-imported from the fixtures folder and I didn\'t notice; I removed the import and the linter now forbids it.', 'local', 'right-sized');
  });
});

describe('tone check (round fifteen): parts a right-sized message shows in new grammar', () => {
  const parts: [string, string, Radius, ToneComponentName][] = [
    ['ownership: a thing of mine left on', 'I left the admin port open on the sandbox box; closed it.', 'team', 'ownership'],
    ['ownership: the plain present', 'I push the pricing update and the cart totals show zero for ten minutes for every shopper. I rollback it at once, and now we have a price check after each push.', 'production', 'ownership'],
    ['ownership: after my rotation', 'admins couldn\'t reach the console for 10 min after my key rotation on the gateway; I restored the old key, and rotations now go through staging first', 'production', 'ownership'],
    ['impact and prevention: a counted group, a check that halts', 'My fault: the payroll sync I edited on Friday dropped two days of hours for roughly 70 translators. I re-ran the sync and added a total comparison that halts the job when hours fall.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of parts) {
    it(name, () => {
      const r = expectVerdict(text, radius, 'right-sized');
      assert.ok(r.components.find((c) => c.name === part)?.present);
    });
  }
  it('ownership: the problem called my thing', () => {
    const r = expectVerdict('Texts went out twice; the issue was our resend loop.', 'team', 'under-owned');
    assert.ok(r.components.find((c) => c.name === 'ownership')?.present);
  });
  it('the problem called a thing of no one in particular owns nothing (near miss)', () => {
    const r = expectVerdict('Texts went out twice; the issue was a resend loop.', 'team', 'under-owned');
    assert.ok(!r.components.find((c) => c.name === 'ownership')?.present);
  });
  it('a repair asked of others still misses the repair (near miss)', () => {
    expectVerdict('I left the admin port open on the sandbox box. Could someone close it?', 'team', 'under-owned');
  });
});

describe('tone check (round fifteen): apology and impact size', () => {
  it('an apology multiplied', () => {
    expectVerdict('Hundertmal Entschuldigung an alle, my bad cron wiped the team\'s scratch tables overnight; I restored them from the snapshot.', 'team', 'over-apologetic', 'over-apology');
  });
  it('an apology said again to a second audience', () => {
    expectVerdict('I apologise to the support group, and again to Lotte herself: my macro closed 40 open tickets. Reopened them all by noon.', 'team', 'over-apologetic', 'over-apology');
  });
  it('the impact waved off with "whatever"', () => {
    expectVerdict('I dropped the wrong index and the team\'s reports were slow for an hour. Back now, whatever.', 'team', 'under-owned', 'minimizing');
  });
  it('the impact called noise', () => {
    expectVerdict('The tax bug I merged hit maybe 12 invoices out of 9,000, so it\'s basically noise. I fixed the rate table and added a test.', 'production', 'under-owned', 'minimizing');
  });
  it('"whatever" inside a sentence is not a play-down (near miss)', () => {
    expectVerdict('I dropped the wrong index and the team\'s reports were slow for an hour; I rebuilt it, whatever the cost, and now index drops need a second reviewer.', 'team', 'right-sized');
  });
});
