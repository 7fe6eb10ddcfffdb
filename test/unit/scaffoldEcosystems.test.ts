import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { scaffoldStatus } from '../../src/core/scaffold';
import { parseErrors, scaffoldAndWrite } from '../helpers/scaffoldKit';
import { makeTempDir, useTempRepos } from '../helpers/tempRepo';

const ROOT = path.resolve(__dirname, '../../..');
const MOCHA = path.join(ROOT, 'node_modules/mocha/bin/mocha.js');

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Semantic TypeScript check of the generated test together with the fixture's sources, as a strict repo would compile it. */
function typeCheck(repo: string, file: string): string[] {
  const program = ts.createProgram([path.join(repo, file)], {
    strict: true,
    noUnusedLocals: true,
    noEmit: true,
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    skipLibCheck: true,
    allowJs: true,
    checkJs: true,
    noImplicitAny: !file.endsWith('.js'),
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    types: ['mocha', 'node'],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('scaffold: generated tests are valid for their ecosystem', () => {
  const make = useTempRepos();

  it('mocha (plain JS): the test fails with the placeholder, then passes once written', async () => {
    const repo = make();
    repo.commit('init', {
      'package.json': JSON.stringify({ name: 'cfg', devDependencies: { mocha: '11.0.0' }, scripts: { test: 'mocha' } }),
      'lib/config.js': 'function parseConfig(text) {\n  return JSON.parse(text);\n}\n\nmodule.exports = { parseConfig };\n',
      'test/other.test.js': "it('works', () => {});\n",
      'docs/incidents/2026-01-05-config.md': '---\nid: INC-20260105-0001\ntitle: Config with spaces broke startup\nstatus: open\nseverity: sev3\ndetected: 2026-01-05T09:00:00Z\nculprits: []\n---\n\n## What happened\n\nA config file with leading spaces crashed startup.\n',
    });
    const sha = repo.commit('Trim config text', { 'lib/config.js': 'function parseConfig(text) {\n  return JSON.parse(text.trimEnd());\n}\n\nmodule.exports = { parseConfig };\n' });
    const plan = await scaffoldAndWrite(repo, sha, { incidentPath: 'docs/incidents/2026-01-05-config.md' });
    assert.equal(plan.path, 'test/config.regression.test.js');
    assert.equal(plan.framework.framework, 'mocha');
    assert.match(plan.content, /const \{ parseConfig \} = require\('\.\.\/lib\/config\.js'\);/);
    assert.match(plan.content, /Incident: docs\/incidents\/2026-01-05-config\.md/);
    assert.match(plan.content, new RegExp(`Culprit: ${sha.slice(0, 7)} Trim config text`));
    assert.match(plan.content, /Reproduce: A config file with leading spaces crashed startup\./);
    assert.deepEqual(typeCheck(repo.path, plan.path), []);

    const red = spawnSync(process.execPath, [MOCHA, plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.notEqual(red.status, 0);
    assert.match(red.stdout + red.stderr, /OWN-IT-PLACEHOLDER: write the regression test for parseConfig \(incident docs\/incidents\/2026-01-05-config\.md\)/);

    const file = path.join(repo.path, plan.path);
    const written = fs.readFileSync(file, 'utf8').split('\n');
    written[plan.cursor.line] = "    require('node:assert').deepEqual(parseConfig(' {\"a\":1} '), { a: 1 });";
    fs.writeFileSync(file, written.join('\n'));
    assert.equal(scaffoldStatus(fs.readFileSync(file, 'utf8')), 'done');
    const green = spawnSync(process.execPath, [MOCHA, plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(green.status, 0, green.stdout + green.stderr);
  });

  it('node:test (ESM TypeScript, skipped style) type-checks; node --test runs a failing JS one', async () => {
    const repo = make();
    repo.commit('init', {
      'package.json': JSON.stringify({ name: 'm', scripts: { test: 'node --test' } }),
      'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
      'src/math.test.ts': "import { it } from 'node:test';\nit('x', () => {});\n",
    });
    const sha = repo.commit('Fix add', { 'src/math.ts': 'export function add(a: number, b: number): number {\n  return b + a;\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha, { testStyle: 'skipped' });
    assert.equal(plan.framework.framework, 'node:test');
    assert.equal(plan.path, 'src/math.regression.test.ts', 'co-located like the existing test');
    assert.match(plan.content, /import \{ add \} from '\.\/math';/);
    assert.match(plan.content, /it\.skip\(/);
    assert.deepEqual(typeCheck(repo.path, plan.path), []);

    const js = make();
    js.commit('init', { 'package.json': JSON.stringify({ name: 'j', scripts: { test: 'node --test' } }), 'calc.js': 'exports.double = (n) => n * 2;\n' });
    const jsSha = js.commit('Change double', { 'calc.js': 'exports.double = (n) => n + n;\n' });
    const jsPlan = await scaffoldAndWrite(js, jsSha);
    const run = spawnSync(process.execPath, ['--test', jsPlan.path], { cwd: js.path, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /OWN-IT-PLACEHOLDER/);
  });

  it('jest / vitest: ESM TypeScript parses, imports the framework where needed', async () => {
    for (const [fw, dep] of [
      ['vitest', 'vitest'],
      ['jest', 'jest'],
    ] as const) {
      const repo = make();
      repo.commit('init', {
        'package.json': JSON.stringify({ name: fw, devDependencies: { [dep]: '1.0.0' } }),
        'src/util/slug.ts': 'export default function slugify(s: string): string {\n  return s.toLowerCase();\n}\n',
        'src/util/__tests__/other.test.ts': '',
      });
      const sha = repo.commit('slug', { 'src/util/slug.ts': 'export default function slugify(s: string): string {\n  return s.trim().toLowerCase();\n}\n' });
      const plan = await scaffoldAndWrite(repo, sha);
      assert.equal(plan.framework.framework, fw);
      assert.equal(plan.path, 'src/util/__tests__/slug.regression.test.ts');
      assert.match(plan.content, /import slugify from '\.\.\/slug';/);
      assert.equal(fw === 'vitest', /from 'vitest'/.test(plan.content));
      const sf = ts.createSourceFile('x.ts', plan.content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      assert.deepEqual((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, []);
    }
  });

  it('pytest and unittest: byte-compiles, and unittest really fails on the placeholder', async () => {
    const py = make();
    py.commit('init', {
      'pyproject.toml': '[project]\nname = "shop"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'src/shop/__init__.py': '',
      'src/shop/cart.py': 'class Cart:\n    def total(self, items):\n        return sum(items)\n',
      'tests/test_other.py': 'def test_x():\n    pass\n',
    });
    const sha = py.commit('Round totals', { 'src/shop/cart.py': 'class Cart:\n    def total(self, items):\n        return round(sum(items), 2)\n' });
    const plan = await scaffoldAndWrite(py, sha, { testStyle: 'skipped' });
    assert.equal(plan.framework.framework, 'pytest');
    assert.equal(plan.path, 'tests/test_cart_regression.py');
    assert.match(plan.content, /^from shop\.cart import Cart$/m);
    // Split and quoted as Black would: the message quotes the subject in double quotes.
    assert.match(plan.content, /@pytest\.mark\.skip\(\n    reason='OWN-IT-PLACEHOLDER/);
    execFileSync('python3', ['-m', 'py_compile', path.join(py.path, plan.path)]);

    const ut = make();
    ut.commit('init', { 'setup.py': 'from setuptools import setup\nsetup(name="calc")\n', 'calc.py': 'def double(n):\n    return n * 2\n' });
    const utSha = ut.commit('Change double', { 'calc.py': 'def double(n):\n    return n + n\n' });
    const utPlan = await scaffoldAndWrite(ut, utSha);
    assert.equal(utPlan.framework.framework, 'unittest');
    assert.equal(utPlan.path, 'tests/test_calc_regression.py');
    const run = spawnSync('python3', ['-m', 'unittest', utPlan.path], { cwd: ut.path, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /AssertionError: OWN-IT-PLACEHOLDER: write the regression test for double/);
  });

  it('go: same package, *_test.go, parses with the Go grammar', async () => {
    const repo = make();
    repo.commit('init', {
      'go.mod': 'module example.com/calc\n\ngo 1.22\n',
      'calc/calc.go': 'package calc\n\ntype Acc struct{ n int }\n\nfunc (a *Acc) Add(x int) int {\n\ta.n += x\n\treturn a.n\n}\n',
    });
    const sha = repo.commit('Change Add', { 'calc/calc.go': 'package calc\n\ntype Acc struct{ n int }\n\nfunc (a *Acc) Add(x int) int {\n\ta.n = a.n + x\n\treturn a.n\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha, { testStyle: 'skipped' });
    assert.equal(plan.path, 'calc/calc_regression_test.go');
    assert.match(plan.content, /^package calc$/m);
    assert.match(plan.content, /func TestRegressionAccAdd\(t \*testing\.T\) \{/);
    assert.match(plan.content, /t\.Skip\("OWN-IT-PLACEHOLDER/);
    if (have('go')) execFileSync('go', ['vet', './...'], { cwd: repo.path });
    else assert.equal(await parseErrors('go', plan.content), undefined);
  });

  it('rust: integration test in tests/ that cargo compiles and runs red', async function () {
    if (!have('cargo')) this.skip();
    this.timeout(120_000);
    const repo = make();
    repo.commit('init', {
      'Cargo.toml': '[package]\nname = "my-crate"\nversion = "0.1.0"\nedition = "2021"\n',
      'src/lib.rs': 'pub mod parser;\n',
      'src/parser.rs': 'pub fn parse_config(s: &str) -> usize {\n    s.len()\n}\n',
    });
    const sha = repo.commit('Trim', { 'src/parser.rs': 'pub fn parse_config(s: &str) -> usize {\n    s.trim().len()\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha, { reproduce: 'braces {like} these must survive format!' });
    assert.equal(plan.path, 'tests/parser_regression.rs');
    assert.match(plan.content, /^use my_crate::parser::parse_config;$/m);
    const run = spawnSync('cargo', ['test', '--offline', '--quiet'], {
      cwd: repo.path,
      encoding: 'utf8',
      env: { ...process.env, CARGO_TARGET_DIR: path.join(makeTempDir('cargo-'), 'target') },
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout + run.stderr, /OWN-IT-PLACEHOLDER: write the regression test for parse_config .*braces \{like\} these/);
  });

  it('java: Maven layout, JUnit 5, compiled by javac against the JUnit API', async function () {
    this.timeout(60_000);
    const repo = make();
    repo.commit('init', {
      'pom.xml': '<project><dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/acme/Prices.java': 'package com.acme;\n\npublic class Prices {\n    public static int total(int a, int b) {\n        return a + b;\n    }\n}\n',
    });
    const sha = repo.commit('Change total', {
      'src/main/java/com/acme/Prices.java': 'package com.acme;\n\npublic class Prices {\n    public static int total(int a, int b) {\n        return b + a;\n    }\n}\n',
    });
    const plan = await scaffoldAndWrite(repo, sha, { testStyle: 'skipped' });
    assert.equal(plan.framework.framework, 'junit5');
    assert.equal(plan.path, 'src/test/java/com/acme/PricesRegressionTest.java');
    assert.match(plan.content, /^package com\.acme;$/m);
    assert.match(plan.content, /@Disabled\("OWN-IT-PLACEHOLDER/);
    const jar = findJar('org/junit/jupiter/junit-jupiter-api', '5.');
    if (!have('javac') || !jar) {
      assert.equal(await parseErrors('java', plan.content), undefined);
      return;
    }
    const cp = [jar, findJar('org/opentest4j/opentest4j'), findJar('org/apiguardian/apiguardian-api')].filter(Boolean).join(path.delimiter);
    const out = makeTempDir('javac-');
    execFileSync('javac', ['-d', out, '-cp', cp, path.join(repo.path, 'src/main/java/com/acme/Prices.java'), path.join(repo.path, plan.path)], { stdio: 'pipe' });
    assert.ok(fs.existsSync(path.join(out, 'com/acme/PricesRegressionTest.class')));
  });

  it('ruby (RSpec and minitest), php (PHPUnit), c# (xUnit): placed by convention and parse with their grammars', async () => {
    const rb = make();
    rb.commit('init', { Gemfile: "gem 'rspec'\n", '.rspec': '--require spec_helper\n', 'lib/shop/cart.rb': 'module Shop\n  class Cart\n    def total(items)\n      items.sum\n    end\n  end\nend\n' });
    const rbSha = rb.commit('Round', { 'lib/shop/cart.rb': 'module Shop\n  class Cart\n    def total(items)\n      items.sum.round(2)\n    end\n  end\nend\n' });
    const rbPlan = await scaffoldAndWrite(rb, rbSha, { testStyle: 'skipped' });
    assert.equal(rbPlan.path, 'spec/shop/cart_regression_spec.rb');
    assert.match(rbPlan.content, /^require_relative '\.\.\/\.\.\/lib\/shop\/cart'$/m);
    assert.match(rbPlan.content, /it 'Cart\.total no longer breaks', skip: 'OWN-IT-PLACEHOLDER/);
    assert.equal(await parseErrors('ruby', rbPlan.content), undefined);

    const mt = make();
    mt.commit('init', { Gemfile: "gem 'minitest'\n", 'lib/calc.rb': "def double(n)\n  n * 2\nend\n" });
    const mtSha = mt.commit('Change', { 'lib/calc.rb': "def double(n)\n  n + n\nend\n" });
    const mtPlan = await scaffoldAndWrite(mt, mtSha);
    assert.equal(mtPlan.path, 'test/calc_regression_test.rb');
    assert.match(mtPlan.content, /flunk 'OWN-IT-PLACEHOLDER/);
    assert.equal(await parseErrors('ruby', mtPlan.content), undefined);
    if (have('ruby')) execFileSync('ruby', ['-c', path.join(mt.path, mtPlan.path)]);

    const php = make();
    php.commit('init', {
      'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' }, 'autoload-dev': { 'psr-4': { 'App\\Tests\\': 'tests/' } } }),
      'src/Pricing/Calculator.php': "<?php\n\nnamespace App\\Pricing;\n\nfinal class Calculator\n{\n    public function total(array $items): int\n    {\n        return array_sum($items);\n    }\n}\n",
    });
    const phpSha = php.commit('Change', {
      'src/Pricing/Calculator.php': "<?php\n\nnamespace App\\Pricing;\n\nfinal class Calculator\n{\n    public function total(array $items): int\n    {\n        return (int) array_sum($items);\n    }\n}\n",
    });
    const phpPlan = await scaffoldAndWrite(php, phpSha, { reproduce: "it's $broken" });
    assert.equal(phpPlan.path, 'tests/CalculatorRegressionTest.php');
    assert.match(phpPlan.content, /^namespace App\\Tests;$/m);
    assert.match(phpPlan.content, /^use App\\Pricing\\Calculator;$/m);
    assert.match(phpPlan.content, /final class CalculatorRegressionTest extends TestCase/);
    assert.equal(await parseErrors('php', phpPlan.content), undefined);
    if (have('php')) execFileSync('php', ['-l', path.join(php.path, phpPlan.path)]);

    const cs = make();
    cs.commit('init', {
      'src/Shop/Cart.cs': 'namespace Shop\n{\n    public class Cart\n    {\n        public int Total(int a) { return a; }\n    }\n}\n',
      'tests/Shop.Tests/Shop.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>\n',
    });
    const csSha = cs.commit('Change', { 'src/Shop/Cart.cs': 'namespace Shop\n{\n    public class Cart\n    {\n        public int Total(int a) { return a * 1; }\n    }\n}\n' });
    const csPlan = await scaffoldAndWrite(cs, csSha, { testStyle: 'skipped' });
    assert.equal(csPlan.framework.framework, 'xunit');
    assert.equal(csPlan.path, 'tests/Shop.Tests/CartRegressionTests.cs');
    assert.match(csPlan.content, /^using Shop;$/m);
    assert.match(csPlan.content, /\[Fact\(Skip = "OWN-IT-PLACEHOLDER/);
    assert.equal(await parseErrors('c-sharp', csPlan.content), undefined);
  });

  it('the grammar check itself rejects broken code (so the checks above can fail)', async () => {
    assert.notEqual(await parseErrors('go', 'package x\nfunc A( {\n'), undefined);
    assert.notEqual(await parseErrors('php', '<?php class { }'), undefined);
  });
});

function findJar(group: string, prefix = ''): string | undefined {
  const dir = path.join(os.homedir(), '.m2/repository', group);
  if (!fs.existsSync(dir)) return undefined;
  const versions = fs.readdirSync(dir).filter((v) => v.startsWith(prefix) && /^\d/.test(v)).sort().reverse();
  for (const v of versions) {
    const jar = fs.readdirSync(path.join(dir, v)).find((f) => f.endsWith('.jar') && !f.includes('sources') && !f.includes('javadoc'));
    if (jar) return path.join(dir, v, jar);
  }
  return undefined;
}
