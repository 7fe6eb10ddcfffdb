import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const { check } = verdictCases(PEOPLE);

/**
 * Round nineteen, part B (#18): the classes the misses among right-sized, under-owned and
 * over-apologetic in blind29+30 (odd half) showed. Every sentence was written for this file (none is
 * a line of a fixture); each class case gets a different verdict on round eighteen's rules (main at
 * e21611f), the near misses get the same one.
 */
describe('tone check (round nineteen): parts told in words the lists lacked', () => {
  check(
    [
      ['repair: a thing done again to restore it ("reinstated", "retried")', 'Our token refresh change logged out 8% of mobile users for 35 minutes. We reinstated the old refresh window, retried the failed syncs, and token changes now run a session soak test first.', 'production'],
      ['repair: webhooks retried after the writer\'s act', 'My webhook change sent malformed payloads to the partner sandbox for an hour. We retried every failed webhook.', 'team'],
      ['repair: money paid out to the people hit; impact: a counted share of the readers', 'Our settlement job skipped refunds with a currency code in lower case, holding back money for 52 of you for three days. That was a parsing bug we shipped. We have paid out every held refund and the parser now has a test for every currency code.', 'production'],
      ['repair: things that "are back"; prevention: "now … instead of"', 'I misconfigured the image proxy and product photos failed to load for all shoppers for 2 hours. The photos are back, and proxy settings are now kept in the repo instead of the admin panel. Sorry.', 'production'],
      ['prevention: a standing guard that halts on a condition', 'Sorry: my rate limiter change rejected 18% of API calls for 25 minutes for all partners. I reverted it, and now the rollout halts when the error rate rises above 1%.', 'production'],
      ['ownership: German perfect with an English participle', 'Sorry, ich habe the shared Redis for staging locked with my cleanup script. Restarted it, you can deploy again.', 'team'],
      ['ownership: a Spanish preterite of harm', 'Perdón, borré el bucket de staging con mi script. I restored it from the snapshot and staging works again.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses: what another thing did again is no repair', () => {
    check(
      [
        ['the app retried on its own, with no repair of the writer\'s', 'I deployed a bad login change and the app retried for 20 minutes before every client failed. Looking into it.', 'team'],
        ['"restarted" with a duration is the failure, not a repair', 'I pushed a bad Helm value and the worker pool restarted for 15 minutes. Still working out a proper fix.', 'team'],
        ['"Cause:" as a label is not a Spanish "causé"', 'Summary: the nightly export failed for half a day. Cause: a lint rule change. Fix: the rule was reverted. Prevention: none.', 'team'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round nineteen): too little, told by grading', () => {
  check(
    [
      ['the impact graded "cosmetic" after owning', 'I shipped a CSS change that hid the discount badge for all shoppers for 3 hours. Reverted, and CSS changes now get a visual test. Truthfully that is cosmetic and nobody was charged wrongly.', 'production'],
      ['the impact put at about zero', 'My DNS change took the docs site offline for an hour for every reader. Restored, and DNS edits now need a second approver. Being a docs site, the real impact was near zero.', 'production'],
      ['a share called trivial', 'Our billing change double-charged about 60 customers for an hour; we refunded them and billing changes now need a second reviewer. Sixty out of 80,000 is honestly trivial.', 'production'],
    ],
    'under-owned',
    ['minimizing'],
  );
  check(
    [
      ['a role\'s error as the cause', 'Root cause: engineer error. Our deploy of the wrong build took the API down for 20 minutes for every client. We redeployed the right build and deploys now check the build hash.', 'production'],
    ],
    'under-owned',
    ['human-error'],
  );
  check(
    [
      ['an apology as far as anyone minded ("insofar as")', 'Insofar as my flaky test held up anyone\'s merges today, apologies. I quarantined it.', 'team'],
      ['an apology as far as anyone minded ("to whatever extent")', 'To whatever extent the staging outage slowed your QA, I am sorry. I restarted the pods.', 'team'],
    ],
    'under-owned',
    ['non-apology'],
  );
  describe('near misses: a plain fact about the bug, an error page, a possible extent', () => {
    check(
      [
        ['"a cosmetic bug" as an attribute', 'I shipped a cosmetic CSS bug that hid the Pay button on Android for 40 minutes, so 300 orders failed. I reverted it, and CSS changes now run a visual test. Sorry.', 'production'],
        ['an "operator error page" is what users saw', 'Sorry: my config change showed an operator error page to all admins for 30 minutes. I rolled it back, and config changes now need a second reviewer.', 'production'],
        ['"to the extent possible"', 'I broke staging by deleting the shared secret. To the extent possible I put things back right away, sorry: the secret is restored and the deploy script now refuses to run without it.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round nineteen): an apology made bigger', () => {
  check(
    [
      ['a Portuguese apology said twice and intensified', 'Desculpe, desculpe mesmo: I shipped a broken login page and all users were locked out for 30 minutes. We reverted it and login changes now run the sign-in test in CI.', 'production'],
      ['"mil desculpas"', 'Peço mil desculpas: I deployed the wrong tax table and 800 invoices were wrong for a day. We reissued them and tax tables now get a diff review.', 'production'],
      ['the writer unable to say how sorry', 'We cannot begin to tell you how sorry we are. Our payment update declined 4% of cards for 50 minutes. We rolled it back, retried the declined payments, and payment changes are now canaried.', 'production'],
    ],
    'over-apologetic',
  );
  describe('near misses: one plain apology in Portuguese', () => {
    check(
      [['"Desculpa" once', 'Desculpa: I broke the staging build with a bad merge. I reverted it and it is green again.', 'team']],
      'right-sized',
    );
  });
});

/**
 * Round nineteen, part B, tuned on the even half of blind29+30's part-B misses after it was measured held out.
 */
describe('tone check (round nineteen, even half): play-down, no doer, size and parts', () => {
  check(
    [
      ['the broken thing called internal by what it is', 'I pushed a broken docs build that failed for everyone for the afternoon. Fixed it. It\'s just the internal wiki, errors there are expected.', 'team'],
      ['the failure called expected of a beta', 'My build crashed the preview app for testers all morning, but it\'s a preview, crashes were expected. Pushed a fix.', 'team'],
      ['"not exactly a catastrophe"', 'My change broke saved searches for 3 hours for 400 users; I reverted it and added a test. Not exactly a catastrophe though.', 'production'],
      ['nobody will lose sleep over it', 'I broke image uploads for an hour for all users. Reverted and added an upload test. Nobody\'s going to lose sleep over avatars.', 'production'],
      ['"barely a hiccup"', 'I deployed a bad proxy rule that broke staging for all teams from 9 to 11. Reverted and added a rule test. Two hours of staging is barely a hiccup.', 'team'],
      ['a grade after a discourse adverb', 'I shipped the internal build with verbose logging on for all testers. Turned it off and added a lint rule. Frankly harmless, only we saw it.', 'team'],
    ],
    'under-owned',
    ['minimizing'],
  );
  check(
    [
      ['"somehow" with a verb of loss and no doer', 'my scratch database somehow dropped its tables overnight', 'local'],
      ['a particle before "at some point"', 'the local docker setup got screwed up at some point yesterday', 'local'],
    ],
    'under-owned',
    ['non-apology'],
  );
  check(
    [
      ['a Spanish apology intensified ("un mundo")', 'Lo siento un mundo: I broke the shared CI runner with a bad cache key. I cleared the cache.', 'team'],
      ['the writer as the one least fit', 'I\'m the last engineer who should touch billing. My change overcharged 30 customers for a day; we refunded them and billing changes now need two reviewers.', 'production'],
      ['the apology said to fall short', 'I want to apologize to every partner hit, and to say it again because once is not enough. My export change dropped the last column for 90 partners for a day; we re-ran every export and exports now have a column-count test.', 'production'],
    ],
    'over-apologetic',
  );
  check(
    [
      ['ownership: "my <kind> mistake" as a fragment; repair: the bad thing removed, told as a state', 'We emailed the March invoice twice to 3,000 customers, my batching mistake. Sorry. The duplicate batch is cancelled and batches now dedupe on invoice ID.', 'production'],
      ['repair: "works now" after the writer\'s present-tense act', 'I deleted the staging DNS entry for the API yesterday, so nobody could reach it after lunch. I add the entry again today, works now for all.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses: scoping, a writer who owns "somehow", an error rate', () => {
    check(
      [
        ['"it\'s only the X that was affected" scopes the impact', 'I broke the admin export for 2 hours for all account owners by renaming a column. It\'s only the admin export that was affected; customer pages were fine. I reverted it and exports now have a schema test. Sorry.', 'production'],
        ['"our error rate alert" is no ownership of an error', 'My deploy made checkout throw errors for 10% of shoppers for 30 minutes; our error rate alert fired at once. I rolled it back and deploys now run a checkout smoke test. Sorry.', 'production'],
      ],
      'right-sized',
    );
    check([['"I somehow deleted" has a doer', 'I somehow deleted my own local branch while rebasing; recovered it from the reflog.', 'local']], 'right-sized');
  });
});
