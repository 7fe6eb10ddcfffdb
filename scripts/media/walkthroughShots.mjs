#!/usr/bin/env node
// Takes the walkthrough's images (media/walkthrough/*.png) and the README's Insights image from a running demo:
//   npm run demo -- --port 38123   (in another terminal), then
//   node scripts/media/walkthroughShots.mjs http://127.0.0.1:38123/?folder=…
// Open each image afterwards and look at it before committing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, repoRoot } from '../testHost/hostPaths.mjs';
import { CHROMIUM_ARGS } from '../testHost/workbench.mjs';

const url = process.argv[2];
if (!url) throw new Error('usage: node scripts/media/walkthroughShots.mjs <demo URL>');
const out = path.join(repoRoot, 'media', 'walkthrough');
fs.mkdirSync(out, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-shots-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 760 } });
const page = context.pages()[0] ?? (await context.newPage());

async function command(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
/** Waits up to 30 s for a webview (an iframe inside an iframe) to show `text` in `selector`. */
async function webviewShows(selector, text, failure) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const frame of page.frames()) if ((await frame.locator(selector, { hasText: text }).count().catch(() => 0)) > 0) return;
    if (Date.now() > deadline) throw new Error(`${failure} within 30 s`);
    await page.waitForTimeout(300);
  }
}
const shot = (name, clip) => page.screenshot({ path: path.join(out, `${name}.png`), ...(clip ? { clip } : {}) });
/** The activity bar and side bar only (the views), for steps about them. */
const SIDEBAR = { x: 0, y: 36, width: 350, height: 560 };
const row = (text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

try {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const item = page.locator('.activitybar .action-item:has(a[aria-label^="Own It"])').first();
  await item.waitFor({ timeout: 60_000 });
  await command('View: Close All Editors');
  await item.click();
  await row('Cache shipping quotes').waitFor({ timeout: 30_000 });
  await row('deploy/prod/2026-11-20-1').waitFor({ timeout: 30_000 });
  await page.mouse.move(800, 500); // no hover tooltip over the views
  await page.waitForTimeout(1500);
  await shot('sidebar', SIDEBAR);

  // The incident's action items, expanded in the Incidents tree.
  await row('Express checkout').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1500);
  await shot('action-items', SIDEBAR);

  // The incident panel (a click on the incident opens it): a webview, an iframe inside an iframe.
  await webviewShows('body', 'What broke', 'the incident panel did not render');
  await page.waitForTimeout(1000);
  await shot('incident-panel');

  await command('View: Close All Editors');
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').fill('2026-11-19-express');
  await page.locator('.quick-input-widget .monaco-list-row').first().click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await page.waitForTimeout(1500);
  await shot('incident-file');

  await command('View: Close All Editors');
  await command('Preferences: Open Settings (UI)');
  // The settings search box is a small editor: click into it and type.
  const search = page.locator('.settings-editor .search-container .monaco-editor').first();
  await search.waitFor();
  await search.click();
  await page.keyboard.type('ownIt');
  await page.waitForTimeout(2500);
  await shot('settings');

  // The README's Insights image (media/insights-dark.png): the panel with its charts drawn.
  // The settings editor opens as a modal here; Escape leaves its search box, then closes it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await command('View: Close All Editors');
  await command('Own It: Show Insights');
  await webviewShows('h2', 'Time to recover', 'the Insights panel did not draw');
  await page.mouse.move(800, 700);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(repoRoot, 'media', 'insights-dark.png') });
  console.log(`wrote ${fs.readdirSync(out).join(', ')} to ${path.relative(repoRoot, out)}, and media/insights-dark.png`);
} catch (err) {
  await page.screenshot({ path: path.join(os.tmpdir(), 'own-it-shots-failed.png') }).catch(() => undefined);
  throw err;
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
