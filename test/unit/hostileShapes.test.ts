/**
 * Repository shapes Own It meets in the wild: empty, binary-only changes, shallow clones missing
 * the reverted commit, detached HEAD, worktrees, submodules, bare remotes, a commit touching
 * 100k files, and machines with no git or an old git.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { detectOne } from '../helpers/detectOne';
import { changedSymbols, NothingSurvivesError, NothingToTestError, planTestScaffold } from '../../src/core/scaffold';
import { MAX_SYMBOL_FILES } from '../../src/core/scaffold/changedSymbols';
import { buildCli, commitManyFiles, gitRaw, runCli } from '../helpers/hostileRepo';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

describe('hostile repository shapes (real git)', function () {
  this.timeout(120_000);
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  let cli: { path: string; dispose(): void };
  before(async () => {
    cli = await buildCli();
  });
  after(() => {
    repos.forEach((r) => r.dispose());
    cli?.dispose();
  });

  function withRevert(): { repo: TempRepo; culprit: string; revert: string } {
    const repo = track(TempRepo.create());
    repo.commit('init', { 'package.json': '{"devDependencies":{"mocha":"10"}}\n', 'src/a.js': 'export function a() {\n  return 1;\n}\n' });
    const culprit = repo.commit('Change a', { 'src/a.js': 'export function a() {\n  return 2;\n}\n' });
    repo.commit('Unrelated', { 'README.md': 'x' });
    const revert = repo.revert(culprit);
    return { repo, culprit, revert };
  }

  it('empty repository: no reverts, clean exits, a clear message for a commit that cannot exist', async () => {
    const repo = track(TempRepo.create());
    assert.deepEqual(await scanReverts(repo.path), []);
    const scan = runCli(cli.path, ['scan'], repo);
    assert.equal(scan.status, 0, scan.stderr);
    assert.match(scan.stdout, /^No revert commits found/);
    assert.equal(runCli(cli.path, ['incidents'], repo).status, 0);
    const scaffold = runCli(cli.path, ['scaffold', 'test', 'HEAD', '--print'], repo);
    assert.equal(scaffold.status, 1);
    assert.match(scaffold.stderr, /unknown commit: HEAD/);
  });

  it('binary-only commit: listed without symbols; scaffolding says there is nothing to test', async () => {
    const repo = track(TempRepo.create());
    repo.commit('init', { 'package.json': '{"devDependencies":{"mocha":"10"}}\n' });
    const binary = repo.commit('Add logo', { 'logo.png': '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01' });
    const revert = repo.revert(binary);
    const [file] = await changedSymbols(repo.path, binary);
    assert.equal(file.path, 'logo.png');
    assert.deepEqual(file.symbols, []);
    await assert.rejects(planTestScaffold(repo.path, binary), NothingToTestError);
    assert.deepEqual((await scanReverts(repo.path)).map((d) => [d.sha, d.reverted]), [[revert, [binary]]]);
    const r = runCli(cli.path, ['scaffold', 'test', binary], repo);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /changed no source file/);
  });

  it('shallow clone whose reverted commit is missing: the revert is listed with evidence none', async () => {
    const { repo, revert } = withRevert();
    const shallow = track(TempRepo.clone(`file://${repo.path}`, ['--depth', '1']));
    const [d] = await scanReverts(shallow.path);
    assert.deepEqual([d.sha, d.evidence, d.reverted], [revert, 'none', []]);
    const r = runCli(cli.path, ['scan', '--json'], shallow);
    assert.equal(r.status, 0, r.stderr);
  });

  it('detached HEAD, a linked worktree and a bare remote scan the same history', async () => {
    const { repo, culprit, revert } = withRevert();
    const expected = [[revert, [culprit]]];
    repo.git('checkout', '-q', '--detach', 'HEAD');
    assert.deepEqual((await scanReverts(repo.path)).map((d) => [d.sha, d.reverted]), expected);
    assert.equal((await detectOne(repo.path, 'HEAD'))?.sha, revert);
    const worktree = path.join(makeTempDir('worktree-'), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', worktree, revert);
    assert.deepEqual((await scanReverts(worktree)).map((d) => [d.sha, d.reverted]), expected);
    const bare = track(TempRepo.clone(repo.path, ['--bare']));
    assert.deepEqual((await scanReverts(bare.path)).map((d) => [d.sha, d.reverted]), expected);
    const incidents = runCli(cli.path, ['incidents'], bare);
    assert.equal(incidents.status, 3);
    assert.match(incidents.stderr, /bare git repository/);
  });

  it('submodule: each repository scans its own history only', async () => {
    const { repo: sub, revert: subRevert } = withRevert();
    const main = track(TempRepo.create());
    main.commit('init', { 'README.md': 'main' });
    main.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.path, 'vendor/sub');
    main.commit('Add submodule');
    assert.deepEqual(await scanReverts(main.path), []);
    assert.deepEqual((await scanReverts(path.join(main.path, 'vendor/sub'))).map((d) => d.sha), [subRevert]);
  });

  it('a commit touching 100,000 files: scan and scaffold stay bounded', async () => {
    const repo = track(TempRepo.create());
    repo.commit('init', { 'package.json': '{"devDependencies":{"mocha":"10"}}\n' });
    const { culprit, revert } = commitManyFiles(repo, 100_000);
    let started = Date.now();
    const [d] = await scanReverts(repo.path);
    const scanMs = Date.now() - started;
    assert.deepEqual([d.sha, d.kind, d.reverted], [revert, 'revert', [culprit]]);
    started = Date.now();
    // The revert at HEAD removed every file the culprit added: nothing is left to import, said within the bound.
    await assert.rejects(planTestScaffold(repo.path, culprit), NothingSurvivesError);
    const planMs = Date.now() - started;
    // Unbounded, reading each file's text took ~5 ms per file: about 8 minutes here.
    assert.ok(scanMs < 15_000, `scan took ${scanMs} ms`);
    assert.ok(planMs < 30_000, `scaffold plan took ${planMs} ms (at most ${MAX_SYMBOL_FILES} files are read)`);
  });

  it('no git on PATH and an old git: one clear sentence and exit code 1 from every command', () => {
    const { repo, culprit } = withRevert();
    const empty = makeTempDir('no-git-');
    for (const args of [['scan'], ['incidents'], ['scaffold', 'test', culprit, '--print']]) {
      const r = runCli(cli.path, args, repo, { env: { PATH: empty } });
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /cannot run git at "git" \(not found\)|git was not found on PATH/);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    // An old git: a wrapper that reports 2.20.1 and otherwise runs the real one.
    const oldGit = makeTempDir('old-git-');
    const realGit = gitRaw(repo, ['--exec-path']).replace(/\/libexec\/git-core$/, '/bin/git');
    const real = fs.existsSync(realGit) ? realGit : '/usr/bin/git';
    fs.writeFileSync(path.join(oldGit, 'git'), `#!/bin/sh\n[ "$1" = "--version" ] && { echo "git version 2.20.1"; exit 0; }\nexec ${real} "$@"\n`, { mode: 0o755 });
    for (const args of [['scan'], ['scaffold', 'test', culprit, '--print']]) {
      const r = runCli(cli.path, args, repo, { env: { PATH: `${oldGit}${path.delimiter}${process.env.PATH ?? ''}` } });
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /git 2\.20\.1 \(git\) is too old: Own It needs git 2\.31 or newer/);
    }
  });
});
