/**
 * Find-or-create: the incident file a revert, a commit or a blank request means. Used by the
 * incident panel, the commands and the views; opens no UI. No vscode import.
 */
import { getCommitDetails } from '../core/commits/commitDetails';
import { IncidentStore } from '../core/incidents';
import type { RevertDetection } from '../core/revert/types';

export type IncidentTarget =
  | { kind: 'file'; repoRoot: string; incidentPath: string }
  /** Opens the incident that references this revert (or its culprits), creating one if none does. */
  | { kind: 'revert'; repoRoot: string; detection: RevertDetection }
  /** Opens the incident for a commit the person picked, creating one with it as culprit. */
  | { kind: 'commit'; repoRoot: string; sha: string }
  | { kind: 'blank'; repoRoot: string };

/** `Revert "Add cache"` → `Add cache`, for the title of an incident created from a revert. */
function revertedSubject(subject: string): string {
  return /^Revert\s+"(.+)"\s*$/.exec(subject)?.[1] ?? subject;
}

/** Finds or creates the incident file a target means, without opening any UI. */
export async function resolveIncidentFile(target: IncidentTarget, incidentsFolder: string, gitPath?: string): Promise<string> {
  if (target.kind === 'file') return target.incidentPath;
  const store = new IncidentStore(target.repoRoot, incidentsFolder);
  if (target.kind === 'blank') return (await store.create({ title: 'New incident' })).path;
  if (target.kind === 'revert') {
    const d = target.detection;
    const existing = (await store.findByCommit(d.sha)) ?? (d.reverted[0] ? await store.findByCommit(d.reverted[0]) : undefined);
    if (existing) return existing.path;
    const created = await store.create({ title: `Reverted: ${revertedSubject(d.subject)}`, culprits: d.reverted, revert: d.sha, detected: d.date || undefined });
    return created.path;
  }
  const details = await getCommitDetails(target.repoRoot, target.sha, gitPath);
  const existing = await store.findByCommit(details.sha);
  if (existing) return existing.path;
  return (await store.create({ title: details.subject, culprits: [details.sha] })).path;
}
