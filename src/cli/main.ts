// Each command's module is required when it runs, not at start: a run evaluates only the code it
// uses (own-it scan --deploys peaked ~8 MB lower with the others left unevaluated; BENCHMARKS.md).
type Command = (argv: string[]) => Promise<number>;
/* eslint-disable @typescript-eslint/no-require-imports -- static paths: esbuild bundles them, evaluated on first call */
const commands = {
  ci: (): Command => (require('./ci') as typeof import('./ci')).runCi,
  initCi: (): Command => (require('./ci') as typeof import('./ci')).runInitCi,
  incident: (): Command => (require('./incidentNew') as typeof import('./incidentNew')).runIncident,
  incidents: (): Command => (require('./incidents') as typeof import('./incidents')).runIncidents,
  issues: (): Command => (require('./issues') as typeof import('./issues')).runIssues,
  metrics: (): Command => (require('./metrics') as typeof import('./metrics')).runMetrics,
  metricsMerge: (): Command => (require('./metricsMerge') as typeof import('./metricsMerge')).runMetricsMerge,
  scaffold: (): Command => (require('./scaffold') as typeof import('./scaffold')).runScaffold,
  scan: (): Command => (require('./scan') as typeof import('./scan')).runScan,
  tone: (): Command => (require('./tone') as typeof import('./tone')).runTone,
};
/* eslint-enable @typescript-eslint/no-require-imports */

import { version } from '../../package.json';
import { EXIT_OK, EXIT_USAGE } from './output';

/** Exit codes live in the CLI frame (output.ts); re-exported for existing imports. */
export { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './output';

const USAGE = `Usage: own-it <command> [options]

Commands:
  scan [path] [--json] [--since <date>] [--max-count N]   List revert commits in a repository's history
  scan --deploys [path] [--json] [--since <date>]         List deploys that probably failed (rollbacks, resets, forced updates, hotfixes)
  metrics [path] [--json|--markdown|--csv] [--since <d>]  Estimate time to recover, change failure rate, rework, hotspots (all estimates)
  metrics merge <files…> [--markdown|--csv|--json|--format fourkeys]  Org-wide numbers from many repositories' metrics --json
  incidents [path] [--json]                               List incident files and their status
  issues sync [--dry-run] [--close-done] [--repo path]     Open a GitHub issue per open action item and keep done in step
  incident new <commit> [--repo path] [--print] [--json]  Open the incident for a commit (the file the panel creates)
  scaffold test|checklist <sha> [--repo path] [--print]   Scaffold a regression test or checklist items for a culprit commit
  ci [--state file] [--dry-run]                           In CI: one calm note per new revert or failed deploy without an incident
  init ci                                                 Write .github/workflows/own-it.yml and print the GitLab CI job
  tone [file|-] [--radius local|team|production] [--json] Check a team update's tone: owns it, in proportion, no blame
  help                                                    Show this help
  --version                                               Print Own It's version
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`own-it ${version}\n`);
    return EXIT_OK;
  }
  if (command === 'incidents') return commands.incidents()(argv.slice(1));
  if (command === 'ci') return commands.ci()(argv.slice(1));
  if (command === 'init' && argv[1] === 'ci') return commands.initCi()(argv.slice(2));
  if (command === 'issues') return commands.issues()(argv.slice(1));
  if (command === 'incident') return commands.incident()(argv.slice(1));
  if (command === 'scan') return commands.scan()(argv.slice(1));
  if (command === 'metrics' && argv[1] === 'merge') return commands.metricsMerge()(argv.slice(2));
  if (command === 'metrics') return commands.metrics()(argv.slice(1));
  if (command === 'scaffold') return commands.scaffold()(argv.slice(1));
  if (command === 'tone') return commands.tone()(argv.slice(1));
  process.stderr.write(`own-it: unknown command "${command}"\n\n${USAGE}`);
  return EXIT_USAGE;
}
