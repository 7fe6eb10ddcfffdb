import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../src/core/incidents/incidentFile';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { buildCli } from '../helpers/cli';
import { ALICE, BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('own-it incident new (CLI)', function () {
  this.timeout(60000);
  let built: { path: string; dispose(): void };
  let repo: TempRepo;
  let culprit: string;
  let revert: string;

  before(async () => {
    built = await buildCli();
  });
  after(() => built.dispose());

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' });
    culprit = repo.commit('Revert "Revert "fix(checkout): bind handler lazily (#41)""', { 'src/app.ts': 'export const x = 1;\n' }, BOB);
    revert = repo.revert(culprit);
    repo.git('config', 'user.name', ALICE.name);
    repo.git('config', 'user.email', ALICE.email);
  });
  afterEach(() => repo.dispose());

  function run(args: string[], cwd = repo.path): Run {
    const r = spawnSync(process.execPath, [built.path, ...args], { cwd, encoding: 'utf8', env: { ...repo.env(), GIT_DIR: undefined } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('--print shows the file it would write and writes nothing; without it, the same file is written once', () => {
    const printed = run(['incident', 'new', revert, '--print']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(!fs.existsSync(path.join(repo.path, 'docs')), '--print wrote nothing');
    const p = parseIncident(printed.stdout, 'printed');
    assert.equal(p.title, 'fix(checkout): bind handler lazily (#41) reverted');
    assert.deepEqual(p.culprits, [culprit]);
    assert.equal(p.revert, revert);
    assert.deepEqual(p.events.map((e) => e.source), ['git', 'git', 'git']);
    assert.match(printed.stdout, /## Timeline[\s\S]*Bob Example authored [0-9a-f]{7} [\s\S]*_\(git\)_[\s\S]*Incident opened/);
    assert.match(p.sections.teamUpdate, /^\*\*Heads-up: I caught and reverted|^\*\*I reverted the change "fix\(checkout\): bind handler lazily" \(#41\) before it was pushed\*\*/);
    assert.match(printed.stderr, /Culprit [0-9a-f]{7} author: Bob Example <bob@example\.com> — not you/);
    assert.match(printed.stderr, /Default branch: main \(main\)\s+\[a branch named main\]/);

    const written = run(['incident', 'new', revert.slice(0, 10), '--repo', repo.path], makeTempDir('elsewhere-'));
    assert.equal(written.status, 0, written.stderr);
    const rel = written.stdout.trim();
    assert.match(rel, /^docs\/incidents\/\d{4}-\d{2}-\d{2}-fix-checkout-bind-handler-lazily-41-reverted\.md$/);
    const file = parseIncident(fs.readFileSync(path.join(repo.path, rel), 'utf8'), rel);
    assert.deepEqual({ ...file, id: '', detected: '' }, { ...p, id: '', detected: '' }, 'the written file states exactly what --print showed');

    const again = run(['incident', 'new', revert]);
    assert.equal(again.status, 0);
    assert.equal(again.stdout.trim(), rel);
    assert.match(again.stderr, /An incident already tracks this commit/);
    assert.equal(fs.readdirSync(path.join(repo.path, 'docs', 'incidents')).length, 1, 'nothing was written twice');
  });

  it('--json gives the path, the incident, the Markdown and every fact with its source', async () => {
    const r = run(['incident', 'new', revert, '--json', '--title', 'Checkout button does nothing']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { path: string; written: boolean; incident: { title: string }; markdown: string; facts: { label: string; value: string; source: string }[] };
    assert.equal(out.incident.title, 'Checkout button does nothing');
    assert.equal(out.written, true);
    assert.ok(out.facts.every((f) => f.source.length > 0));
    assert.deepEqual(out.facts.map((f) => f.label).slice(0, 2), ['You', 'Default branch']);
    const stored = await new IncidentStore(repo.path).load(out.path);
    assert.equal(stored.raw, out.markdown);
  });

  for (const [style, subject, body, title] of [
    ['GitHub', 'Merge pull request #6605 from bob/fix-retry', 'Stop retrying on 4xx responses', 'Stop retrying on 4xx responses (#6605)'],
    ['GitLab', "Merge branch 'fix-retry' into 'main'", 'Stop retrying on 4xx responses\n\nSee merge request shop/api!42', 'Stop retrying on 4xx responses (!42)'],
  ] as const) {
    it(`names a reverted ${style} merge by its request's title, not the merge boilerplate`, () => {
      repo.gitAs(BOB, 'checkout', '-q', '-b', 'fix-retry');
      repo.commit('Retry only 5xx', { 'src/retry.ts': 'export const retry = (s: number) => s >= 500;\n' }, BOB);
      repo.gitAs(BOB, 'checkout', '-q', 'main');
      repo.gitAs(BOB, 'merge', '-q', '--no-ff', '-m', subject, '-m', body, 'fix-retry');
      const merge = repo.head();
      const undo = repo.revert(merge, ALICE, ['-m', '1']);
      const r = run(['incident', 'new', undo, '--print']);
      assert.equal(r.status, 0, r.stderr);
      const p = parseIncident(r.stdout, 'printed');
      assert.equal(p.title, `${title} reverted`);
      assert.deepEqual(p.culprits, [merge]);
      assert.ok(p.sections.teamUpdate.includes('Stop retrying on 4xx responses'), p.sections.teamUpdate);
      assert.ok(!p.sections.teamUpdate.includes('Merge pull request') && !p.sections.teamUpdate.includes('Merge branch'), p.sections.teamUpdate);
    });
  }

  it('explains bad input: unknown commit, missing commit, not a repository, unsafe folder', () => {
    const unknown = run(['incident', 'new', 'deadbeefdeadbeef', '--print']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /deadbeefdeadbeef/);
    assert.equal(run(['incident', 'new']).status, 2);
    assert.equal(run(['incident', 'new', '--output=x']).status, 2);
    assert.equal(run(['incident', 'frobnicate']).status, 2);
    const notRepo = run(['incident', 'new', revert], makeTempDir('plain-'));
    assert.equal(notRepo.status, 3);
    const unsafe = run(['incident', 'new', revert, '--folder', '../outside']);
    assert.equal(unsafe.status, 2);
    assert.ok(!fs.existsSync(path.join(path.dirname(repo.path), 'outside')));
  });
});
