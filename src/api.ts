import type { Event } from 'vscode';
import type { RepoCiFinding } from './core/githost/ciMonitor';
import type { RevertDetection } from './core/revert/types';
import type { PreventionApi, PreventionReminder } from './prevention/types';
import type { TreeSnapshot } from './views/treeSnapshot';

export type { PreventionApi, PreventionReminder, RepoCiFinding, TreeSnapshot };

/** A revert that landed in a tracked repository, and the prompt Own It showed for it (if any). */
export interface RevertLandedEvent {
  repoRoot: string;
  detection: RevertDetection;
  prompt: string | undefined;
}

/** The API `activate()` returns: used by our integration tests and available to other extensions. */
export interface OwnItApi {
  readonly version: 1;
  /** Scans a repository's history for reverts (the same scan the Untracked Reverts view uses). */
  scanRepository(folder: string): Promise<RevertDetection[]>;
  /** Fires for every revert that lands while VS Code is open (commit, terminal, pull). */
  readonly onDidLandRevert: Event<RevertLandedEvent>;
  /** Resolves once repositories are being watched. */
  whenReady(): Promise<void>;
  /** What the Incidents and Untracked Reverts views show right now (for tests and diagnostics). */
  snapshotViews(): Promise<{ incidents: TreeSnapshot[]; untrackedReverts: TreeSnapshot[] }>;
  /** File decorations and prevention reminders (checklists on staging, reapplied culprits). */
  readonly prevention: PreventionApi;
  /**
   * Failed CI checks, commit statuses and deployments GitHub reported at the last poll, newest
   * first; empty unless `ownIt.ci.enabled`. Each carries `repoRoot` and `sha`, so passing one to
   * `ownIt.openIncidentForCommit` opens an incident with the failed commit as culprit.
   */
  ciFindings(): RepoCiFinding[];
}
