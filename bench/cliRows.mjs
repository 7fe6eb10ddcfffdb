// The CLI rows of issue 19's table, each a fresh `node dist/cli.js` process timed end to end:
//   `own-it scan --deploys` on 100,000 commits with 50,000 deploy tags (bench/deployRepo.mjs)
//   `own-it scaffold test HEAD --print` on a commit touching 200,000 files (bench/bigCommitRepo.mjs)
//   the Incidents view's list of 10,000 incident files (bench/incidentIndex.mjs, in-process timing)
// Wall time (median, min–max), CPU (user + system, git included) and peak RSS of the Node
// process (`/usr/bin/time -f %M`, the largest of the process and the children it waited for).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBigCommitRepo } from './bigCommitRepo.mjs';
import { ensureDeployRepo } from './deployRepo.mjs';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
};

function timedCli(cli, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const [kb, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, peakKb: kb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `<dir>-packed.git` beside the deploy repository: a copy with `git pack-refs --all`, made once. */
function packedCopy(dir) {
  const packed = dir.replace(/\.git$/, '-packed.git');
  if (fs.existsSync(path.join(packed, 'packed-refs.done'))) return packed;
  fs.rmSync(packed, { recursive: true, force: true });
  fs.cpSync(dir, packed, { recursive: true });
  const r = spawnSync('git', ['-C', packed, 'pack-refs', '--all'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git pack-refs failed: ${r.stderr}`);
  fs.writeFileSync(path.join(packed, 'packed-refs.done'), '');
  return packed;
}

export async function runCliRows(benchDir, { runs = 5, log = console.log } = {}) {
  const cli = path.join(benchDir, '..', 'dist', 'cli.js');
  const out = { loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(1))) };

  const deploys = await ensureDeployRepo(benchDir, { log });
  log(`[bench] scan --deploys: ${deploys.tags.toLocaleString('en')} tags, ${deploys.commits.toLocaleString('en')} commits (${runs} runs)…`);
  const d = [];
  let findings;
  let loose = '';
  for (let i = 0; i < runs; i++) {
    const r = timedCli(cli, ['scan', '--deploys', deploys.dir, '--json']);
    if (r.status !== 0) throw new Error(`scan --deploys failed: ${r.stderr}`);
    loose = r.stdout;
    findings = loose.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    d.push(r);
  }
  const rules = {};
  for (const f of findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  out.deploys = {
    tags: deploys.tags,
    commits: deploys.commits,
    planted: deploys.planted,
    findingsByRule: rules,
    // Every planted rollback re-deploys the commit two deploys back: a same-commit finding each.
    rollbacksFound: rules['same-commit-as-earlier'] === deploys.planted.rollbacks,
    wallMs: stats(d.map((r) => r.wallMs)),
    cpuMs: stats(d.map((r) => r.cpuMs)),
    peakRssKb: stats(d.map((r) => r.peakKb)),
  };
  // The same repository with its refs packed, as a clone or `git gc` leaves them (fast-import
  // leaves 50,000 loose ref files, each read by for-each-ref): the same findings, byte for byte.
  const packedDir = packedCopy(deploys.dir);
  log(`[bench] scan --deploys, refs packed (${runs} runs)…`);
  const p = [];
  for (let i = 0; i < runs; i++) {
    const r = timedCli(cli, ['scan', '--deploys', packedDir, '--json']);
    if (r.status !== 0) throw new Error(`scan --deploys (packed refs) failed: ${r.stderr}`);
    if (r.stdout !== loose) throw new Error('scan --deploys with packed refs printed other findings than with loose refs');
    p.push(r);
  }
  out.deploysPacked = { sameFindings: true, wallMs: stats(p.map((r) => r.wallMs)), cpuMs: stats(p.map((r) => r.cpuMs)), peakRssKb: stats(p.map((r) => r.peakKb)) };

  const big = await ensureBigCommitRepo(benchDir, { log });
  log(`[bench] scaffold test on a commit of ${big.files.toLocaleString('en')} files (${runs} runs)…`);
  const s = [];
  let first = '';
  for (let i = 0; i < runs; i++) {
    const r = timedCli(cli, ['scaffold', 'test', 'HEAD', '--repo', big.dir, '--print']);
    if (r.status !== 0) throw new Error(`scaffold test failed: ${r.stderr}`);
    first = r.stdout.split('\n')[0];
    s.push(r);
  }
  out.scaffold = {
    files: big.files,
    target: first,
    targetsTheHandChange: /src\/pricing\.ts|applyDiscount/.test(first),
    wallMs: stats(s.map((r) => r.wallMs)),
    cpuMs: stats(s.map((r) => r.cpuMs)),
    peakRssKb: stats(s.map((r) => r.peakKb)),
  };
  // The Incidents view's list over 10,000 incident files (bench/incidentIndex.mjs: cold Node processes).
  log(`[bench] incident list: 10,000 incident files (${runs} cold runs)…`);
  const listed = spawnSync(process.execPath, [path.join(benchDir, 'incidentIndex.mjs'), '--runs', String(runs), '--json'], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`incident list failed: ${listed.stderr}`);
  out.incidents = JSON.parse(listed.stdout.trim().split('\n').pop());
  out.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(1)));
  return out;
}
