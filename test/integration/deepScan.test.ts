import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeepScanSummary } from '../../src/commands/deepScanCommand';
import { activateOwnIt, commitFile, testWorkspace } from './helpers/host';

describe('Deep Scan for Silent Reverts (command)', () => {
  // The scan's result notification ("… by their diffs alone", Show) stays until dismissed.
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('finds a revert with no revert wording by its diff, then answers from its cache', async () => {
    await activateOwnIt();
    const root = testWorkspace();
    const plain = ['export const limits = {', "  perMinute: readLimit('minute'),", '};', ''].join('\n');
    const burst = ['export const limits = {', "  perMinute: readLimit('minute'),", "  burst: readLimit('burst') * 2,", "  cooldownMs: readLimit('cooldown'),", "  alertAfter: readLimit('alerts'),", '};', ''].join('\n');
    commitFile(root, 'limits.ts', plain, 'Read limits from settings');
    const original = commitFile(root, 'limits.ts', burst, 'Allow bursts above the limit');
    const silent = commitFile(root, 'limits.ts', plain, 'Limits as before');

    const first = await vscode.commands.executeCommand<DeepScanSummary | undefined>('ownIt.deepScan');
    assert.ok(first, 'the deep scan returned nothing');
    const found = first.byDiff.find((d) => d.sha === silent);
    assert.ok(found, `no diff detection for ${silent}; got ${JSON.stringify(first.byDiff)}`);
    assert.equal(found.kind, 'revert');
    assert.deepEqual(found.reverted, [original]);

    const again = await vscode.commands.executeCommand<DeepScanSummary | undefined>('ownIt.deepScan');
    assert.equal(again?.outcome, 'hit');
    assert.deepEqual(again?.byDiff, first.byDiff);
  });
});
