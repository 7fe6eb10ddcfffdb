/**
 * What a scaffold needs from an incident file, read through the incident store (one parser, and
 * the store's checks: the file must be a regular file inside the repository's incidents folder,
 * no symlink out, no FIFO or device, size-capped). A file that is missing or does not parse gives
 * undefined; an unsafe one throws the store's error, which says why.
 */
import * as path from 'node:path';
import { IncidentFileError } from '../incidents/errors';
import { DEFAULT_INCIDENTS_FOLDER, IncidentStore, type StoredIncident } from '../incidents/incidentStore';

/** The little a scaffold needs from an incident file: its title, what happened, and the commits it names. */
export interface IncidentInfo {
  /** Repository-relative path, forward slashes. */
  path: string;
  title?: string;
  whatHappened?: string;
  culprits: string[];
  revert?: string;
}

function toInfo(stored: StoredIncident): IncidentInfo {
  const { incident } = stored;
  const firstParagraph = incident.sections.whatHappened
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim())
    .find((p) => p.length > 0);
  return {
    path: stored.relativePath,
    ...(incident.title ? { title: incident.title } : {}),
    ...(firstParagraph ? { whatHappened: firstParagraph } : {}),
    culprits: incident.culprits,
    ...(incident.revert !== undefined ? { revert: incident.revert } : {}),
  };
}

/** Reads an incident file; `incidentPath` may be repository-relative or absolute. Undefined when missing or malformed. */
export async function readIncidentInfo(repoRoot: string, incidentPath: string): Promise<IncidentInfo | undefined> {
  const abs = path.resolve(repoRoot, incidentPath);
  const folder = path.relative(repoRoot, path.dirname(abs)).split(path.sep).join('/');
  try {
    return toInfo(await new IncidentStore(repoRoot, folder || '.').load(abs));
  } catch (err) {
    if (err instanceof IncidentFileError || (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The incident in `folder` whose culprits or revert name `sha` (full or abbreviated), if any. */
export async function findIncidentForCommit(repoRoot: string, sha: string, folder = DEFAULT_INCIDENTS_FOLDER): Promise<IncidentInfo | undefined> {
  const found = await new IncidentStore(repoRoot, folder).findByCommit(sha);
  return found ? toInfo(found) : undefined;
}
