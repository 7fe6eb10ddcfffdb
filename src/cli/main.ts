import { runIncidents } from './incidents';
import { runMetrics } from './metrics';
import { runScaffold } from './scaffold';
import { runScan } from './scan';
import { runTone } from './tone';

/** Exit codes shared by every CLI command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_A_REPO = 3;

const USAGE = `Usage: own-it <command> [options]

Commands:
  scan [path] [--json] [--since <date>] [--max-count N]   List revert commits in a repository's history
  scan --deploys [path] [--json] [--since <date>]         List deploys that probably failed (rollbacks, resets, forced updates, hotfixes)
  metrics [path] [--json|--markdown|--csv] [--since <d>]  Estimate time to recover, change failure rate, rework, hotspots (all estimates)
  incidents [path] [--json]                               List incident files and their status
  scaffold test|checklist <sha> [--repo path] [--print]   Scaffold a regression test or checklist items for a culprit commit
  tone [file|-] [--radius local|team|production] [--json] Check a team update's tone: owns it, in proportion, no blame
  help                                                    Show this help
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (command === 'incidents') return runIncidents(argv.slice(1));
  if (command === 'scan') return runScan(argv.slice(1));
  if (command === 'metrics') return runMetrics(argv.slice(1));
  if (command === 'scaffold') return runScaffold(argv.slice(1));
  if (command === 'tone') return runTone(argv.slice(1));
  process.stderr.write(`own-it: unknown command "${command}"\n\n${USAGE}`);
  return EXIT_USAGE;
}
