import * as assert from 'node:assert/strict';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { detectOne } from '../helpers/detectOne';
import type { RevertDetection } from '../../src/core/revert/types';
import { TempRepo } from '../helpers/tempRepo';

/**
 * The scan answers every subject and PR lookup in one walk beside the candidate walk
 * (ancestorSearch.ts); these pin down that it keeps the single lookups' evidence rules.
 */
describe('revert scanner: subject and PR lookups in one walk (real git)', function () {
  // Builds repositories of up to 90 commits: well under 20 s alone, not always on a loaded 2-core machine.
  this.timeout(60000);
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  const linkOf = (found: RevertDetection[], sha: string): Pick<RevertDetection, 'reverted' | 'evidence'> => {
    const d = found.find((x) => x.sha === sha);
    assert.ok(d, `no detection for ${sha}`);
    return { reverted: d.reverted, evidence: d.evidence };
  };

  it('links the ancestor with the subject, not a newer same-subject commit on a branch merged later', async () => {
    const repo = track(TempRepo.create());
    repo.commit('Initial', { 'a.ts': 'a' });
    const main = repo.git('rev-parse', '--abbrev-ref', 'HEAD');
    const original = repo.commit('Add cache', { 'cache.ts': 'v1' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('Add cache', { 'cache2.ts': 'x' });
    repo.git('checkout', '-q', main);
    const revert = repo.commit('revert: Add cache', { 'cache.ts': '' });
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge side', 'side');

    const found = await scanReverts(repo.path);
    assert.deepEqual(linkOf(found, revert), { reverted: [original], evidence: 'subject-exact' });
    const single = await detectOne(repo.path, revert);
    assert.deepEqual({ reverted: single?.reverted, evidence: single?.evidence }, { reverted: [original], evidence: 'subject-exact' });
  });

  it('prefers an exact subject anywhere in the ancestry over a nearer PR number, and uses the PR when the subject matches nothing', async () => {
    const repo = track(TempRepo.create());
    const login = repo.commit('Fix login', { 'login.ts': 'v1' });
    const pr = repo.commit('Tune cache (#5)', { 'cache.ts': 'v1' });
    repo.commit('Unrelated', { 'x.ts': 'x' });
    const bySubject = repo.commit('Revert "Fix login"\n\nReverts acme/web#5', { 'login.ts': '' });
    const byPr = repo.commit('Revert "A title that was edited"\n\nReverts acme/web#5', { 'cache.ts': '' });
    const nothing = repo.commit('Revert "Never existed"', { 'y.ts': 'y' });

    const found = await scanReverts(repo.path);
    assert.deepEqual(linkOf(found, bySubject), { reverted: [login], evidence: 'subject-exact' });
    assert.deepEqual(linkOf(found, byPr), { reverted: [pr], evidence: 'pr-number' });
    assert.deepEqual(linkOf(found, nothing), { reverted: [], evidence: 'none' });
  });

  it('links every revert of a scan that spans several candidate pages to its own nearest original', async () => {
    const repo = track(TempRepo.create());
    const expected = new Map<string, string>();
    const stale: string[] = [];
    for (let i = 0; i < 30; i++) {
      // An older commit with the same subject: the nearest one must win.
      stale.push(repo.commit(`Change ${i} of the importer`, { [`f${i}.ts`]: 'old' }));
    }
    for (let i = 0; i < 30; i++) {
      const original = repo.commit(`Change ${i} of the importer`, { [`f${i}.ts`]: 'new' });
      const revert = repo.commit(i % 2 ? `revert: Change ${i} of the importer` : `Revert "Change ${i} of the im…"`, { [`f${i}.ts`]: 'old' });
      expected.set(revert, original);
    }
    const found = await scanReverts(repo.path);
    assert.equal(found.length, 30);
    for (const [revert, original] of expected) {
      const link = linkOf(found, revert);
      assert.deepEqual(link.reverted, [original]);
      assert.ok(!stale.includes(link.reverted[0]));
    }
  });
});
