import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { buildCli } from '../helpers/cli';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';


interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('own-it incidents (CLI)', function () {
  this.timeout(60000);
  let cli: string;
  let built: { path: string; dispose(): void };
  let repo: TempRepo;

  before(async () => {
    // The same bundle `npm run build` makes for dist/cli.js, built alone so that work in
    // progress elsewhere in the extension bundle cannot break this test.
    built = await buildCli();
    cli = built.path;
  });
  after(() => built.dispose());

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' });
  });
  afterEach(() => repo.dispose());

  function run(args: string[], cwd = repo.path): Run {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...repo.env(), GIT_DIR: undefined } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  async function seed(): Promise<void> {
    const store = new IncidentStore(repo.path);
    const culprit = repo.commit('Bind checkout handler lazily', { 'src/app.ts': 'export const x = 1;\n' });
    const revert = repo.revert(culprit);
    await store.create(
      {
        title: 'Checkout button does nothing',
        culprits: [culprit],
        revert,
        actions: [
          { text: 'Regression test', done: false, kind: 'test' },
          { text: 'Smoke test', done: true, kind: 'checklist' },
        ],
      },
      new Date('2026-01-05T09:00:00Z'),
    );
    await store.create({ title: 'Search \u001b[31mred\u001b[0m empty', status: 'resolved', resolved: '2026-01-07T10:00:00Z', severity: 'sev2' }, new Date('2026-01-07T09:00:00Z'));
  }

  it('prints a table, newest first, without terminal control characters', async () => {
    await seed();
    const r = run(['incidents']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^DATE\s+STATUS\s+SEVERITY\s+TITLE\s+FILE$/);
    assert.match(lines[1], /^2026-01-07\s+resolved\s+sev2\s+Search  \[31mred \[0m empty\s+docs\/incidents\/2026-01-07-search-31mred-0m-empty\.md$/);
    assert.match(lines[2], /^2026-01-05\s+open\s+sev3\s+Checkout button does nothing\s+docs\/incidents\/2026-01-05-checkout-button-does-nothing\.md$/);
    assert.ok(!r.stdout.includes('\u001b'));
  });

  it('prints one JSON object per line with --json, from a subfolder or a path argument', async () => {
    await seed();
    const culprit = repo.git('rev-parse', 'HEAD~1');
    const revert = repo.head();
    for (const r of [run(['incidents', '--json'], path.join(repo.path, 'src')), run(['incidents', repo.path, '--json'], makeTempDir('elsewhere-'))]) {
      assert.equal(r.status, 0, r.stderr);
      const objects = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(objects.length, 2);
      assert.deepEqual(objects[1], {
        path: 'docs/incidents/2026-01-05-checkout-button-does-nothing.md',
        id: objects[1].id,
        title: 'Checkout button does nothing',
        status: 'open',
        severity: 'sev3',
        detected: '2026-01-05T09:00:00.000Z',
        culprits: [culprit],
        revert,
        openActions: 1,
      });
      assert.match(String(objects[1].id), /^INC-20260105-[0-9a-f]{4}$/);
      assert.equal(objects[0].resolved, '2026-01-07T10:00:00Z');
      assert.ok(!('revert' in objects[0]));
    }
  });

  it('reports malformed files on stderr with file:line and exits 1, still listing the good ones', async () => {
    await seed();
    const bad = path.join(repo.path, 'docs', 'incidents', '2026-01-06-broken.md');
    fs.writeFileSync(bad, '---\nid: INC-1\ntitle: Broken\nstatus: closed\nseverity: sev3\ndetected: 2026-01-06T00:00:00Z\n---\n');
    const r = run(['incidents', '--json']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'docs/incidents/2026-01-06-broken.md:4: status must be one of open, mitigated, resolved\n');
    assert.equal(r.stdout.trimEnd().split('\n').length, 2);
  });

  it('says so when there are no incidents', () => {
    const r = run(['incidents']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'No incidents in docs/incidents.\n');
    assert.equal(run(['incidents', '--json']).stdout, '');
  });

  it('honours --folder and rejects one outside the repository', async () => {
    await new IncidentStore(repo.path, 'notes/incidents').create({ title: 'Elsewhere' }, new Date('2026-02-01T00:00:00Z'));
    assert.match(run(['incidents', '--folder', 'notes/incidents']).stdout, /notes\/incidents\/2026-02-01-elsewhere\.md/);
    const r = run(['incidents', '--folder=../outside']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /contains "\.\."/);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['incidents', '--nope'], ['incidents', 'a', 'b'], ['incidents', '--folder']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /Usage: own-it incidents/);
    }
    assert.equal(run(['incidents', '--help']).status, 0);
  });

  it('exits 3 outside a git work tree, and explains a bare repository', () => {
    const plain = makeTempDir('plain-');
    const r = run(['incidents', plain]);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /is not inside a git repository/);

    const bare = TempRepo.create({ bare: true });
    try {
      const b = run(['incidents', bare.path]);
      assert.equal(b.status, 3);
      assert.match(b.stderr, /bare git repository: it has no work tree/);
    } finally {
      bare.dispose();
    }
    assert.equal(run(['incidents', path.join(plain, 'missing')]).status, 3);
  });
});
