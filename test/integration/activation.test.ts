import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateOwnIt } from './helpers/host';

describe('activation', () => {
  it('activates own-it.own-it without errors and returns the version 1 API', async () => {
    const { extension, api } = await activateOwnIt();
    assert.equal(extension.isActive, true);
    assert.equal(api.version, 1);
    assert.equal(typeof api.scanRepository, 'function');
  });

  it('runs as a workspace (Node) extension, as the manifest declares', async () => {
    const { extension } = await activateOwnIt();
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  // The packaging check installs the .vsix into a fresh extensions folder and runs this suite
  // filtered to 'activation'; this proves the test exercised the packaged copy, not the checkout.
  it('is loaded from the folder the runner expects', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const installedDir = process.env.OWN_IT_TEST_INSTALLED_FROM;
    const extensionPath = path.resolve(extension.extensionPath);
    if (installedDir) {
      assert.ok(extensionPath.startsWith(path.resolve(installedDir) + path.sep), `${extensionPath} is not inside ${installedDir}`);
    } else {
      assert.equal(extensionPath, path.resolve(__dirname, '..', '..', '..'));
    }
  });
});
