import * as assert from 'node:assert/strict';
import { computeMetrics, type MetricsReport } from '../../src/core/metrics';
import { HistoryFacts } from '../../src/services/historyFacts';
import { emitter } from '../helpers/eventSource';
import { TempRepo } from '../helpers/tempRepo';

describe('shared history facts: computed once, kept until the repository says otherwise', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let other: TempRepo;
  let calls: string[];
  const repoEvents = emitter<{ root: string }>();
  const incidentEvents = emitter<void>();
  const settingEvents = emitter<void>();
  let facts: HistoryFacts;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add cart', { 'cart.js': 'total\n' });
    other = TempRepo.create();
    other.commit('Add search', { 'search.js': 'query\n' });
    calls = [];
    facts = new HistoryFacts({ onDidChangeRepository: repoEvents.event, onDidChangeIncidents: incidentEvents.event, onDidChangeSettings: settingEvents.event }, (root, since) => {
      calls.push(root);
      return computeMetrics(root, since ? { since } : {});
    });
  });
  afterEach(() => {
    facts.dispose();
    repo.dispose();
    other.dispose();
  });

  it('answers a second ask (same repository, same day window) from the first computation', async () => {
    const first = await facts.metrics(repo.path, '2026-01-01T08:00:00.000Z');
    const again = await facts.metrics(repo.path, '2026-01-01T08:05:00.000Z');
    assert.equal(again, first);
    assert.deepEqual(calls, [repo.path]);
    assert.notEqual(await facts.metrics(repo.path, '2025-12-01T08:00:00.000Z'), first, 'another window is another computation');
    assert.equal(calls.length, 2);
  });

  it('recomputes after the repository changes, offering the stale facts meanwhile; other repositories keep theirs', async () => {
    const before = await facts.metrics(repo.path);
    const otherBefore = await facts.metrics(other.path);
    repo.commit('Fix cart rounding', { 'cart.js': 'rounded total\n' });
    repoEvents.fire({ root: repo.path });
    assert.equal(facts.peekMetrics(repo.path), before, 'the last known facts are offered at once');
    const after: MetricsReport = await facts.metrics(repo.path);
    assert.notEqual(after, before);
    assert.equal(facts.peekMetrics(repo.path), after);
    assert.equal(await facts.metrics(other.path), otherBefore);
    assert.deepEqual(calls, [repo.path, other.path, repo.path]);
  });

  it('recomputes every repository after the incidents or the settings change, and after a failure', async () => {
    await facts.metrics(repo.path);
    incidentEvents.fire();
    await facts.metrics(repo.path);
    settingEvents.fire();
    await facts.metrics(repo.path);
    assert.equal(calls.length, 3);
    const missing = `${repo.path}-missing`;
    await assert.rejects(facts.metrics(missing));
    await assert.rejects(facts.metrics(missing));
    assert.equal(calls.filter((c) => c === missing).length, 2, 'a failure is not kept');
  });
});
