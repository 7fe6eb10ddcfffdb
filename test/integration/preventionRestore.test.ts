import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { IncidentStore } from '../../src/core/incidents';
import { PLACEHOLDER_MARKER } from '../../src/core/scaffold/types';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor } from './helpers/host';

const SPEC = (cases: string): string =>
  `const assert = require('node:assert');\nconst { describe, it } = require('node:test');\nconst { total } = require('../src/cart');\n\ndescribe('total', () => {\n  it('sums', () => {\n    assert.equal(total([1, 2]), 3);\n  });\n${cases}});\n`;

// Issue 16 items 2 and 3 in the editor: the tests a revert removed come back through the quick
// pick's first choice, and a placeholder goes into the existing test file as one undoable edit.
describe('prevention: restoring reverted tests and adding to the existing test file', function () {
  this.timeout(90_000);
  let root: string;
  let store: IncidentStore;

  before(async () => {
    const { api } = await activateOwnIt();
    await api.whenReady();
    root = testWorkspace();
    store = new IncidentStore(root, 'docs/incidents');
  });

  after(async () => {
    if (git(root, 'status', '--porcelain', '--', 'test/cart.test.js')) git(root, 'checkout', '-q', '--', 'test/cart.test.js');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restores the culprit’s test into today’s describe, links it, and a rerun writes nothing; a placeholder then goes into the same file', async () => {
    commitFile(root, 'src/cart.js', 'function total(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\nmodule.exports = { total };\n', 'Add cart totals');
    commitFile(root, 'test/cart.test.js', SPEC(''), 'Test cart totals');
    fs.writeFileSync(path.join(root, 'src/cart.js'), 'function total(xs) {\n  return xs.reduce((a, b) => a + Number(b), 0);\n}\nmodule.exports = { total };\n');
    git(root, 'add', 'src/cart.js');
    const culprit = commitFile(root, 'test/cart.test.js', SPEC("\n  it('sums strings', () => {\n    assert.equal(total(['1', '2']), 3);\n  });\n"), 'Coerce cart items');
    git(root, 'revert', '--no-edit', culprit);
    const incidentPath = (await store.create({ title: 'Cart totals wrong', culprits: [culprit] })).path;

    const rel = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath, choice: 'restore' });
    assert.equal(rel, 'test/cart.test.js');
    // The edit is saved through the editor, whose save participants may take a moment on a busy machine.
    const restored = await waitFor('the restored test on disk', () => {
      const t = fs.readFileSync(path.join(root, 'test/cart.test.js'), 'utf8');
      return /it\('sums strings'/.test(t) ? t : undefined;
    }, 30_000);
    assert.match(restored, new RegExp(`Own It restored tests from ${culprit.slice(0, 7)}`));
    assert.ok(restored.includes(PLACEHOLDER_MARKER));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, path.join(root, 'test/cart.test.js'));
    await waitFor('the edit to be saved', () => (editor?.document.isDirty === false ? true : undefined));
    assert.ok(editor?.document.lineAt(editor.selection.active.line).text.includes(PLACEHOLDER_MARKER));
    assert.deepEqual((await store.load(incidentPath)).incident.actions.map((a) => [a.kind, a.path, a.done]), [['test', 'test/cart.test.js', false]]);

    const again = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath, choice: 'restore' });
    assert.equal(again, 'test/cart.test.js');
    assert.equal(fs.readFileSync(path.join(root, 'test/cart.test.js'), 'utf8'), restored);
    assert.equal((await store.load(incidentPath)).incident.actions.length, 1);

    const placeholder = await vscode.commands.executeCommand<string | undefined>('ownIt.scaffoldRegressionTest', { repoRoot: root, incidentPath, choice: 'placeholder' });
    assert.equal(placeholder, 'test/cart.test.js');
    const text = await waitFor('the placeholder case on disk', () => {
      const t = fs.readFileSync(path.join(root, 'test/cart.test.js'), 'utf8');
      return t.includes('total no longer breaks') ? t : undefined;
    }, 30_000);
    assert.match(text, /\/\/ Own It regression test for total \(src\/cart\.js\)\.\n[\s\S]*  it\('total no longer breaks'/);
    assert.ok(!fs.existsSync(path.join(root, 'test/cart.regression.test.js')));
  });
});
