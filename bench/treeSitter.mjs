// First-use cost of the tree-sitter symbols in the shipped bundle (dist/scaffold.js with dist/tree-sitter/):
// for each file, a fresh Node process requires the bundle, reads the file's declarations once
// (runtime + grammar load + parse), once more (parse only) and with the line patterns, in CPU ms.
// Usage: npm run build:prod && node bench/treeSitter.mjs <file> [<file> …]   (5 cold processes per file)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'scaffold.js');
const RUNS = 5;

const probe = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const file = process.argv[1];
const text = require('fs').readFileSync(file, 'utf8');
const c0 = cpu();
const core = require(${JSON.stringify(bundle)});
const c1 = cpu();
const language = core.languageOf(file);
(async () => {
  const first = await core.declaredSymbols(text, file, language);
  const c2 = cpu();
  await core.declaredSymbols(text, file, language);
  const c3 = cpu();
  const patterns = core.allSymbols(text, language);
  const c4 = cpu();
  console.log(JSON.stringify({ require: c1 - c0, first: c2 - c1, again: c3 - c2, patterns: c4 - c3, symbols: first.length, patternSymbols: patterns.length }));
})();
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

console.log('| File | Size | Require bundle | First use: load + parse | Parse again | Line patterns | Symbols (tree / patterns) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const file of process.argv.slice(2)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['-e', probe, path.resolve(file)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const col = (k) => runs.map((r) => r[k]);
  const size = `${(fs.statSync(file).size / 1024).toFixed(0)} KiB`;
  console.log(`| ${path.basename(file)} | ${size} | ${ms(col('require'))} | ${ms(col('first'))} | ${ms(col('again'))} | ${ms(col('patterns'))} | ${runs[0].symbols} / ${runs[0].patternSymbols} |`);
}
