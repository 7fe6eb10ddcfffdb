import * as vscode from 'vscode';
import type { IncidentIndex } from '../services/incidentIndex';

/** A quiet reminder in the status bar while open incidents still have work to do. */
export class PendingActionsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ownIt.pendingActions', vscode.StatusBarAlignment.Left, 49);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly index: IncidentIndex) {
    this.item.name = 'Own It: Pending Actions';
    this.item.command = 'ownIt.incidents.focus';
    this.disposables.push(index.onDidChange(() => void this.update()));
    void this.update();
  }

  private async update(): Promise<void> {
    const { incidents } = await this.index.all();
    const today = new Date().toISOString().slice(0, 10);
    let pending = 0;
    let overdue = 0;
    let withWork = 0;
    for (const { incident } of incidents) {
      if (incident.status === 'resolved') continue;
      const open = incident.actions.filter((a) => !a.done);
      if (open.length > 0) withWork++;
      pending += open.length;
      overdue += open.filter((a) => a.due && a.due < today).length;
    }
    if (pending === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(shield) ${pending}`;
    this.item.tooltip = `${pending} pending action item${pending === 1 ? '' : 's'} in ${withWork} open incident${withWork === 1 ? '' : 's'}${overdue ? ` (${overdue} overdue)` : ''}. Click to see them.`;
    this.item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
