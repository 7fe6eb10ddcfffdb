import { GitHubHttpError, type GitHubClient } from './githubClient';
import {
  DEFAULT_RECENT_DEPLOYMENTS,
  type CheckRunsResponse,
  type CiFinding,
  type CombinedStatusResponse,
  type Deployment,
  type DeploymentStatus,
  type RepoResponse,
} from './types';

/**
 * Check-run conclusions that count as a failure. `cancelled` is included because a cancelled
 * check leaves the commit unverified; `neutral`, `skipped`, `stale` and `action_required` are not.
 */
export const FAILED_CHECK_CONCLUSIONS: ReadonlySet<string> = new Set(['failure', 'timed_out', 'cancelled', 'startup_failure']);
/** Commit-status and deployment-status states that count as a failure. */
export const FAILED_STATES: ReadonlySet<string> = new Set(['failure', 'error']);

export interface CiFindingsOptions {
  /**
   * The commits to check on the default branch, newest first (the extension reads them from
   * `origin/<branch>` in the local clone). An empty list checks the branch head only.
   */
  commits: (defaultBranch: string) => Promise<string[]>;
  /** How many recent deployments to check, default {@link DEFAULT_RECENT_DEPLOYMENTS}; 0 skips deployments. */
  deployments?: number;
}

export interface CiFindingsResult {
  defaultBranch: string;
  /** Newest first. */
  findings: CiFinding[];
}

const seg = encodeURIComponent;

/**
 * Failed check runs and commit statuses on recent commits of the default branch, and recent
 * deployments whose latest status failed. Requests go one at a time (GitHub asks integrations
 * not to send concurrent requests); a rate limit or back-off ends the whole pass, while a
 * commit the host does not know (404/422) is skipped.
 */
export async function fetchCiFindings(client: GitHubClient, owner: string, repo: string, options: CiFindingsOptions): Promise<CiFindingsResult> {
  const base = `/repos/${seg(owner)}/${seg(repo)}`;
  const repository = `${owner}/${repo}`;
  const { default_branch: defaultBranch } = await client.get<RepoResponse>(base);
  const commits = await options.commits(defaultBranch);
  const refs = commits.length > 0 ? commits : [defaultBranch];
  const findings: CiFinding[] = [];

  for (const ref of refs) {
    const runs = await skipUnknown(client.get<CheckRunsResponse>(`${base}/commits/${seg(ref)}/check-runs`, { per_page: 100 }));
    for (const run of runs?.check_runs ?? []) {
      if (run.status !== 'completed' || !run.conclusion || !FAILED_CHECK_CONCLUSIONS.has(run.conclusion)) continue;
      findings.push({
        kind: 'check-run',
        repository,
        sha: run.head_sha,
        name: run.name,
        state: run.conclusion,
        date: run.completed_at ?? run.started_at ?? '',
        url: run.html_url ?? run.details_url ?? undefined,
        description: run.output?.title ?? undefined,
        id: `check-run:${repository}:${run.id}`,
      });
    }
    const combined = await skipUnknown(client.get<CombinedStatusResponse>(`${base}/commits/${seg(ref)}/status`, { per_page: 100 }));
    // The combined status lists the latest status per context, so a context that failed and was then fixed is not reported.
    for (const status of combined?.statuses ?? []) {
      if (!FAILED_STATES.has(status.state)) continue;
      findings.push({
        kind: 'commit-status',
        repository,
        sha: combined?.sha ?? ref,
        name: status.context,
        state: status.state,
        date: status.updated_at ?? status.created_at ?? '',
        url: status.target_url ?? undefined,
        description: status.description ?? undefined,
        id: `commit-status:${repository}:${combined?.sha ?? ref}:${status.context}`,
      });
    }
  }

  const maxDeployments = options.deployments ?? DEFAULT_RECENT_DEPLOYMENTS;
  if (maxDeployments > 0) {
    const deployments = await client.get<Deployment[]>(`${base}/deployments`, { per_page: maxDeployments });
    for (const deployment of deployments.slice(0, maxDeployments)) {
      // Statuses come newest first: only the latest says whether the deployment stands failed.
      const statuses = await skipUnknown(client.get<DeploymentStatus[]>(`${base}/deployments/${deployment.id}/statuses`, { per_page: 1 }));
      const latest = statuses?.[0];
      if (!latest || !FAILED_STATES.has(latest.state)) continue;
      findings.push({
        kind: 'deployment',
        repository,
        sha: deployment.sha,
        name: latest.environment ?? deployment.environment,
        state: latest.state,
        date: latest.updated_at ?? latest.created_at,
        url: latest.log_url ?? latest.target_url ?? undefined,
        description: latest.description || deployment.description || undefined,
        id: `deployment:${repository}:${deployment.id}`,
      });
    }
  }

  findings.sort((a, b) => b.date.localeCompare(a.date));
  return { defaultBranch, findings };
}

async function skipUnknown<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof GitHubHttpError && (e.status === 404 || e.status === 422)) return undefined;
    throw e;
  }
}
