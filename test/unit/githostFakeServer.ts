import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckRun, CommitStatus, Deployment, DeploymentStatus } from '../../src/core/githost';
import { Answer, FakeIssueTracker } from './githostFakeIssues';

/** What one fake repository answers; shapes follow GitHub's documented REST responses. */
export interface FakeRepo {
  defaultBranch: string;
  /** The sha the default branch points at (what a ref of the branch name resolves to). */
  head?: string;
  /** Commits the host has (besides those with check runs or statuses); others answer 422. */
  known: Set<string>;
  /** sha → check runs (the endpoint's default `filter=latest` view). */
  checkRuns: Map<string, CheckRun[]>;
  /** sha → statuses (latest per context, as the combined status lists them). */
  statuses: Map<string, CommitStatus[]>;
  deployments: Deployment[];
  /** deployment id → statuses, newest first. */
  deploymentStatuses: Map<number, DeploymentStatus[]>;
  /** Issues, comments, labels and pull requests (githostFakeIssues.ts), when a test needs them. */
  tracker?: FakeIssueTracker;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SeenRequest {
  method: string;
  path: string;
  ifNoneMatch?: string;
  authorization?: string;
  status: number;
}

export function emptyRepo(defaultBranch = 'main'): FakeRepo {
  return { defaultBranch, known: new Set(), checkRuns: new Map(), statuses: new Map(), deployments: [], deploymentStatuses: new Map() };
}

/**
 * A local stand-in for the GitHub REST endpoints Own It reads, on 127.0.0.1. Answers carry
 * ETags and honour If-None-Match with 304; a wrong token gets 401 `Bad credentials`; scripted
 * answers (rate limits, 5xx) are served first, in order. An optional path prefix stands in for
 * GitHub Enterprise's `/api/v3`.
 */
export class FakeGitHub {
  readonly repos = new Map<string, FakeRepo>();
  readonly seen: SeenRequest[] = [];
  readonly scripted: ScriptedAnswer[] = [];
  token = 'test-token';
  /** A token that may read but not write (a GITHUB_TOKEN without `issues: write`): writes answer 403. */
  readOnlyToken = 'read-only-token';
  private server: http.Server | undefined;
  port = 0;

  constructor(private readonly prefix = '') {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}${this.prefix}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private send(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.seen.push({
      method: req.method ?? 'GET',
      path: req.url ?? '',
      ifNoneMatch: req.headers['if-none-match'],
      authorization: req.headers.authorization,
      status,
    });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(status === 304 || body === undefined ? undefined : JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const scripted = this.scripted.shift();
    if (scripted) return this.send(req, res, scripted.status, scripted.body ?? { message: 'scripted' }, scripted.headers);
    const readOnly = req.headers.authorization === `Bearer ${this.readOnlyToken}`;
    if (req.headers.authorization !== `Bearer ${this.token}` && !readOnly) {
      return this.send(req, res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (readOnly && method !== 'GET') {
      return this.send(req, res, 403, { message: 'Resource not accessible by integration' }, { 'x-accepted-github-permissions': 'issues=write' });
    }
    if (!url.pathname.startsWith(this.prefix + '/')) return this.send(req, res, 404, { message: 'Not Found' });
    let payload: Record<string, unknown> = {};
    try {
      payload = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return this.send(req, res, 400, { message: 'Problems parsing JSON' });
    }
    const body = this.route(method, url.pathname.slice(this.prefix.length), url.searchParams, payload);
    if (body === undefined) return this.send(req, res, 404, { message: 'Not Found' });
    if (body === UNPROCESSABLE) return this.send(req, res, 422, { message: 'No commit found for SHA' });
    if (body instanceof Answer) return this.send(req, res, body.status, body.body);
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(json).digest('hex')}"`;
    const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) };
    if (req.headers['if-none-match'] === etag) return this.send(req, res, 304, undefined, { etag, ...rate });
    this.send(req, res, 200, body, { etag, ...rate });
  }

  /** Unknown routes and repositories answer 404; a commit the host lacks answers 422, as GitHub does. */
  private route(method: string, pathname: string, query: URLSearchParams, body: Record<string, unknown>): unknown {
    if (pathname === '/search/issues') {
      for (const r of this.repos.values()) {
        const found = r.tracker?.search(query.get('q') ?? '');
        if (found) return found;
      }
      return { total_count: 0, incomplete_results: false, items: [] };
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname);
    if (!m) return undefined;
    const repo = this.repos.get(`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`);
    if (!repo) return undefined;
    const rest = m[3] ?? '';
    const tracked = repo.tracker?.route({ method, rest, query, body });
    if (tracked !== undefined) return tracked;
    if (method !== 'GET') return undefined;
    if (rest === '') return { full_name: `${m[1]}/${m[2]}`, default_branch: repo.defaultBranch };
    const commit = /^\/commits\/([^/]+)\/(check-runs|status)$/.exec(rest);
    if (commit) {
      const ref = decodeURIComponent(commit[1]);
      const sha = ref === repo.defaultBranch ? repo.head : ref;
      if (!sha || (!repo.known.has(sha) && !repo.checkRuns.has(sha) && !repo.statuses.has(sha))) return UNPROCESSABLE;
      if (commit[2] === 'check-runs') {
        const runs = repo.checkRuns.get(sha) ?? [];
        return { total_count: runs.length, check_runs: runs };
      }
      const statuses = repo.statuses.get(sha) ?? [];
      const state = statuses.some((s) => s.state === 'failure' || s.state === 'error') ? 'failure' : statuses.length ? 'success' : 'pending';
      return { state, sha, total_count: statuses.length, statuses };
    }
    if (rest === '/deployments') return repo.deployments.slice(0, Number(query.get('per_page') ?? 30));
    const dep = /^\/deployments\/(\d+)\/statuses$/.exec(rest);
    if (dep) {
      const statuses = repo.deploymentStatuses.get(Number(dep[1]));
      return statuses?.slice(0, Number(query.get('per_page') ?? 30));
    }
    return undefined;
  }
}

/** A port nothing listens on: bound, then closed again. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const UNPROCESSABLE = Symbol('422');
let nextId = 1000;

export function checkRun(sha: string, name: string, conclusion: CheckRun['conclusion'], completedAt = '2026-01-05T10:00:00Z'): CheckRun {
  const id = nextId++;
  return {
    id,
    name,
    head_sha: sha,
    status: conclusion === null ? 'in_progress' : 'completed',
    conclusion,
    started_at: '2026-01-05T09:55:00Z',
    completed_at: conclusion === null ? null : completedAt,
    html_url: `https://github.com/acme/shop/runs/${id}`,
    details_url: `https://github.com/acme/shop/runs/${id}`,
    output: { title: `${name}: ${conclusion ?? 'running'}`, summary: '' },
  };
}
