import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { runCiAsyncShell } from '../helpers/ciShell';
import { runCliAsync } from '../helpers/cliAsync';
import { buildCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';
import { checkWorkflow } from '../helpers/workflowKeys';
import { FakeIssueTracker } from './githostFakeIssues';
import { emptyRepo, FakeGitHub } from './githostFakeServer';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: { 'own-it': { permissions: Record<string, string>; env: Record<string, string>; steps: Step[] } };
}

describe('own-it init ci and own-it ci', function () {
  this.timeout(90000);
  let built: { path: string; dispose(): void };
  let repo: TempRepo;

  before(async () => {
    built = await buildCli();
  });
  after(() => built.dispose());
  beforeEach(() => {
    repo = TempRepo.create({ branch: 'trunk' });
    repo.commit('initial', { 'src/app.ts': 'export {};\n' });
  });
  afterEach(() => repo.dispose());

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliAsync(built.path, args, repo.path, { ...repo.env(), ...env });

  it('init ci writes a workflow that passes the key check, with pinned actions and least privilege', async () => {
    const r = await cli(['init', 'ci', '--package', 'own-it@0.1.0']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Wrote \.github\/workflows\/own-it\.yml \(runs on pushes to trunk\)/);
    assert.match(r.stdout, /For GitLab CI, add this job to \.gitlab-ci\.yml:\n\n# Own It for GitLab CI/);
    const gitlab = parse(r.stdout.slice(r.stdout.indexOf('# Own It for GitLab CI'))) as { 'own-it': { script: string[]; rules: { if: string }[] } };
    assert.match(gitlab['own-it'].script[0], /^npm exec --yes --package=own-it@\d+\.\d+\.\d+ -- own-it ci --state/);
    assert.equal(gitlab['own-it'].rules[0].if, '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');

    const text = fs.readFileSync(path.join(repo.path, '.github', 'workflows', 'own-it.yml'), 'utf8');
    assert.deepEqual(checkWorkflow(text), []);
    const wf = parse(text) as Workflow;
    assert.deepEqual(wf.permissions, { contents: 'read' });
    assert.deepEqual(wf.jobs['own-it'].permissions, { contents: 'read', issues: 'write', 'pull-requests': 'write' });
    assert.match(text, /^concurrency:\n {2}group: own-it-\$\{\{ github\.ref \}\}/m);
    assert.match(text, /branches: \[trunk\]/);
    for (const step of wf.jobs['own-it'].steps.filter((s) => s.uses)) assert.match(step.uses ?? '', /@[0-9a-f]{40}$/);
  });

  it('the key check fails a workflow with an unknown key, an unpinned action or an unknown permission', () => {
    const bad = 'name: x\non:\n  push:\n    branch: [main]\npermissions:\n  issue: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step: []\n    steps:\n      - uses: actions/checkout@v4\n';
    const problems = checkWorkflow(bad);
    assert.ok(problems.includes('on.push.branch is not a key GitHub Actions allows there'), problems.join('\n'));
    assert.ok(problems.includes('permissions.issue is not a permission scope'));
    assert.ok(problems.includes('jobs.a.step is not a key GitHub Actions allows there'));
    assert.ok(problems.includes('jobs.a.steps[0].uses is not pinned to a full commit sha'));
  });

  it('init ci never overwrites an existing workflow', async () => {
    repo.write('.github/workflows/own-it.yml', 'name: mine\n');
    const r = await cli(['init', 'ci', '--package', 'own-it@0.1.0']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /already exists; it was left as it is/);
    assert.equal(fs.readFileSync(path.join(repo.path, '.github', 'workflows', 'own-it.yml'), 'utf8'), 'name: mine\n');
    assert.equal((await cli(['init', 'ci', '--package', 'own-it@latest'])).status, 2, 'a moving version is refused');
    const unnamed = await cli(['init', 'ci']);
    assert.equal(unnamed.status, 2, 'no package name is guessed');
    assert.match(unnamed.stderr, /--package is required/);
  });

  describe('the workflow steps, run with plain bash', () => {
    let gh: FakeGitHub;
    let tracker: FakeIssueTracker;
    let steps: Step[];
    let jobEnv: Record<string, string>;

    beforeEach(async () => {
      gh = await new FakeGitHub().start();
      const fake = emptyRepo('trunk');
      tracker = fake.tracker = new FakeIssueTracker('acme/shop');
      gh.repos.set('acme/shop', fake);
      await cli(['init', 'ci', '--package', 'own-it@0.1.0']);
      const wf = parse(fs.readFileSync(path.join(repo.path, '.github', 'workflows', 'own-it.yml'), 'utf8')) as Workflow;
      steps = wf.jobs['own-it'].steps.filter((s) => s.run);
      jobEnv = wf.jobs['own-it'].env;
      fs.rmSync(path.join(repo.path, '.github'), { recursive: true });
      // In CI the state file is an untracked file the cache restores; keep the test's commits from taking it in.
      fs.appendFileSync(path.join(repo.path, '.git', 'info', 'exclude'), '.own-it/\n');
    });
    afterEach(() => gh.close());

    /** Later runs look back 90 days from the last run, so these commits carry today's date. */
    const commitNow = (message: string, files: Record<string, string>): string => repo.commit(message, files, undefined, new Date());
    const revertNow = (sha: string): string => {
      repo.gitAt(new Date(), 'revert', '--no-edit', sha);
      return repo.head();
    };

    /** The step's `run` in bash -eo pipefail, as GitHub runs it, with the job env; `own-it` is the built CLI. */
    const step = (name: RegExp, extra: NodeJS.ProcessEnv = {}) => {
      const s = steps.find((x) => name.test(x.name ?? ''));
      assert.ok(s?.run, `a step named ${name}`);
      return runCiAsyncShell(s.run, repo.path, { ...repo.env(), ...jobEnv, OWN_IT: `${process.execPath} ${built.path}`, GITHUB_API_URL: gh.apiUrl, GITHUB_TOKEN: gh.token, ...extra });
    };

    it('fetches deploy tags from origin', async () => {
      const origin = TempRepo.create({ bare: true });
      try {
        repo.git('remote', 'add', 'origin', origin.path);
        repo.git('push', '-q', 'origin', 'trunk');
        repo.git('tag', 'deploy/prod/1');
        repo.git('push', '-q', 'origin', 'deploy/prod/1');
        repo.git('tag', '-d', 'deploy/prod/1');
        const r = await step(/Fetch deploy tags/);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(repo.git('tag', '--list'), 'deploy/prod/1');
      } finally {
        origin.dispose();
      }
    });

    it('records a baseline, then posts one calm note per new revert on the culprit’s pull request, once', async () => {
      repo.git('remote', 'add', 'origin', `http://127.0.0.1:${gh.port}/acme/shop.git`);
      const old = commitNow('Old change', { 'a.ts': '1\n' });
      revertNow(old);
      const ci = () => step(/Note new reverts/);

      const first = await ci();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /First run: 1 earlier revert and failed deploy recorded as already seen in \.own-it\/ci-state\.json/);
      assert.equal(gh.seen.filter((s) => s.method === 'POST').length, 0);

      const culprit = commitNow('Cache the cart between pages', { 'cart.ts': 'cache\n' });
      const pr = tracker.addPull('Cart cache', culprit);
      const revert = revertNow(culprit);
      const second = await ci();
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, new RegExp(`^commented on https://github.com/acme/shop/pull/${pr.number}: revert ${revert}`, 'm'));
      assert.equal(pr.comments.length, 1);
      const body = pr.comments[0].body;
      assert.match(body, new RegExp(`^own-it incident new ${culprit}$`, 'm'));
      assert.match(body, new RegExp(`Culprit \\(most likely\\): ${culprit}`));
      assert.match(body, /normal, healthy part of shipping/);
      assert.doesNotMatch(body, /fault|blame|Alice/i);
      assert.match(body, new RegExp(`<!-- own-it:ci finding=revert:${revert} -->`));

      const third = await ci();
      assert.match(third.stdout, /No new reverts or failed deploys since the last run/);
      assert.equal(pr.comments.length, 1);

      // A state that lost the revert (an old cache restored) still does not comment twice: the marker is checked.
      const stateFile = path.join(repo.path, '.own-it', 'ci-state.json');
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { seen: string[] };
      fs.writeFileSync(stateFile, JSON.stringify({ ...state, seen: state.seen.filter((s) => s !== `revert:${revert}`) }));
      const fourth = await ci();
      assert.match(fourth.stdout, /^already noted in /m);
      assert.equal(pr.comments.length, 1);
    });

    it('opens one issue when no pull request is known, and says nothing for a revert an incident file names', async () => {
      repo.git('remote', 'add', 'origin', `http://127.0.0.1:${gh.port}/acme/shop.git`);
      assert.equal((await step(/Note new reverts/)).status, 0);
      const direct = commitNow('Pushed straight to trunk', { 'b.ts': '1\n' });
      revertNow(direct);
      const tracked = commitNow('Tracked change', { 'c.ts': '1\n' });
      revertNow(tracked);
      await new IncidentStore(repo.path).create({ title: 'Tracked outage', culprits: [tracked] });
      const r = await step(/Note new reverts/);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^opened https:\/\/github.com\/acme\/shop\/issues\/1: revert/m);
      assert.match(r.stdout, /^has an incident file: revert/m);
      assert.equal(tracker.issues.length, 1);
      assert.deepEqual(tracker.issues[0].labels, ['incident']);
      assert.match(tracker.issues[0].body, new RegExp(`own-it incident new ${direct}`));
    });

    it('without a token (a GitLab pipeline) prints the note to the log; a read-only token is told which permission is missing', async () => {
      repo.git('remote', 'add', 'origin', `http://127.0.0.1:${gh.port}/acme/shop.git`);
      await step(/Note new reverts/);
      const culprit = commitNow('Change', { 'd.ts': '1\n' });
      revertNow(culprit);
      const readOnly = await step(/Note new reverts/, { GITHUB_TOKEN: gh.readOnlyToken });
      assert.equal(readOnly.status, 1);
      assert.match(readOnly.stderr, /missing the "issues: write" permission/);
      const printed = await step(/Note new reverts/, { GITHUB_TOKEN: '' });
      assert.equal(printed.status, 0, printed.stderr);
      assert.match(printed.stdout, /No GITHUB_TOKEN: the notes are printed here/);
      assert.match(printed.stdout, new RegExp(`own-it incident new ${culprit}`));
      assert.equal(gh.seen.filter((s) => s.method === 'POST' && s.status < 400).length, 0, 'nothing was posted');
    });
  });

  it('refuses a state file outside the repository', async () => {
    const r = await cli(['ci', '--state', '../elsewhere.json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the state file must be inside the repository/);
  });
});

