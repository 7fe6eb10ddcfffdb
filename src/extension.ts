import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { OwnItApi } from './api';
import { registerCommands } from './commands';
import { openPanel } from './commands/openPanel';
import { Container } from './container';
import { benchMark } from './services/benchTiming';
import { snapshotTree } from './views/treeSnapshot';

/** The running extension's container, for deactivate. */
let active: Container | undefined;

// Wiring only: no git work and nothing slow is awaited before commands and views exist.
export function activate(context: vscode.ExtensionContext): OwnItApi {
  // Benchmark hook (bench/host.mjs): one env lookup unless OWN_IT_BENCH_ACTIVATION names a file.
  const benchFile = process.env.OWN_IT_BENCH_ACTIVATION;
  const started = benchFile ? performance.now() : 0;
  const container = new Container(context);
  active = container;
  context.subscriptions.push(container);
  registerCommands(context, container);
  container.registerViews();
  container.registerPanelSerializer();
  container.startTracking((repoRoot, detection) => openPanel(container, { kind: 'revert', repoRoot, detection }));
  const api: OwnItApi = {
    version: 1,
    scanRepository: (folder) => container.history.detections(folder),
    onDidLandRevert: container.onDidLandRevert,
    whenReady: () => container.tracker.whenReady(),
    snapshotViews: async () => ({
      incidents: await snapshotTree(container.incidentsView),
      untrackedReverts: await snapshotTree(container.untrackedView),
      failedDeploys: await snapshotTree(container.failedDeploysView),
    }),
    deployFindings: (folder) => container.deployHistory.findings(folder),
    metrics: (folder) => container.insightsDeps.metrics(folder),
    prevention: container.prevention.api,
    ciFindings: () => container.ciStatus.findings(),
  };
  benchMark('activated');
  if (benchFile) fs.appendFileSync(benchFile, `${JSON.stringify({ activateMs: performance.now() - started, at: Date.now() })}\n`);
  return api;
}

/** Everything is disposed through context.subscriptions; first, what is due is written (the listing snapshots). */
export async function deactivate(): Promise<void> {
  const container = active;
  active = undefined;
  await container?.beforeExit();
}
