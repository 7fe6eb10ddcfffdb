import * as vscode from 'vscode';
import { commitSummaries } from '../core/repo/repoQueries';
import { benchMark } from '../services/benchTiming';
import { groupIncidents, showsTheSame } from '../services/firstScreen';
import type { IncidentIndex, IndexedIncident } from '../services/incidentIndex';
import {
  actionItem,
  commitItem,
  groupItem,
  incidentItem,
  incidentTooltip,
  moreItem,
  PAGE_SIZE,
  problemItem,
  type IncidentNode,
} from './incidentNodes';

type Group = 'Open' | 'Resolved';

/** The Incidents view: Open / Resolved groups, each incident with its commits and action items. */
export class IncidentsViewProvider implements vscode.TreeDataProvider<IncidentNode>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<IncidentNode | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChangeTreeData];
  private readonly shown = new Map<Group, number>([
    ['Open', PAGE_SIZE],
    ['Resolved', PAGE_SIZE],
  ]);
  private readonly view: vscode.TreeView<IncidentNode>;

  constructor(
    private readonly index: IncidentIndex,
    private readonly gitBinary: () => string | undefined,
  ) {
    this.view = vscode.window.createTreeView('ownIt.incidents', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, index.onDidChange(() => this.refresh()));
    void this.updateBadge();
  }

  refresh(): void {
    this._onDidChangeTreeData.fire(undefined);
    void this.updateBadge();
  }

  showMore(group: Group): void {
    this.shown.set(group, (this.shown.get(group) ?? PAGE_SIZE) + PAGE_SIZE);
    this.refresh();
  }

  private async updateBadge(): Promise<void> {
    const open = (await this.index.viewGroups()).groups.openTotal;
    this.view.badge = open > 0 ? { value: open, tooltip: `${open} open incident${open === 1 ? '' : 's'}` } : undefined;
  }

  resolveTreeItem(item: vscode.TreeItem, node: IncidentNode): vscode.TreeItem {
    if (node.type === 'incident' && item.tooltip === undefined) item.tooltip = incidentTooltip(node.item);
    return item;
  }

  getTreeItem(node: IncidentNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return groupItem(node);
      case 'more':
        return moreItem(node);
      case 'incident':
        return incidentItem(node.item, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      case 'commit':
        return commitItem(node);
      case 'action':
        return actionItem(node);
      case 'problem':
        return problemItem(node);
    }
  }

  async getChildren(node?: IncidentNode): Promise<IncidentNode[]> {
    if (!node) return this.roots();
    if (node.type === 'group') {
      const shown = this.shown.get(node.label) ?? PAGE_SIZE;
      const children: IncidentNode[] = node.items.slice(0, shown).map((item) => ({ type: 'incident', item }));
      if (node.total > shown) children.push({ type: 'more', group: node.label, remaining: node.total - shown });
      return children;
    }
    if (node.type === 'incident') return this.incidentChildren(node.item);
    return [];
  }

  private async roots(): Promise<IncidentNode[]> {
    benchMark('incidents view: roots asked');
    // After a start the kept first screen (or the snapshot's list) is shown at once; the checked list replaces it when ready.
    // The view's progress bar while the files are read: seconds the first time a workspace with thousands of incidents opens.
    const { groups, checked } = await vscode.window.withProgress({ location: { viewId: 'ownIt.incidents' } }, () => this.index.viewGroups());
    // Shown again only when the checked list looks different: a refresh would have the workbench
    // ask for every group's rows again while the window is still starting.
    if (!checked) {
      void this.index.all().then(
        (list) => {
          if (!showsTheSame(groups, groupIncidents(list), PAGE_SIZE)) this.refresh();
        },
        () => undefined,
      );
    }
    const { open, resolved, openTotal, resolvedTotal, problems } = groups;
    benchMark('incidents view: roots answered', { incidents: openTotal + resolvedTotal, checked: String(checked) });
    // The rows are sent once this answer is: the index checks the files from then on.
    this.index.firstScreenShown();
    const any = openTotal + resolvedTotal > 0;
    this.view.description = any ? (openTotal > 0 ? `${openTotal} open` : 'none open') : undefined;
    if (!any && problems.length === 0) return [];
    // Open incidents are the view's top level (no group to expand: the workbench shows them with
    // its first request); resolved ones are under a collapsed group.
    const shown = this.shown.get('Open') ?? PAGE_SIZE;
    const nodes: IncidentNode[] = open.slice(0, shown).map((item) => ({ type: 'incident', item }));
    if (openTotal > shown) nodes.push({ type: 'more', group: 'Open', remaining: openTotal - shown });
    if (resolvedTotal > 0) nodes.push({ type: 'group', label: 'Resolved', items: resolved, total: resolvedTotal });
    for (const p of problems) nodes.push({ type: 'problem', message: p.message });
    return nodes;
  }

  /** Commit subjects are read only when an incident is expanded, in one git call. */
  private async incidentChildren(item: IndexedIncident): Promise<IncidentNode[]> {
    const { incident } = item;
    const shas = [...incident.culprits, ...(incident.revert ? [incident.revert] : [])];
    let subjects = new Map<string, string>();
    try {
      // No git in an untrusted workspace: commits then show by sha.
      if (!vscode.workspace.isTrusted) throw new Error('untrusted');
      const summaries = await commitSummaries(item.repoRoot, shas, this.gitBinary());
      subjects = new Map([...summaries].map(([sha, s]) => [sha, s.subject]));
    } catch {
      // Commits missing from this clone (shallow, other branch) still show by sha.
    }
    const nodes: IncidentNode[] = incident.culprits.map((sha) => ({ type: 'commit', item, role: 'culprit', sha, subject: subjects.get(sha) }));
    if (incident.revert) nodes.push({ type: 'commit', item, role: 'revert', sha: incident.revert, subject: subjects.get(incident.revert) });
    incident.actions.forEach((action, index) => nodes.push({ type: 'action', item, action, index }));
    return nodes;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
