/**
 * CI and deployment failures read from a git host (GitHub and GitHub Enterprise), and the
 * subset of GitHub's documented REST responses we read them from.
 */

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
export const DEFAULT_POLL_MINUTES = 5;
/** The fastest polling the `ownIt.ci.pollMinutes` setting allows. */
export const MIN_POLL_MINUTES = 1;
/** How many commits of the default branch are checked (two requests each, mostly answered 304). */
export const DEFAULT_RECENT_COMMITS = 10;
/** How many recent deployments are checked (one request each for their statuses). */
export const DEFAULT_RECENT_DEPLOYMENTS = 10;

/** A repository on a GitHub host, parsed from a remote URL. */
export interface GitHubRepoRef {
  /** Web host, lower case: `github.com` or a GitHub Enterprise host such as `ghe.example.com`. */
  host: string;
  owner: string;
  repo: string;
}

export type CiFindingKind = 'check-run' | 'commit-status' | 'deployment';

/** One failure the git host reports for a commit of the repository. */
export interface CiFinding {
  kind: CiFindingKind;
  /** `owner/repo` on the host. */
  repository: string;
  /** Full sha of the commit that failed: the culprit of an incident opened from this finding. */
  sha: string;
  /** Check-run name, status context (`ci/jenkins`), or deployment environment. */
  name: string;
  /** The host's word for it: `failure`, `timed_out`, `cancelled`, `startup_failure` (check runs), `failure`/`error` (statuses, deployments). */
  state: string;
  /** ISO 8601: when the check completed or the status was last updated. */
  date: string;
  /** A page on the host that shows the failure (run, status target, deployment log), when there is one. */
  url?: string;
  /** The check's output title or the status description. */
  description?: string;
  /** Stable across polls: used to tell new findings from known ones. */
  id: string;
}

/** GET /repos/{owner}/{repo} (only what we read). */
export interface RepoResponse {
  default_branch: string;
  full_name?: string;
}

/** GET /repos/{owner}/{repo}/commits/{ref}/check-runs */
export interface CheckRunsResponse {
  total_count: number;
  check_runs: CheckRun[];
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed' | string;
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale' | 'startup_failure' | null | string;
  started_at?: string | null;
  completed_at?: string | null;
  html_url?: string | null;
  details_url?: string | null;
  output?: { title?: string | null; summary?: string | null } | null;
}

/** GET /repos/{owner}/{repo}/commits/{ref}/status (the combined status). */
export interface CombinedStatusResponse {
  state: 'failure' | 'pending' | 'success' | 'error' | string;
  sha: string;
  statuses: CommitStatus[];
}

export interface CommitStatus {
  id?: number;
  state: 'error' | 'failure' | 'pending' | 'success' | string;
  context: string;
  description?: string | null;
  target_url?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** GET /repos/{owner}/{repo}/deployments (an array of these). */
export interface Deployment {
  id: number;
  sha: string;
  ref?: string;
  environment: string;
  created_at: string;
  description?: string | null;
}

/** GET /repos/{owner}/{repo}/deployments/{id}/statuses (an array, newest first). */
export interface DeploymentStatus {
  id: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress' | string;
  created_at: string;
  updated_at?: string;
  description?: string | null;
  environment?: string;
  log_url?: string | null;
  target_url?: string | null;
}
