import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import { cacheFilePath, clearScanCache, scanRevertsCached } from '../../src/core/revert/scanCache';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

/** A history with a few plain commits and reverts in several formats, some linked by subject. */
function seed(repo: TempRepo): { login: string; cart: string } {
  const login = repo.commit('Add login form', { 'login.ts': 'v1' });
  const cart = repo.commit('feat(cart): add coupon field', { 'cart.ts': 'coupon' });
  repo.commit('Add metrics', { 'metrics.ts': 'm' });
  repo.revert(login, BOB);
  repo.commit('Fix revert button alignment', { 'ui.css': 'a' });
  return { login, cart };
}

function cacheFiles(cacheDir: string): string[] {
  const dir = path.join(cacheDir, 'revert-scan');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe('revert scan cache (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  it('scans in full once, then answers from the cache while HEAD stays', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    const first = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(first.outcome, 'full');
    assert.equal(first.head, repo.head());
    assert.deepEqual(first.detections, await scanReverts(repo.path));
    assert.equal(first.detections.length, 1);
    // git's filter lets the "Fix revert button" commit through; the parser rejects it.
    assert.equal(first.scannedCandidates, 2);

    const second = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(second.outcome, 'hit');
    assert.equal(second.scannedCandidates, 0);
    assert.deepEqual(second.detections, first.detections);
    // One file, written atomically: no temp files left next to it.
    assert.deepEqual(cacheFiles(cacheDir).length, 1);
    assert.ok(cacheFiles(cacheDir)[0].endsWith('.json'));
  });

  it('scans only new commits and still links new reverts to old commits (equals a full scan)', async () => {
    const repo = track(TempRepo.create());
    const { cart } = seed(repo);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(repo.path, { cacheDir });

    // The new revert names no sha: its link needs a subject lookup deep in the old history.
    const byConvention = repo.commit('revert: feat(cart): add coupon field\n\nCoupons broke checkout.', { 'cart.ts': '' });
    const pay = repo.commit('Add payments', { 'pay.ts': 'p' });
    const payRevert = repo.revert(pay);
    const next = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(next.outcome, 'incremental');
    assert.equal(next.scannedCandidates, 2, 'only the two new revert commits were read');
    assert.deepEqual(next.detections, await scanReverts(repo.path));
    assert.deepEqual(
      next.detections.slice(0, 2).map((d) => [d.sha, d.reverted[0], d.evidence]),
      [
        [payRevert, pay, 'sha'],
        [byConvention, cart, 'subject-exact'],
      ],
    );
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit');
  });

  it('merges a branch whose commits are older than main’s in the same order as git', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    repo.git('switch', '-q', '-c', 'side');
    const sideBad = repo.commit('Add search', { 'search.ts': 's' });
    const sideRevert = repo.revert(sideBad);
    repo.git('switch', '-q', 'main');
    // A cached revert on main that is newer than the side branch's revert.
    const mainRevert = repo.revert(repo.commit('Add banner', { 'banner.ts': 'b' }));
    await scanRevertsCached(repo.path, { cacheDir });
    const lateRevert = repo.revert(repo.commit('Add footer', { 'footer.ts': 'f' }));
    repo.gitAs(BOB, 'merge', '-q', '--no-ff', '--no-edit', 'side');

    const merged = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(merged.outcome, 'incremental');
    const full = await scanReverts(repo.path);
    assert.deepEqual(merged.detections, full);
    // New (late, side) and cached (main) detections interleave by date, as git lists them.
    const order = full.map((d) => d.sha);
    assert.ok(order.indexOf(lateRevert) < order.indexOf(mainRevert) && order.indexOf(mainRevert) < order.indexOf(sideRevert));
  });

  it('throws the cache away when history is rewritten, and equals a full scan afterwards', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    const bad = repo.commit('Add export', { 'export.ts': 'e' });
    const revert = repo.revert(bad);
    assert.ok((await scanRevertsCached(repo.path, { cacheDir })).detections.some((d) => d.sha === revert));

    // Drop the revert and its original, then build something else on top.
    repo.git('reset', '-q', '--hard', 'HEAD~2');
    const other = repo.commit('Add import', { 'import.ts': 'i' });
    const otherRevert = repo.revert(other);
    const after = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(after.outcome, 'full');
    assert.deepEqual(after.detections, await scanReverts(repo.path));
    assert.ok(after.detections.some((d) => d.sha === otherRevert));
    assert.ok(!after.detections.some((d) => d.sha === revert), 'a revert dropped by the rewrite must not survive in the cache');

    // Moving HEAD back (an ancestor of the cached HEAD) is also a full scan, not a stale hit.
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    const back = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(back.outcome, 'full');
    assert.ok(!back.detections.some((d) => d.sha === otherRevert));
  });

  it('keeps maxCount semantics: the newest N candidates, incremental or not', async () => {
    const repo = track(TempRepo.create());
    const cacheDir = makeTempDir('cache-');
    const shas: string[] = [];
    for (let i = 0; i < 4; i++) shas.push(repo.revert(repo.commit(`Feature ${i}`, { [`f${i}.ts`]: `${i}` })));
    await scanRevertsCached(repo.path, { cacheDir, maxCount: 3 });
    const extra = repo.revert(repo.commit('Feature 9', { 'f9.ts': '9' }));
    const next = await scanRevertsCached(repo.path, { cacheDir, maxCount: 3 });
    assert.equal(next.outcome, 'incremental');
    assert.deepEqual(next.detections, await scanReverts(repo.path, { maxCount: 3 }));
    assert.deepEqual(
      next.detections.map((d) => d.sha),
      [extra, shas[3], shas[2]],
    );
    // A different limit cannot reuse a list cut at another length.
    const wider = await scanRevertsCached(repo.path, { cacheDir, maxCount: 10 });
    assert.equal(wider.outcome, 'full');
    assert.equal(wider.detections.length, 5);
  });

  it('recovers from a corrupt cache file and from a cache folder it cannot write', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(repo.path, { cacheDir });
    const file = path.join(cacheDir, 'revert-scan', cacheFiles(cacheDir)[0]);
    fs.writeFileSync(file, '{"version":1,"head":');
    const recovered = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(recovered.outcome, 'full');
    assert.deepEqual(recovered.detections, await scanReverts(repo.path));
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit', 'the corrupt file was replaced');

    // A cache "folder" that is a file: results still come back, every call is a full scan.
    const blocked = path.join(makeTempDir('blocked-'), 'not-a-dir');
    fs.writeFileSync(blocked, 'x');
    const a = await scanRevertsCached(repo.path, { cacheDir: blocked });
    const b = await scanRevertsCached(repo.path, { cacheDir: blocked });
    assert.deepEqual([a.outcome, b.outcome], ['full', 'full']);
    assert.deepEqual(b.detections, recovered.detections);
  });

  it('keeps repositories apart, clears on request, and fails clearly outside a repository', async () => {
    const one = track(TempRepo.create());
    const two = track(TempRepo.create());
    seed(one);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(one.path, { cacheDir });
    assert.deepEqual((await scanRevertsCached(two.path, { cacheDir })).detections, []);
    assert.equal((await scanRevertsCached(two.path, { cacheDir })).head, undefined, 'no commits, no HEAD');
    two.commit('Initial', { 'a.ts': 'a' });
    assert.equal((await scanRevertsCached(two.path, { cacheDir })).outcome, 'full');
    assert.equal(cacheFiles(cacheDir).length, 2);
    const oneGitDir = fs.realpathSync(path.join(one.path, '.git'));
    assert.ok(fs.existsSync(cacheFilePath(cacheDir, oneGitDir)));

    await clearScanCache(cacheDir, one.path);
    assert.ok(!fs.existsSync(cacheFilePath(cacheDir, oneGitDir)));
    assert.equal((await scanRevertsCached(one.path, { cacheDir })).outcome, 'full');
    await clearScanCache(cacheDir);
    assert.deepEqual(cacheFiles(cacheDir), []);

    const plain = makeTempDir('plain-');
    await assert.rejects(scanRevertsCached(plain, { cacheDir }), NotAGitRepositoryError);
  });
});
