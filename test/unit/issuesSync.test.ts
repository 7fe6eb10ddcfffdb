import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { runCliAsync, type CliRun } from '../helpers/cliAsync';
import { buildCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';
import { FakeIssueTracker } from './githostFakeIssues';
import { emptyRepo, FakeGitHub } from './githostFakeServer';

describe('own-it issues sync (CLI) against a local fake GitHub', function () {
  this.timeout(60000);
  let built: { path: string; dispose(): void };
  let repo: TempRepo;
  let gh: FakeGitHub;
  let tracker: FakeIssueTracker;
  let culprit: string;
  let file: string;

  before(async () => {
    built = await buildCli();
  });
  after(() => built.dispose());

  beforeEach(async () => {
    gh = await new FakeGitHub().start();
    const fake = emptyRepo('main');
    tracker = fake.tracker = new FakeIssueTracker('acme/shop');
    gh.repos.set('acme/shop', fake);
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' });
    culprit = repo.commit('Bind checkout handler lazily', { 'src/app.ts': 'export const x = 1;\n' });
    const revert = repo.revert(culprit);
    const stored = await new IncidentStore(repo.path).create(
      {
        id: 'inc-checkout',
        title: 'Checkout button does nothing',
        culprits: [culprit],
        revert,
        actions: [
          { text: 'Add a regression test for the checkout click', done: false, kind: 'test', owner: '@alice' },
          { text: 'Smoke-test checkout before each deploy', done: false, kind: 'checklist' },
          { text: 'Roll back', done: true, kind: 'fix' },
        ],
      },
      new Date('2026-01-05T09:00:00Z'),
    );
    file = stored.path;
    repo.git('remote', 'add', 'origin', `http://127.0.0.1:${gh.port}/acme/shop.git`);
  });
  afterEach(async () => {
    await gh.close();
    repo.dispose();
  });

  function sync(args: string[] = [], token: string | undefined = gh.token, cwd = repo.path): Promise<CliRun> {
    const env = { ...repo.env(), GITHUB_API_URL: gh.apiUrl, ...(token ? { GITHUB_TOKEN: token } : {}) };
    return runCliAsync(built.path, ['issues', 'sync', ...args], cwd, env);
  }

  /** The file's action items; `added` (stamped on save, a date) is checked and left out of the comparison. */
  async function actions(): Promise<{ id?: string; issue?: string; done: boolean }[]> {
    return (await new IncidentStore(repo.path).load(file)).incident.actions.map(({ added, ...rest }) => {
      if (added !== undefined) assert.match(added, /^\d{4}-\d{2}-\d{2}$/);
      return rest;
    });
  }

  it('from a fresh clone without a token, --dry-run prints what it would create and changes nothing', async () => {
    repo.git('remote', 'set-url', 'origin', 'https://github.com/acme/shop.git');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'incident');
    const clone = TempRepo.clone(repo.path);
    try {
      clone.git('remote', 'set-url', 'origin', 'https://github.com/acme/shop.git');
      const before = fs.readFileSync(file.replace(repo.path, clone.path), 'utf8');
      const r = await runCliAsync(built.path, ['issues', 'sync', '--dry-run'], clone.path, clone.env());
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /acme\/shop \(dry run: nothing is changed\)/);
      assert.match(r.stdout, /No GITHUB_TOKEN/);
      const lines = r.stdout.split('\n').filter((l) => l.startsWith('would create'));
      assert.equal(lines.length, 2, r.stdout);
      assert.match(lines[0], /\[a1\] "Add a regression test for the checkout click"/);
      assert.match(lines[1], /\[a2\] "Smoke-test checkout/);
      assert.equal(fs.readFileSync(file.replace(repo.path, clone.path), 'utf8'), before);
    } finally {
      clone.dispose();
    }
  });

  it('creates one labelled issue per open item, never a second one, and marks an item done when its issue is closed', async () => {
    const first = await sync();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout.split('\n').filter((l) => l.startsWith('created')).length, 2, first.stdout);
    assert.equal(tracker.issues.length, 2);
    const [one, two] = tracker.issues;
    assert.deepEqual(one.labels, ['incident', 'action-item']);
    assert.equal(one.title, 'Add a regression test for the checkout click');
    assert.match(one.body, new RegExp(`^root cause: ${culprit}$`, 'm'));
    assert.match(one.body, /<!-- own-it:action incident=inc-checkout item=a1 -->/);
    assert.match(one.body, /\(https:\/\/127\.0\.0\.1\/acme\/shop\/blob\/main\/docs\/incidents\/2026-01-05-checkout-button-does-nothing\.md\)/);
    assert.match(one.body, /Owner: @\u200balice/, 'no mention notifications from the item owner');
    assert.match(two.body, /item=a2 -->/);
    assert.deepEqual([...tracker.labels.keys()].sort(), ['action-item', 'incident']);
    assert.deepEqual(await actions(), [
      { id: 'a1', text: 'Add a regression test for the checkout click', done: false, kind: 'test', owner: '@alice', issue: 'https://github.com/acme/shop/issues/1' },
      { id: 'a2', text: 'Smoke-test checkout before each deploy', done: false, kind: 'checklist', issue: 'https://github.com/acme/shop/issues/2' },
      { id: 'a3', text: 'Roll back', done: true, kind: 'fix' },
    ] as never);
    assert.match(fs.readFileSync(file, 'utf8'), /\[issue #1\]\(https:\/\/github\.com\/acme\/shop\/issues\/1\)/, 'the Markdown list links the issue');

    const seenBefore = gh.seen.length;
    const again = await sync();
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /Every action item is in step/);
    assert.equal(tracker.issues.length, 2, 'no duplicates');
    assert.deepEqual(gh.seen.slice(seenBefore).map((s) => s.method), ['GET', 'GET'], 'the re-run read the repository and the issue list, and wrote nothing');

    tracker.issues[0].state = 'closed';
    const third = await sync();
    assert.equal(third.status, 0, third.stderr);
    assert.match(third.stdout, /^marked done .*\[a1\].*issues\/1$/m);
    assert.deepEqual((await actions()).map((a) => a.done), [true, false, true]);
    assert.equal(tracker.issues[1].state, 'open');
  });

  it('finds an issue a previous run created but could not record (by its marker, labelled or not)', async () => {
    tracker.add({ title: 'x', body: 'text\n<!-- own-it:action incident=inc-checkout item=a1 -->', labels: ['incident', 'action-item'] });
    tracker.add({ title: 'y', body: 'label removed\n<!-- own-it:action incident=inc-checkout item=a2 -->', labels: [] });
    const r = await sync();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^linked .*\[a1\].*issues\/1$/m);
    assert.match(r.stdout, /^linked .*\[a2\].*issues\/2$/m);
    assert.equal(tracker.issues.length, 2);
    assert.deepEqual((await actions()).map((a) => a.issue), ['https://github.com/acme/shop/issues/1', 'https://github.com/acme/shop/issues/2', undefined]);
  });

  it('offers to close the issue of an item done here, and closes it only with --close-done', async () => {
    await sync();
    const store = new IncidentStore(repo.path);
    const stored = await store.load(file);
    await store.save(stored, { ...stored.incident, actions: stored.incident.actions.map((a) => (a.id === 'a2' ? { ...a, done: true } : a)) });
    const offer = await sync();
    assert.equal(offer.status, 0, offer.stderr);
    assert.match(offer.stdout, /^done, issue open .*\[a2\]/m);
    assert.match(offer.stdout, /run again with --close-done to close it/);
    assert.equal(tracker.issues[1].state, 'open', 'nothing closed unasked');
    const dry = await sync(['--close-done', '--dry-run']);
    assert.match(dry.stdout, /^would close .*\[a2\]/m);
    assert.equal(tracker.issues[1].state, 'open');
    const close = await sync(['--close-done']);
    assert.match(close.stdout, /^closed .*\[a2\]/m);
    assert.equal(tracker.issues[1].state, 'closed');
    assert.equal(tracker.issues[1].state_reason, 'completed');
    assert.equal(tracker.issues[0].state, 'open');
  });

  it('says exactly which permission a read-only token lacks, and opens nothing', async () => {
    const r = await sync([], gh.readOnlyToken);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing the "issues: write" permission/);
    assert.match(r.stderr, /permissions: issues: write/);
    assert.equal(tracker.issues.length, 0);
    assert.deepEqual((await actions()).map((a) => a.issue), [undefined, undefined, undefined]);
  });

  it('offline or failing half-way: keeps what was done, and the next sync catches up without duplicates', async () => {
    const offline = await sync(['--api-url', 'http://127.0.0.1:9/']);
    assert.equal(offline.status, 1);
    assert.match(offline.stderr, /could not be reached/);
    assert.match(offline.stderr, /the next sync carries on/);
    assert.equal(tracker.issues.length, 0);

    // Labels and issue 1 go through, then the server answers the request after issue 1's POST (issue 2's) with 502.
    let posts = 0;
    const original = tracker.route.bind(tracker);
    tracker.route = (req) => {
      if (req.method === 'POST' && req.rest === '/issues' && ++posts === 1) gh.scripted.push({ status: 502 });
      return original(req);
    };
    const partial = await sync();
    assert.equal(partial.status, 1, partial.stdout);
    assert.equal(tracker.issues.length, 1);
    assert.deepEqual((await actions()).map((a) => a.issue), ['https://github.com/acme/shop/issues/1', undefined, undefined]);
    const resumed = await sync();
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.equal(tracker.issues.length, 2);
    assert.deepEqual((await actions()).map((a) => a.issue), ['https://github.com/acme/shop/issues/1', 'https://github.com/acme/shop/issues/2', undefined]);
  });

  it('says so when the repository has no GitHub remote, or a remote on another host', async () => {
    repo.git('remote', 'remove', 'origin');
    const none = await sync();
    assert.equal(none.status, 1);
    assert.match(none.stderr, /has no "origin" remote, so there is no GitHub repository to sync with/);
    repo.git('remote', 'add', 'origin', 'https://x:secret@gitlab.example.com/acme/shop.git');
    const other = await sync();
    assert.equal(other.status, 1);
    assert.match(other.stderr, /origin is on gitlab\.example\.com, but the GitHub API in use .* serves 127\.0\.0\.1/);
    assert.doesNotMatch(other.stderr, /secret/);
    repo.git('remote', 'set-url', 'origin', `http://127.0.0.1:${gh.port}/acme/shop.git`);
    const noToken = await sync([], '');
    assert.equal(noToken.status, 1);
    assert.match(noToken.stderr, /no GitHub token/);
  });
});
