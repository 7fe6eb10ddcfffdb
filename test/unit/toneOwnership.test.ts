import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkTone, type ToneComponentName, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';
import { useBuiltCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';
import { readToneCorpus } from '../helpers/toneCorpus';

const has = (r: ToneResult, name: ToneComponentName) => r.components.find((c) => c.name === name)?.present ?? false;
const describeFlags = (r: ToneResult) => JSON.stringify(r.flags.map((f) => [f.kind, f.component ?? f.excerpt]));

/** Round three of the tone rules (#18): ownership, repair and prevention as general sentence shapes, not word lists. */
describe('tone check: first-person agency', () => {
  const owned: [string, string][] = [
    ['any regular past verb after "I", next to a failure', 'I misnamed the env var in the deploy, so the worker could not find the queue. Renamed it.'],
    ['an adverb between "I" and the verb', 'I accidentally revoked the shared service token. Made a new one.'],
    ['a "my X" subject with a long noun phrase', 'My change to the login form handler dropped the remember-me cookie. Reverted it.'],
    ['"our X" with an irregular verb', 'Our nightly cron job wrote empty files over the exports. Restored them from the backup.'],
    ['"my X had …" next to an apology', 'Sorry about the noise, my alert rule had the threshold at zero. Raised the threshold.'],
    ['"I was the one who …"', 'I was the one who merged the schema change that broke staging. Rolled it back.'],
    ['"… is mine"', 'That failing release job is mine. Fixed the secret name and re-ran it.'],
    ['"… were down to me"', 'The red builds after lunch were down to me merging without rebasing. Rebased and pushed.'],
    ['a repair verb that caused it, with an omission', 'I rotated the signing key without updating the verifier, so logins failed. Deployed the new key.'],
    ['a perfect verb inside a cause', 'Staging is empty because a reset task I had pointed at the wrong database ran overnight. Restored the snapshot.'],
    ['my work named as the cause', 'The broken docs links come from my folder rename. I have added redirects.'],
  ];
  for (const [why, text] of owned) {
    it(`owns it: ${why}`, () => {
      const r = checkTone(text, { radius: 'team' });
      assert.ok(has(r, 'ownership'), `ownership in "${text}"`);
      assert.equal(r.verdict, 'right-sized', describeFlags(r));
    });
  }

  const notOwned: [string, string, ToneVerdict][] = [
    ['a denial is deflecting', "I didn't break it. Reverted anyway.", 'deflecting'],
    ['"I never touched" is deflecting', 'I never touched that file. Reverted it anyway.', 'deflecting'],
    ['a denied "on me" is deflecting', "That outage wasn't on me. Restarted the service.", 'deflecting'],
    ['a condition owns nothing', 'If I broke anything, sorry. Reverted.', 'under-owned'],
    ['a hedge owns nothing', 'We may have broken the build. Reverted.', 'under-owned'],
    ['a named person is not the writer', 'Bob broke it. I reverted his change.', 'deflecting'],
    ['"our <role>" is not the writer', 'Our contractor pushed a config with the wrong host. Fixed it.', 'deflecting'],
    ['seeing the failure is not causing it', 'We noticed errors after the deploy and rolled it back.', 'under-owned'],
    ['a repair verb alone does not own the failure', 'Staging broke after the deploy. I rolled it back.', 'under-owned'],
    ['"our X broke." tells of a victim', 'Our vendor changed their API and our sync broke. Patched it.', 'deflecting'],
    ['"my X … may have caused" is a form letter', 'Apologies for any inconvenience my experiments may have caused.', 'under-owned'],
    ['the failure must be in the act\'s own clause', 'The CDN cached the wrong page; we purged it.', 'deflecting'],
    ['a role\'s work is not the writer\'s', "The intern's script wiped the test DB. I restored it.", 'deflecting'],
  ];
  for (const [why, text, verdict] of notOwned) {
    it(`does not own it: ${why}`, () => {
      const r = checkTone(text, { radius: 'team', people: ['Bob Okafor'] });
      assert.equal(has(r, 'ownership'), false, `no ownership in "${text}"`);
      assert.equal(r.verdict, verdict, describeFlags(r));
    });
  }

  it('finds repair told as an act after the failure, and prevention told as a plan or a present safeguard', () => {
    const repair = checkTone('I broke the build by renaming the secret. I have pushed the old name back now.', { radius: 'team' });
    assert.ok(has(repair, 'repair'));
    const chat = checkTone('The flaky e2e run was my test leaking state. Isolated it.', { radius: 'team' });
    assert.ok(has(chat, 'repair'));
    const plan = checkTone('My deploy took checkout down for 12 minutes for every customer. Rolled back; we will gate deploys on a canary.', { radius: 'production' });
    assert.deepEqual([plan.verdict, has(plan, 'prevention')], ['right-sized', true]);
    // The fix itself is not a safeguard: "I added the index" repairs, it does not stop a recurrence.
    const fixOnly = checkTone('I deployed a migration without an index and the orders page was slow for every customer for an hour. I added the index.', { radius: 'production' });
    assert.deepEqual([fixOnly.verdict, has(fixOnly, 'prevention')], ['under-owned', false]);
  });

  it('an apology addressed to a person does not name them as the cause', () => {
    const r = checkTone('Sorry for the broken build my commit caused, and sorry in particular to Bob Okafor who had to debug it. Reverted.', { radius: 'team', people: ['Bob Okafor'] });
    assert.equal(r.flags.some((f) => f.kind === 'naming-people'), false, describeFlags(r));
    const greeted = checkTone('Bob, sorry: I broke your branch with my force-push. Restored it from the reflog.', { radius: 'team', people: ['Bob Okafor'] });
    assert.equal(greeted.verdict, 'right-sized', describeFlags(greeted));
    const blamed = checkTone('Bob Okafor broke the build. Reverted.', { radius: 'team', people: ['Bob Okafor'] });
    assert.equal(blamed.verdict, 'deflecting');
  });

  it('a bad commit from another team is deflecting, not only under-owned', () => {
    const r = checkTone('The outage on staging was caused by a bad change from the platform team. Reverted.', { radius: 'team' });
    assert.equal(r.verdict, 'deflecting', describeFlags(r));
  });

  it('on round three\'s own messages (round3-dev.txt): every verdict as labeled', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'tone', 'round3-dev.txt');
    const { authors, messages } = readToneCorpus(file);
    assert.ok(messages.length >= 30);
    const wrong = messages.filter((m) => checkTone(m.text, { radius: m.radius, people: authors }).verdict !== m.verdict).map((m) => `line ${m.line}`);
    assert.deepEqual(wrong, []);
  });
});

describe('own-it tone (CLI): first-person agency', function () {
  this.timeout(60000);
  const cli = useBuiltCli();
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' }, { name: 'Bob Okafor', email: 'bob@example.com' });
  });
  afterEach(() => repo.dispose());

  it('shows ownership found by the agency rule, with its sentence', () => {
    const r = cli.run(repo, ['tone', '-'], 'My change to the ticket form dropped attachments for staging users. Reverted it.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Tone: right-sized \(team\)/);
    assert.match(r.stdout, /✓ ownership \(needed\) {2}"My change to the ticket form dropped attachments for staging users\."/);
  });

  it('a denial, a condition and a named author are not ownership, through --json', () => {
    const cases: [string, ToneVerdict][] = [
      ["I didn't break it, the flaky test did. Re-ran it.", 'deflecting'],
      ['If I broke anything with the deploy, sorry. It should be fine now.', 'under-owned'],
      ['Bob broke staging with his migration. I reverted it.', 'deflecting'],
    ];
    for (const [text, verdict] of cases) {
      const r = cli.run(repo, ['tone', '-', '--json'], text);
      assert.equal(r.status, 0, r.stderr);
      const parsed = JSON.parse(r.stdout) as ToneResult;
      assert.equal(parsed.verdict, verdict, text);
      assert.equal(has(parsed, 'ownership'), false, text);
      assert.deepEqual(parsed, checkTone(text, { radius: 'team', people: ['Bob Okafor'] }));
    }
  });
});
