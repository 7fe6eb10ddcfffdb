/**
 * `own-it issues sync [path] [--dry-run] [--close-done] [--repo <path>] [--api-url <url>] [--folder <dir>] [--json]`:
 * action items ↔ GitHub issues (src/core/githost/issueSync.ts). The token comes from
 * GITHUB_TOKEN (or GH_TOKEN); the API from --api-url, GITHUB_API_URL (set by GitHub Actions,
 * also on Enterprise) or https://api.github.com. Exit codes: 0 in step, 1 failure or
 * something left for the next run, 2 usage, 3 not a repository.
 */
import * as path from 'node:path';
import { UnsafeFolderError } from '../core/fs/safeFolder';
import { GitHubAuthError, GitHubClient, GitHubPermissionError } from '../core/githost/githubClient';
import { syncActionItems, type SyncStep } from '../core/githost/issueSync';
import { gitHubRepoFor, NoGitHubRemoteError } from '../core/githost/repoTarget';
import { DEFAULT_GITHUB_API_URL } from '../core/githost/types';
import { DEFAULT_INCIDENTS_FOLDER } from '../core/incidents/incidentStore';
import { parseArgs, UsageError } from './args';
import { findWorkTree } from './incidents';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';

export const ISSUES_USAGE = `Usage: own-it issues sync [path] [--dry-run] [--close-done] [--repo <path>] [--api-url <url>] [--folder <dir>] [--json]

Opens one GitHub issue per open action item (labels "incident" and "action-item"), writes the
issue's URL back onto the item, and marks items done whose issue was closed. Never opens an
issue twice and never closes one unless you pass --close-done.
  --dry-run        print what would change; without GITHUB_TOKEN, plan from the incident files alone
  --close-done     close the open issues of items that are done in the incident file
  --repo <path>    the repository (default: [path] or the current folder)
  --api-url <url>  GitHub API (default: GITHUB_API_URL or ${DEFAULT_GITHUB_API_URL}; Enterprise: https://<host>/api/v3)
  --folder <dir>   incidents folder relative to the repository root (default: ${DEFAULT_INCIDENTS_FOLDER})
  --json           one JSON object per step
Environment: GITHUB_TOKEN (or GH_TOKEN) with the "issues: write" permission.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

const VERB: Record<SyncStep['kind'], [dry: string, done: string]> = {
  create: ['would create', 'created'],
  link: ['would link', 'linked'],
  'mark-done': ['would mark done', 'marked done'],
  close: ['would close', 'closed'],
  'offer-close': ['done, issue open', 'done, issue open'],
};

function stepLine(s: SyncStep, dryRun: boolean): string {
  const verb = VERB[s.kind][dryRun ? 0 : 1];
  const where = s.issueUrl ? `  ${s.issueUrl}` : '';
  const text = s.text.length > 70 ? `${s.text.slice(0, 69)}…` : s.text;
  return printable(`${verb.padEnd(17)} ${s.incident} [${s.itemId}] "${text}"${where}`);
}

/** `issues=write` → `issues: write`, the way a workflow's `permissions:` block spells it. */
function permissionWords(p: string | undefined): string {
  return p ? p.split(',').map((x) => x.trim().replace('=', ': ')).join(', ') : 'issues: write';
}

export async function runIssues(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.stdout(ISSUES_USAGE);
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    if (argv[0] !== 'sync') throw new UsageError(`unknown subcommand "${argv[0]}"`);
    parsed = parseArgs(argv.slice(1), { flags: ['dry-run', 'close-done', 'json'], options: ['repo', 'api-url', 'folder'], maxPositionals: 1 });
    if (parsed.positionals.length > 0 && parsed.options.has('repo')) throw new UsageError('give the repository either as [path] or as --repo, not both');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it issues: ${err.message}\n\n${ISSUES_USAGE}`);
    return EXIT_USAGE;
  }
  const dryRun = parsed.flags.has('dry-run');
  const apiUrl = parsed.options.get('api-url') ?? env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL;
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
  const tree = await findWorkTree(path.resolve(parsed.options.get('repo') ?? parsed.positionals[0] ?? '.'));
  if ('error' in tree) {
    io.stderr(`own-it issues: ${tree.error}\n`);
    return tree.gitMissing ? EXIT_FAILURE : EXIT_NOT_A_REPO;
  }
  if (!token && !dryRun) {
    io.stderr(
      'own-it issues: no GitHub token. Set GITHUB_TOKEN (in GitHub Actions: env GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} with permissions: issues: write), or run with --dry-run to see the plan.\n',
    );
    return EXIT_FAILURE;
  }
  try {
    const repo = await gitHubRepoFor(tree.root, apiUrl);
    const client = token ? new GitHubClient({ apiUrl, token }) : undefined;
    const result = await syncActionItems({ repoRoot: tree.root, incidentsFolder: parsed.options.get('folder'), repo, client, dryRun, closeDone: parsed.flags.has('close-done') });
    if (parsed.flags.has('json')) {
      for (const s of result.steps) io.stdout(`${JSON.stringify({ ...s, dryRun })}\n`);
    } else {
      io.stdout(`Own It issues sync, ${repo.owner}/${repo.repo}${dryRun ? ' (dry run: nothing is changed)' : ''}\n`);
      if (!result.checkedGitHub) io.stdout('No GITHUB_TOKEN: planned from the incident files alone; GitHub was not asked about existing issues.\n');
      for (const s of result.steps) io.stdout(`${stepLine(s, dryRun)}\n`);
      if (result.steps.length === 0 && result.problems.length === 0) io.stdout('Every action item is in step with its issue.\n');
      const offers = result.steps.filter((s) => s.kind === 'offer-close').length;
      if (offers > 0) io.stdout(`${offers} done item${offers === 1 ? ' has its' : 's have their'} issue still open; run again with --close-done to close ${offers === 1 ? 'it' : 'them'}.\n`);
    }
    for (const p of result.problems) io.stderr(`own-it issues: ${printable(p)}\n`);
    if (result.stoppedBy) {
      io.stderr(`own-it issues: ${result.stoppedBy.message}. Stopped here; everything done so far is saved, and the next sync carries on from it.\n`);
      return EXIT_FAILURE;
    }
    return result.problems.length > 0 ? EXIT_FAILURE : EXIT_OK;
  } catch (err) {
    if (err instanceof GitHubPermissionError) {
      io.stderr(
        `own-it issues: the token may read but not write issues here: it is missing the "${permissionWords(err.permission)}" permission (${err.message}). In GitHub Actions add "permissions: issues: write" to the job; a fine-grained token needs Issues: Read and write; a classic token needs the repo (or public_repo) scope.\n`,
      );
      return EXIT_FAILURE;
    }
    if (err instanceof GitHubAuthError) {
      io.stderr(`own-it issues: ${err.message}. Check GITHUB_TOKEN: it may have expired or been revoked.\n`);
      return EXIT_FAILURE;
    }
    if (err instanceof NoGitHubRemoteError || err instanceof UnsafeFolderError) {
      io.stderr(`own-it issues: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`own-it issues: ${err instanceof Error ? err.message.trim() : String(err)}\n`);
    return EXIT_FAILURE;
  }
}
