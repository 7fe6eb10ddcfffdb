import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const { check } = verdictCases(PEOPLE);

/**
 * Round eighteen, part B (#18): the classes the misses among right-sized, under-owned and
 * over-apologetic in blind15-28 showed. Every sentence was written for this file (none is a line of
 * a fixture); each class case gets a different verdict on round seventeen's rules (main at 9d9a103),
 * the near misses get the same one.
 */
describe('tone check (round eighteen): the writer\'s act owns what its clause says followed from it', () => {
  check(
    [
      ['an act, then "and it" failed', 'I updated the shared search cluster settings and it rejected every write for forty minutes. Pointed writes at the replica until it finished.', 'team'],
      ['an act, then "and the X" as the subject of the failure', 'We updated the shared Node base image and the mobile team\'s builds crashed all afternoon. Pinned the previous tag.', 'team'],
      ['an act, then an omission with no new subject', 'I rotated the SMTP password and never changed it in the ticketing worker. Changed it, and the queued notifications went out.', 'team'],
      ['a subject after a clock time ("at 09:41")', 'Postmortem: our push of kestrel-gateway at 09:41 shipped a routing-table mismatch, sending 12% of requests to a dead pool for 18 minutes. We rolled back at 09:59, and routing tables now pass a diff check before deploy.', 'production'],
      ['an irregular past done again ("re-sent")', 'I re-sent the weekly digest from the admin console and 3,400 subscribers got it three times. Cleared the send queue, and manual sends now ask for confirmation.', 'production'],
    ],
    'right-sized',
  );
  describe('near misses: a repair followed by recovery owns nothing', () => {
    check(
      [
        ['"and the errors stopped" is the recovery', 'The reports API returned errors for an hour. We restarted the pods and the errors stopped.', 'team'],
        ['"and latency dropped" back to normal is the recovery', 'Search was slow for most of the morning. We scaled the cluster and latency dropped to normal.', 'team'],
        ['"and it failed over" is the recovery', 'The orders database was unreachable for an hour. We updated the replica settings and it failed over cleanly.', 'team'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round eighteen): ownership as a state left, the change pointed at, an earlier act', () => {
  check(
    [
      ['the writer left a shared thing in a mode', 'I left the shared Kafka topic in compaction-only mode after the retention test. Switched the policy back and consumers are reading again.', 'team'],
      ['the writer left a thing scaled to zero', 'We left the staging payment mock scaled to zero after the cost review. Scaled it back up; checkout tests pass again.', 'team'],
      ['"this commit" as the subject of the failure', 'This commit broke the Safari build of the editor for the whole afternoon. Reverted in the next commit; I\'ll redo it behind a feature check.', 'team'],
      ['"this is the change that" broke it', 'Apologies: this is the change that broke the nightly price import. Reverted it and the import ran again at noon.', 'team'],
      ['the pluperfect of the writer\'s earlier act', 'The e2e job is green again. I had written a fixture that depended on the host timezone; it now pins UTC.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses that stay under-owned', () => {
    check(
      [
        ['the state left in the passive, with no doer', 'The shared Kafka topic was left in compaction-only mode after the retention test. Switched the policy back.', 'team'],
        ['"this" alone, with no change named', 'This broke the Safari build of the editor for the afternoon. Reverted.', 'team'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round eighteen): impact, prevention and repair in more grammar', () => {
  check(
    [
      ['the reader\'s thing in a relative clause with "you"', 'Sorry, Amara: the payslips you exported on Thursday had the wrong tax year because I changed the period mapping. I re-ran the export, and the mapping now has a test per payroll region.', 'production'],
      ['a safeguard as a participle with "now" after it', 'We broke image resizing for customers from 13:10 to 13:40 with a library bump. Rolled back; library bumps are soak-tested now.', 'production'],
      ['a thing that now runs against a safe stage', 'We shipped a receipt template that printed every order total as zero for 400 customers. Re-sent the receipts, and our templates now render against sampled orders in staging.', 'production'],
      ['a one-word repair after the failure', 'the stray cron in staging was my load test, forgot to drop it. dropped.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses', () => {
    check(
      [
        ['a repair state with "now" after it is not a safeguard', 'We broke image resizing for customers from 13:10 to 13:40 with a library bump. It is fixed now.', 'production'],
        ['a label saying what was done is not ownership', 'Retro: the desktop app froze on startup for a day for 4% of users. Cause: a race in the updater. Fix: shipped 7.1.4.', 'production'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round eighteen): the impact played down or the regret made conditional', () => {
  check(
    [
      ['the broken thing said to exist for breaking', 'Yes, I took the preview environment down for two hours with my ingress change, but that is literally what preview environments exist for. Reverted.', 'team'],
      ['the failure called not worth mentioning', 'We shipped a config that doubled search latency for a day for about 2,000 users. Rolled it back, and config changes now go through a load test. Hardly worth mentioning, really.', 'production'],
      ['the people hit said to have just reloaded', 'Our deploy broke the cart page for 15 minutes for about 800 shoppers; we rolled back and cart changes now canary first. Most of those shoppers simply reloaded.', 'production'],
      ['"low impact overall" as the verdict', 'We pushed a bad cache rule and 300 customers saw yesterday\'s prices for an hour. Purged it, and cache rules are now reviewed. Low impact overall.', 'production'],
      ['"human error" in German', 'Ein menschlicher Fehler: I deployed the wrong tenant config and 90 clinics saw no appointments for an hour. Reverted it, and tenant configs now need a second approver.', 'production'],
      ['regret conditional on the reader being hit', 'We are sorry for the inconvenience if you were one of the merchants hit by Friday\'s payout delay, which our release caused for six hours; we rolled back and payouts now canary first.', 'production'],
    ],
    'under-owned',
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['"if you were" in a repair, not in the apology', 'Sorry: our release delayed Friday\'s payouts for six hours for 120 merchants. If you were one of them, the payout has now arrived. We rolled back and payouts now canary first.', 'production'],
        ['"worth mentioning" about something else', 'Our deploy broke the cart page for 15 minutes for about 800 shoppers; we rolled back, and cart changes now canary first. Also worth mentioning: the canary now covers checkout too.', 'production'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round eighteen): the apology enlarged or the writer judged', () => {
  check(
    [
      ['an adverb heading the apology with no verb', 'Staggeringly sorry, team: I dropped the shared QA users table and testing stopped for the morning. Restored it from the snapshot.', 'team'],
      ['a Spanish apology verb with a superlative', 'lo lamento muchísimo: I pushed a proxy rule that blocked the staging API for an hour. Reverted.', 'team'],
      ['a Portuguese apology verb with a -mente adverb', 'sentimos profundamente: we deleted the shared QA bucket and two teams lost their fixtures. Restored them.', 'team'],
      ['the writer judged in an exclamation with "how"', 'I still cannot get over how careless I was: I merged with the tests skipped and the staging API was down for an hour. Reverted.', 'team'],
      ['who keeps letting the writer near it', 'Who keeps letting me near the load balancer? I drained every staging node and QA was blocked for an hour. Put them back.', 'team'],
    ],
    'over-apologetic',
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['a plain foreign apology', 'Lo siento: I pushed a proxy rule that blocked the staging API for an hour. Reverted.', 'team'],
        ['a discourse adverb and a comma before "sorry"', 'I pushed a proxy rule that blocked the staging API for an hour. Reverted. Lastly, sorry for the noise in #alerts.', 'team'],
        ['"how" about the failure, not the writer', 'I underestimated how long the reindex would take: staging search was down for an hour. Sorry, it is back now.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round eighteen, even half): parts in the grammar the held-out misses used', () => {
  check(
    [
      ['a date with "May" inside the subject is not the modal', 'Our schema change on 12 May returned empty carts to 60 merchants for 40 minutes. We reverted it, and schema changes now ship behind a versioned endpoint first.', 'production'],
      ['the writer at a post, then an act on the wrong thing', 'I was handling the release and pushed the wrong build to the beta track for two hours; about 500 testers got a crashing app. Pulled it, and track uploads now need a checksum match.', 'production'],
      ['the writer\'s team ran a thing whose relative clause did harm', 'Our team ran a Pulumi update that destroyed the shared bastion host on staging. Recreated it, and updates to shared stacks now need a preview approval.', 'team'],
      ['records as the object of the failure', 'That was our fault: the sync we changed dropped Monday\'s bookings from your calendar feed. We re-synced the feed and added a row-count check to every sync.', 'production'],
      ['a stretch of "half a day" as the impact', 'My locale change showed prices without decimals in the shop for half a day. I\'ve corrected it, and locale changes now run against a fixture of every storefront.', 'production'],
      ['a count of the reader\'s people as the impact', 'We are sorry: our mailer sent the April statements to your 22 clients without the unit numbers. The template change was ours; we re-sent them, and templates are now checked against a sample statement before release.', 'production'],
      ['a key added that makes each send unique', 'Our push service sent the shift reminder twice to 3,000 drivers last night; a retry setting of ours was wrong. We fixed the setting and added a per-reminder dedupe key.', 'production'],
      ['a guarantee that the step now waits', 'The dashboard you use showed zero sales for Sunday because I ran the aggregation before the import was done; 120 customers saw it. I re-ran it, and added a trigger so the aggregation waits for the import.', 'production'],
    ],
    'right-sized',
  );
  check(
    [['regret for what a named audience felt', 'Sorry the support team felt the alert volume was too high; my new rule fired 30 alerts in an hour. I raised the threshold.', 'team']],
    'under-owned',
  );
  check(
    [
      ['a German self-label', 'Ich bin echt ein Depp: I pushed the staging DNS change to the office resolver and nobody could reach the wiki for 20 minutes. Reverted.', 'team'],
      ['a Spanish self-label', 'Soy un desastre: I dropped the QA feature-flag table and QA was blocked for the morning. Restored it.', 'team'],
    ],
    'over-apologetic',
  );
  describe('near misses', () => {
    check(
      [
        ['"without idempotency keys" in the cause is no safeguard', 'Our push service sent the shift reminder twice to 3,000 drivers last night: we deployed the retry change without idempotency keys. We disabled retries.', 'production'],
      ],
      'under-owned',
    );
    check([['"Ich bin" without a self-label', 'Ich bin schuld: I pushed the staging DNS change to the office resolver and nobody could reach the wiki for 20 minutes. Reverted.', 'team']], 'right-sized');
  });
});

describe('tone check (round eighteen): the writer\'s work as a longer subject, a phrasal verb on the wrong thing, a repeat of what was already done', () => {
  check(
    [
      ['a subject of nine words', 'Sorry, my change to the shared Python lint base config removed the import rule and broke two teams\' pre-commit hooks. Put the rule back.', 'team'],
      ['a phrasal repair verb on the wrong thing', 'We switched off the wrong feature flag on the staging cluster and QA saw no prices all morning. Switched it back on.', 'team'],
      ['what had already gone out, sent again', 'Mailgrove was fine; our digest worker in the notifications service mailed summaries that had already gone out. Fixed the worker and QA inboxes are clean again.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses: another team\'s work as the subject stays deflecting', () => {
    check([['the subject is another team\'s work', 'The platform team\'s change to the shared Python lint base config removed the import rule and broke our pre-commit hooks. They put it back.', 'team']], 'deflecting');
  });
});
