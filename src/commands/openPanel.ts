import * as vscode from 'vscode';
import type { Container } from '../container';
import { IncidentPanel, type IncidentPanelTarget } from '../webviews/incident/incidentPanel';

/** Opens the incident panel; creating an incident file needs a trusted workspace. */
export async function openPanel(container: Container, target: IncidentPanelTarget): Promise<IncidentPanel | undefined> {
  if (!vscode.workspace.isTrusted && target.kind !== 'file') {
    void vscode.window.showInformationMessage('Own It writes incident files only in a trusted workspace. Trust this folder to create one.', 'Manage Workspace Trust').then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return undefined;
  }
  const panel = await IncidentPanel.open(container.panelDeps, target);
  // A revert, a commit or a blank target may have created the incident file: list it now rather
  // than when the watcher reports it. Opening an existing file changes nothing the views show,
  // and reloading them would make the workbench redraw both trees while the panel's page loads.
  if (target.kind !== 'file') container.index.invalidate();
  return panel;
}
