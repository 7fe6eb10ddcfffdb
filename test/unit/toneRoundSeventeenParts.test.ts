import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const { check } = verdictCases(PEOPLE);

/**
 * Round seventeen, part B (#18): the classes blind25's and blind26's misses among right-sized,
 * under-owned and over-apologetic showed. Every sentence was written for this file (none is a line
 * of a fixture); each class case gets a different verdict on round sixteen's rules.
 */
describe('tone check (round seventeen): the writer calls themself a harm or is kept from the work', () => {
  check(
    [
      ['"I\'m a <harm noun> with X"', "I'm honestly a jinx with Helm. My values change took the staging ingress down for an hour. Rolled it back.", 'team'],
      ['"I\'m a catastrophe" with a time after it', "I'm a catastrophe this sprint. My cleanup job emptied the shared QA fixtures bucket and QA was blocked all morning. Restored it.", 'team'],
      ['too green to be trusted with the work', "I'm obviously too inexperienced to be running migrations. Mine locked the reports table for 20 minutes on staging; killed it.", 'team'],
      ['who let me near it', 'Who let me anywhere near the billing config, honestly. I broke the trial sign-up form this morning with a bad price ID; set it back.', 'team'],
      ['others told to take the tools away', 'Somebody needs to take my terminal away. I truncated the staging sessions table and everyone was logged out; they can log in again.', 'team'],
      ['the team cannot have nice things because of the writer', "I'm why this team can't have nice things: my cleanup job deleted the shared fixtures bucket. Restored it from the snapshot.", 'team'],
      ['a German apology intensified by any word', 'Tut mir wahnsinnig leid, I broke the staging login with a bad redirect. Reverted.', 'team'],
    ],
    'over-apologetic',
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['"what a disaster" about the day, not the writer', 'What a disaster of a release: my migration locked the orders table and 300 checkouts failed over 12 minutes. I killed it and migrations now run with a lock timeout.', 'production'],
        ['"I\'m a bit late" is no self-label', "I'm a bit late with this: I dropped the staging search index yesterday and search was empty for two hours. Rebuilt it; the drop script now asks for confirmation.", 'team'],
        ['"tut mir auch leid" adds, it does not enlarge', 'Es tut mir auch leid for the noise: my test alert paged the team twice. I rolled it back and test alerts now go to a sandbox channel.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round seventeen): the impact waved away after owning', () => {
  check(
    [
      ['a shrug between commas', 'I broke the preview deploys for an hour, meh, previews are broken most of the time anyway. Fixed.', 'team'],
      ['"it doesn\'t even count"', 'I wiped the demo workspace this morning; honestly it does not even count. Recreated it.', 'team'],
      ['"nothing that matters"', 'My migration dropped the audit trail for an hour on staging, nothing that really matters. Restored it from the backup.', 'team'],
      ['a failure once a month called fine', 'My cron typo skipped the weekly digest for 900 subscribers. Re-sent it; honestly a skipped digest once a month is perfectly fine.', 'production'],
      ['said to bother nobody', "I shipped a layout change that hid the help button on mobile for two hours. Reverted it. It won't have bothered anyone.", 'production'],
      ['broken half the time anyway', 'I broke the e2e suite for the morning, but it is red half the time regardless. Fixed it.', 'team'],
      ['the people hit said to have just retried', 'My timeout change failed uploads for 20 minutes; most people just tried again. Raised it back.', 'production'],
      ['nobody using it at lunch', 'I restarted the wiki server at noon, whatever, nobody was editing anything at lunch. It is up.', 'team'],
    ],
    'under-owned',
    ['minimizing'],
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['"doesn\'t count as" a fix', "This doesn't count as a fix yet: my patch stopped the crash but the cache is still cold. Sorry to the 30 users who saw errors; I'm warming it now, and deploys now warm the cache first.", 'production'],
        ['nobody paging at night because of the writer', 'Nobody was paged at night because I muted the alert channel by mistake; we missed a 20-minute outage for 5% of users. Unmuted it, and mutes now expire after an hour.', 'production'],
        ['"didn\'t hurt anyone\'s data"', "I broke the feed for mobile users for an hour, which didn't hurt anyone's data but blocked their posts. Reverted it and added a client test. Sorry.", 'production'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round seventeen): repair, prevention and impact in shapes the lists lacked', () => {
  check(
    [
      ['a thing pointed back', 'My proxy change sent the docs site to the staging host for 40 minutes, so readers got a login page; the host is pointed back at production.', 'team'],
      ['a thing renamed back, as a state', 'I broke the contract tests on main by renaming the fixture account; the account is renamed back.', 'team'],
      ['a correction mailed to those hit', 'My template change sent 200 customers an invoice email with the wrong due date, sorry. We emailed a correction the same hour, and templates now render in a preview test before deploy.', 'production'],
      ['the writer\'s test thing removed, in the perfect', 'The 25 pages you got between 06:10 and 06:40 came from my dry run of the new disk check. I have deleted the temporary check.', 'team'],
      ['"now" after a standing verb', 'I raised the worker concurrency and the queue DB ran out of connections for 30 minutes; 50 customers saw failed jobs. I put it back, and concurrency changes go now through review. Sorry.', 'production'],
      ['a safeguard added to every instance', 'Sorry: my retry change sent 2,000 users the same reset email three times. I put the retry back to one attempt and added a nonce to every send.', 'production'],
      ['the reader\'s own thing hit', "Hi Ms. Tanabe, sorry: the payout run you scheduled failed on Friday because I changed its currency field. I've re-run it and the field now has a validation test.", 'production'],
    ],
    'right-sized',
  );
  describe('near misses that stay under-owned', () => {
    check(
      [
        ['a passive put back by nobody, with "pushed back" as delay', 'The release was pushed back a day after the migration failed. Customers saw errors for an hour.', 'production'],
        ['the failure added to every request', 'I added a broken auth header to every request and the API rejected calls for 20 minutes.', 'production'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round seventeen): broken by an indefinite act with no doer', () => {
  check(
    [
      ['"got broken by a commit"', 'The tests on my branch got broken by a commit.', 'local'],
      ['"got knocked out by some update"', 'My staging env got knocked out by some update over the weekend.', 'team'],
      ['"red after some tweaks"', 'the preview deploys are red after some tweaks to the config', 'team'],
    ],
    'under-owned',
    ['non-apology'],
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['the change the writer pushed', 'The nightly job was broken by a change I pushed on Friday; reverted it and added a test.', 'team'],
        ['a commit of mine', 'The dashboard was broken by a commit of mine that renamed a field. Reverted it.', 'team'],
      ],
      'right-sized',
    );
  });
});
