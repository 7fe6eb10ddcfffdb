#!/usr/bin/env node
// `npm run bench:merge` (not part of `npm test`): `own-it metrics merge` over 500 generated
// `own-it metrics --json` files (one per repository of a CI matrix), end to end: a fresh Node
// process runs the bundled CLI, reads the files, merges, prints JSON. Target: ≤ 2 s.
//   --files N   how many files (default 500)     --runs N   repetitions (default 5)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};
const FILES = option('--files', 500);
const RUNS = option('--runs', 5);

/** A deterministic pseudo-random report of a busy repository: ~30 recoveries, 12 months, ~20 open actions. */
function report(i) {
  let seed = i * 2654435761 % 2 ** 32;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  const hex = () => Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
  const items = Array.from({ length: 10 + Math.floor(rnd() * 40) }, (_, k) => ({
    source: rnd() < 0.8 ? 'revert' : 'rollback',
    recoveredBy: hex(),
    culprits: [hex()],
    culpritLanded: `2026-0${1 + (k % 9)}-1${k % 10}T08:00:00Z`,
    recovered: `2026-0${1 + (k % 9)}-1${k % 10}T10:00:00Z`,
    hours: Math.round(rnd() * 2000) / 10,
  }));
  const months = Array.from({ length: 12 }, (_, m) => ({ month: `2025-${String(m + 1).padStart(2, '0')}`, incidents: Math.floor(rnd() * 4), untrackedReverts: Math.floor(rnd() * 3), total: 0 }));
  for (const m of months) m.total = m.incidents + m.untrackedReverts;
  const actions = Array.from({ length: Math.floor(rnd() * 40) }, (_, k) => ({ incident: `docs/incidents/2025-01-0${k % 9}-x.md`, incidentTitle: 'x', action: `Follow-up ${k}`, detected: '2025-06-01T00:00:00Z', ageDays: Math.floor(rnd() * 200) }));
  const f = { formula: 'f', estimate: true };
  return {
    repository: `acme/repo-${i}`,
    since: '2025-01-01T00:00:00.000Z',
    until: '2025-12-31T00:00:00.000Z',
    estimate: true,
    timeToRecover: { ...f, medianHours: null, items },
    changeFailure: { ...f, rate: null, reverts: items.length, rollbacks: 2, denominator: 200 + i, basis: i % 3 ? 'deploys' : 'merges' },
    reworkRate: { ...f, rate: null, reverts: items.length, reapplies: 3, hotfixes: 5, commits: 2000 + i },
    incidentsPerMonth: { ...f, months },
    hotspots: { ...f, files: Array.from({ length: 20 }, (_, k) => ({ path: `src/f${k}.ts`, count: k })), folders: [] },
    actionAge: { ...f, medianDays: null, items: actions },
    unreadableIncidentFiles: [],
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-merge-bench-'));
try {
  const files = path.join(dir, 'metrics');
  fs.mkdirSync(files);
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const text = JSON.stringify(report(i));
    bytes += text.length;
    fs.writeFileSync(path.join(files, `repo-${String(i).padStart(4, '0')}.json`), text);
  }
  const cli = path.join(dir, 'cli.js');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'cli.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: cli, logLevel: 'silent' });
  const times = [];
  let org;
  for (let r = 0; r < RUNS; r++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, 'metrics', 'merge', files, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(run.stderr);
    org = JSON.parse(run.stdout).org;
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(`${FILES} files (${(bytes / 1e6).toFixed(1)} MB), ${org.recoveries} recoveries, ${org.openActions} open actions`);
  console.log(`merge, whole CLI process: median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}) over ${RUNS} runs; target ≤ 2000 ms: ${median <= 2000 ? 'yes' : 'NO'}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
