/**
 * Insights metrics. Every number is an estimate read from git and incident files (a revert is
 * not always a failure, a deploy tag is not always a deploy), so every metric carries its
 * formula and `estimate: true`, and the UI must say so.
 */

export interface MetricsOptions {
  /** Start of the window (ISO or anything Date.parse reads). Default: 180 days before `now`. */
  since?: string;
  /** End of the window; fixed in tests and golden files. Default: the current time. */
  now?: Date;
  /** End of the window as a date (the CLI's --until); wins over `now`. */
  until?: string;
  tagPattern?: string;
  hotfixPattern?: string;
  hotfixWindowHours?: number;
  /** Relative to the repository root; default `docs/incidents`. */
  incidentsFolder?: string;
  gitBinary?: string;
  /** Stops the computation: every git it started ends, and it rejects with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
}

interface MetricBase {
  /** How the value is computed, in words a reader can check. */
  formula: string;
  estimate: true;
}

export interface RecoveryItem {
  source: 'revert' | 'rollback';
  /** The revert commit, or the deploy tag that rolled back. */
  recoveredBy: string;
  environment?: string;
  /** Full shas of the culprits (the reverted commits, or good..failed of the rollback). */
  culprits: string[];
  /** ISO 8601: committer date of the earliest culprit. */
  culpritLanded: string;
  /** ISO 8601: the revert's committer date, or the rollback deploy's date. */
  recovered: string;
  hours: number;
  /** Repository-relative path of the incident file that tracks it, if any. */
  incident?: string;
}

export interface TimeToRecover extends MetricBase {
  medianHours: number | null;
  items: RecoveryItem[];
}

export interface ChangeFailure extends MetricBase {
  /** null when there is nothing to divide by. */
  rate: number | null;
  /** Reverts on a remote branch (shipped); local-only reverts are in caughtBeforeShipping. */
  reverts: number;
  /** Reverts that are on no remote branch: caught before shipping, not counted as failures. */
  caughtBeforeShipping: number;
  rollbacks: number;
  denominator: number;
  /** Deploys when deploy tags exist in the window; otherwise first-parent commits on HEAD. */
  basis: 'deploys' | 'merges';
}

export interface ReworkRate extends MetricBase {
  rate: number | null;
  reverts: number;
  reapplies: number;
  hotfixes: number;
  commits: number;
}

export interface MonthCount {
  /** YYYY-MM (UTC). */
  month: string;
  incidents: number;
  untrackedReverts: number;
  total: number;
}

export interface IncidentsPerMonth extends MetricBase {
  months: MonthCount[];
}

export interface Hotspot {
  /** Repository-relative path; `.` is the root folder. */
  path: string;
  /** How many distinct culprit commits touched it. */
  count: number;
}

export interface Hotspots extends MetricBase {
  files: Hotspot[];
  folders: Hotspot[];
}

export interface ActionAge {
  incident: string;
  incidentTitle: string;
  action: string;
  owner?: string;
  /** ISO 8601 date the incident was detected. */
  detected: string;
  /** YYYY-MM-DD the item was added, when the file records it; the age counts from here. */
  added?: string;
  ageDays: number;
}

export interface ActionAges extends MetricBase {
  medianDays: number | null;
  items: ActionAge[];
}

export interface MetricsReport {
  /** ISO 8601 window; `until` is `now`. */
  since: string;
  until: string;
  estimate: true;
  timeToRecover: TimeToRecover;
  changeFailure: ChangeFailure;
  reworkRate: ReworkRate;
  incidentsPerMonth: IncidentsPerMonth;
  hotspots: Hotspots;
  actionAge: ActionAges;
  /** Incident files that could not be read (they are left out of the numbers). */
  unreadableIncidentFiles: string[];
}
