import * as path from 'node:path';
import { NotAGitRepositoryError } from '../core/git/createGit';
import { RevertScanner } from '../core/revert/revertScanner';
import type { RevertDetection } from '../core/revert/types';
import { parseArgs, positiveInteger, UsageError } from './args';
import { hasDeploysFlag, runDeploys } from './deploys';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';

export const SCAN_USAGE = 'Usage: own-it scan [path] [--json] [--since <date>] [--max-count N]\n';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * `own-it scan`: lists revert commits, newest first. `--json` prints one object per line with
 * exactly the {@link RevertDetection} fields, written as soon as each page of history is read.
 */
export async function runScan(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // `scan --deploys` scans for failed deploys instead of reverts (src/cli/deploys.ts).
  if (hasDeploysFlag(argv)) return runDeploys(argv, io);
  let repoPath: string;
  let json: boolean;
  let since: string | undefined;
  let maxCount: number | undefined;
  try {
    const args = parseArgs(argv, { flags: ['json'], options: ['since', 'max-count'], maxPositionals: 1 });
    repoPath = path.resolve(args.positionals[0] ?? '.');
    json = args.flags.has('json');
    since = args.options.get('since');
    if (since !== undefined) assertDate(since);
    const max = args.options.get('max-count');
    maxCount = max === undefined ? undefined : positiveInteger('max-count', max);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it scan: ${err.message}\n${SCAN_USAGE}`);
    return EXIT_USAGE;
  }

  try {
    const scanner = await RevertScanner.open(repoPath);
    const table: RevertDetection[] = [];
    for await (const d of scanner.scan({ since, maxCount })) {
      if (json) io.stdout(`${toJsonLine(d)}\n`);
      else table.push(d);
    }
    if (!json) io.stdout(table.length === 0 ? `No revert commits found in ${repoPath}.\n` : formatTable(table));
    return EXIT_OK;
  } catch (err) {
    if (err instanceof NotAGitRepositoryError) {
      io.stderr(`own-it: ${repoPath} is not a git repository. Run this inside a repository or pass its path.\n`);
      return EXIT_NOT_A_REPO;
    }
    io.stderr(`own-it: ${err instanceof Error ? err.message.trim() : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

/** Exactly the detection fields, in a stable order. */
export function toJsonLine(d: RevertDetection): string {
  const { sha, kind, reverted, evidence, subject, author, date } = d;
  return JSON.stringify({ sha, kind, reverted, evidence, subject, author, date });
}

/** A fixed-width table: short sha, kind, date, reverted short shas, evidence, subject. */
export function formatTable(detections: readonly RevertDetection[]): string {
  const rows = detections.map((d) => [
    d.sha.slice(0, 7),
    d.kind,
    d.date.slice(0, 10),
    d.reverted.length > 0 ? d.reverted.map((s) => s.slice(0, 7)).join(',') : '-',
    d.evidence,
    printable(d.subject),
  ]);
  const header = ['SHA', 'KIND', 'DATE', 'REVERTS', 'EVIDENCE', 'SUBJECT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/**
 * Commit subjects come from anyone with push access: never echo terminal control sequences, nor
 * bidi overrides/isolates, which reorder what the terminal shows ("Trojan Source").
 */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

/**
 * git reads almost anything as a date and silently falls back to "now", which would make a
 * typo look like "no reverts". Accept what Date.parse reads and git's relative forms.
 */
function assertDate(value: string): void {
  const relative = /^(\d+[ .](second|minute|hour|day|week|month|year)s?[ .]ago|yesterday|today|now)$/i;
  if (relative.test(value.trim()) || !Number.isNaN(Date.parse(value))) return;
  throw new UsageError(`option "--since" needs a date such as 2026-01-31 or "2 weeks ago", got "${value}"`);
}
