#!/usr/bin/env node
// `npm run eval:scaffold`: scaffolds a regression test for real culprits (commits that were later
// reverted, found by `own-it scan --json`) in local clones of public repositories, runs each
// repository's own runner on just the generated test where the toolchain works offline, checks the
// formatter, reruns the scaffold, and writes the table to docs/scaffold-eval.md.
//
//   node scripts/evalScaffold.mjs [--repos /work/repos] [--per-repo 4] [--out docs/scaffold-eval.md]
//
// Clones are read-only: each is copied with `git clone --shared` into a scratch folder first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REPOS_DIR = arg('repos', '/work/repos');
const PER_REPO = Number(arg('per-repo', '4'));
const OUT = path.resolve(ROOT, arg('out', 'docs/scaffold-eval.md'));
// --scratch reuses clones (and whatever dependencies were installed into them) across runs.
const SCRATCH = arg('scratch', '') || fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-scaffold-eval-'));

/** Repositories (owner+name as cloned) and the language whose source files make a culprit eligible. */
const REPOS = [
  { repo: 'gin-gonic+gin', eco: 'go', ext: /\.go$/ },
  { repo: 'sirupsen+logrus', eco: 'go', ext: /\.go$/ },
  { repo: 'urfave+cli', eco: 'go', ext: /\.go$/ },
  { repo: 'psf+requests', eco: 'python', ext: /\.py$/ },
  { repo: 'pallets+flask', eco: 'python', ext: /\.py$/ },
  { repo: 'python-attrs+attrs', eco: 'python', ext: /\.py$/ },
  { repo: 'pypa+pip', eco: 'python', ext: /\.py$/ },
  { repo: 'serde-rs+json', eco: 'rust', ext: /\.rs$/ },
  { repo: 'clap-rs+clap', eco: 'rust', ext: /\.rs$/ },
  { repo: 'sinatra+sinatra', eco: 'ruby', ext: /\.rb$/ },
  { repo: 'lostisland+faraday', eco: 'ruby', ext: /\.rb$/ },
  { repo: 'apache+commons-lang', eco: 'java', ext: /\.java$/ },
  { repo: 'axios+axios', eco: 'js', ext: /\.[cm]?[jt]s$/ },
  { repo: 'koajs+koa', eco: 'js', ext: /\.[cm]?[jt]s$/ },
  { repo: 'tj+commander.js', eco: 'js', ext: /\.[cm]?[jt]s$/ },
];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 240_000, maxBuffer: 64 * 1024 * 1024, ...opts });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '', error: r.error };
}
const git = (cwd, ...args) => run('git', args, { cwd }).stdout.trim();
const have = (cmd) => run('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isTest = (p) => /(^|\/)(__tests__|spec|tests?)\/|\.(test|spec)\.|(^|\/)test_[^/]*\.py$|_test\.(py|go|rb)$|_spec\.rb$|Tests?\.java$/.test(p);

function culpritsOf(clone, ext) {
  const scan = run(process.execPath, [CLI, 'scan', clone, '--json']);
  const seen = new Set();
  const out = [];
  for (const line of scan.stdout.split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    if (d.kind !== 'revert' || d.reverted.length !== 1 || seen.has(d.reverted[0])) continue;
    const files = git(clone, 'show', '--format=', '--name-only', d.reverted[0]).split('\n').filter(Boolean);
    if (!files.some((f) => ext.test(f) && !isTest(f) && !/\.d\.ts$/.test(f))) continue;
    seen.add(d.reverted[0]);
    out.push({ culprit: d.reverted[0], revert: d.sha });
    if (out.length >= PER_REPO) break;
  }
  return out;
}

/** Runs the repository's own runner on just the generated test. */
function runner(eco, work, test, framework) {
  const dir = path.posix.dirname(test);
  if (eco === 'go') {
    if (!have('go')) return { ran: 'no go toolchain' };
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOCACHE: path.join(SCRATCH, 'gocache'), GOMODCACHE: path.join(SCRATCH, 'gomod') };
    const r = run('go', ['test', '-count=1', '-run', '^TestRegression', `./${dir}`], { cwd: work, env });
    if (/invalid go version|errors parsing go\.mod/.test(r.out)) return { ran: `go test (the installed ${run('go', ['version']).stdout.split(' ')[2]} is older than go.mod asks)` };
    if (/cannot find module|dial tcp|go: downloading|lookup .* no such host|requires go >=/.test(r.out) && !/--- FAIL/.test(r.out)) return { ran: 'go test (dependencies not available offline)', detail: r.out.split('\n')[0] };
    return { ran: 'go test', collected: /--- FAIL: TestRegression/.test(r.out), red: r.status !== 0 && /OWN-IT-PLACEHOLDER/.test(r.out), detail: r.out.split('\n').find((l) => /error|undefined|redeclared/.test(l)) };
  }
  if (eco === 'python') {
    const env = { ...process.env, PYTHONPATH: [work, path.join(work, 'src')].join(':'), PYTHONDONTWRITEBYTECODE: '1' };
    const r = run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-o', 'addopts=', test], { cwd: work, env });
    return { ran: 'pytest', collected: /\b1 failed\b/.test(r.out), red: /\b1 failed\b/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out) && !/error/i.test(r.out.split('\n').slice(-2).join('')), detail: r.out.split('\n').find((l) => /Error|error/.test(l)) };
  }
  if (eco === 'ruby') {
    const text = fs.readFileSync(path.join(work, test), 'utf8');
    if (/RSpec\./.test(text) && have('rspec')) {
      const specRoot = /^(.*?\bspec)\//.exec(test)?.[1] ?? 'spec';
      const r = run('rspec', ['-Ilib', `-I${path.posix.join(path.posix.dirname(specRoot), 'lib')}`, `-I${specRoot}`, test], { cwd: work });
      if (/cannot load such file/.test(r.out) && !/1 example/.test(r.out)) return { ran: 'rspec (gem dependencies not installed)', detail: /cannot load such file -- \S+/.exec(r.out)?.[0] };
      return { ran: 'rspec', collected: /1 example/.test(r.out), red: /1 example, 1 failure/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out), detail: r.out.split('\n').find((l) => /Error/.test(l)) };
    }
    if (/RSpec\./.test(text)) {
      const c = run('ruby', ['-c', test], { cwd: work });
      return { ran: 'ruby -c (rspec not installed)', collected: undefined, red: undefined, syntax: c.status === 0 };
    }
    const testRoot = /^(.*?\btest)\//.exec(test)?.[1] ?? 'test';
    const r = run('ruby', ['-Ilib', `-I${testRoot}`, test], { cwd: work });
    if (/cannot load such file/.test(r.out) && !/1 runs/.test(r.out)) return { ran: 'ruby (gem dependencies not installed)', detail: /cannot load such file -- \S+/.exec(r.out)?.[0] };
    return { ran: 'ruby (minitest)', collected: /1 runs/.test(r.out), red: /1 failures/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out), detail: r.out.split('\n').find((l) => /Error/.test(l)) };
  }
  if (eco === 'rust') {
    const c = run('rustfmt', ['--check', '--edition', '2021', test], { cwd: work });
    return { ran: 'not run (cargo build of the crate exceeds the time box; parsed by rustfmt)', syntax: c.status === 0 || c.status === 1 };
  }
  if (eco === 'js') {
    const bin = (name) => path.join(work, 'node_modules', '.bin', name);
    const verdict = (ran, r) => ({ ran, collected: /OWN-IT-PLACEHOLDER/.test(r.out) && r.status !== 0, red: r.status !== 0 && /OWN-IT-PLACEHOLDER/.test(r.out) && !/Cannot find module|SyntaxError|ERR_MODULE_NOT_FOUND/.test(r.out), detail: r.out.split('\n').find((l) => /Cannot find|SyntaxError|Error:/.test(l) && !/OWN-IT/.test(l)) });
    if (framework === 'node:test' && /\.m?js$|\.cjs$/.test(test)) return verdict('node --test', run(process.execPath, ['--test', test], { cwd: work }));
    if (framework === 'jest' && fs.existsSync(bin('jest'))) return verdict('jest', run(bin('jest'), ['--ci', test], { cwd: work }));
    if (framework === 'mocha' && fs.existsSync(bin('mocha'))) return verdict('mocha', run(bin('mocha'), [test], { cwd: work }));
    if (/\.m?js$|\.cjs$/.test(test)) {
      const c = run(process.execPath, ['--check', test], { cwd: work });
      return { ran: 'not run (no node_modules offline; node --check)', syntax: c.status === 0 };
    }
    return { ran: 'not run (no node_modules offline)' };
  }
  return { ran: 'not run (no offline Maven dependencies)' };
}

/** Rows of `repo` from the table already in OUT (for --only). */
function previousRows(repo) {
  if (!fs.existsSync(OUT)) return [];
  const cells = (line) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
  return fs
    .readFileSync(OUT, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`| ${repo.replace('+', '/')} |`))
    .map((l) => {
      const [, culprit, revert, outcome, symbol, test, placement, ran, collected, red, style, rerun, note] = cells(l);
      const bool = (v) => (v === 'yes' ? true : v === '**no**' ? false : undefined);
      const testPath = test.replace(/`/g, '');
      return { repo, culprit, revert, outcome, symbol: symbol.replace(/ \(moved\)$/, ''), test: testPath || undefined, placement: placement || undefined, ran, collected: bool(collected), red: bool(red), style, rerun, moved: / \(moved\)$/.test(symbol), note, detail: note };
    });
}

function formatter(eco, work, test) {
  if (eco === 'go') return run('gofmt', ['-l', test], { cwd: work }).stdout.trim() === '' ? 'gofmt clean' : 'gofmt DIFF';
  if (eco === 'rust') return run('rustfmt', ['--check', '--edition', '2021', test], { cwd: work }).status === 0 ? 'rustfmt clean' : 'rustfmt DIFF';
  if (eco === 'python') {
    const cfg = ['pyproject.toml', 'setup.cfg', 'tox.ini', '.flake8', '.pre-commit-config.yaml'].map((f) => (fs.existsSync(path.join(work, f)) ? fs.readFileSync(path.join(work, f), 'utf8') : '')).join('\n');
    if (/ruff-format|tool\.ruff\.format/.test(cfg) && have('ruff')) return run('ruff', ['format', '--check', test], { cwd: work }).status === 0 ? 'ruff clean' : 'ruff DIFF';
    if (/\bblack\b/.test(cfg) && have('black')) return run('black', ['--check', '-q', test], { cwd: work }).status === 0 ? 'black clean' : 'black DIFF';
    if (/ruff-format|tool\.ruff\.format/.test(cfg) && have('black')) return run('black', ['--check', '-q', test], { cwd: work }).status === 0 ? 'black clean (standing in for ruff format)' : 'black DIFF (standing in for ruff format)';
    return /ruff|black/.test(cfg) ? 'formatter configured, not installed' : 'none configured';
  }
  if (eco === 'js') {
    const prettier = path.join(work, 'node_modules', '.bin', 'prettier');
    const configured = ['.prettierrc', '.prettierrc.json', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.yaml', 'prettier.config.js', 'prettier.config.mjs'].some((f) => fs.existsSync(path.join(work, f)));
    if (configured && fs.existsSync(prettier)) return run(prettier, ['--check', test], { cwd: work }).status === 0 ? 'prettier clean' : 'prettier DIFF';
    return configured ? 'prettier configured, not installed' : 'none configured';
  }
  if (eco === 'ruby') return 'none checked (rubocop not installed)';
  return 'not checked';
}

// --only owner+name,… re-evaluates some repositories and keeps the other rows of the previous table.
const ONLY = arg('only', '') ? new Set(arg('only', '').split(',')) : undefined;
const rows = [];
for (const { repo, eco, ext } of REPOS) {
  if (ONLY && !ONLY.has(repo)) {
    rows.push(...previousRows(repo));
    continue;
  }
  const source = path.join(REPOS_DIR, repo);
  if (!fs.existsSync(source)) {
    rows.push({ repo, note: 'clone missing' });
    continue;
  }
  const work = path.join(SCRATCH, repo);
  if (!fs.existsSync(work)) run('git', ['clone', '-q', '--shared', source, work]);
  for (const { culprit, revert } of culpritsOf(work, ext)) {
    git(work, 'reset', '-q', '--hard', 'HEAD');
    git(work, 'clean', '-fdq', '-e', 'node_modules');
    const before = git(work, 'status', '--porcelain');
    const first = run(process.execPath, [CLI, 'scaffold', 'test', culprit, '--repo', work]);
    const row = { repo, eco, culprit: culprit.slice(0, 10), revert: revert.slice(0, 10) };
    const created = /^Created (\S+) — \S+ \(.*\) for (\S+?)(;|$)/m.exec(first.stdout);
    if (!created) {
      row.outcome = first.status === 0 ? 'unexpected output' : 'declined';
      row.note = first.out.replace(/^own-it scaffold: /, '').split('\n')[0].slice(0, 160);
      rows.push(row);
      continue;
    }
    row.outcome = 'scaffolded';
    row.test = created[1];
    row.framework = /— (\S+) \(/.exec(first.stdout)?.[1];
    row.symbol = created[2];
    row.moved = /has moved since the culprit/.test(first.stdout);
    const dir = path.posix.dirname(row.test);
    const siblings = fs.readdirSync(path.join(work, dir)).filter((f) => f !== path.posix.basename(row.test));
    row.placement = siblings.some((f) => isTest(`${dir}/${f}`) || isTest(f)) ? 'beside existing tests' : 'new folder or no tests beside';
    const second = run(process.execPath, [CLI, 'scaffold', 'test', culprit, '--repo', work]);
    const afterSecond = git(work, 'status', '--porcelain');
    row.rerun = /already holds/.test(second.stdout) && afterSecond.split('\n').length === before.split('\n').filter(Boolean).length + 1 ? 'no duplicate' : 'DUPLICATE';
    Object.assign(row, runner(eco, work, row.test, row.framework));
    row.style = formatter(eco, work, row.test);
    rows.push(row);
    console.error(`${repo} ${row.culprit}: ${row.test} ${row.ran} collected=${row.collected} red=${row.red} ${row.style} ${row.rerun}`);
  }
}

const yes = (v) => (v === true ? 'yes' : v === false ? '**no**' : '–');
const scaffolded = rows.filter((r) => r.outcome === 'scaffolded');
const ranRunner = scaffolded.filter((r) => r.collected !== undefined);
const redOk = ranRunner.filter((r) => r.collected && r.red);
const styled = scaffolded.filter((r) => /clean|DIFF/.test(r.style ?? ''));
const styleOk = styled.filter((r) => /clean/.test(r.style));
const lines = [
  '# Scaffold evaluation on real repositories',
  '',
  `Generated by \`npm run eval:scaffold\` (scripts/evalScaffold.mjs) on ${new Date().toISOString().slice(0, 10)} from local clones in ${REPOS_DIR}.`,
  `Culprits: the first ${PER_REPO} commits per repository that a later commit reverted (\`own-it scan --json\`, kind revert, one target) and that changed a source file of the repository's language.`,
  'Each is scaffolded in a throwaway `git clone --shared`, then scaffolded again (the rerun must write nothing).',
  '',
  '## Summary',
  '',
  `- Culprits: ${rows.filter((r) => r.outcome).length} across ${new Set(rows.filter((r) => r.outcome).map((r) => r.repo)).size} repositories; scaffolded ${scaffolded.length}, declined ${rows.filter((r) => r.outcome === 'declined').length} (with the reason shown).`,
  `- Runner run on the generated test: ${ranRunner.length}; collected and red only for the placeholder: ${redOk.length} of ${ranRunner.length}.`,
  `- Formatter check where one ran: ${styleOk.length} of ${styled.length} clean.`,
  `- Reruns without a duplicate: ${scaffolded.filter((r) => r.rerun === 'no duplicate').length} of ${scaffolded.length}.`,
  `- Tests placed beside the repository's existing tests: ${scaffolded.filter((r) => r.placement === 'beside existing tests').length} of ${scaffolded.length}; targets that had moved since the culprit: ${scaffolded.filter((r) => r.moved).length}.`,
  '',
  '## Per culprit',
  '',
  '| Repository | Culprit | Revert | Outcome | Symbol | Test | Placement | Runner | Collected | Red for placeholder | Style | Rerun | Note |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) =>
    `| ${r.repo.replace('+', '/')} | ${r.culprit ?? ''} | ${r.revert ?? ''} | ${r.outcome ?? r.note} | ${r.symbol ?? ''}${r.moved ? ' (moved)' : ''} | ${r.test ? `\`${r.test}\`` : ''} | ${r.placement ?? ''} | ${r.ran ?? ''} | ${r.outcome === 'scaffolded' ? yes(r.collected) : ''} | ${r.outcome === 'scaffolded' ? yes(r.red) : ''} | ${r.style ?? ''} | ${r.rerun ?? ''} | ${(r.outcome === 'declined' ? r.note : (r.detail ?? '')).replace(/\|/g, '\\|').slice(0, 140)} |`,
  ),
  '',
];
// Hand-written reading of the numbers (below a `<!-- notes -->` line) survives regeneration.
const previous = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '';
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${lines.join('\n')}${notes ? `\n${notes}` : ''}`);
console.error(`wrote ${path.relative(ROOT, OUT)}; scratch clones in ${SCRATCH}`);
