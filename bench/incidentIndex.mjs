#!/usr/bin/env node
// The Incidents view's first fill without VS Code: what IncidentIndex.load() does for one
// repository (IncidentStore.list() + the prevention deriver + sort), over 10,000 incident files
// written with the core serializer like bench/host.mjs writes them.
// Needs `npm run compile-tests` first. Usage: node bench/incidentIndex.mjs [--items N] [--runs N] [--linked-tests N] [--json]
// The runs alternate between a cold first list without a snapshot and one from the snapshot an
// earlier process wrote (services/listingSnapshots.ts), as after a restart of VS Code.
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
  // One cold run of what IncidentIndex.load() runs (list + derive linked tests + sort), then the
  // refresh after one file changed (the listing cache reads only that file); prints JSON.
  const { IncidentStore } = require(out('core', 'incidents', 'index.js'));
  const { listIncidents } = require(out('services', 'incidentListing.js'));
  const { deriveIncident } = require(out('services', 'linkedTests.js'));
  const { ListingSnapshots } = require(out('services', 'listingSnapshots.js'));
  const workspace = argv[1];
  const snapshots = argv[2] ? new ListingSnapshots(argv[2], 'bench', 0) : undefined;
  const derive = (root, incident, reads) => deriveIncident(root, incident, reads);
  const caches = new Map();
  const storeFor = (root) => new IncidentStore(root);
  let started = performance.now();
  const { incidents, problems } = await listIncidents([workspace], storeFor, { derive, caches, snapshots });
  const totalMs = performance.now() - started;
  const pending = incidents.filter((i) => i.incident.actions.some((a) => a.kind === 'test' && !a.done)).length;
  const dir = path.join(workspace, 'docs', 'incidents');
  const one = path.join(dir, fs.readdirSync(dir).sort()[0]);
  fs.writeFileSync(one, fs.readFileSync(one, 'utf8').replace('Generated incident', 'Changed incident'));
  started = performance.now();
  const again = await listIncidents([workspace], storeFor, { derive, caches });
  const refreshMs = performance.now() - started;
  fs.writeFileSync(one, fs.readFileSync(one, 'utf8').replace('Changed incident', 'Generated incident'));
  if (snapshots) {
    // The snapshot of the restored state, for the next run (not timed).
    await listIncidents([workspace], storeFor, { derive, caches, snapshots });
    await snapshots.flush();
  }
  const changed = again.incidents.filter((i) => i.incident.title.startsWith('Changed incident')).length;
  console.log(JSON.stringify({ totalMs, refreshMs, incidents: incidents.length, errors: problems.length, pending, changed }));
  process.exit(0);
}

const ITEMS = option('--items', 10_000);
const RUNS = option('--runs', 5);
const LINKED = option('--linked-tests', 200);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }) => `${median.toFixed(0)} ms (${min.toFixed(0)}–${max.toFixed(0)} ms)`;

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-incidents-'));
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-storage-'));
const child = (storageDir) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', workspace, storageDir], { encoding: 'utf8' }).trim().split('\n').pop());
try {
  writeIncidents(workspace, ITEMS, { linkedTests: LINKED });
  child(storage); // writes the first snapshot
  const runs = [];
  const fromSnapshot = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(child(''));
    fromSnapshot.push(child(storage));
  }
  if ([...runs, ...fromSnapshot].some((r) => r.incidents !== ITEMS || r.errors !== 0 || r.changed !== 1)) throw new Error(`expected ${ITEMS} incidents and one changed on refresh, got ${JSON.stringify(runs)}`);
  const summary = (rs) => ({ totalMs: stats(rs.map((r) => r.totalMs)), refreshMs: stats(rs.map((r) => r.refreshMs)) });
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ items: ITEMS, linkedTests: LINKED, pending: runs[0].pending, runs: RUNS, ...summary(runs), fromSnapshot: summary(fromSnapshot) }));
    process.exit(0);
  }
  console.log(
    `${ITEMS} incidents (${LINKED} linked test files; ${runs[0].pending} incidents with a pending test), ${RUNS} cold runs: ` +
      `list + derive + sort ${fmt(stats(runs.map((r) => r.totalMs)))}; from the snapshot ${fmt(stats(fromSnapshot.map((r) => r.totalMs)))}; ` +
      `refresh after one file changed ${fmt(stats(runs.map((r) => r.refreshMs)))}`,
  );
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(storage, { recursive: true, force: true });
}
