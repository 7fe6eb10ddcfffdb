import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RepositoryTracker } from './repositoryTracker';

/**
 * While a revert stops (on conflicts, or between the commits of a multi-commit revert), the status
 * bar offers to open an incident for the commit being reverted, so the prompt is not lost just
 * because git needed help. What "in progress" means is the core's `revertInProgress`.
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
    const repo = this.tracker.repositories.find((r) => r.revertProgress?.inProgress);
    const progress = repo?.revertProgress;
    if (!repo || !progress) {
      this.item.hide();
      return;
    }
    const sha = progress.revertHead;
    const where = `${path.basename(repo.root)}${sha ? ` (${sha.slice(0, 7)})` : ''}`;
    this.item.text = '$(shield) Revert in progress';
    this.item.tooltip = progress.conflicted
      ? `A revert is in progress in ${where}. Resolve the conflicts and commit; you can open an incident for it now.`
      : `A revert is in progress in ${where}. Continue it when you are ready; you can open an incident for it now.`;
    this.item.command = sha ? { title: 'Open Incident', command: 'ownIt.openIncidentForCommit', arguments: [{ repoRoot: repo.root, sha }] } : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
