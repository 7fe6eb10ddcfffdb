import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OwnItApi } from '../../src/api';
import { activateOwnIt } from './helpers/host';

/**
 * CI status in the real host, with the feature off (its default): the GitHub sign-in cannot be
 * answered in a test host without a real account, so polling itself is tested in the unit suite
 * (test/unit/githostMonitor.test.ts) with an injected sign-in and a local fake GitHub.
 */
describe('CI status (GitHub)', function () {
  this.timeout(30_000);
  let api: OwnItApi;

  before(async () => {
    api = (await activateOwnIt()).api;
    await api.whenReady();
  });

  it('is off by default and reports nothing', () => {
    const ci = vscode.workspace.getConfiguration('ownIt.ci');
    assert.equal(ci.get('enabled'), false);
    assert.equal(ci.get('pollMinutes'), 5);
    assert.equal(vscode.workspace.getConfiguration('ownIt.github').get('apiUrl'), 'https://api.github.com');
    assert.deepEqual(api.ciFindings(), []);
  });

  it('does not let a workspace redirect the GitHub token with ownIt.github.apiUrl', async () => {
    const github = vscode.workspace.getConfiguration('ownIt.github');
    await assert.rejects(Promise.resolve(github.update('apiUrl', 'https://attacker.example/api/v3', vscode.ConfigurationTarget.Workspace)));
    assert.equal(vscode.workspace.getConfiguration('ownIt.github').inspect('apiUrl')?.workspaceValue, undefined);
  });
});
