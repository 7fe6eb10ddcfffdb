import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor } from './helpers/host';

// Checks the test host itself, so a broken host shows up as such and not as a product failure.
describe('test host', () => {
  it('opened the runner\'s git workspace as the only folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(fs.realpathSync(folders[0].uri.fsPath), fs.realpathSync(testWorkspace()));
    assert.ok(fs.existsSync(path.join(testWorkspace(), '.git')), 'the workspace is not a git repository');
  });

  it('delivers file-system events for files written to the workspace from outside VS Code', async () => {
    const root = testWorkspace();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), 'watched/**/*.md'));
    const seen: string[] = [];
    watcher.onDidCreate((uri) => seen.push(uri.fsPath));
    try {
      // Give the watcher a moment to be installed by writing until an event arrives.
      const file = path.join(root, 'watched', 'probe.md');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await waitFor('a create event', () => {
        if (!fs.existsSync(file)) fs.writeFileSync(file, 'probe\n');
        else if (seen.length === 0) fs.rmSync(file);
        return seen.length > 0 ? seen[0] : undefined;
      }, 15_000);
      assert.equal(fs.realpathSync(seen[0]), fs.realpathSync(file));
    } finally {
      watcher.dispose();
      fs.rmSync(path.join(root, 'watched'), { recursive: true, force: true });
    }
  });

  it('keeps git inside the run folder: a folder next to the workspace is not a repository', () => {
    const outside = fs.mkdtempSync(path.join(path.dirname(testWorkspace()), 'not-a-repo-'));
    try {
      assert.throws(() => execFileSync('git', ['rev-parse', '--git-dir'], { cwd: outside, stdio: 'pipe' }));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
