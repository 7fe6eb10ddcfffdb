import * as assert from 'node:assert/strict';
import { fetchCiFindings, GitHubAuthError, GitHubBackoffError, GitHubClient } from '../../src/core/githost';
import { checkRun, emptyRepo, FakeGitHub, type FakeRepo } from './githostFakeServer';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('CI findings from GitHub check runs, statuses and deployments', () => {
  let gh: FakeGitHub;
  let repo: FakeRepo;
  let client: GitHubClient;

  beforeEach(async () => {
    gh = await new FakeGitHub().start();
    repo = emptyRepo('main');
    repo.head = A;
    repo.known = new Set([A, B, C]);
    gh.repos.set('acme/shop', repo);
    client = new GitHubClient({ apiUrl: gh.apiUrl, token: gh.token });
  });
  afterEach(() => gh.close());

  it('reports failed, timed out and cancelled check runs, not passing, neutral, skipped or running ones', async () => {
    repo.checkRuns.set(A, [
      checkRun(A, 'build', 'success'),
      checkRun(A, 'unit tests', 'failure', '2026-01-05T10:05:00Z'),
      checkRun(A, 'lint', 'neutral'),
      checkRun(A, 'e2e', null),
    ]);
    repo.checkRuns.set(B, [checkRun(B, 'e2e', 'timed_out', '2026-01-05T09:00:00Z'), checkRun(B, 'docs', 'skipped'), checkRun(B, 'deploy-preview', 'cancelled', '2026-01-05T08:00:00Z')]);
    const commits: string[] = [];
    const { defaultBranch, findings } = await fetchCiFindings(client, 'acme', 'shop', {
      commits: async (branch) => {
        commits.push(branch);
        return [A, B, C];
      },
      deployments: 0,
    });
    assert.equal(defaultBranch, 'main');
    assert.deepEqual(commits, ['main'], 'the commit list is asked for the default branch the host names');
    assert.deepEqual(
      findings.map((f) => [f.kind, f.name, f.state, f.sha, f.date]),
      [
        ['check-run', 'unit tests', 'failure', A, '2026-01-05T10:05:00Z'],
        ['check-run', 'e2e', 'timed_out', B, '2026-01-05T09:00:00Z'],
        ['check-run', 'deploy-preview', 'cancelled', B, '2026-01-05T08:00:00Z'],
      ],
    );
    const unit = findings[0];
    assert.equal(unit.repository, 'acme/shop');
    assert.match(unit.url ?? '', /^https:\/\/github\.com\/acme\/shop\/runs\/\d+$/);
    assert.equal(unit.description, 'unit tests: failure');
    assert.match(unit.id, /^check-run:acme\/shop:\d+$/);
  });

  it('reports commit statuses in failure or error, with their context, description and target', async () => {
    repo.statuses.set(A, [
      { state: 'success', context: 'ci/lint', updated_at: '2026-01-05T10:00:00Z' },
      { state: 'failure', context: 'ci/jenkins', description: 'Build #41 failed', target_url: 'https://jenkins.example.com/41', updated_at: '2026-01-05T10:01:00Z' },
      { state: 'pending', context: 'ci/slow', updated_at: '2026-01-05T10:02:00Z' },
    ]);
    repo.statuses.set(B, [{ state: 'error', context: 'coverage', description: null, target_url: null, updated_at: '2026-01-05T09:00:00Z' }]);
    const { findings } = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [A, B], deployments: 0 });
    assert.deepEqual(
      findings.map((f) => [f.kind, f.name, f.state, f.sha, f.description, f.url, f.id]),
      [
        ['commit-status', 'ci/jenkins', 'failure', A, 'Build #41 failed', 'https://jenkins.example.com/41', `commit-status:acme/shop:${A}:ci/jenkins`],
        ['commit-status', 'coverage', 'error', B, undefined, undefined, `commit-status:acme/shop:${B}:coverage`],
      ],
    );
  });

  it('reports deployments whose latest status is failure or error, with the deployed commit', async () => {
    repo.deployments = [
      { id: 3, sha: C, ref: 'main', environment: 'production', created_at: '2026-01-05T11:00:00Z' },
      { id: 2, sha: B, ref: 'main', environment: 'staging', created_at: '2026-01-05T10:00:00Z' },
      { id: 1, sha: A, ref: 'main', environment: 'production', created_at: '2026-01-05T09:00:00Z' },
    ];
    repo.deploymentStatuses.set(3, [
      { id: 33, state: 'failure', created_at: '2026-01-05T11:02:00Z', environment: 'production', description: 'Health check failed', log_url: 'https://deploy.example.com/3' },
      { id: 32, state: 'in_progress', created_at: '2026-01-05T11:01:00Z' },
    ]);
    // Failed, then redeployed successfully: the latest status wins.
    repo.deploymentStatuses.set(2, [
      { id: 22, state: 'success', created_at: '2026-01-05T10:05:00Z' },
      { id: 21, state: 'error', created_at: '2026-01-05T10:01:00Z' },
    ]);
    repo.deploymentStatuses.set(1, [{ id: 11, state: 'error', created_at: '2026-01-05T09:01:00Z', environment: 'production' }]);

    const { findings } = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [], deployments: 10 });
    assert.deepEqual(
      findings.map((f) => [f.kind, f.name, f.state, f.sha, f.description, f.url, f.id]),
      [
        ['deployment', 'production', 'failure', C, 'Health check failed', 'https://deploy.example.com/3', 'deployment:acme/shop:3'],
        ['deployment', 'production', 'error', A, undefined, undefined, 'deployment:acme/shop:1'],
      ],
    );
    assert.ok(gh.seen.some((s) => s.path === '/repos/acme/shop/deployments?per_page=10'));
    assert.ok(gh.seen.some((s) => s.path === '/repos/acme/shop/deployments/3/statuses?per_page=1'));
  });

  it('checks the branch head by name when no commits are known locally', async () => {
    repo.checkRuns.set(A, [checkRun(A, 'build', 'failure')]);
    const { findings } = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [], deployments: 0 });
    assert.deepEqual(findings.map((f) => [f.name, f.sha]), [['build', A]]);
    assert.ok(gh.seen.some((s) => s.path === '/repos/acme/shop/commits/main/check-runs?per_page=100'));
  });

  it('skips a commit the host does not have (422) and goes on with the others', async () => {
    const unknown = 'd'.repeat(40);
    repo.checkRuns.set(B, [checkRun(B, 'build', 'failure')]);
    const { findings } = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [unknown, B], deployments: 0 });
    assert.deepEqual(findings.map((f) => f.sha), [B]);
    assert.ok(gh.seen.some((s) => s.status === 422));
  });

  it('stops the pass on a rate limit and on a rejected token', async () => {
    gh.scripted.push({ status: 200, body: { default_branch: 'main' } });
    gh.scripted.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60) } });
    await assert.rejects(fetchCiFindings(client, 'acme', 'shop', { commits: async () => [A, B, C] }), GitHubBackoffError);
    assert.equal(gh.seen.length, 2, 'no further requests after the rate limit');

    const other = new GitHubClient({ apiUrl: gh.apiUrl, token: 'revoked' });
    await assert.rejects(fetchCiFindings(other, 'acme', 'shop', { commits: async () => [A] }), GitHubAuthError);
  });

  it('answers a second pass from 304s with the same findings', async () => {
    repo.checkRuns.set(A, [checkRun(A, 'build', 'failure')]);
    repo.deployments = [{ id: 9, sha: A, environment: 'production', created_at: '2026-01-05T11:00:00Z' }];
    repo.deploymentStatuses.set(9, [{ id: 91, state: 'failure', created_at: '2026-01-05T11:01:00Z' }]);
    const first = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [A] });
    const count = gh.seen.length;
    const second = await fetchCiFindings(client, 'acme', 'shop', { commits: async () => [A] });
    assert.deepEqual(second, first);
    assert.deepEqual(new Set(gh.seen.slice(count).map((s) => s.status)), new Set([304]));
    assert.equal(first.findings.length, 2);
  });
});
