import type { Incident } from './model';

/**
 * Records when each action item was added (`added: YYYY-MM-DD`), so Insights can say how old an
 * open item really is instead of counting from the incident's date. An item is new when the
 * previous version had no item with the same text; items already in the file are left as written
 * (an old file without `added` keeps none, and Insights falls back to the incident's date for it).
 */
export function stampAddedActions(previous: Incident | undefined, next: Incident, now: Date): Incident {
  const known = new Set((previous?.actions ?? []).map((a) => a.text));
  if (next.actions.every((a) => a.added !== undefined || known.has(a.text))) return next;
  const today = now.toISOString().slice(0, 10);
  return { ...next, actions: next.actions.map((a) => (a.added !== undefined || known.has(a.text) ? a : { ...a, added: today })) };
}
