import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitCommandError, GitUnavailableError, NotAGitRepositoryError, UnknownRevisionError } from '../../src/core/git/errors';
import { Repository } from '../../src/core/git/repository';
import { exec, gitRunner, stream } from '../../src/core/git/runner';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

describe('git layer: runner and Repository (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  it('opens a work tree from a subfolder, with its root and git dir, and answers its queries', async () => {
    const repo = track(TempRepo.create({ branch: 'main' }));
    const first = repo.commit('First', { 'src/a.txt': 'a' });
    const second = repo.commit('Second', { 'src/b.txt': 'b' });
    const opened = await Repository.open(path.join(repo.path, 'src'));
    assert.equal(fs.realpathSync(opened.root), fs.realpathSync(repo.path));
    assert.equal(fs.realpathSync(opened.gitDir), fs.realpathSync(path.join(repo.path, '.git')));
    assert.equal(await opened.resolveCommit('HEAD'), second);
    assert.equal(await opened.resolveCommit(first.slice(0, 10)), first);
    assert.equal(await opened.isAncestor(first, second), true);
    assert.equal(await opened.isAncestor(second, first), false);
    assert.equal(await opened.hasHead(), true);
    assert.equal(await opened.defaultBranch(), 'main');
    assert.deepEqual((await opened.log('%H', { maxCount: 5 })).trim().split('\n'), [second, first]);
    assert.deepEqual(await opened.diffNames(first, second), ['src/b.txt']);
  });

  it('says what is wrong with typed errors instead of undefined', async () => {
    const repo = track(TempRepo.create());
    const opened = await Repository.open(repo.path);
    assert.equal(await opened.hasHead(), false, 'an unborn branch has no HEAD commit');
    repo.commit('Only', { 'a.txt': 'a' });
    await assert.rejects(opened.resolveCommit('no-such-branch'), UnknownRevisionError);
    await assert.rejects(opened.resolveCommit('--output=/tmp/x'), /invalid revision/);
    await assert.rejects(Repository.open(makeTempDir('not-a-repo-')), NotAGitRepositoryError);
    await assert.rejects(Repository.open(repo.path, path.join(makeTempDir('no-git-'), 'git')), GitUnavailableError);
    await assert.rejects(opened.log('%H', { rev: 'no-such-branch' }), GitCommandError);
  });

  it('exec reports exit code and stderr; stream throws git\'s message and stops on abort', async () => {
    const repo = track(TempRepo.create());
    repo.commit('Only', { 'a.txt': 'a' });
    const runner = gitRunner(repo.path);
    const failed = await exec(runner, ['rev-parse', '--verify', 'no-such-ref']);
    assert.notEqual(failed.exitCode, 0);
    assert.match(failed.stderr, /fatal|Needed a single revision/);
    await assert.rejects(
      (async () => {
        for await (const _ of stream(runner, ['log', 'no-such-branch', '--'], false)) void _;
      })(),
      GitCommandError,
    );
    // `cat-file --batch` waits on stdin for ever: only the signal can end it.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(
      (async () => {
        for await (const _ of stream(runner, ['cat-file', '--batch'], true, controller.signal)) void _;
      })(),
      /abort/i,
    );
  });
});
