import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployFinding } from '../core/deploys';
import type { RepoCiFinding } from '../core/githost';
import type { RepositoryTracker } from '../git/repositoryTracker';
import { incidentCoversFinding, type DeployHistory } from '../services/deployHistory';
import { deploysModule } from '../services/lazyBundles';
import type { IncidentIndex } from '../services/incidentIndex';

/** How many findings the view lists; older ones are counted in a last row. */
const MAX_SHOWN = 100;

export type DeployNode =
  | { type: 'finding'; repoRoot: string; finding: DeployFinding; incidentPath?: string }
  | { type: 'ci'; repoRoot: string; sha: string; finding: RepoCiFinding }
  | { type: 'older'; count: number }
  | { type: 'error'; repoRoot: string; message: string };

/** Failed checks and deployments reported by the git host (opt-in, `ownIt.ci.enabled`). */
export interface CiFindingSource {
  findings(): RepoCiFinding[];
  readonly onDidChange: vscode.Event<void>;
}

const CI_LABEL: Record<RepoCiFinding['kind'], string> = {
  'check-run': 'Check',
  'commit-status': 'Status',
  deployment: 'Deployment to',
};

const KIND_ICON: Record<DeployFinding['kind'], string> = {
  rollback: 'history',
  'reset-over-pushed': 'discard',
  'forced-update': 'repo-force-push',
  'hotfix-followup': 'flame',
  'revert-followup': 'debug-step-back',
};

/**
 * Deploys that probably failed (rollbacks, resets over pushed commits, forced updates, hotfix
 * follow-ups), newest first, each with its confidence and evidence and an inline "Open Incident".
 * Computed only while the view is visible: a change while it is hidden is remembered and
 * loaded when the view is shown again.
 */
export class FailedDeploysViewProvider implements vscode.TreeDataProvider<DeployNode>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<DeployNode | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChangeTreeData];
  private readonly view: vscode.TreeView<DeployNode>;
  private stale = false;

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly history: DeployHistory,
    private readonly index: IncidentIndex,
    private readonly ci: CiFindingSource,
  ) {
    this.view = vscode.window.createTreeView('ownIt.failedDeploys', { treeDataProvider: this });
    this.disposables.push(
      this.view,
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.refresh();
      }),
      history.onDidChange(() => this.refresh()),
      index.onDidChange(() => this.refresh()),
      ci.onDidChange(() => this.refresh()),
    );
  }

  refresh(): void {
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this._onDidChangeTreeData.fire(undefined);
  }

  /** Every finding across repositories, newest first, with the incident that covers it (if any). */
  async nodes(): Promise<DeployNode[]> {
    await this.tracker.whenReady();
    const { incidents } = await this.index.all();
    const nodes: DeployNode[] = [];
    for (const repo of this.tracker.repositories) {
      try {
        for (const finding of await this.history.findings(repo.root)) {
          const covering = incidents.find((i) => i.repoRoot === repo.root && incidentCoversFinding(i.incident, finding));
          nodes.push({ type: 'finding', repoRoot: repo.root, finding, ...(covering ? { incidentPath: covering.path } : {}) });
        }
      } catch (e) {
        nodes.push({ type: 'error', repoRoot: repo.root, message: e instanceof Error ? e.message : String(e) });
      }
    }
    for (const finding of this.ci.findings()) nodes.push({ type: 'ci', repoRoot: finding.repoRoot, sha: finding.sha, finding });
    const dated = (n: DeployNode) => (n.type === 'finding' || n.type === 'ci' ? Date.parse(n.finding.date) : Number.POSITIVE_INFINITY);
    return nodes.sort((a, b) => dated(b) - dated(a));
  }

  async getChildren(node?: DeployNode): Promise<DeployNode[]> {
    if (node) return [];
    const all = await this.nodes();
    const findings = all.filter((n) => n.type === 'finding' || n.type === 'ci').length;
    this.view.description = findings > 0 ? String(findings) : undefined;
    if (all.length <= MAX_SHOWN) return all;
    return [...all.slice(0, MAX_SHOWN), { type: 'older', count: all.length - MAX_SHOWN }];
  }

  getTreeItem(node: DeployNode): vscode.TreeItem {
    if (node.type === 'older') {
      const t = new vscode.TreeItem(`${node.count} older findings not shown`);
      t.iconPath = new vscode.ThemeIcon('ellipsis');
      return t;
    }
    if (node.type === 'error') {
      const t = new vscode.TreeItem('Deploys could not be analysed');
      t.description = `${path.basename(node.repoRoot)} · ${node.message}`;
      t.tooltip = node.message;
      t.iconPath = new vscode.ThemeIcon('warning');
      return t;
    }
    if (node.type === 'ci') return this.ciItem(node);
    const { finding, repoRoot } = node;
    const t = new vscode.TreeItem(deploysModule().findingTitle(finding), vscode.TreeItemCollapsibleState.None);
    t.id = `deploy:${repoRoot}:${finding.rule}:${finding.failed?.tag ?? finding.evidence.ref ?? ''}:${finding.date}`;
    const culprits = finding.culprits.length;
    t.description = [
      `${finding.confidence} confidence`,
      finding.date.slice(0, 10),
      culprits > 0 ? `${culprits} culprit${culprits === 1 ? '' : 's'}` : undefined,
      node.incidentPath ? 'incident open' : undefined,
      this.tracker.repositories.length > 1 ? path.basename(repoRoot) : undefined,
    ]
      .filter((s): s is string => s !== undefined)
      .join(' · ');
    const tip = new vscode.MarkdownString();
    tip.appendText(`${finding.evidence.sentence}\n\n`);
    tip.appendText(`Confidence: ${finding.confidence} (rule ${finding.rule}). `);
    tip.appendText(culprits > 0 ? `Probable culprits: ${finding.culprits.slice(0, 5).map((s) => s.slice(0, 7)).join(', ')}${culprits > 5 ? ` and ${culprits - 5} more` : ''}.` : 'No culprit commits could be named.');
    if (node.incidentPath) tip.appendText(`\n\nTracked in ${path.relative(repoRoot, node.incidentPath)}.`);
    t.tooltip = tip;
    t.iconPath = new vscode.ThemeIcon(KIND_ICON[finding.kind], new vscode.ThemeColor(finding.confidence === 'low' ? 'descriptionForeground' : 'list.warningForeground'));
    // Creating a file is a deliberate choice (the inline button), like Untracked Reverts.
    t.contextValue = node.incidentPath ? 'ownIt.deployFinding.tracked' : 'ownIt.deployFinding';
    return t;
  }

  private ciItem(node: Extract<DeployNode, { type: 'ci' }>): vscode.TreeItem {
    const { finding } = node;
    const t = new vscode.TreeItem(`${CI_LABEL[finding.kind]} ${finding.name}: ${finding.state.replace(/_/g, ' ')}`, vscode.TreeItemCollapsibleState.None);
    t.id = `ci:${node.repoRoot}:${finding.id}`;
    t.description = [finding.sha.slice(0, 7), finding.date.slice(0, 10), finding.repository].join(' · ');
    const tip = new vscode.MarkdownString();
    tip.appendText(`${finding.repository} reported ${finding.state} for ${finding.name} on ${finding.sha.slice(0, 7)}.`);
    if (finding.description) tip.appendText(`\n\n${finding.description}`);
    if (finding.url && /^https:\/\//.test(finding.url)) tip.appendMarkdown(`\n\n[Open on the host](${encodeURI(finding.url)})`);
    t.tooltip = tip;
    t.iconPath = new vscode.ThemeIcon(finding.kind === 'deployment' ? 'cloud' : 'error', new vscode.ThemeColor('list.errorForeground'));
    t.contextValue = 'ownIt.ciFinding';
    return t;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
