/**
 * A listing cache kept on disk between sessions: what each incident file of one folder listed as
 * last time (its incident, with the stamps it had when it was read), so the first list after a
 * start stats every file and reads only the ones that changed while nobody was watching, instead
 * of reading and parsing 10,000 files again.
 *
 * The snapshot is a cache, never a source of truth. Anything unexpected — a missing, truncated or
 * edited file, one written for another folder or by another version, an entry of the wrong shape
 * — makes `decodeListingSnapshot` answer undefined, and the caller reads every file as before.
 * Entries whose stamps no longer match the file are read again (listingCache.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { ACTION_KINDS, INCIDENT_STATUSES, SEVERITIES, type Incident } from './model';
import { mapInSlices } from './timeSlices';

/** Raised whenever the entry layout or the listing's meaning changes: old snapshots are then ignored. */
const FORMAT = 'own-it-incident-listing/1';

export interface SnapshotEntry {
  /** File name inside the incidents folder (no separators). */
  name: string;
  /** The file's stamp when it was read (ListingCache.stamp). */
  stamp: string;
  incident: Incident;
}

export interface SnapshotOwner {
  /** Absolute incidents folder the entries belong to. */
  folder: string;
  /** Who wrote it (the extension's version): a snapshot from another version is not trusted. */
  producer: string;
}

interface Header extends SnapshotOwner {
  format: string;
  count: number;
  sha256: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * One header line (format, owner, count and a checksum of the rest) and one JSON array of
 * `[name, stamp, incident]`. Built in time slices: serializing reads every incident's body
 * sections (listingParser.ts splits them lazily), which is the costly part.
 */
export async function encodeListingSnapshot(owner: SnapshotOwner, entries: readonly SnapshotEntry[]): Promise<string> {
  const rows = await mapInSlices(entries, (e) => JSON.stringify([e.name, e.stamp, e.incident]));
  const body = `[${rows.join(',')}]`;
  const header: Header = { format: FORMAT, folder: owner.folder, producer: owner.producer, count: entries.length, sha256: sha256(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

/** The entries, or undefined when the text is not a whole, intact snapshot of exactly this owner. */
export function decodeListingSnapshot(text: string, owner: SnapshotOwner): SnapshotEntry[] | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header> | null;
    if (!header || header.format !== FORMAT || header.folder !== owner.folder || header.producer !== owner.producer) return undefined;
    const body = text.slice(newline + 1);
    if (header.sha256 !== sha256(body)) return undefined;
    const rows: unknown = JSON.parse(body);
    if (!Array.isArray(rows) || rows.length !== header.count) return undefined;
    const entries: SnapshotEntry[] = [];
    for (const row of rows) {
      const entry = entryOf(row);
      if (!entry) return undefined;
      entries.push(entry);
    }
    return entries;
  } catch {
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): boolean => v === undefined || isString(v);

function entryOf(row: unknown): SnapshotEntry | undefined {
  if (!Array.isArray(row) || row.length !== 3) return undefined;
  const [name, stamp, incident] = row as unknown[];
  // A name is one file in the folder: nothing that could point elsewhere.
  if (!isString(name) || name === '' || /[/\\]/.test(name) || name === '.' || name === '..') return undefined;
  if (!isString(stamp) || stamp === '' || !isListedIncidentShape(incident)) return undefined;
  return { name, stamp, incident };
}

/** The shape the views read; values were validated by the parser that produced them. */
export function isListedIncidentShape(v: unknown): v is Incident {
  if (!isRecord(v)) return false;
  if (!isString(v.id) || !isString(v.title) || !isString(v.detected) || !optionalString(v.resolved) || !optionalString(v.revert)) return false;
  if (!(INCIDENT_STATUSES as readonly unknown[]).includes(v.status) || !(SEVERITIES as readonly unknown[]).includes(v.severity)) return false;
  if (!Array.isArray(v.culprits) || !v.culprits.every(isString) || !Array.isArray(v.deployRefs) || !v.deployRefs.every(isString)) return false;
  const actionOk = (a: unknown) => isRecord(a) && isString(a.text) && typeof a.done === 'boolean' && (ACTION_KINDS as readonly unknown[]).includes(a.kind) && optionalString(a.path);
  if (!Array.isArray(v.actions) || !v.actions.every(actionOk)) return false;
  if (!Array.isArray(v.events) || !v.events.every((e) => isRecord(e) && isString(e.at) && isString(e.text) && isString(e.source))) return false;
  const s = v.sections;
  return isRecord(s) && isString(s.whatHappened) && isString(s.impact) && isString(s.rootCause) && isString(s.teamUpdate) && isRecord(s.lessons) && isString(s.lessons.wentWell) && isString(s.lessons.wentWrong) && isString(s.lessons.gotLucky);
}

/** Where the snapshot of `folder` lives in a storage folder (one file per incidents folder). */
export function listingSnapshotPath(storageDir: string, folder: string): string {
  return path.join(storageDir, 'incident-listing', `${sha256(folder).slice(0, 24)}.json`);
}

/** The snapshot's entries, or undefined when there is none or it cannot be trusted (never throws). */
export async function readListingSnapshot(storageDir: string, owner: SnapshotOwner): Promise<SnapshotEntry[] | undefined> {
  try {
    return decodeListingSnapshot(await fs.readFile(listingSnapshotPath(storageDir, owner.folder), 'utf8'), owner);
  } catch {
    return undefined;
  }
}

/** Writes the snapshot atomically (a reader sees the old file or the new one, never half of one). */
export async function writeListingSnapshot(storageDir: string, owner: SnapshotOwner, entries: readonly SnapshotEntry[]): Promise<void> {
  const file = listingSnapshotPath(storageDir, owner.folder);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, await encodeListingSnapshot(owner, entries));
}
