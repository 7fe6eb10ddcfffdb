import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { authorName, type RevertDetection } from '../core/revert/types';
import type { RepositoryTracker } from '../git/repositoryTracker';
import { benchMark } from '../services/benchTiming';
import type { IncidentIndex } from '../services/incidentIndex';
import type { RevertHistory } from '../services/revertHistory';
import { untrackedReverts, type UntrackedRevert } from '../services/untrackedReverts';
import { PAGE_SIZE } from './incidentNodes';

export type RevertNode =
  | { type: 'revert'; repoRoot: string; detection: RevertDetection }
  | { type: 'more'; remaining: number }
  | { type: 'error'; repoRoot: string; message: string };

/** Reverts in history that no incident references yet, newest first, with an inline "Create Incident". */
export class UntrackedRevertsViewProvider implements vscode.TreeDataProvider<RevertNode>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<RevertNode | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChangeTreeData];
  private shown = PAGE_SIZE;
  private answeredEarly = false;
  private readonly view: vscode.TreeView<RevertNode>;

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly history: RevertHistory,
    private readonly index: IncidentIndex,
  ) {
    this.view = vscode.window.createTreeView('ownIt.untrackedReverts', { treeDataProvider: this });
    this.disposables.push(
      this.view,
      history.onDidChange(() => this.refresh()),
      index.onDidChange(() => this.refresh()),
    );
  }

  refresh(): void {
    this._onDidChangeTreeData.fire(undefined);
  }

  showMore(): void {
    this.shown += PAGE_SIZE;
    this.refresh();
  }

  /**
   * The view's first answer after a start, without waiting for the git extension to find the
   * repositories (seconds on a large repository): the workspace folders that are repository
   * roots (a `.git` entry, no git run) answer from the scan cache, and incidents from the listing
   * snapshot. When the repositories are known and the incidents checked, the view is filled again.
   * Undefined when there is nothing to answer early with.
   */
  private async earlyAnswer(): Promise<UntrackedRevert[] | undefined> {
    if (this.answeredEarly || this.tracker.ready) return undefined;
    this.answeredEarly = true;
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.scheme === 'file' && fs.existsSync(path.join(u.fsPath, '.git')));
    if (roots.length === 0 || !vscode.workspace.isTrusted) return undefined;
    benchMark('untracked view: early answer from workspace folders');
    try {
      const [{ list }, history] = await Promise.all([
        this.index.firstAnswer(),
        Promise.all(roots.map(async (u) => ({ repoRoot: u.fsPath, detections: await this.history.detections(u.fsPath) }))),
      ]);
      void Promise.all([this.tracker.whenReady(), this.index.all()]).then(() => this.refresh(), () => undefined);
      return untrackedReverts(list.incidents, history);
    } catch {
      // Whatever failed here is reported by the full answer, once the repositories are known.
      return undefined;
    }
  }

  /** Untracked reverts across all repositories (also used by commands). */
  async untracked(): Promise<UntrackedRevert[]> {
    benchMark('untracked view: asked');
    await this.tracker.whenReady();
    benchMark('untracked view: repositories known');
    const { incidents } = await this.index.all();
    benchMark('untracked view: incidents listed');
    const history = [];
    for (const repo of this.tracker.repositories) history.push({ repoRoot: repo.root, detections: await this.history.detections(repo.root) });
    benchMark('untracked view: history read');
    return untrackedReverts(incidents, history);
  }

  async getChildren(node?: RevertNode): Promise<RevertNode[]> {
    if (node) return [];
    try {
      // The view's own progress bar while the repositories open and the history is read (a first
      // scan of a long history can take a few seconds; later ones come from the scan cache).
      const all = await vscode.window.withProgress({ location: { viewId: 'ownIt.untrackedReverts' } }, async () => (await this.earlyAnswer()) ?? this.untracked());
      benchMark('untracked view: answered', { reverts: all.length });
      const nodes: RevertNode[] = all.slice(0, this.shown).map((r) => ({ type: 'revert', ...r }));
      if (all.length > this.shown) nodes.push({ type: 'more', remaining: all.length - this.shown });
      this.view.description = all.length > 0 ? String(all.length) : undefined;
      return nodes;
    } catch (e) {
      return [{ type: 'error', repoRoot: '', message: e instanceof Error ? e.message : String(e) }];
    }
  }

  getTreeItem(node: RevertNode): vscode.TreeItem {
    if (node.type === 'more') {
      const t = new vscode.TreeItem(`Show ${Math.min(node.remaining, PAGE_SIZE)} more…`);
      t.iconPath = new vscode.ThemeIcon('ellipsis');
      t.command = { title: 'Show More', command: 'ownIt.refresh', arguments: [{ showMore: 'untracked' }] };
      return t;
    }
    if (node.type === 'error') {
      const t = new vscode.TreeItem('History could not be scanned');
      t.description = node.message;
      t.tooltip = node.message;
      t.iconPath = new vscode.ThemeIcon('warning');
      return t;
    }
    const { detection, repoRoot } = node;
    const t = new vscode.TreeItem(detection.subject, vscode.TreeItemCollapsibleState.None);
    t.id = `revert:${repoRoot}:${detection.sha}`;
    const multi = this.tracker.repositories.length > 1;
    t.description = [detection.sha.slice(0, 7), detection.date.slice(0, 10), authorName(detection.author), ...(multi ? [path.basename(repoRoot)] : [])].join(' · ');
    t.iconPath = new vscode.ThemeIcon(detection.kind === 'partial-revert' ? 'diff-removed' : 'discard');
    const tip = new vscode.MarkdownString();
    tip.appendText(`${detection.subject}\n\n${detection.kind} by ${detection.author} on ${detection.date}\n`);
    tip.appendText(detection.reverted.length > 0 ? `Undoes ${detection.reverted.map((s) => s.slice(0, 7)).join(', ')} (linked by ${detection.evidence})` : 'The reverted commit is not in this history.');
    t.tooltip = tip;
    // No click action: creating a file should be a deliberate choice (the inline button).
    t.contextValue = 'ownIt.revert';
    return t;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
