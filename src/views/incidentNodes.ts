import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActionItem } from '../core/incidents/model';
import { INCIDENT_PAGE_ROWS } from '../services/firstScreen';
import type { IndexedIncident } from '../services/incidentIndex';

export type IncidentNode =
  /** Resolved incidents (open ones are the view's top level): `items` newest first (at least the rows shown), `total` how many in all. */
  | { type: 'group'; label: 'Resolved'; items: IndexedIncident[]; total: number }
  | { type: 'more'; group: 'Open' | 'Resolved'; remaining: number }
  | { type: 'incident'; item: IndexedIncident }
  | { type: 'commit'; item: IndexedIncident; role: 'culprit' | 'revert'; sha: string; subject?: string }
  | { type: 'action'; item: IndexedIncident; action: ActionItem; index: number }
  | { type: 'problem'; message: string };

export const PAGE_SIZE = INCIDENT_PAGE_ROWS;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isOverdue(action: ActionItem, now = today()): boolean {
  return !action.done && !!action.due && action.due < now;
}

export function pendingActions(item: IndexedIncident): ActionItem[] {
  return item.incident.actions.filter((a) => !a.done);
}

export function groupItem(node: Extract<IncidentNode, { type: 'group' }>): vscode.TreeItem {
  const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  t.id = `group:${node.label}`;
  t.description = String(node.total);
  t.contextValue = 'ownIt.group';
  return t;
}

export function incidentItem(item: IndexedIncident, multiRoot: boolean): vscode.TreeItem {
  const { incident } = item;
  const t = new vscode.TreeItem(incident.title || 'Untitled incident', vscode.TreeItemCollapsibleState.Collapsed);
  t.id = `incident:${item.path}`;
  const pending = pendingActions(item).length;
  const overdue = incident.actions.some((a) => isOverdue(a));
  const parts = [incident.severity, incident.detected.slice(0, 10)];
  if (incident.status === 'mitigated') parts.unshift('mitigated');
  if (pending > 0 && incident.status !== 'resolved') parts.push(`${pending} pending${overdue ? ', overdue' : ''}`);
  if (multiRoot) parts.push(path.basename(item.repoRoot));
  t.description = parts.join(' · ');
  t.iconPath =
    incident.status === 'resolved'
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon(overdue ? 'warning' : 'flame', new vscode.ThemeColor(overdue ? 'list.errorForeground' : 'list.warningForeground'));
  t.contextValue = incident.status === 'resolved' ? 'ownIt.incident.resolved' : 'ownIt.incident.open';
  t.resourceUri = vscode.Uri.file(item.path);
  t.command = { title: 'Open Incident', command: 'ownIt.openIncident', arguments: [{ repoRoot: item.repoRoot, incidentPath: item.path }] };
  return t;
}

/**
 * The incident row's hover, made when the pointer rests on it (the view's `resolveTreeItem`), not
 * for every row of a page: a first page of 200 rows is sent to the workbench without them.
 */
export function incidentTooltip(item: IndexedIncident): vscode.MarkdownString {
  const { incident } = item;
  const pending = pendingActions(item).length;
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendText(incident.title);
  tip.appendMarkdown(`\n\n$(circle-filled) ${incident.status} · ${incident.severity} · detected ${incident.detected.slice(0, 16).replace('T', ' ')}`);
  tip.appendMarkdown(`\n\n${incident.actions.length - pending} of ${incident.actions.length} action items done`);
  return tip;
}

export function commitItem(node: Extract<IncidentNode, { type: 'commit' }>): vscode.TreeItem {
  const label = node.subject ?? node.sha.slice(0, 7);
  const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  t.id = `${node.item.path}:${node.role}:${node.sha}`;
  t.description = `${node.role === 'culprit' ? 'culprit' : 'revert'} · ${node.sha.slice(0, 7)}`;
  t.iconPath = new vscode.ThemeIcon(node.role === 'culprit' ? 'git-commit' : 'discard');
  t.tooltip = `${node.role === 'culprit' ? 'The change that caused this incident' : 'The revert that undid it'}: ${node.sha}`;
  t.contextValue = `ownIt.commit.${node.role}`;
  t.command = { title: 'Open Incident for Commit', command: 'ownIt.openIncidentForCommit', arguments: [{ repoRoot: node.item.repoRoot, sha: node.sha }] };
  return t;
}

export function actionItem(node: Extract<IncidentNode, { type: 'action' }>): vscode.TreeItem {
  const { action } = node;
  const t = new vscode.TreeItem(action.text || '(no description)', vscode.TreeItemCollapsibleState.None);
  t.id = `${node.item.path}:action:${node.index}`;
  const overdue = isOverdue(action);
  const bits: string[] = [action.kind];
  if (action.owner) bits.push(action.owner);
  if (action.due) bits.push(overdue ? `overdue since ${action.due}` : `due ${action.due}`);
  t.description = bits.join(' · ');
  t.iconPath = action.done
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon(overdue ? 'error' : 'circle-large-outline', overdue ? new vscode.ThemeColor('list.errorForeground') : undefined);
  t.contextValue = action.path ? 'ownIt.action.linked' : 'ownIt.action';
  if (action.path) {
    const file = vscode.Uri.file(path.join(node.item.repoRoot, action.path));
    t.resourceUri = file;
    t.tooltip = `${action.done ? 'Done' : 'Pending'}: ${action.text}\n${action.path}`;
    t.command = { title: 'Open File', command: 'vscode.open', arguments: [file] };
  } else {
    t.tooltip = `${action.done ? 'Done' : 'Pending'}: ${action.text}`;
  }
  return t;
}

export function moreItem(node: Extract<IncidentNode, { type: 'more' }>): vscode.TreeItem {
  const t = new vscode.TreeItem(`Show ${Math.min(node.remaining, PAGE_SIZE)} more…`, vscode.TreeItemCollapsibleState.None);
  t.id = `more:${node.group}`;
  t.iconPath = new vscode.ThemeIcon('ellipsis');
  t.command = { title: 'Show More', command: 'ownIt.refresh', arguments: [{ showMore: node.group }] };
  return t;
}

export function problemItem(node: Extract<IncidentNode, { type: 'problem' }>): vscode.TreeItem {
  const t = new vscode.TreeItem('An incident file could not be read', vscode.TreeItemCollapsibleState.None);
  t.description = node.message;
  t.tooltip = `${node.message}\nFix the file and it will load again; the other incidents are unaffected.`;
  t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return t;
}
