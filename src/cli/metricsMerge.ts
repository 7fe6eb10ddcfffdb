/**
 * `own-it metrics merge <files or folders…> [--json | --markdown | --csv | --format fourkeys [--table <t>]]`:
 * combines `own-it metrics --json` outputs (one per repository, e.g. from a CI matrix) into
 * per-repository rows and org totals. A folder stands for the `.json` files directly in it.
 * Exit codes: 0 ok, 1 an input file is missing or is not a metrics file, 2 usage.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FOUR_KEYS_TABLES, fourKeysNdjson, fourKeysRows, type FourKeysTable } from '../core/orgMetrics/fourKeys';
import { mergedToCsv, mergedToMarkdown, mergedToTable } from '../core/orgMetrics/formatMerged';
import { mergeMetrics } from '../core/orgMetrics/mergeMetrics';
import { MetricsFileError, readMetricsFile, type RepoMetrics } from '../core/orgMetrics/readMetricsFile';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exitCodes';

export const MERGE_USAGE = `Usage: own-it metrics merge <files or folders…> [--json | --markdown | --csv | --format fourkeys [--table <name>]]

Combines "own-it metrics --json" outputs (one per repository) into one report: per repository and
for the whole org, time to recover, change failure, rework, incidents per month and open action
items by age, with the formulas. A folder stands for the .json files in it.
  --json, --markdown, --csv   the report in that format (default: a table)
  --format fourkeys           Four Keys rows (changes, deployments, incidents) as newline-delimited JSON
  --table <name>              with --format fourkeys: only one of ${FOUR_KEYS_TABLES.join(', ')}, without the "table" field
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

type Output = 'table' | 'json' | 'markdown' | 'csv' | 'fourkeys';

const PARALLEL_READS = 32;

/** Files as given; folders expanded to their `.json` files, sorted, so the output order is stable. */
async function expand(inputs: readonly string[]): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) problems.push(`${input}: no such file or folder`);
    else if (stat.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      if (names.length === 0) problems.push(`${input}: a folder without .json files`);
      files.push(...names.map((n) => path.join(input, n)));
    } else files.push(input);
  }
  return { files, problems };
}

async function readAll(files: readonly string[]): Promise<{ repos: RepoMetrics[]; problems: string[] }> {
  const repos: RepoMetrics[] = new Array<RepoMetrics>(files.length);
  const problems: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      try {
        repos[i] = readMetricsFile(await fs.readFile(files[i], 'utf8'), files[i]);
      } catch (err) {
        problems.push(err instanceof MetricsFileError ? err.message : `${files[i]}: cannot be read (${(err as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, files.length) }, worker));
  return { repos: repos.filter(Boolean), problems };
}

export async function runMetricsMerge(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(MERGE_USAGE);
    return EXIT_OK;
  }
  let output: Output;
  let table: FourKeysTable | undefined;
  let inputs: string[];
  try {
    const args = parseArgs(argv, { flags: ['json', 'markdown', 'csv'], options: ['format', 'table'], maxPositionals: Number.MAX_SAFE_INTEGER });
    const format = args.options.get('format');
    if (format !== undefined && format !== 'fourkeys') throw new UsageError(`option "--format" supports only "fourkeys", got "${format}"`);
    const chosen = [...(['json', 'markdown', 'csv'] as const).filter((f) => args.flags.has(f)), ...(format ? ['fourkeys' as const] : [])];
    if (chosen.length > 1) throw new UsageError(`choose one output, not ${chosen.map((f) => (f === 'fourkeys' ? '--format fourkeys' : `--${f}`)).join(' and ')}`);
    output = chosen[0] ?? 'table';
    const t = args.options.get('table');
    if (t !== undefined) {
      if (output !== 'fourkeys') throw new UsageError('option "--table" goes with --format fourkeys');
      if (!(FOUR_KEYS_TABLES as readonly string[]).includes(t)) throw new UsageError(`option "--table" needs one of ${FOUR_KEYS_TABLES.join(', ')}, got "${t}"`);
      table = t as FourKeysTable;
    }
    inputs = args.positionals;
    if (inputs.length === 0) throw new UsageError('give at least one metrics file or folder');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it metrics merge: ${err.message}\n\n${MERGE_USAGE}`);
    return EXIT_USAGE;
  }
  const { files, problems: missing } = await expand(inputs);
  const { repos, problems } = await readAll(files);
  const all = [...missing, ...problems.sort()];
  if (all.length > 0) {
    for (const p of all) io.stderr(`own-it metrics merge: ${p}\n`);
    io.stderr(`own-it metrics merge: nothing merged; fix or leave out ${all.length === 1 ? 'that input' : `those ${all.length} inputs`} and run again.\n`);
    return EXIT_FAILURE;
  }
  if (output === 'fourkeys') {
    io.stdout(fourKeysNdjson(fourKeysRows(repos), table));
    return EXIT_OK;
  }
  const merged = mergeMetrics(repos);
  if (output === 'json') io.stdout(`${JSON.stringify(merged)}\n`);
  else if (output === 'markdown') io.stdout(mergedToMarkdown(merged));
  else if (output === 'csv') io.stdout(mergedToCsv(merged));
  else io.stdout(mergedToTable(merged));
  return EXIT_OK;
}
