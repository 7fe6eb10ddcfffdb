import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { OwnItApi } from '../../src/api';
import type { DeployFinding } from '../../src/core/deploys/types';
import { IncidentStore } from '../../src/core/incidents';
import type { IncidentPanel } from '../../src/webviews/incident/incidentPanel';
import { activateOwnIt, commitFile, git, testWorkspace, waitFor, findNode } from './helpers/host';

/** An annotated tag dated `date`: deploy order comes from tag dates, so each deploy gets its own second. */
function tagAt(root: string, name: string, sha: string, date: string): void {
  execFileSync('git', ['tag', '-a', name, '-m', name, sha], { cwd: root, env: { ...process.env, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
}

describe('failed deploys in the real host', function () {
  this.timeout(60_000);
  let api: OwnItApi;
  let root: string;
  // The workspace is shared with other suites: this suite's deploys live under their own environment.
  const env = `it${Date.now().toString(36)}`;
  let good: string;
  let bad1: string;
  let bad2: string;

  before(async () => {
    api = (await activateOwnIt()).api;
    root = testWorkspace();
    await api.whenReady();
    good = commitFile(root, `src/${env}/checkout.js`, 'export const total = (a) => a;\n', 'Checkout total');
    tagAt(root, `deploy/${env}/1`, good, '2026-01-05T10:00:00Z');
    bad1 = commitFile(root, `src/${env}/checkout.js`, 'export const total = (a) => a * 1.2;\n', 'Add VAT to checkout total');
    bad2 = commitFile(root, `src/${env}/discount.js`, 'export const discount = 1;\n', 'Apply discount twice');
    tagAt(root, `deploy/${env}/2`, bad2, '2026-01-06T10:00:00Z');
    // The rollback: the next deploy is the good commit again.
    tagAt(root, `deploy/${env}/3`, good, '2026-01-06T11:30:00Z');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('ownIt.deploy').update('tagPattern', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const ours = (f: DeployFinding) => f.environment === env;

  it('finds the rollback with its evidence, confidence and the commits between the good and the failed deploy', async () => {
    const findings = (await api.deployFindings(root)).filter(ours);
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 2));
    const [rollback] = findings;
    assert.equal(rollback.kind, 'rollback');
    assert.equal(rollback.failed?.tag, `deploy/${env}/2`);
    assert.equal(rollback.good?.sha, good);
    assert.equal(rollback.confidence, 'high');
    assert.deepEqual(rollback.culprits, [bad2, bad1]);
    assert.match(rollback.evidence.sentence, new RegExp(`deploy/${env}/3`));
  });

  it('lists the finding in the Failed Deploys view with its confidence and culprit count', async () => {
    await vscode.commands.executeCommand('ownIt.failedDeploys.focus');
    const label = `Rollback of deploy/${env}/2 in ${env}`;
    const node = await waitFor('the rollback in Failed Deploys', async () => findNode((await api.snapshotViews()).failedDeploys, label));
    assert.match(node.description ?? '', /^high confidence · 2026-01-06 · 2 culprits$/);
    assert.equal(node.contextValue, 'ownIt.deployFinding');
  });

  it('opens an incident whose culprits are the commits between the deploys, and reopens the same one', async () => {
    const [finding] = (await api.deployFindings(root)).filter(ours);
    const panel = (await vscode.commands.executeCommand('ownIt.openIncidentForDeploy', { repoRoot: root, finding })) as IncidentPanel | undefined;
    assert.ok(panel, 'the command opened an incident panel');
    const { incident } = await new IncidentStore(root, 'docs/incidents').load(panel.incidentPath);
    assert.deepEqual(incident.culprits, [bad2, bad1]);
    // The failed deploy and the deploy that rolled back to the good commit.
    assert.deepEqual(incident.deployRefs, [`refs/tags/deploy/${env}/2`, `refs/tags/deploy/${env}/3`]);
    assert.equal(incident.title, `Rollback of deploy/${env}/2 in ${env}`);
    assert.equal(incident.detected.slice(0, 10), '2026-01-06');
    assert.match(incident.sections.whatHappened, /high confidence/);

    const again = (await vscode.commands.executeCommand('ownIt.openIncidentForDeploy', { repoRoot: root, finding })) as IncidentPanel | undefined;
    assert.equal(again?.incidentPath, panel.incidentPath, 'the second open finds the incident instead of creating one');
    const files = fs.readdirSync(`${root}/docs/incidents`).filter((f) => f.includes(`rollback-of-deploy-${env}`));
    assert.equal(files.length, 1, files.join(', '));

    const label = `Rollback of deploy/${env}/2 in ${env}`;
    const tracked = await waitFor('the finding marked as tracked', async () => {
      const node = findNode((await api.snapshotViews()).failedDeploys, label);
      return node?.contextValue === 'ownIt.deployFinding.tracked' ? node : undefined;
    });
    assert.match(tracked.description ?? '', / · incident open$/);
  });

  it('sees new deploy tags without a manual refresh', async () => {
    const fix = commitFile(root, `src/${env}/discount.js`, 'export const discount = 0.9;\n', 'Apply discount once');
    tagAt(root, `deploy/${env}/4`, fix, '2026-01-07T09:00:00Z');
    tagAt(root, `deploy/${env}/5`, good, '2026-01-07T10:00:00Z');
    const label = `Rollback of deploy/${env}/4 in ${env}`;
    const node = await waitFor('the second rollback', async () => findNode((await api.snapshotViews()).failedDeploys, label));
    // deploy 3 (the good commit) → deploy 4: the fix and the two commits that were never reverted.
    assert.match(node.description ?? '', /^high confidence · 2026-01-07 · 3 culprits$/);
    assert.equal(node.contextValue, 'ownIt.deployFinding', 'the first rollback\'s incident does not cover this one');
    const second = (await api.deployFindings(root)).find((f) => ours(f) && f.failed?.tag === `deploy/${env}/4`);
    assert.deepEqual(second?.culprits, [fix, bad2, bad1]);
  });

  it('reads the tag pattern from the repository settings', async () => {
    await vscode.workspace.getConfiguration('ownIt.deploy').update('tagPattern', `release/*/*`, vscode.ConfigurationTarget.Workspace);
    await waitFor('no findings under a pattern no tag matches', async () => ((await api.deployFindings(root)).some(ours) ? undefined : true));
    await vscode.workspace.getConfiguration('ownIt.deploy').update('tagPattern', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the findings back under the default pattern', async () => ((await api.deployFindings(root)).some(ours) ? true : undefined));
    assert.ok(git(root, 'tag', '--list', `deploy/${env}/*`).split('\n').length >= 5);
  });
});

