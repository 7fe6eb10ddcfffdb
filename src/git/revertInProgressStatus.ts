import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RepositoryTracker } from './repositoryTracker';

/**
 * While a revert stops on conflicts, the status bar offers to open an incident for the commit
 * being reverted, so the prompt is not lost just because git needed help.
 */
export class RevertInProgressStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ownIt.revertInProgress', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly tracker: RepositoryTracker) {
    this.item.name = 'Own It: Revert in Progress';
    this.disposables.push(tracker.onDidChangeRevertInProgress(() => this.update()), tracker.onDidChangeRepositories(() => this.update()));
    this.update();
  }

  private update(): void {
    const repo = this.tracker.repositories.find((r) => r.revertInProgress && r.gitDir);
    if (!repo?.gitDir) {
      this.item.hide();
      return;
    }
    let sha = '';
    try {
      sha = fs.readFileSync(path.join(repo.gitDir, 'REVERT_HEAD'), 'utf8').trim();
    } catch {
      // The revert finished between the event and this read.
    }
    this.item.text = '$(shield) Revert in progress';
    this.item.tooltip = `A revert is in progress in ${path.basename(repo.root)}${sha ? ` (${sha.slice(0, 7)})` : ''}. Resolve the conflicts and commit; you can open an incident for it now.`;
    this.item.command = sha
      ? { title: 'Open Incident', command: 'ownIt.openIncidentForCommit', arguments: [{ repoRoot: repo.root, sha }] }
      : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
