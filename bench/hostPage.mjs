// Page helpers the issue-19 host rows share (bench/hostInsights.mjs, bench/hostScaffold.mjs,
// bench/hostRepos.mjs). host.mjs keeps its own copies of the first few so the rows it owns do not
// change with these.
import * as fs from 'node:fs';

/** The extension's OWN_IT_BENCH_TIMING marks (`{step, at, pid, …}`) written at or after `since` (wall clock); none without a file. */
export function timingMarks(file, since) {
  if (!file || !fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.at >= since);
}

/** A bench script's end: its result as JSON on stdout and exit 0, or the error and exit 1. */
export function printResult(promise) {
  promise.then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
};

/** Polls `fn` every 10 ms until it returns a truthy value (so times are upper bounds by that much). */
export async function waitFor(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const OWN_IT_ICON = '.activitybar .action-item a[aria-label^="Own It"], .activitybar .action-item[aria-label^="Own It"]';

/** Opens (or reloads: a new extension host) the workbench; resolves when the Own It icon is shown. */
export async function openWorkbench(page, url) {
  await page.goto(url, { timeout: 180_000, waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  await page.locator(OWN_IT_ICON).first().waitFor({ timeout: 120_000 });
}

/** Types a command into the palette; returns the page's clock at the click on its row. */
export async function runCommand(page, label) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  if (!(await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) {
    await page.locator('.part.statusbar').first().click({ position: { x: 2, y: 2 }, force: true });
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
  }
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first();
  // Right after a page load the palette may not list the extension's commands yet.
  await row.waitFor({ state: 'visible', timeout: 120_000 }).catch(async (e) => {
    if (process.env.OWN_IT_BENCH_SHOTS) await page.screenshot({ path: `${process.env.OWN_IT_BENCH_SHOTS}/palette-${Date.now()}.png` });
    throw e;
  });
  const box = await row.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const at = await armClickClock(page);
  await page.mouse.down();
  await page.mouse.up();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return readClickClock(page, at);
}

export async function showOwnIt(page) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Incidents' }).first();
  const deadline = Date.now() + 120_000;
  while (!(await header.isVisible())) {
    if (Date.now() > deadline) throw new Error('Own It\'s Incidents view did not show within 120 s');
    // A reloaded window restores the container by itself: clicking its icon while it is the active
    // one would close the side bar again (about one reload in five timed out so). Click only an
    // icon that is not the active container's.
    const active = await page.evaluate((selector) => document.querySelector(selector)?.closest('.action-item')?.classList.contains('checked'), OWN_IT_ICON);
    if (active === false) await page.locator(OWN_IT_ICON).first().click({ force: true }); // the badge over the icon takes the pointer
    await header.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
}

/** The webview frame whose document matches `selector` (the webviews' inner frames). */
export async function findFrame(page, selector) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if (await frame.evaluate((s) => document.querySelector(s) !== null, selector).catch(() => false)) return frame;
  }
  return undefined;
}

/** Clicks a tree row by its text; returns the page's clock at the click. */
export async function clickRow(page, text) {
  const row = page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 120_000 });
  const box = await row.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const at = await armClickClock(page);
  await page.mouse.down();
  await page.mouse.up();
  return readClickClock(page, at);
}

/**
 * The click's time is the page's own `mousedown` (a capture listener on the window), not the
 * moment playwright was asked to click: its actionability checks and round trips are not the
 * user's wait. Returns the time before the click as the fallback.
 */
export async function armClickClock(page) {
  return page.evaluate(() => {
    window.__ownItClickAt = undefined;
    window.addEventListener('mousedown', () => (window.__ownItClickAt = Date.now()), { capture: true, once: true });
    return Date.now();
  });
}

/** The armed `mousedown`'s time, or `fallback` when no mousedown reached the page. */
export async function readClickClock(page, fallback) {
  return (await page.evaluate(() => window.__ownItClickAt)) ?? fallback;
}

/** Opens an incident from its tree row; resolves to { frame, clickedAt, culpritAt } once the culprit card shows `culpritFile` and the revert. */
export async function openIncidentPanel(page, title, culpritFile) {
  await showOwnIt(page);
  const clickedAt = await clickRow(page, title);
  const frame = await waitFor(async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      if ((await f.evaluate((t) => document.querySelector('#f-title')?.value === t, title).catch(() => false))) return f;
    }
    return undefined;
  }, 60_000, 'the incident panel');
  await waitFor(async () => ((await frame.locator('body', { hasText: culpritFile }).count()) > 0 && (await frame.locator('body', { hasText: 'Reverted by' }).count()) > 0 ? true : undefined), 60_000, 'the culprit card');
  const culpritAt = Date.now();
  const doc = await documentTiming(frame);
  return { frame, clickedAt, culpritAt, documentStartMs: doc ? doc.originAt - clickedAt : undefined, document: doc };
}

/**
 * When the webview's own document started (wall clock, `performance.timeOrigin`) and its
 * navigation steps, ms after that start: what VS Code spent creating the webview before the page
 * existed is `originAt` minus the click; what the page spent is the rest.
 */
export async function documentTiming(frame) {
  return frame
    .evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        originAt: Math.round(performance.timeOrigin),
        responseEndMs: nav ? Math.round(nav.responseEnd) : undefined,
        domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : undefined,
        firstContentfulPaintMs: fcp ? Math.round(fcp.startTime) : undefined,
      };
    })
    .catch(() => undefined);
}

/** Waits until the extension host of the load that started at `since` has activated Own It. */
export async function activatedSince(timingFile, since) {
  await waitFor(async () => timingMarks(timingFile, since).some((m) => m.step === 'activated'), 180_000, 'the activated mark');
}
