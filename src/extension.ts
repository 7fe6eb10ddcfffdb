import * as vscode from 'vscode';
import type { OwnItApi } from './api';
import { registerCommands } from './commands';
import { openPanel } from './commands/openPanel';
import { Container } from './container';
import { snapshotTree } from './views/treeSnapshot';

// Wiring only: no git work and nothing slow is awaited before commands and views exist.
export function activate(context: vscode.ExtensionContext): OwnItApi {
  const container = new Container(context);
  context.subscriptions.push(container);
  registerCommands(context, container);
  container.registerViews();
  container.registerPanelSerializer();
  container.startTracking((repoRoot, detection) => openPanel(container, { kind: 'revert', repoRoot, detection }));
  return {
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
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
