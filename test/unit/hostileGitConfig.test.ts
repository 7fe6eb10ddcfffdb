import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('git config that points at special files, and skewed dates', function () {
  this.timeout(120_000);
  let built: { path: string; dispose(): void };
  let repo: TempRepo;
  let culprit: string;

  before(async () => {
    built = await buildCli();
  });
  after(() => built.dispose());

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add config', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), 'lib/config.js': 'function parse(t) {\n  return t;\n}\nmodule.exports = { parse };\n' });
    culprit = repo.commit('Trim config', { 'lib/config.js': 'function parse(t) {\n  return t.trim();\n}\nmodule.exports = { parse };\n' });
    repo.revert(culprit);
  });
  afterEach(() => repo.dispose());

  function run(args: string[]): Run {
    const r = spawnSync(process.execPath, [built.path, ...args], { cwd: repo.path, encoding: 'utf8', env: repo.env(), timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  for (const [key, value] of [
    ['mailmap.file', '/dev/zero'],
    ['diff.orderFile', '/dev/zero'],
    ['core.attributesFile', '/dev/zero'],
    ['mailmap.file', '/nonexistent/mailmap'],
    ['diff.orderFile', '/nonexistent/order'],
  ]) {
    it(`${key}=${value}: scan, metrics and scaffold test finish normally`, () => {
      repo.git('config', key, value);
      const scan = run(['scan', '--json']);
      assert.equal(scan.status, 0, scan.stderr);
      assert.equal(scan.stdout.trim().split('\n').length, 1, 'one revert, one JSON line');
      const metrics = run(['metrics', '--json']);
      assert.equal(metrics.status, 0, metrics.stderr);
      const scaffold = run(['scaffold', 'test', culprit, '--print']);
      assert.equal(scaffold.status, 0, scaffold.stderr);
    });
  }

  it('one commit with an old committer date on HEAD does not hide the history before it', () => {
    const recent = repo.commit('Recent work', { 'a.txt': '1' }, undefined, new Date('2026-09-15T10:00:00Z'));
    const undo = repo.commit(`Revert "Recent work"\n\nThis reverts commit ${recent}.`, { 'a.txt': '' }, undefined, new Date('2026-09-16T10:00:00Z'));
    repo.commit('Old-dated commit', { 'b.txt': '1' }, undefined, new Date('2001-01-01T00:00:00Z'));
    const scan = run(['scan', '--json', '--since', '2026-09-01']);
    assert.equal(scan.status, 0, scan.stderr);
    assert.ok(scan.stdout.includes(undo), scan.stdout);
  });
});
