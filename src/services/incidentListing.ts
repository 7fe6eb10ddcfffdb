/**
 * The incident list every view reads (IncidentIndex), without vscode: each repository's incident
 * files through the core store, each incident's linked tests read from disk, newest first.
 * Kept apart from the index so `bench/incidentIndex.mjs` times exactly this code.
 */
import { IncidentFileError } from '../core/incidents/errors';
import { ListingCache } from '../core/incidents/listingCache';
import type { IncidentStore } from '../core/incidents/incidentStore';
import type { Incident } from '../core/incidents/model';
import type { IndexedIncident, IndexProblem } from './indexedIncident';
import type { LinkedTestReads } from './linkedTests';
import type { FolderListingCache, ListingSnapshotHooks } from './listingSnapshots';
import { benchMark } from './benchTiming';

export type { IndexedIncident, IndexProblem };

/** Adjusts a listed incident from other files; `reads` is shared by one list, so a file is read once. */
export type IncidentDeriver = (repoRoot: string, incident: Incident, reads: LinkedTestReads) => Promise<Incident>;

/** How many incidents' linked tests are read at once: enough to keep the thread pool busy, no more. */
const DERIVE_CONCURRENCY = 8;

/** Listing caches by store folder (repository root + incidents folder), kept by the caller between lists. */
export type ListingCaches = Map<string, FolderListingCache>;

export interface ListOptions {
  derive?: IncidentDeriver;
  caches?: ListingCaches;
  snapshots?: ListingSnapshotHooks;
  /**
   * Called once, before any file is stat'ed or read, with what the snapshots restored for this
   * list said (newest first, not derived, unchecked) when at least one folder had a snapshot:
   * a view can show it while the files are checked. Files changed meanwhile are in the list this
   * function returns.
   */
  onSnapshot?: (listed: { incidents: IndexedIncident[]; problems: IndexProblem[] }) => void;
}

export async function listIncidents(
  roots: readonly string[],
  storeFor: (repoRoot: string) => IncidentStore,
  options: ListOptions = {},
): Promise<{ incidents: IndexedIncident[]; problems: IndexProblem[] }> {
  const incidents: IndexedIncident[] = [];
  const problems: IndexProblem[] = [];
  const used = new Set<string>();
  const folders: { repoRoot: string; store: IncidentStore; cache: FolderListingCache | undefined }[] = [];
  const restored: IndexedIncident[] = [];
  for (const repoRoot of roots) {
    try {
      const store = storeFor(repoRoot);
      const key = `${repoRoot}\n${store.folder}`;
      used.add(key);
      let cache = options.caches?.get(key);
      if (options.caches && !cache) {
        options.caches.set(key, (cache = new ListingCache()));
        if (options.snapshots && (await options.snapshots.restore(repoRoot, store.folderPath, cache))) {
          for (const [absolute, , listed] of cache.kept()) if (!(listed instanceof IncidentFileError)) restored.push({ repoRoot, path: absolute, incident: listed.incident });
        }
        benchMark('listing: snapshot restored', { entries: restored.length });
      }
      folders.push({ repoRoot, store, cache });
    } catch (e) {
      problems.push({ repoRoot, message: e instanceof Error ? e.message : String(e) });
    }
  }
  if (restored.length > 0 && options.onSnapshot) options.onSnapshot({ incidents: restored.sort(newestFirst), problems: [...problems] });
  for (const { repoRoot, store, cache } of folders) {
    try {
      const { incidents: found, errors } = await store.list({ cache });
      benchMark('listing: files listed', { files: found.length });
      if (cache) options.snapshots?.listed(store.folderPath, cache);
      const derived = options.derive ? await deriveAll(repoRoot, found.map((s) => s.incident), options.derive) : found.map((s) => s.incident);
      benchMark('listing: derived');
      found.forEach((s, i) => incidents.push({ repoRoot, path: s.path, incident: derived[i] }));
      for (const e of errors) problems.push({ repoRoot, message: e.message });
    } catch (e) {
      problems.push({ repoRoot, message: e instanceof Error ? e.message : String(e) });
    }
  }
  // Caches of folders no longer listed (a repository closed, the folder setting changed) go.
  for (const key of options.caches?.keys() ?? []) if (!used.has(key)) options.caches?.delete(key);
  incidents.sort(newestFirst);
  return { incidents, problems };
}

function newestFirst(a: IndexedIncident, b: IndexedIncident): number {
  return b.incident.detected.localeCompare(a.incident.detected);
}

/** Each incident derived (a few at once, each linked file read once); a failed derive keeps the incident as listed. */
async function deriveAll(repoRoot: string, listed: readonly Incident[], derive: IncidentDeriver): Promise<Incident[]> {
  const out = [...listed];
  const reads: LinkedTestReads = new Map();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < listed.length) {
      const i = next++;
      out[i] = await derive(repoRoot, listed[i], reads).catch(() => listed[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DERIVE_CONCURRENCY, listed.length) }, worker));
  return out;
}
