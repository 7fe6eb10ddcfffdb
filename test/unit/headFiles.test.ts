import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { headFromFiles } from '../../src/core/git/headFiles';
import { makeTempDir, useTempRepos, type TempRepo } from '../helpers/tempRepo';

describe('HEAD read from the git dir’s files (real git)', () => {
  const newRepo = useTempRepos();

  function repoWithHistory(): { repo: TempRepo; gitDir: string } {
    const repo = newRepo();
    repo.commit('One', { 'a.txt': '1' });
    repo.commit('Two', { 'a.txt': '2' });
    return { repo, gitDir: repo.git('rev-parse', '--absolute-git-dir') };
  }

  it('reads a branch from its loose ref, and follows HEAD to a new commit', () => {
    const { repo, gitDir } = repoWithHistory();
    assert.ok(fs.existsSync(path.join(gitDir, 'refs', 'heads', 'main')), 'the branch is a loose ref');
    assert.equal(headFromFiles(gitDir), repo.head());
    const next = repo.commit('Three', { 'a.txt': '3' });
    assert.equal(headFromFiles(gitDir), next);
  });

  it('reads a branch from packed-refs (after gc), and a loose ref written since wins over the packed line', () => {
    const { repo, gitDir } = repoWithHistory();
    repo.git('tag', 'v1', 'HEAD~1');
    repo.git('pack-refs', '--all', '--prune');
    assert.ok(!fs.existsSync(path.join(gitDir, 'refs', 'heads', 'main')), 'no loose ref left');
    assert.match(fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8'), / refs\/heads\/main\n/);
    assert.equal(headFromFiles(gitDir), repo.head());
    // A branch whose name ends another packed branch's name is not taken for it.
    repo.git('branch', 'x/main', 'HEAD~1');
    repo.git('pack-refs', '--all', '--prune');
    assert.equal(headFromFiles(gitDir), repo.head());
    const next = repo.commit('Three', { 'a.txt': '3' });
    assert.equal(headFromFiles(gitDir), next);
  });

  it('reads a detached HEAD, in the main work tree and in a linked worktree', () => {
    const { repo, gitDir } = repoWithHistory();
    repo.git('switch', '-q', '--detach', 'HEAD~1');
    assert.equal(headFromFiles(gitDir), repo.git('rev-parse', 'HEAD~0'));
    const wt = path.join(makeTempDir('worktree-'), 'wt');
    repo.git('worktree', 'add', '-q', '--detach', wt, 'main');
    const wtGitDir = repo.git('-C', wt, 'rev-parse', '--absolute-git-dir');
    assert.notEqual(wtGitDir, gitDir);
    assert.equal(headFromFiles(wtGitDir), repo.git('rev-parse', 'main'));
  });

  it('leaves to git a linked worktree on a branch (its branches live in the common dir)', () => {
    const { repo } = repoWithHistory();
    const wt = path.join(makeTempDir('worktree-'), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', wt, 'main');
    const wtGitDir = repo.git('-C', wt, 'rev-parse', '--absolute-git-dir');
    assert.equal(fs.readFileSync(path.join(wtGitDir, 'HEAD'), 'utf8'), 'ref: refs/heads/side\n');
    assert.equal(headFromFiles(wtGitDir), undefined);
  });

  it('leaves to git what is not plain: a symbolic ref to a symbolic ref, an unborn branch, reftable’s HEAD, a symlinked ref, GIT_COMMON_DIR', () => {
    const { repo, gitDir } = repoWithHistory();
    const head = repo.head();
    // HEAD → refs/heads/alias, itself a symbolic ref to main: git follows it, we do not.
    repo.git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
    repo.git('symbolic-ref', 'HEAD', 'refs/heads/alias');
    assert.equal(repo.git('rev-parse', 'HEAD'), head);
    assert.equal(headFromFiles(gitDir), undefined);

    repo.git('symbolic-ref', 'HEAD', 'refs/heads/unborn');
    assert.equal(headFromFiles(gitDir), undefined);

    // What a reftable repository keeps in HEAD for older gits.
    fs.writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/heads/.invalid\n');
    assert.equal(headFromFiles(gitDir), undefined);

    repo.git('symbolic-ref', 'HEAD', 'refs/heads/main');
    assert.equal(headFromFiles(gitDir), head);
    const loose = path.join(gitDir, 'refs', 'heads', 'main');
    fs.renameSync(loose, `${loose}.real`);
    fs.symlinkSync(`${loose}.real`, loose);
    assert.equal(headFromFiles(gitDir), undefined);
    fs.rmSync(loose);
    fs.renameSync(`${loose}.real`, loose);
    assert.equal(headFromFiles(gitDir), head);

    process.env.GIT_COMMON_DIR = gitDir;
    try {
      assert.equal(headFromFiles(gitDir), undefined);
    } finally {
      delete process.env.GIT_COMMON_DIR;
    }
    assert.equal(headFromFiles(path.join(gitDir, 'no-such-dir')), undefined);
  });
});
