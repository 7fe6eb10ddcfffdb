#!/usr/bin/env node
// Issue 19: what VS Code itself spends opening a webview panel here, against what the incident
// panel (or, with `--insights`, Show Insights) spends, in one code-server run, interleaved
// (`node bench/hostFloor.mjs [--runs N] [--insights] [--compare <path>]`).
// Needs `npm run build` and `npm run compile-tests` first.
//
// The floor is bench/webviewFloor, installed beside Own It as a user extension (copied into the
// run's extensions folder; the workbench loads only one development extension): a row
// in Own It's view container whose command creates a panel at once; its page loads one script
// under a strict CSP, says `ready`, and draws the title and a file name the host sends back. That
// is the incident panel's protocol with none of its work, so floor → drawn is the least any
// webview panel costs on this machine, and the incident panel's time above it is ours.
//
// Each run reloads the workbench (a new extension host), waits for Own It's `activated` mark and
// SETTLE_MS, then opens three panels, closing all editors between them: odd runs the floor, the
// incident panel, the floor; even runs the incident panel, the floor, the incident panel. The first
// open in a window pays for VS Code's webview set-up; the later ones are what a person opening a
// panel in a window open a while waits for. `--compare <path>` measures a second build of Own It
// (a worktree of an earlier commit, built) in the same server, its reloads interleaved with this one's.
// Per open: click → the webview document's start (`performance.timeOrigin`), → its first
// contentful paint, → content drawn (the title, the file and "Reverted by" in the page; polled
// every 10 ms), for the incident panel also git's facts (the facts list, which comes with the
// reach and the team update's tone verdict), the fetches the page made, and the marks of both extensions (OWN_IT_BENCH_TIMING:
// asked, created, page ready, state sent) and of both pages (User Timing: first state received
// and drawn; `pageDrawnMs` is the drawn mark, an end without the polling's own cost, which grows
// with the page's text). The log's `event loop blocked` marks say whether the extension host ran.
//
// `--scaffold`: the floor under Scaffold Regression Test. Each reload opens the incident panel
// (until git's facts show), then either clicks its Scaffold button or runs the floor's "Create
// Floor Test File" (the same `WorkspaceEdit` file creation and `showTextDocument` as the scaffold,
// with no other work), alternating which comes first in a window; then the panel again and the
// other one. The end of both is the first poll that shows the OWN-IT-PLACEHOLDER line; the split is
// each extension's own marks (asked → file shown), so the palette's own time is left out of the floor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../scripts/testHost/codeServer.mjs';
import { repoRoot } from '../scripts/testHost/hostPaths.mjs';
import { createRunFolder, freePort, pruneOldRuns } from '../scripts/testHost/runFolder.mjs';
import { seedTestWorkspace } from '../scripts/testHost/gitRepo.mjs';
import { setupHost } from '../scripts/testHost/setup.mjs';
import { launchBrowser, workbenchUrl } from '../scripts/testHost/workbench.mjs';
import { placeholderShown, plantIncident, undoScaffold } from './hostScaffold.mjs';
import { chartsFrame, clickShowInsights } from './hostInsights.mjs';
import { activatedSince, armClickClock, clickRow, openIncidentPanel, printResult, openWorkbench, readClickClock, runCommand, showOwnIt, sleep, stats, timingMarks, waitFor } from './hostPage.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const SETTLE_MS = 3000;
const FLOOR_TITLE = 'Floor panel incident';
const log = (m) => console.error(`[bench:floor] ${m}`);

/** The webview frame whose title field holds `title`. */
async function frameWithTitle(page, title) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if (await frame.evaluate((t) => document.querySelector('#f-title')?.value === t, title).catch(() => false)) return frame;
  }
  return undefined;
}

/** Clicks a row and waits for its panel's content (and with `facts`, git's facts); returns the times after the click. */
async function openByRow(page, rowText, title, file, timingFile, { facts = false } = {}) {
  await showOwnIt(page);
  const clickedAt = await clickRow(page, rowText);
  const frame = await waitFor(() => frameWithTitle(page, title), 60_000, `the panel of ${rowText}`);
  await waitFor(async () => ((await frame.locator('body', { hasText: file }).count()) > 0 && (await frame.locator('body', { hasText: 'Reverted by' }).count()) > 0 ? true : undefined), 60_000, `the content of ${rowText}`);
  const record = await openRecord(frame, clickedAt, Date.now(), timingFile);
  if (!facts) return record;
  // The card's timeline rows come with it; git's facts follow (the facts list, the reach, the
  // team update draft and its tone verdict): when the facts list shows the default branch.
  await waitFor(async () => ((await frame.locator('body', { hasText: 'Default branch' }).count()) > 0 ? true : undefined), 60_000, `the facts of ${rowText}`);
  return { ...record, factsMs: Date.now() - clickedAt };
}

/** The Incidents view's Show Insights button → metric cards and charts drawn (bench/hostInsights.mjs's end). */
async function openInsights(page, timingFile) {
  const clickedAt = await clickShowInsights(page);
  const frame = await chartsFrame(page);
  return openRecord(frame, clickedAt, Date.now(), timingFile);
}

/** One open's times after the click, from the page's own clock and both extensions' marks. */
async function openRecord(frame, clickedAt, drawnAt, timingFile) {
  const doc = await frame.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    // Each file the page fetched (its stylesheets, script, font): when it started and ended.
    const resources = performance.getEntriesByType('resource').map((r) => ({ file: r.name.split('/').pop(), startMs: Math.round(r.startTime), endMs: Math.round(r.responseEnd) }));
    const pageMarks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('own-it: ')).map((m) => [m.name.slice(8), m.startTime]));
    return { originAt: performance.timeOrigin, fcpMs: fcp?.startTime, resources, pageMarks };
  });
  const marks = timingMarks(timingFile, clickedAt).filter((m) => m.at <= drawnAt && /^(panel|floor|insights): /.test(m.step));
  const split = Object.fromEntries(marks.map((m) => [m.step.replace(/^(panel|floor|insights): /, ''), m.at - clickedAt]));
  return {
    documentStartMs: Math.round(doc.originAt - clickedAt),
    firstPaintMs: doc.fcpMs === undefined ? undefined : Math.round(doc.originAt + doc.fcpMs - clickedAt),
    drawnMs: drawnAt - clickedAt,
    ...(Object.keys(doc.pageMarks).length ? { pageMarks: Object.fromEntries(Object.entries(doc.pageMarks).map(([k, v]) => [k, Math.round(doc.originAt + v - clickedAt)])) } : {}),
    resources: doc.resources.map((r) => ({ ...r, startMs: Math.round(doc.originAt + r.startMs - clickedAt), endMs: Math.round(doc.originAt + r.endMs - clickedAt) })),
    ...(marks.length ? { marks: split } : {}),
  };
}

function summary(opens) {
  if (opens.length === 0) return undefined;
  const pick = (k) => opens.map((o) => o[k]).filter((v) => v !== undefined);
  const facts = pick('factsMs');
  // Both pages mark the first state drawn on their own clock: the end without the bench's polling.
  const pageDrawn = opens.map((o) => o.pageMarks?.['first state drawn']).filter((v) => v !== undefined);
  return {
    documentStartMs: stats(pick('documentStartMs')),
    firstPaintMs: stats(pick('firstPaintMs')),
    drawnMs: stats(pick('drawnMs')),
    ...(pageDrawn.length ? { pageDrawnMs: stats(pageDrawn) } : {}),
    ...(facts.length ? { factsMs: stats(facts) } : {}),
    each: opens,
  };
}

/**
 * With the incident panel open (its facts shown), a new test file at its placeholder: the panel's
 * Scaffold button (`kind` 'scaffold') or the floor's command (`kind` 'floor'). Times after the
 * click, and each extension's marks after its own `asked`.
 */
async function fileOnce(page, dir, planted, timingFile, kind) {
  const { frame } = await openIncidentPanel(page, planted.title, planted.culpritFile);
  await waitFor(async () => ((await frame.locator('body', { hasText: 'Default branch' }).count()) > 0 ? true : undefined), 60_000, 'the panel\'s facts');
  let clickedAt;
  if (kind === 'scaffold') {
    const button = frame.locator('#prevent-scaffold');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    const armedAt = await armClickClock(frame);
    await button.click();
    clickedAt = await readClickClock(frame, armedAt);
  } else clickedAt = await runCommand(page, 'Webview Floor: Create Floor Test File');
  await waitFor(() => placeholderShown(page), 120_000, `the ${kind} test file at its placeholder`);
  const shownAt = Date.now();
  await runCommand(page, 'View: Close All Editors');
  // The scaffold saves its action item after the file opens: let it land before it is undone.
  await sleep(1500);
  undoScaffold(dir);
  await sleep(1500);
  // `showTextDocument` may resolve after the editor is drawn: the marks are read once the run is over.
  const prefix = kind === 'scaffold' ? 'scaffold: ' : 'floor: file ';
  const marks = {};
  for (const m of timingMarks(timingFile, clickedAt)) if (m.step.startsWith(prefix)) marks[m.step.slice(prefix.length)] ??= m.at;
  const askedAt = marks.asked;
  const shown = marks['file shown'] ?? marks.shown;
  const record = {
    clickToPlaceholderMs: shownAt - clickedAt,
    ...(askedAt !== undefined ? { askedToPlaceholderMs: shownAt - askedAt } : {}),
    ...(askedAt !== undefined && shown !== undefined ? { askedToShownMs: shown - askedAt } : {}),
    // The scaffold's own work ends at `planned`; what follows is the file's creation and its editor.
    ...(askedAt !== undefined && marks.planned !== undefined ? { askedToPlannedMs: marks.planned - askedAt } : {}),
    ...(marks.planned !== undefined && shown !== undefined ? { plannedToShownMs: shown - marks.planned } : {}),
  };
  return record;
}

function fileSummary(records) {
  if (records.length === 0) return undefined;
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return { ...Object.fromEntries(keys.map((k) => [k, stats(records.map((r) => r[k]).filter((v) => v !== undefined))])), each: records };
}

async function scaffoldFloor(page, server, dirs, planted, timingFile) {
  const results = { scaffold: { first: [], later: [] }, floor: { first: [], later: [] } };
  const failures = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ['floor', 'scaffold'] : ['scaffold', 'floor'];
    log(`run ${i + 1}/${RUNS}: reload, settle, ${order.join(', ')}…`);
    try {
      const loadedAt = Date.now();
      await openWorkbench(page, workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: repoRoot }));
      await showOwnIt(page);
      await activatedSince(timingFile, loadedAt);
      await page.waitForTimeout(SETTLE_MS);
      for (const [j, kind] of order.entries()) {
        const one = await fileOnce(page, dirs.workspace, planted, timingFile, kind);
        results[kind][j === 0 ? 'first' : 'later'].push(one);
        log(`  ${kind} ${j === 0 ? 'first' : 'later'}: ${JSON.stringify(one)}`);
      }
    } catch (e) {
      failures.push(`run ${i + 1}: ${String(e?.message ?? e).split('\n')[0]}`);
      log(`failed: ${failures.at(-1)}`);
      undoScaffold(dirs.workspace);
    }
  }
  return {
    runs: RUNS,
    failures,
    scaffold: { firstInWindow: fileSummary(results.scaffold.first), laterInWindow: fileSummary(results.scaffold.later) },
    floor: { firstInWindow: fileSummary(results.floor.first), laterInWindow: fileSummary(results.floor.later) },
  };
}

async function main() {
  setupHost();
  pruneOldRuns();
  const dirs = createRunFolder('bench-floor');
  seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));
  const planted = plantIncident(dirs.workspace, { file: 'src/price.js', title: 'Bench floor incident' });
  const timingFile = path.join(dirs.root, 'timing.jsonl');
  fs.cpSync(path.join(benchDir, 'webviewFloor'), path.join(dirs.extensions, 'own-it-bench.webview-floor-0.0.1'), { recursive: true });
  const port = await freePort();
  const server = await startCodeServer({ port, dirs, env: { OWN_IT_BENCH_TIMING: timingFile } });
  const context = await launchBrowser(dirs);
  const compareAt = argv.indexOf('--compare');
  const variants = [{ name: 'current', path: repoRoot }, ...(compareAt >= 0 ? [{ name: 'compare', path: path.resolve(argv[compareAt + 1]) }] : [])];
  const results = Object.fromEntries(variants.map((v) => [v.name, { floor: { first: [], later: [] }, subject: { first: [], later: [] } }]));
  const failures = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (argv.includes('--scaffold')) return await scaffoldFloor(page, server, dirs, planted, timingFile);
    const openFloor = () => openByRow(page, FLOOR_TITLE, FLOOR_TITLE, 'src/cart.js', timingFile);
    // `--insights`: Show Insights instead of the incident panel, against the same floor.
    const openSubject = argv.includes('--insights') ? () => openInsights(page, timingFile) : () => openByRow(page, planted.title, planted.title, planted.culpritFile, timingFile, { facts: true });
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(i + k) % variants.length];
        const r = results[variant.name];
        // Odd runs: floor, subject, floor; even runs: subject, floor, subject (the incident panel, or Insights).
        const floorFirst = i % 2 === 0;
        const order = floorFirst ? [['floor', openFloor], ['subject', openSubject], ['floor', openFloor]] : [['subject', openSubject], ['floor', openFloor], ['subject', openSubject]];
        log(`run ${i + 1}/${RUNS}, ${variant.name}: reload, settle, ${order.map(([n]) => n).join(', ')}…`);
        // A run that times out (a reload at high load) is recorded and skipped: the others still count.
        try {
          const loadedAt = Date.now();
          await openWorkbench(page, workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: variant.path }));
          await showOwnIt(page);
          await activatedSince(timingFile, loadedAt);
          await page.waitForTimeout(SETTLE_MS);
          for (const [j, [name, open]] of order.entries()) {
            const one = await open();
            r[name][j === 0 ? 'first' : 'later'].push(one);
            log(`  ${name} ${j === 0 ? 'first' : 'later'}: ${JSON.stringify({ ...one, resources: undefined })}`);
            await runCommand(page, 'View: Close All Editors');
          }
        } catch (e) {
          failures.push(`run ${i + 1} ${variant.name}: ${String(e?.message ?? e).split('\n')[0]}`);
          log(`failed: ${failures.at(-1)}`);
        }
      }
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
  const out = { runs: RUNS, failures };
  for (const v of variants) {
    const r = results[v.name];
    out[v.name] = {
      extensionPath: v.path,
      floor: { firstWebview: summary(r.floor.first), laterWebview: summary(r.floor.later) },
      [argv.includes('--insights') ? 'insights' : 'incidentPanel']: { firstWebview: summary(r.subject.first), laterWebview: summary(r.subject.later) },
    };
  }
  return out;
}

printResult(main());
