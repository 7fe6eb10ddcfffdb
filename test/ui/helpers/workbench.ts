// Drives the real VS Code workbench (code-server, started by scripts/testHost/runUi.mjs) with
// playwright-core and the system chromium. Everything waits on selectors, never on sleeps.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests through \`npm run test:ui\``);
  return value;
}

export const ui = {
  url: () => required('OWN_IT_UI_URL'),
  workspace: () => required('OWN_IT_TEST_WORKSPACE'),
  screenshots: () => process.env.OWN_IT_SCREENSHOTS ?? path.resolve('test-results', 'screenshots'),
};

export class Workbench {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(): Promise<Workbench> {
    const context = await chromium.launchPersistentContext(required('OWN_IT_UI_PROFILE'), {
      executablePath: required('OWN_IT_CHROMIUM'),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(ui.url());
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    const workbench = new Workbench(context, page);
    // Contributions are registered once the extension host has scanned extensions.
    await workbench.activityBarItem('Own It').waitFor({ timeout: 30_000 });
    return workbench;
  }

  activityBarItem(title: string): Locator {
    return this.page.locator(`.activitybar .action-item a[aria-label^="${title}"], .activitybar .action-item[aria-label^="${title}"]`).first();
  }

  /** The header of a view in the side bar, by its name. */
  viewHeader(name: string): Locator {
    return this.page.locator('.part.sidebar .pane-header', { hasText: name }).first();
  }

  sideBar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  /** Shows the Own It container unless it is already showing (clicking its icon again would hide it). */
  async showOwnIt(): Promise<void> {
    if (!(await this.viewHeader('Untracked Reverts').isVisible())) await this.activityBarItem('Own It').click();
    await this.viewHeader('Untracked Reverts').waitFor();
  }

  /**
   * A notification whose message matches. Toasts are not reliably shown in a headless page,
   * so this reads the Notifications center, which lists every notification of the session.
   */
  async notification(message: RegExp): Promise<Locator> {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) await this.runCommand('Notifications: Show Notifications');
    const item = center.locator('.notification-list-item-message').filter({ hasText: message }).first();
    await item.waitFor();
    return item;
  }

  /** Opens the command palette and types a query; returns the visible rows. */
  async openPalette(query: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 }, force: true }).catch(() => undefined);
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${query}`);
    return this.page.locator('.quick-input-widget .monaco-list-row');
  }

  /** Runs a command from the palette by its full label, e.g. "Own It: Refresh". */
  async runCommand(label: string): Promise<void> {
    const rows = await this.openPalette(label);
    const row = rows.filter({ hasText: label }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The document inside a webview editor (VS Code nests it in two iframes). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  }

  async screenshot(name: string): Promise<string> {
    const dir = ui.screenshots();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
