import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedSymbols, UnknownCommitError } from '../../src/core/scaffold';
import { TempRepo, useTempRepos } from '../helpers/tempRepo';

/**
 * The scaffold keeps git's answers about a commit named in full and about a folder's repository
 * root between its steps (src/core/scaffold/gitMemo.ts). What it keeps must never hide a change
 * of the repository: these tests change it between two identical questions.
 */
describe('scaffold: what it keeps of git answers never goes stale (real git)', function () {
  this.timeout(60_000);
  const make = useTempRepos();

  it('a commit unknown at first is found once it has been fetched', async () => {
    const repo = make();
    repo.commit('init', { 'lib/a.js': 'function a() {\n  return 1;\n}\n' });
    const other = TempRepo.clone(repo.path);
    const sha = other.commit('Change a', { 'lib/a.js': 'function a() {\n  return 2;\n}\n' });
    await assert.rejects(changedSymbols(repo.path, sha), UnknownCommitError);
    repo.git('fetch', '-q', other.path, 'HEAD');
    const changes = await changedSymbols(repo.path, sha);
    assert.deepEqual(changes.map((c) => c.path), ['lib/a.js']);
  });

  it('a folder whose own repository was removed is answered by the repository around it', async () => {
    const outer = make();
    const outerSha = outer.commit('Outer change', { 'inner/b.js': 'function b() {\n  return 1;\n}\n' });
    const innerDir = path.join(outer.path, 'inner');
    // A repository nested in the folder, with a commit of its own.
    outer.git('-C', innerDir, 'init', '-q');
    outer.git('-C', innerDir, 'add', '-A');
    outer.git('-C', innerDir, '-c', 'user.name=Inner', '-c', 'user.email=inner@example.com', 'commit', '-q', '-m', 'Inner change');
    const innerSha = outer.git('-C', innerDir, 'rev-parse', 'HEAD');
    assert.deepEqual((await changedSymbols(innerDir, innerSha)).map((c) => c.path), ['b.js']);
    fs.rmSync(path.join(innerDir, '.git'), { recursive: true, force: true });
    assert.deepEqual((await changedSymbols(innerDir, outerSha)).map((c) => c.path), ['inner/b.js'], 'the outer repository answers now');
    await assert.rejects(changedSymbols(innerDir, innerSha), UnknownCommitError, 'the removed repository’s commit is gone');
  });

  it('the same question twice gets the same answer', async () => {
    const repo = make();
    repo.commit('init', { 'lib/c.js': 'function c() {\n  return 1;\n}\n' });
    const sha = repo.commit('Change c', { 'lib/c.js': 'function c() {\n  return 3;\n}\n' });
    const first = await changedSymbols(repo.path, sha);
    const second = await changedSymbols(repo.path, sha);
    assert.deepEqual(second, first);
    assert.deepEqual(first[0].symbols.map((s) => s.name), ['c']);
  });
});
