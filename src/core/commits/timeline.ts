import type { TimelineEvent } from '../incidents/model';

/**
 * A timeline row. The git-backed rows come from the facts module (core/facts/incidentFacts) and
 * are written to the incident file when it is created; rows the file does not have yet are shown
 * as automatic ones. Manual rows come from `incident.events`.
 */
export interface TimelineEntry extends TimelineEvent {
  /** True when derived from git or the incident itself; false for rows written in the file. */
  auto: boolean;
  /** Index into `incident.events` for rows from the file, so the UI can remove the right one. */
  manualIndex?: number;
  /** The commit or ref the row is about, when there is one. */
  ref?: string;
}

/** Auto and manual rows together, oldest first; rows at the same instant keep auto-before-manual order. */
export function mergeTimeline(auto: readonly TimelineEntry[], manual: readonly TimelineEvent[]): TimelineEntry[] {
  const all: TimelineEntry[] = [...auto, ...manual.map((e, i) => ({ ...e, auto: false, manualIndex: i }))];
  return all
    .map((e, order) => ({ e, order, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.order - b.order : a.t - b.t))
    .map((x) => x.e);
}
