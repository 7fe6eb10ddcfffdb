/**
 * What `own-it ci` remembers between runs: the failures it has already handled. A small JSON
 * file the CI cache keeps (GitHub `actions/cache`, GitLab `cache:`), so no server is needed; a
 * lost cache means one quiet baseline run, never a second comment (the marker check on GitHub
 * still stops that).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isErrno, writeFileAtomic } from '../fs/atomicWrite';

export const DEFAULT_CI_STATE_FILE = '.own-it/ci-state.json';
/** Older ids are dropped past this many; the scan window keeps them from coming back. */
const MAX_SEEN = 5000;

export interface CiState {
  version: 1;
  /** ISO 8601 time of the last run that finished. */
  lastRun: string;
  /** Finding ids (`revert:<sha>`, `rollback:<tag>`, `hotfix:<tag>`), oldest first. */
  seen: string[];
}

export class CiStateError extends Error {
  override name = 'CiStateError';
}

/** undefined when there is no state yet (the first run). @throws CiStateError for a file that is not ours */
export async function readCiState(file: string): Promise<CiState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw new CiStateError(`cannot read the state file ${file}: ${(err as Error).message}`);
  }
  try {
    const data = JSON.parse(text) as Partial<CiState>;
    if (data.version !== 1 || typeof data.lastRun !== 'string' || !Array.isArray(data.seen) || !data.seen.every((s) => typeof s === 'string')) throw new Error('unexpected shape');
    return { version: 1, lastRun: data.lastRun, seen: data.seen };
  } catch (err) {
    throw new CiStateError(`${file} is not an Own It CI state file (${(err as Error).message}); move it away, and the next run starts a new baseline`);
  }
}

export async function writeCiState(file: string, state: CiState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const seen = state.seen.slice(-MAX_SEEN);
  await writeFileAtomic(file, `${JSON.stringify({ ...state, seen }, null, 2)}\n`);
}
