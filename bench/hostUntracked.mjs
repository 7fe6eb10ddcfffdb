// Issue 19's row "click the Own It icon → Untracked Reverts filled" in the real workbench
// (bench/host.mjs calls it), on a clone of the generator's 100,000-commit repository:
// the first load scans the history and leaves the scan cache (global storage); each measured
// load then starts with the Explorer shown, clicks the Own It icon as soon as it is there, and
// times the click → the first revert row in the Untracked Reverts view. HEAD does not move
// between loads, so every measured load can be served from the scan cache.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureRepo } from './generate.mjs';
import { activatedSince, timingMarks } from './hostPage.mjs';

/** After our activation, how long the settled-host runs wait before the click (a window opened a while ago). */
const SETTLE_MS = 3000;

const EXPLORER_ICON = '.activitybar .action-item a[aria-label^="Explorer"], .activitybar .action-item[aria-label^="Explorer"]';
const ICON = '.activitybar .action-item a[aria-label^="Own It"], .activitybar .action-item[aria-label^="Own It"]';

function untrackedRow(page) {
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Untracked Reverts' }) });
  return pane.locator('.monaco-list-row').first();
}


/**
 * @param ctx { page, urlFor(folder), workspaceRoot, benchDir, runs, timingFile, log, stats }
 * @returns click → first row (median, min, max), per-run values, the commit count, and the
 *          extension's own marks of the last run (ms after the click)
 */
export async function measureUntrackedReverts({ page, urlFor, workspaceRoot, benchDir, runs, timingFile, log, stats, size = 100_000 }) {
  const { dir } = await ensureRepo(benchDir, size, { log });
  const clone = path.join(workspaceRoot, `untracked-${size}`);
  if (!fs.existsSync(clone)) execFileSync('git', ['clone', '-q', dir, clone], { stdio: 'ignore' });
  const url = urlFor(clone);
  const openAndClick = async ({ settled = false } = {}) => {
    const loadedAt = Date.now();
    await page.goto(url, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const icon = page.locator(ICON).first();
    await icon.waitFor({ timeout: 60_000 });
    if (settled) {
      // A window opened a while ago: the host has activated us (workspaceContains:.git) and settled.
      await activatedSince(timingFile, loadedAt);
      await page.waitForTimeout(SETTLE_MS);
    }
    // The Own It container may be the one restored: show the Explorer first, so the click opens ours.
    if (await page.locator('.part.sidebar .pane-header', { hasText: 'Untracked Reverts' }).first().isVisible()) {
      await page.locator(EXPLORER_ICON).first().click();
      // A click on our icon while our container is still shown would close the sidebar instead.
      await page.locator('.part.sidebar .pane-header', { hasText: 'Untracked Reverts' }).first().waitFor({ state: 'hidden', timeout: 60_000 });
    }
    const clicked = Date.now();
    await icon.click();
    await untrackedRow(page).waitFor({ timeout: 300_000 });
    return { clicked, filled: Date.now() };
  };
  log(`Untracked Reverts on ${size} commits: first load scans and fills the scan cache…`);
  const first = await openAndClick();
  log(`  first load (full scan): ${first.filled - first.clicked} ms`);
  const times = [];
  const fromActivation = [];
  let marks = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    const { clicked, filled } = await openAndClick();
    times.push(filled - clicked);
    const run = timingMarks(timingFile, started);
    // The extension host of this load may start after the click (it does under load): our part is from its activation.
    const activated = run.filter((m) => m.step === 'activated' && m.at <= filled).at(-1);
    if (activated) fromActivation.push(filled - activated.at);
    marks = run.map((m) => ({ step: m.step, afterClickMs: m.at - clicked }));
  }
  const settledTimes = [];
  const explorerTimes = [];
  let settledMarks = [];
  for (let i = 0; i < runs; i++) {
    log(`  settled host ${i + 1}/${runs}: reload, wait for our activation and ${SETTLE_MS} ms, click…`);
    const started = Date.now();
    const { clicked, filled } = await openAndClick({ settled: true });
    settledTimes.push(filled - clicked);
    settledMarks = timingMarks(timingFile, started).map((m) => ({ step: m.step, afterClickMs: m.at - clicked }));
    // The workbench's own floor at the same moment: back to the Explorer, whose rows are on hand too.
    const explorerAt = Date.now();
    await page.locator(EXPLORER_ICON).first().click();
    const shown = await page
      .locator('.part.sidebar .explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .then(() => true, () => false);
    if (shown) explorerTimes.push(Date.now() - explorerAt);
    else log('  the Explorer showed no row within 30 s: no floor for this load');
  }
  return {
    commits: size,
    firstLoadMs: first.filled - first.clicked,
    clickToFilledMs: stats(times),
    clickToFilledEachMs: times,
    activationToFilledMs: fromActivation.length > 0 ? stats(fromActivation) : undefined,
    lastRunMarks: marks,
    settledHostClickToFilledMs: stats(settledTimes),
    settledHostClickToFilledEachMs: settledTimes,
    settledLastRunMarks: settledMarks,
    settledHostExplorerClickMs: explorerTimes.length > 0 ? stats(explorerTimes) : undefined,
  };
}

/** `node bench/hostUntracked.mjs [--runs N] [--size N]`: this row alone, in its own code-server (needs `npm run build`). */
async function main() {
  const { startCodeServer } = await import('../scripts/testHost/codeServer.mjs');
  const { repoRoot } = await import('../scripts/testHost/hostPaths.mjs');
  const { createRunFolder, freePort } = await import('../scripts/testHost/runFolder.mjs');
  const { setupHost } = await import('../scripts/testHost/setup.mjs');
  const { launchBrowser, workbenchUrl } = await import('../scripts/testHost/workbench.mjs');
  const argv = process.argv.slice(2);
  const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const log = (m) => console.error(`[bench:untracked] ${m}`);
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
  };
  setupHost();
  const dirs = createRunFolder('bu');
  const timingFile = path.join(dirs.root, 'timing.jsonl');
  const server = await startCodeServer({ port: await freePort(), dirs, env: { OWN_IT_BENCH_TIMING: timingFile } });
  const context = await launchBrowser(dirs);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const result = await measureUntrackedReverts({
      page,
      urlFor: (folder) => workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot }),
      workspaceRoot: dirs.root,
      benchDir: path.join(repoRoot, 'bench'),
      runs: option('--runs', 5),
      size: option('--size', 100_000),
      timingFile,
      log,
      stats,
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('bench', 'hostUntracked.mjs'))) {
  main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
}
