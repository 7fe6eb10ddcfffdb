import * as vscode from 'vscode';
import type { Container } from '../container';
import { COMMAND_IDS, type CommandId } from './commandIds';
import { deepScan } from './deepScanCommand';
import {
  createIncidentFromRevert,
  markResolved,
  newIncident,
  openIncident,
  openIncidentForCommit,
  openIncidentForScmCommit,
  openIncidentsFolder,
  scanHistory,
} from './incidentCommands';
import { exportInsights, openIncidentForDeploy, showInsights } from './insightsCommands';
import { syncActionItemIssues } from './issueCommands';
import { addChecklistItem, scaffoldRegressionTest } from './preventionCommands';
import { copyTeamUpdate } from './teamUpdateCommand';

type Handler = (...args: unknown[]) => unknown;

/** Commands that neither run git nor write files, so they work in an untrusted workspace. */
const WORKS_UNTRUSTED = new Set<CommandId>(['ownIt.openIncidentsFolder', 'ownIt.refresh']);

/** The command table: one handler per contributed command, registered in one loop. */
export function commandTable(container: Container): Record<CommandId, Handler> {
  return {
    'ownIt.openIncidentForCommit': (arg) => openIncidentForCommit(container, arg),
    'ownIt.newIncident': () => newIncident(container),
    'ownIt.scanHistory': () => scanHistory(container),
    'ownIt.deepScan': () => deepScan(container),
    'ownIt.copyTeamUpdate': (arg) => copyTeamUpdate(container, arg),
    'ownIt.markResolved': (arg) => markResolved(container, arg),
    'ownIt.openIncidentsFolder': () => openIncidentsFolder(container),
    'ownIt.refresh': (arg) => container.refresh(arg),
    'ownIt.openIncident': (arg) => openIncident(container, arg),
    'ownIt.createIncidentFromRevert': (arg) => createIncidentFromRevert(container, arg),
    'ownIt.openIncidentForScmCommit': (provider, item) => openIncidentForScmCommit(container, provider, item),
    'ownIt.scaffoldRegressionTest': (arg) => scaffoldRegressionTest(container, arg),
    'ownIt.addChecklistItem': (arg) => addChecklistItem(container, arg),
    'ownIt.showInsights': (arg) => showInsights(container, arg),
    'ownIt.exportInsights': (arg) => exportInsights(container, arg),
    'ownIt.openIncidentForDeploy': (arg) => openIncidentForDeploy(container, arg),
    'ownIt.syncActionItemIssues': (arg) => syncActionItemIssues(container, arg),
  };
}

/**
 * Errors from any command end in one calm message with a way to see details,
 * instead of VS Code's generic "command resulted in an error".
 */
function guarded(container: Container, id: CommandId, handler: Handler): Handler {
  return async (...args) => {
    if (!vscode.workspace.isTrusted && !WORKS_UNTRUSTED.has(id)) {
      const manage = await vscode.window.showInformationMessage(
        'Own It runs git and writes incident files only in a trusted workspace. Existing incidents stay readable in the Own It view.',
        'Manage Workspace Trust',
      );
      if (manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    try {
      return await handler(...args);
    } catch (e) {
      container.log.error(`${id} failed`, e);
      const choice = await vscode.window.showErrorMessage(`Own It: ${e instanceof Error ? e.message : String(e)}`, 'Show Log');
      if (choice) container.log.show();
      return undefined;
    }
  };
}

export function registerCommands(context: vscode.ExtensionContext, container: Container): void {
  const table = commandTable(container);
  for (const id of COMMAND_IDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(container, id, table[id])));
  }
}
