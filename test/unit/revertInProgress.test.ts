import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import { revertInProgress } from '../../src/core/revert/revertInProgress';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

/** Runs a git command that is expected to stop with a conflict. */
function gitExpectingConflict(repo: TempRepo, ...args: string[]): void {
  assert.throws(() => repo.git(...args), /conflict|could not revert/i);
}

describe('revertInProgress (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  function conflictingHistory(): { repo: TempRepo; second: string; third: string } {
    const repo = track(TempRepo.create());
    repo.commit('One', { 'a.txt': '1\n' });
    const second = repo.commit('Two', { 'a.txt': '2\n' });
    const third = repo.commit('Three', { 'a.txt': '3\n' });
    return { repo, second, third };
  }

  it('is quiet in a clean work tree and in a bare repository', async () => {
    const { repo } = conflictingHistory();
    const clean = await revertInProgress(repo.path);
    assert.deepEqual(clean, { inProgress: false, gitDir: fs.realpathSync(path.join(repo.path, '.git')) });
    const bare = track(TempRepo.clone(repo.path, ['--bare']));
    assert.equal((await revertInProgress(bare.path)).inProgress, false);
  });

  it('reports REVERT_HEAD and conflicts while a revert is stopped, from a subfolder too', async () => {
    const { repo, second } = conflictingHistory();
    repo.write('sub/file.txt', 'x');
    gitExpectingConflict(repo, 'revert', '--no-edit', second);
    const state = await revertInProgress(path.join(repo.path, 'sub'));
    assert.deepEqual(state, {
      inProgress: true,
      revertHead: second,
      conflicted: true,
      gitDir: fs.realpathSync(path.join(repo.path, '.git')),
    });

    fs.writeFileSync(path.join(repo.path, 'a.txt'), '1\n');
    repo.git('add', 'a.txt');
    assert.equal((await revertInProgress(repo.path)).conflicted, false);
    repo.git('revert', '--continue');
    assert.equal((await revertInProgress(repo.path)).inProgress, false);
  });

  it('reports a multi-commit revert waiting in the sequencer', async () => {
    const { repo, second, third } = conflictingHistory();
    // Oldest first: reverting `second` conflicts, `third` waits in sequencer/todo.
    gitExpectingConflict(repo, 'revert', '--no-edit', second, third);
    const stopped = await revertInProgress(repo.path);
    assert.equal(stopped.inProgress, true);
    assert.equal(stopped.revertHead, second);
    // Committing the resolution by hand clears REVERT_HEAD but leaves the sequence for `--continue`.
    fs.writeFileSync(path.join(repo.path, 'a.txt'), '1\n');
    repo.git('commit', '-qam', 'Resolve by hand');
    assert.deepEqual(await revertInProgress(repo.path), {
      inProgress: true,
      conflicted: false,
      gitDir: fs.realpathSync(path.join(repo.path, '.git')),
    });
    repo.git('revert', '--quit');
    assert.equal((await revertInProgress(repo.path)).inProgress, false);
  });

  it('does not mistake a stopped cherry-pick for a revert', async () => {
    const { repo, second } = conflictingHistory();
    repo.git('checkout', '-q', '-b', 'side', `${second}~1`);
    repo.commit('Side', { 'a.txt': 'side\n' });
    gitExpectingConflict(repo, 'cherry-pick', second);
    assert.equal((await revertInProgress(repo.path)).inProgress, false);
  });

  it('looks in a linked worktree’s own git dir', async () => {
    const { repo, second } = conflictingHistory();
    const wtDir = path.join(makeTempDir('wt-'), 'tree');
    repo.git('worktree', 'add', '-q', wtDir, 'HEAD');
    const wt = path.join(fs.realpathSync(path.dirname(wtDir)), 'tree');
    try {
      assert.throws(() => execFileSync('git', ['revert', '--no-edit', second], { cwd: wt, env: repo.env(), stdio: 'pipe' }));
      const inWorktree = await revertInProgress(wt);
      assert.equal(inWorktree.inProgress, true);
      assert.equal(inWorktree.revertHead, second);
      assert.equal(inWorktree.gitDir, fs.realpathSync(path.join(repo.path, '.git', 'worktrees', 'tree')));
      // The main work tree is not reverting anything.
      assert.equal((await revertInProgress(repo.path)).inProgress, false);
    } finally {
      fs.rmSync(path.dirname(wtDir), { recursive: true, force: true });
    }
  });

  it('looks in a submodule’s git dir under the superproject', async () => {
    const { repo: inner, second } = conflictingHistory();
    const outer = track(TempRepo.create());
    outer.commit('Root', { 'readme.md': 'r' });
    outer.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.path, 'lib');
    outer.git('commit', '-qm', 'Add lib');
    const lib = path.join(outer.path, 'lib');
    assert.throws(() => execFileSync('git', ['revert', '--no-edit', second], { cwd: lib, env: outer.env(), stdio: 'pipe' }));
    const state = await revertInProgress(lib);
    assert.equal(state.inProgress, true);
    assert.equal(state.revertHead, second);
    assert.equal(state.conflicted, true);
    assert.equal(state.gitDir, fs.realpathSync(path.join(outer.path, '.git', 'modules', 'lib')));
    assert.equal((await revertInProgress(outer.path)).inProgress, false);
  });

  it('throws NotAGitRepositoryError outside a repository', async () => {
    const plain = makeTempDir('plain-');
    try {
      await assert.rejects(revertInProgress(plain), NotAGitRepositoryError);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});
