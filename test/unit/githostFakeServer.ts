import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckRun, CommitStatus, Deployment, DeploymentStatus } from '../../src/core/githost';

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
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SeenRequest {
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
      path: req.url ?? '',
      ifNoneMatch: req.headers['if-none-match'],
      authorization: req.headers.authorization,
      status,
    });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(status === 304 || body === undefined ? undefined : JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const scripted = this.scripted.shift();
    if (scripted) return this.send(req, res, scripted.status, scripted.body ?? { message: 'scripted' }, scripted.headers);
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.send(req, res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (!url.pathname.startsWith(this.prefix + '/')) return this.send(req, res, 404, { message: 'Not Found' });
    const body = this.route(url.pathname.slice(this.prefix.length), url.searchParams);
    if (body === undefined) return this.send(req, res, 404, { message: 'Not Found' });
    if (body === UNPROCESSABLE) return this.send(req, res, 422, { message: 'No commit found for SHA' });
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(json).digest('hex')}"`;
    const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) };
    if (req.headers['if-none-match'] === etag) return this.send(req, res, 304, undefined, { etag, ...rate });
    this.send(req, res, 200, body, { etag, ...rate });
  }

  /** Unknown routes and repositories answer 404; a commit the host lacks answers 422, as GitHub does. */
  private route(pathname: string, query: URLSearchParams): unknown {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname);
    if (!m) return undefined;
    const repo = this.repos.get(`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`);
    if (!repo) return undefined;
    const rest = m[3] ?? '';
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
