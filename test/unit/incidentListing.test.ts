import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncidentFileError, IncidentStore, ListingCache, newIncident, parseIncident, serializeIncident, type Incident, type ListedIncident } from '../../src/core/incidents';
import { listIncidents, type IncidentDeriver } from '../../src/services/incidentListing';
import { deriveIncident } from '../../src/services/linkedTests';
import { makeTempDir } from '../helpers/tempRepo';

const FOLDER = 'docs/incidents';

function writeIncident(root: string, name: string, title: string, detected: string, testPath?: string): string {
  const incident = newIncident(
    { title, actions: testPath ? [{ text: 'Regression test', kind: 'test', done: false, path: testPath }] : [] },
    new Date(detected),
  );
  const file = path.join(root, FOLDER, name);
  fs.writeFileSync(file, serializeIncident(incident));
  return file;
}

/** What the views see: title, detected and the linked test's done, newest first. */
const shown = (incidents: { incident: Incident }[]): [string, string, boolean[]][] =>
  incidents.map(({ incident }) => [incident.title, incident.detected, incident.actions.map((a) => a.done)]);

describe('incident listing (the Incidents view list)', function () {
  this.timeout(20000);
  let root: string;

  beforeEach(() => {
    root = makeTempDir('listing-');
    fs.mkdirSync(path.join(root, FOLDER), { recursive: true });
    fs.mkdirSync(path.join(root, 'test'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test', 'pending.test.ts'), "it.todo('OWN-IT-PLACEHOLDER');\n");
    fs.writeFileSync(path.join(root, 'test', 'done.test.ts'), "it('holds', () => {});\n");
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('derives each linked test from disk, reads a shared test file once, and sorts newest first', async () => {
    writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z', 'test/pending.test.ts');
    writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z', 'test/done.test.ts');
    writeIncident(root, '2026-01-03-c.md', 'C', '2026-01-03T10:00:00Z', 'test/done.test.ts');
    writeIncident(root, '2026-01-04-d.md', 'D', '2026-01-04T10:00:00Z', 'test/gone.test.ts');
    writeIncident(root, '2026-01-05-e.md', 'E', '2026-01-05T10:00:00Z');
    fs.writeFileSync(path.join(root, FOLDER, '2026-01-06-broken.md'), '---\nid: [unclosed\n---\n');
    const shared = new Set<Map<string, unknown>>();
    const derive: IncidentDeriver = (repoRoot, incident, reads) => {
      shared.add(reads);
      return deriveIncident(repoRoot, incident, reads);
    };
    const { incidents, problems } = await listIncidents([root], (r) => new IncidentStore(r, FOLDER), { derive });
    assert.deepEqual(shown(incidents), [
      ['E', '2026-01-05T10:00:00.000Z', []],
      ['D', '2026-01-04T10:00:00.000Z', [false]],
      ['C', '2026-01-03T10:00:00.000Z', [true]],
      ['B', '2026-01-02T10:00:00.000Z', [true]],
      ['A', '2026-01-01T10:00:00.000Z', [false]],
    ]);
    assert.equal(shared.size, 1, 'one set of reads for the whole list');
    assert.deepEqual([...[...shared][0].keys()].map((k) => path.basename(k)).sort(), ['done.test.ts', 'gone.test.ts', 'pending.test.ts'], 'each test file read once');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /2026-01-06-broken\.md/);
    // Listed incidents are the same as the full parser's, body sections included (read on demand).
    for (const { path: file, incident } of incidents) {
      const full = parseIncident(fs.readFileSync(file, 'utf8'), file);
      assert.deepEqual(JSON.parse(JSON.stringify(incident)).sections, JSON.parse(JSON.stringify(full)).sections);
      assert.equal(incident.id, full.id);
    }
  });

  it('with a cache, a re-list reads changed files again, drops deleted ones and still reports broken ones', async () => {
    const store = new IncidentStore(root, FOLDER);
    const a = writeIncident(root, '2026-01-01-a.md', 'A', '2026-01-01T10:00:00Z');
    const b = writeIncident(root, '2026-01-02-b.md', 'B', '2026-01-02T10:00:00Z');
    fs.writeFileSync(path.join(root, FOLDER, '2026-01-03-broken.md'), 'no front matter\n');
    const cache = new ListingCache<ListedIncident | IncidentFileError>();
    const first = await store.list({ cache });
    assert.deepEqual(first.incidents.map((s) => s.incident.title), ['B', 'A']);
    assert.equal(first.errors.length, 1);

    const again = await store.list({ cache });
    assert.equal(again.incidents[0], first.incidents[0], 'an unchanged file is not read again');
    assert.ok(again.errors[0] instanceof IncidentFileError, 'a broken file is still reported');

    // Same size, same second: only the stamps tell the change apart.
    fs.writeFileSync(b, fs.readFileSync(b, 'utf8').replace('title: B', 'title: X'));
    fs.rmSync(a);
    writeIncident(root, '2026-01-04-d.md', 'D', '2026-01-04T10:00:00Z');
    const third = await store.list({ cache });
    assert.deepEqual(third.incidents.map((s) => s.incident.title), ['D', 'X']);
    assert.deepEqual(
      third.incidents.map((s) => s.incident.title),
      (await store.list()).incidents.map((s) => s.incident.title),
      'the same as a list without a cache',
    );
  });
});
