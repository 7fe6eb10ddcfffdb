import type { Incident } from '../core/incidents/model';
import type { RevertDetection } from '../core/revert/types';

export interface UntrackedRevert {
  repoRoot: string;
  detection: RevertDetection;
}

/**
 * Reverts no incident tracks yet, newest first: an incident tracks a revert when it names it as
 * its revert, or names one of the commits it undid as a culprit. Reapplies are never listed.
 */
export function untrackedReverts(incidents: readonly { incident: Incident }[], history: readonly { repoRoot: string; detections: readonly RevertDetection[] }[]): UntrackedRevert[] {
  const tracked = new Set<string>();
  for (const { incident } of incidents) {
    if (incident.revert) tracked.add(incident.revert);
    for (const c of incident.culprits) tracked.add(`culprit:${c}`);
  }
  const result: UntrackedRevert[] = [];
  for (const { repoRoot, detections } of history) {
    for (const detection of detections) {
      if (detection.kind === 'reapply') continue;
      if (tracked.has(detection.sha) || detection.reverted.some((r) => tracked.has(`culprit:${r}`))) continue;
      result.push({ repoRoot, detection });
    }
  }
  return result.sort((a, b) => b.detection.date.localeCompare(a.detection.date));
}
