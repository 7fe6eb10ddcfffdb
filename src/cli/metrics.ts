/**
 * `own-it metrics [path] [--json | --markdown | --csv] [--since <date>] [--tag-pattern <glob>] [--folder <dir>]`:
 * insights estimates from git history and incident files. Exit codes: 0 ok, 1 failure,
 * 2 usage, 3 not a repository.
 */
import * as path from 'node:path';
import { HotfixPatternError } from '../core/deploys/hotfixes';
import { TagPatternError } from '../core/deploys/tagPattern';
import { DEFAULT_TAG_PATTERN } from '../core/deploys/types';
import { UnsafeFolderError } from '../core/fs/safeFolder';
import { NotAGitRepositoryError } from '../core/git/createGit';
import { DEFAULT_INCIDENTS_FOLDER } from '../core/incidents/incidentStore';
import { computeMetrics, DEFAULT_METRICS_DAYS } from '../core/metrics/computeMetrics';
import { metricsToCsv, metricsToMarkdown } from '../core/metrics/format';
import type { MetricsReport } from '../core/metrics/types';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';

export const METRICS_USAGE = `Usage: own-it metrics [path] [--json | --markdown | --csv] [--since <date>] [--tag-pattern <glob>] [--folder <dir>]

Estimates time to recover, change failure rate, rework rate, incidents per month, hotspots and
the age of open action items, from git history and incident files.
  --json                one JSON object
  --markdown, --csv     the report as Markdown or CSV
  --since <date>        start of the window (default: ${DEFAULT_METRICS_DAYS} days ago)
  --tag-pattern <glob>  deploy tags (default ${DEFAULT_TAG_PATTERN})
  --folder <dir>        incidents folder relative to the repository root (default: ${DEFAULT_INCIDENTS_FOLDER})
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

type Output = 'table' | 'json' | 'markdown' | 'csv';

export async function runMetrics(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let repoPath: string;
  let output: Output;
  let since: string | undefined;
  let tagPattern: string | undefined;
  let incidentsFolder: string | undefined;
  try {
    const args = parseArgs(argv, { flags: ['json', 'markdown', 'csv'], options: ['since', 'tag-pattern', 'folder'], maxPositionals: 1 });
    const formats = (['json', 'markdown', 'csv'] as const).filter((f) => args.flags.has(f));
    if (formats.length > 1) throw new UsageError(`choose one of --json, --markdown and --csv, not ${formats.map((f) => `--${f}`).join(' and ')}`);
    output = formats[0] ?? 'table';
    repoPath = path.resolve(args.positionals[0] ?? '.');
    since = args.options.get('since');
    if (since !== undefined && Number.isNaN(Date.parse(since))) throw new UsageError(`option "--since" needs a date such as 2026-01-31, got "${since}"`);
    tagPattern = args.options.get('tag-pattern');
    incidentsFolder = args.options.get('folder');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it metrics: ${err.message}\n${METRICS_USAGE}`);
    return EXIT_USAGE;
  }

  try {
    const report = await computeMetrics(repoPath, { since, tagPattern, incidentsFolder });
    if (output === 'json') io.stdout(`${JSON.stringify(report)}\n`);
    else if (output === 'markdown') io.stdout(metricsToMarkdown(report));
    else if (output === 'csv') io.stdout(metricsToCsv(report));
    else io.stdout(formatSummary(report));
    for (const file of report.unreadableIncidentFiles) io.stderr(`own-it: ${file}: not a readable incident file, left out of the numbers\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof NotAGitRepositoryError) {
      io.stderr(`own-it: ${repoPath} is not a git repository. Run this inside a repository or pass its path.\n`);
      return EXIT_NOT_A_REPO;
    }
    if (err instanceof TagPatternError || err instanceof HotfixPatternError || err instanceof UnsafeFolderError) {
      io.stderr(`own-it metrics: ${err.message}\n${METRICS_USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`own-it: ${err instanceof Error ? err.message.trim() : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The human table: one line per metric with its value and what it was computed from. */
export function formatSummary(r: MetricsReport): string {
  const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10}%`);
  const cf = r.changeFailure;
  const rw = r.reworkRate;
  const months = r.incidentsPerMonth.months;
  const rows = [
    ['Time to recover (median)', r.timeToRecover.medianHours === null ? 'n/a' : `${r.timeToRecover.medianHours} h`, count(r.timeToRecover.items.length, 'revert or rollback', 'reverts and rollbacks')],
    ['Change failure rate', pct(cf.rate), `(${cf.reverts} reverts + ${cf.rollbacks} rollbacks) / ${cf.denominator} ${cf.basis}`],
    ['Rework rate', pct(rw.rate), `(${rw.reverts} reverts + ${rw.reapplies} reapplies + ${rw.hotfixes} hotfixes) / ${rw.commits} commits`],
    [
      'Incidents per month (average)',
      months.length === 0 ? 'n/a' : String(Math.round((months.reduce((n, m) => n + m.total, 0) / months.length) * 10) / 10),
      // The last six months keep the line readable; --json and --csv list every month.
      months.slice(-6).map((m) => `${m.month}: ${m.total}`).join(', '),
    ],
    ['Top hotspot file', r.hotspots.files[0]?.path ?? '-', r.hotspots.files[0] ? count(r.hotspots.files[0].count, 'culprit commit') : ''],
    ['Top hotspot folder', r.hotspots.folders[0]?.path ?? '-', r.hotspots.folders[0] ? count(r.hotspots.folders[0].count, 'culprit commit') : ''],
    ['Open action items (median age)', r.actionAge.medianDays === null ? 'n/a' : `${r.actionAge.medianDays} days`, `${r.actionAge.items.length} open`],
  ].map((row) => row.map(printable));
  const header = ['METRIC (ESTIMATE)', 'VALUE', 'FROM'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return `Own It insights, ${r.since.slice(0, 10)} to ${r.until.slice(0, 10)} (estimates; --markdown shows each formula)\n${[header, ...rows].map(line).join('\n')}\n`;
}

/** Paths and subjects come from the repository: never echo terminal control sequences. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}
