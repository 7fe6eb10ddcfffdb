import * as vscode from 'vscode';

/**
 * Owns the extension's services. Each service is created on first use (`??=`)
 * so activation stays cheap; everything created here is disposed with the extension.
 */
export class Container implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly _onDidRefresh = new vscode.EventEmitter<void>();
  readonly onDidRefresh = this._onDidRefresh.event;

  constructor(readonly context: vscode.ExtensionContext) {
    this.disposables.push(this._onDidRefresh);
  }

  refresh(): void {
    this._onDidRefresh.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
