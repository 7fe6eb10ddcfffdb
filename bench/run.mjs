#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): revert-scan benchmarks on synthetic repositories.
//   --huge      also the 1,000,000-commit repository (generation takes minutes, the first time)
//   --runs N    repetitions per measurement (default 5; the table shows median, min, max)
//   --sizes a,b override the sizes (commits)
//   --host      also the VS Code host numbers (bench/host.mjs: activation, prompt, panel, 10k view);
//               builds dist/ for production first, since the host loads the extension from there
//   --host-only only the host numbers; the scan numbers already in results.json are kept
//   --rows a,b  with --host/--host-only: only these host rows (activation, prompt, panel, issue19, view, untracked)
//   --deep      also the deep scan's incremental rescan after one new commit (bench/deepIncremental.mjs)
//   --cli       also the CLI rows (bench/cliRows.mjs: scan --deploys with 50,000 tags, scaffold
//               test on a commit of 200,000 files); --cli-only runs just those, keeping the rest
// Every scan is timed in the same run as its baseline: the candidate `git log` the scanner
// itself runs (same arguments, same config), its output consumed and dropped in Node.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRepo, GENERATOR_VERSION } from './generate.mjs';
import { runCliRows } from './cliRows.mjs';
import { deepIncremental } from './deepIncremental.mjs';
import { runHostBench } from './host.mjs';

const require = createRequire(import.meta.url);
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const out = (p) => require(path.join(root, 'out', 'src', 'core', 'revert', p));
const { scanReverts } = out('revertScanner.js');
const { candidateLogArgs } = out('historyReader.js');
const { scanRevertsCached } = out('scanCache.js');
const { scanRevertsDeepCached } = out('deepScanCache.js');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '5'));
const SIZES = option('--sizes', undefined)?.split(',').map(Number) ?? [10_000, 100_000, ...(flag('--huge') ? [1_000_000] : [])];
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=true'];

const now = () => Number(process.hrtime.bigint()) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
};

/** The floor: git's own candidate query, output read and dropped. */
function bareGitLog(dir, query = {}) {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn('git', [...SAFE_CONFIG, ...candidateLogArgs(query)], { cwd: dir });
    let bytes = 0;
    child.stdout.on('data', (b) => (bytes += b.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: now() - started, bytes }) : reject(new Error(`git log exited ${code}`))));
  });
}

async function timed(fn) {
  const started = now();
  const value = await fn();
  return { ms: now() - started, value };
}

/** Full scan vs bare git, interleaved run by run so both see the same machine load. */
async function scanVsGit(dir) {
  const git = [];
  const scan = [];
  const ratio = [];
  let detections;
  for (let i = 0; i < RUNS; i++) {
    const g = await bareGitLog(dir);
    const s = await timed(() => scanReverts(dir));
    git.push(g.ms);
    scan.push(s.ms);
    ratio.push(s.ms / g.ms);
    detections = s.value;
  }
  return { git: stats(git), scan: stats(scan), ratio: stats(ratio), detections };
}

function checkManifest(detections, manifest) {
  const bySha = new Map(detections.map((d) => [d.sha, d]));
  const wrong = [];
  for (const r of manifest.reverts) {
    const d = bySha.get(r.sha);
    if (!d) wrong.push(`missing ${r.format} ${r.sha}`);
    else if (d.kind !== r.kind || d.evidence !== r.evidence || d.reverted.join() !== r.reverted.join()) {
      wrong.push(`${r.format} ${r.sha}: got ${d.kind}/${d.evidence}/${d.reverted.join()} want ${r.kind}/${r.evidence}/${r.reverted.join()}`);
    }
  }
  const planted = new Set(manifest.reverts.map((r) => r.sha));
  for (const d of detections) if (!planted.has(d.sha)) wrong.push(`unexpected ${d.sha} ${d.subject}`);
  return { planted: manifest.reverts.length, detected: detections.length, linksMatch: wrong.length === 0, problems: wrong.slice(0, 10) };
}

/** Peak RSS of the scanning Node process (child) and of the git log it runs. */
function memory(dir) {
  const probe = spawnSync(process.execPath, [path.join(benchDir, 'memProbe.mjs'), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (probe.status !== 0) throw new Error(`memory probe failed: ${probe.stderr}`);
  const node = JSON.parse(probe.stdout);
  const liveProbe = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, 'memProbe.mjs'), dir, '--live'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (liveProbe.status !== 0) throw new Error(`live heap probe failed: ${liveProbe.stderr}`);
  const live = JSON.parse(liveProbe.stdout);
  let gitPeakKb;
  if (fs.existsSync('/usr/bin/time')) {
    const t = spawnSync('/usr/bin/time', ['-f', '%M', 'git', ...SAFE_CONFIG, ...candidateLogArgs()], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    gitPeakKb = Number(t.stderr.trim().split('\n').pop());
  }
  return { nodePeakKb: node.peakKb, nodeBaselineKb: node.baselineKb, scanGrowthKb: node.peakKb - node.baselineKb, livePeakGrowthKb: live.livePeakGrowthKb, resultHeapKb: live.resultHeapKb, gitLogPeakKb: gitPeakKb };
}

/**
 * Incremental rescan after one new commit (a revert of a recent commit, so link resolution
 * runs): the cache is primed at HEAD, a commit is added with commit-tree, the cached scan is
 * timed, then the branch is put back and the primed cache file restored for the next run.
 */
async function incremental(dir, manifest) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-cache-'));
  try {
    const primed = await scanRevertsCached(dir, { cacheDir });
    const cacheFolder = path.join(cacheDir, 'revert-scan');
    // The primed cache (a snapshot; a delta once incremental scans ran), restored after every run.
    const saved = new Map(fs.readdirSync(cacheFolder).map((f) => [f, fs.readFileSync(path.join(cacheFolder, f))]));
    const restore = () => {
      for (const f of fs.readdirSync(cacheFolder)) if (!saved.has(f)) fs.rmSync(path.join(cacheFolder, f));
      for (const [f, bytes] of saved) fs.writeFileSync(path.join(cacheFolder, f), bytes);
    };
    // Rewritten files have a new mtime: every timed run, the first included, loads the cache from disk.
    restore();
    const head = primed.head;
    const original = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD~3'], { encoding: 'utf8' }).trim();
    const subject = execFileSync('git', ['-C', dir, 'log', '-1', '--format=%s', original], { encoding: 'utf8' }).trim();
    const times = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      const when = `${Math.floor(Date.now() / 1000) + i} +0000`;
      const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
      const commit = execFileSync('git', ['-C', dir, 'commit-tree', `${head}^{tree}`, '-p', head, '-m', `Revert "${subject}"\n\nThis reverts commit ${original}.`], { encoding: 'utf8', env }).trim();
      execFileSync('git', ['-C', dir, 'update-ref', 'refs/heads/main', commit, head]);
      try {
        const r = await timed(() => scanRevertsCached(dir, { cacheDir }));
        if (r.value.outcome !== 'incremental') throw new Error(`expected an incremental scan, got ${r.value.outcome}`);
        if (r.value.detections.length !== manifest.reverts.length + 1 || r.value.detections[0].reverted[0] !== original) {
          throw new Error('incremental result does not equal the full scan plus the new revert');
        }
        times.push(r.ms);
        last = r.value;
      } finally {
        execFileSync('git', ['-C', dir, 'update-ref', 'refs/heads/main', head, commit]);
        restore();
      }
    }
    const hit = await timed(() => scanRevertsCached(dir, { cacheDir }));
    return { rescan: stats(times), scannedCandidates: last.scannedCandidates, cacheFileBytes: [...saved.values()].reduce((n, b) => n + b.length, 0), hitMs: hit.ms };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The production bundle, built like `npm run build:prod` but into a temp folder (dist/ may be in use). */
async function bundleSize() {
  const esbuild = require(path.join(root, 'node_modules', 'esbuild'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-dist-'));
  try {
    // Same options as esbuild.js's extension context in production.
    await esbuild.build({
      entryPoints: { extension: path.join(root, 'src', 'extension.ts'), scaffold: path.join(root, 'src', 'core', 'scaffold', 'index.ts') },
      bundle: true,
      minify: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outdir,
      external: ['vscode', './scaffold.js'],
      alias: { yaml: path.join(root, 'node_modules', 'yaml', 'browser', 'index.js') },
      logLevel: 'silent',
    });
    return fs.statSync(path.join(outdir, 'extension.js')).size;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function machine() {
  const git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  return { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version, git, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(1))) };
}

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const range = (s, f = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;

async function host(results) {
  console.log('[bench] VS Code host: production build into dist/…');
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'ignore' });
  // `--rows a,b`: only those rows are measured; the others keep their earlier numbers.
  const at = process.argv.indexOf('--rows');
  const rows = at >= 0 ? process.argv[at + 1].split(',') : undefined;
  results.host = { ...(rows ? results.host : {}), generatedAt: new Date().toISOString(), machine: machine(), ...(await runHostBench(rows ? { rows } : {})), ...(rows ? { rowsMeasured: rows } : {}) };
}

async function cliRows(results) {
  console.log('[bench] CLI rows: production build into dist/…');
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'ignore' });
  results.cli = { generatedAt: new Date().toISOString(), machine: machine(), ...(await runCliRows(benchDir, { runs: RUNS })) };
}

function cliTable(c) {
  const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
  const row = (name, r) => `| ${name} | ${range(r.wallMs)} | ${range(r.cpuMs)} | ${range(r.peakRssKb, mb)} | ${r.wallMs.runs} |`;
  return [
    `CLI rows (load average ${c.loadAverageAtStart.join(' / ')} at the start, ${c.loadAverageAtEnd.join(' / ')} at the end)`,
    '| CLI | Wall, median (min–max) | CPU user+sys incl. git | Peak RSS | Runs |',
    '|---|---:|---:|---:|---:|',
    row(`scan --deploys, ${c.deploys.tags.toLocaleString('en')} tags / ${c.deploys.commits.toLocaleString('en')} commits (${Object.values(c.deploys.findingsByRule).reduce((a, b) => a + b, 0)} findings, planted rollbacks ${c.deploys.rollbacksFound ? 'all found' : 'NOT all found'})`, c.deploys),
    ...(c.deploysPacked ? [row('scan --deploys, the same repository with its refs packed (`git pack-refs --all`, as a clone or gc leaves them; same findings)', c.deploysPacked)] : []),
    row(`scaffold test, commit of ${c.scaffold.files.toLocaleString('en')} files (${c.scaffold.targetsTheHandChange ? 'targets the hand-made change' : 'WRONG TARGET'})`, c.scaffold),
    ...(c.incidents
      ? [
          '',
          `Incident list, ${c.incidents.items.toLocaleString('en')} files, ${c.incidents.linkedTests} linked test files (${c.incidents.runs} cold Node processes): ` +
            `list + derive + sort ${range(c.incidents.totalMs)}; refresh after one file changed ${range(c.incidents.refreshMs)}`,
        ]
      : []),
  ].join('\n');
}

async function main() {
  const resultsFile = path.join(benchDir, 'results.json');
  if (flag('--cli-only')) {
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { sizes: [] };
    await cliRows(results);
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
    console.log('\n' + cliTable(results.cli));
    return results.cli.deploys.rollbacksFound && results.cli.scaffold.targetsTheHandChange ? 0 : 1;
  }
  if (flag('--host-only')) {
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { sizes: [] };
    await host(results);
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
    console.log('\n' + hostTable(results.host));
    return 0;
  }
  const results = { generatedAt: new Date().toISOString(), generatorVersion: GENERATOR_VERSION, runs: RUNS, machine: machine(), sizes: [] };
  for (const size of SIZES) {
    const { dir, manifest } = await ensureRepo(benchDir, size);
    console.log(`[bench] ${size} commits: full scan vs git log (${RUNS} runs)…`);
    const full = await scanVsGit(dir);
    const correctness = checkManifest(full.detections, manifest);
    console.log(`[bench] ${size}: memory…`);
    const mem = memory(dir);
    console.log(`[bench] ${size}: incremental…`);
    const inc = await incremental(dir, manifest);
    const entry = { commits: manifest.commits, plantedReverts: manifest.reverts.length, git: full.git, scan: full.scan, ratio: full.ratio, correctness, memory: mem, incremental: inc };
    if (flag('--deep')) {
      console.log(`[bench] ${size}: deep scan, incremental…`);
      entry.deep = await deepIncremental(dir, { runs: RUNS, scanRevertsDeepCached, stats });
      console.log(`[bench] ${size}: deep full ${ms(entry.deep.fullMs)}, incremental ${range(entry.deep.rescan)}, ${entry.deep.commitsRead} commits read, equals a full deep scan: ${entry.deep.equalsFull ? 'yes' : 'NO'}`);
    }
    if (size === 100_000 || SIZES.length === 1) {
      const clean = await ensureRepo(benchDir, size, { noReverts: true });
      console.log(`[bench] ${size}: repository without reverts…`);
      const c = await scanVsGit(clean.dir);
      entry.noReverts = { git: c.git, scan: c.scan, ratio: c.ratio, detections: c.detections.length };
    }
    results.sizes.push(entry);
    console.log(`[bench] ${size}: scan ${range(full.scan)}, git ${range(full.git)}, ratio ${full.ratio.median.toFixed(2)}×, incremental ${range(inc.rescan)}, detections ${correctness.detected}/${correctness.planted} links ${correctness.linksMatch ? 'match' : 'DIFFER'}`);
  }
  results.bundle = { extensionJsBytes: await bundleSize() };
  if (flag('--cli')) await cliRows(results);
  if (flag('--host')) await host(results);
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log('\n' + table(results));
  if (results.cli) console.log('\n' + cliTable(results.cli));
  if (results.host) console.log('\n' + hostTable(results.host));
  const failed = results.sizes.some((s) => !s.correctness.linksMatch || s.deep?.equalsFull === false);
  return failed ? 1 : 0;
}

/** The Markdown table BENCHMARKS.md shows (copied there by hand with the analysis). */
function table(r) {
  const rows = ['| Commits | Planted / detected | git log (floor) | Full scan | Scan ÷ git | Incremental rescan | Scan live heap, peak growth | Result list heap | Scan Node peak RSS (growth) | git log peak RSS |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  const mb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);
  for (const s of r.sizes) {
    rows.push(`| ${s.commits.toLocaleString('en')} | ${s.correctness.planted} / ${s.correctness.detected}${s.correctness.linksMatch ? ' ✓' : ' ✗'} | ${range(s.git)} | ${range(s.scan)} | ${range(s.ratio, (x) => `${x.toFixed(2)}×`)} | ${range(s.incremental.rescan)} | ${mb(s.memory.livePeakGrowthKb)} | ${mb(s.memory.resultHeapKb)} | ${(s.memory.nodePeakKb / 1024).toFixed(0)} MB (+${(s.memory.scanGrowthKb / 1024).toFixed(1)} MB) | ${s.memory.gitLogPeakKb ? `${(s.memory.gitLogPeakKb / 1024).toFixed(0)} MB` : 'n/a'} |`);
  }
  for (const s of r.sizes.filter((x) => x.noReverts)) {
    rows.push('', `No reverts, ${s.commits.toLocaleString('en')} commits: scan ${range(s.noReverts.scan)}, git ${range(s.noReverts.git)}, ratio ${range(s.noReverts.ratio, (x) => `${x.toFixed(2)}×`)}, ${s.noReverts.detections} detections.`);
  }
  for (const s of r.sizes.filter((x) => x.deep)) {
    rows.push('', `Deep scan, ${s.commits.toLocaleString('en')} commits: full (empty cache) ${ms(s.deep.fullMs)}; incremental after one silent revert ${range(s.deep.rescan)}, ${s.deep.commitsRead} commits read by the diff walk, equals a full deep scan: ${s.deep.equalsFull ? 'yes' : 'NO'}.`);
  }
  rows.push('', `Bundle dist/extension.js (minified): ${r.bundle.extensionJsBytes.toLocaleString('en')} bytes (${(r.bundle.extensionJsBytes / 1024).toFixed(1)} KiB).`);
  return rows.join('\n');
}

function hostTable(h) {
  const v = h.incidentsView;
  return [
    '| Host measurement | Median (min–max) | Runs |',
    '|---|---:|---:|',
    `| activate() of our code | ${range(h.activationMs)} | ${h.activationMs.runs} |`,
    `| bundle module evaluation (Node 20, stub vscode) | ${range(h.moduleLoadMs)} | ${h.moduleLoadMs.runs} |`,
    `| git revert returned → notification | ${range(h.promptMs)} | ${h.promptMs.runs} |`,
    `| click → incident panel first contentful paint | ${range(h.panelFirstPaintMs)} | ${h.panelFirstPaintMs.runs} |`,
    ...(h.panelFirstPaintMs.culpritShownMs ? [`| click → panel shows the culprit card, its files and the revert | ${range(h.panelFirstPaintMs.culpritShownMs)} | ${h.panelFirstPaintMs.culpritShownMs.runs} |`] : []),
    `| ${v.items.toLocaleString('en')} incidents: page load → Open count shown | ${range(v.pageLoadToCountMs)} | ${v.pageLoadToCountMs.runs} |`,
    `| ${v.items.toLocaleString('en')} incidents: our activation → Open count shown | ${range(v.activationToCountMs)} | ${v.activationToCountMs.runs} |`,
    `| ${v.items.toLocaleString('en')} incidents: PageDown → next frame with the new focus row | ${range(v.pageDownMs)} | ${v.pageDownMs.runs} |`,
    ...(h.untrackedReverts?.error ? [`| click the Own It icon → Untracked Reverts filled: not measured (${h.untrackedReverts.error}) | – | 0 |`] : []),
    ...(h.untrackedReverts?.clickToFilledMs ? [`| click the Own It icon → Untracked Reverts filled, ${h.untrackedReverts.commits.toLocaleString('en')} commits (scan cache kept) | ${range(h.untrackedReverts.clickToFilledMs)} | ${h.untrackedReverts.clickToFilledMs.runs} |`] : []),
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[bench] ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
