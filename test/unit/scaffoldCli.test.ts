import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('own-it scaffold (CLI)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let culprit: string;

  before(function () {
    // `npm run build` also bundles the extension, which may not build while others work on it; the CLI bundle is what we need.
    const started = Date.now();
    spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    assert.ok(fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= started - 1000, 'npm run build produced dist/cli.js');
  });

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('init', {
      'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }),
      'lib/config.js': 'function parseConfig(t) {\n  return JSON.parse(t);\n}\nmodule.exports = { parseConfig };\n',
    });
    culprit = repo.commit('Trim config', { 'lib/config.js': 'function parseConfig(t) {\n  return JSON.parse(t.trim());\n}\nmodule.exports = { parseConfig };\n' });
    repo.commit('add incident', {
      'docs/incidents/2026-01-05-config.md': `---\nid: INC-20260105-0001\ntitle: Config broke\nstatus: open\nseverity: sev3\ndetected: 2026-01-05T09:00:00Z\nculprits:\n  - ${culprit}\n---\n\n## What happened\n\nStartup crashed.\n`,
    });
  });
  afterEach(() => repo.dispose());

  it('test --print shows path and content and writes nothing; the incident is found from the sha', () => {
    const r = run(['scaffold', 'test', culprit.slice(0, 7), '--print', '--style', 'skipped'], repo.path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# test\/config\.regression\.test\.js — mocha/);
    assert.match(r.stdout, /it\.skip\(/);
    assert.match(r.stdout, /Incident: docs\/incidents\/2026-01-05-config\.md/);
    assert.equal(fs.existsSync(path.join(repo.path, 'test')), false);
  });

  it('test writes the file; a rerun names it and writes nothing; a file of the user’s own gets a numbered sibling', () => {
    const first = run(['scaffold', 'test', culprit, '--repo', repo.path], makeTempDir('cwd-'));
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Created test\/config\.regression\.test\.js/);
    const second = run(['scaffold', 'test', culprit], repo.path);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /test\/config\.regression\.test\.js already holds the regression test for parseConfig; nothing was written/);
    assert.deepEqual(fs.readdirSync(path.join(repo.path, 'test')), ['config.regression.test.js']);
    fs.writeFileSync(path.join(repo.path, 'test/config.regression.test.js'), '// my own file\n');
    const third = run(['scaffold', 'test', culprit], repo.path);
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stdout, /test\/config\.regression\.test\.js exists; created sibling test\/config\.regression-2\.test\.js/);
    assert.equal(fs.readFileSync(path.join(repo.path, 'test/config.regression.test.js'), 'utf8'), '// my own file\n');
  });

  it('checklist adds linked items to docs/checklists/<area>.md (area: the changed files’ common folder) and is idempotent', () => {
    const args = ['scaffold', 'checklist', culprit, '--item', 'Config is validated at startup', '--category', 'config'];
    const r = run(args, repo.path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Created docs\/checklists\/general\.md: 3 item\(s\) added/);
    const text = fs.readFileSync(path.join(repo.path, 'docs/checklists/general.md'), 'utf8');
    assert.match(text, /- \[ \] Config is validated at startup \(\[incident\]\(\.\.\/incidents\/2026-01-05-config\.md\)\)/);
    const again = run(args, repo.path);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already has these items/);
    assert.equal(fs.readFileSync(path.join(repo.path, 'docs/checklists/general.md'), 'utf8'), text);
  });

  it('exit codes: 2 for usage, 3 outside a repository, 1 for an unknown commit', () => {
    assert.equal(run(['scaffold'], repo.path).code, 2);
    assert.equal(run(['scaffold', 'test'], repo.path).code, 2);
    assert.equal(run(['scaffold', 'test', culprit, '--style', 'loud'], repo.path).code, 2);
    assert.equal(run(['scaffold', 'checklist', culprit, '--category', 'vibes'], repo.path).code, 2);
    assert.equal(run(['scaffold', 'checklist', culprit], repo.path).code, 2);
    const badIncident = run(['scaffold', 'checklist', culprit, '--item', 'x', '--incident', 'nope.md'], repo.path);
    assert.equal(badIncident.code, 2);
    assert.match(badIncident.stderr, /--incident nope\.md is not an incident file in docs\/incidents\//);
    assert.equal(run(['scaffold', 'checklist', culprit, '--item', 'x', '--incident', 'docs/incidents/2026-01-05-config.md', '--no-incident'], repo.path).code, 2);
    const outside = run(['scaffold', 'test', 'HEAD'], makeTempDir('nogit-'));
    assert.equal(outside.code, 3);
    assert.match(outside.stderr, /not a git repository/);
    const unknown = run(['scaffold', 'test', 'cafebabe'], repo.path);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown commit: cafebabe/);
  });

  it('a culprit in a language it cannot write tests for (Swift) names the files and points to the checklist, writing nothing; C without a suite does too', () => {
    const swift = repo.commit('Faster parser', { 'src/Parse.swift': 'func parse(_ s: String) -> Int { return s.count }\n' });
    const r = run(['scaffold', 'test', swift], repo.path);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /changed no file Own It can write a test for \(src\/Parse\.swift\); it writes tests for JavaScript, TypeScript, Python, Go, Rust, Java, Ruby, PHP, C# and C\/C\+\+\. A checklist item fits instead: own-it scaffold checklist [0-9a-f]{7} --item/);
    const c = repo.commit('Faster C parser', { 'src/parse.c': 'int parse(const char *s) { return s[0]; }\n' });
    const rc = run(['scaffold', 'test', c], repo.path);
    assert.equal(rc.code, 1, rc.stderr);
    assert.match(rc.stderr, /found no C or C\+\+ test suite for src\/parse\.c .*own-it scaffold checklist [0-9a-f]{7} --item/);
    assert.equal(fs.existsSync(path.join(repo.path, 'test')), false);
  });
});
