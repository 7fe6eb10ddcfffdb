import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnItApi, PreventionReminder } from '../../src/api';
import { IncidentStore } from '../../src/core/incidents';
import { PLACEHOLDER_MARKER } from '../../src/core/scaffold/types';
import { IncidentPanel } from '../../src/webviews/incident/incidentPanel';
import type { HostMessage } from '../../src/webviews/incident/protocol';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor, findOpenIncident } from './helpers/host';


function collectReminders(api: OwnItApi): { list: PreventionReminder[]; dispose(): void } {
  const list: PreventionReminder[] = [];
  const sub = api.prevention.onDidRemind((r) => list.push(r));
  return { list, dispose: () => sub.dispose() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('prevention: regression tests, checklists and reminders', function () {
  this.timeout(90_000);
  let api: OwnItApi;
  let root: string;
  let store: IncidentStore;
  let culprit: string;
  let incidentPath: string;
  let firstTest: string;
  const title = 'Discounts charged the wrong amount';

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
    await api.whenReady();
    store = new IncidentStore(root, 'docs/incidents');
    commitFile(root, 'src/checkout.js', 'export function applyDiscount(total, pct) {\n  return total - total * pct;\n}\n\nexport const currency = "EUR";\n', 'Add checkout discounts');
    culprit = commitFile(root, 'src/checkout.js', 'export function applyDiscount(total, pct) {\n  return total - pct;\n}\n\nexport const currency = "EUR";\n', 'Simplify discount maths');
    incidentPath = (await store.create({ title, culprits: [culprit] })).path;
  });

  after(async () => {
    // Leave the shared repository with a clean index for the suites that follow (a failed test may stage files).
    if (git(root, 'diff', '--cached', '--name-only')) git(root, 'commit', '-q', '-m', 'Prevention tests: staged leftovers');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('scaffolds a test for the function the culprit changed, records it in the incident and opens it at the placeholder', async () => {
    const rel = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath });
    assert.ok(rel, 'the command returned no path');
    assert.match(rel, /checkout\.regression\.test\.js$/);
    firstTest = rel;
    const abs = path.join(root, rel);
    const text = fs.readFileSync(abs, 'utf8');
    assert.ok(text.includes(PLACEHOLDER_MARKER), text);
    assert.ok(text.includes('applyDiscount'), text);
    assert.ok(text.includes(culprit.slice(0, 7)), 'the header names the culprit');

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is open');
    assert.equal(editor.document.uri.fsPath, abs);
    const caretLine = editor.document.lineAt(editor.selection.active.line).text;
    assert.ok(caretLine.includes(PLACEHOLDER_MARKER), `caret is on "${caretLine}"`);

    const { incident } = await store.load(incidentPath);
    assert.deepEqual(
      incident.actions.map((a) => [a.kind, a.path, a.done, a.text]),
      [['test', rel, false, 'Regression test for applyDiscount']],
    );
  });

  it('a second run opens the test written before, with no second action item; a file of the user’s own gets a numbered sibling', async () => {
    const abs = path.join(root, firstTest);
    const mine = fs.readFileSync(abs, 'utf8') + '\n// my own notes\n';
    fs.writeFileSync(abs, mine);

    const opened = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath, onExists: 'sibling' });
    assert.equal(opened, firstTest, 'the rerun found the test it wrote');
    assert.equal(fs.readFileSync(abs, 'utf8'), mine, 'the existing test was modified');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, abs);
    assert.deepEqual((await store.load(incidentPath)).incident.actions.map((a) => a.path), [firstTest]);

    const own = '// a test file of my own that happens to have this name\n';
    fs.writeFileSync(abs, own);
    const sibling = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath, onExists: 'sibling' });
    assert.ok(sibling);
    assert.match(sibling, /checkout\.regression-2\.test\.js$/);
    assert.equal(fs.readFileSync(abs, 'utf8'), own, 'the existing file was modified');
    assert.ok(fs.readFileSync(path.join(root, sibling), 'utf8').includes(PLACEHOLDER_MARKER));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(root, sibling));

    const { incident } = await store.load(incidentPath);
    assert.deepEqual(
      incident.actions.map((a) => a.path),
      [firstTest, sibling],
    );
  });

  it("takes the changed symbol from the editor's document symbol provider when one answers", async () => {
    commitFile(root, 'src/ledger.js', 'const ledger = { entries: [] };\nledger.post = (amount) => {\n  ledger.entries.push(amount);\n};\nmodule.exports = ledger;\n', 'Add ledger');
    const sha = commitFile(root, 'src/ledger.js', 'const ledger = { entries: [] };\nledger.post = (amount) => {\n  ledger.entries.push(amount * 100);\n};\nmodule.exports = ledger;\n', 'Store ledger amounts in cents');
    const ledgerIncident = (await store.create({ title: 'Ledger amounts off by 100x', culprits: [sha] })).path;
    let asked = 0;
    // Only a language service knows that line 3 is the body of "postEntry"; the core's patterns cannot.
    const provider = vscode.languages.registerDocumentSymbolProvider({ scheme: 'file', pattern: '**/src/ledger.js' }, {
      provideDocumentSymbols: () => {
        asked++;
        const range = new vscode.Range(2, 0, 2, 40);
        return [new vscode.DocumentSymbol('postEntry', '', vscode.SymbolKind.Function, range, range)];
      },
    });
    try {
      const rel = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath: ledgerIncident });
      assert.ok(rel);
      assert.ok(asked > 0, 'the symbol provider was not asked');
      assert.ok(fs.readFileSync(path.join(root, rel), 'utf8').includes('postEntry'));
      const { incident } = await store.load(ledgerIncident);
      assert.equal(incident.actions[0]?.text, 'Regression test for postEntry');
    } finally {
      provider.dispose();
    }
  });

  it('derives a linked test’s status from its file: placeholder pending, written done, never written back', async () => {
    const testRel = 'test/refund.regression.test.js';
    fs.mkdirSync(path.join(root, 'test'), { recursive: true });
    fs.writeFileSync(path.join(root, testRel), `import test from 'node:test';\ntest('refund', () => {\n  throw new Error('${PLACEHOLDER_MARKER}: write it');\n});\n`);
    const refund = commitFile(root, 'src/refund.js', 'export function refund(x) {\n  return -x;\n}\n', 'Negate refunds');
    const refundTitle = 'Refunds were doubled';
    const created = await store.create({
      title: refundTitle,
      culprits: [refund],
      // The file says done; the placeholder in the test says otherwise, and the test wins.
      actions: [{ text: 'Regression test for refund', kind: 'test', done: true, path: testRel }],
    });
    const description = async () => findOpenIncident((await api.snapshotViews()).incidents, refundTitle)?.description;
    await waitFor('the placeholder test to show as pending', async () => ((await description())?.includes('1 pending') ? true : undefined));

    fs.writeFileSync(path.join(root, testRel), `import test from 'node:test';\nimport assert from 'node:assert';\ntest('refund', () => assert.equal(-1, -1));\n`);
    await waitFor('the written test to show as done', async () => {
      const d = await description();
      return d !== undefined && !d.includes('pending') ? true : undefined;
    });
    const onDisk = await store.load(created.path);
    assert.equal(onDisk.incident.actions[0].done, true);
    assert.equal(onDisk.raw, created.raw, 'the derived status was written to the incident file');

    fs.writeFileSync(path.join(root, testRel), `throw new Error('${PLACEHOLDER_MARKER}');\n`);
    await waitFor('the placeholder coming back to show as pending again', async () => ((await description())?.includes('1 pending') ? true : undefined));
  });

  it('the incident panel runs Scaffold Regression Test from its Action items and shows the linked test as pending, then done', async () => {
    const sha = commitFile(root, 'src/invoice.js', 'export function invoiceTotal(lines) {\n  return lines.length;\n}\n', 'Count invoice lines as the total');
    const created = await store.create({ title: 'Invoices showed line counts', culprits: [sha] });
    const { extension } = await activateOwnIt();
    const panel = await IncidentPanel.open({ extensionUri: extension.extensionUri, incidentsFolder: () => 'docs/incidents' }, { kind: 'file', repoRoot: root, incidentPath: created.path });
    const posted: HostMessage[] = [];
    const sub = panel.onDidPostMessage((m) => posted.push(m));
    try {
      // The person clicks the button in a loaded page; until then the host holds linked-test updates.
      await waitFor('the panel page to load', () => (panel.isReady ? true : undefined));
      await panel.simulateUiMessage({ type: 'prevent', action: 'scaffoldRegressionTest' });
      const { incident } = await store.load(created.path);
      const rel = incident.actions[0]?.path;
      assert.ok(rel && rel.endsWith('invoice.regression.test.js'), JSON.stringify(incident.actions));
      const state = await waitFor('the panel to reload with the new action', () =>
        posted.find((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state' && m.state.incident.actions.length === 1),
      );
      assert.deepEqual(state.state.linkedTests, { [rel]: 'pending' });

      fs.writeFileSync(path.join(root, rel), "import test from 'node:test';\ntest('invoice total sums amounts', () => {});\n");
      await panel.refreshLinkedTests();
      const update = posted.filter((m): m is Extract<HostMessage, { type: 'linkedTests' }> => m.type === 'linkedTests').at(-1);
      assert.deepEqual(update?.linkedTests, { [rel]: 'done' });
    } finally {
      sub.dispose();
      panel.dispose();
    }
  });

  it('decorates files the culprits of open and recently resolved incidents changed, and no others', async () => {
    const checkout = vscode.Uri.file(path.join(root, 'src/checkout.js'));
    const decoration = await waitFor('a decoration on src/checkout.js', () => api.prevention.decorationFor(checkout));
    assert.equal(decoration.badge, '⚑');
    assert.ok(decoration.tooltip?.includes(`"${title}" (open)`), decoration.tooltip);
    assert.equal(decoration.propagate, false);
    commitFile(root, 'src/untouched.js', 'export const untouched = 1;\n', 'A file no culprit changed');
    assert.equal(await api.prevention.decorationFor(vscode.Uri.file(path.join(root, 'src/untouched.js'))), undefined);

    const old = commitFile(root, 'src/legacy.js', 'export const legacy = 1;\n', 'Legacy flag');
    const recent = commitFile(root, 'src/recent.js', 'export const recent = 1;\n', 'Recent flag');
    const longAgo = new Date(Date.now() - 90 * 24 * 3600 * 1000).toISOString();
    const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    await store.create({ title: 'Old resolved incident', culprits: [old], status: 'resolved', resolved: longAgo });
    await store.create({ title: 'Recently resolved incident', culprits: [recent], status: 'resolved', resolved: lastWeek });
    const recentDecoration = await waitFor('a decoration on src/recent.js', () => api.prevention.decorationFor(vscode.Uri.file(path.join(root, 'src/recent.js'))));
    assert.ok(recentDecoration.tooltip?.includes('"Recently resolved incident" (resolved)'));
    assert.equal(recentDecoration.color, undefined, 'a resolved incident does not color the file');
    assert.equal(await api.prevention.decorationFor(vscode.Uri.file(path.join(root, 'src/legacy.js'))), undefined);
  });

  it('shows the checklist once when a touched file is staged, and stays quiet when that commit lands', async () => {
    const added = await vscode.commands.executeCommand<string | undefined>('ownIt.addChecklistItem', {
      repoRoot: root,
      incidentPath,
      lesson: 'Check discounts against a real cart total',
    });
    assert.ok(added);
    await waitFor('the checklist in the decoration', async () =>
      (await api.prevention.decorationFor(vscode.Uri.file(path.join(root, 'src/checkout.js'))))?.tooltip?.includes('Check discounts against a real cart total') ? true : undefined,
    );
    git(root, 'add', '--', 'docs', 'test');
    git(root, 'commit', '-q', '-m', 'Prevention tests: scaffolds and checklist');
    await sleep(1000);

    const seen = collectReminders(api);
    try {
      fs.appendFileSync(path.join(root, 'src/checkout.js'), '// rounding note\n');
      git(root, 'add', 'src/checkout.js');
      const staged = await waitFor('the staging reminder', () => seen.list.find((r) => r.kind === 'staged'), 20_000);
      assert.deepEqual(staged.files, ['src/checkout.js']);
      assert.equal(staged.incidentPath, incidentPath);
      assert.match(staged.message, new RegExp(`^You're changing src/checkout\\.js, touched by incident "${title}"\\. Checklist: .*Check discounts against a real cart total`));
      assert.match(staged.message, /Its regression test \S*checkout\.regression(-2)?\.test\.js is still a placeholder\.$/);
      assert.deepEqual(staged.actions, ['Open Checklist', 'Open Incident']);

      git(root, 'commit', '-q', '-m', 'Note on rounding');
      await sleep(2500);
      assert.deepEqual(
        seen.list.map((r) => r.kind),
        ['staged'],
        'one reminder for the staged set, none again for its commit',
      );
    } finally {
      seen.dispose();
    }
  });

  it('reminds once when a touched file is committed without being seen staged', async () => {
    const seen = collectReminders(api);
    try {
      fs.appendFileSync(path.join(root, 'src/checkout.js'), '// another note\n');
      git(root, 'commit', '-q', '-am', 'Another rounding note');
      await waitFor('a reminder for the commit', () => seen.list[0], 20_000);
      await sleep(2000);
      assert.equal(seen.list.length, 1, JSON.stringify(seen.list));
      assert.ok(seen.list[0].message.startsWith("You're changing src/checkout.js"));
    } finally {
      seen.dispose();
    }
  });

  it('warns when the culprit is re-applied while its regression test is still a placeholder', async () => {
    const seen = collectReminders(api);
    try {
      git(root, 'revert', '--no-edit', culprit);
      const revert = git(root, 'rev-parse', 'HEAD');
      git(root, 'revert', '--no-edit', revert);
      const reapply = await waitFor('the reapply reminder', () => seen.list.find((r) => r.kind === 'reapply'), 20_000);
      assert.equal(reapply.incidentPath, incidentPath);
      assert.match(reapply.message, /^You re-applied "Simplify discount maths"\. Its regression test \S*checkout\.regression(-2)?\.test\.js is still a placeholder — write it before this ships\.$/);
      assert.deepEqual(reapply.actions, ['Open Test', 'Open Incident']);
    } finally {
      seen.dispose();
    }
  });
});
