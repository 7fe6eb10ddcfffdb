import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { planTestScaffold } from '../../src/core/scaffold';
import { useTempRepos } from '../helpers/tempRepo';

const SOURCE = { 'lib/fee.js': 'function fee(x) {\n  return x;\n}\nmodule.exports = { fee };\n' };
const CHANGED = { 'lib/fee.js': 'function fee(x) {\n  return x * 2;\n}\nmodule.exports = { fee };\n' };

describe('scaffold follows the repository’s style (real git, real formatters)', function () {
  this.timeout(60_000);
  const make = useTempRepos();

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

  it('Python without a formatter run: the placeholder call is split and quoted as Black/Ruff would at the configured line length', async function () {
    if (spawnSync('sh', ['-c', 'command -v black']).status !== 0) this.skip();
    const subject = 'Quote the "name" parameter so a much longer commit subject puts the placeholder far over the limit';
    for (const [config, length] of [['', 88], ['[tool.ruff]\nline-length = 120\n', 120], ['[tool.ruff]\nline-length = 400\n', 400]] as const) {
      const repo = make();
      repo.commit('init', { 'pyproject.toml': `[project]\nname = "pkg"\n${config}`, 'pkg/__init__.py': '', 'pkg/calc.py': 'def add(a, b):\n    return a + b\n', 'tests/test_x.py': 'def test_x():\n    pass\n' });
      const plan = await planTestScaffold(repo.path, repo.commit(subject, { 'pkg/calc.py': 'def add(a, b):\n    return b + a\n' }));
      assert.equal(plan.styledBy, 'as generated', 'no formatter is configured to run');
      const check = spawnSync('black', ['--check', '-q', '-l', String(length), '-'], { input: plan.content, encoding: 'utf8' });
      assert.equal(check.status, 0, `line length ${length}: ${check.stderr}\n${plan.content}`);
      assert.match(plan.content.split('\n')[plan.cursor.line], /OWN-IT-PLACEHOLDER/);
    }
  });

  it('Python: `ruff format` run from tox.ini counts as configured (Black stands in when Ruff is not installed)', async function () {
    if (spawnSync('sh', ['-c', 'command -v black']).status !== 0) this.skip();
    const repo = make();
    repo.commit('init', { 'tox.ini': '[testenv:lint]\ncommands = ruff format --exit-non-zero-on-format .\n', 'pyproject.toml': '[project]\nname = "pkg"\n', 'pkg/__init__.py': '', 'pkg/calc.py': 'def add(a, b):\n    return a + b\n', 'tests/test_x.py': 'def test_x():\n    pass\n' });
    const plan = await planTestScaffold(repo.path, repo.commit('Swap', { 'pkg/calc.py': 'def add(a, b):\n    return b + a\n' }));
    assert.match(plan.styledBy ?? '', /^(ruff format|black)$/);
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
