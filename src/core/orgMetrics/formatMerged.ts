/** The org-wide report as Markdown, CSV and a terminal table; every number says how it was computed. */
import type { MergedReport, MergedRow } from './mergeMetrics';

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10}%`;
}

function value(n: number | null, unit: string): string {
  return n === null ? 'n/a' : `${n} ${unit}`;
}

/** Repository names come from files or reports: no pipes, line breaks or HTML in a Markdown cell. */
function cell(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cells(r: MergedRow): string[] {
  const b = r.actionAges;
  return [
    r.repository,
    `${value(r.medianHoursToRecover, 'h')} (${r.recoveries})`,
    `${percent(r.changeFailureRate)} (${r.failures}/${r.failureDenominator} ${r.failureBasis})`,
    `${percent(r.reworkRate)} (${r.reworkChanges}/${r.commits})`,
    `${r.incidentsPerMonth ?? 'n/a'} (${r.incidents} in ${r.months} mo)`,
    `${r.openActions} (median ${value(r.medianActionAgeDays, 'd')}; ${b.under7}/${b.from7to30}/${b.from30to90}/${b.over90})`,
  ];
}

const HEADER = ['Repository', 'Time to recover, median (n)', 'Change failure (failures/denominator)', 'Rework (changes/commits)', 'Incidents per month', 'Open action items (<7/7–29/30–89/≥90 d)'];

export function mergedToMarkdown(m: MergedReport): string {
  const out = [
    '# Own It: org-wide insights (estimates)',
    '',
    `${m.repositories.length} repositories, ${m.org.since.slice(0, 10)} to ${m.org.until.slice(0, 10)}.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => ' --- ').join('|')}|`,
    ...[...m.repositories, m.org].map((r) => `| ${cells(r).map(cell).join(' | ')} |`),
    '',
    '## Formulas',
    '',
    `- Time to recover: ${m.formulas.timeToRecover}`,
    `- Change failure: ${m.formulas.changeFailure}`,
    `- Rework: ${m.formulas.rework}`,
    `- Incidents per month: ${m.formulas.incidentsPerMonth}`,
    `- Open action items: ${m.formulas.openActions}`,
    '',
  ];
  if (m.org.failureBasis === 'mixed') out.push('Some repositories count deploys and others merges, so the org change failure rate mixes both bases.', '');
  return out.join('\n');
}

const CSV_HEADER = [
  'repository',
  'since',
  'until',
  'recoveries',
  'median_hours_to_recover',
  'failures',
  'failure_denominator',
  'failure_basis',
  'change_failure_rate',
  'rework_changes',
  'commits',
  'rework_rate',
  'incidents',
  'months',
  'incidents_per_month',
  'open_actions',
  'median_action_age_days',
  'actions_under_7d',
  'actions_7_29d',
  'actions_30_89d',
  'actions_90d_plus',
];

function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per repository and a last `(org)` row; formulas are in the Markdown and JSON outputs. */
export function mergedToCsv(m: MergedReport): string {
  const rows = [...m.repositories, m.org].map((r) => [
    r.repository,
    r.since,
    r.until,
    r.recoveries,
    r.medianHoursToRecover,
    r.failures,
    r.failureDenominator,
    r.failureBasis,
    r.changeFailureRate,
    r.reworkChanges,
    r.commits,
    r.reworkRate,
    r.incidents,
    r.months,
    r.incidentsPerMonth,
    r.openActions,
    r.medianActionAgeDays,
    r.actionAges.under7,
    r.actionAges.from7to30,
    r.actionAges.from30to90,
    r.actionAges.over90,
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The terminal view: the Markdown table's columns, aligned, without control characters. */
export function mergedToTable(m: MergedReport): string {
  const printable = (t: string): string => t.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  const short = ['REPOSITORY', 'RECOVER (N)', 'CHANGE FAILURE', 'REWORK', 'INCIDENTS/MONTH', 'OPEN ACTIONS (<7/7-29/30-89/90+ D)'];
  const rows = [...m.repositories, m.org].map((r) => cells(r).map(printable));
  const widths = short.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (c: string[]): string => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ').trimEnd();
  return `Own It org insights, ${m.repositories.length} repositories (estimates; --markdown shows each formula)\n${[short, ...rows].map(line).join('\n')}\n`;
}
