/**
 * `own-it metrics [path] [--json | --markdown | --csv] [--since <date>] [--tag-pattern <glob>] [--folder <dir>]`:
 * insights estimates from git history and incident files. Exit codes: 0 ok, 1 failure,
 * 2 usage, 3 not a repository.
 */
import * as path from 'node:path';
import { DEFAULT_TAG_PATTERN } from '../core/deploys/types';
import { UnsafeFolderError, validateRelativeFolder } from '../core/fs/safeFolder';
import { DEFAULT_INCIDENTS_FOLDER } from '../core/incidents/incidentStore';
import { countOf as count } from '../core/text/plural';
import { computeMetrics, DEFAULT_METRICS_DAYS } from '../core/metrics/computeMetrics';
import { metricsToCsv, metricsToMarkdown } from '../core/metrics/format';
import type { MetricsReport } from '../core/metrics/types';
import { dateOption, parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, exitForRepositoryError } from './output';
import { jsonText, quotedName, terminalText, textTable } from './output';

export const METRICS_USAGE = `Usage: own-it metrics [path] [--json | --markdown | --csv] [--since <date>] [--until <date>] [--tag-pattern <glob>] [--folder <dir>]

Estimates time to recover, change failure rate, rework rate, incidents per month, hotspots and
the age of open action items, from git history and incident files. A hotfix is a commit whose
subject has the word "hotfix" (conventional fix: commits are not hotfixes).
  --json                one JSON object
  --markdown, --csv     the report as Markdown or CSV
  --since <date>        start of the window (default: ${DEFAULT_METRICS_DAYS} days before its end)
  --until <date>        end of the window (default: now)
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
  let until: string | undefined;
  let tagPattern: string | undefined;
  let incidentsFolder: string | undefined;
  try {
    const args = parseArgs(argv, { flags: ['json', 'markdown', 'csv'], options: ['since', 'until', 'tag-pattern', 'folder'], maxPositionals: 1 });
    const formats = (['json', 'markdown', 'csv'] as const).filter((f) => args.flags.has(f));
    if (formats.length > 1) throw new UsageError(`choose one of --json, --markdown and --csv, not ${formats.map((f) => `--${f}`).join(' and ')}`);
    output = formats[0] ?? 'table';
    repoPath = path.resolve(args.positionals[0] ?? '.');
    const sinceArg = args.options.get('since');
    const untilArg = args.options.get('until');
    since = sinceArg === undefined ? undefined : dateOption('since', sinceArg);
    until = untilArg === undefined ? undefined : dateOption('until', untilArg);
    if (since !== undefined && until !== undefined && Date.parse(since) > Date.parse(until)) throw new UsageError(`--since (${sinceArg}) is after --until (${untilArg})`);
    tagPattern = args.options.get('tag-pattern');
    incidentsFolder = args.options.get('folder');
    if (incidentsFolder !== undefined) validateRelativeFolder(incidentsFolder);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof UnsafeFolderError)) throw err;
    io.stderr(`own-it metrics: ${err.message}\n${METRICS_USAGE}`);
    return EXIT_USAGE;
  }

  try {
    const report = await computeMetrics(repoPath, { since, ...(until ? { until } : {}), tagPattern, incidentsFolder });
    if (output === 'json') io.stdout(`${jsonText(report)}\n`);
    else if (output === 'markdown') io.stdout(metricsToMarkdown(report));
    else if (output === 'csv') io.stdout(metricsToCsv(report));
    else io.stdout(formatSummary(report));
    for (const file of report.unreadableIncidentFiles) io.stderr(`own-it: ${quotedName(file)}: not a readable incident file, left out of the numbers\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UnsafeFolderError) {
      // The folder on disk (a symbolic link out of the repository, a file), not the command line.
      io.stderr(`own-it metrics: ${terminalText(err.message)} Nothing was computed; move the incident files into the repository or pass --folder <dir>.\n`);
      return EXIT_FAILURE;
    }
    return exitForRepositoryError(io, err, { command: 'metrics', repoPath, usage: METRICS_USAGE });
  }
}

/** The human table: one line per metric with its value and what it was computed from. */
export function formatSummary(r: MetricsReport): string {
  const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10}%`);
  const cf = r.changeFailure;
  const rw = r.reworkRate;
  const months = r.incidentsPerMonth.months;
  const rows = [
    ['Time to recover (median)', r.timeToRecover.medianHours === null ? 'n/a' : `${r.timeToRecover.medianHours} h`, count(r.timeToRecover.items.length, 'revert or rollback', 'reverts and rollbacks')],
    ['Change failure rate', pct(cf.rate), `(${count(cf.reverts, 'shipped revert')} + ${count(cf.rollbacks, 'rollback')}) / ${count(cf.denominator, cf.basis === 'deploys' ? 'deploy' : 'merge')}`],
    ['Caught before shipping', String(cf.caughtBeforeShipping), 'reverts on no remote branch (not failures)'],
    ['Rework rate', pct(rw.rate), `(${count(rw.reverts, 'revert')} + ${count(rw.reapplies, 'reapply', 'reapplies')} + ${count(rw.hotfixes, 'hotfix', 'hotfixes')}) / ${count(rw.commits, 'commit')}`],
    [
      'Incidents per month (average)',
      months.length === 0 ? 'n/a' : String(Math.round((months.reduce((n, m) => n + m.total, 0) / months.length) * 10) / 10),
      // The last six months keep the line readable; --markdown, --json and --csv list every month.
      (months.length > 6 ? `last 6 of ${months.length} months (--markdown lists all): ` : '') + months.slice(-6).map((m) => `${m.month}: ${m.total}`).join(', '),
    ],
    ['Top hotspot file', r.hotspots.files[0]?.path ?? '-', r.hotspots.files[0] ? count(r.hotspots.files[0].count, 'culprit commit') : ''],
    ['Top hotspot folder', r.hotspots.folders[0]?.path ?? '-', r.hotspots.folders[0] ? count(r.hotspots.folders[0].count, 'culprit commit') : ''],
    ['Open action items (median age)', r.actionAge.medianDays === null ? 'n/a' : `${r.actionAge.medianDays} days`, `${r.actionAge.items.length} open`],
  ];
  // Paths come from the repository: the CLI frame's table sanitizes and cuts every cell.
  return `Own It insights, ${r.since.slice(0, 10)} to ${r.until.slice(0, 10)} (estimates; --markdown shows each formula)\n${textTable(['METRIC (ESTIMATE)', 'VALUE', 'FROM'], rows).join('\n')}\n`;
}
