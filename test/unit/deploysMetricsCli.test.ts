import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { buildCli } from '../helpers/cli';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';


interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('own-it scan --deploys and own-it metrics (CLI)', function () {
  this.timeout(60000);
  let cli: string;
  let built: { path: string; dispose(): void };
  let repo: TempRepo;
  let c1: string;
  let c2: string;

  before(async () => {
    // Built alone (like dist/cli.js) so work in progress elsewhere in the extension cannot break it.
    built = await buildCli();
    cli = built.path;
  });
  after(() => built.dispose());

  beforeEach(() => {
    repo = TempRepo.create();
    c1 = repo.commit('one', { 'src/a.ts': '1\n' }, undefined, new Date('2026-01-10T10:00:00Z'));
    c2 = repo.commit('two \u001b[31mred', { 'src/a.ts': '2\n' }, undefined, new Date('2026-01-11T10:00:00Z'));
    repo.git('tag', 'deploy/prod/1', c1);
    repo.gitAt(new Date('2026-01-11T11:00:00Z'), 'tag', '-a', 'deploy/prod/2', '-m', 'ship', c2);
    repo.gitAt(new Date('2026-01-11T12:00:00Z'), 'tag', '-a', 'deploy/prod/3', '-m', 'roll back', c1);
  });
  afterEach(() => repo.dispose());

  function run(args: string[], cwd = repo.path): Run {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...repo.env(), GIT_DIR: undefined } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('scan --deploys prints the rollback with its evidence, as a table and as JSON lines', () => {
    const table = run(['scan', '--deploys']);
    assert.equal(table.status, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^DATE\s+KIND\s+ENV\s+CONFIDENCE\s+FAILED\s+CULPRITS$/);
    assert.match(lines[1], new RegExp(`^2026-01-11 12:00\\s+rollback\\s+prod\\s+high\\s+deploy/prod/2\\s+${c2.slice(0, 7)}$`));
    assert.match(lines[2], /deploy\/prod\/3 re-deployed .* \[same-commit-as-earlier\]$/);

    const json = run(['scan', repo.path, '--json', '--deploys']);
    assert.equal(json.status, 0, json.stderr);
    const findings = json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; rule: string; culprits: string[]; failed: { tag: string } });
    assert.deepEqual(findings.map((f) => [f.kind, f.rule, f.failed.tag, f.culprits]), [['rollback', 'same-commit-as-earlier', 'deploy/prod/2', [c2]]]);

    const none = run(['scan', '--deploys', '--tag-pattern', 'release/*']);
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /^No failed deploys found in .* \(0 deploy tags read\)\.\n$/);
    // Plain `scan` still lists reverts: the branch only takes `--deploys`.
    assert.match(run(['scan']).stdout, /^No revert commits found/);
  });

  it('scan --deploys: exit 2 for usage errors and bad patterns, 3 outside a repository', () => {
    for (const args of [['--window-hours', 'soon'], ['--tag-pattern', 'deploy'], ['--hotfix-pattern', '('], ['--since', 'someday'], ['a', 'b'], ['--bogus']]) {
      const r = run(['scan', '--deploys', ...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Usage: own-it scan --deploys/);
    }
    const outside = makeTempDir('plain-');
    try {
      const r = run(['scan', '--deploys', outside]);
      assert.equal(r.status, 3, r.stderr);
      assert.match(r.stderr, /is not a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('metrics prints a table of estimates, one JSON object, Markdown or CSV', () => {
    const since = ['--since', '2026-01-01'];
    const table = run(['metrics', ...since]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^Own It insights, 2026-01-01 to \d{4}-\d{2}-\d{2} \(estimates/);
    assert.match(table.stdout, /\nChange failure rate\s+33\.3%\s+\(0 shipped reverts \+ 1 rollback\) \/ 3 deploys\n/);
    assert.match(table.stdout, /\nTime to recover \(median\)\s+2 h\s+1 revert or rollback\n/);
    assert.match(table.stdout, /\nIncidents per month \(average\)\s+0\s+last 6 of \d+ months \(--markdown lists all\): (\d{4}-\d\d: 0, ){5}\d{4}-\d\d: 0\n/, 'the last six months, saying so');
    assert.ok(!table.stdout.includes('\u001b'));

    const json = run(['metrics', repo.path, '--json', ...since]);
    assert.equal(json.status, 0, json.stderr);
    assert.equal(json.stdout.trimEnd().split('\n').length, 1, 'one object on one line');
    const report = JSON.parse(json.stdout) as { estimate: boolean; changeFailure: { rate: number; formula: string }; reworkRate: { commits: number } };
    assert.equal(report.estimate, true);
    assert.equal(report.changeFailure.rate, 0.3333);
    assert.match(report.changeFailure.formula, /deploys/);
    assert.equal(report.reworkRate.commits, 2);

    assert.match(run(['metrics', '--markdown', ...since]).stdout, /^# Own It insights/);
    assert.match(run(['metrics', '--csv', ...since]).stdout, /^metric,item,value,unit,detail,formula\r\n/);
  });

  it('metrics: exit 2 for usage errors, 3 outside a repository', () => {
    for (const args of [['--json', '--csv'], ['--since', 'later'], ['--folder', '../x'], ['--tag-pattern', 'x'], ['--max-count', '3']]) {
      const r = run(['metrics', ...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Usage: own-it metrics/);
    }
    const outside = makeTempDir('plain-');
    try {
      assert.equal(run(['metrics', outside]).status, 3);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    assert.match(run(['help']).stdout, /metrics \[path\]/);
  });
});
