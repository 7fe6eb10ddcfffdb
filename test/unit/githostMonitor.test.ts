import * as assert from 'node:assert/strict';
import { CiMonitor, type CiMonitorHost, type CiSettings } from '../../src/core/githost';
import { TempRepo } from '../helpers/tempRepo';
import { checkRun, closedPort, emptyRepo, FakeGitHub, type FakeRepo } from './githostFakeServer';

/**
 * The polling service logic with an injected sign-in: a real clone whose origin points at the
 * fake host (standing in for a GitHub Enterprise host), the fake's REST answers, a fake clock.
 */
describe('CI monitor', function () {
  this.timeout(20000);
  let gh: FakeGitHub;
  let fake: FakeRepo;
  let repo: TempRepo;
  let head: string;
  let clock: number;
  let settings: CiSettings;
  let tokenAsks: boolean[];
  let token: string | undefined;
  let logs: string[];
  let monitor: CiMonitor;

  function host(extra: Partial<CiMonitorHost> = {}): CiMonitorHost {
    return {
      settings: () => settings,
      repositories: () => [repo.path],
      getToken: async (interactive) => {
        tokenAsks.push(interactive);
        return token;
      },
      log: { info: (m) => logs.push(m) },
      now: () => clock,
      ...extra,
    };
  }

  beforeEach(async () => {
    gh = await new FakeGitHub('/api/v3').start();
    repo = TempRepo.create();
    const first = repo.commit('one', { 'a.txt': '1\n' });
    head = repo.commit('two', { 'a.txt': '2\n' });
    repo.git('remote', 'add', 'origin', `https://127.0.0.1:${gh.port}/acme/shop.git`);
    repo.git('update-ref', 'refs/remotes/origin/main', head);
    fake = emptyRepo('main');
    fake.head = head;
    fake.known = new Set([first, head]);
    fake.checkRuns.set(head, [checkRun(head, 'build', 'failure')]);
    gh.repos.set('acme/shop', fake);
    clock = Date.parse('2026-01-05T12:00:00Z');
    settings = { enabled: true, apiUrl: gh.apiUrl, pollMinutes: 5 };
    tokenAsks = [];
    token = gh.token;
    logs = [];
    monitor = new CiMonitor(host());
  });
  afterEach(async () => {
    monitor.stop();
    repo.dispose();
    await gh.close();
  });

  it('asks for nothing and sends nothing while disabled', async () => {
    settings.enabled = false;
    await monitor.refresh({ force: true });
    await monitor.refresh({ interactive: true });
    assert.deepEqual(tokenAsks, []);
    assert.equal(gh.seen.length, 0);
    assert.deepEqual(monitor.findings(), []);
  });

  it('finds the failed check of the pushed commit, with the repository root to open an incident in', async () => {
    let changes = 0;
    monitor.onDidChange(() => changes++);
    await monitor.refresh();
    assert.deepEqual(tokenAsks, [false], 'a background poll asks for the token silently');
    const [finding, ...rest] = monitor.findings();
    assert.deepEqual(rest, []);
    assert.equal(finding.repoRoot, repo.path);
    assert.equal(finding.sha, head, 'the culprit is the commit whose check failed');
    assert.equal(finding.name, 'build');
    assert.equal(changes, 1);
    assert.ok(logs.some((l) => l.startsWith(`CI status: check "build" failed (failure) on ${head.slice(0, 7)} in acme/shop`)), logs.join('\n'));
    assert.ok(gh.seen.some((s) => s.path === `/api/v3/repos/acme/shop/commits/${head}/check-runs?per_page=100`));
  });

  it('asks interactively only when told the person turned it on', async () => {
    await monitor.refresh({ interactive: true });
    assert.deepEqual(tokenAsks, [true]);
  });

  it('never polls faster than the setting, and polls again once the interval passed', async () => {
    await monitor.refresh();
    const sent = gh.seen.length;
    clock += 4 * 60_000;
    await monitor.refresh();
    assert.equal(gh.seen.length, sent, 'within 5 minutes: no requests');
    clock += 60_000;
    await monitor.refresh();
    assert.ok(gh.seen.length > sent);
    assert.deepEqual(new Set(gh.seen.slice(sent).map((s) => s.status)), new Set([304]), 'nothing changed: every answer is a 304');

    settings.pollMinutes = 0; // below the minimum: treated as 1 minute
    const again = gh.seen.length;
    clock += 30_000;
    await monitor.refresh();
    assert.equal(gh.seen.length, again);
  });

  it('fires only when findings change, and logs each finding once', async () => {
    let changes = 0;
    monitor.onDidChange(() => changes++);
    await monitor.refresh();
    await monitor.refresh({ force: true });
    assert.equal(changes, 1);
    assert.equal(logs.filter((l) => l.includes('check "build" failed')).length, 1);

    fake.checkRuns.set(head, [checkRun(head, 'build', 'success')]);
    await monitor.refresh({ force: true });
    assert.equal(changes, 2);
    assert.deepEqual(monitor.findings(), []);
  });

  it('does nothing without a sign-in, logging that once', async () => {
    token = undefined;
    await monitor.refresh({ force: true });
    await monitor.refresh({ force: true });
    assert.equal(gh.seen.length, 0);
    assert.equal(logs.filter((l) => l.includes('not signed in')).length, 1);
  });

  it('ignores repositories whose origin is on another host, without asking for a token', async () => {
    repo.git('remote', 'set-url', 'origin', 'git@github.com:acme/shop.git');
    await monitor.refresh({ force: true });
    assert.deepEqual(tokenAsks, []);
    assert.equal(gh.seen.length, 0);
  });

  it('offline: keeps the last findings, logs once at info, retries later and recovers', async () => {
    await monitor.refresh();
    assert.equal(monitor.findings().length, 1);
    const port = await closedPort();
    settings.apiUrl = `http://127.0.0.1:${port}/api/v3`;
    repo.git('remote', 'set-url', 'origin', `https://127.0.0.1:${port}/acme/shop.git`);
    const before = logs.length;
    await monitor.refresh({ force: true });
    await monitor.refresh({ force: true });
    const offline = logs.slice(before);
    assert.equal(offline.length, 1, offline.join('\n'));
    assert.match(offline[0], /could not be reached \(ECONNREFUSED\); working offline, will retry/);
    assert.equal(monitor.findings().length, 1, 'the last known findings stay');

    settings.apiUrl = gh.apiUrl;
    repo.git('remote', 'set-url', 'origin', `https://127.0.0.1:${gh.port}/acme/shop.git`);
    await monitor.refresh({ force: true });
    assert.equal(monitor.findings().length, 1);
  });

  it('rate limited: stops the pass, schedules no earlier than the reset, logs once', async () => {
    const reset = Math.floor(clock / 1000) + 3600;
    gh.scripted.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded' } });
    monitor.start();
    await new Promise((r) => setTimeout(r, 50));
    await monitor.refresh({ force: true });
    assert.equal(gh.seen.length, 1, 'the forced poll during the rate limit sent nothing');
    assert.equal(logs.filter((l) => /rate limit reached/.test(l)).length, 1);
    assert.deepEqual(monitor.findings(), []);
  });

  it('a rejected token is dropped and asked for again on the next poll', async () => {
    token = 'revoked';
    await monitor.refresh({ force: true });
    assert.ok(logs.some((l) => /rejected the sign-in/.test(l)));
    token = gh.token;
    await monitor.refresh({ force: true });
    assert.deepEqual(tokenAsks, [false, false]);
    assert.equal(monitor.findings().length, 1);
  });

  it('a sign-in the person declines is logged, not thrown', async () => {
    monitor = new CiMonitor(host({ getToken: () => Promise.reject(new Error('User did not consent to login.')) }));
    await monitor.refresh({ interactive: true });
    assert.ok(logs.some((l) => /User did not consent/.test(l)));
    assert.equal(gh.seen.length, 0);
  });

  it('clears findings when stopped with clear, and ignores a poll that ends after the feature was turned off', async () => {
    await monitor.refresh();
    let changes = 0;
    monitor.onDidChange(() => changes++);
    monitor.stop(true);
    assert.deepEqual(monitor.findings(), []);
    assert.equal(changes, 1);

    const running = monitor.refresh({ force: true });
    settings.enabled = false;
    await running;
    assert.deepEqual(monitor.findings(), []);
  });

  it('start() after a poll waits for the rest of the interval instead of polling again', async () => {
    await monitor.refresh();
    const sent = gh.seen.length;
    monitor.start();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(gh.seen.length, sent);
  });

  it('start() polls once right away, silently', async () => {
    monitor.start();
    const deadline = Date.now() + 5000;
    while (monitor.findings().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(monitor.findings().length, 1);
    assert.deepEqual(tokenAsks, [false]);
  });
});
