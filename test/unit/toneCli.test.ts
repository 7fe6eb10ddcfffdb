import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTone, TONE_COMPONENTS, TONE_VERDICT_LINES, TONE_VERDICTS, type ToneResult } from '../../src/core/teamUpdate/toneCheck';
import { useBuiltCli, type CliRun } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';
import { readToneCorpus } from '../helpers/toneCorpus';
import { toneFor } from '../../src/webviews/incident/viewState';

describe('own-it tone (CLI)', function () {
  this.timeout(60000);
  const cli = useBuiltCli();
  let repo: TempRepo;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' }, { name: 'Bob Okafor', email: 'bob@example.com' });
    repo.commit('second', { 'src/b.ts': 'export {};\n' }, { name: 'Alice Martin', email: 'alice@example.com' });
  });
  afterEach(() => repo.dispose());

  function run(args: string[], stdin?: string): CliRun {
    return cli.run(repo, ['tone', ...args], stdin);
  }

  it('prints the verdict, the parts and one rewrite per finding, and exits 0 for an under-owned message', () => {
    const r = run(['-'], 'Mistakes were made during the deployment and the login page was unavailable. The situation has been resolved.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Tone: under-owned \(team\)/);
    // The panel shows the same line under its badge (TONE_VERDICT_LINES, one wording for both).
    assert.equal(r.stdout.split('\n')[0], `Tone: under-owned (team) — ${TONE_VERDICT_LINES['under-owned']}`);
    assert.match(r.stdout, /✗ ownership \(needed\)/);
    assert.match(r.stdout, /✓ repair \(needed\) {2}"The situation has been resolved\."/);
    assert.match(r.stdout, /try: "Mistakes were made" → "I made a mistake"/);
  });

  it('--json prints one object with verdict, components and flags, equal to the core check', () => {
    const file = path.join(repo.path, 'update.md');
    const text = 'I broke login for 15 minutes with my deploy. Rolled back.';
    fs.writeFileSync(file, text);
    const r = run([file, '--json', '--radius', 'production']);
    assert.equal(r.status, 0, r.stderr);
    const parsed = JSON.parse(r.stdout) as ToneResult;
    assert.equal(parsed.verdict, 'under-owned');
    assert.deepEqual(parsed.components.map((c) => c.name), [...TONE_COMPONENTS]);
    assert.deepEqual(parsed.flags.map((f) => f.component), ['prevention']);
    assert.deepEqual(parsed, checkTone(text, { radius: 'production', people: ['Alice Martin', 'Bob Okafor'] }));
  });

  it('--culprit: owning the change is asked only of its author, as in the panel; an unknown commit is a clear error', () => {
    repo.git('config', 'user.name', 'Alice Martin');
    repo.git('config', 'user.email', 'alice@example.com');
    const bobs = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    const alices = repo.head();
    // Reporting a change with impact, one apology, the repair and a safeguard, in nobody's name.
    const text = 'A change to the request interceptor broke uploads for about 20 minutes. Sorry. I reverted it at 14:22 and added a test that uploads a file through the interceptor, so this cannot ship again.';
    const people = ['Alice Martin', 'Bob Okafor'];
    const theirs = run(['-', '--json', '--culprit', bobs.slice(0, 10)], text);
    assert.equal(theirs.status, 0, theirs.stderr);
    assert.deepEqual(JSON.parse(theirs.stdout), checkTone(text, { radius: 'team', people, ownsTheChange: false }));
    assert.equal((JSON.parse(theirs.stdout) as ToneResult).verdict, 'right-sized');
    for (const args of [['--culprit', alices], []]) {
      const mine = JSON.parse(run(['-', '--json', ...args], text).stdout) as ToneResult;
      assert.equal(mine.verdict, 'under-owned', args.join(' '));
      assert.equal(mine.components.find((c) => c.name === 'ownership')?.required, true);
    }
    const unknown = run(['-', '--culprit', 'no-such-commit'], text);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^own-it tone: --culprit: .*no-such-commit/);
    assert.equal(unknown.stdout, '');
  });

  it("names the repository's own authors by their whole name, from git log", () => {
    const r = run(['-', '--json'], 'Bob Okafor approved it without reading the diff. I reverted it.');
    const parsed = JSON.parse(r.stdout) as ToneResult;
    assert.equal(parsed.verdict, 'deflecting');
    assert.deepEqual(parsed.flags.filter((f) => f.kind === 'naming-people').map((f) => f.excerpt), ['Bob Okafor']);
  });

  it('gives the same verdict as the core check (and so the panel) on a sample of the corpus', function () {
    this.timeout(180000);
    const { messages } = readToneCorpus();
    // A sample across the file (one process each); the corpus test covers every message in core.
    for (const m of messages.filter((_, i) => i % 24 === 0)) {
      const r = run(['-', '--json', '--radius', m.radius], m.text);
      const parsed = JSON.parse(r.stdout) as ToneResult;
      assert.ok(TONE_VERDICTS.includes(parsed.verdict));
      assert.equal(parsed.verdict, checkTone(m.text, { radius: m.radius, people: ['Alice Martin', 'Bob Okafor'] }).verdict, m.text);
    }
  });

  it("gives the same result as the panel's check (toneFor, which the panel host answers checkTone requests with) on the blind sets", function () {
    this.timeout(300000);
    const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'tone');
    const sets = ['blind-dev.txt', 'blind-test.txt'].map((f) => readToneCorpus(path.join(fixtures, f)));
    const authors = sets[0].authors;
    // The repository's authors are the blind sets' people, so the CLI finds them in git log.
    authors.forEach((name, i) => repo.commit(`work ${i}`, { [`src/w${i}.ts`]: 'export {};\n' }, { name, email: `p${i}@example.com` }));
    const messages = sets.flatMap((s) => s.messages).filter((_, i) => i % 4 === 0);
    const verdicts = new Set<string>();
    for (const m of messages) {
      const r = run(['-', '--json', '--radius', m.radius], m.text);
      assert.equal(r.status, 0, r.stderr);
      const cli = JSON.parse(r.stdout) as ToneResult;
      const panel = toneFor(m.text, { blast: { radius: m.radius, reason: '', remoteBranches: [] }, authors: [...authors, 'Bob Okafor', 'Alice Martin'] });
      assert.deepEqual(cli, JSON.parse(JSON.stringify(panel)), m.text);
      verdicts.add(cli.verdict);
    }
    assert.deepEqual([...verdicts].sort(), [...TONE_VERDICTS].sort(), 'the sample has every verdict');
  });

  it('explains bad input and exits non-zero without a check', () => {
    const missing = run([path.join(repo.path, 'nope.md')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read .*nope\.md: no such file/);
    const radius = run(['-', '--radius', 'galaxy'], 'x');
    assert.equal(radius.status, 2);
    assert.match(radius.stderr, /--radius" needs local, team or production, got "galaxy"/);
    const empty = run(['-'], '   \n');
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /the message is empty/);
    const folder = run([repo.path]);
    assert.equal(folder.status, 1);
    assert.match(folder.stderr, /not a file/);
  });

  it('works outside a repository (no author names) and never echoes control characters', () => {
    const r = spawnSync(process.execPath, [cli.path, 'tone', '-'], { cwd: path.dirname(repo.path), input: 'Sorry \u001b[31mall\u001b[0m, sorry again. I broke main; reverted.', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Tone: over-apologetic/);
    assert.doesNotMatch(r.stdout, /\u001b/);
  });
});
