// The Incidents view after a window reload (issue #19): it shows the first screen the last
// session kept in workspace storage at once, then the incident files as they are now. The kept
// file is given a title only it has, so a row with that title on screen proves it was served;
// the file on disk has another title, which must replace it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncidentStore } from '../../src/core/incidents';
import { decodeFirstScreen, encodeFirstScreen, type FirstScreenOwner } from '../../src/services/firstScreen';
import { screenshotOnFailure, sharedSession } from './helpers/session';
import { ui, type Workbench } from './helpers/workbench';

const ON_DISK = 'Kept screen: the title in the file';
const KEPT_ONLY = 'Kept screen: a title only the kept file has';

/** The first screen the extension kept, found in the run's VS Code user data (beside its settings.json). */
function findFirstScreen(): string | undefined {
  const storage = path.join(path.dirname(ui.settings()), 'workspaceStorage');
  for (const workspace of fs.existsSync(storage) ? fs.readdirSync(storage) : []) {
    const file = path.join(storage, workspace, 'own-it.own-it', 'incidents-view', 'first-screen.json');
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(ON_DISK)) return file;
  }
  return undefined;
}

async function waitForFile(find: () => string | undefined, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the Incidents view\'s first screen was never written to workspace storage');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Incidents view after a window reload', function () {
  this.timeout(90_000);
  let wb: Workbench;
  let incidentFile: string;

  before(async () => {
    ({ wb } = await sharedSession());
    incidentFile = (await new IncidentStore(ui.workspace()).create({ title: ON_DISK, detected: '2026-11-30T09:00:00.000Z' })).path;
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest);
  });

  after(() => {
    fs.rmSync(incidentFile, { force: true });
  });

  it('shows the kept first screen at once, then the incident files as they are now', async () => {
    await wb.showOwnIt();
    const row = (title: string) => wb.sideBar().locator('.monaco-list-row', { hasText: title }).first();
    await row(ON_DISK).waitFor({ timeout: 20_000 });
    // Written a few seconds after the list that showed the new incident.
    const file = await waitForFile(findFirstScreen, 30_000);
    const text = fs.readFileSync(file, 'utf8');
    const [producer, folders] = JSON.parse((JSON.parse(text) as { owner: string }).owner) as [string, [string, string][]];
    const owner: FirstScreenOwner = { producer, folders: folders.map(([repoRoot, folder]) => ({ repoRoot, folder })) };
    const groups = decodeFirstScreen(text, owner);
    assert.ok(groups, 'the kept first screen reads back');
    const kept = groups.open.find((i) => i.path === incidentFile);
    assert.ok(kept, 'the new incident is on the kept first screen');
    kept.incident.title = KEPT_ONLY;
    fs.writeFileSync(file, encodeFirstScreen(owner, groups));

    // The page records every title it ever shows, from its first frame after the reload.
    await wb.page.addInitScript(`
      window.__keptRow = {};
      new MutationObserver(() => {
        const rows = document.querySelectorAll('.part.sidebar .monaco-list-row');
        if (window.__keptRow.at === undefined && [...rows].some((r) => r.textContent.includes(${JSON.stringify(KEPT_ONLY)}))) window.__keptRow.at = Date.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    `);
    await wb.reloadWindow();
    await row(ON_DISK).waitFor({ timeout: 30_000 });
    const seen = (await wb.page.evaluate('window.__keptRow && window.__keptRow.at')) as number | undefined;
    assert.ok(seen !== undefined, 'the kept first screen was not shown before the files were checked');
    assert.equal(await row(KEPT_ONLY).count(), 0, 'the kept title is replaced by the file\'s');
    await wb.screenshot('incidents-after-reload');
  });
});
