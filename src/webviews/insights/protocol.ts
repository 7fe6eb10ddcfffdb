/**
 * Every message between the Insights panel host and its UI, shared by both sides. Type-only
 * imports keep Node code out of the browser bundle.
 */
import type { MetricsReport } from '../../core/metrics/types';
import type { InsightsView } from './viewModel';

export const INSIGHTS_VIEW_TYPE = 'ownIt.insights';

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
  | { type: 'ready' }
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
