/**
 * Action items ↔ GitHub issues. For every open action item without an issue, one issue is
 * opened (labels `incident`, `action-item`, a hidden marker naming incident id + item id) and its
 * URL is written back onto the item; an issue closed on GitHub marks its item done; an item done
 * here whose issue is still open is only reported, and closed only when the caller asks
 * (`closeDone`). Before opening an issue the marker is looked up (label listing, then search),
 * so re-running, or running after a crash between "created" and "saved", never duplicates.
 * Offline or rate limited, the sync stops, keeps what it already wrote, and the next run resumes.
 */
import { IncidentStore, type StoredIncident } from '../incidents/incidentStore';
import type { ActionItem } from '../incidents/model';
import { GitHubBackoffError, GitHubHttpError, GitHubNetworkError, type GitHubClient } from './githubClient';
import { ACTION_ITEM_LABEL, INCIDENT_LABEL, issueBody, issueNumber, issueTitle, LABELS, markerPhrase, readMarkers } from './issueText';
import { saveItemPatches, withItemIds, type ItemPatch } from './itemPatches';
import type { GitHubRepoRef, RepoResponse } from './types';

/** GET /repos/{owner}/{repo}/issues and /issues/{n} (only what we read). */
export interface IssueResponse {
  number: number;
  html_url: string;
  title: string;
  state: 'open' | 'closed' | string;
  state_reason?: string | null;
  body?: string | null;
  pull_request?: unknown;
}

export type SyncStepKind = 'create' | 'link' | 'mark-done' | 'close' | 'offer-close';

export interface SyncStep {
  kind: SyncStepKind;
  /** Repository-relative path of the incident file. */
  incident: string;
  itemId: string;
  text: string;
  /** The issue concerned; absent for a `create` in a dry run. */
  issueUrl?: string;
}

export interface IssueSyncOptions {
  repoRoot: string;
  incidentsFolder?: string;
  repo: GitHubRepoRef;
  /** Without a client the plan is made from the incident files alone (a dry run without a token). */
  client?: GitHubClient;
  dryRun: boolean;
  /** Close the open issues of items that are done here. Off unless the person asked. */
  closeDone?: boolean;
  /** Only this incident file (repository-relative path), e.g. the one open in the panel. */
  only?: string;
}

export interface IssueSyncResult {
  /** What was done, or in a dry run what would be done, in file and item order. */
  steps: SyncStep[];
  /** False when no client was given: nothing on GitHub was looked at. */
  checkedGitHub: boolean;
  /** Files and issues left as they were, one sentence each. */
  problems: string[];
  /** Set when GitHub stopped answering (offline, rate limit, server errors): the next sync resumes. */
  stoppedBy?: Error;
}

const MAX_PAGES = 50;
const SAFE_INCIDENT_ID = /^[A-Za-z0-9_.-]{1,80}$/;

export async function syncActionItems(options: IssueSyncOptions): Promise<IssueSyncResult> {
  const store = new IncidentStore(options.repoRoot, options.incidentsFolder);
  const { incidents, errors } = await store.list();
  const result: IssueSyncResult = { steps: [], checkedGitHub: options.client !== undefined, problems: errors.map((e) => `${e.file}: not a readable incident file, skipped (${e.problems[0]?.message ?? 'unreadable'})`) };
  const sync = new Sync(options, store, result);
  try {
    await sync.loadIndex();
    for (const stored of incidents) {
      if (options.only !== undefined && stored.relativePath !== options.only) continue;
      if (!SAFE_INCIDENT_ID.test(stored.incident.id)) {
        result.problems.push(`${stored.relativePath}: its id "${stored.incident.id}" has characters an issue marker cannot carry; skipped. Use letters, digits, ".", "-" or "_".`);
        continue;
      }
      await sync.incident(stored);
    }
  } catch (err) {
    if (!(err instanceof GitHubNetworkError || err instanceof GitHubBackoffError)) throw err;
    result.stoppedBy = err;
  }
  return result;
}

class Sync {
  private readonly byMarker = new Map<string, IssueResponse>();
  private readonly byNumber = new Map<number, IssueResponse>();
  private defaultBranch = 'main';
  private labelsReady = false;

  constructor(
    private readonly options: IssueSyncOptions,
    private readonly store: IncidentStore,
    private readonly result: IssueSyncResult,
  ) {}

  private get base(): string {
    return `/repos/${this.options.repo.owner}/${this.options.repo.repo}`;
  }

  /** The default branch (for links) and every issue with the `action-item` label, open or closed. */
  async loadIndex(): Promise<void> {
    const client = this.options.client;
    if (!client) return;
    this.defaultBranch = (await client.get<RepoResponse>(this.base)).default_branch;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const issues = await client.get<IssueResponse[]>(`${this.base}/issues`, { labels: ACTION_ITEM_LABEL, state: 'all', per_page: 100, page });
      for (const issue of issues) this.remember(issue);
      if (issues.length < 100) break;
    }
  }

  private remember(issue: IssueResponse): void {
    if (issue.pull_request) return;
    this.byNumber.set(issue.number, issue);
    for (const m of readMarkers(issue.body)) {
      const key = `${m.incident}/${m.item}`;
      const known = this.byMarker.get(key);
      if (!known || issue.number < known.number) this.byMarker.set(key, issue);
    }
  }

  async incident(listed: StoredIncident): Promise<void> {
    let stored = listed;
    if (!this.options.dryRun && stored.incident.actions.some((a) => a.id === undefined)) {
      // Ids go to disk before any issue exists, so a crash after "created" still matches next time.
      stored = await saveItemPatches(this.store, stored, new Map(), this.result.problems) ?? stored;
    }
    const items = withItemIds(stored.incident.actions);
    const patches = new Map<string, ItemPatch>();
    try {
      for (const item of items) await this.item(stored, item, patches);
    } finally {
      if (!this.options.dryRun && patches.size > 0) await saveItemPatches(this.store, stored, patches, this.result.problems);
    }
  }

  private step(stored: StoredIncident, item: ActionItem & { id: string }, kind: SyncStepKind, issueUrl?: string): void {
    this.result.steps.push({ kind, incident: stored.relativePath, itemId: item.id, text: item.text, ...(issueUrl ? { issueUrl } : {}) });
  }

  private async item(stored: StoredIncident, item: ActionItem & { id: string }, patches: Map<string, ItemPatch>): Promise<void> {
    const client = this.options.client;
    let issue: IssueResponse | undefined;
    if (item.issue) {
      if (!client) return;
      const n = issueNumber(item.issue);
      issue = n === undefined ? undefined : (this.byNumber.get(n) ?? (await this.fetchIssue(n)));
      if (!issue) {
        this.result.problems.push(`${stored.relativePath}: item ${item.id} links ${item.issue}, which ${this.options.repo.owner}/${this.options.repo.repo} does not have; the link was left as it is.`);
        return;
      }
    } else {
      issue = this.byMarker.get(`${stored.incident.id}/${item.id}`) ?? (client && !item.done ? await this.search(stored.incident.id, item.id) : undefined);
      if (issue) {
        patches.set(item.id, { issue: issue.html_url });
        this.step(stored, item, 'link', issue.html_url);
      } else if (!item.done) {
        await this.create(stored, item, patches);
        return;
      } else return;
    }
    if (issue.state === 'closed' && !item.done) {
      patches.set(item.id, { ...patches.get(item.id), done: true });
      this.step(stored, item, 'mark-done', issue.html_url);
    } else if (issue.state === 'open' && item.done) {
      if (this.options.closeDone && client) {
        if (!this.options.dryRun) await client.send('PATCH', `${this.base}/issues/${issue.number}`, { state: 'closed', state_reason: 'completed' });
        this.step(stored, item, 'close', issue.html_url);
      } else this.step(stored, item, 'offer-close', issue.html_url);
    }
  }

  private async create(stored: StoredIncident, item: ActionItem & { id: string }, patches: Map<string, ItemPatch>): Promise<void> {
    const client = this.options.client;
    if (this.options.dryRun || !client) {
      this.step(stored, item, 'create');
      return;
    }
    await this.ensureLabels(client);
    const body = issueBody({ repo: this.options.repo, defaultBranch: this.defaultBranch, incidentPath: stored.relativePath, incident: stored.incident, item });
    const created = await client.send<IssueResponse>('POST', `${this.base}/issues`, { title: issueTitle(item), body, labels: [INCIDENT_LABEL, ACTION_ITEM_LABEL] });
    this.remember({ ...created, body });
    patches.set(item.id, { issue: created.html_url });
    this.step(stored, item, 'create', created.html_url);
  }

  /** An issue someone unlabelled is still found by its marker; search is only asked right before creating. */
  private async search(incidentId: string, itemId: string): Promise<IssueResponse | undefined> {
    const q = `repo:${this.options.repo.owner}/${this.options.repo.repo} is:issue in:body "${markerPhrase(incidentId, itemId)}"`;
    try {
      const found = await this.options.client?.get<{ items: IssueResponse[] }>('/search/issues', { q });
      return found?.items.find((i) => readMarkers(i.body).some((m) => m.incident === incidentId && m.item === itemId));
    } catch (err) {
      // Search has its own, smaller rate limit; the label listing already answered for labelled issues.
      if (err instanceof GitHubHttpError && err.status !== 401 && err.status !== 403) return undefined;
      throw err;
    }
  }

  private async fetchIssue(n: number): Promise<IssueResponse | undefined> {
    try {
      const issue = await this.options.client?.get<IssueResponse>(`${this.base}/issues/${n}`);
      if (issue) this.remember(issue);
      return issue;
    } catch (err) {
      if (err instanceof GitHubHttpError && (err.status === 404 || err.status === 410)) return undefined;
      throw err;
    }
  }

  /** Creates `incident` and `action-item` when missing; labels a maintainer made are left alone. */
  private async ensureLabels(client: GitHubClient): Promise<void> {
    if (this.labelsReady) return;
    for (const label of LABELS) {
      try {
        await client.get(`${this.base}/labels/${encodeURIComponent(label.name)}`);
      } catch (err) {
        if (!(err instanceof GitHubHttpError && err.status === 404)) throw err;
        await client.send('POST', `${this.base}/labels`, label).catch((e: unknown) => {
          if (!(e instanceof GitHubHttpError && e.status === 422)) throw e; // created meanwhile
        });
      }
    }
    this.labelsReady = true;
  }
}
