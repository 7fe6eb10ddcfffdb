// Drives the real VS Code workbench (code-server, started by scripts/testHost/runUi.mjs) with
// playwright-core and the system chromium. Everything waits on selectors, never on sleeps.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests through \`npm run test:ui\``);
  return value;
}

export const ui = {
  url: () => required('OWN_IT_UI_URL'),
  workspace: () => required('OWN_IT_TEST_WORKSPACE'),
  screenshots: () => process.env.OWN_IT_SCREENSHOTS ?? path.resolve('test-results', 'screenshots'),
  /** The run's user settings.json: the workbench applies edits to it live (the color theme, here). */
  settings: () => required('OWN_IT_UI_SETTINGS'),
};

/**
 * The built-in themes the UI tests cover: the id workbench.colorTheme stores, the label the
 * Color Theme picker shows, and the classes the workbench and a webview's body get for it.
 */
export const THEMES = {
  dark: { setting: 'Dark Modern', label: 'Dark Modern', workbenchClass: 'vscode-theme-defaults-themes-dark_modern-json', webviewClass: 'vscode-dark' },
  light: { setting: 'Light Modern', label: 'Light Modern', workbenchClass: 'vscode-theme-defaults-themes-light_modern-json', webviewClass: 'vscode-light' },
  highContrast: { setting: 'Default High Contrast', label: 'Dark High Contrast', workbenchClass: 'vscode-theme-defaults-themes-hc_black-json', webviewClass: 'vscode-high-contrast' },
} as const;
export type ThemeName = keyof typeof THEMES;

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

  /**
   * Clicks an inline action of a tree row and waits for what it opens (`opens`). The action shows
   * only while the row is hovered, and a view refreshing underneath drops the hover, or redraws the
   * row between mouse down and up so that no click reaches the action: hover, click and the wait
   * for the result are retried together. Only for actions that are safe to run twice.
   */
  async clickRowAction(row: Locator, label: string, opens: Locator): Promise<void> {
    const action = row.locator(`.action-label[aria-label="${label}"]`);
    for (let attempt = 1; ; attempt++) {
      try {
        await row.hover();
        await action.click({ timeout: 3000 });
        await opens.waitFor({ timeout: attempt < 3 ? 10_000 : 20_000 });
        return;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }

  /** Shows the Own It container unless it is already showing (clicking its icon again would hide it). */
  async showOwnIt(): Promise<void> {
    if (!(await this.viewHeader('Untracked Reverts').isVisible())) await this.activityBarItem('Own It').click();
    await this.viewHeader('Untracked Reverts').waitFor();
  }

  /** Waits until the workbench page has loaded again and Own It's contributions are back. */
  async afterReload(loaded: Promise<unknown>): Promise<void> {
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    await this.activityBarItem('Own It').waitFor({ timeout: 30_000 });
  }

  /**
   * Runs Developer: Reload Window from the command palette, as a person (or an extension asking
   * for a reload) does. The command makes the workbench store its state (open editors, webview
   * state, the visible side bar) before the page reloads.
   */
  async reloadWindow(): Promise<void> {
    const rows = await this.openPalette('Developer: Reload Window');
    await rows.filter({ hasText: 'Developer: Reload Window' }).first().waitFor();
    const loaded = this.page.waitForEvent('load', { timeout: 30_000 });
    await this.page.keyboard.press('Enter');
    await this.afterReload(loaded);
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
    // F1 works from a focused webview too (webviews forward keybindings). A click to take focus
    // must hit nothing that acts: the middle of the window may be a webview's button.
    await this.page.keyboard.press('F1');
    if (!(await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) {
      await this.page.locator('.part.sidebar .composite.title, .part.statusbar').first().click({ position: { x: 2, y: 2 }, force: true });
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
    }
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

  /** The incident panel's frame whose title field holds `title` (each panel is its own iframe). */
  async incidentFrame(title: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const value = await frame
          .locator('#f-title')
          .inputValue({ timeout: 200 })
          .catch(() => undefined);
        if (value === title) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no incident panel shows "${title}" within ${timeoutMs} ms`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * The frame of a webview whose document matches `selector` and contains `text`. Webviews are an
   * iframe inside an iframe, and hidden panels keep theirs, so the text picks the right one.
   */
  async webviewFrame(selector: string, text: string, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const found = await frame
          .locator(selector, { hasText: text })
          .count()
          .catch(() => 0);
        if (found > 0) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows ${selector} with "${text}" within ${timeoutMs} ms`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Switches the color theme with the Color Theme picker, which stores it as workbench.colorTheme
   * in the user settings.json. (code-server does not notice edits made to that file from outside
   * while it runs, so writing the file directly would only take effect on the next start.)
   */
  async setColorTheme(name: ThemeName): Promise<void> {
    const theme = THEMES[name];
    const applied = this.page.locator(`.monaco-workbench.${theme.workbenchClass}`);
    if (!(await applied.isVisible())) {
      const rows = await this.openPalette('Preferences: Color Theme');
      await rows.filter({ hasText: /^Preferences: Color Theme/ }).first().click();
      await this.page.locator('.quick-input-widget .quick-input-box input').fill(theme.label);
      // Each label matches only its own theme, so the first row is the one.
      await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: theme.label }).first().click();
      await applied.waitFor({ timeout: 15_000 });
      await this.waitForSetting('workbench.colorTheme', theme.setting);
    }
  }

  /** Waits until the user settings.json holds `value` for `key`; the workbench writes it asynchronously. */
  async waitForSetting(key: string, value: unknown, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let current: unknown;
    while (Date.now() < deadline) {
      try {
        current = (JSON.parse(fs.readFileSync(ui.settings(), 'utf8')) as Record<string, unknown>)[key];
        if (current === value) return;
      } catch {
        // Caught between the workbench truncating and writing the file.
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error(`settings.json has ${key} = ${JSON.stringify(current)}, not ${JSON.stringify(value)}`);
  }

  /** Clears every notification, so toasts and the center do not cover what a screenshot shows. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-center').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** The side bar with the activity bar (not the status bar), for a cropped screenshot. */
  async sideBarClip(): Promise<Clip> {
    const box = await this.sideBar().boundingBox();
    if (!box) throw new Error('the side bar is not visible');
    return { x: 0, y: 0, width: Math.round(box.x + box.width), height: Math.round(box.y + box.height) };
  }

  async screenshot(name: string, clip?: Clip): Promise<string> {
    const dir = ui.screenshots();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
