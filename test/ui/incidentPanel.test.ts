import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { borderOf, contrastOf, focusedElement, hostileReport, unnamedControls, type FocusedElement } from './helpers/probes';
import { screenshotOnFailure, sharedSession } from './helpers/session';
import { TONE_VERDICT_LINES } from '../../src/core/teamUpdate/tone/types';
import { CART, HOSTILE, WEBHOOKS, type Story } from './helpers/story';
import { THEMES, type ThemeName, type Workbench } from './helpers/workbench';

/** Text that must stay readable in every theme: WCAG AA for body text. */
const READABLE = [
  '.commit-head .subject',
  '.commit-meta',
  '.commit-head .sha',
  '.timeline-row .event-text',
  '.timeline-row time',
  '.source-badge',
  '.file-name',
  '.inline-field > span',
  '.section h2',
  '.badge.verdict',
  '.radius .badge',
  '.btn-secondary',
  '.hint',
  '.action-meta input[type="text"]',
];
/** Elements whose outline carries their shape in high contrast, where fills are black. */
const OUTLINED = ['.commit-card', '.btn-secondary', '.badge.verdict', '.source-badge', '#f-severity', 'textarea'];

describe('Incident panel and sidebar', function () {
  this.timeout(90_000);
  let wb: Workbench;
  let story: Story;

  before(async () => {
    ({ wb, story } = await sharedSession());
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest);
  });

  after(async () => {
    // Leave the dark theme the other files expect, whatever ran last.
    await wb?.setColorTheme('dark').catch(() => undefined);
  });

  /** Opens the seeded, filled-in incident from the Incidents view and returns its webview frame. */
  async function openCartIncident(): Promise<Frame> {
    await wb.showOwnIt();
    const row = wb.sideBar().locator('.monaco-list-row', { hasText: CART.title }).first();
    await row.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: CART.title }).waitFor({ timeout: 20_000 });
    return wb.webviewFrame('.commit-card.culprit .subject', CART.culpritSubject);
  }

  for (const theme of Object.keys(THEMES) as ThemeName[]) {
    it(`shows the incident and the sidebar legibly in ${THEMES[theme].setting}`, async () => {
      await wb.setColorTheme(theme);
      await wb.clearNotifications();
      await wb.showOwnIt();
      // The sidebar lists the seeded incident and a revert that has no incident yet.
      const incidentRow = wb.sideBar().locator('.monaco-list-row', { hasText: CART.title }).first();
      await incidentRow.waitFor();
      await wb.sideBar().locator('.monaco-list-row', { hasText: WEBHOOKS.subject }).first().waitFor({ timeout: 20_000 });
      // Expanded, the incident shows its commits and action items too.
      if ((await incidentRow.getAttribute('aria-expanded')) === 'false') await incidentRow.locator('.monaco-tl-twistie').click();
      await wb.sideBar().locator('.monaco-list-row', { hasText: 'Alert when checkout totals disagree' }).first().waitFor();

      const frame = await openCartIncident();
      await frame.locator(`body.${THEMES[theme].webviewClass}`).waitFor();
      assert.equal(await frame.locator('#f-title').inputValue(), CART.title);
      await frame.locator('.commit-card.culprit .subject', { hasText: CART.culpritSubject }).waitFor();
      await frame.locator('.commit-card.revert .subject', { hasText: CART.revertSubject }).waitFor();
      // Culprit, revert and the reported event at least, in time order.
      const rows = frame.locator('#timeline .timeline-row');
      assert.ok((await rows.count()) >= 3, `timeline rows: ${(await rows.allTextContents()).join(' | ')}`);
      await rows.filter({ hasText: 'Support reported carts' }).first().waitFor();
      const verdict = frame.locator('#team-update .badge.verdict');
      await verdict.waitFor();
      assert.match((await verdict.textContent()) ?? '', /Right-sized|Over-apologetic|Deflecting|Under-owned/);

      const contrast = await frame.evaluate(contrastOf, READABLE);
      const missing = contrast.filter((c) => c.ratio === undefined).map((c) => `${c.selector} ${c.color ?? 'not found'}`);
      assert.deepEqual(missing, [], 'every checked element is on screen with a plain rgb colour');
      const poor = contrast.filter((c) => (c.ratio ?? 0) < 4.5).map((c) => `${c.selector} "${c.text}" ${c.color} on ${c.background}: ${c.ratio}`);
      assert.deepEqual(poor, [], `text below 4.5:1 contrast in ${THEMES[theme].setting}`);
      if (theme === 'highContrast') {
        const borders = await frame.evaluate(borderOf, OUTLINED);
        const unframed = borders.filter((b) => !b.border || /none|\b0px|rgba\(0, 0, 0, 0\)/.test(b.border)).map((b) => `${b.selector}: ${b.border ?? 'not found'}`);
        assert.deepEqual(unframed, [], 'high contrast draws a border around cards, buttons, badges and fields');
      }

      await wb.screenshot(`incident-panel-${theme}`);
      // Open incidents are the view's top level; its header says how many are open.
      assert.match((await wb.viewHeader('Incidents').textContent()) ?? '', /Incidents\s*\d+ open/);
      await wb.screenshot(`sidebar-${theme}`, await wb.sideBarClip());
      // The rest of the panel, for a person reviewing the run's pictures.
      await frame.evaluate("document.getElementById('actions').scrollIntoView()");
      await wb.screenshot(`incident-panel-${theme}-actions`);
      await frame.locator('#team-update').scrollIntoViewIfNeeded();
      await wb.screenshot(`incident-panel-${theme}-lower`);
      await frame.evaluate('window.scrollTo(0, 0)');
    });
  }

  it('reaches every control of the panel with Tab, each with a name and a visible focus ring', async () => {
    await wb.setColorTheme('dark');
    const frame = await openCartIncident();
    await frame.locator('#f-title').focus();
    const seen: FocusedElement[] = [];
    for (let i = 0; i < 150; i++) {
      const focused = await frame.evaluate(focusedElement);
      if (!focused) break;
      seen.push(focused);
      if (focused.name === 'Copy as plain text') break;
      await wb.page.keyboard.press('Tab');
    }
    // Date inputs keep focus while Tab walks their day/month/year parts: count each control once.
    const order = seen.map((f) => f.id || f.name).filter((k, i, all) => all.indexOf(k) === i);
    const expected = ['f-title', 'f-severity', 'f-status', 'Open Markdown file', 'f-impact', 'f-whatHappened', 'f-rootCause', 'Add action item', 'f-teamUpdate', 'Copy as Markdown', 'Copy as plain text'];
    const positions = expected.map((k) => order.indexOf(k));
    assert.ok(positions.every((p) => p >= 0), `Tab never reached ${expected.filter((_, i) => positions[i] < 0).join(', ')} in ${seen.length} steps (last: ${JSON.stringify(seen.slice(-3))}); order: ${order.join(' → ')}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, `Tab order: ${order.join(' → ')}`);
    const noRing = seen.filter((f) => !f.focusVisible || /^none|\s0px/.test(f.outline)).map((f) => `${f.tag}#${f.id} "${f.name}" ${f.outline}`);
    assert.deepEqual(noRing, [], 'every focused control shows a focus ring');
    const nameless = seen.filter((f) => !f.name).map((f) => `${f.tag}#${f.id}`);
    assert.deepEqual(nameless, [], 'every focused control has an accessible name');
    assert.deepEqual(await frame.evaluate(unnamedControls), [], 'every button and field in the panel has an accessible name');
    await wb.screenshot('incident-panel-keyboard');
  });

  it('checks the tone of a typed update, shows its parts and applies a suggestion with one click', async () => {
    // Whatever theme is current (dark after the keyboard test, the default when run alone).
    const frame = await openCartIncident();
    const original = await frame.locator('#f-teamUpdate').inputValue();
    try {
      await frame.locator('#f-teamUpdate').fill('Mistakes were made during the deploy and checkout was down for 20 minutes. The situation has been resolved.');
      await frame
        .locator('#team-update .badge.verdict', { hasText: 'Under-owned' })
        .waitFor()
        .catch(async (e: Error) => {
          // What the page showed instead, for the CI log (the screenshot comes after the text is restored).
          const shown = async (selector: string) => (await frame.locator(selector).allTextContents().catch(() => [])).join(' / ');
          const typed = await frame.locator('#f-teamUpdate').inputValue().catch(() => '(no field)');
          throw new Error(`${e.message}\nfield: ${typed}\nbadge: ${await shown('#team-update .badge')}\nstatus: ${await shown('.save-status')}\nframe detached: ${frame.isDetached()}`);
        });
      assert.equal((await frame.locator('#team-update .tone-head .muted').textContent())?.trim(), TONE_VERDICT_LINES['under-owned'], 'the line the CLI prints for the verdict');
      await frame.locator('#team-update .tone-parts li', { hasText: 'Owns it' }).waitFor();
      const finding = frame.locator('#team-update .tone-flags li', { hasText: 'Mistakes were made' });
      await finding.locator('.replacement', { hasText: 'I made a mistake' }).waitFor();
      await frame.locator('#team-update').scrollIntoViewIfNeeded();
      await wb.screenshot('incident-panel-tone-findings');
      await finding.locator('button', { hasText: 'Apply' }).click();
      // The webview's CSP forbids evaluating strings, so poll the field from here.
      let value = '';
      for (let i = 0; i < 100 && !value.startsWith('I made a mistake during the deploy'); i++) {
        await wb.page.waitForTimeout(100);
        value = await frame.locator('#f-teamUpdate').inputValue();
      }
      assert.match(value, /^I made a mistake during the deploy and checkout was down for 20 minutes\./);
      await frame.locator('#team-update .tone-flags li', { hasText: 'Mistakes were made' }).waitFor({ state: 'detached' });
      await frame.locator('#team-update').scrollIntoViewIfNeeded();
      await wb.screenshot('incident-panel-tone-applied');
    } finally {
      await frame.locator('#f-teamUpdate').fill(original);
      await frame.locator('.save-status', { hasText: 'Saved' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
  });

  it('shows markup in a commit subject as text and never runs it', async () => {
    await wb.setColorTheme('dark');
    // The command opens a second quick pick (reverts and recent commits), so it is run by hand.
    // Seen once in CI: the picker closed by itself while it loaded (its input went inert, then
    // hidden). One more try keeps that known host flake from failing the suite; a second
    // failure still fails it.
    for (let attempt = 1; ; attempt++) {
      const commands = await wb.openPalette('Own It: Open Incident for Commit');
      await commands.filter({ hasText: 'Own It: Open Incident for Commit' }).first().click();
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Open Incident for Commit' }).waitFor();
      try {
        await wb.page.locator('.quick-input-widget .quick-input-box input').fill(story.hostile.slice(0, 7), { timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
        await wb.page.keyboard.press('Escape');
      }
    }
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: story.hostile.slice(0, 7) }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const frame = await wb.webviewFrame('.commit-card.culprit .subject', 'window.__pwned');
    const report = await frame.evaluate(hostileReport);
    assert.ok(report.subjects.includes(HOSTILE.subject), `subject shown as: ${JSON.stringify(report.subjects)}`);
    assert.deepEqual(report.injected, [], 'no element was created from the subject');
    assert.equal(report.pwned, undefined, 'no script from the subject ran in the webview');
    assert.equal(await wb.page.evaluate('window.__pwned'), undefined, 'nor in the workbench');
    await wb.screenshot('incident-panel-hostile');
  });
});
