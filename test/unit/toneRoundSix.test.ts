import * as assert from 'node:assert/strict';
import { verdictExpecter } from '../helpers/toneExpect';
import { useBuiltCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';
import { checkTone, type ToneComponentName, type ToneFlagKind, type ToneResult } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository (the reader knows them as people). */
const PEOPLE = ['Nadia Keller', 'Oskar Lund', 'Ren Ito'];
const expectVerdict = verdictExpecter(PEOPLE);
const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present;

/** Round six (#18): the agent of the failure, read once from the sentence's structure. */
describe('tone check (round six): another agent of the failure is blame', () => {
  const deflecting: [string, string, Radius, ToneFlagKind][] = [
    ['a role as the subject of any act', 'The contractor configured the firewall backwards, which is why the staging VPN dropped everyone.', 'team', 'deflection'],
    ['a tool after "by" in a passive', 'The release notes were mangled by the changelog bot. Rewrote them by hand.', 'local', 'deflection'],
    ["a person's work as the owner of what failed", "Search was down for an hour because Oskar's index job locked the shards. Restarted it.", 'production', 'naming-people'],
    ["a person's work after the failure", 'Exports were empty all week thanks to Ren Ito\'s cleanup script. Re-ran the export.', 'team', 'naming-people'],
    ['a person as the doer of a relative clause', 'The nightly build keeps failing on the fixture Nadia Keller renamed last week.', 'local', 'naming-people'],
    ['a team through "from" after "by"', 'The 502s were caused by a bad rollout from the gateway squad. Rolled back.', 'team', 'deflection'],
    ["a vendor's thing as the owner", "The registry's mirror served a corrupted tarball, so every build failed. Cleared the cache.", 'team', 'deflection'],
    ['a product named in camel case', 'PyCharm rewrote my run configuration and the tests broke.', 'local', 'deflection'],
    ['a document as the subject of a negated act', 'The onboarding runbook never mentioned the second migration step, so the import broke for new tenants. Patched it.', 'team', 'deflection'],
    ['a question after the doer', 'Who switched off the backup job? The restore test failed this morning.', 'team', 'blame'],
    ['a question about whose idea it was', 'Whose idea was it to rotate every key at once? Nothing could log in.', 'production', 'blame'],
    ['"whoever" with an act', 'Great work, whoever disabled the rate limiter. The API fell over at noon.', 'team', 'blame'],
    ['an embedded question after the doer', 'No idea who approved the schema change, but the import is down.', 'team', 'blame'],
    ['a team rolling something out in a relative clause', 'Search returned nothing for an hour; the analyzer update the data team rolled out changed tokenizing. Rolled back.', 'production', 'deflection'],
    ['a doer after "because" with the writer only hit', "I couldn't deploy all morning because the release manager froze the branch without telling anyone.", 'team', 'deflection'],
    ['a denial tied to the writer\'s work', 'The checkout errors are not related to my release; I only changed copy.', 'team', 'deflection'],
  ];
  for (const [name, text, radius, kind] of deflecting) it(name, () => expectVerdict(text, radius, 'deflecting', kind));
});

describe('tone check (round six): the writer as the agent owns it', () => {
  it('"our team\'s X" is the writer\'s side', () => {
    const r = expectVerdict("Our team's schema change broke the reporting job for the data team. Sorry. We reverted it.", 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('"the X I <verb>" owns what the X did, a repair verb included', () => {
    const r = expectVerdict('The retry queue I switched on resent every webhook twice. I switched it off again.', 'team', 'right-sized');
    assert.ok(has(r, 'ownership'));
  });
  it('"because of me" owns it', () => {
    assert.ok(has(expectVerdict('Because of me the nightly report was empty. I re-ran it.', 'team', 'right-sized'), 'ownership'));
  });
  it('with the writer found as the agent, an agentless wording in the same sentence is not a non-apology', () => {
    expectVerdict('The allowlist we merged also blocked real traffic, so two bugs slipped into production unnoticed. Both are fixed and reverted.', 'team', 'right-sized');
  });
  it('a hedged "my X" is not ownership', () => {
    const r = checkTone('If my branch cleanup removed anything of yours, that may be from my script, sorry. Restored all branches.', { radius: 'team', people: PEOPLE });
    assert.notEqual(r.verdict, 'right-sized');
  });
});

describe('tone check (round six): a named person who is not the agent', () => {
  it('spoken to at the start, after an apology, or in a list of names', () => {
    expectVerdict('Nadia, heads up: I deleted the staging bucket policy while testing; restored it.', 'team', 'right-sized');
    expectVerdict('Sorry @oskar, I broke your preview deploy with my env change. Reverted.', 'team', 'right-sized');
    expectVerdict('Apologies, Nadia and Oskar: the feature flag I toggled broke your demo. Toggled it back.', 'team', 'right-sized');
  });
  it("hit by the writer's act", () => {
    expectVerdict("My force-push this morning overwrote Ren Ito's commits on the shared branch. I restored them from the reflog.", 'team', 'right-sized');
  });
  it('only reporting it, or helping', () => {
    expectVerdict('I cut the cache TTL to zero and every page got slow until Oskar Lund asked why his tests took an hour. Set it back.', 'team', 'right-sized');
    expectVerdict('I pushed a broken lockfile; Ren helped me find it and I reverted.', 'team', 'right-sized');
  });
  it("the owner of a thing that suffered, or the maker of a thing that helped", () => {
    expectVerdict("Nadia's dashboard went blank because I renamed the metric it reads. Renamed it back.", 'team', 'right-sized');
    expectVerdict('I pushed a bug to main, and the tests Oskar wrote caught it before the release. Fixed it.', 'team', 'right-sized');
  });
  it('thanked for catching it ("thanks to X for")', () => {
    expectVerdict('Thanks to Nadia Keller for spotting it: I had dropped the index on the orders table. Re-created it.', 'team', 'right-sized');
  });
  it('near miss: a person with a verb of their own after "but" is still blamed', () => {
    expectVerdict('I merged it, but Oskar wrote it and should have run the tests.', 'team', 'deflecting', 'naming-people');
  });
});

describe('tone check (round six): shapes that name no other agent', () => {
  it('"X\'s <state>" at the start means "X is"', () => {
    expectVerdict("Pipeline's green again. I broke it with a bad cache key and reverted.", 'team', 'right-sized');
  });
  it('a vendor outage next to the writer\'s own part, conceded after "but"', () => {
    expectVerdict('The DNS provider had an outage, which was not ours, but our health check, which I wrote, kept every pod out of rotation for 30 minutes for all users. Sorry. I fixed the check and it now falls back to the last good answer.', 'production', 'right-sized');
  });
  it('a vendor named by "by" next to ownership elsewhere is context', () => {
    expectVerdict('I shipped the upload change without a timeout, so uploads hung when they were throttled by the storage vendor. Reverted it.', 'team', 'right-sized');
  });
});

describe('own-it tone (round six, CLI): the reader gives the CLI the same verdict as the core', function () {
  this.timeout(60000);
  const cli = useBuiltCli();
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' }, { name: 'Oskar Lund', email: 'oskar@example.com' });
  });
  afterEach(() => repo.dispose());

  it("flags a repository author named as the owner of what failed, and not one spoken to", () => {
    const blame = "Search was down for an hour because Oskar Lund's index job locked the shards. Restarted it.";
    const r = cli.run(repo, ['tone', '-', '--json', '--radius', 'production'], blame);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as ToneResult;
    assert.equal(out.verdict, 'deflecting');
    assert.equal(out.verdict, checkTone(blame, { radius: 'production', people: ['Oskar Lund'] }).verdict);
    assert.ok(out.flags.some((f) => f.kind === 'naming-people' && f.excerpt === 'Oskar Lund'), r.stdout);
    const spoken = cli.run(repo, ['tone', '-', '--json'], 'Oskar, heads up: I deleted the staging bucket policy while testing; restored it.');
    assert.equal((JSON.parse(spoken.stdout) as ToneResult).verdict, 'right-sized', spoken.stdout);
  });
});
