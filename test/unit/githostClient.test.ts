import * as assert from 'node:assert/strict';
import { GitHubAuthError, GitHubBackoffError, GitHubClient, GitHubHttpError, GitHubNetworkError, type RepoResponse } from '../../src/core/githost';
import { closedPort, emptyRepo, FakeGitHub } from './githostFakeServer';

describe('GitHub REST client against a local fake', () => {
  let gh: FakeGitHub;
  let clock: number;
  const now = () => clock;

  beforeEach(async () => {
    clock = Date.parse('2026-01-05T12:00:00Z');
    gh = await new FakeGitHub().start();
    gh.repos.set('acme/shop', emptyRepo('trunk'));
  });
  afterEach(() => gh.close());

  function client(extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}): GitHubClient {
    return new GitHubClient({ apiUrl: gh.apiUrl, token: gh.token, now, baseBackoffMs: 1000, ...extra });
  }

  it('sends the token and API headers and parses the JSON body', async () => {
    const repo = await client().get<RepoResponse>('/repos/acme/shop');
    assert.equal(repo.default_branch, 'trunk');
    assert.equal(gh.seen[0].authorization, 'Bearer test-token');
    assert.equal(gh.seen[0].path, '/repos/acme/shop');
  });

  it('asks again with If-None-Match and returns the cached body on 304', async () => {
    const c = client();
    const first = await c.get<RepoResponse>('/repos/acme/shop');
    const second = await c.get<RepoResponse>('/repos/acme/shop');
    assert.deepEqual(second, first);
    assert.deepEqual(gh.seen.map((s) => s.status), [200, 304]);
    assert.match(gh.seen[1].ifNoneMatch ?? '', /^"[0-9a-f]{40}"$/);

    // A changed resource gets a new ETag, so the new body is returned (not the cached one).
    gh.repos.get('acme/shop')!.defaultBranch = 'main';
    assert.equal((await c.get<RepoResponse>('/repos/acme/shop')).default_branch, 'main');
    assert.equal(gh.seen[2].status, 200);
  });

  it('drops cached bodies when the token changes', async () => {
    const c = client();
    await c.get('/repos/acme/shop');
    c.setToken(gh.token);
    await c.get('/repos/acme/shop');
    c.setToken('other');
    gh.token = 'other';
    await c.get('/repos/acme/shop');
    assert.deepEqual(gh.seen.map((s) => [s.status, s.ifNoneMatch === undefined]), [[200, true], [304, false], [200, true]]);
  });

  it('throws GitHubAuthError on 401 with the host message', async () => {
    const err = await client({ token: 'wrong' }).get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(err instanceof GitHubAuthError, String(err));
    assert.equal(err.status, 401);
    assert.match(err.message, /Bad credentials/);
  });

  it('throws GitHubHttpError with the status for 404 and for a 403 that is not a rate limit', async () => {
    const c = client();
    const missing = await c.get('/repos/acme/nope').catch((e: unknown) => e);
    assert.ok(missing instanceof GitHubHttpError && !(missing instanceof GitHubAuthError));
    assert.equal(missing.status, 404);
    gh.scripted.push({ status: 403, body: { message: 'Resource not accessible by integration' } });
    const forbidden = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(forbidden instanceof GitHubHttpError);
    assert.equal(forbidden.status, 403);
    // Not a back-off: the next request goes out at once.
    await c.get('/repos/acme/shop');
    assert.equal(gh.seen.length, 3);
  });

  it('waits until x-ratelimit-reset after a 403 with no requests remaining, sending nothing meanwhile', async () => {
    const reset = Math.floor(clock / 1000) + 600;
    gh.scripted.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded for user ID 1.' } });
    const c = client();
    const err = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(err instanceof GitHubBackoffError, String(err));
    assert.equal(err.reason, 'rate-limit');
    assert.equal(err.retryAt, reset * 1000);
    assert.equal(c.blockedUntil, reset * 1000);

    clock += 599_000;
    await assert.rejects(c.get('/repos/acme/shop'), GitHubBackoffError);
    assert.equal(gh.seen.length, 1, 'no request while rate limited');

    clock = reset * 1000 + 1;
    assert.equal((await c.get<RepoResponse>('/repos/acme/shop')).default_branch, 'trunk');
    assert.equal(c.blockedUntil, 0);
  });

  it('honours retry-after on 429 and secondary-limit 403s', async () => {
    gh.scripted.push({ status: 429, headers: { 'retry-after': '30' } });
    const c = client();
    const err = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(err instanceof GitHubBackoffError);
    assert.equal(err.retryAt, clock + 30_000);

    clock += 30_000;
    gh.scripted.push({ status: 403, body: { message: 'You have exceeded a secondary rate limit.' } });
    const secondary = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(secondary instanceof GitHubBackoffError);
    assert.equal(secondary.retryAt, clock + 60_000, 'no header: wait at least a minute');
  });

  it('stops before the limit when a successful answer says nothing remains', async () => {
    const reset = Math.floor(clock / 1000) + 120;
    gh.scripted.push({ status: 200, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { default_branch: 'main' } });
    const c = client();
    assert.equal((await c.get<RepoResponse>('/repos/acme/shop')).default_branch, 'main');
    assert.equal(c.blockedUntil, reset * 1000);
    await assert.rejects(c.get('/repos/acme/shop'), GitHubBackoffError);
    assert.equal(gh.seen.length, 1);
  });

  it('backs off exponentially on consecutive 5xx and resets after a success', async () => {
    const c = client();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      gh.scripted.push({ status: i === 1 ? 503 : 500 });
      const err = await c.get('/repos/acme/shop').catch((e: unknown) => e);
      assert.ok(err instanceof GitHubBackoffError, String(err));
      assert.equal(err.reason, 'server-error');
      waits.push(err.retryAt - clock);
      await assert.rejects(c.get('/repos/acme/shop'), GitHubBackoffError, 'blocked during back-off');
      clock = err.retryAt;
    }
    assert.deepEqual(waits, [1000, 2000, 4000]);
    assert.equal(gh.seen.length, 3, 'requests refused during back-off never reached the server');

    await c.get('/repos/acme/shop');
    gh.scripted.push({ status: 502 });
    const after = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(after instanceof GitHubBackoffError);
    assert.equal(after.retryAt - clock, 1000, 'a success resets the back-off');
  });

  it('caps the back-off', async () => {
    const c = client({ baseBackoffMs: 1000, maxBackoffMs: 3000 });
    let last = 0;
    for (let i = 0; i < 4; i++) {
      gh.scripted.push({ status: 500 });
      const err = (await c.get('/x').catch((e: unknown) => e)) as GitHubBackoffError;
      last = err.retryAt - clock;
      clock = err.retryAt;
    }
    assert.equal(last, 3000);
  });

  it('throws GitHubNetworkError when nothing listens (offline)', async () => {
    const port = await closedPort();
    const c = new GitHubClient({ apiUrl: `http://127.0.0.1:${port}`, token: 't' });
    const err = await c.get('/repos/acme/shop').catch((e: unknown) => e);
    assert.ok(err instanceof GitHubNetworkError, String(err));
    assert.match(err.message, /127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/);
    assert.equal(c.blockedUntil, 0, 'offline is not a back-off: the caller retries on its own schedule');
  });

  it('keeps a GitHub Enterprise path prefix (/api/v3) and encodes query parameters', async () => {
    const ghe = await new FakeGitHub('/api/v3').start();
    try {
      ghe.repos.set('acme/shop', emptyRepo());
      const c = new GitHubClient({ apiUrl: `${ghe.apiUrl}/`, token: ghe.token });
      await c.get('/repos/acme/shop', { per_page: 5 });
      assert.equal(ghe.seen[0].path, '/api/v3/repos/acme/shop?per_page=5');
      assert.equal(ghe.seen[0].status, 200);
    } finally {
      await ghe.close();
    }
  });
});
