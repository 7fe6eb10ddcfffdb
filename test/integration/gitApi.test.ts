import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { API, GitExtension } from '../../src/@types/git';
import { git as cliGit, testWorkspace, waitFor } from './helpers/host';

describe('built-in git extension', () => {
  let git: API;

  before(async () => {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    assert.ok(extension, 'vscode.git is not available in this host');
    git = (await extension.activate()).getAPI(1);
  });

  it('sees the test workspace as a repository', async () => {
    const root = fs.realpathSync(testWorkspace());
    const repo = await waitFor(
      `vscode.git to open ${root}`,
      () => git.repositories.find((r) => fs.realpathSync(r.rootUri.fsPath) === root),
      20_000,
    );
    assert.equal(path.basename(repo.rootUri.fsPath), path.basename(root));
  });

  it('reports the same HEAD commit as the git CLI', async () => {
    const root = fs.realpathSync(testWorkspace());
    const head = cliGit(root, 'rev-parse', 'HEAD');
    const repo = await waitFor('the repository', () => git.repositories.find((r) => fs.realpathSync(r.rootUri.fsPath) === root), 20_000);
    await waitFor('HEAD to be read', () => (repo.state.HEAD?.commit === head ? true : undefined), 20_000);
    assert.equal(repo.state.HEAD?.name, 'main');
  });
});
