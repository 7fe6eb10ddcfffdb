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
  container.index.invalidate();
  return panel;
}
