// Issue 19 host row: Show Insights → charts drawn, in the real workbench.
//   first   a fresh extension host (page reload), the Incidents view's Show Insights button → the
//           Insights webview shows its metric cards and every chart canvas; nothing is kept yet
//   again   the panel closed and opened again in the same host: the kept facts (historyFacts.ts)
//   all     the window switched to "All history" in the panel → the new cards drawn (the whole
//           history read: the heavy case on a 100k-commit repository)
import { findFrame, openWorkbench, runCommand, showOwnIt, stats, waitFor } from './hostPage.mjs';

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

async function chartsFrame(page) {
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
async function clickShowInsights(page) {
  await showOwnIt(page);
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Incidents' }).first();
  await header.hover();
  const button = header.locator('.action-label[aria-label^="Show Insights"]').first();
  await button.waitFor({ state: 'visible', timeout: 120_000 }).catch(async (e) => {
    if (process.env.OWN_IT_BENCH_SHOTS) await page.screenshot({ path: `${process.env.OWN_IT_BENCH_SHOTS}/insights-button-${Date.now()}.png` });
    throw e;
  });
  // The header's actions can be re-rendered between the wait and the click (no box then).
  const at = await page.evaluate(() => Date.now());
  await button.click({ force: true });
  return at;
}

export async function measureInsights(page, url, { runs = 5, log = () => undefined } = {}) {
  const first = [];
  const again = [];
  const all = [];
  for (let i = 0; i < runs; i++) {
    log(`insights run ${i + 1}/${runs}: reload, first open…`);
    await openWorkbench(page, url);
    const clickedAt = await clickShowInsights(page);
    let frame = await chartsFrame(page);
    first.push(Date.now() - clickedAt);
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
  }
  return { firstOpenMs: stats(first), againMs: stats(again), allHistoryMs: stats(all) };
}
