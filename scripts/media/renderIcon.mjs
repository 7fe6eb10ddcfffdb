#!/usr/bin/env node
// Renders the extension icon (media/icon.png, 128×128) from the SVG below with the system chromium,
// so the icon has a source that can be edited and re-rendered: `node scripts/media/renderIcon.mjs`.
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, repoRoot } from '../testHost/hostPaths.mjs';
import { CHROMIUM_ARGS } from '../testHost/workbench.mjs';

/** The activity-bar shield (media/own-it.svg) in white on a rounded teal-to-blue tile. */
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f9d8a"/><stop offset="1" stop-color="#1f5fbf"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <g transform="translate(16 14) scale(4)" fill="none" stroke="#ffffff" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round">
    <path d="M12 2.5 4.5 5.5v6c0 4.6 3.1 8.6 7.5 10 4.4-1.4 7.5-5.4 7.5-10v-6z" fill="rgba(255,255,255,0.14)"/>
    <path d="M8.5 12.2l2.4 2.4 4.6-4.8"/>
  </g>
</svg>`;

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${ICON_SVG}</body></html>`);
  const out = path.join(repoRoot, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(repoRoot, out)}`);
} finally {
  await browser.close();
}
