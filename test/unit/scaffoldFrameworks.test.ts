import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFrameworks, pickFramework, planTestScaffold, writeScaffold, OutsideRepositoryError } from '../../src/core/scaffold';
import { TempRepo } from '../helpers/tempRepo';

describe('scaffold: framework detection and placement', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = TempRepo.create()));
  afterEach(() => repo.dispose());

  it('in a monorepo, the package nearest to the changed file wins', async () => {
    repo.commit('init', {
      'package.json': JSON.stringify({ private: true, devDependencies: { jest: '29' } }),
      'packages/api/package.json': JSON.stringify({ name: 'api', devDependencies: { vitest: '1', mocha: '10' }, scripts: { test: 'mocha --recursive' } }),
      'packages/api/src/routes/users.ts': 'export function list() {}\n',
      'packages/web/src/app.ts': 'export function app() {}\n',
      'services/py/pyproject.toml': '[project]\nname="svc"\ndependencies=["pytest>=8"]\n',
      'services/py/svc/main.py': 'def main():\n    pass\n',
    });
    const api = await detectFrameworks(repo.path, 'packages/api/src/routes/users.ts');
    assert.deepEqual(
      api.map((d) => `${d.framework}@${d.root}`),
      ['mocha@packages/api', 'vitest@packages/api', 'jest@'],
      'the test script names mocha, so it outranks the other installed runner',
    );
    assert.equal(pickFramework(api, 'typescript')?.framework, 'mocha');
    assert.equal(pickFramework(await detectFrameworks(repo.path, 'packages/web/src/app.ts'), 'typescript')?.framework, 'jest');
    const py = await detectFrameworks(repo.path, 'services/py/svc/main.py');
    assert.equal(pickFramework(py, 'python')?.framework, 'pytest');
    assert.equal(pickFramework(py, 'python')?.root, 'services/py');
    assert.equal(pickFramework([], 'go')?.framework, 'go');
    assert.equal(pickFramework([], 'unknown'), undefined);
  });

  it('recognises JUnit 4 in Gradle, minitest vs RSpec, PHPUnit and NUnit', async () => {
    repo.commit('init', {
      'jvm/build.gradle': "dependencies { testImplementation 'junit:junit:4.13.2' }\n",
      'rb/Gemfile': "gem 'minitest'\n",
      'rb2/Gemfile': "gem 'rails'\n",
      'rb2/spec/x_spec.rb': '',
      'php/phpunit.xml.dist': '<phpunit/>\n',
      'cs/App.Tests/App.Tests.csproj': '<Project><ItemGroup><PackageReference Include="NUnit" Version="4.0.0" /></ItemGroup></Project>\n',
    });
    const pick = async (file: string, lang: Parameters<typeof pickFramework>[1]) => pickFramework(await detectFrameworks(repo.path, file), lang);
    const jvm = await pick('jvm/src/main/java/A.java', 'java');
    assert.deepEqual([jvm?.framework, jvm?.buildTool], ['junit4', 'gradle']);
    assert.equal((await pick('rb/lib/a.rb', 'ruby'))?.framework, 'minitest');
    assert.equal((await pick('rb2/lib/a.rb', 'ruby'))?.framework, 'rspec');
    assert.equal((await pick('php/src/A.php', 'php'))?.framework, 'phpunit');
    const cs = await pick('cs/App/A.cs', 'csharp');
    assert.deepEqual([cs?.framework, cs?.root], ['nunit', 'cs/App.Tests']);
  });

  it('follows where this repo keeps tests, and never overwrites: a numbered sibling is proposed and written', async () => {
    repo.commit('init', {
      'package.json': JSON.stringify({ devDependencies: { jest: '29' } }),
      'src/parse.js': 'export function parse(s) {\n  return s;\n}\n',
      'test/unit/a.spec.js': '',
      'test/unit/b.spec.js': '',
    });
    const sha = repo.commit('Change parse', { 'src/parse.js': 'export function parse(s) {\n  return s.trim();\n}\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.path, 'test/unit/parse.regression.spec.js', 'suffix and folder follow the existing tests');
    assert.match(plan.content, /import \{ parse \} from '\.\.\/\.\.\/src\/parse\.js';/);
    assert.equal(await writeScaffold(repo.path, plan), 'test/unit/parse.regression.spec.js');
    fs.writeFileSync(path.join(repo.path, plan.path), 'mine');

    const again = await planTestScaffold(repo.path, sha);
    assert.equal(again.exists, true);
    assert.equal(again.alternative?.path, 'test/unit/parse.regression-2.spec.js');
    assert.equal(await writeScaffold(repo.path, again), 'test/unit/parse.regression-2.spec.js');
    assert.equal(fs.readFileSync(path.join(repo.path, plan.path), 'utf8'), 'mine', 'the existing file is untouched');
    await assert.rejects(writeScaffold(repo.path, again), /EEXIST/, 'a stale plan fails instead of overwriting');
  });

  it('Java siblings rename the class with the file; writes outside the repository are refused', async () => {
    repo.commit('init', { 'pom.xml': '<project/>', 'src/main/java/a/B.java': 'package a;\n\npublic class B {\n    void run() {\n    }\n}\n' });
    const sha = repo.commit('Change', { 'src/main/java/a/B.java': 'package a;\n\npublic class B {\n    void run() {\n        int x = 1;\n    }\n}\n' });
    repo.write('src/test/java/a/BRegressionTest.java', 'class BRegressionTest {}\n');
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.exists, true);
    assert.equal(plan.alternative?.path, 'src/test/java/a/BRegression2Test.java');
    assert.match(plan.alternative?.content ?? '', /class BRegression2Test \{/);

    const escaping = { ...plan, exists: false, path: '../escape.java' };
    await assert.rejects(writeScaffold(repo.path, escaping), OutsideRepositoryError);
    fs.symlinkSync(path.dirname(repo.path), path.join(repo.path, 'link'));
    await assert.rejects(writeScaffold(repo.path, { ...plan, exists: false, path: 'link/escape.java' }), OutsideRepositoryError);
    assert.equal(fs.existsSync(path.join(path.dirname(repo.path), 'escape.java')), false);
  });
});
