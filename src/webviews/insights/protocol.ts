/**
 * Every message between the Insights panel host and its UI, shared by both sides, and the view
 * shapes the UI draws (built by `viewModel.ts` on the host). It imports only type modules with no
 * Node code (checked by `tsconfig.webview.json`, where Node's types do not exist).
 */
import type { MetricsReport } from '../../core/metrics/types';
import type { ReadyMessage } from '../shared/protocol';

export const INSIGHTS_VIEW_TYPE = 'ownIt.insights';

/** What the UI draws: numbers already formatted, chart series ready for chart.js. */
export interface MetricCard {
  id: 'timeToRecover' | 'changeFailure' | 'caughtBeforeShipping' | 'reworkRate' | 'actionAge';
  /** Good news (reverts caught before shipping) is shown as such, not as a failure. */
  tone?: 'good';
  label: string;
  /** The headline value, formatted; `n/a` when there is nothing to compute it from. */
  value: string;
  /** The counts behind the value, in words. */
  detail: string;
  formula: string;
}

export interface BarSeries {
  /** Category labels (months, refs, paths), in full: the chart shortens them in the middle and shows them whole in its tooltip. */
  labels: string[];
  /** The value axis unit when it depends on the data (minutes, hours or days). */
  unit?: string;
  datasets: { label: string; data: number[] }[];
}

export interface RecoveryRow {
  /** Short sha of the revert, or the deploy tag that rolled back. */
  recoveredBy: string;
  source: string;
  culpritLanded: string;
  recovered: string;
  hours: number;
  duration: string;
  /** Repository-relative incident file, when an incident tracks it. */
  incident?: string;
}

export interface ActionRow {
  action: string;
  owner?: string;
  incident: string;
  incidentTitle: string;
  ageDays: number;
}

export interface InsightsView {
  repoName: string;
  /** YYYY-MM-DD. */
  since: string;
  until: string;
  note: string;
  cards: MetricCard[];
  recovery: { formula: string; rows: RecoveryRow[]; chart: BarSeries };
  perMonth: { formula: string; chart: BarSeries; total: number };
  /** The core already keeps only the top files and folders. */
  hotspots: { formula: string; files: BarSeries; folders: BarSeries };
  actionAge: { formula: string; rows: ActionRow[] };
  unreadableIncidentFiles: string[];
}

export type ExportFormat = 'markdown' | 'csv';

export interface RepositoryChoice {
  root: string;
  name: string;
}

/** The window the metrics cover: the last N days, or the whole history. */
export type InsightsWindow = 30 | 90 | 180 | 365 | 'all';
export const INSIGHTS_WINDOWS: readonly InsightsWindow[] = [30, 90, 180, 365, 'all'];

export function isInsightsWindow(value: unknown): value is InsightsWindow {
  return (INSIGHTS_WINDOWS as readonly unknown[]).includes(value);
}

export interface InsightsState {
  repoRoot: string;
  window: InsightsWindow;
  /** Every repository the panel can switch to. */
  repositories: RepositoryChoice[];
  /** What the UI draws: numbers already formatted, chart series ready for chart.js. */
  view: InsightsView;
  /** The metrics as computed by the core, for exports and tests. */
  report: MetricsReport;
}

// ---------- host → UI ----------
export type HostMessage =
  | { type: 'loading'; repoRoot: string }
  | { type: 'state'; state: InsightsState }
  | { type: 'error'; repoRoot: string; message: string }
  | { type: 'exported'; format: ExportFormat; path: string };

// ---------- UI → host ----------
export type UiMessage =
  /** The UI listens now (sent on every page load). */
  | ReadyMessage
  | { type: 'refresh' }
  | { type: 'selectRepository'; repoRoot: string }
  | { type: 'selectWindow'; window: InsightsWindow }
  | { type: 'export'; format: ExportFormat }
  /** Repository-relative path of an incident file named in the metrics. */
  | { type: 'openIncident'; path: string }
  /** Repository-relative path of a hotspot file. */
  | { type: 'openFile'; path: string };

/** What the webview persists with setState, so a reloaded window reopens the same repository. */
export interface PersistedInsightsState {
  repoRoot: string;
}

export function isPersistedInsightsState(value: unknown): value is PersistedInsightsState {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).repoRoot === 'string';
}
