import { csvCell, markdownText } from '../text/safeText';
import { countOf } from '../text/plural';
import type { MetricsReport } from './types';

/** A Markdown report: one section per metric, each with its formula and marked as an estimate. */
export function metricsToMarkdown(r: MetricsReport): string {
  const out: string[] = [];
  out.push(`# Own It insights, ${r.since.slice(0, 10)} to ${r.until.slice(0, 10)}`, '');
  out.push('All numbers are estimates read from git history and incident files: a revert is not always a failure, and a deploy tag is not always a deploy.', '');

  const ttr = r.timeToRecover;
  section(out, 'Time to recover', ttr.formula, `Median: ${ttr.medianHours === null ? 'n/a' : `${ttr.medianHours} h`}`);
  table(
    out,
    ['Recovered by', 'Source', 'Culprit landed', 'Recovered', 'Hours', 'Incident'],
    ttr.items.map((i) => [shortRef(i.recoveredBy), i.environment ? `${i.source} (${i.environment})` : i.source, i.culpritLanded, i.recovered, String(i.hours), i.incident ?? '']),
  );

  const cf = r.changeFailure;
  section(out, 'Change failure rate', cf.formula, `Rate: ${percent(cf.rate)} (${countOf(cf.reverts, 'shipped revert')} + ${countOf(cf.rollbacks, 'rollback')} ÷ ${countOf(cf.denominator, cf.basis === 'deploys' ? 'deploy' : 'merge')}); caught before shipping: ${cf.caughtBeforeShipping}`);

  const rw = r.reworkRate;
  section(out, 'Rework rate', rw.formula, `Rate: ${percent(rw.rate)} (${countOf(rw.reverts, 'revert')} + ${countOf(rw.reapplies, 'reapply', 'reapplies')} + ${countOf(rw.hotfixes, 'hotfix', 'hotfixes')} ÷ ${countOf(rw.commits, 'commit')})`);

  section(out, 'Incidents per month', r.incidentsPerMonth.formula);
  table(
    out,
    ['Month', 'Incidents', 'Untracked reverts', 'Total'],
    r.incidentsPerMonth.months.map((m) => [m.month, String(m.incidents), String(m.untrackedReverts), String(m.total)]),
  );

  section(out, 'Hotspots', r.hotspots.formula);
  table(out, ['File', 'Culprit commits'], r.hotspots.files.map((h) => [h.path, String(h.count)]));
  table(out, ['Folder', 'Culprit commits'], r.hotspots.folders.map((h) => [h.path, String(h.count)]));

  const aa = r.actionAge;
  section(out, 'Age of open action items', aa.formula, `Median: ${aa.medianDays === null ? 'n/a' : `${aa.medianDays} days`}`);
  table(
    out,
    ['Action', 'Owner', 'Incident', 'Days open'],
    aa.items.map((a) => [a.action, a.owner ?? '', a.incident, String(a.ageDays)]),
  );

  if (r.unreadableIncidentFiles.length > 0) {
    out.push(`Left out (unreadable incident files): ${r.unreadableIncidentFiles.map(cell).join(', ')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function section(out: string[], title: string, formula: string, summary?: string): void {
  out.push(`## ${title} (estimate)`, '', `_Formula: ${cell(formula)}_`, '');
  if (summary !== undefined) out.push(summary, '');
}

function table(out: string[], header: string[], rows: string[][]): void {
  if (rows.length === 0) {
    out.push('_None in this window._', '');
    return;
  }
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  out.push('');
}

/** Repository text inside a Markdown table: no pipes, line breaks, links, images or HTML. */
const cell = markdownText;

function shortRef(ref: string): string {
  return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref;
}

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10}%`;
}

const CSV_HEADER = ['metric', 'item', 'value', 'unit', 'detail', 'formula'];

/**
 * One row per number: `metric,item,value,unit,detail,formula` (RFC 4180 quoting). Text that a
 * spreadsheet would run as a formula (a leading = + - @) gets a leading apostrophe, since
 * commit subjects and action items come from anyone with push access.
 */
export function metricsToCsv(r: MetricsReport): string {
  const rows: (string | number | null)[][] = [CSV_HEADER];
  const ttr = r.timeToRecover;
  rows.push(['time_to_recover', 'median', ttr.medianHours, 'hours', `${ttr.items.length} recoveries`, ttr.formula]);
  for (const i of ttr.items) {
    rows.push(['time_to_recover', i.recoveredBy, i.hours, 'hours', `${i.source}${i.environment ? ` ${i.environment}` : ''}; culprit landed ${i.culpritLanded}; recovered ${i.recovered}${i.incident ? `; ${i.incident}` : ''}`, ttr.formula]);
  }
  const cf = r.changeFailure;
  rows.push(['change_failure', 'rate', cf.rate, 'ratio', `${countOf(cf.reverts, 'shipped revert')} + ${countOf(cf.rollbacks, 'rollback')} / ${countOf(cf.denominator, cf.basis === 'deploys' ? 'deploy' : 'merge')}`, cf.formula]);
  const rw = r.reworkRate;
  rows.push(['rework_rate', 'rate', rw.rate, 'ratio', `${countOf(rw.reverts, 'revert')} + ${countOf(rw.reapplies, 'reapply', 'reapplies')} + ${countOf(rw.hotfixes, 'hotfix', 'hotfixes')} / ${countOf(rw.commits, 'commit')}`, rw.formula]);
  for (const m of r.incidentsPerMonth.months) {
    rows.push(['incidents_per_month', m.month, m.total, 'count', `${countOf(m.incidents, 'incident')} + ${countOf(m.untrackedReverts, 'untracked revert')}`, r.incidentsPerMonth.formula]);
  }
  for (const h of r.hotspots.files) rows.push(['hotspot_file', h.path, h.count, 'culprit commits', '', r.hotspots.formula]);
  for (const h of r.hotspots.folders) rows.push(['hotspot_folder', h.path, h.count, 'culprit commits', '', r.hotspots.formula]);
  const aa = r.actionAge;
  rows.push(['open_action_age', 'median', aa.medianDays, 'days', `${aa.items.length} open actions`, aa.formula]);
  for (const a of aa.items) rows.push(['open_action_age', a.action, a.ageDays, 'days', `${a.incident}${a.owner ? `; owner ${a.owner}` : ''}`, aa.formula]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const csvField = csvCell;
