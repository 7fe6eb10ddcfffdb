import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IncidentStore, type StoredIncident } from '../../src/core/incidents/incidentStore';
import { parseIncident } from '../../src/core/incidents/incidentFile';
import type { Incident } from '../../src/core/incidents/model';
import { TempRepo } from '../helpers/tempRepo';

/** Small in `npm test`; `npm run fuzz` sets OWN_IT_FUZZ_RUNS and each stress runs 1,000 rounds. */
const FUZZ = process.env.OWN_IT_FUZZ_RUNS !== undefined;
const ROUNDS = FUZZ ? 1000 : 20;
/**
 * Rounds that share one incident file. Each round adds items, and a file of thousands of items
 * makes every later save slower (1,000 rounds on one file took over half an hour on a loaded
 * 2-core machine); a fresh file every so often keeps each round's race the same and the run short.
 */
const PER_FILE = 50;
const SAVER = path.resolve(__dirname, '..', 'helpers', 'incidentSaver.js');
const NOW = new Date('2026-01-05T09:00:00Z');

function withAction(s: StoredIncident, text: string): Incident {
  return { ...s.incident, actions: [...s.incident.actions, { text, done: false, kind: 'other' }] };
}

function actionsOnDisk(file: string): string[] {
  return parseIncident(fs.readFileSync(file, 'utf8'), 'x').actions.map((a) => a.text);
}

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  return new Promise((resolve) => child.on('close', () => resolve(child.pid as number)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function runSaver(repo: string, file: string, tag: string, rounds: number): { done: Promise<string[]>; kill(): void; started: Promise<void> } {
  const child = spawn(process.execPath, [SAVER, repo, file, tag, String(rounds)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onFirst: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onFirst = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    onFirst();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<string[]>((resolve, reject) =>
    child.on('close', (code, signal) => {
      onFirst();
      if (code === 0 || signal === 'SIGKILL') resolve(out.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.slice(3)));
      else reject(new Error(`saver ${tag} exited ${code}: ${err}`));
    }),
  );
  return { done, started, kill: () => child.kill('SIGKILL') };
}

describe('incident saves under concurrency (stress, random timing)', function () {
  this.timeout(FUZZ ? 0 : 60_000);
  let repo: TempRepo;
  let store: IncidentStore;

  beforeEach(() => {
    repo = TempRepo.create();
    store = new IncidentStore(repo.path);
  });
  afterEach(() => repo.dispose());

  it(`two saves of one loaded incident at the same time keep both edits (${ROUNDS} rounds)`, async () => {
    let created = await store.create({ title: 'Race' }, NOW);
    for (let i = 0; i < ROUNDS; i++) {
      if (i > 0 && i % PER_FILE === 0) created = await store.create({ title: `Race ${i}` }, NOW);
      const loaded = await store.load(created.path);
      const a = sleep(Math.random() * 2).then(() => store.save(loaded, withAction(loaded, `a-${i}`)));
      const b = sleep(Math.random() * 2).then(() => new IncidentStore(repo.path).save(loaded, withAction(loaded, `b-${i}`)));
      await Promise.all([a, b]);
      const onDisk = actionsOnDisk(created.path);
      assert.ok(onDisk.includes(`a-${i}`) && onDisk.includes(`b-${i}`), `round ${i}: ${onDisk.slice(-2).join(', ')}`);
    }
  });

  it(`an outside writer replacing the file during saves loses nothing (${ROUNDS} rounds)`, async () => {
    let created = await store.create({ title: 'Outside' }, NOW);
    for (let i = 0; i < ROUNDS; i++) {
      if (i > 0 && i % PER_FILE === 0) created = await store.create({ title: `Outside ${i}` }, NOW);
      const loaded = await store.load(created.path);
      // The outside writer (an editor, git) takes no lock: read, change, temp + rename in one go.
      const outside = sleep(Math.random() * 3).then(() => {
        const text = fs.readFileSync(created.path, 'utf8');
        const next = text.replace('## Impact\n', `## Impact\n\noutside-${i}\n`);
        fs.writeFileSync(`${created.path}.outside`, next);
        fs.renameSync(`${created.path}.outside`, created.path);
      });
      await Promise.all([outside, store.save(loaded, withAction(loaded, `mine-${i}`))]);
      const text = fs.readFileSync(created.path, 'utf8');
      assert.ok(text.includes(`outside-${i}\n`), `round ${i}: the outside edit was lost`);
      assert.ok(actionsOnDisk(created.path).includes(`mine-${i}`), `round ${i}: my edit was lost`);
    }
  });

  it(`three processes saving the same file lose no edit that reported success (${ROUNDS} saves or more)`, async () => {
    // Batches of three processes on a fresh file, up to PER_FILE saves per process and file.
    const perProcess = Math.min(PER_FILE, Math.ceil(ROUNDS / 3));
    let total = 0;
    for (let batch = 0; total < ROUNDS; batch++) {
      const created = await store.create({ title: `Three processes ${batch}` }, NOW);
      const savers = ['p1', 'p2', 'p3'].map((tag) => runSaver(repo.path, created.path, `${tag}b${batch}`, perProcess));
      const succeeded = (await Promise.all(savers.map((s) => s.done))).flat();
      const onDisk = new Set(actionsOnDisk(created.path));
      const lost = succeeded.filter((t) => !onDisk.has(t));
      assert.equal(succeeded.length, perProcess * 3);
      assert.deepEqual(lost, [], `batch ${batch}: ${lost.length} of ${succeeded.length} reported saves are missing`);
      total += succeeded.length;
    }
  });

  it('kill -9 in the middle of saves leaves no torn file, and the next start removes the temp and lock files', async () => {
    const created = await store.create({ title: 'Killed' }, NOW);
    const kills = FUZZ ? 200 : 8;
    for (let i = 0; i < kills; i++) {
      const saver = runSaver(repo.path, created.path, `k${i}`, 1000);
      await saver.started;
      await sleep(Math.random() * 20);
      saver.kill();
      await saver.done;
      parseIncident(fs.readFileSync(created.path, 'utf8'), 'x'); // never torn
    }
    await new IncidentStore(repo.path).list();
    const leftovers = fs.readdirSync(store.folderPath).filter((n) => n !== path.basename(created.path));
    assert.deepEqual(leftovers, []);
  });

  it("removes a crashed writer's temp and lock files on the next start, but not a live writer's", async () => {
    const created = await store.create({ title: 'Leftovers' }, NOW);
    const dead = await deadPid();
    const name = path.basename(created.path);
    const folder = store.folderPath;
    fs.writeFileSync(path.join(folder, `.${name}.${dead}.0123456789ab.tmp`), 'half');
    fs.writeFileSync(path.join(folder, `.${name}.lock`), `${dead}\n${os.hostname()}\n${Date.now()}\nx\n`);
    const old = path.join(folder, `.${name}.ba9876543210.tmp`); // 0.1.0's name, without a pid
    fs.writeFileSync(old, 'half');
    fs.utimesSync(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const live = `.${name}.${process.pid}.fedcba987654.tmp`;
    fs.writeFileSync(path.join(folder, live), 'in flight');
    await new IncidentStore(repo.path).list();
    assert.deepEqual(fs.readdirSync(folder).sort(), [live, name].sort());
    // A save finds no stale lock in its way either.
    const saved = await new IncidentStore(repo.path).save(created, { ...created.incident, status: 'resolved' });
    assert.equal(saved.incident.status, 'resolved');
  });
});
