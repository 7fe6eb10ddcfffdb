// Issue 13's CLI findings that are not about one output format: dates for --since/--until read
// one way by every command ("0" is not the year 2000), a symlinked incidents folder under
// `metrics`, deeply nested YAML reported once, `incidents` and `scan --deploys` sanitized like
// the other commands, and the hotfix search that git pre-filters.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dateOption, UsageError } from '../../src/cli/args';
import { MAX_CELL_CHARS } from '../../src/cli/output';
import { newIncident, serializeIncident } from '../../src/core/incidents';
import { planChecklist } from '../../src/core/scaffold/checklist';
import { computeMetrics } from '../../src/core/metrics/computeMetrics';
import { requiredWord } from '../../src/core/metrics/gitFacts';
import { useBuiltCli, type CliRun } from '../helpers/cli';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const BIDI = '\u202e';
const C1 = '\u0085';
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('CLI hardening (#13): dates, folders, YAML errors, sanitized incidents and deploys', function () {
  this.timeout(60_000);
  const cli = useBuiltCli();
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('one', { 'src/a.ts': '1\n' }, undefined, new Date('2026-01-10T10:00:00Z'));
  });
  afterEach(() => repo.dispose());

  function run(...args: string[]): CliRun {
    return cli.run(repo, args);
  }

  function writeIncident(name: string, text: string): void {
    fs.mkdirSync(path.join(repo.path, 'docs', 'incidents'), { recursive: true });
    fs.writeFileSync(path.join(repo.path, 'docs', 'incidents', name), text);
  }

  it('--version, -v and version print the package version and exit 0; an unknown command exits 2 with the usage', () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version']) {
      const r = run(flag);
      assert.equal(r.status, 0, flag);
      assert.equal(r.stdout, `own-it ${version}\n`, flag);
      assert.equal(r.stderr, '', flag);
    }
    const unknown = run('--verison');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^own-it: unknown command "--verison"/);
    assert.match(unknown.stderr, /--version +Print Own It's version/);
  });

  describe('dateOption: the one reader of --since and --until', () => {
    const now = new Date('2026-03-15T12:34:56Z');
    it('reads days, ISO times and relative forms as an ISO time', () => {
      assert.equal(dateOption('since', '2026-01-31', now), '2026-01-31T00:00:00.000Z');
      assert.equal(dateOption('since', '2026-01-31T09:30Z', now), '2026-01-31T09:30:00.000Z');
      assert.equal(dateOption('since', '2026-01-31 09:30:15+02:00', now), '2026-01-31T07:30:15.000Z');
      assert.equal(dateOption('since', '2 weeks ago', now), '2026-03-01T12:34:56.000Z');
      assert.equal(dateOption('since', '3.days.ago', now), '2026-03-12T12:34:56.000Z');
      assert.equal(dateOption('since', '1 month ago', now), '2026-02-15T12:34:56.000Z');
      assert.equal(dateOption('since', 'yesterday', now), '2026-03-14T12:34:56.000Z');
      assert.equal(dateOption('since', 'today', now), '2026-03-15T00:00:00.000Z');
      assert.equal(dateOption('until', 'now', now), now.toISOString());
    });

    it('refuses what Date.parse or git would read as some other date', () => {
      // V8 reads "0" and "1" as years 2000 and 2001, "March" as 2001-03-01; git reads unknown words as now.
      for (const value of ['0', '1', '2026', 'March 7', 'later', '2026-02-31', '2026-13-01', '1969-12-31', '31/01/2026', '-1 days ago', '']) {
        assert.throws(() => dateOption('since', value, now), (e: unknown) => e instanceof UsageError && e.message.includes('"--since"') && e.message.includes(`"${value}"`), value);
      }
    });
  });

  it('metrics, scan and scan --deploys refuse --since 0 with one clear line and exit 2; a valid date still works', () => {
    for (const args of [['metrics', '--since', '0'], ['metrics', '--until', '0'], ['scan', '--since', '0'], ['scan', '--deploys', '--since', '0'], ['metrics', '--since=2026-02-31']]) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr.split('\n')[0], /^own-it (metrics|scan): option "--(since|until)" needs a date such as 2026-01-31/, args.join(' '));
      assert.equal(r.stdout, '');
    }
    const ok = run('metrics', '--json', '--since', '2026-01-01', '--until', '2026-02-01');
    assert.equal(ok.status, 0, ok.stderr);
    const report = JSON.parse(ok.stdout) as { since: string; until: string; reworkRate: { commits: number } };
    assert.deepEqual([report.since, report.until, report.reworkRate.commits], ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 1]);
    const relative = run('scan', '--since', '2 weeks ago');
    assert.equal(relative.status, 0, relative.stderr);
  });

  it('metrics with docs/incidents symlinked out of the repository: one clear message, exit 1, no usage text', () => {
    const outside = makeTempDir('outside-incidents-');
    try {
      fs.mkdirSync(path.join(repo.path, 'docs'), { recursive: true });
      fs.symlinkSync(outside, path.join(repo.path, 'docs', 'incidents'));
      const r = run('metrics');
      assert.equal(r.status, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /Usage:/);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^own-it metrics: The incidents folder "docs\/incidents" resolves to .*outside the repository.*Nothing was computed/);
      // A bad --folder on the command line is still a usage error.
      const usage = run('metrics', '--folder', '../x');
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /Usage: own-it metrics/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports an unclosed YAML flow collection nested 40 deep once, not once per level', () => {
    writeIncident('2026-01-01-deep.md', `---\ntitle: deep\nx: ${'['.repeat(40)}\n---\n# deep\n`);
    writeIncident('2026-01-02-mixed.md', `---\ntitle: mixed\nx: ${'[{'.repeat(35)}\n---\n# mixed\n`);
    const r = run('incidents');
    assert.equal(r.status, 1);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines.filter((l) => l.includes('deep.md')), ['docs/incidents/2026-01-01-deep.md:4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    assert.equal(lines.filter((l) => l.includes('mixed.md')).length, 2, r.stderr);
    assert.equal(new Set(lines).size, lines.length, `a line repeats:\n${r.stderr}`);
    const metrics = run('metrics');
    assert.equal(metrics.status, 0, metrics.stderr);
    assert.equal(metrics.stderr.trimEnd().split('\n').length, 2, metrics.stderr);
  });

  it('incidents: the table and --json carry no control or bidi characters, and a long title is cut in the table', () => {
    const title = `Checkout ${BIDI}gpj.exe ${C1}\u001b]52;c;aGk=\u0007 ${'x'.repeat(5000)}`;
    writeIncident('2026-01-01-hostile.md', serializeIncident(newIncident({ title, detected: '2026-01-01T00:00:00Z' })));
    const table = run('incidents');
    assert.equal(table.status, 0, table.stderr);
    assert.doesNotMatch(table.stdout, RAW_UNSAFE);
    const row = table.stdout.split('\n')[1];
    assert.ok(row.includes(`${'x'.repeat(50)}`) && row.length < MAX_CELL_CHARS + 80, `row of ${row.length} chars`);
    const json = run('incidents', '--json');
    assert.equal(json.status, 0, json.stderr);
    assert.doesNotMatch(json.stdout, RAW_UNSAFE);
    assert.ok(json.stdout.includes('\\u202e') && json.stdout.includes('\\u0085'), json.stdout.slice(0, 200));
    assert.equal((JSON.parse(json.stdout) as { title: string }).title, title);
  });

  it('scan --deploys: a bidi tag name is escaped in --json and replaced in the table', () => {
    const c1 = repo.head();
    const c2 = repo.commit('two', { 'src/a.ts': '2\n' }, undefined, new Date('2026-01-11T10:00:00Z'));
    repo.git('tag', 'deploy/prod/1', c1);
    repo.gitAt(new Date('2026-01-11T11:00:00Z'), 'tag', '-a', `deploy/prod/${BIDI}2`, '-m', 'ship', c2);
    repo.gitAt(new Date('2026-01-11T12:00:00Z'), 'tag', '-a', 'deploy/prod/3', '-m', 'roll back', c1);
    const json = run('scan', '--deploys', '--json');
    assert.equal(json.status, 0, json.stderr);
    assert.doesNotMatch(json.stdout, RAW_UNSAFE);
    assert.equal((JSON.parse(json.stdout.split('\n')[0]) as { failed: { tag: string } }).failed.tag, `deploy/prod/${BIDI}2`);
    const table = run('scan', '--deploys');
    assert.equal(table.status, 0, table.stderr);
    assert.doesNotMatch(table.stdout, RAW_UNSAFE);
    assert.match(table.stdout, /deploy\/prod\/ 2/);
  });

  it('scan: a 1 MB revert subject is cut in the table and kept whole in --json', () => {
    const culprit = repo.commit('Add b', { 'src/b.ts': 'b\n' }, undefined, new Date('2026-01-11T10:00:00Z'));
    repo.git('revert', '--no-edit', culprit);
    const long = `Revert "Add b" ${'y'.repeat(1024 * 1024)}`;
    const message = path.join(makeTempDir('long-subject-'), 'msg');
    fs.writeFileSync(message, long);
    repo.git('commit', '--amend', '-q', '-F', message);
    fs.rmSync(path.dirname(message), { recursive: true, force: true });
    const table = run('scan');
    assert.equal(table.status, 0, table.stderr);
    const widest = Math.max(...table.stdout.split('\n').map((l) => l.length));
    assert.ok(widest <= MAX_CELL_CHARS + 80, `widest table line ${widest} chars`);
    assert.match(table.stdout, /y…\n/);
    const json = run('scan', '--json');
    assert.equal((JSON.parse(json.stdout.split('\n')[0]) as { subject: string }).subject, long);
  });

  it('scaffold checklist: an incident file name cannot end the Markdown link or start markup in the PR template', async () => {
    repo.commit('template', { '.github/pull_request_template.md': '# PR\n' });
    const incidentPath = 'docs/incidents/2026-01-05-x](javascript:alert(1)) <b>\n# injected (y).md';
    const plan = await planChecklist(repo.path, { incidentPath, lesson: 'Check the rollout' });
    const added = plan.content.split('\n').filter((l) => l.startsWith('- [ ] Check the rollout'));
    assert.equal(added.length, 1, plan.content);
    assert.doesNotMatch(plan.content, /^# injected/m);
    const target = /\(\[incident\]\(([^)]*)\)\)$/.exec(added[0])?.[1];
    assert.ok(target && !/[\s()[\]<>]/.test(target), `link target: ${added[0]}`);
    assert.equal(decodeURI(target.replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%3C/g, '<').replace(/%3E/g, '>')), `../${incidentPath}`);
  });

  it('hotfix search: git pre-filters on the word of a one-word pattern, and the subject still decides', async () => {
    assert.equal(requiredWord(/\bhotfix\b/i), 'hotfix');
    assert.equal(requiredWord(/urgent fix/i), 'urgent fix');
    assert.equal(requiredWord(/hotfix|urgent/i), undefined);
    assert.equal(requiredWord(/^hotfix/i), undefined);
    repo.commit('HOTFIX: totals', {}, undefined, new Date('2026-01-12T10:00:00Z'));
    repo.commit('Tidy up\n\nnot a hotfix, the body says so', {}, undefined, new Date('2026-01-13T10:00:00Z'));
    repo.commit('Urgent: roll the cache', {}, undefined, new Date('2026-01-14T10:00:00Z'));
    const window = { since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' };
    assert.equal((await computeMetrics(repo.path, window)).reworkRate.hotfixes, 1);
    assert.equal((await computeMetrics(repo.path, { ...window, hotfixPattern: 'hotfix|urgent' })).reworkRate.hotfixes, 2);
  });
});
