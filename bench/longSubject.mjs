#!/usr/bin/env node
// One commit whose subject is N MB (default 100), then `own-it scan`, `scan --deploys` and `metrics`
// on it: stream parsing must stay linear (#13: ≤ 3 s for 100 MB). Usage: node bench/longSubject.mjs [MB]
// Needs dist/cli.js (`npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const mb = Number(process.argv[2] ?? 100);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-long-subject-'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'B', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'B', GIT_COMMITTER_EMAIL: 'b@example.com' };
const git = (...args) => execFileSync('git', args, { cwd: dir, env, maxBuffer: 1 << 30 });
try {
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'first');
  const message = path.join(dir, 'msg');
  fs.writeFileSync(message, 'x'.repeat(mb * 1024 * 1024));
  git('commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', message);
  fs.rmSync(message);
  for (const args of [['scan'], ['scan', '--deploys'], ['metrics']]) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, maxBuffer: 1 << 30, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const widest = Math.max(0, ...`${r.stdout}`.split('\n').map((l) => l.length));
    console.log(`${mb} MB subject: own-it ${args.join(' ')} exit ${r.status} in ${seconds.toFixed(2)} s; widest output line ${widest} chars (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
