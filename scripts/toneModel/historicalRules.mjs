// Builds the tone check as it was at a past commit into one CommonJS file (out/toneModel/rules-<sha>.cjs),
// so an experiment can run the rules that were frozen before a blind set was first read.
// The source comes from `git archive` of that commit; the working tree is not touched.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const esbuild = require('esbuild');

export function loadRulesAt(sha) {
  const dir = path.join(root, 'out', 'toneModel');
  const bundle = path.join(dir, `rules-${sha}.cjs`);
  if (!fs.existsSync(bundle)) {
    const src = path.join(dir, `src-${sha}`);
    fs.rmSync(src, { recursive: true, force: true });
    fs.mkdirSync(src, { recursive: true });
    const tar = execFileSync('git', ['archive', sha, 'src/core'], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', src], { input: tar });
    esbuild.buildSync({
      entryPoints: [path.join(src, 'src', 'core', 'teamUpdate', 'toneCheck.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'error',
    });
    fs.rmSync(src, { recursive: true, force: true });
  }
  return require(bundle);
}
