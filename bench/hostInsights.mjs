// Issue 19 host row: Show Insights → charts drawn, in the real workbench.
//   first   a fresh extension host (page reload), the Incidents view's Show Insights button → the
//           Insights webview shows its metric cards and every chart canvas; nothing is kept yet
//   again   the panel closed and opened again in the same host: the kept facts (historyFacts.ts)
//   all     the window switched to "All history" in the panel → the new cards drawn (the whole
//           history read: the heavy case on a 100k-commit repository)
//   started a fresh extension host (page reload) that has activated Own It and settled (the Own It
//           view shown, our `activated` mark seen, then SETTLE_MS): the first open a person makes
//           after opening a window, without the host's own start in the clock
// With `timingFile` (the OWN_IT_BENCH_TIMING log of the code-server run), each fresh-host first
// open is split by the extension's marks: click → activated (extension host start and our
// activation), → command asked, → page ready, → report drawn (kept or computed), → charts drawn.
import { activatedSince, armClickClock, documentTiming, findFrame, openWorkbench, readClickClock, runCommand, showOwnIt, stats, timingMarks, waitFor } from './hostPage.mjs';

/** After activation, how long the started-host row lets the host settle before the click. */
const SETTLE_MS = 3000;

/** The first mark of a step at or after `since`, as ms after `since` (undefined when absent). */
function after(marks, step, since) {
  const m = marks.find((x) => x.step === step && x.at >= since);
  return m ? m.at - since : undefined;
}

/** Where a fresh-host first open spent its time, from the extension's marks (ms after the click). */
function splitFirstOpen(timingFile, clickedAt, drawnAt, doc) {
  const marks = timingMarks(timingFile, clickedAt - 60_000);
  const activated = marks.filter((m) => m.step === 'activated' && m.at <= drawnAt).at(-1);
  return {
    activatedMs: activated ? activated.at - clickedAt : undefined,
    askedMs: after(marks, 'insights: asked', clickedAt),
    bundleLoadedMs: after(marks, 'insights: panel bundle loaded', clickedAt),
    pageReadyMs: after(marks, 'insights: page ready', clickedAt),
    reportDrawnMs: after(marks, 'insights: known report drawn', clickedAt) ?? after(marks, 'insights: computed report drawn', clickedAt),
    reportKept: after(marks, 'insights: known report drawn', clickedAt) !== undefined,
    documentStartMs: doc ? doc.originAt - clickedAt : undefined,
    documentContentLoadedMs: doc?.domContentLoadedMs !== undefined ? doc.originAt + doc.domContentLoadedMs - clickedAt : undefined,
    chartsDrawnMs: drawnAt - clickedAt,
  };
}


const CHARTS = '.insights-header';

/** Cards and charts are in the document, and the page is not waiting for a computation. */
async function drawn(frame, allHistory) {
  return frame
    .evaluate((all) => {
      const header = document.querySelector('.insights-header');
      if (!header || document.querySelector('.metric-card') === null) return false;
      if (document.getElementById('app')?.getAttribute('aria-busy') === 'true') return false;
      if (document.querySelector('.status')?.textContent?.includes('Recomputing')) return false;
      // The window picker in the header always lists "All history": the drawn window's own line says it.
      return all ? (header.querySelector('p.muted')?.textContent ?? '').startsWith('All history, to') : true;
    }, allHistory)
    .catch(() => false);
}

export async function chartsFrame(page) {
  return waitFor(async () => {
    const frame = await findFrame(page, CHARTS);
    return frame && (await drawn(frame, false)) ? frame : undefined;
  }, 300_000, "the Insights charts").catch(async (e) => {
    if (process.env.OWN_IT_BENCH_SHOTS) await page.screenshot({ path: `${process.env.OWN_IT_BENCH_SHOTS}/insights-${Date.now()}.png` });
    throw e;
  });
}

/**
 * The Incidents view's "Show Insights" title button (the palette right after a page load did not
 * list the command in code-server, so the button is the path measured). Returns the click's time.
 */
export async function clickShowInsights(page) {
  await showOwnIt(page);
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Incidents' }).first();
  const button = header.locator('.action-label[aria-label^="Show Insights"]').first();
  // The header's actions show on hover and can be re-rendered between the wait and the click
  // (no box then): hover and click again until one click lands.
  for (let attempt = 1; ; attempt++) {
    try {
      await header.hover({ timeout: 10_000 });
      await button.waitFor({ state: 'visible', timeout: attempt === 1 ? 120_000 : 10_000 });
      const at = await armClickClock(page);
      await button.click({ force: true, timeout: 5_000 });
      return readClickClock(page, at);
    } catch (e) {
      if (attempt >= 10) {
        if (process.env.OWN_IT_BENCH_SHOTS) await page.screenshot({ path: `${process.env.OWN_IT_BENCH_SHOTS}/insights-button-${Date.now()}.png` });
        throw e;
      }
    }
  }
}

export async function measureInsights(page, url, { runs = 5, log = () => undefined, timingFile } = {}) {
  const first = [];
  const firstSplits = [];
  const again = [];
  const all = [];
  const started = [];
  const startedSplits = [];
  const failures = [];
  for (let i = 0; i < runs; i++) {
    // A run that times out (a reload at high load) is recorded and skipped: the others still count.
    try {
      await oneRun(i);
    } catch (e) {
      failures.push(`run ${i + 1}: ${String(e?.message ?? e).split('\n')[0]}`);
      log(`insights run ${i + 1}/${runs} failed: ${failures.at(-1)}`);
    }
  }
  async function oneRun(i) {
    log(`insights run ${i + 1}/${runs}: reload, first open…`);
    await openWorkbench(page, url);
    const clickedAt = await clickShowInsights(page);
    let frame = await chartsFrame(page);
    const drawnAt = Date.now();
    first.push(drawnAt - clickedAt);
    if (timingFile) firstSplits.push(splitFirstOpen(timingFile, clickedAt, drawnAt, await documentTiming(frame)));
    await runCommand(page, 'View: Close All Editors');
    const againAt = await clickShowInsights(page);
    frame = await chartsFrame(page);
    again.push(Date.now() - againAt);
    const select = frame.locator('select:has(option[value="all"])').first();
    const allAt = Date.now();
    await select.selectOption('all');
    await waitFor(() => drawn(frame, true), 300_000, 'the all-history charts');
    all.push(Date.now() - allAt);
    await runCommand(page, 'View: Close All Editors');
    if (timingFile) {
      // The same kind of fresh host, clicked only once it has activated us and settled.
      log(`insights run ${i + 1}/${runs}: reload, wait for activation, first open…`);
      const loadedAt = Date.now();
      await openWorkbench(page, url);
      await showOwnIt(page);
      await activatedSince(timingFile, loadedAt);
      await page.waitForTimeout(SETTLE_MS);
      const at = await clickShowInsights(page);
      const startedFrame = await chartsFrame(page);
      const startedDrawnAt = Date.now();
      started.push(startedDrawnAt - at);
      startedSplits.push(splitFirstOpen(timingFile, at, startedDrawnAt, await documentTiming(startedFrame)));
      await runCommand(page, 'View: Close All Editors');
    }
  }
  const maybe = (xs) => (xs.length > 0 ? stats(xs) : undefined);
  return {
    failures,
    firstOpenMs: maybe(first),
    firstOpenSplits: timingFile ? firstSplits : undefined,
    startedHostFirstOpenMs: timingFile ? maybe(started) : undefined,
    startedHostSplits: timingFile ? startedSplits : undefined,
    againMs: maybe(again),
    allHistoryMs: maybe(all),
  };
}
