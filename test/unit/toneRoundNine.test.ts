import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Petra Novak', 'Ivo Marsh', 'Jonas Falk', 'Kenji Mori'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round nine (#18): blame and ownership decided from the source of a failure — its doer or what
 * it is said to come from — classed as the writer, a person, a role, a team or an outside party;
 * and the parts and apology shapes blind9's misses showed. Every sentence was written for this
 * file (none is a line of a fixture).
 */
describe('tone check (round nine): the kind of agent decides', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ['a role as the doer deflects even when the writer owns a part', 'I approved the rollout, and checkout failed for 20 minutes for all shoppers. The crash was caused by a bad flag set by one of the senior developers. We restored the flag and added a review step.', 'production', 'deflection'],
    ["a team's work as the source after \"came from\"", "The broken search index came from the data team's nightly job. Rebuilt it this morning.", 'team', 'deflection'],
    ['an outside party as the source after "coming from"', 'The login delays this morning are coming from Keyvault, they rotated something on their end. All customers waited 2 minutes per login for an hour. Works again now.', 'production', 'deflection'],
    ['responsibility handed to a person with "it\'s on"', "I shipped the form change that broke signups. Honestly though, it's on Ivo for skipping the review. Reverted.", 'team', 'naming-people'],
    ['responsibility that "sits with" a team', 'I merged the optional-field change and the export broke for the team. The root of it sits with design, who asked for the field. Rolled it back.', 'team', 'deflection'],
    ['an act done "on their say-so"', 'We enabled the new cache on their say-so and the exports broke for everyone. Disabled it again.', 'team', 'deflection'],
    ['doing exactly what a role wrote', 'I ran the migration exactly as the DBA wrote it and it locked the orders table for 20 minutes for every customer. Killed it and restored service; migrations now need a lock timeout.', 'production', 'deflection'],
    ["an authority whose claim did not hold", "According to Parcelly's docs the webhook retries were supposed to stop after three tries. They didn't, and the queue filled up. Drained it.", 'team', 'deflection'],
    ['a document said to be wrong', 'The restore failed for everyone. The backup guide we followed documents the wrong bucket name. Retrying now.', 'team', 'deflection'],
    ["another's trouble, with nothing owned", 'Brightwave had issues all afternoon, so image uploads failed for most users. It\'s working now.', 'production', 'deflection'],
    ["a named product's update as the doer", 'The Xcode update renamed the signing setting, which broke every iOS build today. Pinned the old one for now.', 'team', 'deflection'],
    ['someone inside a team as the doer', 'Somebody in the mobile crew bumped the SDK, and the Android build has failed since. Pinned it back.', 'team', 'deflection'],
    ['a guess at another team', 'Deploys are broken again this morning. Probably ops.', 'team', 'deflection'],
    ["the writer's work denied", "The import job failed overnight, but it wasn't my script. Someone should look.", 'team', 'deflection'],
    ["no problem found in the writer's service", 'We found no problem in our service; the slow pages come from the shoppers\' own networks. Pages are fast again.', 'production', 'deflection'],
    ['"we did not deploy anything" is a denial, not ownership', 'We did not deploy anything yesterday. The outage was 40 minutes for all users and it is over now.', 'production', 'deflection'],
    ["a person's work as the cause in a cleft", "My slides were confusing, but honestly Ivo's outline is what made them that way.", 'local', 'naming-people'],
  ];
  for (const [name, text, radius, kind] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', kind));

  it('a subject after "so" bears the consequence; the writer who "had an outage" is its victim, not its doer', () => {
    expectVerdict('I pushed the wrong tag to staging, so QA tested an old build all morning. Re-tagged it.', 'team', 'right-sized');
    const victim = expectVerdict('We had an outage of the build cache this morning, about an hour. It is back up.', 'team', 'under-owned', 'missing-beat');
    assert.equal(has(victim, 'ownership'), false);
  });

  it('a negated source is no source, and a vendor next to an owned part is context', () => {
    expectVerdict('Our DNS vendor Zonefly had a regional outage, so signups failed for 30 minutes. Nothing on our side was wrong. It is back.', 'production', 'deflecting');
    expectVerdict('Skyport had a regional incident today, but the blank pages our customers saw for 20 minutes were from our missing fallback, which is our fault. We restored service and have since added an origin fallback.', 'production', 'right-sized');
  });
});

describe('tone check (round nine): sources found by probing own sentences after blind9 passed', () => {
  const deflecting: [string, string, Radius][] = [
    ['a member of a group named without "team"', 'Our staging cluster died because someone from data science ran a 200GB job on it. Restarted it.', 'team'],
    ['"originate from" another team', "Heads up: the broken migrations originate from the reporting team's branch. Reverted the merge.", 'team'],
    ['another\'s thing "is responsible"', "Logins failed for an hour for all customers. The identity vendor's new release is responsible. They rolled it back.", 'production'],
    ['a passive act "by somebody", at the local radius', 'my tests were red all morning, turns out the shared fixture repo was updated by somebody. fixed locally.', 'local'],
  ];
  for (const [name, text, radius] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', 'deflection'));

  it('reporting, the writer "to blame" and "affected by" are not another\'s doing', () => {
    expectVerdict('I broke staging with a bad config; someone on the call pointed out the typo. Fixed it.', 'team', 'right-sized');
    assert.ok(has(expectVerdict('My config change was to blame for the broken staging env. Reverted.', 'team', 'right-sized'), 'ownership'));
    expectVerdict('Sorry, the red build on my branch was confusing everyone affected by the flaky job. Fixed.', 'local', 'right-sized');
  });
});

describe('tone check (round nine): ownership read from the source', () => {
  const right: [string, string, Radius][] = [
    ['the failure "was from" the writer\'s work', 'The 502s on the API were from my pool-size change, which I rolled back at 10:40.', 'team'],
    ['a bare "mine" after a colon', 'The red builds this week: mine. Reverted.', 'team'],
    ['the failure "started with" the writer\'s work', 'The red builds started with my rename of the config key; reverted it.', 'team'],
    ['a bare "Mine."', 'Mine. Rolled it back.', 'team'],
    ['an omission of the writer\'s duty', "The card-reader certificate expired and we hadn't noticed, so payments failed for 40 minutes for all stores. We renewed it and added an expiry alert.", 'production'],
  ];
  for (const [name, text, radius] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), 'ownership')));
});

describe('tone check (round nine): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ["prevention as the writer's standing practice", 'I broke image previews for about an hour for all users with a bad resize flag. Flipped it back. We now canary-test flag changes before rollout.', 'production', 'prevention'],
    ['prevention as a thing now inside a safeguard', 'I broke exports on Firefox for 30 minutes for every customer. Reverted. Firefox is now in the release test matrix.', 'production', 'prevention'],
    ['prevention as a change made since', "My deploy script skipped the cache warm-up, so the site was slow for 20 minutes for all visitors. I warmed it by hand, and we've since enabled warm-up on every deploy.", 'production', 'prevention'],
    ['prevention as what now happens by itself', 'I let the API key expire, so 200 orders failed to sync for our customers. Re-synced them, and keys now rotate automatically.', 'production', 'prevention'],
    ['repair as clearing out what the failure left', 'My cron change sent duplicate emails to 3k users this morning. Purged the stale jobs from the queue. A test now checks the cron schedule.', 'production', 'repair'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('a plan to review processes is not prevention, and investigating is not a repair', () => {
    const plan = expectVerdict('We shipped a change that broke logins for all users for 40 minutes. We reverted it and will be reviewing our processes to prevent a recurrence.', 'production', 'under-owned', 'missing-beat');
    assert.equal(has(plan, 'prevention'), false);
    const dug = expectVerdict("I traced the flaky test to the retry helper I wrote last week, which hides failures. I'll think about options tomorrow.", 'team', 'under-owned', 'missing-beat');
    assert.equal(has(dug, 'repair'), false);
    const know = checkTone('I broke checkout for 10 minutes for all shoppers with a bad price rule. Reverted it. We now know the cause.', { radius: 'production' });
    assert.equal(has(know, 'prevention'), false);
  });
});

describe('tone check (round nine): too little and too much, by shape', () => {
  const cases: [string, string, Radius, ToneVerdict, ToneFlagKind][] = [
    ['sorry for what an audience felt', "We're sorry that users felt let down by the failed exports. Our deploy caused it; it's fixed.", 'team', 'under-owned', 'non-apology'],
    ['sorry for what someone found', 'Sorry you found the new alert noise annoying.', 'local', 'under-owned', 'non-apology'],
    ['"any" + a harm noun', 'Sorry for any hassle my schema change caused. It has been rolled back.', 'team', 'under-owned', 'non-apology'],
    ['a conditional audience with a feeling, at the local radius', 'If anyone got confused by my draft branch, sorry.', 'local', 'under-owned', 'non-apology'],
    ['"I regret" stacked', 'I regret breaking the deploy. I truly regret it. Reverted.', 'team', 'over-apologetic', 'over-apology'],
    ['a prize for oneself', 'The butterfingers trophy goes to me: I deleted the staging database. Restored it from backup.', 'team', 'over-apologetic', 'self-deprecation'],
    ['a low bar for oneself', 'Broke the build for everyone, about the quality of work you can expect from me by now. Reverted.', 'team', 'over-apologetic', 'self-deprecation'],
    ['a name for oneself before "I am"', 'What a total muppet I am, I pushed to main without tests. Reverted.', 'team', 'over-apologetic', 'self-deprecation'],
  ];
  for (const [name, text, radius, verdict, kind] of cases) it(name, () => expectVerdict(text, radius, verdict, kind));

  it('two apologies with the person hurt and the copy restored from them: over-apologetic, nobody blamed', () => {
    const r = expectVerdict("Restored from Ivo's laptop copy after my force-push clobbered the release branch. Sorry to Ivo, and sorry to the team for the noise.", 'team', 'over-apologetic', 'over-apology');
    assert.ok(!r.flags.some((f) => f.kind === 'naming-people'), JSON.stringify(r.flags));
  });

  it('"nobody checked" after the writer in the same clause includes the writer', () => {
    const r = expectVerdict('Sorry for the outage, and sorry again for the silence. Our domain lapsed because we kept the renewal date in a calendar nobody checked; the site was down 2 hours for everyone. Renewed it, and renewals are now automatic.', 'production', 'over-apologetic', 'over-apology');
    assert.ok(!r.flags.some((f) => f.kind === 'deflection'), JSON.stringify(r.flags));
  });
});

describe('own-it tone (round nine, CLI): the same verdict as the core', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('a source after "came from", a charge and an owned "was from" agree in the CLI and the core', () => {
    const texts: [string, Radius, ToneVerdict][] = [
      ["The broken search index came from the data team's nightly job. Rebuilt it this morning.", 'team', 'deflecting'],
      ["I shipped the form change that broke signups. Honestly though, it's on Petra for skipping the review. Reverted.", 'team', 'deflecting'],
      ['The 502s on the API were from my pool-size change, which I rolled back at 10:40.', 'team', 'right-sized'],
    ];
    for (const [text, radius, verdict] of texts) {
      const { result, stdout } = cli.tone(text, radius);
      assert.equal(result.verdict, verdict, stdout);
      assert.equal(result.verdict, checkTone(text, { radius, people: ['Petra Novak'] }).verdict);
    }
  });
});
