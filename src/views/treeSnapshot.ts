import * as vscode from 'vscode';

/** A plain copy of what a tree view shows: labels, descriptions and children. */
export interface TreeSnapshot {
  label: string;
  description?: string;
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
  const children = (await provider.getChildren(parent)) ?? [];
  const result: TreeSnapshot[] = [];
  for (const child of children) {
    const item = await provider.getTreeItem(child);
    const node: TreeSnapshot = { label: labelOf(item) };
    if (typeof item.description === 'string') node.description = item.description;
    if (item.contextValue) node.contextValue = item.contextValue;
    if (depth > 1 && item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      node.children = await snapshotTree(provider, depth - 1, child);
    }
    result.push(node);
  }
  return result;
}
