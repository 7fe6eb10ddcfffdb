import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Petra Novak', 'Ivo Marsh', 'Jonas Falk', 'Kenji Mori', 'Lena Ruiz'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round eleven (#18): the classes blind11's misses showed — the size of an apology by its grammar,
 * the writer judging their own fitness, passives and guesses that point at another agent, and more
 * shapes of the parts. Every sentence was written for this file (none is a line of a fixture).
 */
describe('tone check (round eleven): the size of an apology and the writer judging themself', () => {
  const cases: [string, string, Radius, ToneVerdict, ToneFlagKind][] = [
    ['any "-ly" adverb of degree before sorry', 'We are dreadfully sorry: our cache purge emptied every product image for 20 minutes for all shoppers. Restored them, and purges now need a dry run first.', 'production', 'over-apologetic', 'over-apology'],
    ['stacked adverbs before apologise', 'We earnestly, wholeheartedly apologise for the broken invoices: our tax rounding change was wrong. Reverted it.', 'team', 'over-apologetic', 'over-apology'],
    ['a big apology noun with stacked adjectives', 'Please accept my sincere, humble apology: I dropped the staging queue. Recreated it.', 'team', 'over-apologetic', 'over-apology'],
    ['unfit to be let near the work', "Honestly I shouldn't be let near the deploy button. My push took the wiki down for the team for an hour. It's back up.", 'team', 'over-apologetic', 'self-deprecation'],
    ['unfit to be trusted, with "can\'t"', "I obviously can't be trusted with cron syntax: my schedule ran the cleanup every minute and wiped the team's scratch tables. Restored them from last night.", 'team', 'over-apologetic', 'self-deprecation'],
    ['wondering why one was given access', 'No idea why anyone gave me prod access. I truncated the staging events table; replayed it from the topic.', 'team', 'over-apologetic', 'self-deprecation'],
    ['"no business" doing the work', 'I have no business touching Helm charts. Broke the shared ingress for an hour; rolled it back.', 'team', 'over-apologetic', 'self-deprecation'],
    ['"not cut out for"', "Maybe I'm just not cut out for on-call. I silenced the wrong alert and missed the disk filling up. Cleared space, and the alert is unmuted.", 'team', 'over-apologetic', 'self-deprecation'],
    ['giving up the tools of the job', "I might as well hand in my badge now: my migration dropped the team's feature flags table. Restored it from backup.", 'team', 'over-apologetic', 'self-deprecation'],
    ['a hopeless case with a tool, "am" after an adverb', 'I truly am a hopeless case with YAML: my indent broke the CI workflow for everyone. Fixed the indent.', 'team', 'over-apologetic', 'self-deprecation'],
    ['"someone to fire, it\'s me"', "If you need someone to fire, it's me: my rate limit change throttled the mobile team's test runs all afternoon. Reverted it.", 'team', 'over-apologetic', 'self-deprecation'],
  ];
  for (const [name, text, radius, verdict, kind] of cases) it(name, () => expectVerdict(text, radius, verdict, kind));

  it('a plain "mea culpa" owns and is not an over-apology; its big form still is', () => {
    assert.ok(has(expectVerdict('Mea culpa: I pushed a stale lockfile to my branch. Regenerated it.', 'local', 'right-sized'), 'ownership'));
    expectVerdict('Mea maxima culpa. I broke the build on main; reverted.', 'team', 'over-apologetic', 'over-apology');
  });

  it('"only sorry" limits, it does not intensify (near miss)', () => {
    expectVerdict("I'm only sorry it took me an hour to spot: my cron change skipped the nightly export for the team. Re-ran it.", 'team', 'right-sized');
  });
});

describe('tone check (round eleven): too little', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['"hardly down", "nobody even noticed"', 'My bad, the nightly report job crashed for the team, but it was hardly down and nobody even noticed. Restarted it.', 'team', 'minimizing'],
    ['"small potatoes"', 'My sync script emptied the shared fixtures folder. Small potatoes, only fixtures. Restored them.', 'team', 'minimizing'],
    ['a run of bad luck with no doer', 'A strange chain of events left the preview environment without a database for a while. Recreated it.', 'local', 'non-apology'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'under-owned', kind));

  it('"nobody noticed" as a fact about detection is not playing down (near miss)', () => {
    expectVerdict('Nobody noticed the failed backups for two days because I never added an alert for them. Re-ran them and added a backup alert.', 'team', 'right-sized');
  });
});

describe('tone check (round eleven): another agent', () => {
  const blame: [string, string, Radius][] = [
    ['a passive with a team as the answerable doer', 'The pricing change that broke checkout was approved by the product team. We rolled it back at 16:00 and pricing changes now need a canary.', 'production'],
    ['a relative clause: the review that missed it', 'Exports failed for all tenants for an hour, caused by a migration that the DBA review missed. Rolled back.', 'production'],
    ['a change made by a team, in the passive', 'Config was changed by the infra team without notice and our API failed for all customers for an hour. We rolled back and added a config diff alert.', 'production'],
    ['a passive sign-off by a role', 'The broken build went out because it was signed off by the release manager. Rolled back.', 'team'],
    ['done per a colleague\'s instructions', "Per Jonas's instructions I ran the reindex on the live cluster, and search was down for the team for an hour. Reindexed again.", 'team'],
    ['the reader told it was theirs', '@ivo the nightly build is red because of your dependency bump, can you look', 'team'],
  ];
  for (const [name, text, radius] of blame) it(name, () => expectVerdict(text, radius, 'deflecting', 'blame'));

  const deflecting: [string, string, Radius][] = [
    ['a guess that points at a vendor', "Not sure yet what slowed the API for all clients this morning. My guess is the CDN is caching errors again.", 'production'],
    ['"I doubt it\'s my migration"', 'I doubt it\'s my migration. The reports page was slow for the team all morning.', 'team'],
    ['a tool "being flaky again"', 'the red check on my branch is Cypress being flaky again, re-ran it', 'local'],
    ['another\'s act, again, as the reason', "Prettier reformatted the lockfile again, that's why the install broke. reverted the file", 'local'],
    ['a vendor that "needs to get its act together"', 'Push notifications stopped for 3% of Android users for a day. Google seriously needs to get its act together. Re-sent them.', 'production'],
    ['a guide that "tells you to"', 'the onboarding guide tells you to run the reset script, which wipes your local db. restored mine from a dump', 'local'],
    ['a capitalised name after "because"', 'Search returned nothing for EU users for 25 minutes because Solr quietly dropped the synonyms file. Restored it.', 'production'],
    ['"not by anything we did"', "Sorry for the slow dashboards this morning; the caches were flushed by the hosting platform's maintenance, not by anything we did. They're warm again.", 'production'],
  ];
  for (const [name, text, radius] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', 'deflection'));

  // A defect located in another's product deflects even beside a safeguard: the safeguard owns nothing.
  const located: [string, string][] = [
    ['a known bug in another\'s product', 'API latency doubled for all clients for an hour. The connection pool leaked, which is a known Node bug. Restarted the pods; an alert now fires on pool size.'],
    ['a vendor\'s thing that bounced', "Password reset emails failed for all customers on Monday. Our mail vendor's reset emails bounced. Re-sent them, and we now alert on bounce spikes."],
    ['a thing named by its brand, giving a bad result', 'Webhooks failed signature checks for all merchants because the key store (Vaultly) returned an expired key. Rotated it; we will add a key age check.'],
  ];
  for (const [name, text] of located) it(name, () => expectVerdict(text, 'production', 'deflecting', 'deflection'));

  it('the same shapes beside first-person ownership, or with the writer as the doer, do not deflect (near misses)', () => {
    expectVerdict('The migration that broke the reports was requested by me; I should have pushed back. Rolled back.', 'team', 'right-sized');
    expectVerdict('Logins failed for all users for 15 minutes because I rotated the key without a grace period. Restored the old key, and rotation now keeps both keys for a day.', 'production', 'right-sized');
    expectVerdict('The release was reviewed by the platform team, and my migration in it still locked the orders table for 5 minutes for all customers. Killed it, and migrations now run with a lock timeout.', 'production', 'right-sized');
  });

  it('"it was me who" is the writer, not a question after the doer', () => {
    assert.ok(has(expectVerdict('It was me who merged the broken schema into the shared branch. Reverted it.', 'team', 'right-sized'), 'ownership'));
  });

  it('a name set off by commas after an apology is spoken to', () => {
    expectVerdict('I owe you an apology, Kenji, the rebase I pushed to the shared branch wiped your commits. Restored them from the reflog.', 'team', 'right-sized');
  });
});

describe('tone check (round eleven): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['prevention as a standing order of steps', 'My index change slowed search for all shoppers for 30 minutes. Reverted it, and index changes are now sent to a copy of production before release.', 'production', 'prevention'],
    ['prevention as a safeguard the team now has', 'I let the disk on the queue host fill up and about 2,000 emails to customers were delayed for an hour. Cleared it, and now we have an alert at 80% disk.', 'production', 'prevention'],
    ['prevention as a standing verb\'s object', 'Our 3.2 deploy broke avatar uploads for all users for 40 minutes. Rolled back, and deploys now exercise an upload test.', 'production', 'prevention'],
    ['prevention as a rehearsal on a schedule', 'We never configured a replica for the search cluster, so search was down for all shoppers for 50 minutes. Promoted a snapshot to a replica, and we rehearse the failover monthly.', 'production', 'prevention'],
    ['ownership as "root cause of …: we"', "Root cause of Tuesday's login errors: we, the identity team, swapped the signing key with no grace period, so about 10% of users were logged out for 2 hours. Restored the old key, and rotation now keeps both keys for a day.", 'production', 'ownership'],
    ['ownership as "(my change)"', 'Postmortem for the stale prices (my change): about 800 orders showed old prices for an hour. Corrected the orders, and price updates now need a cache test.', 'production', 'ownership'],
    ['repair as a new version put out from the right source', "Tagging 4.0.2 from a stale branch was my mistake, and the team's staging ran old code all morning. I've published 4.0.3 from main and the release job now refuses tags from other branches.", 'team', 'repair'],
    ['impact as a share of a group', 'Our font change broke rendering for a third of visitors on older Android. Reverted, and font changes now need a device screenshot test.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));
});

describe('own-it tone (round eleven, CLI): the same verdict as the core', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('an intensified apology, a passive sign-off and a plain "mea culpa" agree in the CLI and the core', () => {
    const texts: [string, Radius, ToneVerdict][] = [
      ['We are dreadfully sorry: our cache purge emptied every product image for 20 minutes for all shoppers. Restored them, and purges now need a dry run first.', 'production', 'over-apologetic'],
      ['The broken build went out because it was signed off by the release manager. Rolled back.', 'team', 'deflecting'],
      ['Mea culpa: I pushed a stale lockfile to my branch. Regenerated it.', 'local', 'right-sized'],
    ];
    for (const [text, radius, verdict] of texts) {
      const { result, stdout } = cli.tone(text, radius);
      assert.equal(result.verdict, verdict, stdout);
      assert.equal(result.verdict, checkTone(text, { radius, people: ['Petra Novak'] }).verdict);
    }
  });
});
