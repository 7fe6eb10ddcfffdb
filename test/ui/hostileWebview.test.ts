// Every hostile fixture rendered in the real incident panel (code-server + chromium): repository
// text in the title, culprit subject and author, changed file names, timeline, actions and prose.
// No script may run, no dialog open, no element be created from the text, and no request leave
// for anywhere but the local server and VS Code's own resource host.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Request } from 'playwright-core';
import { IncidentStore } from '../../src/core/incidents';
import { EVIL_HOST, PAYLOADS, PWNED_GLOBAL } from '../helpers/hostileRepo';
import { screenshotOnFailure, sharedSession } from './helpers/session';
import { ui, type Workbench } from './helpers/workbench';

/** Local server, VS Code's webview resource host (served by the page's service worker), inline data. */
function allowedRequest(url: string): boolean {
  if (/^(data|blob):/.test(url)) return true;
  const { hostname, protocol } = new URL(url);
  if (protocol === 'vscode-webview:' || protocol === 'vscode-file:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.vscode-cdn.net');
}

interface InjectionReport {
  pwned: unknown;
  /** Elements a payload would create if it were parsed as HTML. */
  injected: string[];
  /** Elements carrying an inline event handler attribute (on…). */
  handlers: string[];
  /** Script elements without the page's nonce, or with inline code. */
  badScripts: string[];
  csp: string;
  text: string;
}

/** The little of the DOM the probe touches (the tests compile without the DOM library). */
interface ProbeElement {
  tagName: string;
  outerHTML: string;
  attributes: ArrayLike<{ name: string }>;
}
interface ProbeScript extends ProbeElement {
  id: string;
  src: string;
  nonce?: string;
  textContent: string | null;
}
interface ProbeDocument {
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  body: { innerText: string };
}

/** Runs inside the webview document. */
function injectionReport(global: string): InjectionReport {
  const w = globalThis as unknown as { document: ProbeDocument } & Record<string, unknown>;
  const doc = w.document;
  const all = Array.from(doc.querySelectorAll('*'));
  // VS Code itself injects one inline script (acquireVsCodeApi) before the page's own.
  const scripts = (Array.from(doc.querySelectorAll('script')) as ProbeScript[]).filter((s) => s.id !== '_vscodeApiScript');
  const nonce = scripts[0]?.nonce ?? '';
  return {
    pwned: w[global],
    injected: Array.from(doc.querySelectorAll('#own-it-injected, svg[onload], iframe, a[href^="javascript:"], img[src*="evil"], img[src="x"]')).map((e) => e.outerHTML.slice(0, 80)),
    handlers: all.filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).map((e) => e.tagName.toLowerCase()),
    badScripts: scripts.filter((s) => !s.src || !s.nonce || s.nonce !== nonce || (s.textContent ?? '') !== '').map((s) => s.outerHTML.slice(0, 80)),
    csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    text: doc.body.innerText,
  };
}

function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, GIT_EDITOR: 'true', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('Hostile repository text in the incident panel', function () {
  this.timeout(90_000);
  let wb: Workbench;
  let culprit: string;
  let incidentFile: string | undefined;
  /** Every request the page makes; `webview` when a frame other than the workbench's made it. */
  const requests: { url: string; webview: boolean }[] = [];
  const dialogs: string[] = [];
  const onRequest = (r: Request): void => {
    let webview = false;
    try {
      webview = r.frame() !== wb.page.mainFrame();
    } catch {
      // Service worker requests have no frame; the workbench's own.
    }
    requests.push({ url: r.url(), webview });
  };

  before(async () => {
    ({ wb } = await sharedSession());
    const root = ui.workspace();
    const file = path.join(root, 'src', 'hostile-ui.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'export function hostileUi() {\n  return 1;\n}\n');
    fs.writeFileSync(path.join(root, 'src', '<img src=x onerror=alert(1)>.js'), 'export const x = 1;\n');
    git(root, {}, 'add', 'src');
    git(root, { GIT_AUTHOR_NAME: `${PAYLOADS.html} ${PAYLOADS.ansi}` }, 'commit', '-q', '-m', `${PAYLOADS.html} ${PAYLOADS.rtl}\n\n${PAYLOADS.svg}\n${PAYLOADS.markdown}`);
    culprit = git(root, {}, 'rev-parse', 'HEAD');
    const store = new IncidentStore(root);
    const created = await store.create({
      title: `${PAYLOADS.svg} ${PAYLOADS.quotes}`,
      culprits: [culprit],
      deployRefs: [PAYLOADS.html],
      events: [{ at: '2026-11-18T16:00:00.000Z', text: `${PAYLOADS.html} ${PAYLOADS.markdown}`, source: 'manual' }],
      actions: [{ text: `${PAYLOADS.svg} ${PAYLOADS.ansi}`, done: false, kind: 'fix' }],
    });
    const next = structuredClone(created.incident);
    next.sections.whatHappened = `${PAYLOADS.html}\n\n${PAYLOADS.markdown}`;
    next.sections.teamUpdate = `${PAYLOADS.svg}\n${PAYLOADS.html}`;
    await store.save(created, next);
    incidentFile = created.path;
    wb.page.on('request', onRequest);
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest);
  });

  after(async () => {
    wb?.page.off('request', onRequest);
    // The files after this one (and the README's screenshots) expect the seeded story only: close
    // the hostile panel and remove its incident, and wait until the Incidents view has dropped it.
    if (!wb || !incidentFile) return;
    await wb.runCommand('View: Close All Editors');
    fs.rmSync(incidentFile, { force: true });
    await wb.showOwnIt();
    await wb.sideBar().locator('.monaco-list-row', { hasText: 'double' }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('renders every payload as text: no script, dialog, created element or remote request', async () => {
    const commands = await wb.openPalette('Own It: Open Incident for Commit');
    await commands.filter({ hasText: 'Own It: Open Incident for Commit' }).first().click();
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Open Incident for Commit' }).waitFor();
    await wb.page.locator('.quick-input-widget .quick-input-box input').fill(culprit.slice(0, 7));
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: culprit.slice(0, 7) }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const frame: Frame = await wb.webviewFrame('.commit-card.culprit .subject', 'own-it-injected');
    // Give any payload that could run (an image error handler, a deferred script) time to do so.
    await wb.page.waitForTimeout(1500);

    const report = await frame.evaluate(injectionReport, PWNED_GLOBAL);
    assert.equal(report.pwned, undefined, 'a script from repository text ran in the webview');
    assert.deepEqual(report.injected, [], 'an element was created from repository text');
    assert.deepEqual(report.handlers, [], 'an element carries an inline event handler');
    assert.deepEqual(report.badScripts, [], 'a script without the page nonce (or with inline code) exists');
    assert.match(report.csp, /^default-src 'none'; /);
    assert.match(report.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:\/\/(?!\*\.vscode-cdn\.net)/.test(report.csp), report.csp);
    // The payloads are visible as the literal text the repository holds.
    assert.ok(report.text.includes('<b id="own-it-injected">bold</b>'), 'the culprit subject is shown as text');
    assert.equal(await frame.locator('#f-title').inputValue(), `${PAYLOADS.svg} ${PAYLOADS.quotes}`);

    assert.equal(await wb.page.evaluate((g) => (globalThis as unknown as Record<string, unknown>)[g], PWNED_GLOBAL), undefined, 'nor in the workbench');
    assert.deepEqual(dialogs, [], 'a dialog opened');
    assert.deepEqual(requests.filter((r) => r.url.includes(EVIL_HOST) || r.url.startsWith('javascript:')), [], 'a payload made a request');
    // The workbench itself may ask the extension gallery; the webviews may only load local resources.
    assert.ok(requests.some((r) => r.webview), 'no webview request was seen at all: the probe is broken');
    assert.deepEqual(requests.filter((r) => r.webview && !allowedRequest(r.url)), [], 'a request left the webview for a remote host');
    await wb.screenshot('incident-panel-hostile-all');
  });
});
