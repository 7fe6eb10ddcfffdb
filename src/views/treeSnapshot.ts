import * as vscode from 'vscode';

/** A plain copy of what a tree view shows: labels, descriptions and children. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  /** The hover text, as the workbench gets it (from `resolveTreeItem` when the provider has one). */
  tooltip?: string;
  contextValue?: string;
  children?: TreeSnapshot[];
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/**
 * Walks a tree data provider the way the workbench would (expanded nodes only, up to `depth`).
 * Used by the extension API so integration tests can assert on real view contents.
 */
export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, depth = 3, parent?: T): Promise<TreeSnapshot[]> {
  // One token for the rows this call resolves (nothing cancels a snapshot), disposed after.
  const tokens = new vscode.CancellationTokenSource();
  try {
    return await snapshotRows(provider, depth, parent, tokens.token);
  } finally {
    tokens.dispose();
  }
}

async function snapshotRows<T>(provider: vscode.TreeDataProvider<T>, depth: number, parent: T | undefined, token: vscode.CancellationToken): Promise<TreeSnapshot[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  const result: TreeSnapshot[] = [];
  for (const child of children) {
    let item = await provider.getTreeItem(child);
    if (provider.resolveTreeItem) item = (await provider.resolveTreeItem(item, child, token)) ?? item;
    const node: TreeSnapshot = { label: labelOf(item) };
    if (typeof item.description === 'string') node.description = item.description;
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    if (tooltip) node.tooltip = tooltip;
    if (item.contextValue) node.contextValue = item.contextValue;
    if (depth > 1 && item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      node.children = await snapshotRows(provider, depth - 1, child, token);
    }
    result.push(node);
  }
  return result;
}
