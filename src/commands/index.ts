import * as vscode from 'vscode';
import type { Container } from '../container';
import { COMMAND_IDS, type CommandId } from './commandIds';

type Handler = (...args: unknown[]) => unknown;

/**
 * The command table: one handler per contributed command, registered in one loop.
 * Handlers are created lazily from the container so nothing heavy runs at activation.
 */
export function commandTable(container: Container): Record<CommandId, Handler> {
  const notYet = (what: string) => () =>
    vscode.window.showInformationMessage(`Own It: ${what} is not available in this build yet.`);
  return {
    'ownIt.openIncidentForCommit': notYet('Open Incident for Commit'),
    'ownIt.newIncident': notYet('New Incident'),
    'ownIt.scanHistory': notYet('Scan History'),
    'ownIt.copyTeamUpdate': notYet('Copy Team Update'),
    'ownIt.markResolved': notYet('Mark Incident Resolved'),
    'ownIt.openIncidentsFolder': notYet('Open Incidents Folder'),
    'ownIt.refresh': () => container.refresh(),
    'ownIt.openIncident': notYet('Open Incident'),
    'ownIt.createIncidentFromRevert': notYet('Create Incident'),
    'ownIt.openIncidentForScmCommit': notYet('Open Incident for This Commit'),
    'ownIt.scaffoldRegressionTest': notYet('Scaffold Regression Test'),
    'ownIt.addChecklistItem': notYet('Add Checklist Item'),
  };
}

export function registerCommands(context: vscode.ExtensionContext, container: Container): void {
  const table = commandTable(container);
  for (const id of COMMAND_IDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, table[id]));
  }
}
