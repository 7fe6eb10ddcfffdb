import { runCi, runInitCi } from './ci';
import { EXIT_OK, EXIT_USAGE } from './exitCodes';
import { runIncidents } from './incidents';
import { runIssues } from './issues';
import { runMetrics } from './metrics';
import { runMetricsMerge } from './metricsMerge';
import { runScaffold } from './scaffold';
import { runScan } from './scan';

export { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';

const USAGE = `Usage: own-it <command> [options]

Commands:
  scan [path] [--json] [--since <date>] [--max-count N]   List revert commits in a repository's history
  scan --deploys [path] [--json] [--since <date>]         List deploys that probably failed (rollbacks, resets, forced updates, hotfixes)
  metrics [path] [--json|--markdown|--csv] [--since <d>]  Estimate time to recover, change failure rate, rework, hotspots (all estimates)
  metrics merge <files…> [--markdown|--csv|--json|--format fourkeys]  Org-wide numbers from many repositories' metrics --json
  incidents [path] [--json]                               List incident files and their status
  issues sync [--dry-run] [--close-done] [--repo path]     Open a GitHub issue per open action item and keep done in step
  scaffold test|checklist <sha> [--repo path] [--print]   Scaffold a regression test or checklist items for a culprit commit
  ci [--state file] [--dry-run]                           In CI: one calm note per new revert or failed deploy without an incident
  init ci                                                 Write .github/workflows/own-it.yml and print the GitLab CI job
  help                                                    Show this help
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (command === 'incidents') return runIncidents(argv.slice(1));
  if (command === 'ci') return runCi(argv.slice(1));
  if (command === 'init' && argv[1] === 'ci') return runInitCi(argv.slice(2));
  if (command === 'issues') return runIssues(argv.slice(1));
  if (command === 'scan') return runScan(argv.slice(1));
  if (command === 'metrics' && argv[1] === 'merge') return runMetricsMerge(argv.slice(2));
  if (command === 'metrics') return runMetrics(argv.slice(1));
  if (command === 'scaffold') return runScaffold(argv.slice(1));
  process.stderr.write(`own-it: unknown command "${command}"\n\n${USAGE}`);
  return EXIT_USAGE;
}
