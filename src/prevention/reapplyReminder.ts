import * as vscode from 'vscode';
import type { RevertDetection } from '../core/revert/types';
import type { RevertsDetected } from '../git/revertMonitor';
import type { IncidentIndex, IndexedIncident } from '../services/incidentIndex';
import { isDerivedAction, linkedTestStatus, revertedShas, type LinkedTestStatus } from './incidentFacts';
import { reappliedSubject, reapplyText } from './reminderText';

export interface ReapplyFound {
  repoRoot: string;
  detection: RevertDetection;
  incident: IndexedIncident;
  tests: { path: string; status: LinkedTestStatus }[];
  message: string;
}

const same = (a: string, b: string): boolean => a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a));

/**
 * The incident a reapply belongs to: the one whose revert it undoes, or whose culprit it puts back.
 * `linked` holds the commits the reapply undoes and the commits those reverted.
 */
export function incidentOfReapply(incidents: readonly IndexedIncident[], repoRoot: string, linkedShas: readonly string[]): IndexedIncident | undefined {
  const linked = linkedShas.map((s) => s.toLowerCase());
  return incidents.find(
    (i) =>
      i.repoRoot === repoRoot &&
      linked.some((sha) => (i.incident.revert !== undefined && same(i.incident.revert.toLowerCase(), sha)) || i.incident.culprits.some((c) => same(c.toLowerCase(), sha))),
  );
}

/**
 * When a change that caused an incident is put back (`Reapply "…"`), says whether the incident's
 * regression test exists and is written — once per reapply commit.
 */
export class ReapplyReminder implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly seen = new Set<string>();

  /** `detected` is the revert monitor's one scan of new commits (this reads its reapplies). */
  constructor(
    detected: vscode.Event<RevertsDetected>,
    private readonly index: IncidentIndex,
    private readonly gitPath: () => string | undefined,
    private readonly show: (found: ReapplyFound) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(detected((e) => void this.onDetected(e)));
  }

  private async onDetected({ repoRoot, detections }: RevertsDetected): Promise<void> {
    try {
      const reapplies: RevertDetection[] = detections.filter((d) => d.kind === 'reapply');
      if (reapplies.length === 0) return;
      const { incidents } = await this.index.all();
      for (const detection of reapplies) {
        if (this.seen.has(detection.sha)) continue;
        this.seen.add(detection.sha);
        const culprits = (await Promise.all(detection.reverted.map((sha) => revertedShas(repoRoot, sha, this.gitPath())))).flat();
        const incident = incidentOfReapply(incidents, repoRoot, [...detection.reverted, ...culprits]);
        if (!incident) continue;
        const tests = await Promise.all(
          incident.incident.actions.filter(isDerivedAction).map(async (a) => ({ path: a.path, status: await linkedTestStatus(repoRoot, a.path) })),
        );
        const subject = reappliedSubject(detection.subject) || incident.incident.title;
        this.show({ repoRoot: repoRoot, detection, incident, tests, message: reapplyText(subject, tests) });
      }
    } catch (e) {
      this.log.error(`Could not check re-applied commits in ${repoRoot}`, e);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
