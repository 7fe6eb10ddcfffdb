#!/usr/bin/env node
// The Incidents view's first fill without VS Code: what IncidentIndex.load() does for one
// repository (IncidentStore.list() + the prevention deriver + sort), over 10,000 incident files
// written with the core serializer like bench/host.mjs writes them.
// Needs `npm run compile-tests` first. Usage: node bench/incidentIndex.mjs [--items N] [--runs N]
// Each run is a fresh Node process (a cold JIT, like the extension host's first fill); the
// printed line is the median (min–max) of the runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIncidents } from './incidentFiles.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (...p) => path.join(repoRoot, 'out', 'src', ...p);

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};

if (argv[0] === '--child') {
  // One cold run: time list + derive + sort, print JSON.
  const { IncidentStore } = require(out('core', 'incidents', 'index.js'));
  const { deriveIncident } = require(out('prevention', 'incidentFacts.js'));
  const workspace = argv[1];
  const started = performance.now();
  const { incidents, errors } = await new IncidentStore(workspace).list();
  const listed = performance.now();
  const derived = [];
  for (const s of incidents) derived.push(await deriveIncident(workspace, s.incident));
  derived.sort((a, b) => b.detected.localeCompare(a.detected));
  const done = performance.now();
  console.log(JSON.stringify({ totalMs: done - started, listMs: listed - started, incidents: incidents.length, errors: errors.length }));
  process.exit(0);
}

const ITEMS = option('--items', 10_000);
const RUNS = option('--runs', 5);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }) => `${median.toFixed(0)} ms (${min.toFixed(0)}–${max.toFixed(0)} ms)`;

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-incidents-'));
try {
  writeIncidents(workspace, ITEMS);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', workspace], { encoding: 'utf8' });
    runs.push(JSON.parse(line.trim().split('\n').pop()));
  }
  if (runs.some((r) => r.incidents !== ITEMS || r.errors !== 0)) throw new Error(`expected ${ITEMS} incidents, got ${JSON.stringify(runs)}`);
  console.log(`${ITEMS} incidents, ${RUNS} cold runs: list ${fmt(stats(runs.map((r) => r.listMs)))}; list + derive + sort ${fmt(stats(runs.map((r) => r.totalMs)))}`);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
