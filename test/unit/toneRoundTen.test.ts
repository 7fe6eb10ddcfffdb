import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Petra Novak', 'Ivo Marsh', 'Jonas Falk', 'Kenji Mori', 'Lena Ruiz'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round ten (#18): the classes blind10's misses showed — the size the writer gives an apology or
 * the impact, more shapes of the parts, and sources and denials the readers lacked. Every sentence
 * was written for this file (none is a line of a fixture).
 */
describe('tone check (round ten): too much and too little by size', () => {
  const cases: [string, string, Radius, ToneVerdict, ToneFlagKind][] = [
    ['an intensified regret, any subject', 'We sincerely regret the failed payouts: our cron change skipped Friday. We re-ran it and added a check on the schedule.', 'team', 'over-apologetic', 'over-apology'],
    ['a big apology as a noun', 'I owe you all a massive apology: my cache flag emptied the search index. Rebuilt it.', 'team', 'over-apologetic', 'over-apology'],
    ['embarrassment, misspelt', "i'm so embarased, my script deleted the fixtures dir. restored it", 'local', 'over-apologetic', 'self-deprecation'],
    ['the cause of all trouble', "Clearly I'm the reason we can't have nice things: I deleted the shared test bucket. Restored it from the snapshot.", 'team', 'over-apologetic', 'self-deprecation'],
    ['a small count with "just"', 'Just a couple dozen orders failed, honestly: my tax rule change rejected EU addresses for 20 minutes. Reverted, and tax rules now need a test per region.', 'production', 'under-owned', 'minimizing'],
    ['the impact called minimal', 'My config push broke image uploads for all users for 25 minutes. Rolled it back and added a config lint to CI. Overall impact was minimal.', 'production', 'under-owned', 'minimizing'],
    ['readers who never noticed', 'I broke the search ranking for an hour for all shoppers; reverted it and we now diff rankings before deploys. Most users probably never noticed.', 'production', 'under-owned', 'minimizing'],
    ['a measured impact called nothing', 'My migration locked the orders table and checkout failed for every customer for 12 minutes. I killed it and migrations now run with a lock timeout. 12 minutes is nothing, though.', 'production', 'under-owned', 'minimizing'],
    ['regret for what readers felt', 'We regret the frustration our rename of the env vars caused. Added the old names back.', 'team', 'under-owned', 'non-apology'],
    ['a plural mistake with no doer', 'Typos were introduced into the pricing config last week. Corrected them.', 'local', 'under-owned', 'non-apology'],
  ];
  for (const [name, text, radius, verdict, kind] of cases) it(name, () => expectVerdict(text, radius, verdict, kind));

  it('the impact limited to a scope is not played down', () => {
    expectVerdict('My DNS change broke logins for 30 minutes; the impact was limited to EU customers. Reverted it, and DNS changes now need a second reviewer.', 'production', 'right-sized');
  });
});

describe('tone check (round ten): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['repair as a state of any subject', 'I pushed a broken nginx rule and the docs site was down for everyone for 15 minutes. Everything\'s back, and nginx rules now go through a config test first.', 'production', 'repair'],
    ['repair as a new version that fixes it', 'Our 2.8.0 release logged every user out, and about 3,000 customers had to sign in again. 2.8.1 fixes it, and a session test now runs before each release.', 'production', 'repair'],
    ['repair as the right thing now in place', 'i tagged the wrong image for staging, so QA tested last week\'s build all morning. the correct image is now deployed.', 'team', 'repair'],
    ['prevention as a thing added to a safeguard', 'I broke the checkout page on Safari 16 for two hours for all Safari shoppers. Reverted it and added Safari 16 to the pre-merge emulator runs.', 'production', 'prevention'],
    ['prevention at the end of a longer list', 'My cleanup job deleted the audit bucket, and compliance exports failed for every tenant for 3 hours. Restored it. We added a retention lock to the bucket and a dry-run step for the cleanup job.', 'production', 'prevention'],
    ['prevention as a move to an automatic form', 'We let the signing key expire and every customer download failed for 2 hours. Renewed it and moved the key to auto-rotation.', 'production', 'prevention'],
    ['prevention as a thing made to check', 'My script pushed test data to the production index, and all customers saw fake products for 40 minutes. Purged it, and made the script check the cluster name before writing.', 'production', 'prevention'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('ownership as an act done "by me" and as "we on the … team"', () => {
    assert.ok(has(expectVerdict('Our Helm upgrade yesterday (run by me) removed the ingress, so the shared staging env was unreachable for the team for an hour. Put it back.', 'team', 'right-sized'), 'ownership'));
    // Owned, so "without telling anyone" is the writer's own omission, not another party's.
    assert.ok(has(expectVerdict('We on the search team pushed a mapping change to the shared staging index without telling anyone; two other teams lost a day. Reindexed it.', 'team', 'right-sized'), 'ownership'));
  });
});

describe('tone check (round ten): not blame', () => {
  const right: [string, string, Radius][] = [
    ['"only ran on my machine" tells the failure', 'sorry, my lint hook pointed at my home dir, so it only ran on my machine. fixed the path.', 'local'],
    ['a subject that "kept getting" something bears it', 'I set the job timeout too short, so they kept getting killed mid-job for the whole team. Raised it back to 60s.', 'team'],
    ['names listed in parentheses say who was hit', 'The shared staging auth went down at 9, and the people testing there (Ivo, Kenji, Lena) lost two hours thinking their own branches were broken. That\'s on me: my config push. Restored it.', 'team'],
  ];
  for (const [name, text, radius] of right) it(name, () => expectVerdict(text, radius, 'right-sized'));
});

describe('tone check (round ten): sources and denials', () => {
  const deflecting: [string, string, Radius][] = [
    ['"…, not me"', "the bundler's cache did that, not me. emptied the cache dir.", 'local'],
    ['"it wasn\'t the release"', 'It wasn\'t the release. The 502s between 14:00 and 14:20 matched a crawler burst. They stopped by themselves.', 'production'],
    ['no evidence that our work had to do with it', 'No evidence so far, but there\'s no indication that our deploy had anything to do with the outage. Looks coincidental.', 'production'],
    ['the timing called a coincidence', 'Checkout was down for 20 minutes for all shoppers right after our release. The timing was a coincidence. It recovered.', 'production'],
    ['"I don\'t think it was me" and work called harmless', "don't think it was me, i only touched the docs. the red pipeline must be from the infra merge.", 'team'],
    ['a fault located in a vendor, with a safeguard added', 'The login outage for all customers on Monday was caused by a bug in a third-party auth library. We removed it, and library updates now go through staging first.', 'production'],
    ['a deficient thing from another', 'Root cause: outdated docs from Parcelly about their auth header. As a result, 4,000 shipments were delayed for a day. Sorted now.', 'production'],
    ['the failing thing owned by a team', 'The 40-minute API outage was triggered by a DNS record that the network team maintains. It was fixed at 11:20.', 'production'],
    ["another's omission as the reason", 'The e2e suite failed all morning because ops never rotates the test credentials. Rotated them myself.', 'team'],
    ['the responsibility handed over as "theirs"', 'My migration locked the users table for 10 minutes for the team; sorry. I killed it. Their schema tool should have warned me, so honestly this one is mostly theirs.', 'team'],
    ['a runbook that gives steps in the wrong order', 'The cache restore failed for everyone because the wiki gives the steps in the wrong order. Restored it by hand.', 'team'],
  ];
  for (const [name, text, radius] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', 'deflection'));

  it('a new version shipped without the fault is the repair, not ownership, so the located vendor fault deflects', () => {
    const r = expectVerdict('The 4.1 checkout freeze for about 6% of iOS shoppers on Sunday was caused by a bug in a third-party payments SDK. We released 4.1.1 without it, and SDK bumps now soak in TestFlight for a week.', 'production', 'deflecting', 'deflection');
    assert.ok(has(r, 'repair'));
    assert.ok(has(expectVerdict('We shipped 7.3.0 with a crash on launch for Android 12 users, about 5% of them, for a day. Rolled back to 7.2.4 this morning, and Android 12 is now in the release device matrix.', 'production', 'right-sized'), 'ownership'));
  });

  it('a fault located in the writer owns, and a denial the sentence takes back does not deflect', () => {
    assert.ok(has(expectVerdict('Checkout failed for 10 minutes for all shoppers, caused by a bug in my price rounding. Reverted it, and rounding now has a property test.', 'production', 'right-sized'), 'ownership'));
    expectVerdict("It wasn't the deploy at first glance, but then I found my flag change broke the retry path. Reverted it.", 'team', 'right-sized');
  });
});

describe('own-it tone (round ten, CLI): the same verdict as the core', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('a located fault, a played-down impact and a repair state agree in the CLI and the core', () => {
    const texts: [string, Radius, ToneVerdict][] = [
      ['The login outage for all customers on Monday was caused by a bug in a third-party auth library. We removed it, and library updates now go through staging first.', 'production', 'deflecting'],
      ['My config push broke image uploads for all users for 25 minutes. Rolled it back and added a config lint to CI. Overall impact was minimal.', 'production', 'under-owned'],
      ["I pushed a broken nginx rule and the docs site was down for everyone for 15 minutes. Everything's back, and nginx rules now go through a config test first.", 'production', 'right-sized'],
    ];
    for (const [text, radius, verdict] of texts) {
      const { result, stdout } = cli.tone(text, radius);
      assert.equal(result.verdict, verdict, stdout);
      assert.equal(result.verdict, checkTone(text, { radius, people: ['Petra Novak'] }).verdict);
    }
  });
});
