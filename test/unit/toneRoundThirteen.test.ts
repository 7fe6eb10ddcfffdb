import * as assert from 'node:assert/strict';
import { verdictExpecter } from '../helpers/toneExpect';
import { type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round thirteen (#18): the classes blind13's and blind14's misses showed. Every sentence was
 * written for this file (none is a line of a fixture); the names of vendors and tools are invented
 * so that they test the grammar, not a word list.
 */
describe('tone check (round thirteen): an outside agent the check has never heard of', () => {
  const cases: [string, string, Radius][] = [
    ['a named vendor as the subject of an act done to us', "Apologies for the slow uploads this morning; Storvik capped our bandwidth. Moved the uploads to the spare bucket.", 'production'],
    ['a named tool and its noun as the subject', 'Gradlix upgrade scrambled my local caches. Cleared them and it builds.', 'local'],
    ['a named tool\'s thing acting on part of my work', "Brakeman's autofix rewrote half my handlers wrong, so nothing compiles", 'local'],
    ['a name after "because", changed under us', 'The nightly build has failed since Tuesday because the Quarrel CI runner image changed under us. Our pipeline is untouched.', 'team'],
    ['a name with a version after "because"', 'my dev stack is dead because Podwright 3 renamed every volume. classic', 'local'],
    ['"Cause:" and a named outage', 'Summary: invoice emails were delayed 5h. Cause: Postwick outage. Fix: resent the queue. Prevention: added a second sender.', 'production'],
    ["\"Cause:\" and a named thing's default", 'Summary: the report worker stalled on staging overnight. Cause: Hopline\'s default idle timeout. Fix: raised it to 10 minutes.', 'team'],
    ['a named vendor had an outage', 'Incident note: Ferrocart had a two-hour outage on Monday and 400 orders failed. Orders resumed when Ferrocart recovered. We have added a retry queue.', 'production'],
    ['our provider, named, as the cause', 'Dear customers, the late password-reset emails on Sunday were caused by our provider Sendmoor. We have moved to a backup route.', 'production'],
    ["the reader's own systems as the cause", 'Hello Dana, the sync failures were caused by your proxy stripping our auth header. Once you changed the rule, syncs resumed.', 'production'],
    ["a person's work as the reason", "@pkarlsson's cleanup is why the demo tenant lost its users today.", 'team'],
    ["a person's document as the subject of the failure", 'The playbook Hendrik wrote pointed at the retired queue, so the weekly export failed twice. Updated the playbook.', 'team'],
  ];
  for (const [name, text, radius] of cases) {
    it(name, () => {
      const r = expectVerdict(text, radius, 'deflecting');
      assert.ok(r.flags.some((f: { kind: ToneFlagKind }) => f.kind === 'deflection' || f.kind === 'blame'));
    });
  }

  it('an agentless cause stays under-owned, not deflecting (near miss)', () => {
    expectVerdict('Staging logins failed for two hours due to a certificate issue. It has been renewed.', 'team', 'under-owned');
  });
  it('a bad config pushed by nobody stays under-owned (near miss)', () => {
    expectVerdict('A bad config was pushed to the shared cluster and the team lost the preview apps for an hour. Rolled it back.', 'team', 'under-owned');
  });
  it('a named vendor beside the writer owning their part is right-sized (near miss)', () => {
    const r = expectVerdict('Storvik capped our bandwidth, but I had turned off the upload retry last week, so the failures were on me: uploads failed for 40 minutes for all users. I restored the retry and we now alert on upload errors.', 'production', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('the team\'s own capitalised things are not outside agents (near miss)', () => {
    expectVerdict('Checkout rejected our test cards on staging for an hour after I changed the card regex. Reverted it.', 'team', 'right-sized');
  });
});
