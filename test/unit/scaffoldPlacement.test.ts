import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { NothingToTestError, planTestScaffold, writeScaffold } from '../../src/core/scaffold';
import { useTempRepos } from '../helpers/tempRepo';

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('scaffold places tests like the repository does (real git)', function () {
  this.timeout(60_000);
  const make = useTempRepos();

  it('monorepo: next to the spec already named after the file, in the package’s own __tests__ folder', async () => {
    const repo = make();
    repo.commit('init', {
      'package.json': JSON.stringify({ private: true, devDependencies: { vitest: '1' } }),
      'packages/runtime/src/templateRef.ts': 'export function templateRef(n: string): string {\n  return n;\n}\n',
      'packages/runtime/src/other.ts': 'export function other(): number {\n  return 1;\n}\n',
      'packages/runtime/__tests__/templateRef.spec.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
      'packages/runtime/__tests__/misc.spec.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
      'packages/compiler/__tests__/parse.spec.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
      'packages/compiler/__tests__/emit.spec.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
      'packages/compiler/__tests__/scan.spec.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
    });
    const sha = repo.commit('Change templateRef', { 'packages/runtime/src/templateRef.ts': 'export function templateRef(n: string): string {\n  return n.trim();\n}\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.path, 'packages/runtime/__tests__/templateRef.regression.spec.ts');
    assert.match(plan.content, /from '\.\.\/src\/templateRef'/);
    const other = await planTestScaffold(repo.path, repo.commit('Change other', { 'packages/runtime/src/other.ts': 'export function other(): number {\n  return 2;\n}\n' }));
    assert.equal(other.path, 'packages/runtime/__tests__/other.regression.spec.ts', 'the nearest test folder, never a new src/__tests__');
  });

  it('Ruby: a flat test/spec_*.rb layout with require_relative helper is followed, and ruby runs it red for the placeholder', async () => {
    const repo = make();
    repo.commit('init', {
      Gemfile: "gem 'minitest'\n",
      'lib/rack/auth/basic.rb': 'module Rack\n  module Auth\n    class Basic\n      def call(env)\n        env\n      end\n    end\n  end\nend\n',
      'test/helper.rb': "require 'minitest/autorun'\n",
      'test/spec_builder.rb': "require_relative 'helper'\n",
      'test/spec_request.rb': "require_relative 'helper'\n",
    });
    const sha = repo.commit('Change call', { 'lib/rack/auth/basic.rb': 'module Rack\n  module Auth\n    class Basic\n      def call(env)\n        env.dup\n      end\n    end\n  end\nend\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.path, 'test/spec_basic_regression.rb');
    assert.match(plan.content, /^require_relative 'helper'\nrequire_relative '\.\.\/lib\/rack\/auth\/basic'$/m);
    await writeScaffold(repo.path, plan);
    if (!have('ruby')) return;
    const r = spawnSync('ruby', [plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /1 runs, 1 assertions, 1 failures, 0 errors/);
    assert.match(r.stdout, /OWN-IT-PLACEHOLDER/);
  });

  it('Python: a hyphenated script is loaded by path with importlib; pytest collects it and fails for the placeholder', async () => {
    const repo = make();
    repo.commit('init', {
      'pyproject.toml': '[tool.pytest.ini_options]\n',
      'tools/sync-data.py': 'def sync(a):\n    return a\n',
      'tests/test_other.py': 'def test_ok():\n    pass\n',
    });
    const sha = repo.commit('Change sync', { 'tools/sync-data.py': 'def sync(a):\n    return a + 1\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.path, 'tests/test_sync_data_regression.py');
    assert.match(plan.content, /spec_from_file_location\("sync_data", pathlib\.Path\(__file__\)\.resolve\(\)\.parent \/ "\.\.\/tools\/sync-data\.py"\)/);
    await writeScaffold(repo.path, plan);
    if (!have('pytest')) return;
    const r = spawnSync('pytest', ['-q', '-p', 'no:cacheprovider', plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /1 failed/);
    assert.match(r.stdout, /OWN-IT-PLACEHOLDER/);
  });

  it('Go: a build-tagged file keeps its constraint in the test; go vet accepts it', async () => {
    const repo = make();
    repo.commit('init', { 'go.mod': 'module example.com/m\n\ngo 1.19\n', 'osx/path.go': '//go:build linux\n\npackage osx\n\nfunc Clean(p string) string {\n\treturn p\n}\n' });
    const sha = repo.commit('Change Clean', { 'osx/path.go': '//go:build linux\n\npackage osx\n\nfunc Clean(p string) string {\n\treturn p + "/"\n}\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.match(plan.content, /^\/\/go:build linux\n\n/);
    assert.match(plan.content.split('\n')[plan.cursor.line], /t\.Fatal\("OWN-IT-PLACEHOLDER/);
    await writeScaffold(repo.path, plan);
    if (!have('go')) return;
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOCACHE: path.join(repo.path, '.gocache'), GOPATH: path.join(repo.path, '.gopath') };
    const vet = spawnSync('go', ['vet', './...'], { cwd: repo.path, encoding: 'utf8', env });
    assert.equal(vet.status, 0, vet.stderr);
    assert.equal(spawnSync('gofmt', ['-l', plan.path], { cwd: repo.path, encoding: 'utf8' }).stdout, '');
  });

  it('Rust: a staticlib-only crate gets no `use` of the crate (it has no Rust library to link)', async () => {
    const repo = make();
    repo.commit('init', {
      'Cargo.toml': '[package]\nname = "core-ffi"\nversion = "0.1.0"\n\n[lib]\ncrate-type = ["staticlib"]\n',
      'src/lib.rs': 'pub fn add(a: i32) -> i32 {\n    a\n}\n',
    });
    const sha = repo.commit('Change add', { 'src/lib.rs': 'pub fn add(a: i32) -> i32 {\n    a + 1\n}\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.doesNotMatch(plan.content, /\buse core_ffi/);
    repo.commit('rlib too', { 'Cargo.toml': '[package]\nname = "core-ffi"\nversion = "0.1.0"\n\n[lib]\ncrate-type = ["staticlib", "rlib"]\n' });
    assert.match((await planTestScaffold(repo.path, sha)).content, /^use core_ffi::add;$/m);
  });

  it('a browser-only script is not given a Node test: the checklist is offered instead', async () => {
    const repo = make();
    repo.commit('init', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), 'site/menu.js': 'function toggle() {\n  document.body.classList.toggle("open");\n}\n' });
    const sha = repo.commit('Change menu', { 'site/menu.js': 'function toggle() {\n  document.body.classList.toggle("menu-open");\n}\n' });
    await assert.rejects(planTestScaffold(repo.path, sha), (e: unknown) => e instanceof NothingToTestError && /site\/menu\.js is a browser script with no exports/.test(e.message) && /scaffold checklist/.test(e.message));
  });
});
