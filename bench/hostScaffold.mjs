// Issue 19 host row: Scaffold Regression Test → the new test file open at its placeholder, in the
// real workbench. The person's path: the incident panel is open (its culprit card drawn), the
// panel's "Scaffold regression test" button is clicked (the page stamps the click), and the end is
// the first poll (10 ms) that sees an editor showing the OWN-IT-PLACEHOLDER line. Between runs the
// created file is deleted and the incident's new action item is checked out again, so every run
// creates the file (the first run also pays for requiring dist/scaffold.js and its grammars).
// The same loop times the panel open (click on the incident row → culprit card and revert shown).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { armClickClock, openIncidentPanel, readClickClock, runCommand, sleep, stats, timingMarks, waitFor } from './hostPage.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { newIncident, serializeIncident } = require(path.join(repoRoot, 'out', 'src', 'core', 'incidents', 'index.js'));

function git(dir, ...args) {
  return execFileSync('git', ['-c', 'user.name=Bench Person', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }).trim();
}

/**
 * Plants a shipped-then-reverted change of `file` (which must exist and stay in today's code) on
 * top of the repository's own history, and commits an incident naming it. Returns what the rows need.
 */
export function plantIncident(dir, { file, title, line = '// bench: changed by the culprit\n' }) {
  fs.appendFileSync(path.join(dir, file), line);
  git(dir, 'add', '--', file);
  git(dir, 'commit', '-q', '-m', `Tune ${path.basename(file)} for the bench`);
  const culprit = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'revert', '--no-edit', culprit);
  const revert = git(dir, 'rev-parse', 'HEAD');
  const folder = path.join(dir, 'docs', 'incidents');
  fs.mkdirSync(folder, { recursive: true });
  const name = `2026-11-18-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`;
  fs.writeFileSync(path.join(folder, name), serializeIncident(newIncident({ title, culprits: [culprit], revert }, new Date('2026-11-18T13:30:00Z'))));
  git(dir, 'add', '--', path.join('docs', 'incidents', name));
  git(dir, 'commit', '-q', '-m', `Write up ${title}`);
  return { title, culprit, revert, culpritFile: file, incidentFile: path.join('docs', 'incidents', name) };
}

/** Puts the work tree back as it was before a scaffold: created files removed, the incident's new action item undone. */
export function undoScaffold(dir) {
  for (const line of git(dir, 'status', '--porcelain', '-uall').split('\n').filter(Boolean)) {
    if (line.startsWith('??')) fs.rmSync(path.join(dir, line.slice(3)), { force: true });
  }
  git(dir, 'checkout', '-q', '--', '.');
}

export async function placeholderShown(page) {
  return page
    .evaluate(() => [...document.querySelectorAll('.editor-instance .view-lines')].some((l) => l.textContent.includes('OWN-IT-PLACEHOLDER')))
    .catch(() => false);
}

export async function measureScaffold(page, dir, planted, { runs = 5, log = () => undefined, timingFile, readMs = 0 } = {}) {
  const panel = [];
  // Click → the webview's document started (VS Code creating the webview; the rest is the page's).
  const panelDocumentStart = [];
  const scaffold = [];
  // With the extension's timing log: each run's `scaffold: …` marks, ms after the button's click.
  const splits = [];
  const files = new Set();
  for (let i = 0; i < runs; i++) {
    log(`scaffold run ${i + 1}/${runs}…`);
    await runCommand(page, 'View: Close All Editors');
    const { frame, clickedAt, culpritAt, documentStartMs } = await openIncidentPanel(page, planted.title, planted.culpritFile);
    panel.push(culpritAt - clickedAt);
    if (documentStartMs !== undefined) panelDocumentStart.push(documentStartMs);
    const button = frame.locator('#prevent-scaffold');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    // A person reads the culprit card before choosing a prevention (0: the click comes at once).
    if (readMs > 0) await sleep(Math.max(0, culpritAt + readMs - Date.now()));
    // The click's time is the webview's own mousedown (the clock armed in its frame).
    const armedAt = await armClickClock(frame);
    await button.click();
    const at = await readClickClock(frame, armedAt);
    await waitFor(() => placeholderShown(page), 120_000, 'the scaffolded test at its placeholder');
    const shownAt = Date.now();
    scaffold.push(shownAt - at);
    if (timingFile) splits.push(Object.fromEntries(timingMarks(timingFile, at).filter((m) => m.at <= shownAt && m.step.startsWith('scaffold: ')).map((m) => [m.step.slice('scaffold: '.length), m.at - at])));
    for (const line of git(dir, 'status', '--porcelain', '-uall').split('\n')) if (line.startsWith('??')) files.add(line.slice(3));
    await runCommand(page, 'View: Close All Editors');
    // The action item is saved after the file opens: let it land before it is undone.
    await sleep(1500);
    undoScaffold(dir);
    await sleep(1500);
  }
  return { panelCulpritMs: stats(panel), panelDocumentStartMs: panelDocumentStart.length ? stats(panelDocumentStart) : undefined, scaffoldToPlaceholderMs: stats(scaffold), ...(timingFile ? { scaffoldSplits: splits } : {}), createdFiles: [...files] };
}
