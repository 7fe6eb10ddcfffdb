// Own It in Restricted Mode (issue 8): the runner opens the workspace untrusted (workspace trust
// on, no startup prompt, a browser profile that never trusted it). Own It declares limited
// support, so it must run, list existing incident files, run no git and write no file.
//
// How "no git" is observed: the runner puts a logging `git` wrapper first on the extension host's
// PATH and makes it `git.path`, so any git started from this process is logged (cwd, args). Own It
// starts git in two ways, both recognisable: every query carries the safe config
// (`-c core.hooksPath=/dev/null`, see SAFE_GIT_CONFIG), and its commands have shapes VS Code's own
// git extension does not use (`log … --grep`, `rev-parse --absolute-git-dir`,
// `cat-file --batch-check`, `for-each-ref … refs/tags/…`). VS Code's git extension does not run
// in Restricted Mode, so the suite also asserts that nothing ran git at all. The last test proves
// the wrapper sees a git run through Own It's own factory from this process, so the check cannot
// pass vacuously.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnItApi, TreeSnapshot } from '../../src/api';
import { safeSimpleGit } from '../../src/core/git/createGit';
import { activateOwnIt, testWorkspace, waitFor } from '../integration/helpers/host';

/** The incident file the runner committed before the server started (untrustedRun.mjs). */
const EXISTING = JSON.parse(process.env.OWN_IT_TEST_INCIDENT ?? '{}') as { file?: string; title?: string; culprit?: string };
const INCIDENT_FILE = EXISTING.file ?? 'the runner seeded no incident';
const INCIDENT_TITLE = EXISTING.title ?? 'the runner seeded no incident';

/** One git run from the wrapper's log: the folder it ran in and its arguments. */
interface GitRun {
  cwd: string;
  args: string[];
}

function gitRuns(): GitRun[] {
  const log = process.env.OWN_IT_TEST_GIT_LOG;
  assert.ok(log, 'OWN_IT_TEST_GIT_LOG is not set: run this suite with `node scripts/testHost/runIntegration.mjs --suite untrusted`');
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [cwd, ...args] = line.split('\t');
      return { cwd, args };
    });
}

/** True for a git run that only Own It starts (see the header for the heuristic). */
function isOwnIts(run: GitRun): boolean {
  const a = run.args;
  const has = (arg: string) => a.includes(arg);
  return (
    has('core.hooksPath=/dev/null') ||
    (has('log') && a.some((x) => x.startsWith('--grep'))) ||
    (has('rev-parse') && has('--absolute-git-dir')) ||
    (has('cat-file') && has('--batch-check')) ||
    (has('for-each-ref') && a.some((x) => x.includes('refs/tags/')))
  );
}

const show = (runs: GitRun[]) => runs.map((r) => `git ${r.args.join(' ')} (in ${r.cwd})`).join('\n');

/** Every file under the incidents folder with its bytes, to prove nothing was written. */
function incidentFiles(root: string): Map<string, string> {
  const dir = path.join(root, 'docs', 'incidents');
  const files = new Map<string, string>();
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) files.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return files;
}

function labels(nodes: TreeSnapshot[]): string[] {
  return nodes.flatMap((n) => [n.label, ...labels(n.children ?? [])]);
}

/** Settles with the command's result, or 'pending' if it has not finished within `ms`. */
function settledWithin<T>(p: Thenable<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  return Promise.race([
    Promise.resolve(p).then((value) => ({ done: true as const, value })),
    new Promise<{ done: false }>((resolve) => setTimeout(() => resolve({ done: false }), ms)),
  ]);
}

describe('Restricted Mode (untrusted workspace)', function () {
  this.timeout(60_000);
  let root: string;
  let api: OwnItApi;

  before(async () => {
    // Everything below means something only if the folder really opened untrusted.
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace opened trusted: the runner did not enable workspace trust');
    root = testWorkspace();
    ({ api } = await activateOwnIt());
  });

  it('runs in Restricted Mode: the workspace is untrusted and Own It is active', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const extension = vscode.extensions.getExtension('own-it.own-it');
    assert.ok(extension?.isActive, 'Own It is not active');
  });

  it('lists the existing incident file in the Incidents view, its commit by sha', async () => {
    let last: TreeSnapshot[] = [];
    const incidents = await waitFor('the incident in the Incidents view', async () => {
      last = (await api.snapshotViews()).incidents;
      return labels(last).includes(INCIDENT_TITLE) ? last : undefined;
    }).catch((e: Error) => assert.fail(`${e.message}; the view shows ${JSON.stringify(last)}`));
    // Expanded, the incident shows its culprit by sha (commit subjects would need git).
    assert.ok(labels(incidents).includes(String(EXISTING.culprit).slice(0, 7)), `incident children: ${JSON.stringify(incidents)}`);
  });

  it('is ready without tracking: no repositories, no untracked reverts, no failed deploys', async () => {
    const ready = await settledWithin(api.whenReady(), 5000);
    assert.ok(ready.done, 'whenReady() did not resolve within 5 s');
    const views = await api.snapshotViews();
    // The runner committed a revert: a trusted window lists it here.
    assert.deepEqual(views.untrackedReverts, [], 'the Untracked Reverts view listed something (found by running git)');
    assert.deepEqual(views.failedDeploys, [], 'the Failed Deploys view listed something (found by running git)');
  });

  for (const { id, arg } of [
    { id: 'ownIt.newIncident', arg: () => undefined },
    { id: 'ownIt.scanHistory', arg: () => undefined },
    { id: 'ownIt.markResolved', arg: () => ({ repoRoot: root, incidentPath: path.join(root, INCIDENT_FILE) }) },
    { id: 'ownIt.openIncident', arg: () => ({ repoRoot: root, incidentPath: path.join(root, INCIDENT_FILE) }) },
  ]) {
    it(`${id} writes nothing and waits on the trust message instead`, async () => {
      const before = incidentFiles(root);
      const run = vscode.commands.executeCommand(id, arg());
      // The command awaits the "trusted workspace only" notification: it is still open.
      const early = await settledWithin(run, 1500);
      assert.equal(early.done, false, `${id} finished without showing the trust message (result ${JSON.stringify(early.done ? early.value : undefined)})`);
      await vscode.commands.executeCommand('notifications.clearAll');
      const result = await settledWithin(run, 5000);
      assert.ok(result.done, `${id} did not finish after its notification was dismissed`);
      assert.equal(result.value, undefined);
      assert.deepEqual(incidentFiles(root), before, `${id} changed the incidents folder`);
    });
  }

  it('ran no git of its own while it listed, refreshed and refused', async () => {
    await vscode.commands.executeCommand('ownIt.refresh');
    await api.snapshotViews();
    // Background work (watchers, debounced refreshes) gets time to start git if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const runs = gitRuns();
    const ours = runs.filter(isOwnIts);
    assert.deepEqual(ours, [], `Own It ran git in an untrusted workspace:\n${show(ours)}`);
    // VS Code's git extension does not support untrusted workspaces, so nothing else runs git either.
    assert.deepEqual(runs, [], `git ran in an untrusted workspace:\n${show(runs)}`);
  });

  it('would see Own It run git: a query through its git factory is logged (the probe works)', async () => {
    const before = gitRuns().length;
    await safeSimpleGit(root).raw(['rev-parse', '--absolute-git-dir']);
    const added = gitRuns().slice(before);
    assert.ok(added.some(isOwnIts), `the wrapper did not log Own It's git; it logged:\n${show(added)}`);
  });
});
