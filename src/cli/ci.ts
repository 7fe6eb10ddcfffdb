/**
 * `own-it ci [path] [--state <file>] [--dry-run] [--api-url <url>] [--folder <dir>] [--tag-pattern <glob>]`
 * and `own-it init ci [path] [--package <npm spec>]`. Exit codes: 0 ok, 1 failure (or GitHub
 * stopped answering; the next run carries on), 2 usage, 3 not a repository.
 */
import * as path from 'node:path';
import { exec, gitRunner } from '../core/git/runner';
import { version } from '../../package.json';
import { createFileExclusive } from '../core/fs/atomicWrite';
import { resolveFolderInside, UnsafeFolderError } from '../core/fs/safeFolder';
import { runCiJob, type CiReport } from '../core/githost/ciJob';
import { CiStateError, DEFAULT_CI_STATE_FILE } from '../core/githost/ciState';
import { GitHubAuthError, GitHubClient, GitHubPermissionError } from '../core/githost/githubClient';
import { gitHubRepoFor, NoGitHubRemoteError } from '../core/githost/repoTarget';
import { DEFAULT_GITHUB_API_URL } from '../core/githost/types';
import { githubWorkflow, gitlabJob, PLAIN_BRANCH_NAME, WORKFLOW_PATH } from '../core/githost/workflowTemplate';
import { parseArgs, UsageError } from './args';
import { findWorkTree } from './incidents';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';


export const CI_USAGE = `Usage: own-it ci [path] [--state <file>] [--dry-run] [--api-url <url>] [--folder <dir>] [--tag-pattern <glob>]
       own-it init ci [path] --package <name@x.y.z>

own-it ci: for the default branch in CI. Finds reverts, rollbacks and deploys that needed a hotfix
that are new since the last run, and for each one no incident file names, posts one note on the
culprit's pull request (or opens one issue) with a ready "own-it incident new <sha>" command.
The first run only records what is already there. Without GITHUB_TOKEN the notes go to the log.
  --state <file>   where the run remembers what it handled, inside the repository (default: ${DEFAULT_CI_STATE_FILE}); keep it in the CI cache
  --dry-run        post nothing and leave the state file as it is

own-it init ci: writes ${WORKFLOW_PATH} (never over an existing file) and prints the GitLab CI job.
  --package <spec> the npm package the job runs, at an exact version you trust (required: Own It's
                   CLI is not published on npm under a fixed name, and a job must never run a
                   package name nobody has checked; e.g. your organisation's own-it@${version})
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function printable(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

const OUTCOME: Record<CiReport['outcome'], string> = {
  commented: 'commented on',
  'opened-issue': 'opened',
  'already-posted': 'already noted in',
  'has-incident': 'has an incident file',
  printed: 'note (not posted: no GitHub)',
  'would-post': 'would post',
};

function usage(io: CliIo, message: string): number {
  io.stderr(`own-it: ${message}\n\n${CI_USAGE}`);
  return EXIT_USAGE;
}

export async function runCi(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(CI_USAGE);
    return EXIT_OK;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, { flags: ['dry-run'], options: ['state', 'api-url', 'folder', 'tag-pattern'], maxPositionals: 1 });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return usage(io, `ci: ${err.message}`);
  }
  const tree = await findWorkTree(path.resolve(args.positionals[0] ?? '.'));
  if ('error' in tree) {
    io.stderr(`own-it ci: ${tree.error}\n`);
    return tree.gitMissing ? EXIT_FAILURE : EXIT_NOT_A_REPO;
  }
  const stateFile = path.resolve(tree.root, args.options.get('state') ?? DEFAULT_CI_STATE_FILE);
  const rel = path.relative(tree.root, stateFile);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep)[0] === '.git') {
    return usage(io, `ci: the state file must be inside the repository and outside .git, got ${stateFile}`);
  }
  const dryRun = args.flags.has('dry-run');
  const apiUrl = args.options.get('api-url') ?? env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL;
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
  try {
    let github: { client: GitHubClient; repo: Awaited<ReturnType<typeof gitHubRepoFor>> } | undefined;
    if (token) {
      try {
        github = { client: new GitHubClient({ apiUrl, token }), repo: await gitHubRepoFor(tree.root, apiUrl) };
      } catch (err) {
        if (!(err instanceof NoGitHubRemoteError)) throw err;
        io.stdout(`${printable(err.message)}\nThe notes are printed here instead.\n`);
      }
    } else io.stdout('No GITHUB_TOKEN: the notes are printed here instead of posted.\n');
    const result = await runCiJob({ repoRoot: tree.root, stateFile, incidentsFolder: args.options.get('folder'), tagPattern: args.options.get('tag-pattern'), github, dryRun });
    if (result.baseline) {
      const n = result.baseline.length;
      io.stdout(`First run: ${n} earlier revert${n === 1 ? '' : 's'} and failed deploy${n === 1 ? '' : 's'} recorded as already seen${dryRun ? ' (dry run: not saved)' : ` in ${rel.split(path.sep).join('/')}`}. From the next run on, new ones get a note.\n`);
      return EXIT_OK;
    }
    for (const r of result.reports) {
      io.stdout(printable(`${OUTCOME[r.outcome]}${r.url ? ` ${r.url}` : ''}: ${r.failure.kind} ${r.failure.recoveredBy.slice(0, 40)} "${r.failure.summary.slice(0, 80)}"`) + '\n');
      if (r.body && (r.outcome === 'printed' || r.outcome === 'would-post')) io.stdout(`${printable(r.body)}\n`);
    }
    if (result.reports.length === 0) io.stdout('No new reverts or failed deploys since the last run.\n');
    if (result.stoppedBy) {
      io.stderr(`own-it ci: ${result.stoppedBy.message}. What was posted is recorded; the next run carries on.\n`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  } catch (err) {
    if (err instanceof GitHubPermissionError) {
      io.stderr(`own-it ci: the token cannot post here: it is missing the "${(err.permission ?? 'issues=write').replace(/=/g, ': ')}" permission (${err.message}). Give the job "permissions: issues: write" and "pull-requests: write".\n`);
      return EXIT_FAILURE;
    }
    if (err instanceof GitHubAuthError || err instanceof CiStateError) {
      io.stderr(`own-it ci: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`own-it ci: ${err instanceof Error ? err.message.trim() : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

async function defaultBranch(root: string): Promise<string | undefined> {
  for (const args of [['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], ['symbolic-ref', '--quiet', '--short', 'HEAD']]) {
    // Detached HEAD or no origin/HEAD: a non-zero exit moves on to the next source.
    const r = await exec(gitRunner(root), args).catch(() => undefined);
    const out = r && r.exitCode === 0 ? r.stdout.trim().replace(/^origin\//, '') : '';
    if (out) return out;
  }
  return undefined;
}

export async function runInitCi(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, { options: ['package'], maxPositionals: 1 });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return usage(io, `init ci: ${err.message}`);
  }
  const cliPackage = args.options.get('package');
  if (cliPackage === undefined) {
    return usage(io, `init ci: --package is required: name the npm package and exact version the job should run (for example @your-org/own-it@${version}); Own It does not guess a package name for you`);
  }
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*@\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(cliPackage)) {
    return usage(io, `init ci: --package needs an exact version such as own-it@${version} (a range would let a new release run unreviewed), got "${cliPackage}"`);
  }
  const tree = await findWorkTree(path.resolve(args.positionals[0] ?? '.'));
  if ('error' in tree) {
    io.stderr(`own-it init ci: ${tree.error}\n`);
    return tree.gitMissing ? EXIT_FAILURE : EXIT_NOT_A_REPO;
  }
  const found = await defaultBranch(tree.root);
  const branch = found && PLAIN_BRANCH_NAME.test(found) ? found : 'main';
  const options = { defaultBranch: branch, cliPackage };
  let folder: string;
  try {
    folder = (await resolveFolderInside(tree.root, path.posix.dirname(WORKFLOW_PATH), true)) as string;
  } catch (err) {
    io.stderr(`own-it init ci: ${err instanceof UnsafeFolderError ? err.message : `cannot create ${path.posix.dirname(WORKFLOW_PATH)}: ${(err as Error).message}`}; nothing was written.\n`);
    return EXIT_FAILURE;
  }
  const written = await createFileExclusive(path.join(folder, path.posix.basename(WORKFLOW_PATH)), githubWorkflow(options));
  if (written) io.stdout(`Wrote ${WORKFLOW_PATH} (runs on pushes to ${branch}${found && found !== branch ? `; "${found}" is not a plain branch name, so check it` : ''}). Review it and commit it.\n`);
  else io.stdout(`${WORKFLOW_PATH} already exists; it was left as it is. The workflow Own It would write:\n\n${githubWorkflow(options)}\n`);
  io.stdout(`\nFor GitLab CI, add this job to .gitlab-ci.yml:\n\n${gitlabJob(options)}`);
  return EXIT_OK;
}
