import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  decodeListingSnapshot,
  encodeListingSnapshot,
  IncidentStore,
  listingSnapshotPath,
  newIncident,
  parseIncident,
  serializeIncident,
  type Incident,
} from '../../src/core/incidents';
import { listIncidents, type ListingCaches } from '../../src/services/incidentListing';
import { ListingSnapshots } from '../../src/services/listingSnapshots';
import { makeTempDir } from '../helpers/tempRepo';

const FOLDER = 'docs/incidents';
const BUILD = 'test-build-1';

function writeIncident(root: string, name: string, title: string, detected: string): string {
  const file = path.join(root, FOLDER, name);
  fs.writeFileSync(file, serializeIncident(newIncident({ title, sections: { whatHappened: `${title} broke.` } }, new Date(detected))));
  return file;
}

/** Everything a listed incident says, sections included, as plain data. */
const plain = (incidents: readonly { path: string; incident: Incident }[]) => incidents.map((i) => [i.path, JSON.parse(JSON.stringify(i.incident)) as unknown]);

describe('incident listing snapshot (the first list after a start)', function () {
  this.timeout(20000);
  let root: string;
  let storage: string;
  let folder: string;

  beforeEach(() => {
    root = makeTempDir('snapshot-');
    storage = makeTempDir('snapshot-storage-');
    folder = path.join(root, ...FOLDER.split('/'));
    fs.mkdirSync(folder, { recursive: true });
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  const storeFor = (r: string) => new IncidentStore(r, FOLDER);

  /** One session: a fresh set of caches, as after a start, with snapshots in `storage`. */
  async function session(build = BUILD): Promise<{ list: Awaited<ReturnType<typeof listIncidents>>; caches: ListingCaches; snapshots: ListingSnapshots }> {
    const caches: ListingCaches = new Map();
    const snapshots = new ListingSnapshots(storage, build, 0);
    const list = await listIncidents([root], storeFor, { caches, snapshots });
    await snapshots.flush();
    return { list, caches, snapshots };
  }
  const generation = (caches: ListingCaches) => [...caches.values()][0].generation;

  it('a new session lists from the snapshot without reading a file, with the same incidents as a full read', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    const first = await session();
    assert.ok(fs.existsSync(listingSnapshotPath(storage, folder)), 'the snapshot is written after the first list');
    const second = await session();
    assert.equal(generation(second.caches), 0, 'no file was read: every stamp matched the snapshot');
    assert.deepEqual(plain(second.list.incidents), plain(first.list.incidents));
    const full = await listIncidents([root], storeFor);
    assert.deepEqual(plain(second.list.incidents), plain(full.incidents));
    for (const { path: file, incident } of second.list.incidents) assert.deepEqual(incident.sections, parseIncident(fs.readFileSync(file, 'utf8'), file).sections);
  });

  it('a file changed, added or deleted while nothing ran is listed as it is now', async () => {
    const a = writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    const b = writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    await session();
    // Same size and the same second: only the stamps tell the edit apart.
    fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace('title: A', 'title: X'));
    fs.rmSync(b);
    writeIncident(root, '2026-01-03-c.md', 'C', '2026-01-03T10:00:00Z');
    const after = await session();
    assert.deepEqual(after.list.incidents.map((i) => i.incident.title), ['C', 'X']);
    assert.deepEqual(plain(after.list.incidents), plain((await listIncidents([root], storeFor)).incidents));
    // The snapshot written after that list has the new state too.
    const third = await session();
    assert.equal(generation(third.caches), 0);
    assert.deepEqual(third.list.incidents.map((i) => i.incident.title), ['C', 'X']);
  });

  it('offers the snapshot\'s list before any file is checked, and returns the checked list (an edit made meanwhile)', async () => {
    const a = writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    await session();
    fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace('title: A', 'title: X'));
    const offered: string[][] = [];
    const list = await listIncidents([root], storeFor, {
      caches: new Map(),
      snapshots: new ListingSnapshots(storage, BUILD, 0),
      onSnapshot: (early) => offered.push(early.incidents.map((i) => i.incident.title)),
    });
    assert.deepEqual(offered, [['B', 'A']], 'once, newest first, as the snapshot had it');
    assert.deepEqual(list.incidents.map((i) => i.incident.title), ['B', 'X']);
    // No snapshot (another build): nothing is offered, and the list is read from the files.
    const none: unknown[] = [];
    const fresh = await listIncidents([root], storeFor, { caches: new Map(), snapshots: new ListingSnapshots(storage, 'another-build', 0), onSnapshot: (early) => none.push(early) });
    assert.deepEqual(none, []);
    assert.deepEqual(fresh.incidents.map((i) => i.incident.title), ['B', 'X']);
  });

  it('a stream of changed lists does not postpone the snapshot past the longest wait', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    const caches: ListingCaches = new Map();
    // A write delay no stream below lets pass; the longest wait is what writes it.
    const snapshots = new ListingSnapshots(storage, BUILD, 60_000, 200);
    try {
      for (let i = 0; i < 40 && !fs.existsSync(listingSnapshotPath(storage, folder)); i++) {
        writeIncident(root, `2026-01-02-n${i}.md`, `N${i}`, '2026-01-02T10:00:00Z');
        await listIncidents([root], storeFor, { caches, snapshots });
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(fs.existsSync(listingSnapshotPath(storage, folder)), 'written while the lists kept changing');
    } finally {
      snapshots.dispose();
    }
  });

  it('a window closed within the write delay still leaves the snapshot of its last list', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    await session();
    writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    // A write delay no test waits for: only dispose (the extension host ending) can write it.
    const caches: ListingCaches = new Map();
    const snapshots = new ListingSnapshots(storage, BUILD, 60_000);
    await listIncidents([root], storeFor, { caches, snapshots });
    snapshots.dispose();
    await snapshots.flush();
    const entries = decodeListingSnapshot(fs.readFileSync(listingSnapshotPath(storage, folder), 'utf8'), { folder, producer: BUILD });
    assert.deepEqual(entries?.map((e) => e.name).sort(), ['2026-01-01-a.md', '2026-01-02-b.md'], 'the snapshot holds the list made before the close');
    // Nothing is listed after dispose: a later list of the closed session writes nothing more.
    writeIncident(root, '2026-01-03-c.md', 'C', '2026-01-03T10:00:00Z');
    await listIncidents([root], storeFor, { caches, snapshots });
    await snapshots.flush();
    const after = decodeListingSnapshot(fs.readFileSync(listingSnapshotPath(storage, folder), 'utf8'), { folder, producer: BUILD });
    assert.equal(after?.length, 2);
  });

  it('a corrupt, truncated, missing or foreign snapshot means a full read, never a crash or a wrong entry', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    const expected = plain((await listIncidents([root], storeFor)).incidents);
    await session();
    const file = listingSnapshotPath(storage, folder);
    const good = fs.readFileSync(file, 'utf8');
    const damaged = [
      good.slice(0, Math.floor(good.length / 2)),
      good.replace('"title":"A"', '"title":"Z"'),
      good.replace('\n', ' '),
      'not json at all',
      '',
    ];
    for (const text of damaged) {
      fs.writeFileSync(file, text);
      const s = await session();
      assert.deepEqual(plain(s.list.incidents), expected);
      assert.equal(generation(s.caches), 1, 'every file was read');
    }
    fs.rmSync(file);
    assert.deepEqual(plain((await session()).list.incidents), expected);
    // Another build's snapshot is not used (it may have parsed differently).
    await session('another-build');
    const s = await session();
    assert.equal(generation(s.caches), 1);
    assert.deepEqual(plain(s.list.incidents), expected);
  });

  it('decoding refuses another folder, bad shapes and names that leave the folder, even with a valid checksum', async () => {
    const incident = parseIncident(serializeIncident(newIncident({ title: 'T' }, new Date('2026-01-01T10:00:00Z'))), 'x.md');
    const owner = { folder, producer: BUILD };
    const ok = await encodeListingSnapshot(owner, [{ name: '2026-01-01-t.md', stamp: '1:2:3:4', incident }]);
    assert.equal(decodeListingSnapshot(ok, owner)?.[0].incident.title, 'T');
    assert.equal(decodeListingSnapshot(ok, { folder: path.join(root, 'other'), producer: BUILD }), undefined);
    const bad: [string, Incident][] = [
      ['../2026-01-01-t.md', incident],
      ['2026-01-01-t.md', { ...incident, status: 'gone' as Incident['status'] }],
      ['2026-01-01-t.md', { ...incident, actions: [{ text: 'x', kind: 'fix' } as Incident['actions'][number]] }],
      ['2026-01-01-t.md', { ...incident, sections: { ...incident.sections, lessons: undefined as unknown as Incident['sections']['lessons'] } }],
    ];
    for (const [name, value] of bad) assert.equal(decodeListingSnapshot(await encodeListingSnapshot(owner, [{ name, stamp: '1:2:3:4', incident: value }]), owner), undefined, name);
  });

  it('a broken file is read and reported again in the next session', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    fs.writeFileSync(path.join(folder, '2026-01-02-broken.md'), 'no front matter\n');
    await session();
    const s = await session();
    assert.deepEqual(s.list.incidents.map((i) => i.incident.title), ['A']);
    assert.equal(s.list.problems.length, 1);
    assert.match(s.list.problems[0].message, /2026-01-02-broken\.md/);
  });
});
