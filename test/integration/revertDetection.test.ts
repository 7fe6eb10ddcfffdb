import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { activateOwnIt, git, testWorkspace } from './helpers/host';
import type { OwnItApi } from '../../src/api';

describe('revert detection through the extension API', () => {
  let api: OwnItApi;
  let root: string;

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
  });

  it('finds a revert made with the git CLI and links it to the commit it undoes', async () => {
    fs.writeFileSync(path.join(root, 'checkout.js'), 'export const total = (items) => items.reduce((a, b) => a + b, 0) * 1.2;\n');
    git(root, 'add', 'checkout.js');
    git(root, 'commit', '-q', '-m', 'Apply VAT twice at checkout');
    const bad = git(root, 'rev-parse', 'HEAD');

    const before = await api.scanRepository(root);
    assert.equal(before.find((d) => d.reverted.includes(bad)), undefined, 'nothing reverts the bad commit yet');

    git(root, 'revert', '--no-edit', bad);
    const revert = git(root, 'rev-parse', 'HEAD');

    const detections = await api.scanRepository(root);
    const found = detections.find((d) => d.sha === revert);
    assert.ok(found, `no detection for revert ${revert}; got ${JSON.stringify(detections)}`);
    assert.equal(found.kind, 'revert');
    assert.deepEqual(found.reverted, [bad]);
    assert.equal(found.evidence, 'sha');
    assert.equal(found.subject, 'Revert "Apply VAT twice at checkout"');
  });

  it('rejects a folder that is not a git repository', async () => {
    const notARepo = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'not-a-repo-'));
    try {
      await assert.rejects(api.scanRepository(notARepo));
    } finally {
      fs.rmSync(notARepo, { recursive: true, force: true });
    }
  });
});
