import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnItApi } from '../../src/api';
import type { InsightsPanel } from '../../src/webviews/insights/insightsPanel';
import type { HostMessage, InsightsState } from '../../src/webviews/insights/protocol';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor } from './helpers/host';

describe('insights panel in the real host', function () {
  this.timeout(60_000);
  let api: OwnItApi;
  let root: string;
  let culprit: string;
  let revert: string;
  let panel: InsightsPanel;
  const seen: HostMessage[] = [];
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-insights-'));

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
    await api.whenReady();
    culprit = commitFile(root, 'src/insights-rates.js', 'export const rate = 0;\n', 'Set exchange rate to zero');
    git(root, 'revert', '--no-edit', culprit);
    revert = git(root, 'rev-parse', 'HEAD');
  });

  after(async () => {
    panel?.dispose();
    fs.rmSync(exportDir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function nextState(from: number): Promise<InsightsState> {
    return waitFor('a state message', () => seen.slice(from).find((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state')?.state, 30_000);
  }

  it('"Show Insights" opens a panel whose state carries the metrics of the repository, revert included', async () => {
    const opened = (await vscode.commands.executeCommand('ownIt.showInsights', { repoRoot: root })) as InsightsPanel | undefined;
    assert.ok(opened, 'the command returns the panel');
    panel = opened;
    panel.onDidPostMessage((m) => seen.push(m));
    const state = panel.lastState;
    assert.ok(state, 'the metrics were computed before the command resolved');
    assert.equal(state.repoRoot, root);
    const recovery = state.report.timeToRecover.items.find((i) => i.recoveredBy === revert);
    assert.ok(recovery, `the revert is in time to recover: ${JSON.stringify(state.report.timeToRecover.items.map((i) => i.recoveredBy))}`);
    assert.deepEqual(recovery.culprits, [culprit]);
    assert.ok(state.report.changeFailure.reverts >= 1);
    assert.ok(state.report.hotspots.files.some((h) => h.path === 'src/insights-rates.js'));
    assert.ok(state.view.recovery.rows.some((r) => r.recoveredBy === revert.slice(0, 7)));
    for (const card of state.view.cards) assert.ok(card.formula.length > 20, `${card.id} shows its formula`);
    assert.match(state.view.note, /estimate/);

    // The same numbers the API computes for the repository.
    const direct = await api.metrics(root);
    assert.deepEqual(direct.timeToRecover.items.map((i) => i.recoveredBy), state.report.timeToRecover.items.map((i) => i.recoveredBy));
    assert.equal(direct.changeFailure.reverts, state.report.changeFailure.reverts);
  });

  it('serves a strict CSP page with the insights bundle, and resends the state to a reloaded page', async () => {
    const html = panel.panel.webview.html.replace(/&#39;/g, "'");
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-[^']+'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.match(html, /dist\/webviews\/insights\.js/);
    // One stylesheet, the bundled one: codicons, base.css and the panel's own rules in one fetch.
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(sheets.length, 1, `stylesheets: ${sheets.join(', ')}`);
    assert.match(sheets[0], /dist\/webviews\/insights\.css$/);
    const { extension } = await activateOwnIt();
    const webviews = path.join(extension.extensionPath, 'dist', 'webviews');
    const css = fs.readFileSync(path.join(webviews, 'insights.css'), 'utf8');
    assert.match(css, /@font-face[^}]*codicon/);
    const font = /url\("\.\/([^"?]+)/.exec(css)?.[1];
    assert.ok(font && fs.existsSync(path.join(webviews, font)), `font ${font}`);
    assert.doesNotMatch(css, /@import/);
    await panel.simulateUiMessage({ type: 'ready' });
    const from = seen.length;
    await panel.simulateUiMessage({ type: 'ready' });
    const state = await nextState(from);
    assert.equal(state.repoRoot, root);
  });

  it('recomputes on refresh, so a new revert shows up', async () => {
    const second = commitFile(root, 'src/insights-fees.js', 'export const fee = 100;\n', 'Raise fees a hundredfold');
    git(root, 'revert', '--no-edit', second);
    const secondRevert = git(root, 'rev-parse', 'HEAD');
    const from = seen.length;
    await panel.simulateUiMessage({ type: 'refresh' });
    const state = await nextState(from);
    assert.ok(state.report.timeToRecover.items.some((i) => i.recoveredBy === secondRevert));
    assert.ok(seen.slice(from).some((m) => m.type === 'loading'), 'the UI is told a computation runs');
  });

  it('ignores a repository the extension does not track, and paths outside the repository', async () => {
    const from = seen.length;
    await panel.simulateUiMessage({ type: 'selectRepository', repoRoot: os.tmpdir() });
    await panel.simulateUiMessage({ type: 'openFile', path: '../../etc/passwd' });
    assert.equal(seen.length, from, 'nothing was loaded');
    assert.equal(panel.repository, root);
  });

  it('exports Markdown and CSV, and never overwrites an existing file', async () => {
    const md = path.join(exportDir, 'insights.md');
    const written = (await vscode.commands.executeCommand('ownIt.exportInsights', { repoRoot: root, format: 'markdown', target: md })) as vscode.Uri | undefined;
    assert.equal(written?.fsPath, md);
    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /^# Own It insights, /);
    assert.ok(text.includes(revert.slice(0, 7)), 'the revert is in the Markdown export');
    assert.ok(seen.some((m) => m.type === 'exported' && m.path === md));

    const csv = path.join(exportDir, 'insights.csv');
    await vscode.commands.executeCommand('ownIt.exportInsights', { repoRoot: root, format: 'csv', target: csv });
    assert.match(fs.readFileSync(csv, 'utf8').split('\n')[0], /,/);

    fs.writeFileSync(md, 'keep me\n');
    const refused = await vscode.commands.executeCommand('ownIt.exportInsights', { repoRoot: root, format: 'markdown', target: md });
    assert.equal(refused, undefined);
    assert.equal(fs.readFileSync(md, 'utf8'), 'keep me\n');
  });

  it('shows one Insights panel per window', async () => {
    const again = await vscode.commands.executeCommand('ownIt.showInsights', { repoRoot: root });
    assert.equal(again, panel);
  });
});
