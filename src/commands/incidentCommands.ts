import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { IncidentConflictError } from '../core/incidents';
import type { Container } from '../container';
import { incidentsFolderSetting } from '../services/incidentIndex';
import { asCommitRef, asIncidentRef, asRevertRef, asScmHistoryRef, type IncidentRef } from './args';
import { openPanel } from './openPanel';
import { pickCommit, pickIncident, pickRepository } from './pickers';

export async function openIncidentForCommit(container: Container, arg?: unknown): Promise<unknown> {
  const ref = asCommitRef(arg);
  if (ref) return openPanel(container, { kind: 'commit', repoRoot: ref.repoRoot, sha: ref.sha });
  const repoRoot = await pickRepository(container);
  if (!repoRoot) return;
  const picked = await pickCommit(container, repoRoot);
  if (!picked) return;
  if (picked.detection) return openPanel(container, { kind: 'revert', repoRoot, detection: picked.detection });
  return openPanel(container, { kind: 'commit', repoRoot, sha: picked.sha });
}

export async function openIncidentForScmCommit(container: Container, provider?: unknown, historyItem?: unknown): Promise<unknown> {
  const ref = asScmHistoryRef(provider, historyItem) ?? asTimelineRef(container, provider, historyItem) ?? asCommitRef(provider);
  if (!ref) return openIncidentForCommit(container);
  const detections = await container.history.detections(ref.repoRoot).catch(() => []);
  const detection = detections.find((d) => d.sha === ref.sha);
  return openPanel(container, detection ? { kind: 'revert', repoRoot: ref.repoRoot, detection } : { kind: 'commit', repoRoot: ref.repoRoot, sha: ref.sha });
}

/** The Timeline view passes (timelineItem, fileUri); git's items carry the commit sha as their id. */
function asTimelineRef(container: Container, item: unknown, uri: unknown): { repoRoot: string; sha: string } | undefined {
  if (!(uri instanceof vscode.Uri) || typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^[0-9a-f]{7,64}$/.test(id)) return undefined;
  const repo = container.tracker.repositoryFor(uri.fsPath);
  return repo ? { repoRoot: repo.root, sha: id } : undefined;
}

export async function newIncident(container: Container): Promise<unknown> {
  const repoRoot = await pickRepository(container, 'New incident in which repository?');
  return repoRoot ? openPanel(container, { kind: 'blank', repoRoot }) : undefined;
}

export async function openIncident(container: Container, arg?: unknown): Promise<unknown> {
  const ref = asIncidentRef(arg) ?? (await pickIncidentRef(container, () => true, 'Open which incident?'));
  return ref ? openPanel(container, { kind: 'file', repoRoot: ref.repoRoot, incidentPath: ref.incidentPath }) : undefined;
}

export async function createIncidentFromRevert(container: Container, arg?: unknown): Promise<unknown> {
  const ref = asRevertRef(arg);
  if (!ref) return openIncidentForCommit(container);
  return openPanel(container, { kind: 'revert', repoRoot: ref.repoRoot, detection: ref.detection });
}

async function pickIncidentRef(container: Container, filter: Parameters<typeof pickIncident>[1], placeHolder: string): Promise<IncidentRef | undefined> {
  const picked = await pickIncident(container, filter, placeHolder);
  return picked ? { repoRoot: picked.repoRoot, incidentPath: picked.path } : undefined;
}

export async function markResolved(container: Container, arg?: unknown): Promise<void> {
  const ref = asIncidentRef(arg) ?? (await pickIncidentRef(container, (i) => i.incident.status !== 'resolved', 'Mark which incident resolved?'));
  if (!ref) return;
  const store = container.index.store(ref.repoRoot);
  try {
    const stored = await store.load(ref.incidentPath);
    if (stored.incident.status === 'resolved') {
      void vscode.window.showInformationMessage(`"${stored.incident.title}" is already resolved.`);
      return;
    }
    const pending = stored.incident.actions.filter((a) => !a.done).length;
    await store.save(stored, { ...stored.incident, status: 'resolved', resolved: new Date().toISOString() });
    container.index.invalidate();
    const note = pending > 0 ? ` ${pending} action item${pending === 1 ? ' is' : 's are'} still open; they stay on the list.` : '';
    void vscode.window.showInformationMessage(`Marked "${stored.incident.title}" resolved.${note}`);
  } catch (e) {
    const message =
      e instanceof IncidentConflictError
        ? 'The incident file changed while it was being updated. Nothing was overwritten; try again.'
        : `Could not update the incident: ${e instanceof Error ? e.message : String(e)}`;
    void vscode.window.showErrorMessage(message);
  }
}

export async function openIncidentsFolder(container: Container): Promise<void> {
  const repoRoot = await pickRepository(container);
  if (!repoRoot) return;
  const folder = path.resolve(repoRoot, incidentsFolderSetting(repoRoot));
  if (!fs.existsSync(folder)) {
    const create = await vscode.window.showInformationMessage(
      `There is no incidents folder yet (${path.relative(repoRoot, folder) || '.'}). It is created with the first incident.`,
      'New Incident',
    );
    if (create) await newIncident(container);
    return;
  }
  await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(folder));
}

export async function scanHistory(container: Container): Promise<{ total: number; untracked: number }> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Own It: scanning history for reverts…' },
    async () => {
      container.history.invalidate();
      const untracked = await container.untrackedView.untracked();
      const perRepo = await Promise.all(container.tracker.repositories.map((r) => container.history.detections(r.root)));
      return { total: perRepo.reduce((n, d) => n + d.length, 0), untracked: untracked.length };
    },
  );
  const message =
    result.total === 0
      ? 'No reverts found in recent history.'
      : `Found ${result.total} revert${result.total === 1 ? '' : 's'}; ${result.untracked} ${result.untracked === 1 ? 'has' : 'have'} no incident yet.`;
  if (result.untracked > 0) {
    void vscode.window.showInformationMessage(message, 'Show').then((show) => {
      if (show) void vscode.commands.executeCommand('ownIt.untrackedReverts.focus');
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return result;
}
