import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { OwnItApi, RevertLandedEvent } from '../../src/api';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor } from './helpers/host';

/** Collects every revert the extension reports while a test runs. */
function collect(api: OwnItApi): { events: RevertLandedEvent[]; dispose(): void } {
  const events: RevertLandedEvent[] = [];
  const sub = api.onDidLandRevert((e) => events.push(e));
  return { events, dispose: () => sub.dispose() };
}


describe('the automatic prompt after a revert', function () {
  this.timeout(60_000);
  let api: OwnItApi;
  let root: string;

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
    await api.whenReady();
  });

  it('offers an incident on its own after a revert made in a terminal', async () => {
    const bad = commitFile(root, 'pricing.js', 'export const vat = 0.4;\n', 'Raise VAT to 40%');
    const seen = collect(api);
    try {
      git(root, 'revert', '--no-edit', bad);
      const revert = git(root, 'rev-parse', 'HEAD');
      // How fast is a benchmark row (npm run bench -- --host); the bound here only stops a hang.
      const event = await waitFor('the revert to be reported', () => seen.events.find((e) => e.detection.sha === revert), 20_000);
      assert.equal(event.prompt, `You reverted "Raise VAT to 40%" (${bad.slice(0, 7)}).`);
      assert.deepEqual(event.detection.reverted, [bad]);
    } finally {
      seen.dispose();
    }
  });

  it('never prompts for checkouts of older commits or branch switches', async () => {
    const seen = collect(api);
    try {
      git(root, 'checkout', '-q', 'HEAD~2');
      git(root, 'checkout', '-q', '-b', 'side');
      git(root, 'checkout', '-q', 'main');
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(seen.events, []);
    } finally {
      seen.dispose();
    }
  });

  it("tells me when a pull brings a teammate's revert of my commit", async () => {
    const base = path.dirname(root);
    const bare = path.join(base, 'remote.git');
    const teammate = path.join(base, 'teammate');
    git(base, 'init', '-q', '--bare', '--initial-branch=main', bare);
    git(root, 'remote', 'add', 'origin', bare);
    const mine = commitFile(root, 'cart.js', 'export const limit = 0;\n', 'Limit carts to zero items');
    git(root, 'push', '-q', '-u', 'origin', 'main');
    git(base, 'clone', '-q', bare, teammate);
    git(teammate, 'config', 'user.name', 'Bob Example');
    git(teammate, 'config', 'user.email', 'bob@example.com');
    git(teammate, 'revert', '--no-edit', mine);
    const theirRevert = git(teammate, 'rev-parse', 'HEAD');
    git(teammate, 'push', '-q', 'origin', 'main');

    const seen = collect(api);
    try {
      git(root, 'pull', '-q', '--ff-only', 'origin', 'main');
      const event = await waitFor('the pulled revert to be reported', () => seen.events.find((e) => e.detection.sha === theirRevert), 10_000);
      assert.equal(event.prompt, 'Your commit "Limit carts to zero items" was reverted by Bob Example.');
    } finally {
      seen.dispose();
    }
  });

  it('prompts at most once per revert', async () => {
    const seen = collect(api);
    try {
      const bad = commitFile(root, 'flags.js', 'export const beta = true;\n', 'Turn on beta for everyone');
      git(root, 'revert', '--no-edit', bad);
      const revert = git(root, 'rev-parse', 'HEAD');
      await waitFor('the revert', () => seen.events.find((e) => e.detection.sha === revert));
      // Moving away and back replays nothing: checkouts never bring new commits.
      git(root, 'checkout', '-q', 'HEAD~1');
      git(root, 'checkout', '-q', 'main');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(seen.events.filter((e) => e.detection.sha === revert).length, 1);
    } finally {
      seen.dispose();
    }
  });
});
