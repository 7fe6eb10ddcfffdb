#!/usr/bin/env node
// `npm run typecheck`: `tsc --noEmit` for every tsconfig in the repository, so that no program
// (the extension and CLI, the tests, the webview UIs in the browser's types) goes unchecked.
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const configs = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*tsconfig*.json'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.includes('node_modules/'));

let failed = 0;
for (const config of configs) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, '-p', config, '--noEmit'], { cwd: root, stdio: 'inherit' });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} tsc --noEmit -p ${config} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
