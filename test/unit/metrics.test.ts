import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import { IncidentStore } from '../../src/core/incidents';
import { computeMetrics, metricsToCsv, metricsToMarkdown, type MetricsReport } from '../../src/core/metrics';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'metrics');
const NOW = new Date('2026-03-01T00:00:00Z');
const SINCE = '2026-01-01T00:00:00Z';
const at = (iso: string): Date => new Date(iso);

interface Story {
  repo: TempRepo;
  /** Commit names (c1, r1, …) by sha, to write golden files without shas. */
  names: Map<string, string>;
}

/**
 * The small history the golden files describe (all times UTC):
 * c0 12-20 initial · c1 01-05 10:00 Add cart · c2 01-06 10:00 Add search · deploy/prod/1 (lightweight, c2)
 * r1 01-06 12:00 revert c1 · deploy/prod/2 01-06 13:00 (r1) · c3 02-02 09:00 Speed up search
 * deploy/prod/3 02-02 10:00 (c3) · deploy/prod/4 02-02 11:00 (r1 again: rollback of prod/3)
 * c4 02-03 09:00 hotfix: rank ties · r2 02-10 09:00 reapply c1 · c5 02-20 09:00 Tweak search copy
 * r3 02-21 09:00 revert c5 (no incident). Incidents: A (01-06, culprit c1, revert r1), B (02-15), C (2025-11-10).
 */
async function buildStory(): Promise<Story> {
  const repo = TempRepo.create();
  const names = new Map<string, string>();
  const commit = (name: string, message: string, files: Record<string, string>, when: string): string => {
    const sha = repo.commit(message, files, undefined, at(when));
    names.set(sha, name);
    return sha;
  };
  const revert = (name: string, sha: string, when: string): string => {
    repo.gitAt(at(when), 'revert', '--no-edit', sha);
    names.set(repo.head(), name);
    return repo.head();
  };
  const tag = (name: string, sha: string, when: string): void => void repo.gitAt(at(when), 'tag', '-a', name, '-m', name, sha);

  commit('c0', 'initial', { 'README.md': 'hi\n', 'src/app.ts': 'app\n' }, '2025-12-20T09:00:00Z');
  const c1 = commit('c1', 'Add cart', { 'src/cart/cart.ts': 'cart\n', 'src/cart/price.ts': 'price\n' }, '2026-01-05T10:00:00Z');
  const c2 = commit('c2', 'Add search', { 'src/search/index.ts': 'search\n' }, '2026-01-06T10:00:00Z');
  repo.git('tag', 'deploy/prod/1', c2);
  const r1 = revert('r1', c1, '2026-01-06T12:00:00Z');
  tag('deploy/prod/2', r1, '2026-01-06T13:00:00Z');
  const c3 = commit('c3', 'Speed up search', { 'src/search/index.ts': 'search fast\n' }, '2026-02-02T09:00:00Z');
  tag('deploy/prod/3', c3, '2026-02-02T10:00:00Z');
  tag('deploy/prod/4', r1, '2026-02-02T11:00:00Z');
  commit('c4', 'hotfix: rank ties', { 'src/search/rank.ts': 'rank\n' }, '2026-02-03T09:00:00Z');
  revert('r2', r1, '2026-02-10T09:00:00Z');
  const c5 = commit('c5', 'Tweak search copy', { 'README.md': 'hello\n', 'src/search/index.ts': 'search, faster\n' }, '2026-02-20T09:00:00Z');
  revert('r3', c5, '2026-02-21T09:00:00Z');

  const store = new IncidentStore(repo.path);
  await store.create(
    {
      id: 'INC-A',
      title: 'Cart broke checkout',
      detected: '2026-01-06T12:30:00Z',
      culprits: [c1],
      revert: r1,
      actions: [
        { text: 'Add cart regression test', owner: 'alice', done: false, kind: 'test' },
        { text: 'Smoke test', done: true, kind: 'checklist' },
      ],
    },
    at('2026-01-06T12:30:00Z'),
  );
  await store.create(
    { id: 'INC-B', title: 'Search slow', detected: '2026-02-15T00:00:00Z', actions: [{ text: 'Add alert on search latency | p95', owner: 'bob', done: false, kind: 'monitoring' }] },
    at('2026-02-15T00:00:00Z'),
  );
  await store.create({ id: 'INC-C', title: 'Old outage', detected: '2025-11-10T00:00:00Z', actions: [{ text: '=Write runbook, "soon"', done: false, kind: 'docs' }] }, at('2025-11-10T00:00:00Z'));
  return { repo, names };
}

/** Full and short shas replaced by the story's names, so the golden files read like the story. */
function named(text: string, names: Map<string, string>): string {
  let out = text;
  for (const [sha, name] of names) out = out.split(sha).join(`<${name}>`).split(sha.slice(0, 7)).join(`<${name}>`);
  return out;
}

function golden(file: string, actual: string): void {
  const p = path.join(GOLDEN, file);
  if (process.env.OWN_IT_UPDATE_GOLDEN === '1') fs.writeFileSync(p, actual);
  assert.equal(actual, fs.readFileSync(p, 'utf8'), `${file} differs (OWN_IT_UPDATE_GOLDEN=1 rewrites it; review the diff)`);
}

describe('insights metrics', function () {
  this.timeout(60000);
  let story: Story;
  let report: MetricsReport;

  before(async () => {
    story = await buildStory();
    report = await computeMetrics(story.repo.path, { since: SINCE, now: NOW });
  });
  after(() => story.repo.dispose());

  const name = (sha: string): string => story.names.get(sha) ?? sha;

  it('computes time to recover per revert and rollback, and the median (hand-computed)', () => {
    const ttr = report.timeToRecover;
    assert.equal(ttr.estimate, true);
    assert.deepEqual(
      ttr.items.map((i) => [i.source, i.source === 'revert' ? name(i.recoveredBy) : i.recoveredBy, i.culprits.map(name), i.hours, i.incident ?? null]),
      [
        ['revert', 'r1', ['c1'], 26, 'docs/incidents/2026-01-06-cart-broke-checkout.md'], // 01-05 10:00 → 01-06 12:00
        ['rollback', 'deploy/prod/4', ['c3'], 2, null], // 02-02 09:00 → 02-02 11:00
        ['revert', 'r3', ['c5'], 24, null], // 02-20 09:00 → 02-21 09:00
      ],
    );
    assert.equal(ttr.medianHours, 24);
  });

  it('computes change failure, rework, incidents per month, hotspots and action ages (hand-computed)', () => {
    // (2 reverts + 1 rollback) ÷ 4 deploys
    assert.deepEqual({ ...report.changeFailure, formula: '' }, { formula: '', estimate: true, rate: 0.75, reverts: 2, caughtBeforeShipping: 0, rollbacks: 1, denominator: 4, basis: 'deploys' });
    // (2 reverts + 1 reapply + 1 hotfix) ÷ 8 commits in the window (c0 is older)
    assert.deepEqual({ ...report.reworkRate, formula: '' }, { formula: '', estimate: true, rate: 0.5, reverts: 2, reapplies: 1, hotfixes: 1, commits: 8 });
    assert.deepEqual(report.incidentsPerMonth.months, [
      { month: '2026-01', incidents: 1, untrackedReverts: 0, total: 1 },
      { month: '2026-02', incidents: 1, untrackedReverts: 1, total: 2 },
      { month: '2026-03', incidents: 0, untrackedReverts: 0, total: 0 },
    ]);
    assert.deepEqual(report.hotspots.files, [
      { path: 'src/search/index.ts', count: 2 },
      { path: 'README.md', count: 1 },
      { path: 'src/cart/cart.ts', count: 1 },
      { path: 'src/cart/price.ts', count: 1 },
    ]);
    assert.deepEqual(report.hotspots.folders, [
      { path: 'src/search', count: 2 },
      { path: '.', count: 1 },
      { path: 'src/cart', count: 1 },
    ]);
    // From each item's added: date (stamped when the file was created): 03-01 minus 2025-11-10 = 111 days;
    // minus 01-06 (added: 2026-01-06, a whole day) = 54; minus 02-15 = 14
    assert.deepEqual(report.actionAge.items.map((a) => [a.action, a.added, a.ageDays]), [
      ['=Write runbook, "soon"', '2025-11-10', 111],
      ['Add cart regression test', '2026-01-06', 54],
      ['Add alert on search latency | p95', '2026-02-15', 14],
    ]);
    assert.equal(report.actionAge.medianDays, 54);
    assert.deepEqual(report.unreadableIncidentFiles, []);
  });

  it('renders the golden Markdown and CSV', () => {
    golden('small.md', named(metricsToMarkdown(report), story.names));
    golden('small.csv', named(metricsToCsv(report), story.names));
  });

  it('falls back to merges on the default branch without deploy tags, and honours the window', async () => {
    const noTags = await computeMetrics(story.repo.path, { since: SINCE, now: NOW, tagPattern: 'release/*' });
    // 2 reverts ÷ 8 first-parent commits; the rollback needs deploy tags.
    assert.equal(noTags.changeFailure.basis, 'merges');
    assert.equal(noTags.changeFailure.denominator, 8);
    assert.equal(noTags.changeFailure.rate, 0.25);
    assert.match(noTags.changeFailure.formula, /first-parent/);

    const february = await computeMetrics(story.repo.path, { since: '2026-02-01T00:00:00Z', now: at('2026-02-15T12:00:00Z') });
    assert.deepEqual(february.timeToRecover.items.map((i) => i.recoveredBy), ['deploy/prod/4']);
    assert.deepEqual({ ...february.reworkRate, formula: '' }, { formula: '', estimate: true, rate: 0.6667, reverts: 0, reapplies: 1, hotfixes: 1, commits: 3 });
    assert.deepEqual(february.incidentsPerMonth.months, [{ month: '2026-02', incidents: 1, untrackedReverts: 0, total: 1 }]);
  });

  it('defaults to the last 180 days, and fails clearly outside a repository or for a bad date', async () => {
    const r = await computeMetrics(story.repo.path, { now: NOW });
    assert.equal(r.since, '2025-09-02T00:00:00Z');
    assert.equal(r.actionAge.items.length, 3);
    const plain = makeTempDir('plain-');
    try {
      await assert.rejects(computeMetrics(plain), NotAGitRepositoryError);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    await assert.rejects(computeMetrics(story.repo.path, { since: 'not a date' }), /since must be a date/);
  });

  it('counts the whole history for "All history" (a window starting at the epoch)', async () => {
    // git reads `@0` (any `@N` below 100000000) as no date it knows, so a window from 1970 used to count nothing.
    const all = await computeMetrics(story.repo.path, { since: new Date(0).toISOString(), now: NOW });
    assert.equal(all.since, '1970-01-01T00:00:00Z');
    // c0…c5, r1, r2, r3: every commit on HEAD.
    assert.deepEqual({ ...all.reworkRate, formula: '' }, { formula: '', estimate: true, rate: 0.4444, reverts: 2, reapplies: 1, hotfixes: 1, commits: 9 });
    assert.deepEqual(all.timeToRecover.items.map((i) => (i.source === 'revert' ? name(i.recoveredBy) : i.recoveredBy)), ['r1', 'deploy/prod/4', 'r3']);
    assert.deepEqual({ ...all.changeFailure, formula: '' }, { formula: '', estimate: true, rate: 0.75, reverts: 2, caughtBeforeShipping: 0, rollbacks: 1, denominator: 4, basis: 'deploys' });
    const merges = await computeMetrics(story.repo.path, { since: '1970-01-01T00:00:00Z', now: NOW, tagPattern: 'release/*' });
    assert.equal(merges.changeFailure.denominator, 9);
  });

  it('quotes CSV fields properly and keeps formulas from running in spreadsheets', () => {
    const csv = metricsToCsv(report);
    assert.ok(csv.includes(`open_action_age,"'=Write runbook, ""soon""",111,days,`), csv);
    assert.ok(csv.split('\r\n')[0] === 'metric,item,value,unit,detail,formula');
    const md = metricsToMarkdown(report);
    assert.ok(md.includes('Add alert on search latency \\| p95'));
  });
});
