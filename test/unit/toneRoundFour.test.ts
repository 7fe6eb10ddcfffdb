import * as assert from 'node:assert/strict';
import { verdictExpecter } from '../helpers/toneExpect';
import type { ToneFlagKind, ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository the messages come from (the people finder needs them). */
const PEOPLE = ['Priya Raman', 'Jonas Weber', 'Daniel Okoro', 'Sven Lindqvist'];
const expectVerdict = verdictExpecter(PEOPLE);

/** Round four of the tone rules (#18): the failure classes of the round-three blind set, as general shapes. */
describe('tone check: blame and denial come before missing parts', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ['a role as the one who did it', 'The on-call engineer ignored the page for 40 minutes, which is why the outage lasted so long.', 'production', 'deflection'],
    ['a manager by title', 'The release manager approved the rollout at peak traffic and orders were delayed for all users for an hour.', 'production', 'blame'],
    ['a team deciding it', 'Design insisted on the new font loader, so the app crashed on old phones. Rolled back.', 'team', 'deflection'],
    ['a team acting, after "because"', 'Logins failed for 20 minutes for all users because the security team rotated the keys. We restored them and will add a runbook.', 'production', 'blame'],
    ['a guess at another team', 'No idea why people ping me. Must be the platform folks.', 'team', 'blame'],
    ['a vendor outage as the cause', 'Checkout was down for 30 minutes for all users due to an outage at our payment provider. It has recovered.', 'production', 'deflection'],
    ['a vendor with a long name as the subject', 'The edge cache vendor pushed a bad rule; half of our traffic failed for 35 minutes. It recovered.', 'production', 'deflection'],
    ['a lead by title, with a modifier', 'The QA lead signed off on it, so it went out and broke the staging login. Reverted.', 'team', 'deflection'],
    ["a vendor's thing as the subject", "Our vendor's SDK update changed the retry default and the workers hung. Restarted them.", 'team', 'deflection'],
    ['the docs said to be unclear', 'Honestly the spec was unclear, so the export broke. Fixed the mapping.', 'team', 'deflection'],
    ['the docs as the source', 'The wiki said the column was unused. It was not. Put it back.', 'team', 'deflection'],
    ['the docs never saying it', 'Staging broke because the README never mentions the feature flag. Flipped it back.', 'team', 'deflection'],
    ['a denial of the writer\'s code', 'The outage was not caused by my change. Restarted the workers.', 'team', 'deflection'],
    ['a denial of a deploy from us', "That wasn't a release from us. Ask the platform team.", 'team', 'deflection'],
    ['nothing wrong on our side', 'We checked the failed webhooks and found no issues on our side.', 'production', 'deflection'],
    ['"not mine"', 'The build is red because of that merge, not mine.', 'team', 'deflection'],
    ['the writer\'s part declared fine', 'People keep pinging me, but my config was fine.', 'team', 'deflection'],
    ['a known author next to "red"', 'The pipeline is red since Priya merged the fixtures. Re-ran it.', 'team', 'naming-people'],
    ['a known author written in lower case', 'staging broke bc daniel okoro\'s cron ran during the deploy. restarted it', 'team', 'naming-people'],
  ];
  for (const [why, text, radius, kind] of deflecting) {
    it(`deflecting, not under-owned: ${why}`, () => expectVerdict(text, radius, 'deflecting', kind));
  }

  const local: [string, string, ToneFlagKind][] = [
    ['a mention\'s work that "messed it up"', 'reset my branch, @jo\'s rebase messed it up', 'naming-people'],
    ['software at a version as the subject', 'Not my problem really, Python 3.13 changed the behavior.', 'deflection'],
    ['a tool with a hyphenated verb', 'reverted locally, the linter auto-sorted my imports into a broken order', 'deflection'],
    ['a known author next to "red"', 'My tests are red because Jonas rewrote the fixtures, I reset them locally.', 'naming-people'],
  ];
  for (const [why, text, kind] of local) {
    it(`deflecting at the local radius: ${why}`, () => expectVerdict(text, 'local', 'deflecting', kind));
  }

  const notBlame: [string, string, Radius][] = [
    ['thanking a named person', 'Thanks Priya for spotting that my migration broke staging. I reverted it.', 'team'],
    ['apologising to a named person first', 'Sorry Daniel, my config change took your branch down. Reverted.', 'team'],
    ['"we" owning it together', 'We own this together: our deploy broke the sandbox for the other squads. We rolled it back.', 'team'],
    ['the docs unclear next to owning it', 'The spec was unclear and I guessed wrong, which broke the export; my mistake. Fixed the mapping.', 'team'],
    ['a lead who reviewed the fix', 'I broke staging; the tech lead reviewed my fix and I redeployed.', 'team'],
    ['the docs mentioned next to owning it', 'The docs said to run the migration first, and I skipped that step, which broke staging. Reverted.', 'team'],
    ['a denial corrected in the same sentence', 'We found no problem on our side at first, then realised my deploy broke the webhooks. Reverted.', 'team'],
    ['a team that asked for the change', 'I pushed a config that broke staging. Product asked for the change, but rolling it out untested was my call. Reverted.', 'team'],
    ['a role that helped', 'I broke the build. The on-call engineer helped me revert it.', 'team'],
    ['a named teammate who helped', 'I took the site down with a bad config; Priya helped me roll it back.', 'team'],
    ['a mention who spotted it', 'I broke main, @mei spotted it, reverted.', 'team'],
    ['a product name after "my"', 'My Terraform change wiped the staging DNS record; restored it.', 'team'],
    ['"the release" is not a release team', 'The release broke search for 2 hours for everyone because I skipped the canary. Rolled back; releases now go through the canary.', 'production'],
    ['a build number is not software', 'Rolled back my change, build 482 failed on it.', 'local'],
    ['"my X was fine" that goes on to own it', 'My change was fine on staging but broke prod for the team; reverted.', 'team'],
  ];
  for (const [why, text, radius] of notBlame) {
    it(`not deflecting: ${why}`, () => expectVerdict(text, radius, 'right-sized'));
  }
});

describe('tone check: self-deprecation as identity', () => {
  const over: [string, string][] = [
    ['"I\'m a terrible engineer"', "I'm a terrible engineer. I merged without running tests and broke the dev environment. It's reverted."],
    ['"I\'m honestly the worst"', "I'm honestly the worst. I broke the staging deploy. Rolled back."],
    ['"an embarrassment to this team"', "I'm an embarrassment to this team. My cleanup job deleted the staging exports. Restored them."],
    ['"a walking incident"', "My cron change spammed #deploys; turned it off. I'm a walking incident."],
    ['"I\'m this careless"', "Can't believe I'm this careless. My cron change spammed #deploys. Turned it off."],
    ['"why anyone lets me near …"', "Reverted my unpushed commit. I don't know why anyone lets me near a keyboard."],
    ['"I don\'t deserve …"', 'I broke main with a bad merge and reverted it. I do not deserve commit rights.'],
    ['"I should be fired"', 'I broke main with a bad merge and reverted it. I should be fired.'],
    ['"I am such a screw-up"', 'I am such a screw-up. I broke staging with a bad config. Reverted.'],
    ['"nobody should trust me"', 'Nobody should trust me with prod access. My deploy broke staging. Reverted.'],
    ['"I have failed our customers"', 'I have failed our customers: my deploy broke search. Rolled back.'],
    ['an apology intensified after the verb', 'I apologize profusely; my deploy broke search. Rolled back.'],
  ];
  for (const [why, text] of over) {
    it(`over-apologetic: ${why}`, () => expectVerdict(text, 'team', 'over-apologetic'));
  }

  const plain: [string, string][] = [
    ['"I\'m walking the team through it"', "I'm walking the team through it: I pushed a bad config to staging. Reverted."],
    ['a hyphenated word starting like an identity', 'I am a failure-mode nerd, and I still broke staging with my config. Reverted.'],
    ['"I was careless" owns it', 'I was careless with the migration and it locked staging. Rolled it back.'],
    ['"I failed to" is an omission, not an identity', 'I failed to run the tests and broke main. Reverted.'],
    ['"I\'m the one who"', "I'm the one who broke staging. Reverted."],
  ];
  for (const [why, text] of plain) {
    it(`right-sized: ${why}`, () => expectVerdict(text, 'team', 'right-sized'));
  }
});

describe('tone check: owning clauses the agent reader used to drop', () => {
  const owned: [string, string, Radius][] = [
    ['"… was mine" about a rule', 'Incident 2291: the bad feature flag rule was mine. It hid saved carts from all users for about an hour. Flag flipped back at 10:52; flag rules now go through a second reviewer.', 'production'],
    ['"were my cron typo"', 'The failed link-checker runs were my cron typo. Fixed the schedule.', 'team'],
    ['"my X of the user column" (a person word inside the phrase)', 'My rename of the user column broke the nightly export for the data team. I restored the old column.', 'team'],
    ['"from my merge" after a thanks clause', "Thanks @mei for catching it — the broken staging build was from my merge, sorry. I've reverted it.", 'team'],
    ['"after my job deleted"', 'I restored from backup after my cleanup job deleted two days of avatars for about 900 users. The job now runs in dry-run mode first.', 'production'],
    ['"on account of my change"', 'The broken emails were on account of my template change. Reverted it.', 'team'],
    ['"thanks to my typo" is not a thanks', 'Thanks to my typo the deploy failed. Fixed it.', 'team'],
    ['"… was me"', 'The staging break was me. Reverted.', 'team'],
    ['"a bug in my change"', 'Checkout failed for 20 minutes for all users because of a bug in my change to the payment client. I rolled back and added a test.', 'production'],
    ['a vendor outage with the team\'s part owned and "failed over"', 'Our payment provider had an outage; checkout failed for 25 minutes for all users. We failed over, and we are adding a second provider. Our runbook lacked the failover step, which was on us.', 'production'],
    ['a repair under way', "Apologies for the broken nightly build, I shipped a test that depends on wall-clock time. It's quarantined and I'm rewriting it today.", 'team'],
    ['a safeguard named after "now"', 'I deployed the search service with the wrong index name, so search was empty for all users for 30 minutes. I redeployed. Now the deploy script checks that the index exists.', 'production'],
    ['a safeguard in the future passive', 'Notifications were delayed for all users for 35 minutes by a queue change we made. We reverted it, and queue changes will now be canaried first.', 'production'],
    ['changes that "now ship behind a flag"', 'I shipped the rate-limit change that throttled the partner API for all partners for about an hour. Rolled back; rate-limit changes now ship behind a flag.', 'production'],
  ];
  for (const [why, text, radius] of owned) {
    it(`right-sized: ${why}`, () => {
      const r = expectVerdict(text, radius, 'right-sized');
      assert.ok(r.components.find((c) => c.name === 'ownership')?.present);
    });
  }

  const notOwned: [string, string, ToneVerdict][] = [
    ['a tool acting on "my X" is not the writer acting', 'the linter rewrote my imports into a broken state. Reverted it.', 'deflecting'],
    ['"was not me" denies it', 'The staging break was not me. Restarted it.', 'deflecting'],
    ['a hedged "my fault, I guess"', 'dev env was down a bit, mostly my fault i guess, anyway it works again', 'under-owned'],
    ['a thanks for fixing the writer\'s work owns nothing new', 'Thanks to Greta for catching the broken migration. Reverted it.', 'under-owned'],
  ];
  for (const [why, text, verdict] of notOwned) {
    it(`${verdict}: ${why}`, () => expectVerdict(text, 'team', verdict));
  }
});
