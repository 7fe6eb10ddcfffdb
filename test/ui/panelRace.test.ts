// The panel race of issue 13, in the real browser: Scaffold Regression Test from the incident
// panel adds an action item to the incident file while the person keeps typing in the panel.
// 0.1.0 then showed "Not saved: the file changed on disk" on the next keystroke, and either
// button of that banner lost work (the scaffold's item or the typing). Each round types right
// before and right after clicking the button, and again once the test file the scaffold opened
// (beside the panel) is there; the file must end with both the typing and the item, the panel
// must never show the conflict banner, and no keystroke may land in another editor.
// `npm run test:ui` runs 3 rounds; OWN_IT_UI_RACE_ROUNDS=20 runs the 20 (≈ 8 s a round).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { IncidentStore } from '../../src/core/incidents';
import { BOTH_KEPT_MARKER } from '../../src/core/incidents/merge';
import { screenshotOnFailure, sharedSession } from './helpers/session';
import { ui, type Workbench } from './helpers/workbench';

const ROUNDS = Number(process.env.OWN_IT_UI_RACE_ROUNDS ?? 3);

interface Round {
  sha: string;
  title: string;
  file: string;
  fn: string;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('Incident panel: scaffold while typing', function () {
  this.timeout(60_000);
  let wb: Workbench;
  const rounds: Round[] = [];

  before(async () => {
    ({ wb } = await sharedSession());
    const root = ui.workspace();
    const store = new IncidentStore(root);
    // One culprit per round, each changing its own function, so every scaffold writes a new test
    // file and adds a new action item (a second scaffold of one culprit only opens the first).
    for (let i = 1; i <= ROUNDS; i++) {
      const fn = `raceQuote${i}`;
      fs.mkdirSync(path.join(root, 'src', 'race'), { recursive: true });
      fs.writeFileSync(path.join(root, 'src', 'race', `${fn}.js`), `export function ${fn}(cents) {\n  return cents * ${i + 1};\n}\n`);
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', `Quote prices for race round ${i}`);
      const sha = git(root, 'rev-parse', 'HEAD');
      const title = `Race round ${i}: quotes off by a factor`;
      const created = await store.create({ title, culprits: [sha], detected: '2026-11-19T10:00:00.000Z' });
      rounds.push({ sha, title, file: created.path, fn });
    }
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest);
  });

  after(async () => {
    await wb?.runCommand('View: Close All Editors').catch(() => undefined);
    await wb?.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  });


  /**
   * Own It: Open Incident for Commit… with the round's culprit, which opens the incident that
   * names it. (The picker has been seen closing by itself while it loads on code-server: one more
   * try, as in incidentPanel.test.ts; a second failure fails.)
   */
  async function open(round: Round): Promise<Frame> {
    const short = round.sha.slice(0, 7);
    for (let attempt = 1; ; attempt++) {
      const commands = await wb.openPalette('Own It: Open Incident for Commit');
      await commands.filter({ hasText: 'Own It: Open Incident for Commit' }).first().click();
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Open Incident for Commit' }).waitFor();
      try {
        await wb.page.locator('.quick-input-widget .quick-input-box input').fill(short, { timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
        await wb.page.keyboard.press('Escape');
      }
    }
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: short }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: round.title }).waitFor({ timeout: 20_000 });
    return wb.incidentFrame(round.title);
  }

  /** Types at the end of What happened, with no delay between keys. */
  async function typeInto(frame: Frame, text: string): Promise<void> {
    const field = frame.locator('#f-whatHappened');
    await field.click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type(text);
  }

  async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await wb.page.waitForTimeout(100);
    }
  }

  async function assertNoConflict(frame: Frame, round: Round): Promise<void> {
    assert.equal(await frame.locator('.banner.conflict').count(), 0, `${round.title}: the panel shows the conflict banner`);
    const status = (await frame.locator('.save-status').textContent()) ?? '';
    assert.doesNotMatch(status, /Not saved/, `${round.title}: the panel says "${status.trim()}"`);
  }

  it(`keeps the typing and the scaffold's action item in ${ROUNDS} rounds, without a conflict`, async function () {
    this.timeout(30_000 + ROUNDS * 45_000);
    for (const [i, round] of rounds.entries()) {
      const typed = [`r${i + 1} before the click.`, ` r${i + 1} right after.`, ` r${i + 1} back in the panel.`];
      const frame = await open(round);
      await frame.locator('#prevent-scaffold').waitFor();
      await typeInto(frame, typed[0]);
      await frame.locator('#prevent-scaffold').click();
      await typeInto(frame, typed[1]);

      // The scaffold opens its test file beside the panel, leaving the focus in the panel (a panel
      // hidden behind it would drop the last keystrokes); the person clicks back into the field.
      const testTab = wb.page.locator('.tabs-container .tab', { hasText: round.fn });
      await testTab.first().waitFor({ timeout: 30_000 });
      await wb.page.locator('.tabs-container .tab', { hasText: round.title }).first().click();
      const back = await wb.incidentFrame(round.title);
      await typeInto(back, typed[2]);

      const want = typed.join('');
      await until(`${round.title}: the typing and the action item in the file`, () => {
        const text = fs.readFileSync(round.file, 'utf8');
        return text.includes(want) && text.includes(`Regression test for ${round.fn}`);
      });
      await back.locator('.save-status', { hasText: 'Saved' }).waitFor({ timeout: 10_000 });
      await assertNoConflict(back, round);
      assert.equal(await wb.page.locator('.tabs-container .tab.dirty').count(), 0, `${round.title}: typing went into another editor`);
      assert.equal(await back.locator('#f-whatHappened').inputValue(), want, `${round.title}: the field lost typing`);
      const items = await back.locator('#actions input[aria-label="Action"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
      assert.ok(items.some((t) => t === `Regression test for ${round.fn}`), `${round.title}: the panel does not show the scaffold's item: ${JSON.stringify(items)}`);
      const saved = await new IncidentStore(ui.workspace()).load(round.file);
      assert.equal(saved.incident.actions.filter((a) => a.text === `Regression test for ${round.fn}`).length, 1, `${round.title}: the action item is in the file once`);
      assert.equal(saved.incident.sections.whatHappened.trim(), want, `${round.title}: What happened in the file`);
      assert.ok(!saved.raw.includes(BOTH_KEPT_MARKER), `${round.title}: the save kept two versions of a field`);
      await wb.runCommand('View: Close All Editors');
    }
    await wb.screenshot('panel-race-last-round');
  });
});
