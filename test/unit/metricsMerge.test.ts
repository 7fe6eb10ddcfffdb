import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeMetrics } from '../../src/core/metrics/computeMetrics';
import { mergeMetrics, readMetricsFile } from '../../src/core/orgMetrics';
import { runCliAsync, type CliRun } from '../helpers/cliAsync';
import { buildCli } from '../helpers/cli';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'orgMetrics');
const INPUTS = ['shop.json', 'search.json', 'billing.json'].map((f) => path.join(FIXTURES, f));

describe('own-it metrics merge (CLI)', function () {
  this.timeout(60000);
  let built: { path: string; dispose(): void };
  let scratch: string;

  before(async () => {
    built = await buildCli();
  });
  after(() => built.dispose());
  beforeEach(() => {
    scratch = makeTempDir('merge-');
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const merge = (...args: string[]): Promise<CliRun> => runCliAsync(built.path, ['metrics', 'merge', ...args], scratch, { PATH: process.env.PATH });

  it('gives per-repository rows and org totals equal to the hand computation (golden files)', async () => {
    const json = await merge(...INPUTS, '--json');
    assert.equal(json.status, 0, json.stderr);
    const { formulas, ...numbers } = JSON.parse(json.stdout) as { formulas: Record<string, string> };
    assert.deepEqual(numbers, JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')));
    assert.deepEqual(Object.keys(formulas), ['timeToRecover', 'changeFailure', 'rework', 'incidentsPerMonth', 'openActions']);

    const md = await merge(...INPUTS, '--markdown');
    assert.equal(md.stdout, fs.readFileSync(path.join(FIXTURES, 'expected.md'), 'utf8'));

    const csv = (await merge(...INPUTS, '--csv')).stdout.trimEnd().split('\r\n');
    assert.equal(csv.length, 5);
    assert.match(csv[4], /^\(org\),2025-10-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,3,5,4,30,mixed,0.1333,5,180,0.0278,7,3,2.33,6,22.5,1,2,2,1$/);
  });

  it('reads a folder of outputs (a CI matrix artifact) the same way as the files', async () => {
    const dir = path.join(scratch, 'artifacts');
    fs.mkdirSync(dir);
    for (const f of INPUTS) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a metrics file');
    const r = await merge(dir, '--json');
    assert.equal(r.status, 0, r.stderr);
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as { org: unknown };
    assert.deepEqual((JSON.parse(r.stdout) as { org: unknown }).org, expected.org);
  });

  it('exports Four Keys rows: incidents with root causes, changes, rollback deployments', async () => {
    const incidents = (await merge(...INPUTS, '--format', 'fourkeys', '--table', 'incidents')).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(incidents.length, 3);
    assert.deepEqual(incidents[0], {
      source: 'own-it',
      incident_id: 'shop:docs/incidents/2026-01-10-checkout.md',
      time_created: '2026-01-10T08:00:00Z',
      time_resolved: '2026-01-10T10:00:00Z',
      changes: ['1'.repeat(40)],
    });
    const all = (await merge(...INPUTS, '--format', 'fourkeys')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { table: string });
    assert.deepEqual(
      all.map((r) => r.table),
      ['changes', 'changes', 'changes', 'deployments', 'incidents', 'incidents', 'incidents'],
    );
  });

  it('names the input that is missing or is not a metrics file, and prints no partial report', async () => {
    const broken = path.join(scratch, 'broken.json');
    fs.writeFileSync(broken, '{"since": "2026-01-01", "until": "2026-02-01"}');
    const notJson = path.join(scratch, 'half.json');
    fs.writeFileSync(notJson, '{"since": ');
    const r = await merge(INPUTS[0], broken, notJson, path.join(scratch, 'gone.json'));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /gone\.json: no such file or folder/);
    assert.match(r.stderr, /broken\.json: not an "own-it metrics --json" output \(timeToRecover\.items is missing/);
    assert.match(r.stderr, /half\.json: not JSON/);
    assert.match(r.stderr, /nothing merged; fix or leave out those 3 inputs/);
  });

  it('rejects conflicting or unknown options with a usage error', async () => {
    assert.equal((await merge(...INPUTS, '--json', '--csv')).status, 2);
    assert.equal((await merge(...INPUTS, '--table', 'incidents')).status, 2);
    assert.equal((await merge(...INPUTS, '--format', 'sleuth')).status, 2);
    const none = await merge();
    assert.equal(none.status, 2);
    assert.match(none.stderr, /give at least one metrics file/);
  });

  it('reads what computeMetrics really writes, so the fixtures cannot drift from the real shape', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.ts': '1\n' });
      const bad = repo.commit('Change a', { 'a.ts': '2\n' });
      repo.revert(bad);
      const report = await computeMetrics(repo.path, { since: '2025-12-01', now: new Date('2026-03-01T00:00:00Z') });
      const read = readMetricsFile(JSON.stringify(report), '/ci/out/widgets.json');
      assert.equal(read.name, 'widgets');
      const merged = mergeMetrics([read, read]);
      assert.equal(merged.repositories[0].recoveries, 1);
      assert.equal(merged.org.recoveries, 2);
      assert.equal(merged.org.failures, 2 * (report.changeFailure.reverts + report.changeFailure.rollbacks));
    } finally {
      repo.dispose();
    }
  });
});
