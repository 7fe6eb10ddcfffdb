import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Greta Holm', 'Omar Haddou', 'Siddharth Rao', 'Beatriz Lima', 'Tobias Wren'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round twelve (#18): the classes blind12's misses showed — an apology said again or made bigger
 * in more shapes, the writer judging themself in more words, the impact played down in more
 * idioms, denials and another's agency in more grammar, and more shapes of the parts. Every
 * sentence was written for this file (none is a line of a fixture).
 */
describe('tone check (round twelve): the size of an apology and the writer judging themself', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['an apology that says it is said again', 'Once again, I apologise: my cron edit paused the nightly exports for the whole team. Re-ran them.', 'team', 'over-apology'],
    ['"cannot begin to apologise enough"', 'I cannot begin to apologise enough: my firewall rule cut the office off from the staging VPN for an hour. Removed the rule.', 'team', 'over-apology'],
    ['any word of what the writer is, after "feel"', 'I feel like a complete impostor after this: my schema change broke the shared staging database. Restored it from the snapshot.', 'team', 'self-deprecation'],
    ['unfit, after "feel"', 'I feel completely unfit for the pager today: I muted the queue alert for the team and missed the backlog. Unmuted it.', 'team', 'self-deprecation'],
    ['shame as a noun', "I'm full of shame: I deleted the team's shared dashboard folder. Restored it from the export.", 'team', 'self-deprecation'],
    ['a feeling of loss about oneself ("devastated")', "I'm truly devastated that my release crashed the app for all Android users for 90 minutes. Rolled back, and releases now need a device-farm run before rollout.", 'production', 'self-deprecation'],
    ['the privileges of the job taken away', 'Someone should revoke my admin access: I rotated the shared staging credentials and broke the team\'s deploys. Sent out the new ones.', 'team', 'self-deprecation'],
    ['wondering how one got the job', 'Genuinely wonder how I ever got hired: my cleanup script emptied the team\'s test bucket. Restored it from versioning.', 'team', 'self-deprecation'],
    ['a mind that is not working', 'My head is fried today, I pushed the wrong tag to the shared registry. Re-tagged it.', 'team', 'self-deprecation'],
    ['a basic skill the writer says they lack', "Clearly I can't spell: my typo in the env var name broke the team's preview builds. Fixed the name.", 'team', 'self-deprecation'],
    ['letting down every single customer', 'I let down every single customer who tried to log in this morning: my session change logged about 3,000 users out for 40 minutes. Reverted, and session changes now need a canary.', 'production', 'self-deprecation'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'over-apologetic', kind));

  it('a tool after "with" in a self-judgement is not the doer of what follows', () => {
    expectVerdict("I'm a total disaster with terraform -- destroyed my own sandbox stack by accident. Re-applied it.", 'local', 'over-apologetic', 'self-deprecation');
  });

  it('"again" said of the failure, not the apology, is no second apology (near miss)', () => {
    expectVerdict('Sorry, the importer broke again after my fix: my retry change missed one path. Patched it.', 'team', 'right-sized');
  });

  it('"a great shame" is a pity, not shame about oneself (near miss)', () => {
    expectVerdict("It's a great shame the vendor outage hit us, and my retry change made it worse for the team. Reverted the change.", 'team', 'right-sized');
  });

  it('"feel" with a word that is not about the writer is no self-judgement (near miss)', () => {
    expectVerdict('I broke the shared lint config with a bad glob. Fixed it, and I feel confident now that lint config changes run a sample repo check first.', 'team', 'right-sized');
  });
});

describe('tone check (round twelve): too little', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['a size word put last ("Minor issue only")', 'Minor issue only: my feature flag change hid the search bar for some users for an hour. Turned the flag back, and flag changes now need a preview check.', 'production', 'minimizing'],
    ['an idiom of a negligible amount', 'My rate limit change rejected about 1% of API calls for 20 minutes, a drop in the ocean really. Reverted, and limits now need a load test.', 'production', 'minimizing'],
    ['readers told not to worry', "No need to worry: my cleanup job deleted the team's shared staging uploads, but they're only test files. Restored them from the bucket history.", 'team', 'minimizing'],
    ['fate as routine beside ownership plays it down', 'Stuff happens: I shipped a config that broke image uploads for all users for 30 minutes. Rolled back, and configs now go through a staging smoke test.', 'production', 'minimizing'],
    ['a trivial thing', "My retention change dropped a week of the team's debug logs. Re-imported them from the archive; a pretty trivial thing in the end.", 'team', 'minimizing'],
    ['a doubted audience with any verb of meeting the failure', 'Apologies to anyone who might have hit this: my session store change dropped logins for about 200 users for 15 minutes. Reverted, and session changes now need a canary.', 'production', 'non-apology'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'under-owned', kind));

  it('fate as the cause with nothing owned still deflects', () => {
    expectVerdict('The nightly export failed for the team again. These things happen.', 'team', 'deflecting', 'deflection');
  });

  it('"there was no data loss" bounds an owned failure; it is no denial (near miss)', () => {
    expectVerdict('There was no data loss, but my migration locked the orders table and about 1,200 checkouts failed for 15 minutes. Rolled back, and migrations now run a lock-timeout check first.', 'production', 'right-sized');
  });
});

describe('tone check (round twelve): denials and another agent', () => {
  const cases: [string, string, Radius][] = [
    ['"not something I did"', 'The shared runner is out of disk, not something I did. Cleared it anyway.', 'team'],
    ['"Not me." said on its own', 'Staging lost its TLS certificate overnight. Not me.', 'team'],
    ['the writer\'s own records said to be clean', "Checkout errors are up for customers since noon. We don't see anything wrong in our dashboards.", 'production'],
    ['the failure itself denied', 'There was no outage on Tuesday; the status page shows full uptime.', 'production'],
    ['"weren\'t broken by my change"', "The builds weren't broken by my change, my PR only touched the README.", 'team'],
    ['an act done because someone said to', "I wiped the shared test database because Greta said to, so everyone's fixtures are gone.", 'team'],
    ['another\'s omission in a relative clause, a business function as the team', 'Builds failed all morning because of a signing key that finance forgot to renew. We applied a temporary key.', 'team'],
    ['a named team\'s omission as the reason', 'Staging ran out of space because the data team not archived their snapshots. I deleted the old ones.', 'team'],
    ['the reader\'s side as the doer', 'Sorry for the trouble, but the import failed because your engineers uploaded the file in the old format.', 'production'],
    ['a thing switched off by a team, nothing owned', "Nightly reports did not arrive this week; the report scheduler was turned off by the platform team during their upgrade. It's back on.", 'production'],
    ['the writer rate-limited by another', 'Webhooks to partners stopped for 3 hours -- Relayhub silently rate-limited us. Asked their support to lift it.', 'team'],
    ['a bug in a plugin, nothing owned', 'My build is failing since this morning. Is a bug in the protobuf plugin.', 'local'],
    ['an upgrade after another\'s defect is the repair, not ownership', 'Root cause: a defect in the open-source PDF library corrupted about 300 invoices for customers this morning. We upgraded the library and added a render check.', 'production'],
  ];
  for (const [name, text, radius] of cases) it(name, () => expectVerdict(text, radius, 'deflecting'));

  it('an upgrade whose clause names the failure still owns (near miss)', () => {
    assert.ok(has(expectVerdict('We upgraded the image library and thumbnails no longer rendered for any user for an hour. Pinned the old version, and upgrades now need a visual diff test.', 'production', 'right-sized'), 'ownership'));
  });

  it('a colleague\'s things as the object of the writer\'s act are not blame, with a participle after the name', () => {
    expectVerdict("Sorry Beatriz, I overwrote your and Omar's cached fixtures on the shared env when I re-seeded. Restored both from the snapshot.", 'team', 'right-sized');
  });

  it('"it never ran on my machine" tells the failure (near miss)', () => {
    expectVerdict('My pre-push hook had a typo, so it never ran on my machine. Fixed the typo.', 'local', 'right-sized');
  });
});

describe('tone check (round twelve): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['ownership as "our bad"', 'Our bad: the nightly seed wiped the shared demo data. Reseeded it.', 'team', 'ownership'],
    ['ownership as a failing thing that contained my change', 'Release 3.9 contained my change to the cache keys, so about 6,000 users saw stale carts for an hour. Rolled back, and cache key changes now need a migration test.', 'production', 'ownership'],
    ['ownership as the writer\'s act on the wrong thing, even with a verb that also repairs', 'Preview builds broke for the team when I rotated the wrong signing key. Rotated it back.', 'team', 'ownership'],
    ['prevention as a standing obligation', 'My index change slowed search for all shoppers for 30 minutes. Reverted it, and now every schema change must pass a replay test.', 'production', 'prevention'],
    ['prevention as "now only go through"', 'Our DNS change took the marketing site down for all visitors for 25 minutes. Reverted, and DNS edits now only go through the reviewed zone file.', 'production', 'prevention'],
    ['prevention as a standing test the writer runs', 'My queue config change delayed about 4,000 emails to customers for an hour. Reverted it, and we stress-test the queue before every release.', 'production', 'prevention'],
    ['repair as a version that is out', 'I shipped a 2.4.0 build that crashed on launch for iPad users for three hours. 2.4.1 is out, and release builds now run on an iPad simulator.', 'production', 'repair'],
    ['repair as a setting now at a value', 'My pool change set the connection limit too low and about 500 API calls failed for 10 minutes. The limit is now 200, and pool changes now need a load test.', 'production', 'repair'],
    ['impact as wrong content delivered', 'The Monday digest emails went out with stale figures because I used the wrong date in the query. Re-sent them, and the job now checks the date range.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('a thing switched off by a team beside owned work is not blame (near miss)', () => {
    expectVerdict('My migration locked the jobs table, and the scheduler was switched off by the on-call team while we rolled back. About 400 jobs were delayed an hour; migrations now run a lock check first.', 'production', 'right-sized');
  });
});

describe('own-it tone (round twelve, CLI): the same verdict as the core', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('an apology said again, a denied outage and "our bad" agree in the CLI and the core', () => {
    const texts: [string, Radius, ToneVerdict][] = [
      ['Once again, I apologise: my cron edit paused the nightly exports for the whole team. Re-ran them.', 'team', 'over-apologetic'],
      ['There was no outage on Tuesday; the status page shows full uptime.', 'production', 'deflecting'],
      ['Our bad: the nightly seed wiped the shared demo data. Reseeded it.', 'team', 'right-sized'],
    ];
    for (const [text, radius, verdict] of texts) {
      const { result, stdout } = cli.tone(text, radius);
      assert.equal(result.verdict, verdict, stdout);
      assert.equal(result.verdict, checkTone(text, { radius, people: ['Petra Novak'] }).verdict);
    }
  });
});
