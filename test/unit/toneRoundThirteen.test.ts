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

describe('tone check (round thirteen): apology size and self-judgement in new shapes', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['a foreign apology word said twice', 'perdona, perdona: my seed script doubled the shared test accounts. Deleted the copies.', 'team', 'over-apology'],
    ['a slang apology said three times', 'sry sry sry, my cron typo spammed the team channel all morning. Fixed the schedule.', 'team', 'over-apology'],
    ['an apology counted', 'apologies x3 - my lockfile bump broke the shared dev image for everyone. Reverted it.', 'team', 'over-apology'],
    ['an apology said again in another language', 'Lo siento, I pushed my debug logging to the shared branch and CI logs are huge now. Removed it. Lo siento de nuevo.', 'team', 'over-apology'],
    ['a foreign apology by the thousand', 'Mil perdones: my renaming script broke every import in the shared sandbox. Ran it backwards.', 'team', 'over-apology'],
    ['a German apology with any word of degree', 'Es tut mir furchtbar leid, my test data wiped the team\'s demo board. Restored it from the export.', 'team', 'over-apology'],
    ['an adjective before the apology noun', 'Please accept my abject apologies: my cache change served old prices to all shoppers for two hours. Reverted, and cache changes now need a price check.', 'production', 'over-apology'],
    ['"my most … apologies"', 'My most humble and heartfelt apologies: my config typo stopped the team\'s preview deploys for a day. Fixed the typo.', 'team', 'over-apology'],
    ['an "-ly" adverb after "so" before sorry', "I'm so unbelievably sorry, my migration locked the shared QA database for an hour. Killed it and reran it in batches.", 'team', 'over-apology'],
    ['more sorry than one can say', 'I am more sorry than I can say: my release broke card payments for all users for 45 minutes. Rolled back, and releases now run a payment smoke test.', 'production', 'over-apology'],
    ['an adverb before "am" and a word of what the writer is', 'I truly am a walking disaster. My script deleted the team\'s fixtures folder. Restored it from git.', 'team', 'self-deprecation'],
    ['a superlative about oneself', 'i am honestly the sloppiest engineer alive, committed my own .env again', 'local', 'self-deprecation'],
    ['not senior enough', "I'm obviously not experienced enough for database work: my index change slowed the team's staging queries. Dropped it.", 'team', 'self-deprecation'],
    ['an adverb before "bad at"', "I'm hilariously bad at cron syntax, my job ran every minute on staging. Fixed it.", 'team', 'self-deprecation'],
    ['an adverb before "have no business"', 'I really have no business editing the billing code. My rounding change overcharged 90 customers by a cent for a day. Refunded them, and billing changes now need a second reviewer.', 'production', 'self-deprecation'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'over-apologetic', kind));

  it('one plain foreign apology is not over-apologetic (near miss)', () => {
    expectVerdict('Lo siento, my config change broke the team\'s staging deploys. Reverted it.', 'team', 'right-sized');
  });
  it('"es tut mir leid" alone is one plain apology (near miss)', () => {
    expectVerdict('Es tut mir leid, my migration broke the shared QA seed. Reverted it.', 'team', 'right-sized');
  });
  it('the newest person on the team is no superlative about oneself (near miss)', () => {
    expectVerdict("I'm the newest person on the team and I broke the shared staging config with my first deploy. Reverted it.", 'team', 'right-sized');
  });
  it('"not enough" about a thing, not the writer, is no self-judgement (near miss)', () => {
    expectVerdict('The timeout I set was not long enough, so the team\'s nightly export failed. Raised it.', 'team', 'right-sized');
  });
});
