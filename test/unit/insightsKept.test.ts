import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeMetrics, readStoredReport, reportFingerprint, writeStoredReport, type FingerprintInput, type MetricsReport } from '../../src/core/metrics';
import { IncidentStore } from '../../src/core/incidents';
import { HistoryFacts, type KeptReports } from '../../src/services/historyFacts';
import { emitter } from '../helpers/eventSource';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const SETTINGS = { tagPattern: 'deploy/*', hotfixPattern: '\\bhotfix\\b', hotfixWindowHours: 24 };
const NOW = new Date('2026-03-01T10:00:00Z');

/** The same wiring as the extension (services/metrics.ts keptReports), over one storage folder. */
function kept(dir: string, now: () => Date = () => NOW): KeptReports {
  return {
    fingerprint: (repoRoot, since) => reportFingerprint({ repoRoot, since, settings: SETTINGS, producer: 'test-build', now: now() }),
    read: (repoRoot, since, f) => readStoredReport(dir, repoRoot, since, f),
    write: (repoRoot, since, f, report) => writeStoredReport(dir, repoRoot, since, f, report, now()),
  };
}

function sessionFacts(dir: string, calls: string[], now?: () => Date): HistoryFacts {
  const none = emitter<void>();
  return new HistoryFacts(
    { onDidChangeRepository: emitter<{ root: string }>().event, onDidChangeIncidents: none.event, onDidChangeSettings: none.event },
    (root, since, signal) => {
      calls.push(root);
      return computeMetrics(root, { ...(since ? { since } : {}), now: NOW, signal });
    },
    kept(dir, now),
  );
}

/** Resolves once `check` holds (polled), or fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Insights kept between sessions: fingerprint, stored report, cancellation (real git)', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let storage: string;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add cart', { 'cart.js': 'total\n' });
    repo.commit('hotfix: cart rounding', { 'cart.js': 'rounded total\n' });
    storage = makeTempDir('insights-kept-');
  });
  afterEach(() => {
    repo.dispose();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('the fingerprint changes with refs, incident files, settings, window and day, and only then', async () => {
    const base: FingerprintInput = { repoRoot: repo.path, since: '2025-09-02T10:00:00.000Z', settings: SETTINGS, producer: 'b1', now: NOW };
    const first = await reportFingerprint(base);
    assert.match(first ?? '', /^[0-9a-f]{64}$/);
    assert.equal(await reportFingerprint({ ...base, since: '2025-09-02T10:07:00.000Z', now: new Date('2026-03-01T23:00:00Z') }), first, 'same window day, same day: same fingerprint');

    const seen = new Set([first]);
    const changed = async (what: string, input: FingerprintInput = base): Promise<void> => {
      const f = await reportFingerprint(input);
      assert.ok(f && !seen.has(f), `${what} changes the fingerprint`);
      seen.add(f);
    };
    await changed('another day', { ...base, now: new Date('2026-03-02T00:00:01Z') });
    await changed('another window', { ...base, since: '1970-01-01T00:00:00.000Z' });
    await changed('another setting', { ...base, settings: { ...SETTINGS, tagPattern: 'release/*' } });
    await changed('another build', { ...base, producer: 'b2' });
    repo.git('tag', 'deploy/prod/1');
    await changed('a new tag');
    repo.commit('Add search', { 'search.js': 'query\n' });
    await changed('a new commit (HEAD and the branch moved)');
    repo.git('checkout', '-q', '-b', 'topic');
    await changed('HEAD on another branch (show-ref --head lists HEAD and the new branch)');
    const store = new IncidentStore(repo.path);
    const created = await store.create({ id: 'INC-1', title: 'Cart broke checkout', detected: '2026-02-20T00:00:00Z' }, new Date('2026-02-20T00:00:00Z'));
    await changed('a new incident file');
    fs.appendFileSync(created.path, '\nMore notes.\n');
    await changed('an edited incident file');
    const again = await reportFingerprint(base);
    assert.ok(again && seen.has(again), 'nothing changed since: the same fingerprint');
    assert.equal(await reportFingerprint({ ...base, repoRoot: makeTempDir('plain-') }), undefined, 'no repository, no fingerprint');
  });

  it('a second session draws the stored report without computing; a new commit or incident makes it compute again', async () => {
    const calls: string[] = [];
    const first = sessionFacts(storage, calls);
    const since = '2025-09-02T10:00:00.000Z';
    assert.equal(await first.storedMetrics(repo.path, since), undefined, 'nothing kept yet');
    const report = await first.metrics(repo.path, since);
    await until(() => fs.readdirSync(storage).some((f) => f.endsWith('.json')), 10000, 'the report to be written');
    first.dispose();

    const second = sessionFacts(storage, calls);
    const stored = await second.storedMetrics(repo.path, '2025-09-02T10:30:00.000Z');
    assert.deepEqual(stored, JSON.parse(JSON.stringify(report)));
    assert.equal(calls.length, 1, 'served without computing');
    assert.equal(await second.storedMetrics(repo.path, '1970-01-01T00:00:00.000Z'), undefined, 'another window is not kept');

    repo.commit('Add search', { 'search.js': 'query\n' });
    assert.equal(await second.storedMetrics(repo.path, since), undefined, 'refs moved: not served');
    const recomputed = await second.metrics(repo.path, since);
    assert.equal(recomputed.reworkRate.commits, 3);
    assert.equal(calls.length, 2);
    second.dispose();

    const third = sessionFacts(storage, calls);
    let served: MetricsReport | undefined;
    const deadline = Date.now() + 10000;
    while (!(served = await third.storedMetrics(repo.path, since)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(served?.reworkRate.commits, 3, 'the recomputed report is kept for the next session');
    await new IncidentStore(repo.path).create({ id: 'INC-2', title: 'Search slow', detected: '2026-02-25T00:00:00Z' }, new Date('2026-02-25T00:00:00Z'));
    assert.equal(await third.storedMetrics(repo.path, since), undefined, 'a new incident file: not served');
    third.dispose();

    const tomorrow = sessionFacts(storage, calls, () => new Date('2026-03-02T08:00:00Z'));
    assert.equal(await tomorrow.storedMetrics(repo.path, since), undefined, 'another day: not served');
    tomorrow.dispose();
  });

  it('computeMetrics stops when its signal fires: git processes end, it rejects with AbortError', async () => {
    // A git that sleeps on the commit count stands in for a long walk of a large history.
    const bin = makeTempDir('slow-git-');
    const log = path.join(bin, 'calls.log');
    const wrapper = path.join(bin, 'git');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$$ $*" >> '${log}'\ncase "$*" in *"rev-list --count"*) exec sleep 30;; esac\nexec git "$@"\n`, { mode: 0o755 });
    try {
      const before = new AbortController();
      before.abort();
      await assert.rejects(computeMetrics(repo.path, { gitBinary: wrapper, signal: before.signal }), { name: 'AbortError' });
      assert.equal(fs.existsSync(log), false, 'a computation cancelled before it started runs no git');

      const controller = new AbortController();
      const started = Date.now();
      const computing = computeMetrics(repo.path, { gitBinary: wrapper, signal: controller.signal, now: NOW });
      await until(() => fs.existsSync(log) && /rev-list --count/.test(fs.readFileSync(log, 'utf8')), 20000, 'the slow count to start');
      controller.abort();
      await assert.rejects(computing, { name: 'AbortError' });
      assert.ok(Date.now() - started < 20000, 'it did not wait for the 30 s count');
      const sleepers = fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.includes('rev-list --count'))
        .map((l) => Number(l.split(' ')[0]));
      assert.ok(sleepers.length > 0);
      await until(() => sleepers.every((pid) => !alive(pid)), 5000, 'the slow counts to be ended');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('a shared computation stops only when every caller with a signal gave up and none waits without one', async () => {
    const signals: AbortSignal[] = [];
    const none = emitter<void>();
    const facts = new HistoryFacts({ onDidChangeRepository: emitter<{ root: string }>().event, onDidChangeIncidents: none.event, onDidChangeSettings: none.event }, (root, _since, signal) => {
      signals.push(signal);
      return computeMetrics(root, { now: NOW, signal });
    });
    try {
      const a = new AbortController();
      const b = new AbortController();
      const first = facts.metrics(repo.path, undefined, a.signal);
      const second = facts.metrics(repo.path, undefined, b.signal);
      a.abort();
      assert.equal(signals[0].aborted, false, 'one panel still waits');
      b.abort();
      assert.equal(signals[0].aborted, true, 'nobody waits: the computation is cancelled');
      await assert.rejects(first, { name: 'AbortError' });
      await assert.rejects(second, { name: 'AbortError' });

      const c = new AbortController();
      const third = facts.metrics(repo.path, undefined, c.signal);
      assert.equal(signals.length, 2, 'a cancelled computation is not kept');
      const pinned = facts.metrics(repo.path);
      c.abort();
      assert.equal(signals[1].aborted, false, 'an export waits without a signal: it goes on');
      assert.equal((await pinned).reworkRate.commits, 2);
      assert.equal(await third, await pinned);
    } finally {
      facts.dispose();
    }
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers; ps says whether it is one.
    return !/Z/.test(execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
