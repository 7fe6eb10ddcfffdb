/**
 * Hostile conditions for the incident panel in the real host: repository text carrying payloads,
 * a branch switch that removes the incidents folder under unsaved edits, and a full or read-only
 * disk on save. The person's text must survive every case, and the error must say what to do.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IncidentStore } from '../../src/core/incidents';
import type { Incident } from '../../src/core/incidents/model';
import { IncidentPanel, type IncidentPanelDeps } from '../../src/webviews/incident/incidentPanel';
import type { HostMessage } from '../../src/webviews/incident/protocol';
import { PAYLOADS } from '../helpers/hostileRepo';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor } from './helpers/host';

type Of<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

function recorder(panel: IncidentPanel) {
  const seen: HostMessage[] = [];
  const sub = panel.onDidPostMessage((m) => seen.push(m));
  return {
    dispose: () => sub.dispose(),
    seen: () => seen,
    mark: () => seen.length,
    next<T extends HostMessage['type']>(type: T, from = 0, match: (m: Of<T>) => boolean = () => true, timeoutMs = 10_000): Promise<Of<T>> {
      return waitFor(`a "${type}" message`, () => seen.slice(from).find((m): m is Of<T> => m.type === type && match(m as Of<T>)), timeoutMs);
    },
  };
}

function withImpact(incident: Incident, impact: string): Incident {
  const copy = structuredClone(incident);
  copy.sections.impact = impact;
  return copy;
}

/** A tiny tmpfs (the test host runs as root in CI); undefined where mounting is not allowed. */
function mountTmpfs(options: string): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Already gone.
  }
}

describe('hostile: incident panel keeps the person’s text', function () {
  this.timeout(60_000);
  const FOLDER = 'docs/hostile-incidents';
  let root: string;
  let deps: IncidentPanelDeps;

  before(async () => {
    const { extension } = await activateOwnIt();
    root = testWorkspace();
    deps = { extensionUri: extension.extensionUri, incidentsFolder: () => FOLDER };
  });
  afterEach(() => {
    for (const p of IncidentPanel.all) p.dispose();
  });

  it('passes repository text to the UI as data, unchanged (the UI renders it as text)', async () => {
    const culprit = commitFile(root, 'src/hostile-panel.js', 'export const x = 1;\n', `${PAYLOADS.html} ${PAYLOADS.ansi}${PAYLOADS.rtl}`);
    const store = new IncidentStore(root, FOLDER);
    const { path: incidentPath } = await store.create({ title: PAYLOADS.svg, culprits: [culprit] });
    const panel = await IncidentPanel.open(deps, { kind: 'file', repoRoot: root, incidentPath });
    const rec = recorder(panel);
    await panel.simulateUiMessage({ type: 'ready' });
    const { state } = await rec.next('state');
    assert.equal(state.incident.title, PAYLOADS.svg);
    assert.equal(state.culprits[0].subject, `${PAYLOADS.html} ${PAYLOADS.ansi}${PAYLOADS.rtl}`);
    rec.dispose();
    fs.rmSync(path.join(root, FOLDER), { recursive: true, force: true });
  });

  it('a branch switch removes the incidents folder under unsaved edits: a conflict, then Keep mine writes the text back', async () => {
    const before = git(root, 'rev-parse', 'HEAD');
    const branch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
    const store = new IncidentStore(root, FOLDER);
    const created = await store.create({ title: 'Checkout under my feet' });
    git(root, 'add', created.relativePath);
    git(root, 'commit', '-q', '-m', 'Add incident');
    const panel = await IncidentPanel.open(deps, { kind: 'file', repoRoot: root, incidentPath: created.path });
    const rec = recorder(panel);
    await panel.simulateUiMessage({ type: 'ready' });
    const { state } = await rec.next('state');
    try {
      let from = rec.mark();
      git(root, 'checkout', '-q', '--detach', before);
      assert.equal(fs.existsSync(path.join(root, FOLDER)), false, 'the checkout removed the folder');
      // The file watcher may or may not report a file whose whole folder vanished; if the panel
      // does hear of it, it must be the "deleted" conflict, never a read error.
      const notice = await rec.next('conflict', from, () => true, 3000).catch(() => undefined);
      if (notice) assert.match(notice.message, /was deleted\. Keep mine writes it again/);
      assert.equal(rec.seen().slice(from).filter((m) => m.type === 'saveFailed').length, 0);

      // The person keeps typing: the edit is refused as a conflict, never lost, never an unsafe-path error.
      const mine = withImpact(state.incident, 'Typed while git removed the folder.');
      from = rec.mark();
      await panel.simulateUiMessage({ type: 'edit', incident: mine, baseVersion: state.version });
      const conflict = await rec.next('conflict', from);
      assert.match(conflict.message, /deleted/);
      assert.equal(conflict.theirs, undefined);

      from = rec.mark();
      await panel.simulateUiMessage({ type: 'resolveConflict', choice: 'keepMine', incident: mine });
      await rec.next('saved', from);
      assert.match(fs.readFileSync(created.path, 'utf8'), /Typed while git removed the folder\./);
    } finally {
      rec.dispose();
      panel.dispose();
      fs.rmSync(path.join(root, FOLDER), { recursive: true, force: true });
      git(root, 'checkout', '-q', branch);
      git(root, 'rm', '-q', '-r', FOLDER);
      git(root, 'commit', '-q', '-m', 'Remove hostile incident');
    }
  });

  for (const [label, options, remount, expected] of [
    ['disk full', 'size=64k', false, /the disk is full; free some space and save again\. Nothing was changed\./],
    ['read-only file system', 'size=1m', true, /the file system is read-only; save again once it is writable\. Nothing was changed\./],
  ] as const) {
    it(`${label} on save: the panel says what to do, the file and the panel keep their text`, async function () {
      const disk = mountTmpfs(options);
      if (!disk) return this.skip();
      try {
        const store = new IncidentStore(disk, FOLDER);
        const created = await store.create({ title: label });
        const onDisk = fs.readFileSync(created.path, 'utf8');
        const panel = await IncidentPanel.open(deps, { kind: 'file', repoRoot: disk, incidentPath: created.path });
        const rec = recorder(panel);
        await panel.simulateUiMessage({ type: 'ready' });
        const { state } = await rec.next('state');
        if (remount) execFileSync('mount', ['-o', 'remount,ro', disk]);
        const from = rec.mark();
        await panel.simulateUiMessage({ type: 'edit', incident: withImpact(state.incident, 'y'.repeat(200 * 1024)), baseVersion: state.version });
        const failed = await rec.next('saveFailed', from);
        assert.match(failed.message, expected);
        assert.equal(fs.readFileSync(created.path, 'utf8'), onDisk);
        assert.equal(panel.incident?.sections.impact, state.incident.sections.impact, 'the panel still holds the last saved version');
        rec.dispose();
        panel.dispose();
      } finally {
        unmount(disk);
      }
    });
  }
});
