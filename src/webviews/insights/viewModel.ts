/**
 * Turns a {@link MetricsReport} into what the Insights panel draws: formatted numbers with their
 * formulas, and chart series. Pure (no vscode, no DOM) so it is unit-tested directly and the UI
 * bundle only renders.
 */
import type { MetricsReport } from '../../core/metrics/types';
import { countOf as plural } from '../../core/text/plural';
import { metricsModule } from '../../services/lazyBundles';
import type { ActionRow, BarSeries, InsightsView, MetricCard, RecoveryRow } from './protocol';

export type { ActionRow, BarSeries, InsightsView, MetricCard, RecoveryRow };
export { middleEllipsis } from './labels';

export const ESTIMATE_NOTE =
  'Every number here is an estimate read from git history and incident files: a revert is not always a failure, and a deploy tag is not always a deploy.';

/** `0.25` → `25%`, `0.123` → `12.3%`; null → `n/a`. */
export function formatPercent(rate: number | null): string {
  if (rate === null) return 'n/a';
  const p = rate * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** Durations a person reads at a glance: minutes under an hour, hours under two days, then days. */
export function formatHours(hours: number | null): string {
  if (hours === null) return 'n/a';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${trim(hours)} h`;
  return `${trim(hours / 24)} days`;
}

/** The unit a set of durations reads best in, and the factor from hours to it. */
export function durationUnit(maxHours: number): { unit: 'minutes' | 'hours' | 'days'; perHour: number } {
  if (maxHours < 1) return { unit: 'minutes', perHour: 60 };
  if (maxHours < 48) return { unit: 'hours', perHour: 1 };
  return { unit: 'days', perHour: 1 / 24 };
}


function trim(n: number): string {
  return n >= 10 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '');
}

/** A sha is shortened; a tag or other ref stays readable. */
function shortRef(ref: string): string {
  return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref;
}

export function buildInsightsView(report: MetricsReport, repoName: string): InsightsView {
  const { timeToRecover: ttr, changeFailure: cf, reworkRate: rw, incidentsPerMonth: ipm, hotspots: hs, actionAge: aa } = report;
  const cards: MetricCard[] = [
    {
      id: 'timeToRecover',
      label: 'Time to recover (median)',
      value: formatHours(ttr.medianHours),
      detail: ttr.items.length === 0 ? 'No reverts or rollbacks in the window.' : `over ${plural(ttr.items.length, 'revert or rollback', 'reverts and rollbacks')}`,
      formula: ttr.formula,
    },
    {
      id: 'changeFailure',
      label: 'Change failure (estimate)',
      value: formatPercent(cf.rate),
      detail: `${plural(cf.reverts, 'shipped revert')} + ${plural(cf.rollbacks, 'rollback')} ÷ ${plural(cf.denominator, cf.basis === 'deploys' ? 'deploy' : 'merge')}`,
      formula: cf.formula,
    },
    {
      id: 'caughtBeforeShipping',
      label: 'Caught before shipping',
      value: String(cf.caughtBeforeShipping),
      detail: cf.caughtBeforeShipping === 0 ? 'No local-only reverts in the window.' : `${plural(cf.caughtBeforeShipping, 'revert')} that never reached a remote branch; not counted as failures`,
      formula: 'reverts in the window that no remote-tracking branch contains (git rev-list HEAD --not --remotes)',
      tone: 'good',
    },
    {
      id: 'reworkRate',
      label: 'Rework rate',
      value: formatPercent(rw.rate),
      detail: `${plural(rw.reverts, 'revert')} + ${plural(rw.reapplies, 'reapply', 'reapplies')} + ${plural(rw.hotfixes, 'hotfix', 'hotfixes')} ÷ ${plural(rw.commits, 'commit')}`,
      formula: rw.formula,
    },
    {
      id: 'actionAge',
      label: 'Open action items (median age)',
      value: aa.medianDays === null ? 'n/a' : plural(aa.medianDays, 'day'),
      detail: aa.items.length === 0 ? 'No open action items.' : `${plural(aa.items.length, 'open action item')}`,
      formula: aa.formula,
    },
  ];

  const rows: RecoveryRow[] = ttr.items.map((i) => ({
    recoveredBy: shortRef(i.recoveredBy),
    source: i.environment ? `${i.source} (${i.environment})` : i.source,
    culpritLanded: i.culpritLanded,
    recovered: i.recovered,
    hours: i.hours,
    duration: formatHours(i.hours),
    ...(i.incident ? { incident: i.incident } : {}),
  }));

  return {
    repoName,
    since: report.since.slice(0, 10),
    until: report.until.slice(0, 10),
    note: ESTIMATE_NOTE,
    cards,
    recovery: {
      formula: ttr.formula,
      rows,
      chart: recoveryChart(rows),
    },
    perMonth: {
      formula: ipm.formula,
      total: ipm.months.reduce((n, m) => n + m.total, 0),
      chart: {
        labels: ipm.months.map((m) => m.month),
        datasets: [
          { label: 'Incidents', data: ipm.months.map((m) => m.incidents) },
          { label: 'Reverts without an incident', data: ipm.months.map((m) => m.untrackedReverts) },
        ],
      },
    },
    hotspots: {
      formula: hs.formula,
      files: hotspotSeries(hs.files),
      folders: hotspotSeries(hs.folders),
    },
    actionAge: {
      formula: aa.formula,
      rows: aa.items.map((a) => ({ action: a.action, ...(a.owner ? { owner: a.owner } : {}), incident: a.incident, incidentTitle: a.incidentTitle, ageDays: a.ageDays })),
    },
    unreadableIncidentFiles: [...report.unreadableIncidentFiles],
  };
}

function recoveryChart(rows: readonly RecoveryRow[]): BarSeries {
  const { unit, perHour } = rows.length === 0 ? durationUnit(1) : durationUnit(Math.max(...rows.map((r) => r.hours)));
  const data = rows.map((r) => Math.round(r.hours * perHour * 10) / 10);
  return { labels: rows.map((r) => r.recoveredBy), unit, datasets: [{ label: `Time to recover (${unit})`, data }] };
}

function hotspotSeries(items: readonly { path: string; count: number }[]): BarSeries {
  return { labels: items.map((h) => h.path), datasets: [{ label: 'Culprit commits', data: items.map((h) => h.count) }] };
}

/** `insights-2026-01-05.md`: the default export name, dated in local time like the save dialog shows. */
export function exportFileName(format: 'markdown' | 'csv', now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `insights-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${format === 'markdown' ? 'md' : 'csv'}`;
}

/** The export's text: the core's Markdown or CSV, the same the CLI's `own-it metrics` prints. */
export function renderReport(report: MetricsReport, format: 'markdown' | 'csv'): string {
  return format === 'markdown' ? metricsModule().metricsToMarkdown(report) : metricsModule().metricsToCsv(report);
}
