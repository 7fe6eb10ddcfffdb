#!/usr/bin/env node
// Issue 19 rows on real-sized histories, in the real workbench: `node bench/hostRepos.mjs
// [--runs N] [--only name] [--insights-only | --scaffold-only] [--read-ms N]`. `--read-ms`: the
// Scaffold button is clicked that long after the panel's culprit card shows (a person reading it), not at once. Each repository is cloned into a fresh run folder, a
// shipped-then-reverted change of a file that exists today is planted on top of its own history
// with an incident naming it (so every repository has the same kind of culprit), and then:
//   panel     click on the incident row → culprit card with its file and the revert
//   scaffold  the panel's Scaffold button → the new test file shown at its placeholder
//   insights  Show Insights → charts (fresh host), again (kept facts), and All history
// Repositories: the generator's 100,000-commit history (bench/generate.mjs) and two public
// clones under /work/repos (fetched with the search tool's fetch; see BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../scripts/testHost/codeServer.mjs';
import { repoRoot } from '../scripts/testHost/hostPaths.mjs';
import { createRunFolder, freePort } from '../scripts/testHost/runFolder.mjs';
import { setupHost } from '../scripts/testHost/setup.mjs';
import { launchBrowser, workbenchUrl } from '../scripts/testHost/workbench.mjs';
import { ensureRepo, repoDir } from './generate.mjs';
import { measureInsights } from './hostInsights.mjs';
import { openWorkbench } from './hostPage.mjs';
import { measureScaffold, plantIncident } from './hostScaffold.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 5);
const ONLY = option('--only');
const log = (m) => console.error(`[bench:repos] ${m}`);

function git(dir, ...args) {
  return execFileSync('git', ['-c', 'user.name=Bench Person', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const REPOSITORIES = [
  {
    name: 'synthetic-100k',
    // Generated here, or cloned from another checkout's copy (OWN_IT_BENCH_REPOS names its bench/.repos).
    source: async () => {
      const shared = process.env.OWN_IT_BENCH_REPOS && path.join(process.env.OWN_IT_BENCH_REPOS, path.basename(repoDir(benchDir, 100_000)));
      return shared && fs.existsSync(shared) ? shared : (await ensureRepo(benchDir, 100_000, { log })).dir;
    },
    // The generated tree holds only text files: a small module with a jest test folder gives the scaffold its code.
    prepare: (dir) => {
      fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', 'price.js'), 'export function price(cents) {\n  return cents / 100;\n}\n');
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench', devDependencies: { jest: '^29.0.0' } }, null, 2) + '\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'Add price module');
      return { file: 'src/price.js', line: '// bench: changed by the culprit\n' };
    },
  },
  { name: 'psf/requests', source: async () => '/work/repos/psf+requests', prepare: () => ({ file: 'src/requests/models.py', line: '# bench: changed by the culprit\n' }) },
  { name: 'jestjs/jest', source: async () => '/work/repos/jestjs+jest', prepare: () => ({ file: 'packages/jest-util/src/formatTime.ts', line: '// bench: changed by the culprit\n' }) },
];

async function measureRepository(spec) {
  // A short label: chromium's singleton socket path under the run folder must stay under ~100 characters.
  const dirs = createRunFolder('rp');
  const source = await spec.source();
  log(`${spec.name}: cloning ${source}…`);
  fs.rmSync(dirs.workspace, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', source, dirs.workspace], { stdio: 'ignore' });
  const target = spec.prepare(dirs.workspace);
  const planted = plantIncident(dirs.workspace, { ...target, title: 'Bench repository incident' });
  const commits = Number(git(dirs.workspace, 'rev-list', '--count', 'HEAD'));
  const port = await freePort();
  const timingFile = path.join(dirs.root, 'timing.jsonl');
  const server = await startCodeServer({ port, dirs, env: { OWN_IT_BENCH_TIMING: timingFile } });
  const context = await launchBrowser(dirs);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const url = workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: repoRoot });
    await openWorkbench(page, url);
    const loadStart = os.loadavg().map((l) => Number(l.toFixed(1)));
    const scaffold = argv.includes('--insights-only') ? {} : await measureScaffold(page, dirs.workspace, planted, { runs: RUNS, log, timingFile, readMs: Number(option('--read-ms') ?? 0) });
    log(`${spec.name}: ${JSON.stringify(scaffold)}`);
    const insights = argv.includes('--scaffold-only') ? {} : await measureInsights(page, url, { runs: RUNS, log, timingFile }).catch((e) => ({ error: String(e?.message ?? e).split('\n')[0] }));
    return { name: spec.name, commits, culpritFile: planted.culpritFile, loadAverageAtStart: loadStart, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(1))), ...scaffold, insights };
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

async function main() {
  setupHost();
  const results = [];
  for (const spec of REPOSITORIES) {
    if (ONLY && spec.name !== ONLY) continue;
    // One repository failing (a timeout at high load) still leaves the others' numbers.
    results.push(await measureRepository(spec).catch((e) => ({ name: spec.name, error: String(e?.message ?? e).split('\n')[0] })));
    log(JSON.stringify(results[results.length - 1]));
  }
  console.log(JSON.stringify({ generatedAt: new Date().toISOString(), runs: RUNS, repositories: results }, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
