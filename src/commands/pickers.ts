import * as path from 'node:path';
import * as vscode from 'vscode';
import { recentCommits } from '../core/repo/repoQueries';
import { authorName, type RevertDetection } from '../core/revert/types';
import type { Container } from '../container';
import type { IndexedIncident } from '../services/incidentIndex';

/** The repository to act on: the only one, the active editor's, or the user's pick. */
export async function pickRepository(container: Container, placeHolder = 'Which repository?'): Promise<string | undefined> {
  await container.tracker.whenReady();
  const roots = container.tracker.repositories.map((r) => r.root);
  if (roots.length === 0) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0].uri.fsPath;
    void vscode.window.showWarningMessage('Own It needs a folder with a git repository. Open one, then try again.');
    return undefined;
  }
  if (roots.length === 1) return roots[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeRepo = active?.scheme === 'file' ? container.tracker.repositoryFor(active.fsPath) : undefined;
  const picked = await vscode.window.showQuickPick(
    roots.map((root) => ({ label: path.basename(root), description: root, root, picked: root === activeRepo?.root })),
    { placeHolder },
  );
  return picked?.root;
}

type CommitPick = vscode.QuickPickItem & { sha?: string; detection?: RevertDetection };

/** Detected reverts first, then recent commits: pick the change the incident is about. */
export async function pickCommit(container: Container, repoRoot: string): Promise<{ sha: string; detection?: RevertDetection } | undefined> {
  const qp = vscode.window.createQuickPick<CommitPick>();
  qp.title = 'Open Incident for Commit';
  qp.placeholder = 'Pick a revert or the commit that caused the problem';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.busy = true;
  // Listen before loading: Escape (or focus moving away) while the list loads must end the command,
  // not leave it waiting for an answer from a picker that is gone.
  let hidden = false;
  const choice = new Promise<CommitPick | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0]));
    qp.onDidHide(() => {
      hidden = true;
      resolve(undefined);
    });
  });
  qp.show();
  try {
    const [reverts, commits] = await Promise.all([
      container.history.detections(repoRoot).catch(() => [] as RevertDetection[]),
      recentCommits(repoRoot, 300, container.tracker.gitBinary),
    ]);
    const items: CommitPick[] = [];
    if (reverts.length > 0) {
      items.push({ label: 'Reverts', kind: vscode.QuickPickItemKind.Separator });
      for (const d of reverts.filter((r) => r.kind !== 'reapply').slice(0, 100)) {
        items.push({ label: `$(discard) ${d.subject}`, description: `${d.sha.slice(0, 7)} · ${authorName(d.author)}`, detail: d.date.slice(0, 10), sha: d.sha, detection: d });
      }
    }
    items.push({ label: 'Recent commits', kind: vscode.QuickPickItemKind.Separator });
    for (const c of commits) items.push({ label: `$(git-commit) ${c.subject}`, description: `${c.sha.slice(0, 7)} · ${c.authorName}`, detail: c.date.slice(0, 10), sha: c.sha });
    qp.items = items;
  } catch (err) {
    qp.dispose();
    throw err;
  } finally {
    qp.busy = false;
  }
  try {
    const picked = hidden ? undefined : await choice;
    return picked?.sha ? { sha: picked.sha, detection: picked.detection } : undefined;
  } finally {
    qp.dispose();
  }
}

export async function pickIncident(container: Container, filter: (i: IndexedIncident) => boolean, placeHolder: string): Promise<IndexedIncident | undefined> {
  const { incidents } = await container.index.all();
  const candidates = incidents.filter(filter);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('There is no matching incident yet.');
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((i) => ({ label: i.incident.title, description: `${i.incident.status} · ${i.incident.severity} · ${i.incident.detected.slice(0, 10)}`, i })),
    { placeHolder },
  );
  return picked?.i;
}
