/**
 * The Incidents view's first screen, kept between sessions: the first page of the Open and the
 * Resolved group as the last checked list showed them (derived, newest first), with each group's
 * total. After a start the view answers from this small file (tens of kilobytes) at once, instead
 * of waiting for the full listing snapshot (megabytes at 10,000 incidents) to be read, or for the
 * files to be checked. The checked list replaces it as soon as it is ready.
 *
 * A cache, never a source of truth: anything unexpected — another build, other repositories or
 * incidents folders, a file cut short, an entry of the wrong shape, a row in the wrong group or a
 * path outside its incidents folder — makes it answer undefined, and the view waits for the list
 * as before. What it shows is replaced by the checked list a moment later.
 * No vscode import.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isListedIncidentShape, isRecord } from '../core/incidents/listingSnapshot';
import { writeFileAtomic } from '../core/fs/atomicWrite';
import { emptySections } from '../core/incidents/incidentFile';
import type { IndexedIncident, IndexProblem } from './indexedIncident';

/** Rows of a group the Incidents view shows before "Show more" (and the first screen keeps). */
export const INCIDENT_PAGE_ROWS = 200;

/** Raised whenever the layout or meaning changes: older files are then ignored. */
const FORMAT = 'own-it-incidents-first-screen/1';

/** The Incidents view's groups: each group's rows newest first, and how many it has in all. */
export interface IncidentGroups {
  open: IndexedIncident[];
  resolved: IndexedIncident[];
  openTotal: number;
  resolvedTotal: number;
  problems: IndexProblem[];
}

/** Whose first screen it is: the build, and each repository root with its absolute incidents folder. */
export interface FirstScreenOwner {
  producer: string;
  folders: readonly ScreenFolder[];
}

export interface ScreenFolder {
  repoRoot: string;
  /** Absolute incidents folder. */
  folder: string;
}

/** The view's groups of a list, each cut to its first `rows` (all of them by default). */
export function groupIncidents(list: { incidents: readonly IndexedIncident[]; problems: readonly IndexProblem[] }, rows = Infinity): IncidentGroups {
  const open = list.incidents.filter((i) => i.incident.status !== 'resolved');
  const resolved = list.incidents.filter((i) => i.incident.status === 'resolved');
  return { open: open.slice(0, rows), resolved: resolved.slice(0, rows), openTotal: open.length, resolvedTotal: resolved.length, problems: [...list.problems] };
}

/** What a row needs: the incident's body sections and timeline are left out (opening a row reads the file). */
function rowOf(item: IndexedIncident): IndexedIncident {
  return { repoRoot: item.repoRoot, path: item.path, incident: { ...item.incident, events: [], sections: emptySections() } };
}

/** Whether two answers look the same in the view: the same totals and problems, and the same first `rows` rows of each group. */
export function showsTheSame(a: IncidentGroups, b: IncidentGroups, rows: number): boolean {
  const shown = (g: IncidentGroups) => JSON.stringify([g.openTotal, g.resolvedTotal, g.problems, g.open.slice(0, rows).map(rowOf), g.resolved.slice(0, rows).map(rowOf)]);
  return shown(a) === shown(b);
}

const ownerKey = (owner: FirstScreenOwner): string => JSON.stringify([owner.producer, owner.folders.map((f) => [f.repoRoot, f.folder])]);

/** One JSON object: the format, the owner, each group's rows (without their bodies) and totals. */
export function encodeFirstScreen(owner: FirstScreenOwner, groups: IncidentGroups): string {
  return JSON.stringify({ format: FORMAT, owner: ownerKey(owner), ...groups, open: groups.open.map(rowOf), resolved: groups.resolved.map(rowOf) });
}

/** The groups, or undefined when the text is not a whole first screen of exactly this owner, every row in its place. */
export function decodeFirstScreen(text: string, owner: FirstScreenOwner): IncidentGroups | undefined {
  try {
    const kept = JSON.parse(text) as Partial<IncidentGroups> & { format?: unknown; owner?: unknown };
    if (!isRecord(kept) || kept.format !== FORMAT || kept.owner !== ownerKey(owner) || !isCount(kept.openTotal) || !isCount(kept.resolvedTotal)) return undefined;
    const folders = new Map(owner.folders.map((f) => [f.repoRoot, f.folder.endsWith(path.sep) ? f.folder : f.folder + path.sep]));
    const rows = (v: unknown, resolved: boolean, total: number): v is IndexedIncident[] =>
      Array.isArray(v) && v.length <= total && v.every((r) => isRow(r, folders) && (r.incident.status === 'resolved') === resolved);
    const problems = kept.problems;
    if (!rows(kept.open, false, kept.openTotal) || !rows(kept.resolved, true, kept.resolvedTotal)) return undefined;
    if (!Array.isArray(problems) || !problems.every((p: unknown) => isRecord(p) && typeof p.repoRoot === 'string' && typeof p.message === 'string')) return undefined;
    return { open: kept.open, resolved: kept.resolved, openTotal: kept.openTotal, resolvedTotal: kept.resolvedTotal, problems };
  } catch {
    return undefined;
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A row of one of the owner's repositories whose file lies directly in that repository's incidents folder. */
function isRow(v: unknown, folders: ReadonlyMap<string, string>): v is IndexedIncident {
  if (!isRecord(v) || typeof v.repoRoot !== 'string' || typeof v.path !== 'string') return false;
  const folder = folders.get(v.repoRoot);
  if (!folder || !v.path.startsWith(folder)) return false;
  const name = v.path.slice(folder.length);
  return name !== '' && !/[/\\]/.test(name) && name !== '.' && name !== '..' && isListedIncidentShape(v.incident);
}

/** Where the first screen lives in the extension's workspace storage (one per workspace). */
export function firstScreenPath(storageDir: string): string {
  return path.join(storageDir, 'incidents-view', 'first-screen.json');
}

/** The kept first screen of this owner, or undefined when there is none or it cannot be trusted (never throws). */
export async function readFirstScreen(storageDir: string, owner: FirstScreenOwner): Promise<{ groups: IncidentGroups; text: string } | undefined> {
  try {
    const text = await fs.readFile(firstScreenPath(storageDir), 'utf8');
    const groups = decodeFirstScreen(text, owner);
    return groups && { groups, text };
  } catch {
    return undefined;
  }
}

/** Writes an encoded first screen atomically. */
export async function writeFirstScreen(storageDir: string, text: string): Promise<void> {
  const file = firstScreenPath(storageDir);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
