import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getCommitDetails, getCommitsDetails } from '../../src/core/commits/commitDetails';
import { assessBlastRadius } from '../../src/core/commits/blastRadius';
import { ALICE, BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

describe('commit details', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'a.txt': 'one\ntwo\nthree\n', 'old name.txt': 'x\ny\nz\nw\n' });
  });
  afterEach(() => repo.dispose());

  it('reads subject, author, dates and per-file +/- counts', async () => {
    repo.write('a.txt', 'one\nTWO\nthree\nfour\n');
    repo.write('bin.dat', Buffer.from([0, 1, 2, 0, 255]).toString('latin1'));
    const sha = repo.commit('Break <img src=x onerror=alert(1)> things', {}, BOB);
    const d = await getCommitDetails(repo.path, sha);
    assert.equal(d.sha, sha);
    assert.equal(d.shortSha, sha.slice(0, 7));
    assert.equal(d.subject, 'Break <img src=x onerror=alert(1)> things');
    assert.equal(d.authorName, BOB.name);
    assert.equal(d.authorEmail, BOB.email);
    assert.match(d.authoredAt, /^\d{4}-\d\d-\d\dT/);
    assert.equal(d.parents.length, 1);
    const a = d.files.find((f) => f.path === 'a.txt');
    assert.deepEqual(a, { path: 'a.txt', added: 2, deleted: 1, binary: false });
    const bin = d.files.find((f) => f.path === 'bin.dat');
    assert.equal(bin?.binary, true);
    assert.equal(d.files.length, 2);
  });

  it('reports renames with the old path', async () => {
    repo.git('mv', 'old name.txt', 'new name.txt');
    repo.write('new name.txt', 'x\ny\nz\nw\nv\n');
    const sha = repo.commit('rename');
    const d = await getCommitDetails(repo.path, sha);
    assert.deepEqual(d.files, [{ path: 'new name.txt', oldPath: 'old name.txt', added: 1, deleted: 0, binary: false }]);
  });

  it('resolves abbreviated shas and refs, and keeps order for several', async () => {
    const first = repo.head();
    const second = repo.commit('second', { 'b.txt': 'b\n' }, ALICE);
    const [d1, d2] = await getCommitsDetails(repo.path, [second.slice(0, 8), 'HEAD~1']);
    assert.equal(d1.sha, second);
    assert.equal(d2.sha, first);
    assert.deepEqual(d1.files, [{ path: 'b.txt', added: 1, deleted: 0, binary: false }]);
  });

  it('diffs a merge commit against its first parent', async () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature work', { 'f.txt': '1\n2\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main work', { 'm.txt': 'm\n' });
    repo.gitAs(ALICE, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
    const d = await getCommitDetails(repo.path, 'HEAD');
    assert.equal(d.parents.length, 2);
    assert.deepEqual(d.files, [{ path: 'f.txt', added: 2, deleted: 0, binary: false }]);
  });

  it('reads a commit with one git process, a merged pull request with two, and a commit read before with none', async () => {
    const bin = makeTempDir('counting-git-');
    const log = path.join(bin, 'calls.log');
    const git = path.join(bin, 'git');
    fs.writeFileSync(git, `#!/bin/sh\necho "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    const calls = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);
    try {
      const culprit = repo.commit('Break checkout', { 'a.txt': 'broken\n' });
      const revert = repo.commit('Revert "Break checkout"', { 'a.txt': 'one\ntwo\nthree\n' });
      // The card of the culprit and of its revert, as the incident panel reads them: at once.
      const [c, r] = await Promise.all([getCommitDetails(repo.path, culprit, git), getCommitDetails(repo.path, revert.slice(0, 10), git)]);
      assert.deepEqual([c.subject, r.sha], ['Break checkout', revert]);
      assert.equal(calls().length, 2, calls().join('\n'));
      assert.ok(calls().every((l) => / show /.test(` ${l} `)));
      fs.rmSync(log);
      // Commits never change: another panel (or the same one reopened) asks git nothing.
      const again = await Promise.all([getCommitDetails(repo.path, culprit, git), getCommitDetails(repo.path, revert, git)]);
      assert.deepEqual(again, [c, r]);
      assert.deepEqual(calls(), []);

      repo.git('checkout', '-q', '-b', 'fix-totals');
      repo.commit('Fix totals', { 't.txt': 'total\n' });
      repo.git('checkout', '-q', 'main');
      repo.gitAs(ALICE, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #42 from someone/fix-totals\n\nFix the cart totals', 'fix-totals');
      const merge = await getCommitDetails(repo.path, repo.head(), git);
      assert.equal(merge.title, 'Fix the cart totals (#42)');
      assert.equal(calls().length, 2, 'the show, and the body of the merged pull request');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('rejects unknown commits and option-looking refs', async () => {
    await assert.rejects(getCommitDetails(repo.path, 'deadbeefdeadbeef'), /Not a commit/);
    await assert.rejects(getCommitDetails(repo.path, '--output=/tmp/own-it-pwned'), /Not a commit/);
  });
});

describe('blast radius', () => {
  let origin: TempRepo;
  let clone: TempRepo;
  beforeEach(() => {
    origin = TempRepo.create();
    origin.commit('initial', { 'a.txt': 'a\n' });
    origin.git('config', 'receive.denyCurrentBranch', 'ignore');
    clone = TempRepo.clone(origin.path);
  });
  afterEach(() => {
    clone.dispose();
    origin.dispose();
  });

  it('is local when neither culprit nor revert was pushed', async () => {
    const culprit = clone.commit('break', { 'a.txt': 'b\n' });
    const revert = clone.revert(culprit);
    const r = await assessBlastRadius(clone.path, { culprits: [culprit], revert, deployRefs: [] });
    assert.equal(r.radius, 'local');
    assert.match(r.reason, /never left your machine/);
  });

  it('is team when the revert is on a remote-tracking branch', async () => {
    const culprit = clone.commit('break', { 'a.txt': 'b\n' });
    const revert = clone.revert(culprit);
    clone.git('push', '-q', 'origin', 'main');
    const r = await assessBlastRadius(clone.path, { culprits: [culprit], revert, deployRefs: [] });
    assert.equal(r.radius, 'team');
    assert.deepEqual(r.remoteBranches, ['origin/main']);
  });

  it('is team when the culprit was pushed but the revert is still local', async () => {
    const culprit = clone.commit('break', { 'a.txt': 'b\n' });
    clone.git('push', '-q', 'origin', 'main');
    const revert = clone.revert(culprit);
    const r = await assessBlastRadius(clone.path, { culprits: [culprit], revert, deployRefs: [] });
    assert.equal(r.radius, 'team');
    assert.match(r.reason, /revert is not pushed yet/);
  });

  it('is production when a deploy ref looks like production', async () => {
    const culprit = clone.commit('break', { 'a.txt': 'b\n' });
    const r = await assessBlastRadius(clone.path, { culprits: [culprit], deployRefs: ['deploy/prod-2026-01-05'] });
    assert.equal(r.radius, 'production');
    const staging = await assessBlastRadius(clone.path, { culprits: [culprit], deployRefs: ['deploy/staging'] });
    assert.equal(staging.radius, 'local');
  });

  it('assumes team when the commits are unknown to this clone', async () => {
    const r = await assessBlastRadius(clone.path, { culprits: ['0123456789abcdef0123456789abcdef01234567'], deployRefs: [] });
    assert.equal(r.radius, 'team');
    assert.match(r.reason, /not in this clone/);
  });
});
