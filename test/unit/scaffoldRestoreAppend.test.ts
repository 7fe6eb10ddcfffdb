import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangedError, planRestoreTests, planTestScaffold, writeRestore, writeSpecEdit } from '../../src/core/scaffold';
import { useBuiltCli } from '../helpers/cli';
import { runCli } from '../helpers/hostileRepo';
import { useTempRepos, type TempRepo } from '../helpers/tempRepo';

const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const read = (repo: TempRepo, file: string): string => fs.readFileSync(path.join(repo.path, file), 'utf8');

const NODE_PKG = JSON.stringify({ name: 'm', type: 'commonjs', scripts: { test: 'node --test' } });
const MATH = 'function add(a, b) {\n  return a + b;\n}\nmodule.exports = { add };\n';
const MATH_TEST = (cases: string): string =>
  `const assert = require('node:assert');\nconst { describe, it } = require('node:test');\nconst { add } = require('../lib/math');\n\ndescribe('add', () => {\n  it('adds', () => {\n    assert.equal(add(1, 2), 3);\n  });\n${cases}});\n`;
const STRINGS_CASE = "\n  it('adds strings as numbers', () => {\n    assert.equal(add('1', '2'), 3);\n  });\n";

/** A culprit that changed `add` and added a test for it, its revert, and a later commit that grew the same describe. */
function revertedWithTests(repo: TempRepo): { culprit: string; revert: string } {
  repo.commit('init', { 'package.json': NODE_PKG, 'lib/math.js': MATH, 'test/math.test.js': MATH_TEST('') });
  const culprit = repo.commit('Coerce add arguments', {
    'lib/math.js': MATH.replace('a + b', 'Number(a) + Number(b)'),
    'test/math.test.js': MATH_TEST(STRINGS_CASE),
  });
  const revert = repo.revert(culprit);
  repo.commit('More add tests', { 'test/math.test.js': read(repo, 'test/math.test.js').replace("describe('add', () => {\n", "describe('add', () => {\n  it('adds zero', () => {\n    assert.equal(add(0, 2), 2);\n  });\n\n") });
  return { culprit, revert };
}

// Issue 16, items 2 and 3: the tests a revert removed come back as the regression test, and a
// placeholder goes into the module's existing test file, where a maintainer would add it.
describe('scaffold: restoring the tests a revert removed, and adding to the existing test file (real git)', function () {
  this.timeout(120_000);
  const make = useTempRepos();
  const cli = useBuiltCli();

  it('re-applies the culprit’s test into today’s describe, red until confirmed; node --test runs it; a rerun writes nothing', () => {
    const repo = make();
    const { culprit, revert } = revertedWithTests(repo);
    const r = runCli(cli.path, ['scaffold', 'test', culprit], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^Restored into test/math\\.test\\.js \\(re-applied into today's file\\) the tests ${culprit.slice(0, 7)} wrote: adds strings as numbers, removed by revert ${revert.slice(0, 7)}\\.$`, 'm'));
    assert.match(r.stdout, /preferred regression test/);
    assert.match(r.stdout, /--placeholder writes a placeholder test instead/);
    const text = read(repo, 'test/math.test.js');
    // Today's test stays, the culprit's comes back after it, and the confirming placeholder closes the describe.
    assert.ok(text.indexOf("it('adds zero'") < text.indexOf("it('adds strings as numbers'"), text);
    assert.match(text, /  it\('tests restored from [0-9a-f]{7} are confirmed', \(\) => \{\n    throw new Error\('OWN-IT-PLACEHOLDER: confirm the tests restored from [0-9a-f]{7}, then delete this test'\);\n  \}\);\n\}\);\n$/);
    const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: repo.path, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /# pass 2\n# fail 2/, run.stdout);
    assert.match(run.stdout, /OWN-IT-PLACEHOLDER: confirm the tests restored/);

    const again = runCli(cli.path, ['scaffold', 'test', culprit], repo);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /test\/math\.test\.js already holds the tests restored from [0-9a-f]{7}; nothing was written there\./);
    assert.equal(read(repo, 'test/math.test.js'), text);
  });

  it('given the revert’s sha it restores the same tests; --placeholder adds a placeholder case to the existing describe instead', () => {
    const repo = make();
    const { culprit, revert } = revertedWithTests(repo);
    const printed = runCli(cli.path, ['scaffold', 'test', revert, '--print'], repo);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, /^# would restore into test\/math\.test\.js \(re-applied into today's file\)/m);
    assert.equal(repo.git('status', '--porcelain'), '');

    const r = runCli(cli.path, ['scaffold', 'test', culprit, '--placeholder'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /without --placeholder they are put back instead/);
    assert.match(r.stdout, /^Added a regression case to test\/math\.test\.js \(describe\('add'\)\), line \d+ — node:test/m);
    const text = read(repo, 'test/math.test.js');
    assert.doesNotMatch(text, /adds strings as numbers/);
    assert.match(text, /  \/\/ Own It regression test for add \(lib\/math\.js\)\.\n[\s\S]*  it\('add no longer breaks', \(\) => \{\n    throw new Error\('OWN-IT-PLACEHOLDER: write the regression test for add/);
    assert.ok(!fs.existsSync(path.join(repo.path, 'test/math.regression.test.js')));
    const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: repo.path, encoding: 'utf8' });
    assert.match(run.stdout, /# pass 2\n# fail 1/, run.stdout);

    const again = runCli(cli.path, ['scaffold', 'test', culprit, '--placeholder'], repo);
    assert.match(again.stdout, /test\/math\.test\.js already holds the regression test for add; nothing was written\./);
    assert.equal(read(repo, 'test/math.test.js'), text);
    const newFile = runCli(cli.path, ['scaffold', 'test', culprit, '--placeholder', '--new-file'], repo);
    assert.equal(newFile.status, 0, newFile.stderr);
    assert.match(newFile.stdout, /^Created test\/math\.regression\.test\.js/m);
  });

  it('Python: a test file the revert deleted is recreated where it was (its folder still holds tests); pytest collects it red', async () => {
    const repo = make();
    repo.commit('init', {
      'pyproject.toml': '[project]\nname = "shop"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'shop.py': 'def total(items):\n    return sum(items)\n',
      'tests/test_other.py': 'def test_other():\n    assert True\n',
    });
    const culprit = repo.commit('Round totals', {
      'shop.py': 'def total(items):\n    return round(sum(items), 2)\n',
      'tests/test_shop.py': 'from shop import total\n\n\ndef test_total_rounds():\n    assert total([0.1, 0.2]) == 0.3\n',
    });
    const revert = repo.revert(culprit);
    const plan = await planRestoreTests(repo.path, culprit);
    assert.ok(plan);
    assert.equal(plan.revert, revert);
    assert.deepEqual(plan.files.map((f) => [f.path, f.kind, f.tests]), [['tests/test_shop.py', 'recreate', ['test_total_rounds']]]);
    assert.deepEqual(await writeRestore(repo.path, plan), ['tests/test_shop.py']);
    const text = read(repo, 'tests/test_shop.py');
    assert.match(text, /^from shop import total\n\n\ndef test_total_rounds\(\):\n    assert total\(\[0\.1, 0\.2\]\) == 0\.3\n\n\n# Own It restored tests from [0-9a-f]{7} \(Round totals\)/);
    assert.match(text, /\ndef test_regression_restored_from_[0-9a-f]{7}\(\):\n    raise AssertionError\(\n        "OWN-IT-PLACEHOLDER: confirm the tests restored from [0-9a-f]{7}, then delete this test"\n    \)\n$/);
    // Idempotent: the same plan again finds the file it wrote and writes nothing.
    const again = await planRestoreTests(repo.path, culprit);
    assert.deepEqual(again?.files.map((f) => f.existing), [true]);
    assert.deepEqual(await writeRestore(repo.path, again!), []);
    if (!have('pytest')) return;
    const run = spawnSync('pytest', ['-q', '-p', 'no:cacheprovider', 'tests'], { cwd: repo.path, encoding: 'utf8', env: { ...process.env, PYTHONPATH: repo.path } });
    assert.match(run.stdout, /2 failed, 1 passed/, run.stdout + run.stderr);
    assert.match(run.stdout, /OWN-IT-PLACEHOLDER: confirm the tests restored/);
  });

  it('a test-only culprit (once "changed only tests") is restored; a folder with no tests left is not recreated and says why', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': NODE_PKG, 'lib/math.js': MATH, 'test/math.test.js': MATH_TEST('') });
    const testOnly = repo.commit('Test strings', { 'test/math.test.js': MATH_TEST(STRINGS_CASE) });
    repo.revert(testOnly);
    const r = runCli(cli.path, ['scaffold', 'test', testOnly], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Restored into test\/math\.test\.js/m);

    const lone = repo.commit('Add a lone spec', { 'e2e/lone.test.js': "const { it } = require('node:test');\nit('x', () => {});\n" });
    repo.revert(lone);
    const plan = await planRestoreTests(repo.path, lone);
    assert.deepEqual(plan?.skipped, [{ path: 'e2e/lone.test.js', reason: 'e2e holds no tests any more' }]);
    const cliRun = runCli(cli.path, ['scaffold', 'test', lone], repo);
    assert.match(cliRun.stdout, /^Not restored: e2e\/lone\.test\.js from [0-9a-f]{7} \(e2e holds no tests any more\)\.$/m);
    assert.ok(!fs.existsSync(path.join(repo.path, 'e2e/lone.test.js')));
  });

  it('refuses to write when the test file changed after it was read, for a placeholder case and for restored tests', async () => {
    const repo = make();
    const { culprit } = revertedWithTests(repo);
    const plan = await planTestScaffold(repo.path, culprit);
    assert.ok(plan.append);
    const restore = await planRestoreTests(repo.path, culprit);
    assert.ok(restore);
    const edited = `${read(repo, 'test/math.test.js')}// someone's edit\n`;
    repo.write('test/math.test.js', edited);
    await assert.rejects(writeSpecEdit(repo.path, plan.append), FileChangedError);
    await assert.rejects(writeRestore(repo.path, restore), FileChangedError);
    assert.equal(read(repo, 'test/math.test.js'), edited);
    assert.deepEqual(fs.readdirSync(path.join(repo.path, 'test')), ['math.test.js']);
  });

  it('restored tests that use a name today’s file no longer has are not put back (the file would stop loading)', async () => {
    const repo = make();
    const withFlag = (cases: string): string => MATH_TEST(cases).replace("const { add } = require('../lib/math');\n", "const { add } = require('../lib/math');\nconst strict = true;\n");
    repo.commit('init', { 'package.json': NODE_PKG, 'lib/math.js': MATH, 'test/math.test.js': withFlag('') });
    const culprit = repo.commit('Coerce', { 'lib/math.js': MATH.replace('a + b', 'Number(a) + Number(b)'), 'test/math.test.js': withFlag("\n  it('coerces when strict', () => {\n    assert.equal(strict && add('1', '2'), 3);\n  });\n") });
    repo.revert(culprit);
    repo.commit('Drop the flag', { 'test/math.test.js': MATH_TEST('') });
    const plan = await planRestoreTests(repo.path, culprit);
    assert.deepEqual(plan?.files, []);
    assert.match(plan?.skipped[0]?.reason ?? '', /they use strict, which today’s file no longer defines or imports/);
  });

  it('a helper the culprit added beside its tests comes back with them, verbatim under one comment', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': NODE_PKG, 'lib/math.js': MATH, 'test/math.test.js': MATH_TEST('') });
    const culprit = repo.commit('Add sums', {
      'lib/math.js': `${MATH}module.exports.sum = (xs) => xs.reduce((a, b) => a + b, 0);\n`,
      'test/__tests__/numbers.js': 'module.exports = [1, 2, 3];\n',
      'test/__tests__/sum.test.js': "const assert = require('node:assert');\nconst { it } = require('node:test');\nconst { sum } = require('../../lib/math');\nconst numbers = require('./numbers');\n\nit('sums', () => {\n  assert.equal(sum(numbers), 6);\n});\n",
      'test/__tests__/keep.test.js': "const { it } = require('node:test');\nit('stays', () => {});\n",
    });
    repo.revert(culprit);
    repo.commit('Keep a test in the folder', { 'test/__tests__/keep.test.js': "const { it } = require('node:test');\nit('stays', () => {});\n" });
    const plan = await planRestoreTests(repo.path, culprit);
    assert.deepEqual(plan?.files.map((f) => [f.path, f.kind]).sort(), [['test/__tests__/numbers.js', 'recreate'], ['test/__tests__/sum.test.js', 'recreate']]);
    await writeRestore(repo.path, plan!);
    assert.equal(read(repo, 'test/__tests__/numbers.js'), `// Own It restored tests from ${culprit.slice(0, 7)}: a helper the restored tests use.\nmodule.exports = [1, 2, 3];\n`);
    const run = spawnSync(process.execPath, ['--test', 'test/__tests__/sum.test.js'], { cwd: repo.path, encoding: 'utf8' });
    // `sum` is gone with the revert: the restored test is red for that, the placeholder for its own reason.
    assert.match(run.stdout, /# pass 0\n# fail 2/, run.stdout);
    assert.match(run.stdout, /OWN-IT-PLACEHOLDER: confirm the tests restored/);
  });

  it('a culprit hunk whose surroundings are gone is not guessed into place: the placeholder is offered, with the reason', () => {
    const repo = make();
    const { culprit } = revertedWithTests(repo);
    repo.commit('Rewrite the suite', { 'test/math.test.js': "const { test } = require('node:test');\nconst assert = require('node:assert');\nconst { add } = require('../lib/math');\n\ntest('sums', () => {\n  assert.equal(add(2, 3), 5);\n});\n" });
    const r = runCli(cli.path, ['scaffold', 'test', culprit], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Not restored: test\/math\.test\.js from [0-9a-f]{7} \(the culprit’s changes no longer apply to today’s file \(the code around line \d+ changed\)\)\.$/m);
    assert.match(r.stdout, /^Added a regression case to test\/math\.test\.js \(end of file\)/m);
    assert.match(read(repo, 'test/math.test.js'), /\n\}\);\n\n\/\/ Own It regression test for add \(lib\/math\.js\)\.\n[^\n]*\n[^\n]*\ntest\('add no longer breaks', \(\) => \{\n  throw new Error\('OWN-IT-PLACEHOLDER/);
  });
});

describe('scaffold: a placeholder case in the existing test file, per ecosystem (real git)', function () {
  this.timeout(60_000);
  const make = useTempRepos();

  async function appended(files: Record<string, string>, change: Record<string, string>): Promise<{ path: string; content: string; into: string }> {
    const repo = make();
    repo.commit('init', files);
    const sha = repo.commit('Change it', change);
    const plan = await planTestScaffold(repo.path, sha);
    assert.ok(plan.append, `no append planned; new file ${plan.path}`);
    return plan.append;
  }

  it('pytest: into the class named after the function, one blank line, self, pytest.fail', async () => {
    const a = await appended(
      {
        'pyproject.toml': '[project]\nname = "shop"\n',
        'shop.py': 'def total(items):\n    return sum(items)\n',
        'tests/test_shop.py': 'import pytest\n\nfrom shop import total\n\n\nclass TestTotal:\n    def test_empty(self):\n        assert total([]) == 0\n\n\ndef test_other():\n    assert True\n',
      },
      { 'shop.py': 'def total(items):\n    return sum(items) or 0\n' },
    );
    assert.equal(a.path, 'tests/test_shop.py');
    assert.equal(a.into, 'class TestTotal');
    assert.match(a.content, /        assert total\(\[\]\) == 0\n\n    # Own It regression test for total \(shop\.py\)\.\n[\s\S]*?    def test_regression_total\(self\):\n        pytest\.fail\(\n            'OWN-IT-PLACEHOLDER[^\n]*'\n        \)\n\n\ndef test_other\(\):/);
  });

  it('Go: a TestRegression function at the end of the package’s existing _test.go file', async () => {
    const a = await appended(
      { 'go.mod': 'module example.com/cart\n\ngo 1.19\n', 'cart.go': 'package cart\n\nfunc Total(xs []int) int {\n\treturn 0\n}\n', 'cart_test.go': 'package cart\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {\n\tif Total(nil) != 0 {\n\t\tt.Fatal("x")\n\t}\n}\n' },
      { 'cart.go': 'package cart\n\nfunc Total(xs []int) int {\n\ts := 0\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n' },
    );
    assert.equal(a.path, 'cart_test.go');
    assert.match(a.content, /\n}\n\n\/\/ Own It regression test for Total \(cart\.go\)\.\n[\s\S]*func TestRegressionTotal\(t \*testing\.T\) \{\n\tt\.Fatal\("OWN-IT-PLACEHOLDER[^\n]*"\)\n}\n$/);
  });

  it('JUnit 5: a @Test method before the class’s closing brace, in the class’s indentation', async () => {
    const a = await appended(
      {
        'pom.xml': '<project><dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId></dependency></dependencies></project>\n',
        'src/main/java/com/ex/Cart.java': 'package com.ex;\n\npublic class Cart {\n    public int total() {\n        return 0;\n    }\n}\n',
        'src/test/java/com/ex/CartTest.java': 'package com.ex;\n\nimport org.junit.jupiter.api.Test;\n\nclass CartTest {\n    @Test\n    void empty() {\n    }\n}\n',
      },
      { 'src/main/java/com/ex/Cart.java': 'package com.ex;\n\npublic class Cart {\n    public int total() {\n        return 1;\n    }\n}\n' },
    );
    assert.equal(a.path, 'src/test/java/com/ex/CartTest.java');
    assert.match(a.content, /    void empty\(\) \{\n    }\n\n    \/\/ Own It regression test for [^\n]*\n[\s\S]*    @Test\n    void regressionCartTotal\(\) \{\n        throw new AssertionError\("OWN-IT-PLACEHOLDER[^\n]*"\);\n    }\n}\n$/);
  });

  it('RSpec: an example before the describe’s end; minitest: a test method before the class’s end', async () => {
    const rspec = await appended(
      { Gemfile: "gem 'rspec'\n", 'lib/cart.rb': "class Cart\n  def total\n    0\n  end\nend\n", 'spec/cart_spec.rb': "require_relative '../lib/cart'\n\nRSpec.describe Cart do\n  it 'starts empty' do\n    expect(Cart.new.total).to eq(0)\n  end\nend\n" },
      { 'lib/cart.rb': "class Cart\n  def total\n    1\n  end\nend\n" },
    );
    assert.equal(rspec.path, 'spec/cart_spec.rb');
    assert.match(rspec.content, /  end\n\n  # Own It regression test for [^\n]*\n[\s\S]*  it '[^']* no longer breaks' do\n    raise 'OWN-IT-PLACEHOLDER[^\n]*'\n  end\nend\n$/);
    const mini = await appended(
      { Gemfile: "gem 'minitest'\n", 'lib/cart.rb': "class Cart\n  def total\n    0\n  end\nend\n", 'test/cart_test.rb': "require 'minitest/autorun'\nrequire_relative '../lib/cart'\n\nclass CartTest < Minitest::Test\n  def test_empty\n    assert_equal 0, Cart.new.total\n  end\nend\n" },
      { 'lib/cart.rb': "class Cart\n  def total\n    1\n  end\nend\n" },
    );
    assert.equal(mini.path, 'test/cart_test.rb');
    assert.match(mini.content, /  def test_regression_[a-z_]+\n    flunk 'OWN-IT-PLACEHOLDER[^\n]*'\n  end\nend\n$/);
  });
});
