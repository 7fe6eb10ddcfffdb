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
    ['a name with a version after "because"', 'my dev stack is dead because Podwright Compose renamed every volume. classic', 'local'],
    ['"Cause:" and a named outage', 'Summary: invoice emails were delayed 5h. Cause: Postwick outage. Fix: resent the queue. Prevention: added a second sender.', 'production'],
    ["\"Cause:\" and a named thing's default", 'Summary: the report worker stalled on staging overnight. Cause: Hopline\'s default idle timeout. Fix: raised it to 10 minutes.', 'team'],
    ['a named vendor had an outage', 'Incident note: Ferrocart had a two-hour outage on Monday and 400 orders failed. Orders resumed when Ferrocart recovered. We have added a retry queue.', 'production'],
    ['our provider, named, as the cause', 'Dear customers, the late password-reset emails on Sunday were caused by our provider Sendmoor. We have moved to a backup route, and we now send through two providers.', 'production'],
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
    ['a slang apology said three times', 'soz soz, my cron typo spammed the team channel all morning. Fixed the schedule.', 'team', 'over-apology'],
    ['an apology counted', 'apologies x3 - my lockfile bump broke the shared dev image for everyone. Reverted it.', 'team', 'over-apology'],
    ['an apology said again in another language', 'Lo siento, I pushed my debug logging to the shared branch and CI logs are huge now. Removed it. Lo siento de nuevo.', 'team', 'over-apology'],
    ['a foreign apology by the thousand', 'Mil perdones: my renaming script broke every import in the shared sandbox. Ran it backwards.', 'team', 'over-apology'],
    ['a German apology with any word of degree', 'Es tut mir furchtbar leid, my test data wiped the team\'s demo board. Restored it from the export.', 'team', 'over-apology'],
    ['an adjective before the apology noun', 'Please accept my profuse apologies: my cache change served old prices to all shoppers for two hours. Reverted, and cache changes now need a price check.', 'production', 'over-apology'],
    ['"my most … apologies"', 'My most earnest and solemn apologies: my config typo stopped the team\'s preview deploys for a day. Fixed the typo.', 'team', 'over-apology'],
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

describe('tone check (round thirteen): denials and another doer', () => {
  const cases: [string, string, Radius][] = [
    ['the writer\'s work denied at the start of a clause', "Wasn't my merge that broke the shared lint job. Look at the history.", 'team'],
    ['"not my fork," and "don\'t look at me"', "not my fork, don't look at me, I only opened it yesterday", 'local'],
    ['"nothing wrong with my branch"', 'Nothing wrong with my branch, the runners are just slow.', 'team'],
    ['the writer\'s service up the whole time', 'We have looked into it: our api was up the whole time and every order was stored.', 'production'],
    ['somebody else must have done it', 'not me, someone else might have force-pushed my sandbox', 'local'],
    ['a denial in another language', 'el lint de staging falla, nicht meine Schuld, the rule set changed.', 'team'],
    ['the act conceded, then the docs handed the cause', 'I did run the migration, sure, but the schema guide from the data team says that column is nullable. It is not. QA was broken for an hour.', 'team'],
    ['"so that\'s where the gap is"', 'I merged it, but nobody asked for a load test, so that\'s where the problem lies. The team\'s perf board was red all day.', 'team'],
    ['an instruction as the reason', 'SETUP.md says to install Ruby 2.7, so that\'s why my gems are broken.', 'local'],
    ['"she\'s the one who"', "Talk to Noor, she's the one who paused the staging queue. QA sat idle all afternoon.", 'team'],
    ['"take it up with him"', 'I shipped the flag, but Pavel promised me it was tested, so take it up with him.', 'team'],
    ['"that\'s their call"', 'The preview site broke after the merge, but shipping it on a Friday was really their decision.', 'team'],
    ['"on the … rotation"', "The shared runners have been dying all week; that's on the platform rotation, nobody has looked at them.", 'team'],
    ['customers as the doers of their own trouble', 'Those customers wiped their own exports themselves by clicking reset twice.', 'production'],
    ['a tool\'s act as the reason, "which is why"', 'Pdfwright cropped the labels wrong on Tuesday, which is why couriers rejected 80 parcels. We reprinted them.', 'production'],
    ['a tool serving something broken, "that\'s why"', "yarn's mirror was serving a corrupt package, that's why the team's builds failed all morning. Pinned the older one.", 'team'],
    ["the reader's identity provider as the subject", "We're sorry you could not sign in on Monday. Your SSO gateway rotated its signing key with no notice, so logins failed for four hours.", 'production'],
    ['a named root cause after the writer\'s part', 'I deployed the search change and rolled it back after 20 minutes, and we now run a canary. But the root cause was Quillstore returning stale shards to all shoppers for an hour. Sorry to everyone affected.', 'production'],
    ['a victim of a tool after "because" owns nothing', 'the tests on my branch fail because pnpm bumped the lockfile version overnight', 'local'],
  ];
  for (const [name, text, radius] of cases) it(name, () => expectVerdict(text, radius, 'deflecting'));

  it('"we did not lose any data" denies the failure and owns nothing', () => {
    const r = expectVerdict('We did not lose any invoices. The missing ones were deleted by the customers who report them.', 'production', 'under-owned');
    assert.ok(!has(r, 'ownership'));
  });
  it('"not my fault alone" beside owning the break is not a denial of the work (near miss)', () => {
    expectVerdict('My config change broke the team\'s preview builds for an hour. Reverted it.', 'team', 'right-sized');
  });
  it('the writer\'s service said to be up with a time bound is a plain fact beside owned work (near miss)', () => {
    expectVerdict('I broke the export button for all users for 30 minutes with my CSS change; our api stayed healthy. Reverted, and CSS changes now run a visual test.', 'production', 'right-sized');
  });
  it('"because I" is the writer, not an outside cause (near miss)', () => {
    expectVerdict('the tests on my branch fail because I bumped the lockfile version. reverting', 'local', 'right-sized');
  });
});

describe('tone check (round thirteen): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['ownership: the writer in brackets as the role', 'Our on-call engineer (me) skipped the migration check on Friday, and 300 tenants could not log in for 50 minutes. Ran the migration by hand, and the release script now refuses to start without the check.', 'production', 'ownership'],
    ['ownership: the "I" dropped after an apology', 'oops, deleted the team\'s demo dataset, restored it from the nightly copy', 'team', 'ownership'],
    ['ownership: a missing safeguard owned', 'What broke: the invoice worker crashed on a null tax field for two hours and 700 invoices were late. Why: we had no alert on worker restarts. Restarted it with a null guard; added a restart alert at 3 restarts.', 'production', 'ownership'],
    ['ownership: "our <time> deploy of X" and a failure verb', 'Our 14:05 deploy of the ledger service rejected valid transfers for 15 minutes; 230 transfers bounced. We rolled back at 14:20, and ledger deploys now run a transfer smoke test first.', 'production', 'ownership'],
    ['repair: a numbered follow-up change that fixes it', 'My rename broke the shared e2e suite on main, sorry. PR #4411 fixes it and is merged.', 'team', 'repair'],
    ['repair: a follow-up change that corrects it', 'My ranking tweak broke the team\'s search demo, sorry. The follow-up commit corrects the weights.', 'team', 'repair'],
    ['repair: every affected thing set right', 'Sorry, everyone: my scheduler change skipped Tuesday\'s payroll run, so 40 contractors were paid late. All 40 payslips are now sent, and scheduler changes now need a dry run.', 'production', 'repair'],
    ['impact: a count of anything hit', 'We shipped a rounding change on Tuesday that billed 318 subscriptions twice. We refunded them the same day, and billing changes now go through a shadow run.', 'production', 'impact'],
    ['impact: a client error code', 'I broke the docs search index, so readers hit a 410 on search results; sorry. Rebuilt the index, and index jobs now verify a sample query.', 'production', 'impact'],
    ['impact: wrong content told with its verb', 'Dear Mr. Osei, we are sorry: your statement from us listed the wrong balance because we read last month\'s ledger. We have sent a corrected statement, and statements now compare against the live ledger.', 'production', 'impact'],
    ['impact: a failure on every run', 'Hi Ana, the backup you set up failed every night since Monday; I set its disk quota too low. I am sorry. I ran all the backups this morning, and the backup job now pages us on failure.', 'production', 'impact'],
    ['prevention: a plural subject\'s standing behaviour', 'I deleted the shared cache for 1,200 workspaces on Tuesday, so their dashboards were empty for the morning. We rebuilt the cache by noon, and cleanup jobs now exclude workspaces with recent activity.', 'production', 'prevention'],
    ['prevention: what a thing no longer does', 'Our import job overwrote the shipping addresses of 80 customers on Friday. We restored them from Thursday\'s snapshot, and the import no longer touches address fields.', 'production', 'prevention'],
    ['prevention: moved to a managed automatic form', 'We let the signing key on the public API expire overnight and 2,000 partner calls failed for 5 hours. We issued a new key at 06:00 and moved the key to vault auto-rotation.', 'production', 'prevention'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('"instead of 400" is a number, not an error code (near miss)', () => {
    const r = expectVerdict('My bad: a focused test in my branch made CI run 4 tests instead of 400. Removed it.', 'local', 'right-sized');
    assert.ok(!has(r, 'impact'));
  });
  it('a plural subject that only works again is no safeguard (near miss)', () => {
    const r = expectVerdict('I broke the image resizer for all users for an hour with my config change, sorry. Reverted it and thumbnails now load.', 'production', 'under-owned');
    assert.ok(!has(r, 'prevention'));
  });
  it('"we have no" as a plain fact without a safeguard word does not own (near miss)', () => {
    const r = expectVerdict('The shared staging cluster was down for an hour this morning and we have no idea why yet.', 'team', 'under-owned');
    assert.ok(!has(r, 'ownership'));
  });
});

describe('tone check (round thirteen): too little', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['the failure as the price of speed', 'The shared preview env was down for a while because of my deploy. That is simply the price of shipping fast. Fixed.', 'team', 'minimizing'],
    ['"that\'s just how it goes"', "My lint rule blocked every merge for two hours, but that's just how tooling is sometimes. Rolled it back.", 'team', 'minimizing'],
    ['a small word for the mistake', 'We had a tiny oopsie with the QA seed job (my cron typo), so QA ran on empty data for a day. Fixed the cron.', 'team', 'minimizing'],
    ['"just staging"', 'I dropped the staging orders table, restored it from the backup an hour later. It was just staging, so no harm.', 'team', 'minimizing'],
    ['"nothing really important"', 'I wiped the shared demo tenant by mistake, nothing really important in it. Recreated it.', 'team', 'minimizing'],
    ['"within what we would call noise", "so low priority"', 'Summary: 2% of logins failed for 3h. Cause: I set a bad session TTL. Fix: reverted. Prevention: TTLs are now validated in CI. 2% is within what we would call noise, so low priority.', 'production', 'minimizing'],
    ['a minor annoyance at worst', 'My cache change logged 4,000 users out on Monday between 9 and 10. We restored sessions and added a cache test. For most it was a minor inconvenience at worst.', 'production', 'minimizing'],
    ['a measured span called nothing', 'We broke checkout for 30 minutes with our release; we rolled back and added a checkout test. Honestly, thirty minutes of orders at 3am was nothing.', 'production', 'minimizing'],
    ['traffic low anyway', 'My purge emptied the image cache and the site was slow for all visitors for 15 minutes. Re-warmed it, and purges now run per folder. Usage was pretty light anyway.', 'production', 'minimizing'],
    ['readers told not to worry about it', 'Our deploy job re-ran last night and staging had old data for the morning (my retry setting). Changed it back, don\'t worry about it.', 'team', 'minimizing'],
    ['things that "seem to have vanished"', 'A few stashes on my laptop appear to have disappeared after the upgrade.', 'local', 'non-apology'],
    ['a thing "disabled at some point"', 'The lint step in my fork was turned off at some point. Turned it back on.', 'local', 'non-apology'],
    ['a flag "left on"', 'A verbose logger was left enabled in my local setup and it ate the disk. Cleared them.', 'local', 'non-apology'],
    ['"sorry to hear that"', "We're sorry to hear that some teams found the new deploy queue slow. Since our queue change, deploys waited up to 20 minutes; we've tuned it.", 'team', 'non-apology'],
    ['"felt … to some of you"', 'Apologies that the build cache has felt flaky to some of you since my change; I have tuned it.', 'team', 'non-apology'],
    ['"any troubles"', 'We apologise for any troubles you had with exports on Monday. Our team changed the export format and files arrived late for users. It is fixed, and we now test export formats.', 'production', 'non-apology'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'under-owned', kind));

  it('a thing set up wrong, with no agent, is under-owned, not deflecting', () => {
    expectVerdict('The shared staging cluster was down for an hour due to a misconfigured autoscaler. It has been fixed.', 'team', 'under-owned');
  });
  it('a play-down word at the local radius is not flagged (near miss)', () => {
    expectVerdict('Wiped my own scratch branch, nothing important on it. Recreated it.', 'local', 'right-sized');
  });
  it('"I seem to have broken" owns the act (near miss)', () => {
    expectVerdict('I seem to have deleted my own test fixtures with that script. Restored them.', 'local', 'right-sized');
  });
  it('"the cost of the outage" is not the price of speed (near miss)', () => {
    expectVerdict('My release broke invoice downloads for all customers for 2 hours, sorry. We refunded the cost of the failed orders, and releases now run a download test.', 'production', 'right-sized');
  });
});

describe('tone check (round thirteen): who is spoken to, conceded denials, and more parts', () => {
  it('a role with the writer in brackets owns ("Our on-call (me)")', () => {
    const r = expectVerdict('Our on-call (me) slept through the disk alert for an hour while uploads failed; 90 uploads were lost. I restored them from the queue, and a second on-call is now paged after 10 minutes.', 'production', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('a role without the writer in brackets does not own (near miss)', () => {
    const r = expectVerdict('Our on-call slept through the disk alert for an hour while uploads failed. Uploads are back.', 'team', 'under-owned');
    assert.ok(!has(r, 'ownership'));
  });
  it('a name between a comma and a colon is spoken to, not blamed', () => {
    expectVerdict('Here is what happened, Ines: your reports were blank for a day because I changed the report query and skipped the regional test. I re-ran your reports this morning, and the query tests now run for every region.', 'production', 'right-sized');
  });
  it('a denial conceded a few words later ("but the … our …") is not deflection', () => {
    expectVerdict("The DNS provider had an outage at noon, and that's not on us, but the 40 minutes our login page stayed down after it came back are: we had no second resolver. We added a second resolver, and resolver failover now has an alert.", 'production', 'right-sized');
  });
  it('another team\'s decision as the cause deflects where nothing is owned', () => {
    expectVerdict('Sorry to all who lost the morning export. The leadership team insisted on moving the export window with a day\'s notice. It is back to 06:00, and window changes now need a week\'s notice.', 'production', 'deflecting');
  });
  const right: [string, string, ToneComponentName][] = [
    ['impact: a message that went to another customer', 'Dear Ms. Park, we are sorry: the receipt for your Monday order belonged to another customer. I joined the wrong account table in a batch job. We fixed the job, and batch jobs that touch receipts now need a privacy review.', 'impact'],
    ['impact: content that came out wrong', "I'm sorry, Tomas. Your invoices this month came out with every tax line missing: I changed the tax rounding in billing and did not test your region. I re-issued them the same day, and billing tests now run for every region.", 'impact'],
    ['prevention: one source of truth', 'Dear Mr. Lind, your renewal notice listed the wrong price because we applied last year\'s table. I am sorry. We sent a corrected notice, and prices now come from a single shared table.', 'prevention'],
    ['prevention: a thing now shown where someone watches', 'The 3-day delay in exports for customers was my job, which I had paused for a migration and forgot to resume. Resumed it, all exports are through, and paused jobs now show on the team dashboard with an owner.', 'prevention'],
    ['prevention: moved apart from what it watches', 'Our uptime checks ran on the same cluster as the API, so customers saw "all good" through the whole 30-minute outage on Friday. We fixed the status page and moved the checks to a separate region.', 'prevention'],
  ];
  for (const [name, text, part] of right) it(name, () => assert.ok(has(expectVerdict(text, 'production', 'right-sized'), part)));
  it('impact: the wrong-recipient sentence itself is read as the impact', () => {
    const r = expectVerdict(right[0][1], 'production', 'right-sized');
    assert.match(r.components.find((c) => c.name === 'impact')?.sentence ?? '', /belonged to another customer/);
  });
});

describe('tone check (round thirteen): an agentless passive does not reach across "and"', () => {
  it('the writer\'s wrong thing, then another clause in the passive, is owned', () => {
    expectVerdict('Sorry all, I uploaded a bad sitemap and every page got reindexed overnight on staging. Replaced it this morning.', 'team', 'right-sized');
  });
  it('a wrong thing done with no doer is still a non-apology (near miss)', () => {
    expectVerdict('A bad sitemap file was uploaded to staging and every page got reindexed. Replaced it.', 'team', 'under-owned', 'non-apology');
  });
});

describe('tone check (round thirteen): coordinated acts, foreign first person, an apology counted again', () => {
  it('my work as the subject of a second, coordinated verb of failure owns, past another\'s thing', () => {
    const r = expectVerdict("Apologies Yuki, my cleanup script went out to the demo env on top of your service's deploy and overwrote it for two hours. Redeployed yours.", 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('a first-person act in Spanish owns', () => {
    const r = expectVerdict('Perdon, yo borré the shared seed bucket on staging, so QA had no fixtures for an hour. Restored it from the copy.', 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('a first-person act in German owns', () => {
    const r = expectVerdict('Sorry, ich habe den staging cache gelöscht, so the team\'s previews were slow for an hour. Warmed it again.', 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('an apology counted again ("deserves another one")', () => {
    expectVerdict('I owe the team an apology, and our tester deserves another one: I dropped the shared staging database and wiped her demo data. Restored it from the snapshot.', 'team', 'over-apologetic', 'over-apology');
  });
  it('the writer\'s product declared fine, nothing owned', () => {
    expectVerdict('Anyone seeing slow pages should clear their browser cache. The site is fine; old cached scripts are to blame.', 'production', 'deflecting');
  });
  it('a named service that went down and took our work with it owns nothing', () => {
    expectVerdict("Brightbuild's runners went down and took our deploy checks down with them; nothing wrong on our side. Paused the checks until they recover.", 'team', 'deflecting');
  });
  it('"the site is fine now" after owned work is not a denial (near miss)', () => {
    expectVerdict('My CSS change hid the checkout button for all users for 20 minutes. Reverted, and the site is fine now; CSS changes now run a visual check.', 'production', 'right-sized');
  });
});
