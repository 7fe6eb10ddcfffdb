import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli } from '../helpers/cli';
import { BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';


interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('own-it scan (CLI)', function () {
  this.timeout(60000);
  let cli: string;
  let built: { path: string; dispose(): void };
  let repo: TempRepo;
  let bare: TempRepo;
  let login: string;
  let revert: string;
  let search: string;
  let squash: string;

  before(async () => {
    built = await buildCli();
    cli = built.path;
    repo = TempRepo.create();
    login = repo.commit('Add login', { 'login.ts': '1' });
    revert = repo.revert(login, BOB);
    search = repo.commit('Add search (#12)', { 'search.ts': '1' });
    repo.commit('fix revert logic in parser', { 'parser.ts': '1' });
    squash = repo.commit('Revert "Add search (#12)" (#13)\n\nReverts acme/web#12', { 'search.ts': '' });
    bare = TempRepo.clone(repo.path, ['--bare']);
  });
  after(() => {
    repo.dispose();
    bare.dispose();
    built.dispose();
  });

  function run(args: string[], cwd = repo.path): Run {
    const r = spawnSync(process.execPath, [cli, 'scan', ...args], { cwd, encoding: 'utf8', env: repo.env() });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('prints a table of reverts in the current repository', () => {
    const r = run([]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^SHA\s+KIND\s+DATE\s+REVERTS\s+EVIDENCE\s+SUBJECT$/);
    assert.equal(lines.length, 3);
    assert.match(lines[1], new RegExp(`^${squash.slice(0, 7)}\\s+revert\\s+\\d{4}-\\d\\d-\\d\\d\\s+${search.slice(0, 7)}\\s+subject-exact\\s+Revert "Add search \\(#12\\)" \\(#13\\)$`));
    assert.match(lines[2], new RegExp(`^${revert.slice(0, 7)}\\s+revert\\s+\\S+\\s+${login.slice(0, 7)}\\s+sha\\s+Revert "Add login"$`));
  });

  it('prints one JSON object per line with exactly the detection fields, also for a bare repository', () => {
    for (const r of [run(['--json']), run([bare.path, '--json'], makeTempDir('cwd-'))]) {
      assert.equal(r.status, 0, r.stderr);
      const rows = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row), ['sha', 'kind', 'reverted', 'evidence', 'confidence', 'subject', 'author', 'date']);
        assert.match(String(row.sha), /^[0-9a-f]{40}$/);
      }
      assert.deepEqual(rows[1], {
        sha: revert,
        kind: 'revert',
        reverted: [login],
        evidence: 'sha',
        confidence: 0.95,
        subject: 'Revert "Add login"',
        author: 'Bob Example <bob@example.com>',
        date: rows[1].date,
      });
      assert.equal(rows[0].sha, squash);
    }
  });

  it('honours --max-count and --since', () => {
    const one = run(['--json', '--max-count', '1']);
    assert.equal(one.stdout.trimEnd().split('\n').length, 1);
    assert.equal((JSON.parse(one.stdout) as { sha: string }).sha, squash);
    const later = run(['--since=2999-01-01']);
    assert.equal(later.status, 0);
    assert.match(later.stdout, /^No revert commits found in /);
  });

  it('prints only confident detections unless --min-confidence asks for more', () => {
    const comp = TempRepo.create();
    try {
      comp.commit('feat: add revert command', { 'revert.ts': '1' });
      // `revert` names a component here: no target, so it is not a conventional revert.
      const component = comp.commit('revert: fix leak in abort path', { 'revert.ts': '2' });
      const squashBody = comp.commit(`feat: add search\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.`, { 'search.ts': '1' });
      const rows = (args: string[]): { sha: string; confidence: number }[] =>
        spawnSync(process.execPath, [cli, 'scan', comp.path, '--json', ...args], { encoding: 'utf8', env: comp.env() })
          .stdout.split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as { sha: string; confidence: number });
      assert.deepEqual(rows([]), []);
      const all = rows(['--min-confidence', '0']);
      assert.deepEqual(all.map((r) => r.sha).sort(), [component, squashBody].sort());
      assert.ok(all.every((r) => r.confidence > 0 && r.confidence < 0.5));
    } finally {
      comp.dispose();
    }
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['--bogus'], ['--max-count', 'abc'], ['--max-count', '0'], ['--max-count'], ['--since', 'whenever'], ['a', 'b'], ['-x'], ['--min-confidence', '2'], ['--min-confidence', 'high']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^own-it scan: .+\nUsage: own-it scan/);
    }
  });

  it('exits 3 outside a repository and says so', () => {
    const plain = makeTempDir('plain-');
    try {
      const r = run([], plain);
      assert.equal(r.status, 3);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `own-it: ${plain} is not a git repository. Run this inside a repository or pass its path.\n`);
      assert.equal(run([path.join(plain, 'missing')]).status, 3);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it('never echoes terminal control characters from commit subjects', () => {
    const hostile = TempRepo.create();
    try {
      hostile.commit('Add x', { x: '1' });
      hostile.git('revert', '--no-edit', 'HEAD');
      hostile.git('commit', '--amend', '-q', '-m', `Revert "Add x" \u001b[2J\u0007done\n\nThis reverts commit ${hostile.git('rev-parse', 'HEAD~1')}.`);
      const r = run([hostile.path]);
      assert.equal(r.status, 0);
      assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f]/);
      assert.match(r.stdout, /Revert "Add x"  \[2J done/);
    } finally {
      hostile.dispose();
    }
  });
});
