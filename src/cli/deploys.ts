/**
 * `own-it scan --deploys [path] [--json] [--since <date>] [--tag-pattern <glob>] [--hotfix-pattern <regex>] [--window-hours N]`:
 * failed deploys from git (rollbacks between deploy tags, resets over pushed commits, forced
 * updates of remote branches, hotfix follow-ups). Exit codes: 0 ok, 1 failure, 2 usage, 3 not a repository.
 */
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { analyzeDeploys } from '../core/deploys/failedDeploys';
import { DEFAULT_HOTFIX_PATTERN, DEFAULT_HOTFIX_WINDOW_HOURS, DEFAULT_TAG_PATTERN, type DeployFinding } from '../core/deploys/types';
import { dateOption, parseArgs, UsageError } from './args';
import { EXIT_OK, EXIT_USAGE, exitForRepositoryError, jsonText, terminalText, textTable } from './output';

export const DEPLOYS_USAGE = `Usage: own-it scan --deploys [path] [--json] [--since <date>] [--tag-pattern <glob>] [--hotfix-pattern <regex>] [--window-hours N]

Lists deploys that probably failed, newest first, each with its evidence and confidence.
  --json                    one JSON object per line
  --since <date>            only findings on or after this date
  --tag-pattern <glob>      deploy tags (default ${DEFAULT_TAG_PATTERN}; the first * is the environment)
  --hotfix-pattern <regex>  hotfix commit subjects (default ${DEFAULT_HOTFIX_PATTERN})
  --window-hours N          how soon after a deploy a hotfix makes it suspect (default ${DEFAULT_HOTFIX_WINDOW_HOURS})
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function runDeploys(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let repoPath: string;
  let json: boolean;
  let since: string | undefined;
  let options: { tagPattern?: string; hotfixPattern?: string; hotfixWindowHours?: number };
  try {
    const args = parseArgs(withoutDeploysFlag(argv), { flags: ['json'], options: ['since', 'tag-pattern', 'hotfix-pattern', 'window-hours'], maxPositionals: 1 });
    repoPath = path.resolve(args.positionals[0] ?? '.');
    json = args.flags.has('json');
    const sinceArg = args.options.get('since');
    since = sinceArg === undefined ? undefined : dateOption('since', sinceArg);
    const hours = args.options.get('window-hours');
    if (hours !== undefined && !(/^\d+(\.\d+)?$/.test(hours) && Number(hours) > 0)) {
      throw new UsageError(`option "--window-hours" needs a positive number of hours, got "${hours}"`);
    }
    options = {
      tagPattern: args.options.get('tag-pattern'),
      hotfixPattern: args.options.get('hotfix-pattern'),
      hotfixWindowHours: hours === undefined ? undefined : Number(hours),
    };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it scan: ${err.message}\n${DEPLOYS_USAGE}`);
    return EXIT_USAGE;
  }

  keepYoungGenerationSmall();
  try {
    const { deploys, findings } = await analyzeDeploys(repoPath, { ...options, since });
    if (json) {
      for (const f of findings) io.stdout(`${jsonText(f)}\n`);
    } else if (findings.length === 0) {
      io.stdout(`No failed deploys found in ${repoPath} (${deploys.length} deploy tag${deploys.length === 1 ? '' : 's'} read).\n`);
    } else {
      io.stdout(formatFindings(findings));
    }
    return EXIT_OK;
  } catch (err) {
    return exitForRepositoryError(io, err, { command: 'scan', repoPath, usage: DEPLOYS_USAGE });
  }
}

/**
 * This CLI process only: V8 doubles its young generation (up to 16 MB semi-spaces) while git's
 * output streams in, and dead output chunks wait there for a collection. With 50,000 tags that
 * was ~25 MB of the peak RSS (124 -> 100 MB with the growth factor at 1, CPU no higher). The flag
 * is read when the young generation would grow, so setting it now takes effect; it is never set
 * in the extension host, which VS Code shares with other extensions.
 */
function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // An engine without the flag keeps its defaults.
  }
}

/** Whether `--deploys` is among the options (before a `--` that ends them). */
export function hasDeploysFlag(argv: readonly string[]): boolean {
  const at = argv.indexOf('--deploys');
  const end = argv.indexOf('--');
  return at >= 0 && (end < 0 || at < end);
}

function withoutDeploysFlag(argv: readonly string[]): string[] {
  const at = argv.indexOf('--deploys');
  return hasDeploysFlag(argv) ? [...argv.slice(0, at), ...argv.slice(at + 1)] : [...argv];
}

/** An evidence sentence quotes subjects; longer than this it is cut (the whole text stays in --json). */
const MAX_EVIDENCE = 400;

/** A table (date, kind, environment, confidence, failed deploy, culprits) with each finding's evidence below it. */
export function formatFindings(findings: readonly DeployFinding[]): string {
  const header = ['DATE', 'KIND', 'ENV', 'CONFIDENCE', 'FAILED', 'CULPRITS'];
  const rows = findings.map((f) => [
    f.date.slice(0, 16).replace('T', ' '),
    f.kind,
    f.environment ?? '-',
    f.confidence,
    f.failed?.tag ?? f.evidence.ref ?? '-',
    f.culprits.length === 0 ? '-' : f.culprits.slice(0, 3).map((s) => s.slice(0, 7)).join(',') + (f.culprits.length > 3 ? ` +${f.culprits.length - 3}` : ''),
  ]);
  // Tag names and commit subjects come from anyone with push access: the table and the evidence
  // line below each row go through the CLI frame's sanitizer.
  const [head, ...lines] = textTable(header, rows);
  const out = [head];
  findings.forEach((f, i) => out.push(lines[i], `    ${terminalText(f.evidence.sentence, MAX_EVIDENCE)} [${f.rule}]`));
  return `${out.join('\n')}\n`;
}
