/**
 * Writing issue links and `done` back onto action items. Items are matched by id, and the file
 * is re-read right before the write, so an edit made meanwhile (in the panel, by git) is kept.
 */
import { IncidentConflictError } from '../incidents/errors';
import type { IncidentStore, StoredIncident } from '../incidents/incidentStore';
import type { ActionItem } from '../incidents/model';

export interface ItemPatch {
  issue?: string;
  done?: boolean;
}

/**
 * The items, each with an id: existing ids are kept, the others get `a<n>` in order, counting on
 * from the highest `a<n>` already used. Deterministic, so a run that could not save its ids
 * gives the same ids the next time.
 */
export function withItemIds(actions: readonly ActionItem[]): (ActionItem & { id: string })[] {
  const used = new Set(actions.map((a) => a.id).filter((id): id is string => id !== undefined));
  let n = Math.max(0, ...[...used].map((id) => /^a(\d{1,6})$/.exec(id)).map((m) => (m ? Number(m[1]) : 0)));
  return actions.map((a) => {
    if (a.id !== undefined) return { ...a, id: a.id };
    let id: string;
    do id = `a${++n}`;
    while (used.has(id));
    used.add(id);
    return { ...a, id };
  });
}

const ATTEMPTS = 3;

/**
 * Gives every item an id and applies `patches` (by item id) to the file as it is on disk now.
 * Returns the saved incident, or undefined after adding a sentence to `problems` (the issue
 * URLs are in it, so nothing is lost even when the file cannot be written).
 */
export async function saveItemPatches(store: IncidentStore, stored: StoredIncident, patches: ReadonlyMap<string, ItemPatch>, problems: string[]): Promise<StoredIncident | undefined> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const current = await store.load(stored.path);
      const actions = withItemIds(current.incident.actions).map((a) => ({ ...a, ...patches.get(a.id) }));
      return await store.save(current, { ...current.incident, actions });
    } catch (err) {
      lastError = err;
      if (!(err instanceof IncidentConflictError)) break;
    }
  }
  const links = [...patches.entries()].filter(([, p]) => p.issue).map(([id, p]) => `${id} → ${p.issue}`);
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  problems.push(`${stored.relativePath}: could not write the sync back (${reason})${links.length ? `; issues: ${links.join(', ')}` : ''}. The next sync finds these issues by their marker.`);
  return undefined;
}
