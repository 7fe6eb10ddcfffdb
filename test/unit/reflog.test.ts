import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { classifyHeadMove, fileSize, readReflogTail } from '../../src/core/repo/reflog';
import { commitSummaries, currentHead, isAncestor, resolveGitDirs, userEmail } from '../../src/core/repo/repoQueries';
import { ALICE, BOB, TempRepo } from '../helpers/tempRepo';

describe('HEAD movements from the reflog', () => {
  let repo: TempRepo;
  let reflog: string;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Initial commit', { 'a.txt': 'a\n' });
    reflog = path.join(repo.path, '.git', 'logs', 'HEAD');
  });
  afterEach(() => repo.dispose());

  async function movesAfter(action: () => void): Promise<string[]> {
    const start = await fileSize(reflog);
    action();
    const { entries } = await readReflogTail(reflog, start);
    return entries.map((e) => `${e.action}=${classifyHeadMove(e)}`);
  }

  it('treats commits and reverts as new commits', async () => {
    const feature = repo.commit('Add feature', { 'b.txt': 'b\n' });
    assert.deepEqual(await movesAfter(() => repo.revert(feature)), ['revert=new-commits']);
    assert.deepEqual(await movesAfter(() => repo.commit('More', { 'c.txt': 'c\n' })), ['commit=new-commits']);
  });

  it('ignores checkouts, resets and rebases', async () => {
    repo.commit('Second', { 'b.txt': 'b\n' });
    repo.commit('Third', { 'c.txt': 'c\n' });
    assert.deepEqual(await movesAfter(() => repo.git('checkout', '-q', 'HEAD~1')), ['checkout=ignore']);
    assert.deepEqual(await movesAfter(() => repo.git('checkout', '-q', 'main')), ['checkout=ignore']);
    assert.deepEqual(await movesAfter(() => repo.git('reset', '-q', '--hard', 'HEAD~1')), ['reset=ignore']);
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('Topic work', { 't.txt': 't\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('Main work', { 'm.txt': 'm\n' });
    repo.git('checkout', '-q', 'topic');
    const moves = await movesAfter(() => repo.git('rebase', '-q', 'main'));
    assert.ok(moves.length > 0 && moves.every((m) => m.endsWith('=ignore')), moves.join(', '));
  });

  it('sees what a pull brings from a bare remote', async () => {
    const bare = TempRepo.create({ bare: true });
    try {
      repo.git('remote', 'add', 'origin', bare.path);
      repo.git('push', '-q', '-u', 'origin', 'main');
      const teammate = TempRepo.clone(bare.path);
      try {
        const mine = teammate.commit('Teammate change', { 'x.txt': 'x\n' }, BOB);
        teammate.gitAs(BOB, 'push', '-q', 'origin', 'main');
        const moves = await movesAfter(() => repo.git('pull', '-q', '--ff-only', 'origin', 'main'));
        assert.equal(moves.length, 1);
        assert.match(moves[0], /^pull.*=new-commits$/);
        assert.equal(await currentHead(repo.path), mine);
      } finally {
        teammate.dispose();
      }
    } finally {
      bare.dispose();
    }
  });

  it('keeps a partial trailing line for the next read and restarts when the log shrinks', async () => {
    const size = await fileSize(reflog);
    const again = await readReflogTail(reflog, size);
    assert.deepEqual(again, { entries: [], offset: size });
    const shrunk = await readReflogTail(reflog, size + 1000);
    assert.deepEqual(shrunk, { entries: [], offset: size });
    assert.deepEqual(await readReflogTail(path.join(repo.path, 'missing'), 0), { entries: [], offset: 0 });
  });
});

describe('repository queries', () => {
  it('resolves git dirs for a worktree and answers ancestry, identity and summaries', async () => {
    const repo = TempRepo.create();
    try {
      const first = repo.commit('First', { 'a.txt': '1\n' }, ALICE);
      const second = repo.commit('Second <b>bold</b>', { 'a.txt': '2\n' }, BOB);
      repo.git('config', 'user.email', ALICE.email);
      const wt = path.join(path.dirname(repo.path), 'wt');
      repo.git('worktree', 'add', '-q', wt, '-b', 'side');
      const dirs = await resolveGitDirs(wt);
      assert.equal(dirs.commonDir, path.join(repo.path, '.git'));
      assert.equal(dirs.gitDir, path.join(repo.path, '.git', 'worktrees', 'wt'));
      assert.equal(await isAncestor(repo.path, first, second), true);
      assert.equal(await isAncestor(repo.path, second, first), false);
      assert.equal(await userEmail(repo.path), ALICE.email);
      const summaries = await commitSummaries(repo.path, [first, second]);
      assert.equal(summaries.get(second)?.subject, 'Second <b>bold</b>');
      assert.equal(summaries.get(second)?.authorEmail, BOB.email);
      await assert.rejects(commitSummaries(repo.path, ['--output=/tmp/x']), /Not a commit id/);
    } finally {
      repo.dispose();
    }
  });
});
