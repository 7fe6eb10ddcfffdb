#!/usr/bin/env node
// `npm run eval:scaffold`: scaffolds a regression test for real culprits (commits that were later
// reverted, found by `own-it scan --json`) in local clones of public repositories, runs each
// repository's own runner on just the generated test where the toolchain works offline, checks the
// formatter, reruns the scaffold, and writes the table to docs/scaffold-eval.md.
//
//   node scripts/evalScaffold.mjs [--repos /work/repos] [--per-repo 4] [--out docs/scaffold-eval.md] [--only c|owner+name,…]
//
// C and C++ repositories build with their own build system (CMake, autotools) and run their own suite
// before and after; their culprits are listed below (reverts and real bug fixes), not taken from scan.
//
// Clones are read-only: each is copied with `git clone --shared` into a scratch folder first.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRunners, run } from './evalScaffoldRunners.mjs';

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
// --python: an interpreter with pytest and the repositories' test dependencies (a venv; its bin folder
// also gives the scaffold ruff/black); --pythonpath: extra import folders (':'-separated).
const PYTHON = arg('python', 'python3');
const { runner, formatter } = makeRunners({ python: PYTHON, pythonPath: arg('pythonpath', '').split(':').filter(Boolean), scratch: SCRATCH });
const CLI_ENV = { ...process.env, PATH: `${path.dirname(PYTHON)}:${process.env.PATH}` };

/** Repositories (owner+name as cloned) and the language whose source files make a culprit eligible. */
const REPOS = [
  { repo: 'gin-gonic+gin', eco: 'go', ext: /\.go$/ },
  { repo: 'sirupsen+logrus', eco: 'go', ext: /\.go$/ },
  { repo: 'urfave+cli', eco: 'go', ext: /\.go$/ },
  { repo: 'gomarkdown+markdown', eco: 'go', ext: /\.go$/ },
  { repo: 'russross+blackfriday', eco: 'go', ext: /\.go$/ },
  { repo: 'pkg+errors', eco: 'go', ext: /\.go$/ },
  { repo: 'shopspring+decimal', eco: 'go', ext: /\.go$/ },
  { repo: 'hashicorp+golang-lru', eco: 'go', ext: /\.go$/ },
  { repo: 'psf+requests', eco: 'python', ext: /\.py$/ },
  { repo: 'pallets+flask', eco: 'python', ext: /\.py$/ },
  { repo: 'python-attrs+attrs', eco: 'python', ext: /\.py$/ },
  { repo: 'pypa+pip', eco: 'python', ext: /\.py$/ },
  { repo: 'serde-rs+json', eco: 'rust', ext: /\.rs$/ },
  { repo: 'clap-rs+clap', eco: 'rust', ext: /\.rs$/ },
  { repo: 'dtolnay+semver', eco: 'rust', ext: /\.rs$/ },
  { repo: 'rust-lang+libc', eco: 'rust', ext: /\.rs$/ },
  { repo: 'rust-lang+cfg-if', eco: 'rust', ext: /\.rs$/ },
  { repo: 'sinatra+sinatra', eco: 'ruby', ext: /\.rb$/ },
  { repo: 'lostisland+faraday', eco: 'ruby', ext: /\.rb$/ },
  { repo: 'apache+commons-lang', eco: 'java', ext: /\.java$/ },
  { repo: 'axios+axios', eco: 'js', ext: /\.[cm]?[jt]s$/ },
  { repo: 'koajs+koa', eco: 'js', ext: /\.[cm]?[jt]s$/ },
  { repo: 'tj+commander.js', eco: 'js', ext: /\.[cm]?[jt]s$/ },
  // [culprit, revert]; no revert: a real bug fix ("Fix …") in a repository with no reverted C change.
  { repo: 'DaveGamble+cJSON', eco: 'c', culprits: [['e8077d0', '9034a9c']] },
  { repo: 'dun+munge', eco: 'c', culprits: [['bf40cc2']] },
  { repo: 'inotify-tools+inotify-tools', eco: 'c', culprits: [['b7889c8', 'cbab7c0']] },
  { repo: 'google+leveldb', eco: 'c', culprits: [['578eeb7']] },
  { repo: 'jarro2783+cxxopts', eco: 'c', culprits: [['0f819a5', 'cc4914f']] },
];

const git = (cwd, ...args) => run('git', args, { cwd }).stdout.trim();
const isTest = (p) => /(^|\/)(__tests__|spec|tests?)\/|\.(test|spec)\.|(^|\/)test_[^/]*\.py$|_test\.(py|go|rb)$|_spec\.rb$|Tests?\.java$|(^|\/)t\/[^/]+\.(t|sh)$|_(unit)?test\.(c|cc|cpp|cxx)$/.test(p);

// The table measures the placeholder file (its runner, style and rerun checks read that one file);
// restored tests and cases added to an existing test file are checked by hand (docs/scaffold-eval.md).
const PLACEHOLDER_FILE = ['--placeholder', '--new-file'];

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

/** Rows of `repo` from the table already in OUT (for --only). */
function previousRows(repo) {
  if (!fs.existsSync(OUT)) return [];
  const cells = (line) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
  // Only the results table: other sections of the doc have rows that start with a repository too.
  const text = fs.readFileSync(OUT, 'utf8').split('\n');
  const header = text.findIndex((l) => l.startsWith('| Repository | Culprit | Revert | Outcome |'));
  if (header < 0) return [];
  const end = text.findIndex((l, i) => i > header && !l.startsWith('|'));
  return text
    .slice(header + 2, end < 0 ? undefined : end)
    .filter((l) => l.startsWith(`| ${repo.replace('+', '/')} |`))
    .map((l) => {
      const [, culprit, revert, outcome, symbol, test, placement, ran, collected, red, others, style, rerun, note] = cells(l);
      const bool = (v) => (v === 'yes' ? true : v === '**no**' ? false : undefined);
      const testPath = test.replace(/`/g, '');
      return { repo, culprit, revert, outcome, symbol: symbol.replace(/ \(moved\)$/, ''), test: testPath || undefined, placement: placement || undefined, ran, runnable: !/^not runnable/.test(ran), collected: bool(collected), red: bool(red), others: bool(others), style, rerun, moved: / \(moved\)$/.test(symbol), note, detail: note };
    });
}

/** Listed culprits (C and C++), as full shas; a bug fix has no revert. */
const listed = (clone, list) => list.map(([culprit, revert]) => ({ culprit: git(clone, 'rev-parse', culprit), revert: revert ? git(clone, 'rev-parse', revert) : undefined }));

// --only re-evaluates some repositories (owner+name) or languages (go, python, rust, ruby, java, js, c)
// and keeps the other rows of the previous table.
const ONLY = arg('only', '') ? new Set(arg('only', '').split(',')) : undefined;
const rows = [];
for (const { repo, eco, ext, culprits } of REPOS) {
  if (ONLY && !ONLY.has(repo) && !ONLY.has(eco)) {
    rows.push(...previousRows(repo));
    continue;
  }
  // A clone named owner+name, or by its name alone.
  const source = [repo, repo.split('+')[1]].map((n) => path.join(REPOS_DIR, n)).find((p) => fs.existsSync(p));
  if (!source) {
    rows.push({ repo, note: 'clone missing' });
    continue;
  }
  const work = path.join(SCRATCH, repo);
  if (!fs.existsSync(work)) run('git', ['clone', '-q', '--shared', source, work]);
  for (const { culprit, revert } of culprits ? listed(work, culprits) : culpritsOf(work, ext)) {
    git(work, 'reset', '-q', '--hard', 'HEAD');
    git(work, 'clean', '-fdq', '-e', 'node_modules');
    const before = git(work, 'status', '--porcelain');
    const first = run(process.execPath, [CLI, 'scaffold', 'test', culprit, '--repo', work, ...PLACEHOLDER_FILE], { env: CLI_ENV });
    const row = { repo, eco, culprit: culprit.slice(0, 10), revert: revert ? revert.slice(0, 10) : '– (bug fix)' };
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
    const second = run(process.execPath, [CLI, 'scaffold', 'test', culprit, '--repo', work, ...PLACEHOLDER_FILE], { env: CLI_ENV });
    const afterSecond = git(work, 'status', '--porcelain');
    row.rerun = /already holds/.test(second.stdout) && afterSecond.split('\n').length === before.split('\n').filter(Boolean).length + 1 ? 'no duplicate' : 'DUPLICATE';
    Object.assign(row, runner(eco, work, row.test, row.framework, first.stdout));
    row.style = formatter(eco, work, row.test);
    rows.push(row);
    if (row.othersCheck) row.detail = [row.detail, row.othersCheck].filter(Boolean).join('; ');
    if (row.registration) row.detail = [row.detail, `registration applied as printed: ${row.registration}`].filter(Boolean).join('; ');
    console.error(`${repo} ${row.culprit}: ${row.test} ${row.ran} collected=${row.collected} red=${row.red} others=${row.others} ${row.style} ${row.rerun}`);
  }
}

const yes = (v) => (v === true ? 'yes' : v === false ? '**no**' : '–');
const LANG = { go: 'Go', python: 'Python', rust: 'Rust', ruby: 'Ruby', java: 'Java', js: 'JavaScript', c: 'C/C++' };
const ecoOf = (r) => r.eco ?? REPOS.find((x) => x.repo === r.repo)?.eco;
/** The numbers the issue asks for, over `list` (rows of one language or all). */
function tally(list) {
  const scaffolded = list.filter((r) => r.outcome === 'scaffolded');
  const runnable = scaffolded.filter((r) => r.runnable !== false && r.collected !== undefined);
  const styled = scaffolded.filter((r) => /clean|DIFF/.test(r.style ?? ''));
  return {
    culprits: list.filter((r) => r.outcome).length,
    scaffolded: scaffolded.length,
    declined: list.filter((r) => r.outcome === 'declined').length,
    runnable: runnable.length,
    red: runnable.filter((r) => r.collected && r.red).length,
    broke: runnable.filter((r) => r.others === false).length,
    othersChecked: runnable.filter((r) => r.others !== undefined).length,
    styled: styled.length,
    styleOk: styled.filter((r) => /clean/.test(r.style)).length,
    dup: scaffolded.filter((r) => r.rerun !== 'no duplicate').length,
  };
}
const all = tally(rows);
/** When the last full run was: the date in the previous first line (carried across --only runs). */
const PREVIOUS_DATE = (() => {
  const first = fs.existsSync(OUT) ? (fs.readFileSync(OUT, 'utf8').split('\n').find((l) => l.startsWith('Generated by')) ?? '') : '';
  return /\((?:the last full run: )?(\d{4}-\d\d-\d\d)\)\.$/.exec(first)?.[1] ?? /\) on (\d{4}-\d\d-\d\d)/.exec(first)?.[1];
})();
const pct = (a, b) => (b ? `${Math.round((1000 * a) / b) / 10}%` : '–');
const scaffolded = rows.filter((r) => r.outcome === 'scaffolded');
const lines = [
  '# Scaffold evaluation on real repositories',
  '',
  ONLY
    ? `Generated by \`npm run eval:scaffold -- --only ${[...ONLY].join(',')}\` (scripts/evalScaffold.mjs) on ${new Date().toISOString().slice(0, 10)} from local clones in ${REPOS_DIR}: those rows are new, the others are kept as earlier runs of the script wrote them${PREVIOUS_DATE ? ` (the last full run: ${PREVIOUS_DATE})` : ''}.`
    : `Generated by \`npm run eval:scaffold\` (scripts/evalScaffold.mjs) on ${new Date().toISOString().slice(0, 10)} from local clones in ${REPOS_DIR}.`,
  `Culprits: the first ${PER_REPO} commits per repository that a later commit reverted (\`own-it scan --json\`, kind revert, one target) and that changed a source file of the repository's language; for C and C++, the culprits listed in the script (reverts, and real bug fixes where the repository has no reverted C change).`,
  'Each is scaffolded in a throwaway `git clone --shared`, then scaffolded again (the rerun must write nothing).',
  '',
  '## Summary',
  '',
  `- Culprits: ${all.culprits} across ${new Set(rows.filter((r) => r.outcome).map((r) => r.repo)).size} repositories; scaffolded ${all.scaffolded}, declined ${all.declined} (with the reason shown).`,
  `- Runnable here (the repository's runner ran on the generated test): ${all.runnable} of ${all.scaffolded}; the other ${all.scaffolded - all.runnable} are *not runnable here*, with the reason, and counted neither way.`,
  `- Collected by the runner and red only for the placeholder: **${all.red} of ${all.runnable}** (${pct(all.red, all.runnable)}).`,
  `- Broke another test: **${all.broke}** of the ${all.othersChecked} checked (the check used is in each row's note).`,
  `- Formatter or style check where one is configured and ran: **${all.styleOk} of ${all.styled}** clean.`,
  `- Reruns that created a duplicate: **${all.dup}** of ${all.scaffolded}.`,
  `- Tests placed beside the repository's existing tests: ${scaffolded.filter((r) => r.placement === 'beside existing tests').length} of ${scaffolded.length}; targets that had moved since the culprit: ${scaffolded.filter((r) => r.moved).length}.`,
  '',
  '## By language',
  '',
  '| Language | Culprits | Scaffolded | Declined | Runnable here | Collected + red for placeholder | Broke another test | Style clean | Rerun duplicates |',
  '|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(LANG).map(([eco, name]) => {
    const t = tally(rows.filter((r) => ecoOf(r) === eco));
    return `| ${name} | ${t.culprits} | ${t.scaffolded} | ${t.declined} | ${t.runnable} | ${t.red} of ${t.runnable} | ${t.broke} of ${t.othersChecked} | ${t.styleOk} of ${t.styled} | ${t.dup} |`;
  }),
  '',
  '## Per culprit',
  '',
  '| Repository | Culprit | Revert | Outcome | Symbol | Test | Placement | Runner | Collected | Red for placeholder | Others intact | Style | Rerun | Note |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const s = r.outcome === 'scaffolded';
    return `| ${r.repo.replace('+', '/')} | ${r.culprit ?? ''} | ${r.revert ?? ''} | ${r.outcome ?? r.note} | ${r.symbol ?? ''}${r.moved ? ' (moved)' : ''} | ${r.test ? `\`${r.test}\`` : ''} | ${r.placement ?? ''} | ${r.ran ?? ''} | ${s ? yes(r.collected) : ''} | ${s ? yes(r.red) : ''} | ${s ? yes(r.others) : ''} | ${r.style ?? ''} | ${r.rerun ?? ''} | ${(r.outcome === 'declined' ? r.note : (r.detail ?? '')).replace(/\|/g, '\\|').slice(0, 180)} |`;
  }),
  '',
];
// Hand-written reading of the numbers (below a `<!-- notes -->` line) survives regeneration.
const previous = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '';
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${lines.join('\n')}${notes ? `\n${notes}` : ''}`);
console.error(`wrote ${path.relative(ROOT, OUT)}; scratch clones in ${SCRATCH}`);
