import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NothingSurvivesError, NothingToTestError, planTestScaffold, UnknownTargetError, writeScaffold } from '../../src/core/scaffold';
import { useBuiltCli } from '../helpers/cli';
import { runCli } from '../helpers/hostileRepo';
import { useTempRepos } from '../helpers/tempRepo';

const MOCHA_PKG = JSON.stringify({ devDependencies: { mocha: '11' } });

describe('scaffold targets today’s tree and never duplicates (real git)', function () {
  this.timeout(60_000);
  const make = useTempRepos();
  const cli = useBuiltCli();

  it('a rerun for the same culprit returns the test written before, through the API and the CLI', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'lib/price.js': 'function total(a) {\n  return a;\n}\nmodule.exports = { total };\n' });
    const sha = repo.commit('Round totals', { 'lib/price.js': 'function total(a) {\n  return Math.round(a);\n}\nmodule.exports = { total };\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.existing, undefined);
    const written = await writeScaffold(repo.path, plan);
    // The author starts writing the test: the header stays, so the rerun still recognises it.
    fs.appendFileSync(path.join(repo.path, written), '// notes\n');
    const again = await planTestScaffold(repo.path, sha);
    assert.equal(again.existing, written);
    assert.equal(await writeScaffold(repo.path, again), written);
    const r = runCli(cli.path, ['scaffold', 'test', sha], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /test\/price\.regression\.test\.js already holds the regression test for total; nothing was written/);
    assert.deepEqual(fs.readdirSync(path.join(repo.path, 'test')), ['price.regression.test.js']);
  });

  it('Go: test function names stay unique in the package when a second culprit touches the same symbol', async () => {
    const repo = make();
    repo.commit('init', { 'go.mod': 'module example.com/m\n\ngo 1.21\n', 'calc/calc.go': 'package calc\n\nfunc Add(a, b int) int {\n\treturn a + b\n}\n' });
    const one = repo.commit('Clamp', { 'calc/calc.go': 'package calc\n\nfunc Add(a, b int) int {\n\treturn a + b + 0\n}\n' });
    const two = repo.commit('Clamp again', { 'calc/calc.go': 'package calc\n\nfunc Add(a, b int) int {\n\treturn b + a\n}\n' });
    const first = await writeScaffold(repo.path, await planTestScaffold(repo.path, one));
    const plan = await planTestScaffold(repo.path, two);
    assert.equal(plan.existing, undefined, 'another culprit is another test');
    const second = await writeScaffold(repo.path, plan);
    assert.notEqual(second, first);
    const names = [first, second].map((f) => /^func (Test\w+)\(/m.exec(fs.readFileSync(path.join(repo.path, f), 'utf8'))?.[1]);
    assert.equal(new Set(names).size, 2, `redeclared: ${names.join(', ')}`);
  });

  it('follows a renamed file and a symbol that moved to another file; the CLI says where it went', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'lib/a.js': 'function parse(t) {\n  return t;\n}\nfunction keep() {}\nmodule.exports = { parse, keep };\n' });
    const sha = repo.commit('Trim in parse', { 'lib/a.js': 'function parse(t) {\n  return t.trim();\n}\nfunction keep() {}\nmodule.exports = { parse, keep };\n' });
    repo.git('mv', 'lib/a.js', 'lib/reader.js');
    repo.commit('Rename a to reader');
    const renamed = await planTestScaffold(repo.path, sha);
    assert.equal(renamed.target.file, 'lib/reader.js');
    assert.equal(renamed.movedFrom, 'lib/a.js');
    assert.match(renamed.content, /require\('\.\.\/lib\/reader\.js'\)/);

    repo.commit('Move parse out', {
      'lib/reader.js': 'function keep() {}\nmodule.exports = { keep };\n',
      'src/text/parse.js': 'function parse(t) {\n  return t.trim();\n}\nmodule.exports = { parse };\n',
    });
    const moved = await planTestScaffold(repo.path, sha);
    assert.equal(moved.target.file, 'src/text/parse.js');
    assert.equal(moved.target.symbol?.name, 'parse');
    const r = runCli(cli.path, ['scaffold', 'test', sha, '--print'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /parse has moved since the culprit: lib\/a\.js → src\/text\/parse\.js/);
  });

  it('when nothing the culprit changed survives, says so and offers the checklist instead of writing code', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'README.md': 'x\n' });
    const sha = repo.commit('Add helper', { 'lib/helper.js': 'function shout(s) {\n  return s.toUpperCase();\n}\nmodule.exports = { shout };\n' });
    repo.revert(sha);
    await assert.rejects(planTestScaffold(repo.path, sha), NothingSurvivesError);
    const r = runCli(cli.path, ['scaffold', 'test', sha], repo);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nothing commit [0-9a-f]{7} changed exists in today's tree any more \(shout in lib\/helper\.js, lib\/helper\.js\)/);
    assert.match(r.stderr, /own-it scaffold checklist [0-9a-f]{7} --item/);
    assert.equal(fs.existsSync(path.join(repo.path, 'test')), false);
  });

  it('--symbol that the culprit did not change, or --file it did not touch, is an error naming what it did change', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'lib/a.js': 'function one() {\n  return 1;\n}\nmodule.exports = { one };\n' });
    const sha = repo.commit('Change one', { 'lib/a.js': 'function one() {\n  return 2;\n}\nmodule.exports = { one };\n' });
    await assert.rejects(planTestScaffold(repo.path, sha, { symbol: 'nosuch' }), UnknownTargetError);
    const r = runCli(cli.path, ['scaffold', 'test', sha, '--symbol', 'nosuch'], repo);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /did not change a symbol named "nosuch"; it changed one/);
    const f = runCli(cli.path, ['scaffold', 'test', sha, '--file', 'lib/none.js'], repo);
    assert.equal(f.status, 1);
    assert.match(f.stderr, /did not change lib\/none\.js; it changed lib\/a\.js/);
    assert.equal(runCli(cli.path, ['scaffold', 'test', sha, '--symbol', 'one', '--print'], repo).status, 0);
  });

  it('never targets declaration files, vendored, generated or build output', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG });
    const sha = repo.commit('Touch many', {
      'types/index.d.ts': 'export declare function big(a: string, b: string, c: string): string;\nexport declare function more(): void;\n',
      'vendor/lib/x.js': 'function vendored() {\n  return 1;\n}\nfunction v2() {}\nfunction v3() {}\n',
      'dist/out.js': 'function built() {\n  return 1;\n}\n',
      'lib/gen.js': '// Code generated by tool. DO NOT EDIT.\nfunction generated() {\n  return 1;\n}\n',
      'lib/real.js': 'function real() {\n  return 1;\n}\nmodule.exports = { real };\n',
    });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.target.file, 'lib/real.js');
    await assert.rejects(planTestScaffold(repo.path, sha, { file: 'types/index.d.ts' }), /not code a test can import/);
  });

  it("given a revert's sha, scaffolds for the commit it reverted and says so", async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'lib/a.js': 'function fee(x) {\n  return x;\n}\nmodule.exports = { fee };\n' });
    const culprit = repo.commit('Double the fee', { 'lib/a.js': 'function fee(x) {\n  return x * 2;\n}\nmodule.exports = { fee };\n' });
    const revert = repo.revert(culprit);
    const plan = await planTestScaffold(repo.path, revert);
    assert.equal(plan.culprit, culprit);
    assert.equal(plan.revert, revert);
    assert.match(plan.content, new RegExp(`Culprit: ${culprit.slice(0, 7)}`));
    const r = runCli(cli.path, ['scaffold', 'test', revert, '--print'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`${revert.slice(0, 7)} is a revert; the test is for the commit it reverted, ${culprit.slice(0, 7)}`));
  });

  it('a culprit that changed only tests says so instead of "no source file"', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': MOCHA_PKG, 'lib/a.js': 'module.exports = {};\n' });
    const sha = repo.commit('Add a test', { 'test/a.test.js': "it('works', () => {});\n" });
    await assert.rejects(planTestScaffold(repo.path, sha), (e: unknown) => e instanceof NothingToTestError && /changed only tests \(test\/a\.test\.js\)/.test(e.message));
  });
});
