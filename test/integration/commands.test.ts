import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateOwnIt } from './helpers/host';

interface Manifest {
  contributes: { commands: { command: string }[]; views?: Record<string, { id: string }[]> };
}

describe('commands in the real host', () => {
  let contributed: string[];
  let registered: string[];

  before(async () => {
    const { extension } = await activateOwnIt();
    const manifest = extension.packageJSON as Manifest;
    contributed = manifest.contributes.commands.map((c) => c.command).sort();
    // The workbench registers `<viewId>.focus`, `.open`, … for every contributed view; those are not ours.
    const viewIds = Object.values(manifest.contributes.views ?? {}).flatMap((views) => views.map((v) => v.id));
    registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('ownIt.') && !viewIds.some((view) => id.startsWith(`${view}.`)))
      .sort();
  });

  it('registers every command the manifest contributes', () => {
    const missing = contributed.filter((id) => !registered.includes(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('registers no ownIt.* command that the manifest does not contribute', () => {
    const extra = registered.filter((id) => !contributed.includes(id));
    assert.deepEqual(extra, [], `registered but not in package.json: ${extra.join(', ')}`);
  });
});
