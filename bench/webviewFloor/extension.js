// Bench only: a webview panel that does the least the incident panel's protocol does. The click
// (a tree row in Own It's view container, or the palette) creates a panel at once; the page loads
// one script file under a strict CSP, says `ready`; the host answers with the title and one file
// name; the page draws them. What this costs is what VS Code spends on any webview panel here.
// `webviewFloor.createTest` creates and shows a new test file the way a scaffold does: what VS Code
// spends on that (the first one in a window included) is the floor under Scaffold Regression Test.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- VS Code loads this bench extension as CommonJS */
const fs = require('node:fs');
const vscode = require('vscode');

/** The same marks as Own It's (OWN_IT_BENCH_TIMING), so the bench splits both paths alike. */
function mark(step) {
  const file = process.env.OWN_IT_BENCH_TIMING;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ step, at: Date.now(), pid: process.pid })}\n`);
}

const TITLE = 'Floor panel incident';

function html(webview, scriptUri, nonce) {
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Floor</title></head><body><main id="app" aria-busy="true"><p>Loading…</p></main><script nonce="${nonce}" src="${scriptUri}"></script></body></html>`;
}

function openPanel(context) {
  mark('floor: asked');
  const panel = vscode.window.createWebviewPanel('webviewFloor.panel', 'Floor', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
  });
  const nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'page.js'));
  panel.webview.onDidReceiveMessage((m) => {
    if (m && m.type === 'ready') mark('floor: page ready');
    if (m && m.type === 'ready') void panel.webview.postMessage({ type: 'state', title: TITLE, file: 'src/cart.js' });
  });
  panel.webview.html = html(panel.webview, script.toString(), nonce);
  mark('floor: created');
}

/** A new test file, as a scaffold writes one (same API calls as Own It's createAndOpen, same show options as from its panel). */
async function createTest() {
  mark('floor: file asked');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, 'src', `floor-${Date.now()}.regression.test.js`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(TEST_FILE, 'utf8') });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('could not create the floor test file');
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  const pos = new vscode.Position(4, 2);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  mark('floor: file shown');
}

const TEST_FILE = [
  "const assert = require('node:assert');",
  "const { price } = require('./price');",
  '',
  "describe('price (floor)', () => {",
  "  it('OWN-IT-PLACEHOLDER: the floor file is shown', () => {",
  "    assert.fail('floor');",
  '  });',
  '});',
  '',
].join('\n');

exports.activate = (context) => {
  const rows = {
    getTreeItem: (label) => {
      const item = new vscode.TreeItem(label);
      item.command = { command: 'webviewFloor.open', title: 'Open Floor Panel' };
      return item;
    },
    getChildren: () => [TITLE],
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('webviewFloor.open', () => openPanel(context)),
    vscode.commands.registerCommand('webviewFloor.createTest', createTest),
    vscode.window.registerTreeDataProvider('webviewFloor.rows', rows),
  );
};
