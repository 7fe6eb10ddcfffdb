/**
 * A small GitHub REST client for background polling: conditional requests (ETag), and no
 * request at all while the host asked us to wait (rate limits) or keeps failing (5xx).
 * Uses Node's built-in fetch unless another is injected (tests pass one bound to a local server).
 */

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** Any answer we cannot use; `status` is the HTTP status. */
export class GitHubHttpError extends Error {
  override name = 'GitHubHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 401: no token, or the host rejected it (expired, revoked). */
export class GitHubAuthError extends GitHubHttpError {
  override name = 'GitHubAuthError';
}

/**
 * 403 for a token that may not do this: GITHUB_TOKEN without `permissions: issues: write`, a
 * fine-grained token without that repository permission, a classic token without the scope.
 * `permission` is what GitHub's `x-accepted-github-permissions` header (or, for classic tokens,
 * `x-accepted-oauth-scopes`) says the request needs, e.g. `issues=write`.
 */
export class GitHubPermissionError extends GitHubHttpError {
  override name = 'GitHubPermissionError';
  constructor(
    status: number,
    readonly permission: string | undefined,
    message: string,
  ) {
    super(status, message);
  }
}

/** The client is waiting until `retryAt` before it asks the host again. */
export class GitHubBackoffError extends Error {
  override name = 'GitHubBackoffError';
  constructor(
    readonly reason: 'rate-limit' | 'server-error',
    /** Epoch milliseconds. */
    readonly retryAt: number,
    message: string,
  ) {
    super(message);
  }
}

/** The host could not be reached (offline, DNS, refused, timed out). */
export class GitHubNetworkError extends Error {
  override name = 'GitHubNetworkError';
}

export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  token?: string;
  fetch?: FetchFn;
  /** Epoch milliseconds; injectable so back-off can be tested without waiting. */
  now?: () => number;
  timeoutMs?: number;
  /** First wait after a 5xx; doubles with each further 5xx in a row, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Wait after a 403/429 rate-limit answer that names no reset time (GitHub: "at least one minute"). */
  defaultRateLimitWaitMs?: number;
}

interface CachedBody {
  etag: string;
  body: unknown;
}

const MAX_CACHED = 500;

export class GitHubClient {
  private readonly apiUrl: string;
  private token: string | undefined;
  private readonly fetchFn: FetchFn;
  private readonly now: () => number;
  private readonly cache = new Map<string, CachedBody>();
  private blocked: GitHubBackoffError | undefined;
  private serverErrors = 0;
  /** Requests actually sent (not counting those refused while backing off); for diagnostics and tests. */
  requests = 0;

  constructor(private readonly options: GitHubClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  /** A new token (another account signed in) also drops cached bodies: they were that account's view. */
  setToken(token: string | undefined): void {
    if (token !== this.token) this.cache.clear();
    this.token = token;
  }

  get hasToken(): boolean {
    return this.token !== undefined;
  }

  /** Epoch milliseconds before which no request is sent; 0 when none is pending. */
  get blockedUntil(): number {
    return this.blocked && this.blocked.retryAt > this.now() ? this.blocked.retryAt : 0;
  }

  /**
   * GET `path` (which starts with `/`) and parse JSON. A 304 answer returns the body cached with
   * the ETag. Throws {@link GitHubBackoffError} without a request while backing off.
   */
  async get<T>(path: string, query: Record<string, string | number> = {}): Promise<T> {
    return this.request<T>('GET', path, query, undefined);
  }

  /** POST or PATCH a JSON body (never cached); the same errors, back-off and rate limits as {@link get}. */
  async send<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> {
    return this.request<T>(method, path, {}, body);
  }

  private async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, query: Record<string, string | number>, payload: unknown): Promise<T> {
    if (this.blocked && this.blocked.retryAt > this.now()) throw this.blocked;
    const url = new URL(this.apiUrl + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const key = url.toString();
    const cached = method === 'GET' ? this.cache.get(key) : undefined;
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'own-it-vscode',
    };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (cached) headers['If-None-Match'] = cached.etag;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';

    let res: Response;
    this.requests++;
    try {
      res = await this.fetchFn(key, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (e) {
      const cause = e instanceof Error ? ((e.cause as { code?: string } | undefined)?.code ?? e.message) : String(e);
      throw new GitHubNetworkError(`${url.host} could not be reached (${cause})`);
    }

    if (res.status === 304 && cached) {
      this.succeeded(res);
      return cached.body as T;
    }
    if (res.ok) {
      const body = res.status === 204 ? undefined : ((await res.json()) as unknown);
      const etag = res.headers.get('etag');
      if (etag && method === 'GET') this.remember(key, { etag, body });
      this.succeeded(res);
      return body as T;
    }
    const message = await errorMessage(res);
    if (res.status === 401) throw new GitHubAuthError(401, `${url.host} rejected the token (401${message ? `: ${message}` : ''})`);
    const rateLimitedUntil = this.rateLimitWait(res, message);
    if (rateLimitedUntil !== undefined) {
      this.blocked = new GitHubBackoffError('rate-limit', rateLimitedUntil, `${url.host} rate limit reached; waiting until ${new Date(rateLimitedUntil).toISOString()}`);
      throw this.blocked;
    }
    if (res.status >= 500) {
      this.serverErrors++;
      const wait = Math.min((this.options.baseBackoffMs ?? 60_000) * 2 ** (this.serverErrors - 1), this.options.maxBackoffMs ?? 60 * 60_000);
      this.blocked = new GitHubBackoffError('server-error', this.now() + wait, `${url.host} answered ${res.status}; trying again in ${Math.round(wait / 1000)} s`);
      throw this.blocked;
    }
    const text = `${method} ${url.pathname} answered ${res.status}${message ? `: ${message}` : ''}`;
    if (res.status === 403 && /not accessible|permission|scope/i.test(message)) {
      const needed = res.headers.get('x-accepted-github-permissions') ?? scopes(res.headers.get('x-accepted-oauth-scopes'));
      throw new GitHubPermissionError(403, needed || undefined, text);
    }
    throw new GitHubHttpError(res.status, text);
  }

  private succeeded(res: Response): void {
    this.serverErrors = 0;
    this.blocked = undefined;
    // The last request of the budget succeeded: wait for the reset instead of earning a 403.
    if (res.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      if (Number.isFinite(reset) && reset * 1000 > this.now()) {
        this.blocked = new GitHubBackoffError('rate-limit', reset * 1000, `rate limit used up; waiting until ${new Date(reset * 1000).toISOString()}`);
      }
    }
  }

  /**
   * When a 403/429 is a rate limit, the epoch ms to wait until (GitHub's documented order:
   * `retry-after` seconds, else `x-ratelimit-reset` when nothing remains, else at least a minute).
   */
  private rateLimitWait(res: Response, message: string): number | undefined {
    if (res.status !== 403 && res.status !== 429) return undefined;
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.headers.has('retry-after') && Number.isFinite(retryAfter)) return this.now() + Math.max(0, retryAfter) * 1000;
    if (res.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      return Number.isFinite(reset) && reset > 0 ? Math.max(reset * 1000, this.now()) : this.now() + (this.options.defaultRateLimitWaitMs ?? 60_000);
    }
    if (res.status === 429 || /rate limit/i.test(message)) return this.now() + (this.options.defaultRateLimitWaitMs ?? 60_000);
    return undefined;
  }

  private remember(key: string, entry: CachedBody): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** Classic tokens: `x-accepted-oauth-scopes: repo, public_repo` → `repo or public_repo`. */
function scopes(header: string | null): string {
  return (header ?? '').split(',').map((x) => x.trim()).filter(Boolean).join(' or ');
}

/** GitHub error bodies are `{ message, documentation_url }`; anything else is ignored. */
async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 200) : '';
  } catch {
    return '';
  }
}
