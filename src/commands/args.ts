import type { RevertDetection } from '../core/revert/types';

/** Commands are called from the palette (no args), tree items (nodes) and other code (plain refs). */
export interface IncidentRef {
  repoRoot: string;
  incidentPath: string;
}

export interface CommitRef {
  repoRoot: string;
  sha: string;
}

export interface RevertRef {
  repoRoot: string;
  detection: RevertDetection;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function asIncidentRef(arg: unknown): IncidentRef | undefined {
  if (!isObject(arg)) return undefined;
  if (typeof arg.repoRoot === 'string' && typeof arg.incidentPath === 'string') return { repoRoot: arg.repoRoot, incidentPath: arg.incidentPath };
  // A node of the Incidents view: { type: 'incident', item: { repoRoot, path } }
  const item = arg.item;
  if (isObject(item) && typeof item.repoRoot === 'string' && typeof item.path === 'string') return { repoRoot: item.repoRoot, incidentPath: item.path };
  return undefined;
}

export function asCommitRef(arg: unknown): CommitRef | undefined {
  if (!isObject(arg)) return undefined;
  if (typeof arg.repoRoot === 'string' && typeof arg.sha === 'string') return { repoRoot: arg.repoRoot, sha: arg.sha };
  const item = arg.item;
  if (isObject(item) && typeof item.repoRoot === 'string' && typeof arg.sha === 'string') return { repoRoot: item.repoRoot, sha: arg.sha };
  return undefined;
}

export function asRevertRef(arg: unknown): RevertRef | undefined {
  if (!isObject(arg) || typeof arg.repoRoot !== 'string' || !isObject(arg.detection)) return undefined;
  const d = arg.detection;
  if (typeof d.sha !== 'string' || !Array.isArray(d.reverted)) return undefined;
  return { repoRoot: arg.repoRoot, detection: d as unknown as RevertDetection };
}

/** SCM history context menus pass (provider, historyItem); we need the repo root and the commit id. */
export function asScmHistoryRef(provider: unknown, historyItem: unknown): CommitRef | undefined {
  if (!isObject(provider) || !isObject(historyItem) || typeof historyItem.id !== 'string') return undefined;
  const root = provider.rootUri;
  if (!isObject(root) || typeof root.fsPath !== 'string') return undefined;
  return { repoRoot: root.fsPath, sha: historyItem.id };
}
