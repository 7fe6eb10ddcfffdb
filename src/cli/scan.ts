import * as path from 'node:path';
import { scanRevertsDeep } from '../core/revert/deepScan';
import { RevertScanner } from '../core/revert/revertScanner';
import type { RevertDetection } from '../core/revert/types';
import { dateOption, parseArgs, positiveInteger, UsageError } from './args';
import { hasDeploysFlag, runDeploys } from './deploys';
import { EXIT_OK, EXIT_USAGE, exitForRepositoryError } from './output';
import { jsonText, textTable } from './output';

export const SCAN_USAGE = 'Usage: own-it scan [path] [--json] [--since <date>] [--max-count N] [--min-confidence 0-1] [--deep]\n';

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
 * `--deep` also compares every commit's diff with earlier ones (silent, partial and reapplied
 * reverts; src/core/revert/deepScan.ts).
 */
export async function runScan(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // `scan --deploys` scans for failed deploys instead of reverts (src/cli/deploys.ts).
  if (hasDeploysFlag(argv)) return runDeploys(argv, io);
  let repoPath: string;
  let json: boolean;
  let since: string | undefined;
  let maxCount: number | undefined;
  let minConfidence: number | undefined;
  let deep: boolean;
  try {
    const args = parseArgs(argv, { flags: ['json', 'deep'], options: ['since', 'max-count', 'min-confidence'], maxPositionals: 1 });
    repoPath = path.resolve(args.positionals[0] ?? '.');
    json = args.flags.has('json');
    deep = args.flags.has('deep');
    if (deep && (args.options.has('since') || args.options.has('max-count'))) {
      throw new UsageError('--deep compares every commit with the ones before it, so it reads the whole history: leave out --since and --max-count');
    }
    const sinceArg = args.options.get('since');
    since = sinceArg === undefined ? undefined : dateOption('since', sinceArg);
    const max = args.options.get('max-count');
    maxCount = max === undefined ? undefined : positiveInteger('max-count', max);
    const min = args.options.get('min-confidence');
    minConfidence = min === undefined ? undefined : confidenceValue(min);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it scan: ${err.message}\n${SCAN_USAGE}`);
    return EXIT_USAGE;
  }

  try {
    if (deep) {
      // The diff walk decides at the end of history, so the list comes at once.
      const found = await scanRevertsDeep(repoPath, { minConfidence });
      if (json) for (const d of found) io.stdout(`${toJsonLine(d)}\n`);
      else io.stdout(found.length === 0 ? `No revert commits found in ${repoPath}.\n` : formatTable(found));
      return EXIT_OK;
    }
    const scanner = await RevertScanner.open(repoPath);
    const table: RevertDetection[] = [];
    for await (const d of scanner.scan({ since, maxCount, minConfidence })) {
      if (json) io.stdout(`${toJsonLine(d)}\n`);
      else table.push(d);
    }
    if (!json) io.stdout(table.length === 0 ? `No revert commits found in ${repoPath}.\n` : formatTable(table));
    return EXIT_OK;
  } catch (err) {
    return exitForRepositoryError(io, err, { command: 'scan', repoPath });
  }
}

/** Exactly the detection fields, in a stable order (`files` only with diff evidence). */
export function toJsonLine(d: RevertDetection): string {
  const { sha, kind, reverted, evidence, confidence, files, subject, author, date } = d;
  return jsonText({ sha, kind, reverted, evidence, confidence, ...(files ? { files } : {}), subject, author, date });
}

/** `--min-confidence`: a number from 0 (everything revert-like) to 1. */
function confidenceValue(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`option "--min-confidence" needs a number from 0 to 1, got "${value}"`);
  }
  return n;
}

/** A fixed-width table: short sha, kind, date, reverted short shas, evidence, subject. */
export function formatTable(detections: readonly RevertDetection[]): string {
  const rows = detections.map((d) => [
    d.sha.slice(0, 7),
    d.kind,
    d.date.slice(0, 10),
    d.reverted.length > 0 ? d.reverted.map((s) => s.slice(0, 7)).join(',') : '-',
    d.evidence,
    d.subject,
  ]);
  return `${textTable(['SHA', 'KIND', 'DATE', 'REVERTS', 'EVIDENCE', 'SUBJECT'], rows).join('\n')}\n`;
}

