import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newIncident, type Incident } from '../../src/core/incidents';
import {
  decodeFirstScreen,
  encodeFirstScreen,
  firstScreenPath,
  groupIncidents,
  INCIDENT_PAGE_ROWS,
  showsTheSame,
  type FirstScreenOwner,
} from '../../src/services/firstScreen';
import type { IndexedIncident } from '../../src/services/incidentListing';
import { ListingSnapshots } from '../../src/services/listingSnapshots';
import { makeTempDir } from '../helpers/tempRepo';

const ROOT = path.resolve('/repo');
const FOLDER = path.join(ROOT, 'docs', 'incidents');
const OWNER: FirstScreenOwner = { producer: 'build-1', folders: [{ repoRoot: ROOT, folder: FOLDER }] };

function item(n: number, status: Incident['status'] = 'open'): IndexedIncident {
  const detected = new Date(Date.UTC(2026, 0, 1) + (100_000 - n) * 60_000);
  const incident = newIncident(
    { title: `Incident ${n}`, status, culprits: ['a'.repeat(40)], actions: [{ text: 'Add a test', done: n % 2 === 0, kind: 'test' }], sections: { whatHappened: `Body ${n} `.repeat(50) } },
    detected,
  );
  return { repoRoot: ROOT, path: path.join(FOLDER, `${n}.md`), incident };
}

/** Newest first, as the index lists them: every third incident resolved. */
const listOf = (count: number) => ({ incidents: Array.from({ length: count }, (_, n) => item(n, n % 3 === 0 ? 'resolved' : 'open')), problems: [] });

/** The kept text with one change made to its JSON. */
function edited(text: string, edit: (kept: Record<string, unknown>) => void): string {
  const kept = JSON.parse(text) as Record<string, unknown>;
  edit(kept);
  return JSON.stringify(kept);
}

describe('the Incidents view\'s first screen (kept between sessions)', () => {
  it('groups a list as the view shows it: each group newest first, cut to a page, with its total', () => {
    const groups = groupIncidents(listOf(700), INCIDENT_PAGE_ROWS);
    assert.equal(groups.openTotal, 466);
    assert.equal(groups.resolvedTotal, 234);
    assert.equal(groups.open.length, INCIDENT_PAGE_ROWS);
    assert.equal(groups.resolved.length, INCIDENT_PAGE_ROWS);
    assert.deepEqual(groups.open.slice(0, 3).map((i) => i.incident.title), ['Incident 1', 'Incident 2', 'Incident 4']);
    assert.deepEqual(groups.resolved.slice(0, 2).map((i) => i.incident.title), ['Incident 0', 'Incident 3']);
  });

  it('keeps what a row shows and drops the bodies, and reads back the same rows', () => {
    const groups = groupIncidents(listOf(700), INCIDENT_PAGE_ROWS);
    const text = encodeFirstScreen(OWNER, groups);
    assert.ok(text.length < 250_000, `a first screen of 400 rows is small (${text.length} bytes)`);
    assert.ok(!text.includes('Body 1 '), 'the body sections are not kept');
    const back = decodeFirstScreen(text, OWNER);
    assert.ok(back);
    assert.equal(back.openTotal, 466);
    assert.equal(back.resolvedTotal, 234);
    const row = (i: IndexedIncident) => [i.path, i.incident.title, i.incident.status, i.incident.severity, i.incident.detected, i.incident.culprits, i.incident.actions];
    assert.deepEqual(back.open.map(row), groups.open.map(row));
    assert.deepEqual(back.resolved.map(row), groups.resolved.map(row));
  });

  it('is refused for another build, other folders, a file cut short, a path outside the folder or a row in the wrong group', () => {
    const text = encodeFirstScreen(OWNER, groupIncidents(listOf(10)));
    assert.ok(decodeFirstScreen(text, OWNER));
    assert.equal(decodeFirstScreen(text, { ...OWNER, producer: 'build-2' }), undefined, 'another build');
    assert.equal(decodeFirstScreen(text, { ...OWNER, folders: [{ repoRoot: ROOT, folder: path.join(ROOT, 'other') }] }), undefined, 'another incidents folder');
    assert.equal(decodeFirstScreen(text.slice(0, text.length - 20), OWNER), undefined, 'a truncated file');
    assert.equal(decodeFirstScreen('', OWNER), undefined);
    const outside = edited(text, (b) => ((b.open as { path: string }[])[0].path = path.join(ROOT, 'docs', 'elsewhere.md')));
    assert.equal(decodeFirstScreen(outside, OWNER), undefined, 'a row whose file is outside the incidents folder');
    const nested = edited(text, (b) => ((b.open as { path: string }[])[0].path = path.join(FOLDER, '..', 'x.md')));
    assert.equal(decodeFirstScreen(nested, OWNER), undefined, 'a row that leaves the folder by ..');
    const misplaced = edited(text, (b) => (b.open as unknown[]).push((b.resolved as unknown[])[0]));
    assert.equal(decodeFirstScreen(misplaced, OWNER), undefined, 'a resolved incident in the Open group');
    const overTotal = edited(text, (b) => (b.openTotal = 1));
    assert.equal(decodeFirstScreen(overTotal, OWNER), undefined, 'more rows than the group\'s total');
    const badShape = edited(text, (b) => (((b.open as { incident: Record<string, unknown> }[])[0].incident.actions = 'none')));
    assert.equal(decodeFirstScreen(badShape, OWNER), undefined, 'an incident of the wrong shape');
    assert.ok(decodeFirstScreen(edited(text, () => undefined), OWNER), 'the same text re-serialized is accepted: each refusal above is its edit\'s');
    assert.equal(decodeFirstScreen(edited(text, (b) => (b.format = 'own-it-incidents-first-screen/0')), OWNER), undefined, 'another format');
  });

  it('tells when a checked list shows the same rows as the answer on screen (no redraw then)', () => {
    const list = listOf(300);
    const shown = groupIncidents(list);
    const edit = (n: number, change: (i: Incident) => Incident) => ({ incidents: list.incidents.map((x, k) => (k === n ? { ...x, incident: change(x.incident) } : x)), problems: [] });
    assert.ok(showsTheSame(shown, groupIncidents(edit(1, (i) => ({ ...i, sections: { ...i.sections, impact: 'changed body' } }))), INCIDENT_PAGE_ROWS), 'a body is not on screen');
    assert.ok(!showsTheSame(shown, groupIncidents(edit(1, (i) => ({ ...i, title: 'Retitled' }))), INCIDENT_PAGE_ROWS), 'a title on screen changed');
    assert.ok(!showsTheSame(shown, groupIncidents(edit(1, (i) => ({ ...i, actions: [] }))), INCIDENT_PAGE_ROWS), 'the pending count on screen changed');
    // One more, older than every row on screen: only the total changes.
    assert.ok(!showsTheSame(shown, groupIncidents({ incidents: [...list.incidents, item(5000)], problems: [] }), INCIDENT_PAGE_ROWS), 'one more incident changes the totals');
    // An edit below the first page is not on screen until "Show more": the totals are the same.
    assert.ok(showsTheSame(shown, groupIncidents(edit(299, (i) => ({ ...i, title: 'Far below' }))), 10));
    const kept = decodeFirstScreen(encodeFirstScreen(OWNER, groupIncidents(list, INCIDENT_PAGE_ROWS)), OWNER);
    assert.ok(kept && showsTheSame(kept, shown, INCIDENT_PAGE_ROWS), 'a kept first screen read back shows what the checked list shows');
  });

  describe('kept with the listing snapshots', () => {
    let storage: string;
    beforeEach(() => (storage = makeTempDir('first-screen-')));
    afterEach(() => fs.rmSync(storage, { recursive: true, force: true }));

    it('writes the first screen of a checked list once, and reads it back in a new session', async () => {
      const screens = new ListingSnapshots(storage, 'build-1', 0);
      assert.equal(await screens.readFirstScreen(OWNER.folders), undefined, 'nothing kept yet');
      const list = listOf(30);
      screens.firstScreenListed(OWNER.folders, list);
      await screens.flush();
      const file = firstScreenPath(storage);
      const written = fs.statSync(file).mtimeMs;
      // The same rows again (a refresh that changed only a body the rows do not show) write nothing.
      fs.utimesSync(file, new Date(0), new Date(0));
      screens.firstScreenListed(OWNER.folders, { incidents: list.incidents.map((i) => ({ ...i, incident: { ...i.incident, sections: { ...i.incident.sections, impact: 'edited body' } } })), problems: [] });
      await screens.flush();
      assert.equal(fs.statSync(file).mtimeMs, 0, 'an unchanged first screen is not written again');
      assert.ok(written > 0);
      const next = new ListingSnapshots(storage, 'build-1', 0);
      const groups = await next.readFirstScreen(OWNER.folders);
      assert.deepEqual([groups?.openTotal, groups?.resolvedTotal], [20, 10]);
      assert.equal(await new ListingSnapshots(storage, 'build-2', 0).readFirstScreen(OWNER.folders), undefined, 'another build does not use it');
      // A changed list is written, atomically: no temp file is left beside it.
      next.firstScreenListed(OWNER.folders, listOf(31));
      await next.flush();
      assert.equal((await new ListingSnapshots(storage, 'build-1', 0).readFirstScreen(OWNER.folders))?.resolvedTotal, 11);
      assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)]);
    });

    it('a window closed within the write delay still leaves its last first screen; nothing is taken after', async () => {
      const screens = new ListingSnapshots(storage, 'build-1', 60_000);
      screens.firstScreenListed(OWNER.folders, listOf(5));
      screens.dispose();
      await screens.flush();
      assert.equal((await screens.readFirstScreen(OWNER.folders))?.openTotal, 3);
      screens.firstScreenListed(OWNER.folders, listOf(50));
      await screens.flush();
      assert.equal((await screens.readFirstScreen(OWNER.folders))?.openTotal, 3, 'a disposed store writes nothing more');
    });

    it('a corrupt file or an unwritable storage folder is only a missing cache', async () => {
      const file = firstScreenPath(storage);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '{"format":"own-it-incidents-first-screen/1"}\n{not json');
      const screens = new ListingSnapshots(storage, 'build-1', 0);
      assert.equal(await screens.readFirstScreen(OWNER.folders), undefined);
      const blocked = path.join(storage, 'blocked');
      fs.writeFileSync(blocked, 'a file where the storage folder should be');
      const nowhere = new ListingSnapshots(blocked, 'build-1', 0);
      nowhere.firstScreenListed(OWNER.folders, listOf(5));
      await nowhere.flush();
      assert.equal(await nowhere.readFirstScreen(OWNER.folders), undefined);
    });
  });
});
