import type { Event } from 'vscode';
import type { DeployFinding } from './core/deploys/types';
import type { MetricsReport } from './core/metrics/types';
import type { RepoCiFinding } from './core/githost/ciMonitor';
import type { RevertDetection } from './core/revert/types';
import type { PreventionApi, PreventionReminder } from './prevention/types';
import type { TreeSnapshot } from './views/treeSnapshot';

export type { DeployFinding, MetricsReport, PreventionApi, PreventionReminder, RepoCiFinding, TreeSnapshot };

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
  /** What the Incidents, Untracked Reverts and Failed Deploys views show right now (for tests and diagnostics). */
  snapshotViews(): Promise<{ incidents: TreeSnapshot[]; untrackedReverts: TreeSnapshot[]; failedDeploys: TreeSnapshot[] }>;
  /** Failed-deploy findings of a repository with its `ownIt.deploy.*` settings (what the Failed Deploys view lists). */
  deployFindings(folder: string): Promise<DeployFinding[]>;
  /** The Insights metrics of a repository with its settings (what the Insights panel shows). */
  metrics(folder: string): Promise<MetricsReport>;
  /** File decorations and prevention reminders (checklists on staging, reapplied culprits). */
  readonly prevention: PreventionApi;
  /**
   * Failed CI checks, commit statuses and deployments GitHub reported at the last poll, newest
   * first; empty unless `ownIt.ci.enabled`. Each carries `repoRoot` and `sha`, so passing one to
   * `ownIt.openIncidentForCommit` opens an incident with the failed commit as culprit.
   */
  ciFindings(): RepoCiFinding[];
}
