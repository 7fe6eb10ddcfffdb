import * as assert from 'node:assert/strict';
import { formatTable } from '../../src/cli/scan';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { ALICE, BOB, TempRepo, type Person } from '../helpers/tempRepo';

const CAROL: Person = { name: 'Carol Example', email: 'carol@example.com' };

/**
 * One believable history, end to end: a shop gains features, a bad performance change ships,
 * is reverted through a GitHub squash merge, re-landed, and a payments merge is rolled back.
 * Commits whose messages merely mention reverting must not show up.
 */
describe('revert scan of a realistic history', () => {
  let repo: TempRepo;
  after(() => repo?.dispose());

  it('finds exactly the reverts, newest first, with their links', async () => {
    repo = TempRepo.create();
    repo.commit('Initial project skeleton', { 'package.json': '{}\n', 'src/app.ts': 'export {};\n' });
    repo.commit('feat: add checkout page (#10)', { 'src/checkout.ts': 'export const checkout = 1;\n' }, ALICE);
    repo.commit('chore: bump dependencies', { 'package.json': '{"v":2}\n' }, CAROL);
    const bad = repo.commit('perf: cache cart totals (#11)', { 'src/cart.ts': 'const cache = new Map();\n' }, ALICE);
    repo.commit('docs: explain why we revert to threads in config', { 'docs/config.md': 'threads\n' }, CAROL);
    const squash = repo.commit(
      'Revert "perf: cache cart totals (#11)" (#12)\n\nReverts acme/shop#11\n\nTotals were stale after a coupon was removed.',
      { 'src/cart.ts': '' },
      BOB,
    );
    repo.commit('fix revert logic in the undo stack', { 'src/undo.ts': 'export const undo = 1;\n' }, CAROL);
    repo.commit('Reverting the cache TTL is discussed in #12', { 'docs/cache.md': 'ttl\n' }, CAROL);
    const reapply = repo.commit(
      `Reapply "perf: cache cart totals (#11)" (#14)\n\nThis reverts commit ${squash}.\n\nNow invalidated when coupons change.`,
      { 'src/cart.ts': 'const cache = new Map(); // invalidated\n' },
      ALICE,
    );

    repo.git('checkout', '-q', '-b', 'payments');
    repo.commit('Add payments client', { 'src/payments.ts': 'export const pay = 1;\n' }, ALICE);
    repo.commit('Wire payments into checkout', { 'src/checkout.ts': 'export const checkout = 2;\n' }, ALICE);
    repo.git('checkout', '-q', 'main');
    repo.commit('undo button styling', { 'src/button.css': '.undo{}\n' }, CAROL);
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #15 from acme/payments\n\nPayments', 'payments');
    const merge = repo.head();
    const mergeRevert = repo.revert(merge, BOB, ['-m', '1']);

    const found = await scanReverts(repo.path);
    const dateOf = (sha: string): string => repo.git('log', '-1', '--format=%cI', sha);
    assert.deepEqual(found, [
      {
        sha: mergeRevert,
        kind: 'revert',
        reverted: [merge],
        evidence: 'merge-parent',
        confidence: 0.95,
        subject: 'Revert "Merge pull request #15 from acme/payments"',
        author: 'Bob Example <bob@example.com>',
        date: dateOf(mergeRevert),
      },
      {
        sha: reapply,
        kind: 'reapply',
        reverted: [squash],
        evidence: 'sha',
        confidence: 0.95,
        subject: 'Reapply "perf: cache cart totals (#11)" (#14)',
        author: 'Alice Example <alice@example.com>',
        date: dateOf(reapply),
      },
      {
        sha: squash,
        kind: 'revert',
        reverted: [bad],
        evidence: 'subject-exact',
        confidence: 0.95,
        subject: 'Revert "perf: cache cart totals (#11)" (#12)',
        author: 'Bob Example <bob@example.com>',
        date: dateOf(squash),
      },
    ]);

    const short = (s: string): string => s.slice(0, 7);
    const day = (s: string): string => dateOf(s).slice(0, 10);
    assert.equal(
      formatTable(found),
      [
        'SHA      KIND     DATE        REVERTS  EVIDENCE       SUBJECT',
        `${short(mergeRevert)}  revert   ${day(mergeRevert)}  ${short(merge)}  merge-parent   Revert "Merge pull request #15 from acme/payments"`,
        `${short(reapply)}  reapply  ${day(reapply)}  ${short(squash)}  sha            Reapply "perf: cache cart totals (#11)" (#14)`,
        `${short(squash)}  revert   ${day(squash)}  ${short(bad)}  subject-exact  Revert "perf: cache cart totals (#11)" (#12)`,
        '',
      ].join('\n'),
    );
  });
});
