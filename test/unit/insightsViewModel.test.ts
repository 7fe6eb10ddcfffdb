import * as assert from 'node:assert/strict';
import { IncidentStore } from '../../src/core/incidents';
import { computeMetrics, metricsToCsv, metricsToMarkdown, type MetricsReport } from '../../src/core/metrics';
import { buildInsightsView, ESTIMATE_NOTE, exportFileName, formatHours, formatPercent, renderReport } from '../../src/webviews/insights/viewModel';
import { TempRepo } from '../helpers/tempRepo';

const NOW = new Date('2026-03-01T00:00:00Z');
const at = (iso: string): Date => new Date(iso);

describe('insights view model', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  let report: MetricsReport;
  let culprit: string;
  let revert: string;

  /**
   * A history with one revert 6 hours after its culprit (which touched 12 files, one of them named
   * like markup), a deploy rolled back to its predecessor, and an incident with an open action.
   */
  before(async () => {
    repo = TempRepo.create();
    repo.commit('initial', { 'README.md': 'hi\n' }, undefined, at('2026-01-02T09:00:00Z'));
    const files: Record<string, string> = { 'src/<img src=x onerror=alert(1)>.ts': 'x\n' };
    for (let i = 0; i < 11; i++) files[`src/cart/part${i}.ts`] = `part ${i}\n`;
    culprit = repo.commit('Rewrite cart', files, undefined, at('2026-01-10T08:00:00Z'));
    repo.gitAt(at('2026-01-10T14:00:00Z'), 'revert', '--no-edit', culprit);
    revert = repo.head();
    const good = repo.commit('Add search', { 'src/search.ts': 's\n' }, undefined, at('2026-02-01T09:00:00Z'));
    repo.gitAt(at('2026-02-01T10:00:00Z'), 'tag', '-a', 'deploy/prod/1', '-m', 'deploy', good);
    const bad = repo.commit('Speed up search', { 'src/search.ts': 'fast\n' }, undefined, at('2026-02-02T09:00:00Z'));
    repo.gitAt(at('2026-02-02T10:00:00Z'), 'tag', '-a', 'deploy/prod/2', '-m', 'deploy', bad);
    repo.gitAt(at('2026-02-02T12:00:00Z'), 'tag', '-a', 'deploy/prod/3', '-m', 'rollback', good);
    await new IncidentStore(repo.path).create({
      title: 'Cart lost items',
      detected: '2026-01-10T14:30:00Z',
      culprits: [culprit],
      revert,
      actions: [{ text: 'Test the <cart> merge', owner: 'alice', done: false, kind: 'test' }],
    }, at('2026-01-10T14:30:00Z'));
    report = await computeMetrics(repo.path, { now: NOW, since: '2026-01-01T00:00:00Z' });
  });

  after(() => repo.dispose());

  it('shows every metric with its formula and labels the page an estimate', () => {
    const view = buildInsightsView(report, 'shop');
    assert.equal(view.note, ESTIMATE_NOTE);
    assert.match(view.note, /estimate/);
    assert.deepEqual(
      view.cards.map((c) => [c.id, c.formula]),
      [
        ['timeToRecover', report.timeToRecover.formula],
        ['changeFailure', report.changeFailure.formula],
        ['caughtBeforeShipping', 'reverts in the window that no remote-tracking branch contains (git rev-list HEAD --not --remotes)'],
        ['reworkRate', report.reworkRate.formula],
        ['actionAge', report.actionAge.formula],
      ],
    );
    assert.equal(view.recovery.formula, report.timeToRecover.formula);
    assert.equal(view.perMonth.formula, report.incidentsPerMonth.formula);
    assert.equal(view.hotspots.formula, report.hotspots.formula);
    assert.equal(view.actionAge.formula, report.actionAge.formula);
    assert.deepEqual([view.repoName, view.since, view.until], ['shop', '2026-01-01', '2026-03-01']);
  });

  it('formats the headline numbers from the report', () => {
    const view = buildInsightsView(report, 'shop');
    const card = (id: string) => view.cards.find((c) => c.id === id);
    assert.equal(report.changeFailure.basis, 'deploys');
    assert.equal(card('changeFailure')?.value, formatPercent(report.changeFailure.rate));
    assert.match(card('changeFailure')?.detail ?? '', /^1 shipped revert \+ 1 rollback ÷ 3 deploys$/);
    assert.equal(card('timeToRecover')?.value, formatHours(report.timeToRecover.medianHours));
    assert.match(card('timeToRecover')?.detail ?? '', /over 2 reverts and rollbacks/);
    assert.equal(card('actionAge')?.value, `${report.actionAge.medianDays} days`);
  });

  it('charts recovery per revert and rollback in hours, labelled by short sha or tag', () => {
    const { recovery } = buildInsightsView(report, 'shop');
    const revertRow = recovery.rows.find((r) => r.source === 'revert');
    assert.ok(revertRow);
    assert.equal(revertRow.recoveredBy, revert.slice(0, 7));
    assert.equal(revertRow.hours, 6);
    assert.equal(revertRow.duration, '6 h');
    assert.match(revertRow.incident ?? '', /^docs\/incidents\/2026-01-10-cart-lost-items\.md$/);
    const rollback = recovery.rows.find((r) => r.source === 'rollback (prod)');
    assert.ok(rollback, JSON.stringify(recovery.rows));
    assert.equal(rollback.recoveredBy, 'deploy/prod/3', 'the deploy that went back to the good commit');
    assert.deepEqual(recovery.chart.labels, recovery.rows.map((r) => r.recoveredBy));
    assert.deepEqual(recovery.chart.datasets[0].data, recovery.rows.map((r) => r.hours));
  });

  it('stacks incidents and untracked reverts per month, one bar per month of the window', () => {
    const { perMonth } = buildInsightsView(report, 'shop');
    assert.deepEqual(perMonth.chart.labels, ['2026-01', '2026-02', '2026-03']);
    assert.deepEqual(perMonth.chart.datasets.map((d) => d.label), ['Incidents', 'Reverts without an incident']);
    assert.deepEqual(perMonth.chart.datasets[0].data, report.incidentsPerMonth.months.map((m) => m.incidents));
    assert.deepEqual(perMonth.chart.datasets[1].data, report.incidentsPerMonth.months.map((m) => m.untrackedReverts));
    assert.equal(perMonth.chart.datasets[0].data[0], 1);
    assert.equal(perMonth.total, report.incidentsPerMonth.months.reduce((n, m) => n + m.total, 0));
  });

  it('charts the hotspot files and folders as the core ranked them, leaving paths as plain text', () => {
    const { hotspots } = buildInsightsView(report, 'shop');
    assert.deepEqual(hotspots.files.labels, report.hotspots.files.map((h) => h.path));
    assert.deepEqual(hotspots.files.datasets[0].data, report.hotspots.files.map((h) => h.count));
    assert.deepEqual(hotspots.folders.labels, report.hotspots.folders.map((h) => h.path));
    assert.deepEqual(hotspots.folders.labels, ['src', 'src/cart'], 'src: the cart rewrite and the rolled-back search change');
    // The UI renders labels with textContent or on canvas, so the model must not escape them.
    assert.ok(hotspots.files.labels.includes('src/<img src=x onerror=alert(1)>.ts'), hotspots.files.labels.join(', '));
  });

  it('lists open action items with their incident and age', () => {
    const { actionAge } = buildInsightsView(report, 'shop');
    assert.deepEqual(actionAge.rows, [
      { action: 'Test the <cart> merge', owner: 'alice', incident: 'docs/incidents/2026-01-10-cart-lost-items.md', incidentTitle: 'Cart lost items', ageDays: 50 },
    ]);
  });

  it('says n/a, not 0, when a metric has nothing to divide by', () => {
    const emptyReport: MetricsReport = {
      ...report,
      timeToRecover: { ...report.timeToRecover, medianHours: null, items: [] },
      changeFailure: { ...report.changeFailure, rate: null, reverts: 0, rollbacks: 0, denominator: 0, basis: 'merges' },
      reworkRate: { ...report.reworkRate, rate: null, reverts: 0, reapplies: 0, hotfixes: 0, commits: 0 },
      hotspots: { ...report.hotspots, files: [], folders: [] },
      actionAge: { ...report.actionAge, medianDays: null, items: [] },
    };
    const view = buildInsightsView(emptyReport, 'empty');
    assert.deepEqual(view.cards.map((c) => c.value), ['n/a', 'n/a', '0', 'n/a', 'n/a']);
    assert.equal(view.cards[1].detail, '0 shipped reverts + 0 rollbacks ÷ 0 merges');
    assert.equal(view.cards[0].detail, 'No reverts or rollbacks in the window.');
    assert.deepEqual(view.recovery.chart, { labels: [], unit: 'hours', datasets: [{ label: 'Time to recover (hours)', data: [] }] });
    assert.deepEqual(view.hotspots.files.labels, []);
  });

  it('formats durations and rates for reading at a glance', () => {
    assert.equal(formatHours(0.25), '15 min');
    assert.equal(formatHours(1), '1 h');
    assert.equal(formatHours(5.26), '5.3 h');
    assert.equal(formatHours(30), '30 h');
    assert.equal(formatHours(72), '3 days');
    assert.equal(formatHours(null), 'n/a');
    assert.equal(formatPercent(0.25), '25%');
    assert.equal(formatPercent(1 / 3), '33.3%');
    assert.equal(formatPercent(0), '0%');
  });

  it('names exports insights-YYYY-MM-DD in local time and renders them with the core formatters', () => {
    assert.equal(exportFileName('markdown', new Date(2026, 0, 5, 23, 59)), 'insights-2026-01-05.md');
    assert.equal(exportFileName('csv', new Date(2026, 11, 31, 0, 1)), 'insights-2026-12-31.csv');
    assert.equal(renderReport(report, 'markdown'), metricsToMarkdown(report));
    assert.equal(renderReport(report, 'csv'), metricsToCsv(report));
  });
});
