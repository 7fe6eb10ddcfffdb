import * as assert from 'node:assert/strict';
import { verdictExpecter } from '../helpers/toneExpect';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository the messages come from (the people finder needs them). */
const PEOPLE = ['Priya Raman', 'Jonas Weber', 'Mateo Silva'];
const expectVerdict = verdictExpecter(PEOPLE);

const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/** Round five of the tone rules (#18): the miss classes of the round-four blind set, as general shapes. */
describe('tone check (round five): blame put on another team, a tool or a fix-it request', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ["another team's thing as the subject", "The data team's nightly export locked the orders table, so checkout hung. Restarted it.", 'team', 'deflection'],
    ["another team's change as the cause", "Builds have failed since the infra team's upgrade of the runners. Re-ran mine.", 'team', 'deflection'],
    ['a thing from a team as what broke it', 'The base config from the backend team broke my local proxy.', 'local', 'deflection'],
    ["another team's problem", "The failing contract test is really the mobile team's problem.", 'team', 'blame'],
    ["QA's job", "Honestly that flaky check is QA's job, so I skipped it and the build broke.", 'team', 'blame'],
    ['handing the fix to others', 'The cache layer is dropping writes for every user. Waiting on them.', 'production', 'deflection'],
    ['telling people to ask a team', 'Sync jobs failed overnight for all tenants. No idea, ask ops.', 'production', 'deflection'],
    ['a vendor asked to explain', 'Alerts never fired during the outage. Twilio needs to explain this.', 'production', 'deflection'],
    ['an upstream bug as the cause', 'The staging cluster fell over again. Upstream bug, nothing to do here.', 'team', 'deflection'],
    ['a tool class as the subject', 'The alerting tool dropped our pages, so nobody saw the errors for an hour.', 'production', 'deflection'],
    ['blaming a tool by name', 'Blame Dependabot, it bumped the parser.', 'local', 'deflection'],
    ['nothing changed on my side', 'Nothing had changed on my end, the tests just went red.', 'team', 'deflection'],
    ['nothing I can do', 'The package mirror is broken, so my build is stuck. Nothing I can do.', 'local', 'deflection'],
    ['whoever touched it', 'The snapshot tests were broken by whoever edited the fixtures last week.', 'team', 'deflection'],
    ['not a regression from my work', "It's not a regression from my branch; the suite was flaky already.", 'team', 'deflection'],
    ['docs for a tool not mentioning it', "The docs for the release tool don't mention the dry-run default, so the tags went out.", 'team', 'deflection'],
    ["the cause is our provider's issue", "Slow pages this morning were caused by our hosting provider's storage issues; about 20% of requests timed out. The provider resolved it.", 'production', 'deflection'],
  ];
  for (const [name, text, radius, kind] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', kind));

  it('near misses: the same shapes next to ownership, or with nobody blamed', () => {
    expectVerdict("I pushed the cache change that broke checkout; the platform team's alert flagged it in a minute, and I reverted it.", 'team', 'right-sized');
    expectVerdict('Nothing changed on my side until I merged the schema change, which broke the import. Reverted it.', 'team', 'right-sized');
    expectVerdict('I broke the nightly import with a bad mapping and reverted it. I will ask ops for a staging copy to test against next time.', 'team', 'right-sized');
    expectVerdict('I deleted the feature flag too early and search broke for an hour; I re-created it and the flag cleanup now waits for a week of zero traffic.', 'team', 'right-sized');
  });
});

describe('tone check (round five): ownership and prevention told in other shapes', () => {
  it('a second verb in the same clause owns the failure ("rotated … and forgot …")', () => {
    const r = expectVerdict('I renewed the certificate and forgot the internal load balancer. Renewed that too.', 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('a stated consequence after "so" owns a repair-like verb', () => {
    expectVerdict("I'd removed the shared fixtures while tidying up, so the nightly suite couldn't start. Restored them.", 'team', 'right-sized');
  });
  it('"we, the X team," is still a first-person subject', () => {
    const r = expectVerdict('We, the payments team, shipped a migration with an expired signing key; refunds failed for two hours for all users. Fixed in the next deploy, and the key is now loaded at startup instead of baked in.', 'production', 'right-sized');
    assert.ok(has(r, 'prevention'));
  });
  it('prevention as a state that now holds or a guarantee for every case', () => {
    for (const text of [
      'I sent the reminder email twice to 3,000 users for one hour because my job retried. Stopped the job, and each send now writes to a ledger first.',
      'I sent the reminder email twice to 3,000 users for one hour because my job retried. Stopped the job and added a dedupe table so every message can only go out once.',
      'I sent the reminder email twice to 3,000 users for one hour because my job retried. Stopped the job, and we have now configured a send limit per user.',
      "I sent the reminder email twice to 3,000 users for one hour because my job retried. Stopped the job, and we're adding automatic rollback when the send rate spikes.",
    ]) assert.ok(has(expectVerdict(text, 'production', 'right-sized'), 'prevention'), text);
  });
  it('near miss: a repaired state is not prevention', () => {
    const r = checkTone('I pushed a bad config and the API was down for 20 minutes for all users. It is now restored.', { radius: 'production' });
    assert.equal(has(r, 'prevention'), false);
    assert.equal(r.verdict, 'under-owned');
  });
  it('a hyphenated re- verb is a repair', () => {
    assert.ok(has(expectVerdict('I tagged the wrong commit and the pipeline built it. Deleted the tag and re-pointed it.', 'team', 'right-sized'), 'repair'));
  });
});

describe('tone check (round five): passive and conditional wording with no doer', () => {
  const under: [string, string, Radius][] = [
    ['a wrong thing done, any verb', 'A bad rebase was performed on the shared branch. It has been undone.', 'local'],
    ['a wrong thing with a two-word name', 'An incorrect feature flag value was pushed to staging. Restored.', 'local'],
    ['a passive act marked as a mistake', 'The release branch was reset in error. Restored from the reflog.', 'local'],
    ['"from my" as a place after a participle', 'Some migrations were accidentally removed from my checkout.', 'local'],
    ['an error "was happened"', 'An error was happened in my local cache.', 'local'],
    ['"it is regrettable"', 'The local seed data got wiped, this is regrettable.', 'local'],
    ['a conditional about my own work', 'If my broken rebase slowed down your review, apologies. Fixed now.', 'local'],
    ['the impact played down with a negation', "I broke the preview env for the afternoon, but it isn't really a big deal. Reverted.", 'team'],
  ];
  for (const [name, text, radius] of under) it(name, () => expectVerdict(text, radius, 'under-owned'));

  it('near misses: the active voice owns it', () => {
    expectVerdict('I set a wrong environment variable locally and the tests failed; unset it.', 'local', 'right-sized');
    expectVerdict('I force-pushed my scratch branch by mistake. Restored from the reflog.', 'local', 'right-sized');
    expectVerdict('The broken build came from my merge; I reverted it.', 'team', 'right-sized');
    expectVerdict("I broke the preview env with a bad env file. It isn't a problem anymore: reverted it.", 'team', 'right-sized');
  });
});

describe('tone check (round five): people who are readers or victims, not causes', () => {
  it('a group mention addresses the readers', () => {
    expectVerdict('@here I broke the staging deploy with a bad env file; reverted it.', 'team', 'right-sized');
  });
  it('a person mention next to a failure is still named', () => {
    expectVerdict('@dana broke the staging deploy with a bad env file; reverted it.', 'team', 'deflecting', 'naming-people');
  });
  it('a person whose work my change hit is a victim', () => {
    expectVerdict("My force-push overwrote Priya's commit on the release branch. I restored it from the reflog.", 'team', 'right-sized');
    expectVerdict('Apologies to everyone on the rota, and most of all to Jonas Weber, whose deploy I blocked: my lock script broke the pipeline. I removed the lock.', 'team', 'right-sized');
  });
  it("near miss: the person's own work as the subject is still blame", () => {
    expectVerdict("Priya's commit broke the release branch. I restored it from the reflog.", 'team', 'deflecting', 'naming-people');
    expectVerdict("I noticed Priya's commit broke the release branch. Reverted it.", 'team', 'deflecting', 'naming-people');
    expectVerdict('I found Mateo merged the broken fixture, so the build went red.', 'team', 'deflecting', 'naming-people');
  });
});

describe('tone check (round five): self-deprecation as who the writer is', () => {
  const over: [string, string, Radius][] = [
    ['"apparently incapable"', "Reverted my local change; I'm apparently incapable of writing a date parser.", 'local'],
    ['"should honestly be fired"', 'I should really be fired for this. I deleted my own stash.', 'local'],
    ['"the one who breaks everything"', "It's me, the dev who always breaks everything. Reverted the build change.", 'team'],
    ['"classic me"', 'Broke the lint config again, reverted. Classic me.', 'local'],
  ];
  for (const [name, text, radius] of over) it(name, () => expectVerdict(text, radius, 'over-apologetic', 'self-deprecation'));

  it('near misses: being on call, a fix that covers everything', () => {
    expectVerdict("I'm apparently on call this week: I broke the cron and reverted it.", 'team', 'right-sized');
    expectVerdict('I broke the cron with a bad schedule and reverted it; the new check catches everything like this.', 'team', 'right-sized');
  });
});
