/**
 * The incident list every view reads (IncidentIndex), without vscode: each repository's incident
 * files through the core store, each incident's linked tests read from disk, newest first.
 * Kept apart from the index so `bench/incidentIndex.mjs` times exactly this code.
 */
import { ListingCache } from '../core/incidents/listingCache';
import type { IncidentStore } from '../core/incidents/incidentStore';
import type { Incident } from '../core/incidents/model';
import type { LinkedTestReads } from './linkedTests';
import type { FolderListingCache, ListingSnapshotHooks } from './listingSnapshots';

export interface IndexedIncident {
  repoRoot: string;
  /** Absolute path of the incident file. */
  path: string;
  incident: Incident;
}

export interface IndexProblem {
  repoRoot: string;
  message: string;
}

/** Adjusts a listed incident from other files; `reads` is shared by one list, so a file is read once. */
export type IncidentDeriver = (repoRoot: string, incident: Incident, reads: LinkedTestReads) => Promise<Incident>;

/** How many incidents' linked tests are read at once: enough to keep the thread pool busy, no more. */
const DERIVE_CONCURRENCY = 8;

/** Listing caches by store folder (repository root + incidents folder), kept by the caller between lists. */
export type ListingCaches = Map<string, FolderListingCache>;

export async function listIncidents(
  roots: readonly string[],
  storeFor: (repoRoot: string) => IncidentStore,
  options: { derive?: IncidentDeriver; caches?: ListingCaches; snapshots?: ListingSnapshotHooks } = {},
): Promise<{ incidents: IndexedIncident[]; problems: IndexProblem[] }> {
  const incidents: IndexedIncident[] = [];
  const problems: IndexProblem[] = [];
  const used = new Set<string>();
  for (const repoRoot of roots) {
    try {
      const store = storeFor(repoRoot);
      const key = `${repoRoot}\n${store.folder}`;
      used.add(key);
      let cache = options.caches?.get(key);
      if (options.caches && !cache) {
        options.caches.set(key, (cache = new ListingCache()));
        await options.snapshots?.restore(repoRoot, store.folderPath, cache);
      }
      const { incidents: found, errors } = await store.list({ cache });
      if (cache) options.snapshots?.listed(store.folderPath, cache);
      const derived = options.derive ? await deriveAll(repoRoot, found.map((s) => s.incident), options.derive) : found.map((s) => s.incident);
      found.forEach((s, i) => incidents.push({ repoRoot, path: s.path, incident: derived[i] }));
      for (const e of errors) problems.push({ repoRoot, message: e.message });
    } catch (e) {
      problems.push({ repoRoot, message: e instanceof Error ? e.message : String(e) });
    }
  }
  // Caches of folders no longer listed (a repository closed, the folder setting changed) go.
  for (const key of options.caches?.keys() ?? []) if (!used.has(key)) options.caches?.delete(key);
  incidents.sort((a, b) => b.incident.detected.localeCompare(a.incident.detected));
  return { incidents, problems };
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
