import * as assert from 'node:assert/strict';
import { useToneCli, verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Petra Novak', 'Ivo Marsh', 'Jonas Falk'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/**
 * Round seven (#18): classes found in the misses of blind5-7, each tested with sentences written
 * for this file (none is a line of a fixture).
 */
describe('tone check (round seven): blame aimed elsewhere', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ["a question about others' diligence", 'Did no one test the rollback script before Friday? Billing was down all evening.', 'production', 'blame'],
    ['"did anyone even …"', 'did anybody even look at the new lint config?? it rewrote half my files', 'local', 'blame'],
    ['asking someone to explain why another team acted', 'Can somebody explain why infra rebooted the cache nodes during peak? Checkout timed out for an hour.', 'production', 'blame'],
    ["another team's habit", 'The integration suite is red again; it happens whenever the data team edits the fixtures.', 'team', 'blame'],
    ['another team that "keeps" doing it', 'Staging broke again because security keeps tightening the firewall rules. Opened it back up.', 'team', 'blame'],
    ["another person's job to look into it", "I rolled back the cron change from this morning. She needs to figure out why it ran twice.", 'team', 'blame'],
    ['a role that should have spotted it', 'I merged the migration, but honestly the reviewer should have spotted the missing index. Reverted.', 'team', 'blame'],
    ['sarcasm: a possessive in scare quotes', 'Thanks to the intern\'s "small cleanup" the invoices are all blank.', 'production', 'blame'],
    ['sarcasm: scare quotes on what someone did', 'Wonderful, the IDE "fixed" my imports for me and now nothing compiles.', 'local', 'blame'],
    ['doing exactly what the runbook says', 'I set the flag exactly as the runbook says, so if checkout is broken now, the runbook is wrong.', 'team', 'deflection'],
    ['told that it was fine', 'I shipped it because the release manager told me the canary numbers were fine and to go ahead.', 'production', 'deflection'],
    ["the writer's part made small", 'Pairing recap: my pair typed the drop command, I just said yes.', 'local', 'deflection'],
    ["the writer's work declared fine and a cleft pointing at a tool", "My code is fine; it's the vendored SDK that's broken. Pinned the old one.", 'team', 'deflection'],
    ['a denial of the writer\'s change in a cleft', "The deploy is green again. For the record, it wasn't my config that broke it, it was the runner image.", 'team', 'deflection'],
    ['"it wasn\'t us"', 'Search was slow all morning. It wasn\'t us; the certificate on the old box expired.', 'production', 'deflection'],
    ['an outside subject after "unfortunately", with a parenthesis', 'Unfortunately the DNS provider (Nimbus) dropped our records and the site was unreachable for 40 minutes. Records are back.', 'production', 'deflection'],
    ["an outside thing's problem as the subject", 'A problem with our payment provider caused failed checkouts from 9:00 to 10:00 for every customer. Payments flow again.', 'production', 'deflection'],
    ['the failure "on" another team', 'The broken login page is on the identity team. We added a workaround.', 'team', 'deflection'],
    ['an upgrade of a tool as the subject, and a hand-off', 'The SDK upgrade broke our build. Waiting for the maintainers to ship a fix.', 'team', 'deflection'],
    ['a spec as the source', 'The wrong tax rates came from the spec finance sent us. We built what was asked.', 'production', 'deflection'],
  ];
  for (const [name, text, radius, kind] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', kind));

  it('owning a part still silences the outside cause', () => {
    expectVerdict('Unfortunately the DNS provider dropped our records and the site was unreachable for 40 minutes for all users. I never set up a secondary DNS; I restored the records, and a secondary provider now answers for us.', 'production', 'right-sized');
  });
});

describe('tone check (round seven): a named person who is not blamed', () => {
  it('a name denied the blame', () => {
    expectVerdict("The outage was ours, not Nimbus Cloud's: I skipped the failover drill. The site was down 20 minutes for all users; we restored from the replica, and the drill now runs weekly.", 'production', 'right-sized');
  });
  it('a name spoken to between commas', () => {
    expectVerdict("I'm sorry, Petra, I dropped your scratch table while cleaning up. Recreated it from the dump.", 'local', 'right-sized');
  });
  it('a share named next to the writer\'s own', () => {
    expectVerdict("We broke staging together: Petra's config push and mine landed in the same minute. Both reverted.", 'team', 'right-sized');
  });
  it('the people the failure cost work', () => {
    expectVerdict('I pushed a broken lockfile to main and it broke every build. Reverted it. Sorry for the broken rebuilds this cost Ivo and Jonas.', 'team', 'right-sized');
  });
  it('a sentence starting with "Not"', () => {
    expectVerdict('I broke my scratch database with a bad seed file. Not merged anywhere; rebuilding it now.', 'local', 'right-sized');
  });
});

describe('tone check (round seven): too much, in other words', () => {
  const over: [string, string, Radius][] = [
    ['a name for oneself', "I'm a total numpty, I pushed the debug flag to main. Reverted.", 'team'],
    ['a name one invites', "Call me the office's worst deployer: I pushed to prod without the migration. Rolled back.", 'team'],
    ['a goldfish memory', 'Memory of a goldfish: forgot to commit the schema file. Committed now.', 'local'],
    ['wondering why one is still employed', 'Honestly I do not know how they still let me near prod. I broke the importer; reverted.', 'team'],
    ['"shouldn\'t be trusted" with an adverb', 'I obviously shouldn\'t be trusted with DNS. I deleted the MX record; restored it.', 'team'],
    ['a drawn-out sorry', 'soooo sorry, my script renamed everyone\'s branches. Renamed them back.', 'team'],
    ['a stacked sorry', 'sry sry, broke the build with a bad import. fixed.', 'team'],
    ['pardons by the thousand', 'A thousand pardons: I broke the staging login with a bad env var. Fixed it.', 'team'],
    ['an apology to each and every reader', 'I apologise to each and every one of you. I broke the nightly export; it is re-running now.', 'team'],
  ];
  for (const [name, text, radius] of over) it(name, () => expectVerdict(text, radius, 'over-apologetic'));
});

describe('tone check (round seven): too little, in other words', () => {
  const under: [string, string, Radius][] = [
    ['a doubted effect on anyone', 'If my force-push confused anyone, sorry. Fixed.', 'local'],
    ['"if anyone noticed" at the end', 'Sorry about the stale dashboard, if anyone noticed. Cleared the cache.', 'local'],
    ['anyone who may have been inconvenienced', 'Sorry to anyone who may have been inconvenienced by my test emails. Turned them off.', 'local'],
    ['sorry for how people felt', "I'm sorry that you were annoyed by the failing builds on my branch.", 'local'],
    ['a wrong thing with a longer noun phrase, no doer', 'A wrong copy of the lockfile was committed to my branch yesterday. Regenerated it.', 'local'],
    ['the outage called a non-event', 'I broke checkout for 15 minutes, a non-event really. Sorry. Reverted, and checkout deploys now run a smoke test first.', 'production'],
    ['a resolution to be careful is not prevention', 'I broke the export for all customers for 2 hours. Reverted it. Going forward I will be more careful.', 'production'],
  ];
  for (const [name, text, radius] of under) it(name, () => expectVerdict(text, radius, 'under-owned'));

  it('a clause adding tests is prevention, not repair', () => {
    const r = expectVerdict('We shipped a bug that double-billed 40 accounts for two days; we have added a billing test.', 'production', 'under-owned');
    assert.equal(has(r, 'repair'), false);
    assert.equal(has(r, 'prevention'), true);
  });
});

describe('tone check (round seven): the parts in more shapes', () => {
  const right: [string, string, Radius, ToneComponentName][] = [
    ['prevention as a standing state', 'I dropped the wrong index and search was down 25 minutes for all users. Recreated it; index changes are now done by a migration that checks the query plan first.', 'production', 'prevention'],
    ['prevention as a standing behaviour', 'I deployed the staging build to prod and uploads failed for all users for 10 minutes. Redeployed the right build, and the deploy tool now prints the target and asks for a typed confirmation.', 'production', 'prevention'],
    ['prevention as a second approver', 'We pushed a pricing rule that halved every price for 30 minutes for all customers. Rolled it back; pricing rules over 10% need a second approver from finance.', 'production', 'prevention'],
    ['prevention as a test that exists now', 'My parser change dropped the last column for all tenants for an hour. Reverted, and the parser has a golden-file test now.', 'production', 'prevention'],
    ['prevention as what future work will do', 'Our maintenance overran by an hour and the dashboard was unavailable for all users. Service is back. Future migrations will be timed on a staging copy first.', 'production', 'prevention'],
    ['prevention as something made impossible', 'I deleted the prod bucket policy and uploads failed for all users for 20 minutes. Restored it; Terraform makes manual policy edits impossible now.', 'production', 'prevention'],
    ['repair as a state again', 'I broke the shared sandbox with a bad seed; it is usable again.', 'team', 'repair'],
    ['repair under way for another subject', 'Yes, I broke the preview builds with my chart change; they are rebuilding from the old chart now.', 'team', 'repair'],
    ['repair as a thing sent', 'We emailed the wrong renewal date to 900 customers, my template bug. A correction went out this morning, and template changes now need a second reviewer.', 'production', 'repair'],
    ['ownership in an aside', 'The queue change (my call) doubled build times for everyone since Monday. Reverted.', 'team', 'ownership'],
    ['ownership through a relative clause after the cause', 'Exports were empty for an hour. That was the result of a cleanup job we had scheduled at the wrong time. Re-ran the exports.', 'team', 'ownership'],
    ['impact as counted records', 'I ran the dedupe script against prod; ~300 records were hit. All restored from the backup, and the script now refuses to run without a --target flag.', 'production', 'impact'],
  ];
  for (const [name, text, radius, part] of right) {
    it(name, () => assert.ok(has(expectVerdict(text, radius, 'right-sized'), part)));
  }
});

describe('own-it tone (round seven, CLI): the same verdict as the core for blame aimed elsewhere', function () {
  this.timeout(60000);
  const cli = useToneCli();

  it('a question about diligence is deflecting in the CLI and the core; a name spoken to is not blamed', () => {
    const blame = 'Did nobody read the migration before approving it? Reporting has been locked for an hour.';
    const { result, stdout } = cli.tone(blame, 'team');
    assert.equal(result.verdict, 'deflecting');
    assert.equal(result.verdict, checkTone(blame, { radius: 'team', people: ['Petra Novak'] }).verdict);
    assert.ok(result.flags.some((f) => f.kind === 'blame'), stdout);
    const spoken = cli.tone("I'm sorry, Petra, I dropped your scratch table. Recreated it from the dump.", 'local');
    assert.equal(spoken.result.verdict, 'right-sized', spoken.stdout);
  });
});
