import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planTestScaffold } from '../../src/core/scaffold';
import { useBuiltCli } from '../helpers/cli';
import { runCli } from '../helpers/hostileRepo';
import { makeTempDir, useTempRepos } from '../helpers/tempRepo';

const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const CARGO = '[package]\nname = "sysdefs"\nversion = "0.1.0"\nedition = "2021"\n';
/** Enough distinct lines that git sees a delete and an add, not a rename, when the module moves. */
const consts = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `pub const ${prefix}_${i}: i32 = ${i};\n`).join('');

// Shapes seen on real repositories in the scaffold evaluation (docs/scaffold-eval.md): a Rust module
// that grew from `src/wasi.rs` into `src/wasi/mod.rs` after the culprit (rust-lang/libc), and tests
// for `mod.rs` / `__init__.py` named `mod_regression.rs` / `test___init___regression.py`.
describe('scaffold: module files (mod.rs, __init__.py) named and followed by their module (real git)', function () {
  this.timeout(120_000);
  const make = useTempRepos();
  const cli = useBuiltCli();

  it('Rust: a culprit in src/wasi.rs targets today’s src/wasi/mod.rs; the test is tests/wasi_regression.rs and cargo runs it red', async function () {
    const repo = make();
    repo.commit('init', { 'Cargo.toml': CARGO, 'src/lib.rs': 'pub mod wasi;\n', 'src/wasi.rs': consts('OLD', 12) });
    const sha = repo.commit('Add a flag', { 'src/wasi.rs': `${consts('OLD', 12)}#[cfg(target_os = "wasi")]\npub const FLAG: i32 = 1;\n` });
    repo.git('rm', '-q', 'src/wasi.rs');
    repo.commit('Split wasi into a folder', { 'src/wasi/mod.rs': `${consts('NEW', 20)}pub mod p2;\n`, 'src/wasi/p2.rs': 'pub const P2: i32 = 2;\n' });

    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.target.file, 'src/wasi/mod.rs');
    assert.equal(plan.movedFrom, 'src/wasi.rs');
    assert.equal(plan.path, 'tests/wasi_regression.rs');
    assert.match(plan.content, /^fn regression_wasi_mod_rs\(\) \{$/m);

    const r = runCli(cli.path, ['scaffold', 'test', sha], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Created tests\/wasi_regression\.rs/m);
    assert.match(r.stdout, /has moved since the culprit: src\/wasi\.rs → src\/wasi\/mod\.rs/);
    if (!have('cargo')) return;
    const run = spawnSync('cargo', ['test', '--offline', '--test', 'wasi_regression'], { cwd: repo.path, encoding: 'utf8', env: { ...process.env, CARGO_TARGET_DIR: path.join(makeTempDir('cargo-'), 'target') } });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout + run.stderr, /test regression_wasi_mod_rs \.\.\. FAILED/);
    assert.match(run.stdout + run.stderr, /OWN-IT-PLACEHOLDER: write the regression test for wasi\/mod\.rs/);
  });

  it('Rust: the reverse move (src/net/mod.rs folded into src/net.rs) is followed too', async () => {
    const repo = make();
    repo.commit('init', { 'Cargo.toml': CARGO, 'src/lib.rs': 'pub mod net;\n', 'src/net/mod.rs': consts('OLD', 12) });
    const sha = repo.commit('Add a port', { 'src/net/mod.rs': `${consts('OLD', 12)}#[cfg(unix)]\npub const PORT: i32 = 1;\n` });
    repo.git('rm', '-q', 'src/net/mod.rs');
    repo.commit('Fold net', { 'src/net.rs': consts('NEW', 20) });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.target.file, 'src/net.rs');
    assert.equal(plan.path, 'tests/net_regression.rs');
  });

  it('Python: a change to pkg/shop/__init__.py gets test_shop_regression.py, not test___init___regression.py', async () => {
    const repo = make();
    repo.commit('init', {
      'pyproject.toml': '[project]\nname = "pkg"\n',
      'pkg/__init__.py': '',
      'pkg/shop/__init__.py': 'def total(a):\n    return a\n',
      'tests/test_total.py': 'from pkg.shop import total\n\n\ndef test_total():\n    assert total(1) == 1\n',
    });
    const sha = repo.commit('Round', { 'pkg/shop/__init__.py': 'def total(a):\n    return round(a)\n' });
    const r = runCli(cli.path, ['scaffold', 'test', sha], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Created tests\/test_shop_regression\.py/m);
    assert.ok(fs.existsSync(path.join(repo.path, 'tests/test_shop_regression.py')));
    assert.match(fs.readFileSync(path.join(repo.path, 'tests/test_shop_regression.py'), 'utf8'), /^from pkg\.shop import total$/m);
  });
});
