/**
 * `own-it ci` for the default branch: find reverts, rollbacks and deploys that needed a
 * hotfix that are new since the last run (state: ciState.ts), and for each one no incident
 * file names, post one calm comment on the culprit's pull request, or open one issue when no
 * pull request is known. The first run (no state) only records what is already there.
 * Without GitHub (no token, a GitLab pipeline) the comment is printed to the job log instead.
 */
import { analyzeDeploys } from '../deploys/failedDeploys';
import type { DeployFinding } from '../deploys/types';
import { IncidentStore, type StoredIncident } from '../incidents/incidentStore';
import { scanReverts } from '../revert/revertScanner';
import { readCiState, writeCiState, type CiState } from './ciState';
import { ciCommentBody, ciIssueTitle, ciMarkerPhrase, type CiFailure } from './ciText';
import { GitHubBackoffError, GitHubHttpError, GitHubNetworkError, type GitHubClient } from './githubClient';
import { INCIDENT_LABEL } from './issueText';
import type { GitHubRepoRef, RepoResponse } from './types';

const DAY_MS = 86_400_000;
/** Later runs look back this far before the last run: a rebased revert can carry an older date. */
const LOOKBACK_DAYS = 90;

export interface CiJobOptions {
  repoRoot: string;
  stateFile: string;
  incidentsFolder?: string;
  tagPattern?: string;
  /** Where to post; without it each comment is returned for printing. */
  github?: { client: GitHubClient; repo: GitHubRepoRef };
  /** Nothing is posted and the state file is not written. */
  dryRun: boolean;
  now?: Date;
}

export type CiOutcome = 'commented' | 'opened-issue' | 'already-posted' | 'has-incident' | 'printed' | 'would-post';

export interface CiReport {
  outcome: CiOutcome;
  failure: CiFailure;
  /** The comment or issue, when one was posted or found. */
  url?: string;
  /** The text posted, or that would be posted. */
  body?: string;
}

export interface CiJobResult {
  /** First run: these failures were recorded as already seen, nothing was posted. */
  baseline?: CiFailure[];
  reports: CiReport[];
  /** GitHub stopped answering; what was posted is in the state file, the rest waits for the next run. */
  stoppedBy?: Error;
}

/** Reverts (not reapplies), rollbacks and hotfix follow-ups of deploys, oldest first. */
export async function detectCiFailures(repoRoot: string, options: { since?: string; tagPattern?: string } = {}): Promise<CiFailure[]> {
  const [reverts, deploys] = await Promise.all([scanReverts(repoRoot, { since: options.since }), analyzeDeploys(repoRoot, { since: options.since, tagPattern: options.tagPattern })]);
  const out: CiFailure[] = reverts
    .filter((d) => d.kind !== 'reapply')
    .map((d) => ({ id: `revert:${d.sha}`, kind: 'revert', recoveredBy: d.sha, culprits: [...d.reverted], summary: d.subject, date: d.date }));
  for (const f of deploys.findings) {
    const failure = deployFailure(f);
    if (failure) out.push(failure);
  }
  return out.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.id < b.id ? -1 : 1));
}

function deployFailure(f: DeployFinding): CiFailure | undefined {
  // Reflog findings (resets, forced updates) describe one machine's clone; a CI clone has none worth reporting.
  if ((f.kind !== 'rollback' && f.kind !== 'hotfix-followup') || !f.failed) return undefined;
  const kind = f.kind === 'rollback' ? 'rollback' : 'hotfix';
  return { id: `${kind}:${f.failed.tag}`, kind, recoveredBy: f.failed.tag, culprits: [...f.culprits], summary: f.evidence.sentence, date: f.date };
}

function hasIncident(incidents: readonly StoredIncident[], f: CiFailure): boolean {
  const same = (a: string, b: string): boolean => a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a));
  const shas = f.kind === 'revert' ? [f.recoveredBy, ...f.culprits] : f.culprits;
  return incidents.some(({ incident }) => {
    const named = [...incident.culprits, ...(incident.revert ? [incident.revert] : [])].map((s) => s.toLowerCase());
    return shas.some((s) => named.some((n) => same(n, s))) || incident.deployRefs.some((r) => r.replace(/^refs\/tags\//, '') === f.recoveredBy);
  });
}

export async function runCiJob(options: CiJobOptions): Promise<CiJobResult> {
  const now = options.now ?? new Date();
  const state = await readCiState(options.stateFile);
  const since = state ? new Date(Date.parse(state.lastRun) - LOOKBACK_DAYS * DAY_MS).toISOString() : undefined;
  const failures = await detectCiFailures(options.repoRoot, { since, tagPattern: options.tagPattern });
  const next: CiState = { version: 1, lastRun: now.toISOString(), seen: [...(state?.seen ?? [])] };
  const seen = new Set(next.seen);
  const markSeen = (id: string): void => {
    if (!seen.has(id)) next.seen.push(id);
    seen.add(id);
  };
  if (!state) {
    for (const f of failures) markSeen(f.id);
    if (!options.dryRun) await writeCiState(options.stateFile, next);
    return { baseline: failures, reports: [] };
  }
  const { incidents } = await new IncidentStore(options.repoRoot, options.incidentsFolder).list();
  const poster = options.github ? new Poster(options.github.client, options.github.repo) : undefined;
  const result: CiJobResult = { reports: [] };
  try {
    for (const f of failures.filter((x) => !seen.has(x.id))) {
      if (hasIncident(incidents, f)) {
        result.reports.push({ outcome: 'has-incident', failure: f });
      } else if (!poster) {
        result.reports.push({ outcome: options.dryRun ? 'would-post' : 'printed', failure: f, body: ciCommentBody(f, 'the default branch', false) });
      } else {
        result.reports.push(await poster.post(f, options.dryRun));
      }
      markSeen(f.id);
      if (!options.dryRun) await writeCiState(options.stateFile, next);
    }
  } catch (err) {
    if (!(err instanceof GitHubNetworkError || err instanceof GitHubBackoffError)) throw err;
    result.stoppedBy = err;
    return result;
  }
  if (!options.dryRun) await writeCiState(options.stateFile, next);
  return result;
}

interface PullResponse {
  number: number;
  html_url: string;
}

class Poster {
  private defaultBranch: string | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly repo: GitHubRepoRef,
  ) {}

  private get base(): string {
    return `/repos/${this.repo.owner}/${this.repo.repo}`;
  }

  async post(f: CiFailure, dryRun: boolean): Promise<CiReport> {
    this.defaultBranch ??= (await this.client.get<RepoResponse>(this.base)).default_branch;
    const pull = await this.pullFor(f.culprits[0]);
    const body = ciCommentBody(f, this.defaultBranch, pull !== undefined);
    if (pull) {
      const comments = await this.client.get<{ body?: string | null; html_url?: string }[]>(`${this.base}/issues/${pull.number}/comments`, { per_page: 100 });
      const earlier = comments.find((c) => (c.body ?? '').includes(ciMarkerPhrase(f.id)));
      if (earlier) return { outcome: 'already-posted', failure: f, url: earlier.html_url ?? pull.html_url };
      if (dryRun) return { outcome: 'would-post', failure: f, url: pull.html_url, body };
      await this.client.send('POST', `${this.base}/issues/${pull.number}/comments`, { body });
      return { outcome: 'commented', failure: f, url: pull.html_url, body };
    }
    const q = `repo:${this.repo.owner}/${this.repo.repo} is:issue in:body "${ciMarkerPhrase(f.id)}"`;
    const found = await this.client.get<{ items: { html_url: string; body?: string | null }[] }>('/search/issues', { q });
    const earlier = found.items.find((i) => (i.body ?? '').includes(ciMarkerPhrase(f.id)));
    if (earlier) return { outcome: 'already-posted', failure: f, url: earlier.html_url };
    if (dryRun) return { outcome: 'would-post', failure: f, body };
    const issue = await this.client.send<{ html_url: string }>('POST', `${this.base}/issues`, { title: ciIssueTitle(f), body, labels: [INCIDENT_LABEL] });
    return { outcome: 'opened-issue', failure: f, url: issue.html_url, body };
  }

  /** The pull request that brought `sha` in (GitHub: "list pull requests associated with a commit"). */
  private async pullFor(sha: string | undefined): Promise<PullResponse | undefined> {
    if (!sha) return undefined;
    try {
      const pulls = await this.client.get<PullResponse[]>(`${this.base}/commits/${sha}/pulls`);
      return pulls[0];
    } catch (err) {
      // 422/404: GitHub does not have the commit (pushed elsewhere, or history rewritten): open an issue instead.
      if (err instanceof GitHubHttpError && (err.status === 404 || err.status === 422)) return undefined;
      throw err;
    }
  }
}
