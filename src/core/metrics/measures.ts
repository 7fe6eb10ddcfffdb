import type { Incident } from '../incidents/model';
import type { StoredIncident } from '../incidents/incidentStore';
import type { RevertDetection } from '../revert/types';
import type { ActionAges, Hotspot, MonthCount } from './types';

const DAY_MS = 86_400_000;
const TOP = 10;

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** numerator ÷ denominator to 4 decimals; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round(numerator / denominator, 4) : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 2);
}

/** An incident names a revert when its `revert` is that commit, or its culprits include a commit the revert undid (abbreviated shas of at least 7 count). */
export function isLinked(incident: Incident, d: RevertDetection): boolean {
  const same = (a: string | undefined, b: string): boolean => {
    const x = a?.trim().toLowerCase();
    return !!x && x.length >= 7 && (b.startsWith(x) || x.startsWith(b));
  };
  return same(incident.revert, d.sha) || incident.culprits.some((c) => same(c, d.sha) || d.reverted.some((r) => same(c, r)));
}

/** Every UTC month from `sinceMs` to `untilMs`, with zero months kept so a chart has no gaps. */
export function incidentsPerMonth(sinceMs: number, untilMs: number, incidents: readonly StoredIncident[], untracked: readonly RevertDetection[]): MonthCount[] {
  const months = new Map<string, MonthCount>();
  const cursor = new Date(Date.UTC(new Date(sinceMs).getUTCFullYear(), new Date(sinceMs).getUTCMonth(), 1));
  while (cursor.getTime() <= untilMs) {
    const month = monthOf(cursor.getTime());
    months.set(month, { month, incidents: 0, untrackedReverts: 0, total: 0 });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const add = (date: string, field: 'incidents' | 'untrackedReverts'): void => {
    const entry = months.get(monthOf(Date.parse(date)));
    if (!entry) return;
    entry[field]++;
    entry.total++;
  };
  for (const s of incidents) add(s.incident.detected, 'incidents');
  for (const d of untracked) add(d.date, 'untrackedReverts');
  return [...months.values()];
}

function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The top files and parent folders over the culprit commits' file lists (one list per commit). */
export function hotspots(fileLists: readonly (readonly string[])[]): { files: Hotspot[]; folders: Hotspot[] } {
  const files = new Map<string, number>();
  const folders = new Map<string, number>();
  for (const list of fileLists) {
    for (const f of new Set(list)) files.set(f, (files.get(f) ?? 0) + 1);
    for (const dir of new Set(list.map(parentFolder))) folders.set(dir, (folders.get(dir) ?? 0) + 1);
  }
  return { files: top(files), folders: top(folders) };
}

function parentFolder(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

function top(counts: Map<string, number>): Hotspot[] {
  return [...counts]
    .map(([path, count]) => ({ path, count }))
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, TOP);
}

/** Every action not done, in every incident (open or not), oldest first: days since the incident was detected. */
export function actionAges(incidents: readonly StoredIncident[], nowMs: number): ActionAges {
  const items = incidents
    .flatMap((s) =>
      s.incident.actions
        .filter((a) => !a.done)
        .map((a) => ({
          incident: s.relativePath,
          incidentTitle: s.incident.title,
          action: a.text,
          ...(a.owner ? { owner: a.owner } : {}),
          detected: s.incident.detected,
          ...(a.added ? { added: a.added } : {}),
          ageDays: Math.max(0, Math.floor((nowMs - Date.parse(a.added ?? s.incident.detected)) / DAY_MS)),
        })),
    )
    .filter((a) => !Number.isNaN(a.ageDays))
    .sort((a, b) => b.ageDays - a.ageDays || (a.incident < b.incident ? -1 : a.incident > b.incident ? 1 : 0));
  return {
    formula: 'for each action item not done: whole days from the day it was added (its added: date) to now; items written before Own It recorded added: count from the incident\u2019s detected date',
    estimate: true,
    medianDays: median(items.map((a) => a.ageDays)),
    items,
  };
}
