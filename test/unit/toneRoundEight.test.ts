import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Petra Novak', 'Ivo Marsh', 'Jonas Falk', 'Kenji Mori'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round eight (#18): the classes found in blind8's misses, each tested with sentences written for
 * this file (none is a line of a fixture). Every test here fails on round seven's rules.
 */
describe('tone check (round eight): blame aimed elsewhere in new shapes', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ['denying that anything failed', "That's not a bug, the export works as intended. Users just have to pick the CSV option.", 'production', 'deflection'],
    ["not aware of any issue on the writer's side, and customers as the cause", "We aren't aware of any issue on our end; the timeouts look like they're caused by customers' proxies.", 'production', 'deflection'],
    ["another team's work as the cause after \"down to\"", "Yesterday's outage was down to the storage team's quota change; our pods were fine the whole time. Service came back once they undid it.", 'production', 'deflection'],
    ['a vendor named after its role, and nothing wrong on our end', 'Our DNS provider Hexadyne lost a zone file, so signups failed for an hour. Nothing on our end was wrong.', 'production', 'deflection'],
    ['a vendor named in commas after its role', 'Our hosting company, Brightnode, rebooted the primary during business hours; the API was down for 20 minutes.', 'production', 'deflection'],
    ['a vendor named in commas before its role', 'Nimbus, our email provider, had an outage and receipts were not sent for two hours.', 'production', 'deflection'],
    ['a payment gateway named after its role, and their fix', 'The payment gateway Quillpay rejected our requests without notice, so orders failed for an hour. They\'ve fixed it.', 'production', 'deflection'],
    ['an acquirer that changed things without announcing it', "Payments failed for 30 minutes for all customers. The acquirer changed their TLS settings overnight and didn't announce it.", 'production', 'deflection'],
    ['an incident and a fix "on their side"', "Login emails were late all morning for every user, there was an incident on their side. It's fixed on their end now.", 'production', 'deflection'],
    ['a third-party library named with what uses it', 'This morning a third-party SDK used by our checkout (paykit) shipped a broken release, which caused failed payments for 20 minutes.', 'production', 'deflection'],
    ["the docs' present-tense claim", "The migration hung because the Postgres docs say the lock is brief, and it wasn't. We killed it.", 'team', 'deflection'],
    ['docs called wrong with no determiner', "Docs for the queue client are wrong about the default timeout, that's why the workers hung.", 'team', 'deflection'],
    ["a tool's fault told as a noun phrase", 'my local tests broke, yarn cache corruption again. cleared it.', 'local', 'deflection'],
    ["another team's thing, then \"which is why\"", 'The build image from the infra team ships an old openssl, which is why every integration job failed today.', 'team', 'deflection'],
    ["a test that belongs to another team, broken after their change", 'That failing e2e test belongs to the search team, it broke after their index change. Skipping it for now.', 'team', 'deflection'],
    ["the writer's migration declared fine, and why it is blamed", "No idea why I'm being blamed for staging; my migration ran fine. It's back now anyway.", 'team', 'deflection'],
    ["works fine on the writer's branch (\"Whatever\" is not a name)", 'Works fine on my branch. Whatever broke main came in with the afternoon merges.', 'team', 'deflection'],
    ["the writer's service behaved correctly", 'Our service behaved correctly; the spike in 500s started after the certificate rotation.', 'production', 'deflection'],
    ["another's approval as the reason", 'I merged it, and sorry the API was slow for an hour. But Ivo approved the benchmark, so I assumed it was fine. Rolled back.', 'production', 'blame'],
    ['a mention as the owner of the cause, and "not from mine"', 'The flaky login test came from @rdiaz\'s change to the fixtures, not from mine. Patched it here.', 'team', 'deflection'],
    ["another team's habit, with a sigh", 'As usual the data folks changed the schema on a Friday, and our nightly import blew up. Patched the mapping.', 'team', 'blame'],
    ['an upstream service as the subject', 'Our upstream geocoding API started returning nulls at 09:00, which broke address lookup for all customers for two hours. Their status page confirms it.', 'production', 'deflection'],
    ['"not with our app"', "It's an issue with the Apple push service, not with our app. Notifications were delayed for 3 hours.", 'production', 'deflection'],
    ['what a role should have done, as a counterfactual', 'If the reviewers had read the diff, the broken cron would never have reached main.', 'team', 'blame'],
    ['"whoever" with a failure told as "timing out"', 'Whoever set the retry limit to zero obviously never tested it. Uploads keep timing out.', 'team', 'blame'],
    ['a network issue, nothing more', 'That was a network issue on the hosting side, nothing more. The API was unreachable for 15 minutes.', 'production', 'deflection'],
    ['"isn\'t on my side"', "The broken preview isn't on my side; my branch builds. It's back up anyway.", 'team', 'deflection'],
    ['a vendor "we use" named in commas', 'The payment processor we use, Coinlane, refunded some orders twice this morning; 120 customers were affected.', 'production', 'deflection'],
    ['a vendor as the root cause', 'The root cause is our DNS registrar, which let the domain lapse; the site was down for two hours.', 'production', 'deflection'],
    ['a new release of a tool as the subject', 'The latest release of the bundler silently dropped our polyfills, so Safari users got a blank page for an hour.', 'production', 'deflection'],
    ['a known author in lower case after "bc"', "checkout broke for 10 min bc petra's flag flip skipped the cache. flipped it back.", 'production', 'naming-people'],
  ];
  for (const [name, text, radius, kind] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', kind));

  it('a mention is quoted with its "@"; the writer\'s own team in apposition is not another team', () => {
    const r = expectVerdict("The flaky login test came from @rdiaz's change to the fixtures, not from mine. Patched it here.", 'team', 'deflecting');
    assert.ok(r.flags.some((f) => f.kind === 'naming-people' && f.excerpt === '@rdiaz'), JSON.stringify(r.flags));
    expectVerdict('We on the data team broke the nightly export with a schema tweak. Reverted it this morning.', 'team', 'right-sized');
  });

  it('a mention an apology is addressed to is not blamed', () => {
    expectVerdict('Sorry to @jdoe in particular, your deploy was blocked because I broke the upload step. Fixed it.', 'team', 'right-sized');
  });

  it('"by" and a gerund says how, and an acronym is not a person', () => {
    // Non-apology wording ("any inconvenience"), not a named person: "by skipping the DNS TTL check" is how we caused it.
    const r = expectVerdict('We caused the outage by skipping the DNS TTL check, and all users were down 10 min. Restored and added the check. Sorry for any inconvenience.', 'production', 'under-owned', 'non-apology');
    assert.ok(!r.flags.some((f) => f.kind === 'naming-people'), JSON.stringify(r.flags));
  });
});

describe('tone check (round eight): ownership in more grammar', () => {
  const right: [string, string, Radius][] = [
    ['a plain verb form for a past accident', 'Last night I push the wrong tag to the registry, so the workers ran an old build. I re-tagged it.', 'team'],
    ['a plain verb form with "wrong" and the repair in the past', 'Yesterday I merge the feature branch with wrong conflicts and the checkout tests fail for everyone. I fix it this morning and reverted the bad hunk.', 'team'],
    ['a "mis-" verb of an irregular verb', "We'd mis-set the cache TTL to zero, so the API hammered the database for an hour for all users. Set it back to 300s and added an alert on cache hit rate.", 'production'],
    ['"got it wrong"', 'we got the cron expression wrong and the cleanup ran every minute, slowing the shared runner. fixed the expression.', 'team'],
    ['"the real reason … is that I\'d removed"', "The vendor API was slow too, but the real reason checkout failed is that I'd removed the timeout guard. Restored it.", 'team'],
    ['the writer\'s team named in apposition', 'We on the data team broke the nightly export with a schema tweak. Reverted it this morning.', 'team'],
    ['"a … of mine"', 'A cleanup script of mine deleted the shared preview volumes, and the team lost their previews for the morning. Recreated them.', 'team'],
    ['the writer inside a relative clause on what failed', 'Our nightly job, which I wrote, double-charged 140 subscriptions. Refunds went out this morning and the job now checks for an existing charge first.', 'production'],
  ];
  for (const [name, text, radius] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), 'ownership')));

  it('a habit or a plan in the plain form does not own', () => {
    assert.ok(has(expectVerdict('Last night I push the wrong tag to the registry, so the workers ran an old build. I re-tagged it.', 'team', 'right-sized'), 'ownership'));
    const habit = checkTone('When I deploy the wrong branch the script warns me. The outage came from the CDN.', { radius: 'team' });
    assert.equal(habit.components.find((c) => c.name === 'ownership')?.present, false);
  });
});

describe('tone check (round eight): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['repair and prevention in one clause joined by "and"', 'I shipped a pool-size change that starved the workers; jobs for all tenants were delayed 40 minutes. We raised the pool size and added a load test that runs before each release.', 'production', 'repair'],
    ['prevention as labelled action items', 'My config push dropped half the queue consumers, so notifications for all users were delayed by 30 minutes. I restored the consumers. Action items: alert on queue depth (done), consumer count check (in progress).', 'production', 'prevention'],
    ['prevention as a safe default and a prompt', "I ran the reindex without the throttle flag and search was down for all customers for 25 minutes. I stopped it and re-ran it throttled. I've made the throttle the default and added a confirmation prompt.", 'production', 'prevention'],
    ['prevention in telegraph style', 'I pushed a bad feature flag and checkout failed for all users for 15 minutes. Rolled back; flag values now validated on startup.', 'production', 'prevention'],
    ['prevention as a case added to CI', 'My commit broke PDF export for all customers for an hour. Reverted. This PR also adds a regression case to CI.', 'production', 'prevention'],
    ['prevention as a check changed to behave differently', 'I missed the disk alert and uploads failed for every customer for 40 minutes. I freed the disk and changed the alert to page on the first failure.', 'production', 'prevention'],
    ['prevention "from now"', 'I set the wrong rate limit and partner API calls failed for 2 hours for all partners. I put the right value back. From now every limit change has a second reviewer.', 'production', 'prevention'],
    ['prevention as a guarantee after the writer\'s act', "I applied the firewall change to both regions at once and every customer was offline for 8 minutes. Reverted, and I've split the rollout so one bad rule can't reach every region.", 'production', 'prevention'],
    ['prevention as what the script does now', 'Yesterday I delete the wrong index and search was empty for 30 minutes for all customers. I rebuilt it and now the script asks before any delete.', 'production', 'prevention'],
    ['repair as "re-" and an irregular verb', 'We messed up the release branch cut and half the team rebased onto the wrong base. Re-cut it at 14:00; please rebase again.', 'team', 'repair'],
    ['impact for a group of customers', 'I broke the invoice emails for EU customers yesterday. Resent them this morning, and invoice templates now have a render test.', 'production', 'impact'],
    ['impact over the weekend', 'We pushed a bad sitemap and the docs site vanished from search over the weekend. Fixed Monday, and sitemaps are now checked in CI.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('a consequence of the failure is impact, not a guarantee; "Action items: none" is no prevention', () => {
    assert.ok(has(expectVerdict("I applied the firewall change to both regions at once and every customer was offline for 8 minutes. Reverted, and I've split the rollout so one bad rule can't reach every region.", 'production', 'right-sized'), 'prevention'));
    const consequence = checkTone('I broke the login config so customers can\'t sign in. Rolling it back now.', { radius: 'production' });
    assert.equal(consequence.components.find((c) => c.name === 'prevention')?.present, false);
    const none = checkTone('We pushed a bad cache rule and every user saw stale prices for 20 minutes. We reverted it. Action items: none identified.', { radius: 'production' });
    assert.equal(none.components.find((c) => c.name === 'prevention')?.present, false);
  });
});

describe('tone check (round eight): too much and too little, in other words', () => {
  it('a stacked "my bad" is over-apologetic', () => expectVerdict('my bad my bad, broke the docs build. reverted.', 'team', 'over-apologetic', 'over-apology'));
  it('apologising for what one is', () => expectVerdict('Sorry for being such an idiot this morning, I pushed to main directly. Reverted.', 'team', 'over-apologetic', 'self-deprecation'));
  it('not deserving it, with an adverb', () => expectVerdict("I honestly don't deserve the on-call badge after this; I took staging down for the whole team. Restored.", 'team', 'over-apologetic', 'self-deprecation'));
  it('sorrow beyond words', () => expectVerdict('Words cannot express it: I wiped the shared fixtures. Restored them.', 'team', 'over-apologetic', 'over-apology'));
  it('"it happens" plays it down', () => expectVerdict('I broke the shared staging env, it happens. Reset it.', 'team', 'under-owned', 'minimizing'));
  it('users who "may have noticed"', () => expectVerdict('Some users may have noticed slow page loads this afternoon. Things are normal again.', 'production', 'under-owned', 'non-apology'));
  it('"if anyone saw …, sorry" doubts the effect', () => expectVerdict("If anyone saw my PR's checks fail, sorry. Flaky fixture. Fixed.", 'local', 'under-owned', 'non-apology'));
});

describe('own-it tone (round eight, CLI): the same verdict as the core for a vendor in apposition', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('a vendor named in commas is deflecting in the CLI and the core', () => {
    const text = 'Nimbus, our email provider, had an outage and receipts were not sent for two hours.';
    const { result, stdout } = cli.tone(text, 'production');
    assert.equal(result.verdict, 'deflecting', stdout);
    assert.equal(result.verdict, checkTone(text, { radius: 'production', people: ['Petra Novak'] }).verdict);
  });
});
