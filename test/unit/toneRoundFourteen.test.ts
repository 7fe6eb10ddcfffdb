import * as assert from 'node:assert/strict';
import { verdictExpecter } from '../helpers/toneExpect';
import { type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round fourteen (#18): the classes blind15-21's misses showed. Every sentence was written for this
 * file (none is a line of a fixture); vendor and tool names are invented, so the tests are of the
 * grammar, not of a word list. Each case below fails on round thirteen's rules.
 */
describe('tone check (round fourteen): a cause put on another party, nothing owned', () => {
  const cases: [string, string, Radius][] = [
    ['"because" and another party\'s thing', 'The preview apps died at noon because the lab scanner\'s cleanup job deletes any namespace it sees. Restarted them.', 'team'],
    ['"came from" and an agency\'s thing', 'The duplicate receipts all came from the print agency\'s export files. Resent the right ones.', 'production'],
    ['"traces back to" and a thing\'s defaults', 'The 20 minutes of timeouts trace back to the kernel\'s connection defaults; we raised the pool size.', 'team'],
    ['"due to" and their thing', 'Receipts were late for three hours on Friday for 800 shoppers due to their relay throttling every sender in the region.', 'production'],
    ['the copula and another party\'s thing', 'The pager noise overnight was the badge reader\'s firmware rollout again; I acknowledged the alerts.', 'team'],
    ['the copula and a tool\'s thing, chat style', 'flaky e2e suite is vitest\'s watch mode again, switched the job to run mode', 'team'],
    ['the outside thing first, then "that\'s why"', 'The hosted runner image dropped Python 3.9, that\'s why every pipeline went red. Pinned the old image.', 'team'],
    ['a short denial', 'Not us this time. Try the identity folks.', 'team'],
    ['"nothing on our side" as a fragment', 'Sign-ups failed for an hour in the afternoon because of their captcha widget. Nothing on our side.', 'production'],
    ['the users blamed', 'The accounts that got locked did it to themselves by skipping the verification email for a month.', 'production'],
    ['another team\'s work named with "by"', 'the broken icons were caused by a font bundle upgrade by the web tooling group; pinned the old bundle', 'production'],
    ['a role\'s approval as the reason', 'Checkout stalled for 15 minutes for 600 shoppers. The release manager on duty approved the index rebuild at peak. It finished later.', 'production'],
    ['"not an issue with" our service', 'We checked the reports of missing receipts, and this is not an issue with ledgerbox.', 'production'],
    ['an unknown name\'s outage as the subject', 'Logins were slow for 2,000 users; Authbridge outage, nothing else. Traffic recovered by itself.', 'production'],
  ];
  for (const [name, text, radius] of cases) {
    it(name, () => {
      const r = expectVerdict(text, radius, 'deflecting');
      assert.ok(r.flags.some((f: { kind: ToneFlagKind }) => f.kind === 'deflection' || f.kind === 'blame'));
    });
  }

  it('an agentless defect after "due to" stays under-owned (near miss)', () => {
    expectVerdict('The preview apps were down for an hour due to a broken config value. Rolled it back.', 'team', 'under-owned');
  });
  it('"because" and the writer\'s own act is not an outside cause (near miss)', () => {
    expectVerdict('The preview apps were down for an hour because I deleted their namespace. Recreated it.', 'team', 'right-sized');
  });
  it('a weekday\'s possessive is a time, not another party (near miss)', () => {
    expectVerdict('Staging was down for an hour due to Monday\'s config rollout. It is back.', 'team', 'under-owned');
  });
});

describe('tone check (round fourteen): owned, then the cause moved', () => {
  const cases: [string, string, Radius][] = [
    ['"but" and an unknown name acting', 'Yes, I shipped the thumbnail change, but Pixelgrove returns the wrong sizes, so gallery pages broke for all users for a day. Patched it.', 'production'],
    ['"in fairness" and another party', 'I merged the proxy change and staging went down for an hour. In fairness, nobody had told us that header mattered. Reverted.', 'team'],
    ['"but" and docs that say otherwise', 'I did rename the queue, sorry, but the broker\'s upgrade guide lists renames as safe while consumers run. Renamed it back.', 'team'],
    ['done "exactly as" a guide shows', 'I set up the cache exactly as the vendor guide shows, and that\'s why the team\'s previews went stale for an hour. Flushed it.', 'team'],
    ['"the root cause, though"', 'I rolled out the search tweak and results were empty for 300 users for 20 minutes. The root cause, though, was Indexly dropping our mapping. We restored the mapping and now check mappings after every rollout.', 'production'],
    ['another should have caught it', 'I deployed the worker, sure, but the release captain should have noticed the queue growing; it backed up for two hours. Scaled it back.', 'team'],
    ['the writer\'s work denied', 'PR comment: the red main isn\'t from this PR, it\'s the flaky browser image from last night. Re-ran it.', 'team'],
    ['the writer\'s work called a bystander', 'the sandbox has been down since noon, but that box dies if you breathe on it; my deploy just happened to be the one running', 'team'],
    ['the failure as another team\'s habit', 'Preview builds have failed for the designers since 9:00; that\'s what happens when the platform folks bump the base image on a Monday.', 'team'],
    ['the users told to be careful', 'After our update, the new rate limit only bites people who mash the refresh button; please be more careful. It resets in a minute.', 'production'],
  ];
  for (const [name, text, radius] of cases) it(name, () => expectVerdict(text, radius, 'deflecting', 'deflection'));

  it('"but" and the writer again is not a moved cause (near miss)', () => {
    expectVerdict('I renamed the queue, but I forgot the consumers still used the old name, so the team\'s jobs stalled for an hour. Renamed it back.', 'team', 'right-sized');
  });
  it('"my change is what broke it" owns the failure (near miss)', () => {
    expectVerdict('Sorry, my retry tweak is what broke the team\'s import job this morning. Reverted it.', 'team', 'right-sized');
  });
});

describe('tone check (round fourteen): parts a right-sized message shows in new grammar', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['ownership as my work after a comma, in a fragment', 'the shared demo env was down for half an hour, my terraform apply. restored the old subnet', 'team', 'ownership'],
    ['ownership as "was my …"', 'sorry all, the broken docs build was my plugin update. rolled the plugin back', 'team', 'ownership'],
    ['ownership in Spanish', 'fue mi culpa, borre the shared fixtures bucket. restored it from the nightly copy', 'team', 'ownership'],
    ['ownership as my work doing harm', 'about the flaky suite: my fixture was leaking a socket. patched and merged', 'team', 'ownership'],
    ['repair as a state of the new thing', 'Sorry, I let the staging TLS cert expire and the team lost the preview links for an hour. The new cert is in place.', 'team', 'repair'],
    ['repair as "fix is merged"', 'yep, my refactor broke the docs build for everyone. sorry, fix is merged', 'team', 'repair'],
    ['prevention as "now opens a ticket"', 'We let the Mapstone token lapse and store maps were blank for all visitors for two hours. Sorry. We issued a new token, and token expiry now opens a ticket a month ahead.', 'production', 'prevention'],
    ['prevention as "is in the pipeline now"', 'sorry, my purge config left product images stale for all shoppers for 2h. purged by hand, the purge step is in the deploy pipeline now.', 'production', 'prevention'],
    ['impact as how many times the reader got it', 'Dear Ms. Ito, we sent your weekly digest three times on Monday because of a retry bug I wrote. Sorry. We removed the copies, and digests now carry an idempotency key.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of right) it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));

  it('a repair asked of someone else is not a repair (near miss)', () => {
    const r = expectVerdict('My feature flag broke the team\'s preview builds. Could someone flip it back?', 'team', 'under-owned');
    assert.equal(has(r, 'repair'), false);
  });
  it('a repair put off is not a repair (near miss)', () => {
    expectVerdict('My chart bump broke staging for the data team. Will revert after lunch.', 'team', 'under-owned');
  });
});

describe('tone check (round fourteen): too little in new shapes', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['the failure called routine', 'i broke the nightly build, but nightlies fail all the time anyway. re-ran it', 'team', 'minimizing'],
    ['nobody cares', 'my bad on the staging outage, reverted. it was 10 min on a Sunday, nobody cares', 'team', 'minimizing'],
    ['most users are said not to mind', 'Our deploy broke push notices for 300 users for an hour; most users mute them anyway. Rolled back and added a canary.', 'production', 'minimizing'],
    ['"human mistake"', 'Human mistake on our side: I deleted the shared demo tenant and the team lost it for an hour. Restored it from the snapshot.', 'team', 'human-error'],
    ['regret to whoever might have been hit', 'Apologies to whoever might have been paged: my test alert fired all night. I removed it.', 'team', 'non-apology'],
    ['a thing that went missing with no doer', 'a few of my stashes went missing during the rebase', 'local', 'non-apology'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'under-owned', kind));

  it('a routine word at the local radius is no play-down (near miss)', () => {
    expectVerdict('my local build broke, but it fails all the time anyway. rebuilt it', 'local', 'right-sized');
  });
  it('a thing that went missing because the writer deleted it is owned (near miss)', () => {
    expectVerdict('I deleted my stash, so my notes went missing. Recovered them from the reflog.', 'local', 'right-sized');
  });
});

describe('tone check (round fourteen): too much in new shapes', () => {
  const cases: [string, string, Radius, ToneFlagKind][] = [
    ['a foreign apology said twice', 'Verzeihung, Verzeihung, my Makefile typo turned the team build red. Fixed it.', 'team', 'over-apology'],
    ['a Spanish apology intensified', 'lo siento tantisimo, the beta I shipped crashed for all testers for an hour. pulled it', 'team', 'over-apology'],
    ['a German apology with a doubled word of degree', 'Es tut mir schrecklich, schrecklich leid, my seed script wiped the team\'s demo accounts. Restored them from the backup.', 'team', 'over-apology'],
    ['"we are mortified"', 'We are mortified. Our export job ran twice and sent 400 customers duplicate invoices on Monday. We voided the copies, and exports now refuse a second run per day.', 'production', 'over-apology'],
    ['unfit for a permission', 'i clearly shouldn\'t have deploy rights, i took down the shared sandbox. rolled it back', 'team', 'self-deprecation'],
    ['"to save my life"', 'my branch is red again because I cannot spell a column name to save my life. fixed', 'local', 'self-deprecation'],
    ['the writer as an outage', 'I am a one-person outage; my seed script wiped the team\'s demo accounts. Restored them from the backup.', 'team', 'self-deprecation'],
  ];
  for (const [name, text, radius, kind] of cases) it(name, () => expectVerdict(text, radius, 'over-apologetic', kind));

  it('one plain foreign apology stays right-sized (near miss)', () => {
    expectVerdict('Verzeihung, my Makefile typo turned the team build red. Fixed it.', 'team', 'right-sized');
  });
});
