#!/usr/bin/env node
// `node bench/deepFloor.mjs <repository> [--runs N]`: issue #17's target "`--deep` full scan
// ≤ 1.5× the floor of `git log -p` over the same range", end to end as a user runs it.
// Each run times the floor (`git log -p` of HEAD, output read and dropped) and then
// `own-it scan --deep --json` (dist/cli.js, a fresh process, no deep cache: the CLI keeps none)
// under /usr/bin/time for its peak RSS. Prints each run, the medians and the ratio of medians.
// Build first (`npm run build`); the repository is only read.
import { execFileSync, spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const repo = argv.find((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
if (!repo || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: node bench/deepFloor.mjs <repository> [--runs N]');
  process.exit(2);
}
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs a command to its end, reading and dropping its output; resolves with wall ms and stderr. */
function timed(cmd, args) {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: now() - start, stderr: err }) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(-500)}`))));
  });
}

const commits = execFileSync('git', ['-C', repo, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).trim();
console.log(`[deepFloor] ${repo}: ${commits} commits, ${runs} runs`);
const floors = [];
const deeps = [];
const rss = [];
for (let i = 0; i < runs; i++) {
  const floor = await timed('git', ['-C', repo, 'log', '-p', 'HEAD']);
  const deep = await timed('/usr/bin/time', ['-f', 'OWNIT_MAXRSS_KB=%M', process.execPath, path.join(root, 'dist', 'cli.js'), 'scan', repo, '--deep', '--json']);
  const kb = Number(/OWNIT_MAXRSS_KB=(\d+)/.exec(deep.stderr)?.[1] ?? NaN);
  floors.push(floor.ms);
  deeps.push(deep.ms);
  rss.push(kb / 1024);
  console.log(`[deepFloor] run ${i + 1}: git log -p ${(floor.ms / 1000).toFixed(1)} s, scan --deep ${(deep.ms / 1000).toFixed(1)} s (${(deep.ms / floor.ms).toFixed(2)}×), peak RSS ${(kb / 1024).toFixed(0)} MB`);
}
const f = median(floors);
const d = median(deeps);
console.log(`[deepFloor] median: git log -p ${(f / 1000).toFixed(1)} s, scan --deep ${(d / 1000).toFixed(1)} s, ratio ${(d / f).toFixed(2)}× (target ≤ 1.5×), peak RSS ${median(rss).toFixed(0)} MB`);
