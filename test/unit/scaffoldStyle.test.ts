import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { planTestScaffold } from '../../src/core/scaffold';
import { TempRepo } from '../helpers/tempRepo';

const SOURCE = { 'lib/fee.js': 'function fee(x) {\n  return x;\n}\nmodule.exports = { fee };\n' };
const CHANGED = { 'lib/fee.js': 'function fee(x) {\n  return x * 2;\n}\nmodule.exports = { fee };\n' };

describe('scaffold follows the repository’s style (real git, real formatters)', function () {
  this.timeout(60_000);
  const repos: TempRepo[] = [];
  const make = (): TempRepo => {
    const r = TempRepo.create();
    repos.push(r);
    return r;
  };
  after(() => repos.forEach((r) => r.dispose()));

  it('no formatter installed: Prettier config without semicolons and with double quotes is followed', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), '.prettierrc': '{ "semi": false }\n', ...SOURCE });
    const plan = await planTestScaffold(repo.path, repo.commit('Double fee', CHANGED));
    assert.equal(plan.styledBy, 'repo config');
    const code = plan.content.split('\n').filter((l) => l.trim() && !l.startsWith('//'));
    assert.deepEqual(code.filter((l) => /;\s*$/.test(l)), [], 'no statement ends with a semicolon');
    assert.match(plan.content, /require\("\.\.\/lib\/fee\.js"\)/);
    assert.match(plan.content.split('\n')[plan.cursor.line], /throw new Error\("OWN-IT-PLACEHOLDER/);
  });

  it('xo means tabs; .editorconfig indent_style = tab is read when nothing else says', async () => {
    const xo = make();
    xo.commit('init', { 'package.json': JSON.stringify({ devDependencies: { ava: '6', xo: '0.58' } }), ...SOURCE });
    const a = await planTestScaffold(xo.path, xo.commit('Double fee', CHANGED));
    assert.match(a.content, /^\tvoid fee;/m);
    const ec = make();
    ec.commit('init', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), '.editorconfig': 'root = true\n\n[*]\nindent_style = tab\n', ...SOURCE });
    const b = await planTestScaffold(ec.path, ec.commit('Double fee', CHANGED));
    assert.match(b.content, /^\t\tvoid fee;/m);
    assert.match(b.content, /;$/m, 'semicolons stay');
  });

  it('Python: Black formats the file when the project configures it and Black is installed', async function () {
    if (spawnSync('sh', ['-c', 'command -v black']).status !== 0) this.skip();
    const repo = make();
    repo.commit('init', { 'pyproject.toml': '[tool.black]\nline-length = 88\n', 'pkg/__init__.py': '', 'pkg/calc.py': 'def add(a, b):\n    return a + b\n', 'tests/test_x.py': 'def test_x():\n    pass\n' });
    const plan = await planTestScaffold(repo.path, repo.commit('A much longer commit subject so the placeholder line is far over the limit', { 'pkg/calc.py': 'def add(a, b):\n    return b + a\n' }));
    assert.equal(plan.styledBy, 'black');
    const check = spawnSync('black', ['--check', '-q', '-'], { input: plan.content, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.match(plan.content.split('\n')[plan.cursor.line], /OWN-IT-PLACEHOLDER/);
  });

  it('Go: gofmt shapes the file when it is installed', async function () {
    if (spawnSync('sh', ['-c', 'command -v gofmt']).status !== 0) this.skip();
    const repo = make();
    repo.commit('init', { 'go.mod': 'module example.com/m\n', 'a/a.go': 'package a\n\nfunc F() int {\n\treturn 1\n}\n' });
    const plan = await planTestScaffold(repo.path, repo.commit('Change F', { 'a/a.go': 'package a\n\nfunc F() int {\n\treturn 2\n}\n' }));
    assert.equal(plan.styledBy, 'gofmt');
    const r = spawnSync('gofmt', ['-l'], { input: plan.content, encoding: 'utf8' });
    assert.equal(r.stdout, '');
  });
});
