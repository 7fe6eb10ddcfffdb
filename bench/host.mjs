#!/usr/bin/env node
// Host benchmarks in the real VS Code (code-server + chromium via playwright-core), run by
// `npm run bench -- --host` (or `node bench/host.mjs [--runs N] [--view-runs N] [--items N]`).
// Needs `npm run build` and `npm run compile-tests` first (run.mjs does both for --host).
//   activation   our activate() body, recorded by the extension itself when
//                OWN_IT_BENCH_ACTIVATION names a file (one line per activation, per page load)
//   prompt       a revert made with the git CLI in the workspace → the notification in the DOM:
//                from the moment `git revert` returned to a MutationObserver seeing the text
//   panel        click on an incident row → the webview's first-contentful-paint
//   10k view     10,000 incident files → the Incidents view shows the Open count (from page load
//                and from our activation), and PageDown in the tree: key press to the first
//                animation frame after the focused row changed
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../scripts/testHost/codeServer.mjs';
import { CODE_SERVER_VERSION, repoRoot } from '../scripts/testHost/hostPaths.mjs';
import { createRunFolder, freePort, pruneOldRuns } from '../scripts/testHost/runFolder.mjs';
import { seedTestWorkspace } from '../scripts/testHost/gitRepo.mjs';
import { setupHost } from '../scripts/testHost/setup.mjs';
import { launchBrowser, workbenchUrl } from '../scripts/testHost/workbench.mjs';
import { measureUntrackedReverts } from './hostUntracked.mjs';
import { measureIssue19Rows } from './hostIssue19.mjs';
import { clickRow, openWorkbench, printResult, runCommand, showOwnIt, timingMarks, waitFor } from './hostPage.mjs';
import { writeIncidents } from './incidentFiles.mjs';

const require = createRequire(import.meta.url);
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const { newIncident, serializeIncident } = require(path.join(repoRoot, 'out', 'src', 'core', 'incidents', 'index.js'));

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const VIEW_RUNS = option('--view-runs', 3);
const ITEMS = option('--items', 10_000);
/** `--view-floor`: install bench/webviewFloor beside Own It, so the view row also times a tree that answers at once. */
const VIEW_FLOOR = process.argv.includes('--view-floor');
/** PageDown presses per load: the Open group lists 200 rows before its "Show more" row. */
const PAGE_DOWNS = 6;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
};
const log = (m) => console.error(`[bench:host] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function activationLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** activate() of our bundle, once per page load (each load starts a new extension host). */
async function measureActivation(page, url, file) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const before = activationLines(file).length;
    await openWorkbench(page, url);
    const lines = await waitFor(() => {
      const l = activationLines(file);
      return l.length > before ? l : undefined;
    }, 60_000, 'the activation record');
    times.push(lines[lines.length - 1].activateMs);
  }
  return stats(times);
}

/** Module evaluation of dist/extension.js in plain Node with a stub `vscode` (not in VS Code). */
function measureModuleLoad() {
  const script = `
    const Module = require('module');
    const load = Module._load;
    const stub = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
    // esbuild copies the module's own names into a namespace object for every module that imports
    // vscode: the stub offers the API's real top-level names (@types/vscode's one-tab exports, ~400),
    // not every property name the bundle reads (thousands, copied per module: that measured esbuild's
    // copying, 88 ms of self time in a profile, instead of our modules).
    const file = ${JSON.stringify(path.join(repoRoot, 'dist', 'extension.js'))};
    const api = {};
    const types = require('fs').readFileSync(${JSON.stringify(path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'))}, 'utf8');
    for (const m of types.matchAll(/^\\texport (?:namespace|class|enum|function|const|let) ([A-Za-z_$][\\w$]*)/gm)) api[m[1]] = stub;
    Module._load = function (req, ...rest) { return req === 'vscode' ? api : load.call(this, req, ...rest); };
    const t = performance.now();
    require(file);
    process.stdout.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return stats(times);
}

/**
 * Notification for a revert made with the git CLI. Toasts are not reliably painted in a headless
 * page, so the page watches the status bar's notification bell (it turns into `bell-dot` when a
 * notification arrives) and stamps the change with its own clock; the text is checked afterwards in
 * the Notifications center.
 */
async function measurePrompt(page, repo) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await runCommand(page, 'Notifications: Clear All Notifications');
    const subject = `Bench change ${i} ${Date.now().toString(36)}`;
    const file = path.join(repo.dir, 'src', `bench-${i}.js`);
    fs.writeFileSync(file, `export const BENCH_${i} = ${i};\n`);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', subject);
    await sleep(2000); // the commit's own refresh settles before the revert lands
    await page.evaluate(() => {
      const dot = () => document.getElementById('status.notifications')?.querySelector('.codicon-bell-dot') != null;
      window.__ownItSeen = undefined;
      const observer = new MutationObserver(() => {
        if (window.__ownItSeen === undefined && dot()) {
          window.__ownItSeen = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    });
    repo.git('revert', '--no-edit', 'HEAD');
    const revertedAt = Date.now();
    const seenAt = await waitFor(() => page.evaluate(() => window.__ownItSeen), 30_000, `a notification after reverting "${subject}"`);
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item-message').filter({ hasText: subject }).first().waitFor({ timeout: 10_000 });
    times.push(seenAt - revertedAt);
  }
  await runCommand(page, 'Notifications: Clear All Notifications');
  return stats(times);
}

async function findTitleFrame(page, title) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const value = await frame.evaluate(() => document.querySelector('#f-title')?.value).catch(() => undefined);
    if (value === title) return frame;
  }
  return undefined;
}

/**
 * Click on the incident row → first contentful paint of the panel's webview document (its own
 * `first-contentful-paint` entry, on the same wall clock as the click, which the page stamps).
 */
async function measurePanel(page, culpritFile) {
  const times = [];
  const filled = [];
  let fallbacks = 0;
  const title = 'Bench panel incident';
  for (let i = 0; i < RUNS; i++) {
    await runCommand(page, 'View: Close All Editors');
    await showOwnIt(page);
    const clickedAt = await clickRow(page, title);
    const frame = await waitFor(() => findTitleFrame(page, title), 30_000, 'the incident panel');
    const paintedAt = await frame.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return fcp ? performance.timeOrigin + fcp.startTime : undefined;
    });
    // Rarely the document has no paint entry (painted before it was shown): then the moment we
    // found the title, an upper bound (polled every 10 ms).
    times.push((paintedAt ?? Date.now()) - clickedAt);
    if (paintedAt === undefined) fallbacks++;
    // What the person came for: the culprit card with its files and the derived timeline (polled
    // every 10 ms, so an upper bound by that much).
    await waitFor(async () => ((await frame.locator('body', { hasText: culpritFile }).count()) > 0 && (await frame.locator('body', { hasText: 'Reverted by' }).count()) > 0 ? true : undefined), 30_000, 'the culprit card');
    filled.push(Date.now() - clickedAt);
  }
  return { ...stats(times), withoutPaintEntry: fallbacks, culpritShownMs: stats(filled) };
}

/**
 * Page load → the Open group shows its count; then PageDown in the tree, each key timed in the
 * page from keydown to the first animation frame after the focused row changed.
 */

async function measureView(page, url, openCount, activationFile, timingFile) {
  const ready = [];
  const afterActivation = [];
  const askedToShown = [];
  const viewMarks = [];
  const keys = [];
  const perLoad = [];
  // The page's own record of when rows first show (a frame after the DOM changed), instead of
  // playwright's polling, whose intervals grow to 0.5 s on a long wait.
  await page.addInitScript(() => {
    const seen = {};
    window.__ownItSeen = seen;
    const texts = { incident: 'Generated incident', floor: 'Floor panel incident' };
    let queued = false;
    const check = () => {
      queued = false;
      const rows = document.querySelectorAll('.part.sidebar .monaco-list-row');
      for (const [key, text] of Object.entries(texts)) {
        if (seen[key] === undefined && [...rows].some((r) => r.textContent.includes(text))) seen[key] = Date.now();
      }
      // The Incidents view's header with its open count.
      if (seen.openCount === undefined && [...document.querySelectorAll('.part.sidebar .pane-header')].some((h) => /^Incidents\s*\d+ open/.test(h.textContent.trim()))) seen.openCount = Date.now();
    };
    new MutationObserver(() => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(check);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < VIEW_RUNS; i++) {
    const started = Date.now();
    await openWorkbench(page, url);
    await showOwnIt(page);
    // The view's header says how many are open (its description), and the open incidents are its top level.
    const group = page.locator('.part.sidebar .pane-header', { hasText: `${openCount} open` }).first();
    // With `--view-floor`, the bench-only floor extension's one-row tree in the same container:
    // when the workbench shows a tree that answers at once, in the same loading window.
    const floorShown = VIEW_FLOOR
      ? page.locator('.part.sidebar .monaco-list-row', { hasText: 'Floor panel incident' }).first().waitFor({ timeout: 120_000 }).then(() => Date.now(), () => undefined)
      : Promise.resolve(undefined);
    // The first incident rows on screen (a start shows the listing snapshot's rows, whose counts
    // the check may then change), and the checked list's Open count with its rows.
    const firstRows = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Generated incident' }).first().waitFor({ timeout: 120_000 }).then(() => Date.now(), () => undefined);
    await group.waitFor({ timeout: 120_000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Generated incident' }).first().waitFor({ timeout: 60_000 });
    const shownAt = Date.now();
    const firstRowsAt = await firstRows;
    const seen = await page.evaluate(() => window.__ownItSeen ?? {});
    const floorAt = await floorShown;
    ready.push(shownAt - started);
    const act = activationLines(activationFile);
    afterActivation.push(shownAt - act[act.length - 1].at);
    // Our part: the workbench asked the Incidents view for its roots → the count on screen.
    const marks = timingMarks(timingFile, started);
    const asked = marks.filter((m) => m.step === 'incidents view: roots asked' && m.at <= shownAt).at(-1);
    if (asked) askedToShown.push(shownAt - asked.at);
    const answered = marks.filter((m) => m.step === 'incidents view: roots answered' && m.at <= shownAt);
    const activatedAt = act[act.length - 1].at;
    perLoad.push({
      ourFirstAnswerAfterActivationMs: answered.length ? answered[0].at - activatedAt : undefined,
      ourLastAnswerAfterActivationMs: answered.length ? answered.at(-1).at - activatedAt : undefined,
      firstRowsAfterActivationMs: firstRowsAt !== undefined ? firstRowsAt - activatedAt : undefined,
      shownAfterActivationMs: shownAt - activatedAt,
      ...(floorAt !== undefined ? { floorRowShownAfterActivationMs: floorAt - activatedAt } : {}),
      ...(seen.openCount !== undefined ? { pageSawOpenCountAfterActivationMs: seen.openCount - activatedAt } : {}),
      ...(seen.incident !== undefined ? { pageSawIncidentRowAfterActivationMs: seen.incident - activatedAt } : {}),
      ...(seen.floor !== undefined ? { pageSawFloorRowAfterActivationMs: seen.floor - activatedAt } : {}),
    });
    viewMarks.push(marks.filter((m) => m.at <= shownAt).map((m) => ({ step: m.step, afterActivationMs: m.at - act[act.length - 1].at, ...(m.entries !== undefined ? { entries: m.entries } : {}), ...(m.incidents !== undefined ? { incidents: m.incidents } : {}) })));
    // The keys go to the tree: focus its list (a click on a row would open the incident).
    await page.evaluate(() => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].find((r) => r.textContent.includes('Generated incident'))?.closest('.monaco-list')?.focus());
    await page.locator(".part.sidebar .monaco-list-row", { hasText: "Generated incident" }).first().waitFor();
    for (let k = 0; k < PAGE_DOWNS; k++) {
      await page.evaluate(() => {
        const row = [...document.querySelectorAll('.part.sidebar .monaco-list-row')].find((r) => r.textContent.includes('Generated incident'));
        const list = row?.closest('.monaco-list');
        const focused = () => list?.querySelector('.monaco-list-row.focused')?.getAttribute('data-index');
        window.__ownItKey = new Promise((resolve) => {
          const before = focused();
          let t = 0;
          const tick = () => {
            if (focused() !== before) requestAnimationFrame(() => resolve(performance.now() - t));
            else if (performance.now() - t > 2000) resolve(undefined); // at the end of the list
            else requestAnimationFrame(tick);
          };
          window.addEventListener('keydown', () => ((t = performance.now()), tick()), { capture: true, once: true });
        });
      });
      await page.keyboard.press('PageDown');
      const ms = await page.evaluate(() => window.__ownItKey);
      if (ms !== undefined) keys.push(ms);
    }
  }
  // The first load reads every file; the later ones start from the listing snapshot it left (workspace storage).
  return { ready: stats(ready), afterActivation: stats(afterActivation), afterActivationEach: afterActivation, askedToShown: askedToShown.length ? stats(askedToShown) : undefined, askedToShownEach: askedToShown, perLoad, marks: viewMarks, pageDown: stats(keys) };
}

/**
 * The rows this run measures (`--rows activation,prompt,panel,issue19,view,untracked`; all by
 * default). A row left out is left out of the result, and `bench/run.mjs --host-only --rows …`
 * keeps the earlier numbers of the rows not measured.
 */
export const HOST_ROWS = ['activation', 'prompt', 'panel', 'issue19', 'view', 'untracked'];

export async function runHostBench({ rows = HOST_ROWS } = {}) {
  const want = (row) => rows.includes(row);
  setupHost();
  pruneOldRuns();
  const dirs = createRunFolder('bench');
  const repo = seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));
  const bad = repo.commit('Cache cart totals per session', { 'src/cart.js': 'export const cache = new Map();\n' });
  const revert = repo.revert(bad);
  fs.mkdirSync(path.join(dirs.workspace, 'docs', 'incidents'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.workspace, 'docs', 'incidents', '2026-11-18-bench-panel-incident.md'),
    serializeIncident(newIncident({ title: 'Bench panel incident', culprits: [bad], revert }, new Date('2026-11-18T13:30:00Z'))),
  );
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'Write up the bench incident');
  const activationFile = path.join(dirs.root, 'activation.jsonl');
  const timingFile = path.join(dirs.root, 'timing.jsonl');
  log(`run folder ${dirs.root}`);
  const port = await freePort();
  if (VIEW_FLOOR) fs.cpSync(path.join(benchDir, 'webviewFloor'), path.join(dirs.extensions, 'own-it-bench.webview-floor-0.0.1'), { recursive: true });
  const server = await startCodeServer({ port, dirs, env: { OWN_IT_BENCH_ACTIVATION: activationFile, OWN_IT_BENCH_TIMING: timingFile } });
  const context = await launchBrowser(dirs);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const url = workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: repoRoot });
    const out = { versions: { codeServer: CODE_SERVER_VERSION, extensionBundleBytes: fs.statSync(path.join(repoRoot, 'dist', 'extension.js')).size } };
    if (want('activation')) {
      log(`activation (${RUNS} page loads)…`);
      out.activationMs = await measureActivation(page, url, activationFile);
      out.moduleLoadMs = measureModuleLoad();
    }
    if (want('prompt')) {
      log(`prompt after git revert (${RUNS} reverts)…`);
      out.promptMs = await measurePrompt(page, repo);
    }
    if (want('panel')) {
      log(`incident panel first paint (${RUNS} opens)…`);
      out.panelFirstPaintMs = await measurePanel(page, 'src/cart.js');
    }
    if (want('issue19')) out.issue19 = await measureIssue19Rows(page, url, dirs.workspace, { runs: RUNS, log, timingFile });
    if (want('view')) {
      log(`writing ${ITEMS} incident files…`);
      writeIncidents(dirs.workspace, ITEMS);
      // Committed, as a team's incident write-ups are: 10,000 untracked files would measure the git
      // extension listing them in Source Control (~6 s of the extension host's CPU in a profile).
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', `Write up ${ITEMS} incidents`);
      const open = fs.readdirSync(path.join(dirs.workspace, 'docs', 'incidents')).length - Math.ceil(ITEMS / 3);
      log(`Incidents view with ${ITEMS} incidents (${VIEW_RUNS} page loads)…`);
      const view = await measureView(page, url, open, activationFile, timingFile);
      out.incidentsView = { items: ITEMS, open, pageLoadToCountMs: view.ready, activationToCountMs: view.afterActivation, activationToCountEachMs: view.afterActivationEach, askedToShownEachMs: view.askedToShownEach, perLoad: view.perLoad, pageDownMs: view.pageDown };
      log(`  ${JSON.stringify(out.incidentsView.activationToCountMs)} after activation`);
    }
    if (want('untracked')) {
      // A failed load (a reload that never shows the view) is recorded; the other rows still count.
      out.untrackedReverts = await measureUntrackedReverts({ page, urlFor: (folder) => workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot }), workspaceRoot: dirs.root, benchDir, runs: VIEW_RUNS, timingFile, log, stats }).catch((e) => ({ error: String(e?.message ?? e).split('\n')[0] }));
    }
    return out;
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(benchDir, 'host.mjs')) {
  printResult(runHostBench());
}
