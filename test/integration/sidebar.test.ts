import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnItApi } from '../../src/api';
import * as os from 'node:os';
import { decodeListingSnapshot, encodeListingSnapshot, IncidentStore, newIncident, serializeIncident } from '../../src/core/incidents';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor, findNode, findOpenIncident } from './helpers/host';

/** The listing snapshot the extension wrote for an incidents folder, found in the run's VS Code user data. */
function findListingSnapshot(folderEnd: string): string | undefined {
  const walk = (dir: string, depth: number): string | undefined => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 6) {
        const found = walk(full, depth + 1);
        if (found) return found;
      } else if (e.isFile() && path.basename(dir) === 'incident-listing' && e.name.endsWith('.json')) {
        const text = fs.readFileSync(full, 'utf8');
        const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { folder: string };
        if (header.folder.endsWith(folderEnd)) return full;
      }
    }
    return undefined;
  };
  // The runner keeps HOME and VS Code's user data side by side in one run folder.
  return walk(path.join(os.homedir(), '..', 'user-data'), 0);
}

describe('sidebar views', function () {
  this.timeout(60_000);
  let api: OwnItApi;
  let root: string;

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
    await api.whenReady();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows an open incident at the view\'s top level with its culprit, revert and action items', async () => {
    const culprit = commitFile(root, 'src/search.js', 'export const pageSize = 0;\n', 'Set search page size to zero');
    git(root, 'revert', '--no-edit', culprit);
    const revert = git(root, 'rev-parse', 'HEAD');
    const store = new IncidentStore(root, 'docs/incidents');
    await store.create({
      title: 'Search returned no results',
      culprits: [culprit],
      revert,
      actions: [
        { text: 'Add a page-size regression test', kind: 'test', done: false, due: '2020-01-01' },
        { text: 'Alert on zero-result rate', kind: 'monitoring', done: true },
      ],
    });

    const incident = await waitFor('the incident in the Incidents view', async () => {
      const { incidents } = await api.snapshotViews();
      return findOpenIncident(incidents, 'Search returned no results');
    });
    assert.equal(incident.contextValue, 'ownIt.incident.open');
    assert.match(incident.description ?? '', /sev3 · \d{4}-\d{2}-\d{2} · 1 pending, overdue/);
    // The hover is made when the workbench resolves the row, not for every row of a page.
    const hover = (incident.tooltip ?? '').replace(/&nbsp;/g, ' ');
    assert.match(hover, /^Search returned no results\n/);
    assert.match(hover, /open · sev3 · detected \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    assert.match(hover, /1 of 2 action items done/);
    const children = incident.children ?? [];
    assert.deepEqual(
      children.map((c) => [c.label, c.description]),
      [
        ['Set search page size to zero', `culprit · ${culprit.slice(0, 7)}`],
        ['Revert "Set search page size to zero"', `revert · ${revert.slice(0, 7)}`],
        ['Add a page-size regression test', 'test · overdue since 2020-01-01'],
        ['Alert on zero-result rate', 'monitoring'],
      ],
    );
  });

  it('lists reverts without an incident, and drops one once an incident is created for it', async () => {
    const bad = commitFile(root, 'src/tax.js', 'export const rate = 2;\n', 'Double the tax rate');
    git(root, 'revert', '--no-edit', bad);
    const revert = git(root, 'rev-parse', 'HEAD');
    const subject = 'Revert "Double the tax rate"';

    await vscode.commands.executeCommand('ownIt.refresh');
    await waitFor('the untracked revert', async () => findNode((await api.snapshotViews()).untrackedReverts, subject));
    const snapshot = await api.snapshotViews();
    assert.equal(findNode(snapshot.untrackedReverts, 'Revert "Set search page size to zero"'), undefined, 'a revert with an incident is not untracked');

    const [detection] = (await api.scanRepository(root)).filter((d) => d.sha === revert);
    assert.ok(detection);
    await vscode.commands.executeCommand('ownIt.createIncidentFromRevert', { repoRoot: root, detection });
    await waitFor('the revert to leave Untracked Reverts', async () => (findNode((await api.snapshotViews()).untrackedReverts, subject) ? undefined : true));
    const { incidents } = await api.snapshotViews();
    assert.ok(findOpenIncident(incidents, 'Double the tax rate reverted'), JSON.stringify(incidents));
  });

  it('moves an incident to Resolved when it is marked resolved', async () => {
    const { incidents } = await api.snapshotViews();
    assert.ok(findOpenIncident(incidents, 'Search returned no results'));
    const file = fs.readdirSync(path.join(root, 'docs/incidents')).find((f) => f.includes('search-returned-no-results'));
    assert.ok(file);
    await vscode.commands.executeCommand('ownIt.markResolved', { repoRoot: root, incidentPath: path.join(root, 'docs/incidents', file) });
    const resolved = await waitFor('the incident under Resolved', async () => findNode(findNode((await api.snapshotViews()).incidents, 'Resolved')?.children, 'Search returned no results'));
    assert.equal(resolved.contextValue, 'ownIt.incident.resolved');
    assert.match(fs.readFileSync(path.join(root, 'docs/incidents', file), 'utf8'), /^status: resolved$/m);
  });

  it('lists 200 open incidents at the top level, then a row that shows the rest', async () => {
    const config = vscode.workspace.getConfiguration(undefined, vscode.Uri.file(root));
    const folder = 'docs/paged';
    fs.mkdirSync(path.join(root, folder), { recursive: true });
    for (let i = 0; i < 205; i++) {
      const detected = new Date(Date.UTC(2026, 0, 1, 0, i));
      fs.writeFileSync(path.join(root, folder, `2026-01-01-paged-${String(i).padStart(3, '0')}.md`), serializeIncident(newIncident({ title: `Paged incident ${i}` }, detected)));
    }
    await config.update('ownIt.incidents.folder', folder, vscode.ConfigurationTarget.Workspace);
    try {
      const top = async () => (await api.snapshotViews()).incidents;
      const first = await waitFor('the first page of open incidents', async () => {
        const nodes = await top();
        return nodes.some((n) => n.label === 'Show 5 more…') ? nodes : undefined;
      });
      const rows = first.filter((n) => n.contextValue === 'ownIt.incident.open');
      assert.equal(rows.length, 200);
      assert.equal(rows[0].label, 'Paged incident 204', 'newest first');
      await vscode.commands.executeCommand('ownIt.refresh', { showMore: 'Open' });
      const all = await waitFor('every open incident', async () => {
        const nodes = await top();
        return nodes.filter((n) => n.contextValue === 'ownIt.incident.open').length === 205 ? nodes : undefined;
      });
      assert.equal(all.at(-1)?.label, 'Paged incident 0');
      assert.ok(!all.some((n) => /^Show \d+ more/.test(n.label)), 'nothing left to show');
    } finally {
      await config.update('ownIt.incidents.folder', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(path.join(root, folder), { recursive: true, force: true });
    }
  });

  it('lists an incident written where no file event arrives (a folder excluded from watching)', async () => {
    const config = vscode.workspace.getConfiguration(undefined, vscode.Uri.file(root));
    await config.update('files.watcherExclude', { '**/docs/unwatched/**': true }, vscode.ConfigurationTarget.Workspace);
    await config.update('ownIt.incidents.folder', 'docs/unwatched', vscode.ConfigurationTarget.Workspace);
    try {
      fs.mkdirSync(path.join(root, 'docs/unwatched'), { recursive: true });
      await waitFor('the Incidents view to read the new, empty folder', async () => (findOpenIncident((await api.snapshotViews()).incidents, 'Double the tax rate reverted') ? undefined : true));
      await new IncidentStore(root, 'docs/unwatched').create({ title: 'Written without a file event' });
      await waitFor('the incident in the Incidents view', async () => findOpenIncident((await api.snapshotViews()).incidents, 'Written without a file event'));
    } finally {
      await config.update('ownIt.incidents.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('files.watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(path.join(root, 'docs/unwatched'), { recursive: true, force: true });
    }
  });

  it('after a restart, lists an incident edited meanwhile with its new content, and unchanged ones from the snapshot', async () => {
    const config = vscode.workspace.getConfiguration(undefined, vscode.Uri.file(root));
    const folder = 'docs/snapshotted';
    const store = new IncidentStore(root, folder);
    const edited = await store.create({ title: 'Snapshot title v1' }, new Date('2026-01-01T10:00:00Z'));
    const unchanged = await store.create({ title: 'Unchanged meanwhile' }, new Date('2026-01-02T10:00:00Z'));
    const listed = async (label: string) => findOpenIncident((await api.snapshotViews()).incidents, label);
    await config.update('ownIt.incidents.folder', folder, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the folder in the Incidents view', () => listed('Unchanged meanwhile'));
      const file = await waitFor('the listing snapshot', () => findListingSnapshot(path.join('docs', 'snapshotted')), 20_000);
      // Another folder is listed now: nothing reads or watches this one, as when VS Code was closed.
      await config.update('ownIt.incidents.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('the default folder listed again', async () => ((await listed('Unchanged meanwhile')) ? undefined : true));
      // Same size: only the file's stamps tell the edit apart.
      fs.writeFileSync(edited.path, fs.readFileSync(edited.path, 'utf8').replace('title: Snapshot title v1', 'title: Snapshot title v2'));
      // The unchanged file's entry gets a title only the snapshot has (its stamps kept): shown, it proves the snapshot is read.
      const text = fs.readFileSync(file, 'utf8');
      const owner = JSON.parse(text.slice(0, text.indexOf('\n'))) as { folder: string; producer: string };
      const entries = decodeListingSnapshot(text, owner);
      assert.ok(entries && entries.length === 2, 'the snapshot holds both incidents');
      const marked = entries.map((e) => (e.name === path.basename(unchanged.path) ? { ...e, incident: { ...e.incident, title: 'Served from the snapshot' } } : e));
      fs.writeFileSync(file, await encodeListingSnapshot(owner, marked));

      await config.update('ownIt.incidents.folder', folder, vscode.ConfigurationTarget.Workspace);
      await waitFor('the edited incident with its new title', () => listed('Snapshot title v2'));
      assert.equal(await listed('Snapshot title v1'), undefined, 'the old content is not shown');
      assert.ok(await listed('Served from the snapshot'), 'the unchanged file was not read again');
    } finally {
      await config.update('ownIt.incidents.folder', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(path.join(root, folder), { recursive: true, force: true });
    }
  });
});
