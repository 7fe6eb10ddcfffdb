import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const { check, expectVerdict } = verdictCases(PEOPLE);

/**
 * Round sixteen, part B (#18): the classes blind23's and blind24's misses among right-sized,
 * under-owned and over-apologetic showed. Every sentence was written for this file (none is a line
 * of a fixture); each "too little" or "too much" case was right-sized before this round's rules.
 */
describe('tone check (round sixteen): the impact played down after owning', () => {
  check(
    [
      ['graded as hardly or barely an incident', 'My cron change paged the whole data team twice last night, barely an incident for staging. Rolled it back.', 'team'],
      ['"that\'s just how X goes" with a day after it', "Sorry, I broke the nightly build for two hours, but that's just how CI goes on Mondays. Reverted.", 'team'],
      ['nobody about at that hour', 'We shipped a bad pricing rule and checkout failed for 15 minutes for all users, though honestly nobody shops at 4am. We rolled back and added a pricing test.', 'production'],
      ['normal for the day', 'My migration locked the QA database for 20 minutes, which is pretty typical for a release day. Reverted it.', 'team'],
      ['par for the course', "I pushed a broken lint rule and blocked everyone's merges for an hour - par for the course. Fixed it.", 'team'],
    ],
    'under-owned',
    ['minimizing'],
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['the same failure told plainly', "I pushed a broken lint rule and blocked everyone's merges for an hour. Fixed it.", 'team'],
        ['a time of day as impact, not as an excuse', 'We shipped a bad pricing rule and checkout failed for 15 minutes for all users at 4am. We rolled back and added a pricing test.', 'production'],
        ['"what a mess" describes the morning, not the writer', 'What a mess this morning: I pushed a bad config to staging and it was down for an hour. Reverted.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round sixteen): regret for how readers felt', () => {
  check(
    [['to any readers who felt let down', "We apologise to any merchants who felt let down by our payout delay. We deployed a bad batch job that held payouts for 300 merchants for a day; we've fixed it and added a batch alert.", 'production']],
    'under-owned',
    ['non-apology'],
  );
  it('sorry for the act itself stays right-sized (near miss)', () => {
    expectVerdict("I'm sorry I blocked the release for an hour with my deploy. I reverted it this morning.", 'team', 'right-sized');
  });
});

describe('tone check (round sixteen): the failure told with no doer, where "my" only says whose thing it was', () => {
  check(
    [
      ['"got <participle> … somehow"', 'my test database got wiped overnight somehow, restoring it', 'local'],
      ['a passive of a setting verb', 'The feature flag in my local settings was accidentally flipped and my tests went red.', 'local'],
      ['"appear to have gotten lost"', 'A few of my stashed changes appear to have gotten lost in the rebase.', 'local'],
      ['"ended up" and "somewhere along the way"', "My branch's lockfile ended up corrupted somewhere along the way.", 'local'],
      ['"was left in my …"', 'An old token was left in my shell profile, so my deploy script failed.', 'local'],
    ],
    'under-owned',
    ['non-apology'],
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['the writer as the subject of the same act', 'I left an old token in my shell profile, so my deploy script failed. Removed it.', 'local'],
        ['"I flipped" rather than "was flipped"', 'I flipped the feature flag in my local settings and my tests went red; flipped it back.', 'local'],
        ['the writer\'s work owned in an earlier clause, the passive telling how', 'my change was the cause of the broken staging login - the session timeout was set to zero. rolled back and added a config check.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round sixteen): an apology declared too small, from the heart, or enlarged in German', () => {
  check(
    [
      ['from the bottom of our hearts', 'We are sorry from the bottom of our hearts: our release broke logins for 2,000 users for an hour. We rolled back and added a login smoke test.', 'production'],
      ['no apology could ever be enough', "No apology could ever be enough for yesterday's outage. We caused it with a bad release; it's rolled back and releases now need a canary.", 'production'],
      ['"entschuldige mich zutiefst"', 'Ich entschuldige mich zutiefst: I deleted the staging bucket, QA lost their uploads. Restored from backup.', 'team'],
      ['a second apology as "please forgive us"', 'We apologise for the broken staging build this morning: we pushed a bad config. We reverted it. Again, please forgive us.', 'team'],
    ],
    'over-apologetic',
    ['over-apology'],
  );
  it('"deleted it again, sorry": "again" belongs to the act, one apology (near miss)', () => {
    expectVerdict('my bad, pushed a typo to my own branch and then deleted it again, sorry', 'local', 'right-sized');
  });
});

describe('tone check (round sixteen): the writer judged by an exclamation, a question, a comparison or a superlative', () => {
  check(
    [
      ['an exclamation calling the writer an insult', 'what an absolute muppet, I pushed my debug config to the shared staging env. Reverted.', 'team'],
      ['"no clue what I\'m doing"', "I broke the staging deploy again. I really have no clue what I'm doing with Helm. Reverted it.", 'team'],
      ['someone more careful than me', 'My release broke search for all users for 20 minutes; I rolled back and added a smoke query. Honestly someone far more careful than me should own releases.', 'production'],
      ['a rhetorical question about what kind of engineer', 'What sort of developer forgets to run the migrations? Me. Staging was down for an hour; I ran them and added a check.', 'team'],
      ['a superlative of the writer\'s own act', "I dropped the QA schema. Easily the dumbest mistake I've ever made. Restored it from last night's dump.", 'team'],
    ],
    'over-apologetic',
    ['self-deprecation'],
  );
});

describe('tone check (round sixteen): ownership in grammar the reader missed', () => {
  check(
    [
      ['a pair of possessives, the work and the failure', 'our release, our outage: the billing page returned 500s for all users for 20 minutes. Rolled back; releases now need a canary. Sorry.', 'production'],
      ['a tool name before what it was run as ("my Kubernetes manifest")', 'my Kubernetes manifest removed the staging ingress, QA was blocked for an hour. I restored it from git.', 'team'],
      ['the writer at a post who let it through', 'I was on call overnight and slept through the disk alert, so staging was down until 8am. I cleared the disk this morning.', 'team'],
      ["the writer's thing sent to the real service", 'my load test went to the real payments sandbox for ten minutes and created 40 test charges. I refunded them.', 'team'],
      ['a first-person act in German', 'Sorry, ich habe die staging Queue geleert, QA lost their test data. Restored it from the dead-letter copy.', 'team'],
      ['"we on <team>" with a rejecting build', 'we on mobile pushed a beta build that rejected every login; rolled it back and added a login smoke test.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses that stay under-owned', () => {
    check(
      [
        ['a passive with no owner', 'The staging ingress was removed and QA was blocked for an hour. Restored it.', 'team'],
        ['the failure with no owner at all', 'The billing page returned 500s for all users for 20 minutes. Rolled back; releases now need a canary.', 'production'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round sixteen): repair in verbs and states the lists lacked', () => {
  check(
    [
      ['an act that undoes ("Unarchived it")', 'I accidentally archived the #deploys channel. Unarchived it right away, nothing lost.', 'team'],
      ['the extra things taken away', 'my seed script opened 30 copies of the same ticket in the QA board. Closed the duplicates.', 'team'],
      ['a value put back down', 'My retry setting flooded #alerts for an hour because it was at 100; I dropped it to 3.', 'team'],
      ['everything owed now done ("All paid")', 'Payouts were a day late for 120 merchants because of my cron change, sorry. All paid as of this morning, and the cron now alerts if it has not run by 09:00.', 'production'],
      ['a repair job finished', 'My mapping change broke search for all users for 40 minutes. Reindex finished at noon, and mapping changes now run against a copy first.', 'production'],
      ['a service bounced', 'Sorry, our worker deploy hung checkout for all users for 15 minutes. We bounced the workers and deploys now wait for a health check.', 'production'],
      ['a state that is fine again', 'My config change made staging reject every login for an hour. Logins are fine again.', 'team'],
      ['the repair in Spanish', 'Mi error: I pushed the demo branch to staging instead of main. Ya lo volví a desplegar desde main.', 'team'],
    ],
    'right-sized',
  );
  describe('near misses that stay under-owned', () => {
    check(
      [
        ['the same verb as the accident', 'I accidentally deleted them from the shared bucket.', 'team'],
        ['a value set as the cause', 'I set it to 0 and the queue stalled for an hour.', 'team'],
        ['broken again is no repair', 'My deploy broke the login page and it is broken again this morning.', 'team'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round sixteen): impact named with the person hit or counted as the object', () => {
  check(
    [
      ["the reader's own thing that came out wrong", 'Hi Mr. Ito, your May statement had an old exchange rate because of our rounding change. We corrected it and rates now have a freshness check. Sorry.', 'production'],
      ['a count as the object of the failure', 'Sorry - our import job duplicated 120 contacts in your account yesterday. We removed the duplicates and added a uniqueness constraint on email.', 'production'],
    ],
    'right-sized',
  );
});

describe('tone check (round sixteen): a part read where it is not', () => {
  check(
    [
      ['"my hotfix" as the subject of the failure is no repair', 'Sorry Dmitri, my hotfix wiped your feature flags on staging.', 'team'],
      ['"restarted for 20 minutes" is the failure, not a restart', 'Retro: I merged a bad ingress rule and the gateway restarted for 20 minutes. Still looking into a proper fix.', 'team'],
      ['a "Prevention:" label over a resolve to be careful', "Summary: 300 customers got late receipts for 2 hours. Cause: I paused the mail queue. Fix: I resumed it. Prevention: we'll be more careful with the queue going forward.", 'production'],
    ],
    'under-owned',
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['the writer restarted it', 'I merged a bad ingress rule and the gateway crashed for 20 minutes. I restarted it and rolled the rule back.', 'team'],
        ['a "Prevention:" label over a safeguard', 'Summary: 300 customers got late receipts for 2 hours. Cause: I paused the mail queue. Fix: I resumed it. Prevention: pausing the queue now pages the on-call after 10 minutes.', 'production'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round sixteen): a report verb that went wrong, a standing source, a sentence that claims the last', () => {
  check(
    [
      ['a report verb whose clause says it went wrong ("had posted … twice")', 'QA saw every order twice on staging this morning; I had posted the seed batch twice. I removed the copies and re-ran the checks.', 'team'],
      ['a thing that now loads from a safe source', 'Sorry, our pricing deploy showed stale prices to all users for an hour. We rolled back, and the price list now loads from the signed feed.', 'production'],
      ['a passive owned by the next sentence ("That was a config change I pushed")', "Heads up: the staging login page was broken all morning. That was a config change I pushed; I've reverted it.", 'team'],
    ],
    'right-sized',
  );
  describe('near misses that stay under-owned', () => {
    check(
      [
        ['a report verb that only noticed', 'We noticed the wrong totals on staging this morning. Removed the copies and re-ran the checks.', 'team'],
        ['a passive that nobody claims', "Heads up: the staging login page was broken all morning. I've reverted the config.", 'team'],
      ],
      'under-owned',
    );
  });
});

describe('tone check (round sixteen): the same classes in more words', () => {
  check(
    [
      ['"not the end of the world"', 'I broke staging for an hour with my config push, not the end of the world. Reverted.', 'team'],
      ['"could have been much worse"', 'Our deploy broke checkout for 10 minutes for all users; it could have been much worse. We rolled back and added a canary.', 'production'],
      ['"happens to everyone"', 'I pushed a broken build to staging for an hour, happens to everyone. Reverted.', 'team'],
      ['expected for any kind of day or deploy', 'Our release broke logins for 15 minutes for all users, which honestly is expected for a Friday deploy. Rolled back; logins now have a smoke test.', 'production'],
    ],
    'under-owned',
    ['minimizing'],
  );
  check(
    [
      ['beyond embarrassed', "I deleted the QA fixtures. I'm beyond embarrassed, truly. Restored them from backup.", 'team'],
      ['no apology that could make up for it', "Our release broke exports for all users for an hour. There's no excuse and no apology that could make up for it. We rolled back and added an export test.", 'production'],
    ],
    'over-apologetic',
  );
  describe('near misses that stay right-sized', () => {
    check(
      [
        ['"somehow" with the writer as the doer', 'I somehow deployed my branch to shared staging instead of main; QA was blocked for 30 minutes. Redeployed main.', 'team'],
        ['sorry to everyone affected, not to their feelings', 'We deployed a bad cache rule and 2,000 users saw stale dashboards for an hour. We purged the cache and cache rules now go through a canary. Sorry to everyone who was affected.', 'production'],
        ['a value set back as the repair', 'I pushed a config that set the staging pool to 1, so QA requests timed out for an hour. I set it back to 20 and added a pool-size check.', 'team'],
      ],
      'right-sized',
    );
  });
});

describe('tone check (round sixteen): the failure called the writer\'s work, in nouns for work the list lacked', () => {
  check(
    [
      ['"was my debug webhook"', 'the #builds noise was my debug webhook, forgot to remove it. Removed it now.', 'team'],
      ['"were our retry worker"', "The double emails on staging were our retry worker; we've capped retries at 1.", 'team'],
    ],
    'right-sized',
  );
  it('the same copula with nobody\'s work stays under-owned (near miss)', () => {
    expectVerdict('the 3am page storm was an old alert override. Removed it now.', 'team', 'under-owned');
  });
});
