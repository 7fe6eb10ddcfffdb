import * as assert from 'node:assert/strict';
import { scanRevertsCached } from '../../src/core/revert/scanCache';
import { scanReverts } from '../../src/core/revert/revertScanner';
import type { RevertDetection } from '../../src/core/revert/types';
import { cherryPickedCopy } from '../helpers/linkShapes';
import { makeTempDir, useTempRepos, type TempRepo } from '../helpers/tempRepo';

/**
 * An incremental rescan reads only the new commits, so no walk of the whole ancestry answers
 * which named shas are ancestors: one `merge-base` per named sha does. Each test primes the
 * cache, adds the revert, and checks the incremental answer against a full scan of the same history.
 */
describe('revert linking in an incremental rescan (real git)', function () {
  this.timeout(60000);
  const fresh = useTempRepos();
  const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i + 1}`).join('\n') + '\n';

  async function incremental(repo: TempRepo, cacheDir: string, sha: string): Promise<RevertDetection> {
    const r = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(r.outcome, 'incremental');
    const d = r.detections.find((x) => x.sha === sha);
    assert.ok(d, `no detection for ${sha}`);
    const full = (await scanReverts(repo.path)).find((x) => x.sha === sha);
    assert.deepEqual([d.reverted, d.evidence], [full?.reverted, full?.evidence], 'the incremental scan links like a full scan');
    return d;
  }

  it('links an ancestor named by an abbreviated sha', async () => {
    const repo = fresh();
    const cacheDir = makeTempDir();
    const bad = repo.commit('Cache the price list', { 'prices.ts': lines(3, 'price') });
    repo.commit('Unrelated', { 'other.ts': lines(2, 'other') });
    await scanRevertsCached(repo.path, { cacheDir });
    const revert = repo.commit(`Undo the price cache\n\nThis reverts commit ${bad.slice(0, 9)}.`, { 'prices.ts': '' });
    const d = await incremental(repo, cacheDir, revert);
    assert.deepEqual([d.reverted, d.evidence], [[bad], 'sha']);
  });

  it('a named sha outside this history (the copy before a cherry-pick) falls back to the quoted subject', async () => {
    const repo = fresh();
    const cacheDir = makeTempDir();
    const { before, copy } = cherryPickedCopy(repo, lines);
    repo.git('branch', '-q', '-D', 'old');
    await scanRevertsCached(repo.path, { cacheDir });
    const revert = repo.commit(`Revert "Drop the legacy styles"\n\nThis reverts commit ${before}.`, { 'keep.ts': '' });
    const d = await incremental(repo, cacheDir, revert);
    assert.deepEqual([d.reverted, d.evidence], [[copy], 'subject-exact']);
  });

  it('a named sha git does not have links nothing by sha: the quoted subject does', async () => {
    const repo = fresh();
    const cacheDir = makeTempDir();
    const bad = repo.commit('Tune the retry budget', { 'retry.ts': lines(3, 'retry') });
    await scanRevertsCached(repo.path, { cacheDir });
    const revert = repo.commit(`Revert "Tune the retry budget"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.`, { 'retry.ts': '' });
    const d = await incremental(repo, cacheDir, revert);
    assert.deepEqual([d.reverted, d.evidence], [[bad], 'subject-exact']);
  });
});
