#!/usr/bin/env node
// `npm run fuzz`: every property test with 10,000 cases each (`npm test` runs a few hundred).
// OWN_IT_FUZZ_RUNS overrides the count; extra arguments go to mocha (e.g. --grep slug).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.OWN_IT_FUZZ_RUNS ?? '10000';
/** The unit test files that hold fast-check properties (each reads OWN_IT_FUZZ_RUNS). */
const SOURCES = ['fuzzHostile', 'revertParser.property', 'incidentSlug', 'incidentFile', 'incidentConcurrency'];

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (run(process.execPath, [tsc, '-p', 'tsconfig.test.json']) !== 0) process.exit(1);
const files = SOURCES.map((s) => path.join('out', 'test', 'unit', `${s}.test.js`));
const missing = files.filter((f) => !fs.existsSync(path.join(root, f)));
if (missing.length > 0) {
  console.error(`fuzz: missing compiled property tests: ${missing.join(', ')}`);
  process.exit(1);
}
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
console.log(`fuzz: ${runs} cases per property in ${SOURCES.join(', ')}`);
process.exit(run(process.execPath, [mocha, '--no-config', '--timeout', '0', '--enable-source-maps', ...files, ...process.argv.slice(2)], { ...process.env, OWN_IT_FUZZ_RUNS: runs }));
