import * as assert from 'node:assert/strict';
import { IncidentStore } from '../../src/core/incidents';
import { computeMetrics } from '../../src/core/metrics';
import { buildInsightsView, durationUnit, middleEllipsis } from '../../src/webviews/insights/viewModel';
import { ALICE, TempRepo } from '../helpers/tempRepo';

const at = (iso: string): Date => new Date(iso);

describe('insights a team would trust', function () {
  this.timeout(60000);

  it('does not count conventional fix: commits as hotfixes; the word hotfix and hotfix/ merges count', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': '0\n' }, ALICE, at('2026-01-01T09:00:00Z'));
      repo.commit('fix(runtime-core): keep hooks', { 'a.txt': '1\n' }, ALICE, at('2026-01-02T09:00:00Z'));
      repo.commit('fix: typo', { 'a.txt': '2\n' }, ALICE, at('2026-01-03T09:00:00Z'));
      repo.commit('hotfix: guard empty cart', { 'a.txt': '3\n' }, ALICE, at('2026-01-04T09:00:00Z'));
      repo.git('checkout', '-q', '-b', 'hotfix/login');
      repo.commit('guard login', { 'b.txt': '1\n' }, ALICE, at('2026-01-05T09:00:00Z'));
      repo.git('checkout', '-q', 'main');
      repo.gitAt(at('2026-01-05T10:00:00Z'), 'merge', '-q', '--no-ff', '-m', "Merge branch 'hotfix/login'", 'hotfix/login');
      const r = await computeMetrics(repo.path, { now: at('2026-02-01T00:00:00Z'), since: '2026-01-01T00:00:00Z' });
      assert.equal(r.reworkRate.hotfixes, 2, 'hotfix: and the hotfix/ merge; not the two fix: commits');
      assert.match(r.reworkRate.formula, /conventional fix:\/fix\(…\) commits are not hotfixes/);
    } finally {
      repo.dispose();
    }
  });

  it('a revert that never reached a remote branch is caught before shipping, not a failure', async () => {
    const seed = TempRepo.create();
    seed.commit('initial', { 'a.txt': '0\n' }, ALICE, at('2026-01-01T09:00:00Z'));
    const bare = TempRepo.clone(seed.path, ['--bare']);
    const work = TempRepo.clone(bare.path);
    try {
      const shipped = work.commit('Add cache', { 'a.txt': '1\n' }, ALICE, at('2026-01-02T09:00:00Z'));
      work.gitAt(at('2026-01-02T10:00:00Z'), 'revert', '--no-edit', shipped);
      work.git('push', '-q', 'origin', 'main');
      const local = work.commit('Tune TTL', { 'a.txt': '2\n' }, ALICE, at('2026-01-03T09:00:00Z'));
      work.gitAt(at('2026-01-03T10:00:00Z'), 'revert', '--no-edit', local);
      const r = await computeMetrics(work.path, { now: at('2026-02-01T00:00:00Z'), since: '2026-01-01T00:00:00Z' });
      assert.equal(r.changeFailure.reverts, 1, 'only the pushed revert is a failure');
      assert.equal(r.changeFailure.caughtBeforeShipping, 1);
      assert.equal(r.reworkRate.reverts, 2, 'both are still rework');
      const card = buildInsightsView(r, 'x').cards.find((c) => c.id === 'caughtBeforeShipping');
      assert.equal(card?.value, '1');
      assert.equal(card?.tone, 'good');
    } finally {
      [work, bare, seed].forEach((x) => x.dispose());
    }
  });

  it('windows end at --until, and an action item\'s age counts from when it was added', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': '0\n' }, ALICE, at('2026-01-01T09:00:00Z'));
      const store = new IncidentStore(repo.path);
      const created = await store.create({ title: 'Old outage', detected: '2025-07-01T00:00:00Z', actions: [{ text: 'Write runbook', done: false, kind: 'docs' }] }, at('2025-07-01T00:00:00Z'));
      // An item added today to an incident detected months ago is minutes old, not months.
      const saved = await store.save(created, { ...created.incident, actions: [...created.incident.actions, { text: 'Add alert', done: false, kind: 'monitoring' }] });
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(saved.incident.actions.map((a) => [a.text, a.added]), [['Write runbook', '2025-07-01'], ['Add alert', today]]);
      assert.match(saved.raw, new RegExp(`added: ${today}`));
      const r = await computeMetrics(repo.path, { since: '2025-01-01T00:00:00Z' });
      assert.deepEqual(r.actionAge.items.map((a) => [a.action, a.added]), [['Write runbook', '2025-07-01'], ['Add alert', today]]);
      assert.equal(r.actionAge.items.find((a) => a.action === 'Add alert')?.ageDays, 0);
      const until = await computeMetrics(repo.path, { since: '2025-12-01T00:00:00Z', until: '2025-12-31T00:00:00Z' });
      assert.equal(until.until, '2025-12-31T00:00:00Z');
      assert.equal(until.reworkRate.commits, 0, 'the initial commit is after --until');
      await assert.rejects(computeMetrics(repo.path, { until: 'not a date' }), /until must be a date/);
    } finally {
      repo.dispose();
    }
  });

  it('shows durations in units that fit, and shortens labels in the middle', () => {
    assert.deepEqual(durationUnit(0.5), { unit: 'minutes', perHour: 60 });
    assert.deepEqual(durationUnit(20), { unit: 'hours', perHour: 1 });
    assert.deepEqual(durationUnit(500), { unit: 'days', perHour: 1 / 24 });
    const label = middleEllipsis('packages/runtime-core/__tests__/rendererTemplateRef.spec.ts', 40);
    assert.equal(label.length, 40);
    assert.ok(label.startsWith('packages/'), label);
    assert.ok(label.endsWith('rendererTemplateRef.spec.ts'), label);
    assert.equal(middleEllipsis('src/a.ts', 40), 'src/a.ts');
  });
});
