import * as vscode from 'vscode';
import type { TouchedFiles, TouchingIncident } from './touchedFiles';

const BADGE = '⚑';

function describe(i: TouchingIncident): string {
  const items = i.checklists.flatMap((c) => c.items);
  const checklist = items.length > 0 ? `checklist: ${items.slice(0, 3).join('; ')}${items.length > 3 ? `; +${items.length - 3} more` : ''}` : 'no checklist yet';
  const pending = i.tests.filter((t) => t.status !== 'done');
  const test = pending.length > 0 ? `; regression test ${pending[0].path} still to write` : '';
  return `incident "${i.title}" (${i.status}) — ${checklist}${test}`;
}

/** Decoration for a file changed by the culprits of these incidents; open incidents color it. */
export function decorationOf(incidents: readonly TouchingIncident[]): vscode.FileDecoration | undefined {
  if (incidents.length === 0) return undefined;
  const open = incidents.some((i) => i.status !== 'resolved');
  const decoration = new vscode.FileDecoration(
    BADGE,
    `Changed by the cause of ${incidents.length === 1 ? '' : `${incidents.length} incidents: `}${incidents.map(describe).join(' | ')}`,
    open ? new vscode.ThemeColor('list.warningForeground') : undefined,
  );
  // A folder full of such files is not itself a warning.
  decoration.propagate = false;
  return decoration;
}

/** Marks, in the Explorer and editor tabs, files that culprits of open or recently resolved incidents changed. */
export class IncidentDecorationProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this._onDidChange.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];

  constructor(private readonly touched: TouchedFiles) {
    // undefined asks the workbench to re-query every file it shows.
    this.disposables.push(touched.onDidChange(() => this._onDidChange.fire(undefined)), vscode.window.registerFileDecorationProvider(this));
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file') return undefined;
    return decorationOf(await this.touched.incidentsFor(uri.fsPath));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
