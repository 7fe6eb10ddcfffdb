import * as assert from 'node:assert/strict';
import { describeFlags, verdictCases } from '../helpers/toneExpect';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Ilse Brandt', 'Kofi Mensah', 'Yuki Mori', 'Rafa Ortiz', 'Nadia Petrova', 'Quillon'];
const { run } = verdictCases(PEOPLE);

/**
 * Session sixteen, part A (#18): the classes of blind15-24's misses where deflection was read
 * wrongly, either way. Every sentence was written for this file (none is a line of a fixture).
 */
describe('tone check (session sixteen): a name in the message that is not blamed', () => {
  run([
    ['spoken to after an apology and a spaced dash', 'Sorry, Kofi - my force-push to the shared feature branch dropped your last commit. I pushed it back from my reflog.', 'team', 'right-sized'],
    ['spoken to at the start, then "i\'m" in lower case', "Yuki i'm really sorry my half-done branch broke your afternoon build", 'local', 'over-apologetic', 'over-apology'],
    ['spoken to after a label, then "you"', 'Review reply: Rafa, you were right, my parser change broke the CSV import for quoted fields. Fixed in the next commit.', 'local', 'right-sized'],
    ['spoken to after a label and a greeting', 'Thread reply: heads up Nadia, my branch broke the seed file for an hour while you were on it. Pushed a fix.', 'local', 'right-sized'],
    ['spoken to after an apology in another language', 'Lo siento mucho, Ilse - my stale lockfile broke the branch you pulled. Regenerated it.', 'local', 'over-apologetic', 'over-apology'],
    ['spoken to between commas in an apology', 'Apologies for the flood of CI mails from my fork, Yuki, and apologies again for the broken build mails in your inbox. Turned the workflow off.', 'local', 'over-apologetic', 'over-apology'],
    ['a vendor cleared by its own predicate', "Short review: Quillon didn't fail us; I let the API token expire and every export failed for an hour. Sorry. I renewed it, and token expiry now pages two weeks ahead.", 'production', 'right-sized'],
    ['a vendor cleared as "fine"', 'Quillon was fine; I broke the staging webhooks with a typo in the URL. Fixed the URL and the stuck jobs went through.', 'team', 'right-sized'],
    ['nothing wrong on the vendor\'s side', "Nothing was wrong on Quillon's side; the mapping change was mine. I re-sent the 300 failed messages, and the mapping now has a contract test. Sorry to the 300 customers who saw the failure.", 'production', 'right-sized'],
    ["the vendor's outage conceded with the writer's part", "Checkout was down for 20 minutes for every shopper on Friday. The outage itself was Quillon's, but the missing fallback was ours. We switched to the backup provider by hand, and the fallback now switches automatically.", 'production', 'right-sized'],
    ['a person only with the writer', 'I dropped my staging database while Nadia was debugging with me. I restored it from the dump.', 'team', 'right-sized'],
  ]);
  // Near misses: a name that did it stays blamed.
  run([
    ['a name that did it, after an apology, stays blamed', 'Sorry all - Kofi pushed the broken config to staging.', 'team', 'deflecting', 'naming-people'],
    ['a name after a cause label with a comma stays blamed', 'Cause: Rafa, who skipped the review, merged it.', 'team', 'deflecting', 'naming-people'],
    ['a vendor that did fail stays the cause', 'Quillon went down again and the exports failed for an hour.', 'production', 'deflecting'],
  ]);
});

describe('tone check (session sixteen): another party next to the failure that is not charged with it', () => {
  run([
    ['a role the writer says is themself, in brackets', 'Root cause: human error by our ops engineer (me), who tagged the wrong commit; 15% of users got the old app for an hour. Re-tagged; tags are now checked against main.', 'production', 'under-owned', 'human-error'],
    ['a role the writer says is themself, in a relative clause', 'A regrettable human error by the on-call developer, who was me: I silenced the wrong alert and payments queued for 30 minutes for all EU users. Unsilenced, and silences now expire after an hour.', 'production', 'under-owned', 'human-error'],
    ['a department that acted on the writer\'s fault', 'Incident note: the support folks sent customers the wrong refund amounts on Tuesday because my report rounded the totals. I fixed the rounding and sent support the corrected list.', 'team', 'right-sized'],
    ['a team that suffered it, put down to the writer with "was my"', "Yesterday's staging freeze (90 minutes, all of QA blocked) was my cache change. I reverted it at 16:10.", 'team', 'right-sized'],
    ['a department that only noticed it', 'The weekly revenue export was empty on Monday, finance noticed. Could someone look at the query?', 'team', 'under-owned', 'missing-beat'],
    ['an email "they didn\'t ask for"', 'We sent 4,000 customers a renewal notice they didn\'t ask for, because my segment filter matched the wrong plan. I sent a correction within the hour, and segment filters now need a preview count. Sorry for the confusion.', 'production', 'right-sized'],
    ['a count, not a version', "Staging emails stopped for an hour this morning. The sender domain had a typo; it's fixed now, and the 350 queued test emails have gone out.", 'team', 'under-owned', 'missing-beat'],
    ['the team\'s own tool', 'Reports for 12 schools arrived six hours late: our scheduler ran in UTC after the server move. Reports were re-sent.', 'production', 'under-owned', 'missing-beat'],
  ]);
  // Near misses: another party that did it is still charged.
  run([
    ['a role that is not the writer stays blamed', 'The outage was human error by the on-call engineer, who restarted the wrong cluster.', 'production', 'deflecting'],
    ['"not because of our change" stays a denial', 'The sync was down two hours because of the vendor client update, not because of our change.', 'team', 'deflecting'],
    ['a vendor that decided it stays outside', 'The payouts failed because our vendor changed the file format overnight.', 'production', 'deflecting'],
  ]);
});

describe('tone check (session sixteen): the writer\'s work denied in more shapes', () => {
  run([
    ['"my commit didn\'t cause it", with a re-run', 'The e2e suite is flaky on main, my commit didn\'t cause it - re-ran it twice and it went green.', 'team', 'deflecting', 'deflection'],
    ['"nothing in my change"', 'Sorry about the failing build on my PR - the shared lint preset is broken upstream, nothing in my change.', 'local', 'deflecting', 'deflection'],
    ['"failing before I touched it"', 'That integration test was failing long before I touched it; I only retried the job.', 'local', 'deflecting', 'deflection'],
    ['"our API wasn\'t involved"', "Our API wasn't even involved in last night's outage, ask the edge team.", 'production', 'deflecting', 'deflection'],
    ['"our platform was healthy;"', "Our platform was healthy; the upload failures on staging are the storage library's.", 'team', 'deflecting', 'deflection'],
    ['a denial in another language', 'Não foi nossa culpa - the map tiles were missing for every user for an hour, see the status page.', 'production', 'deflecting', 'deflection'],
  ]);
  run([
    ['"my commit caused it" owns it (near miss)', 'My commit caused the flaky e2e failures on main; I reverted it and the suite is green again.', 'team', 'right-sized'],
    ['"our API was healthy again" after owning (near miss)', 'I broke the API with a bad config push for ten minutes; after the rollback our API was healthy again.', 'team', 'right-sized'],
  ]);
});

describe('tone check (session sixteen): another party as the doer, nothing owned', () => {
  run([
    ['a department as the subject of the act, nothing owned', 'Exports were late because finance sat on the sign-off until Friday.', 'production', 'deflecting', 'deflection'],
    ['a department as the subject of the act', 'Refunds went out two days late because accounting sat on the batch over the weekend.', 'production', 'deflecting', 'deflection'],
    ['another team in the progressive', 'Not a bug in the search service. The web team is caching stale results on their side.', 'team', 'deflecting', 'deflection'],
    ['the people served, by their own error', 'The account lockouts are by design; those customers entered the wrong PIN several times.', 'production', 'deflecting', 'deflection'],
    ['users who did not follow the instructions', 'Users who lost their drafts did not read the upgrade notice we posted.', 'production', 'deflecting', 'deflection'],
    ['"that\'s on the vendors"', 'The tablet layout breaks on some older devices; that\'s on the device makers.', 'production', 'deflecting', 'deflection'],
    ['a party acting on its own thing', 'Sorry about the failing sandbox payments, the card processor changed its test card numbers. Updated our fixtures.', 'team', 'deflecting', 'deflection'],
    ['a backlog on their side', 'We apologise for the late login codes. The SMS gateway had a backlog on their side that held codes for an hour.', 'production', 'deflecting', 'deflection'],
    ['a passive "by" a department', 'The CI runners\' Node version got bumped by IT overnight; I pinned it back.', 'team', 'deflecting', 'deflection'],
    ['another\'s thing put first as the reason', "Marta's cleanup job is what deleted my test fixtures; I restored them from git.", 'local', 'deflecting', 'deflection'],
    ['a tool acting wrongly on the writer\'s thing', 'The Rancher update clobbered my local cluster config, so nothing starts.', 'local', 'deflecting', 'deflection'],
    ['a tool ignoring a setting, as the reason', 'My branch got 40 bot PRs overnight because Renovate ignores the schedule in our config.', 'local', 'deflecting', 'deflection'],
    ['another\'s default too low, as the reason', 'The staging queue stalled because the worker count the chart ships with is too low. We raised it.', 'team', 'deflecting', 'deflection'],
  ]);
  run([
    ['a department that only looked (near miss)', 'The exports were empty on Monday; support is checking with the customers. No cause yet.', 'team', 'under-owned'],
    ['the writer\'s own thing put first as the reason (near miss)', 'My cleanup job is what deleted the shared fixtures; I restored them and the job now skips shared paths.', 'team', 'right-sized'],
    ['users who saw the failure are not blamed (near miss)', 'Users who opened the app between 9 and 10 saw a blank screen because I shipped a broken bundle. I rolled it back and bundles now get a smoke test before release.', 'production', 'right-sized'],
    ['a date possessive is no vendor (near miss)', "Friday's release update duplicated some invoices for 1% of customers. A fix is out, and releases now roll out gradually.", 'production', 'under-owned'],
  ]);
});

describe('tone check (session sixteen): the cause moved after owning', () => {
  run([
    ['another party acted without notice', 'We shipped the new sync on Monday, and we are sorry your orders were delayed for four hours. We re-ran the sync and now test against a large account. Context: the rate limits were lowered by the partner API group without any notice.', 'production', 'deflecting', 'deflection'],
    ['"despite our request"', 'Yes, we pushed the new images on Tuesday, and we apologise that users saw broken thumbnails for two hours. The image CDN kept the old files despite our purge requests. Everything is refreshed, and we now verify each purge.', 'production', 'deflecting', 'deflection'],
    ['"which we had announced"', 'We are sorry your imports failed on Friday, and we have re-run them. The reason is that the customer proxy rejected our new certificate, which we had announced a month ago.', 'production', 'deflecting', 'deflection'],
    ['"though only because"', 'My config change did take down the preview apps, though only because the hosting add-on renamed its env variable. Rolled back.', 'team', 'deflecting', 'deflection'],
    ['"but the root cause is"', 'I merged the schema change and I am sorry that 500 users could not save for 20 minutes. I rolled it back and added a migration test. But the root cause is that the ORM silently drops unknown columns.', 'production', 'deflecting', 'deflection'],
    ['"but the wiki lists it"', 'Yes, I ran the reset task on my sandbox, but the setup wiki tells you to run it first. Re-created the data.', 'local', 'deflecting', 'deflection'],
  ]);
  run([
    ['the writer acted without notice (near miss)', 'I renamed the shared env variable without telling the team, and three local setups broke. I put the old name back and will announce the rename first.', 'team', 'right-sized'],
    ['"only because I" owns it (near miss)', 'The preview apps went down, though only because I renamed the env variable. Put the old name back.', 'team', 'right-sized'],
  ]);
});

describe('tone check (session sixteen): the cause located with another party in more words', () => {
  run([
    ['"was down to" a vendor', 'The login outage was entirely down to our identity vendor, whose token endpoint stopped answering at noon.', 'production', 'deflecting', 'deflection'],
    ['"lies with" another\'s thing', "Labels printed blank for two hours. The fault lies with the courier's print service, which sent empty files.", 'production', 'deflecting', 'deflection'],
    ['another source\'s thing said to be stale', 'My dev container broke because the base image from the infra repo is out of date.', 'local', 'deflecting', 'deflection'],
    ['the fix handed to the people served', 'Android users still get the crash after the release; customers have to reinstall.', 'production', 'deflecting', 'deflection'],
    ['a tool "being" itself', 'The red nightly is Gradle being Gradle again; kicked it off once more.', 'team', 'deflecting', 'deflection'],
    ['"the real culprit" after owning', 'I shipped the search change and I am sorry that results were empty for 20 minutes for all users. I reverted it and added a test. To be honest, the cache layer the vendor runs was the real culprit.', 'production', 'deflecting', 'deflection'],
    ['"not by anything we ran"', "The shared fixtures got deleted by the QA group's reset job, not by anything we ran.", 'team', 'deflecting', 'deflection'],
  ]);
  run([
    ['"was down to my change" owns it (near miss)', 'The outage was down to my config change; 2,000 users could not log in for 20 minutes. I reverted it and config changes now need review. Sorry.', 'production', 'right-sized'],
    ['a tool "being" itself beside the writer\'s part is no deflection (near miss)', "The flaky test is from my PR, it's just Jest being Jest.", 'team', 'under-owned'],
  ]);
});

describe('tone check (session sixteen): a party that reacted, repaired or was only affected is not the doer', () => {
  run([
    ['a team that repaired it', 'The search cluster was down for 40 minutes. The infra team rebooted it; a memory leak was found.', 'team', 'under-owned', 'missing-beat'],
    ['a department that refunded', 'Renewals failed for two hours for all customers due to a bad price config. Accounting refunded every failed charge.', 'production', 'under-owned', 'missing-beat'],
  ]);
  run([
    ['a department that posted an update (near miss)', 'Sign-ups failed for 25 minutes for all users. Support posted a notice, and the bug has been fixed.', 'production', 'under-owned', 'missing-beat'],
    ['customers who only used the feature (near miss)', 'Customers who opened the invoice link got an error for an hour. A wrong path was deployed to the link service.', 'production', 'under-owned'],
  ]);
});

describe('tone check (session sixteen): the writer\'s own part conceded next to another party\'s act (near misses)', () => {
  const notDeflecting: [string, string, Radius][] = [
    ['an omission conceded after a party changed its own thing', "Because the carrier changed its pickup window and we never updated our scheduler, 120 parcels shipped a day late. That's on us: we updated the scheduler and now alert on window changes. Sorry.", 'production'],
    ['"without notice" because of the writer', 'The migration ran without notice because I forgot to post in the channel; the team lost staging for an hour. Posted now, and the checklist has the step.', 'team'],
    ['"which we had announced" beside the writer\'s own miss', 'We moved the API on Tuesday, which we had announced, but I missed one endpoint and 200 partners got 404s for an hour. I restored it and moves now test every endpoint. Sorry.', 'production'],
  ];
  for (const [name, text, radius] of notDeflecting) {
    it(name, () => {
      const r = checkTone(text, { radius, people: PEOPLE });
      assert.notEqual(r.verdict, 'deflecting', describeFlags(r));
    });
  }
});
