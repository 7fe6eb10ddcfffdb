/**
 * Linked regression tests: an incident's test action items point at files, and each file says
 * whether the test is still the scaffolded placeholder, written, or gone. Read by the incident
 * panel, the incident views and the prevention reminders. No vscode import.
 */
import { readRepoText } from '../core/fs/repoFiles';
import * as path from 'node:path';
import type { ActionItem, Incident, LinkedTestStatus } from '../core/incidents/model';
import { PLACEHOLDER_MARKER } from '../core/scaffold/types';

/** Absolute path of a repository-relative one, or undefined when it would leave the repository. */
export function insideRepo(repoRoot: string, relative: string): string | undefined {
  const absolute = path.resolve(repoRoot, relative);
  const rel = path.relative(repoRoot, absolute);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : absolute;
}

/** A scaffolded test is pending while it still holds the placeholder; a missing file protects nothing. */
export async function linkedTestStatus(repoRoot: string, relative: string): Promise<LinkedTestStatus> {
  const absolute = insideRepo(repoRoot, relative);
  if (!absolute) return 'missing';
  try {
    // The same rule as the core's scaffoldStatus, without loading the scaffold bundle.
    // Through repoFiles: a linked "test" that is a symlink to /dev/zero or a FIFO is missing, not read.
    const text = await readRepoText(repoRoot, absolute);
    return text === undefined ? 'missing' : text.includes(PLACEHOLDER_MARKER) ? 'pending' : 'done';
  } catch {
    return 'missing';
  }
}

/** Test action items linked to a file: their `done` comes from that file, whatever the incident file says. */
export function isDerivedAction(action: ActionItem): action is ActionItem & { path: string } {
  return action.kind === 'test' && typeof action.path === 'string' && action.path.length > 0;
}

/** Linked test statuses already read (or being read) during one listing, by absolute path. */
export type LinkedTestReads = Map<string, Promise<LinkedTestStatus>>;

/**
 * The incident with each linked test's status read from disk. The result is for display; it is
 * never saved. With `reads`, a test file that many incidents link is read once.
 */
export async function deriveIncident(repoRoot: string, incident: Incident, reads?: LinkedTestReads): Promise<Incident> {
  if (!incident.actions.some(isDerivedAction)) return incident;
  const statusOf = (relative: string): Promise<LinkedTestStatus> => {
    if (!reads) return linkedTestStatus(repoRoot, relative);
    const key = path.resolve(repoRoot, relative);
    let status = reads.get(key);
    if (!status) reads.set(key, (status = linkedTestStatus(repoRoot, relative)));
    return status;
  };
  const actions = await Promise.all(
    incident.actions.map(async (a) => {
      if (!isDerivedAction(a)) return a;
      const done = (await statusOf(a.path)) === 'done';
      return done === a.done ? a : { ...a, done };
    }),
  );
  if (actions.every((a, i) => a === incident.actions[i])) return incident;
  // A copy of the property descriptors, not a spread: a listed incident reads its body sections
  // only when asked (listingParser.ts), and a spread would read them for every incident.
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(incident)) as Incident;
  copy.actions = actions;
  return copy;
}

/** Status of every linked test of an incident, keyed by its repository-relative path. */
export async function linkedTestStatuses(repoRoot: string, actions: readonly ActionItem[]): Promise<Record<string, LinkedTestStatus>> {
  const out: Record<string, LinkedTestStatus> = {};
  for (const a of actions) if (isDerivedAction(a)) out[a.path] = await linkedTestStatus(repoRoot, a.path);
  return out;
}
