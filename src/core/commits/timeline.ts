import type { TimelineEvent } from '../incidents/model';
import type { TimelineEntry } from './types';

export type { TimelineEntry };
/** Auto and manual rows together, oldest first; rows at the same instant keep auto-before-manual order. */
export function mergeTimeline(auto: readonly TimelineEntry[], manual: readonly TimelineEvent[]): TimelineEntry[] {
  const all: TimelineEntry[] = [...auto, ...manual.map((e, i) => ({ ...e, auto: false, manualIndex: i }))];
  return all
    .map((e, order) => ({ e, order, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.order - b.order : a.t - b.t))
    .map((x) => x.e);
}
