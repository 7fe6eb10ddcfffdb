/**
 * Incident files on disk: `<repo>/<folder>/YYYY-MM-DD-<slug>.md`.
 *
 * - Reads never fail as a whole: `list()` returns the good incidents and, separately, one
 *   IncidentFileError per malformed file (with file:line).
 * - Writes are atomic, never clobber another file (name clashes get `-2`, `-3`…), stay inside
 *   the repository (symlinks resolved), and use optimistic concurrency: `save()` refuses with an
 *   IncidentConflictError when the file changed since it was loaded, so no edit is ever lost.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createFileWithUniqueName, isErrno, writeFileAtomic } from '../fs/atomicWrite';
import { resolveFolderInside, UnsafeFolderError, validateRelativeFolder } from '../fs/safeFolder';
import { IncidentConflictError, IncidentFileError } from './errors';
import { newIncident, parseIncident, serializeIncident, type IncidentDraft } from './incidentFile';
import { parseIncidentForListing } from './listingParser';
import type { Incident } from './model';
import { stampAddedActions } from './actionAdded';
import { slugify } from './slug';
import { mapInSlices } from './timeSlices';

export const DEFAULT_INCIDENTS_FOLDER = 'docs/incidents';

/** Only files named like incidents are incidents; a README.md next to them is left alone. */
export const INCIDENT_FILE_PATTERN = /^\d{4}-\d{2}-\d{2}-.+\.md$/i;

export interface StoredIncident {
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the repository root, with `/` separators. */
  relativePath: string;
  incident: Incident;
  /** The exact text the incident was parsed from; `save()` edits this text minimally. */
  raw: string;
  /** sha256 of `raw`; changes whenever the file's bytes change. */
  version: string;
}

export function contentVersion(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

export class IncidentStore {
  readonly folder: string;

  /** Throws UnsafeFolderError when `folder` is absolute, contains `..`, or is inside .git. */
  constructor(
    readonly repoRoot: string,
    folder: string = DEFAULT_INCIDENTS_FOLDER,
  ) {
    this.folder = validateRelativeFolder(folder);
  }

  /** Absolute path of the incidents folder (it may not exist yet). */
  get folderPath(): string {
    return path.join(this.repoRoot, ...this.folder.split('/'));
  }

  /** All incident files, newest name first. A missing folder means no incidents. */
  async list(): Promise<{ incidents: StoredIncident[]; errors: IncidentFileError[] }> {
    const real = await resolveFolderInside(this.repoRoot, this.folder, false);
    if (!real) return { incidents: [], errors: [] };
    const entries = await fs.readdir(real, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && INCIDENT_FILE_PATTERN.test(e.name))
      .map((e) => e.name)
      .sort()
      .reverse();
    const results = await mapInSlices(names, (name) => {
      try {
        return this.readListed(path.join(this.folderPath, name));
      } catch (err) {
        if (err instanceof IncidentFileError) return err;
        // A file deleted between readdir and read is simply gone; anything else is reported.
        if (isErrno(err, 'ENOENT')) return undefined;
        return new IncidentFileError(this.relative(path.join(this.folderPath, name)), [{ line: 1, message: `cannot be read: ${errMessage(err)}` }]);
      }
    });
    const incidents: StoredIncident[] = [];
    const errors: IncidentFileError[] = [];
    for (const r of results) {
      if (r instanceof IncidentFileError) errors.push(r);
      else if (r) incidents.push(r);
    }
    return { incidents, errors };
  }

  /** Loads one incident file (absolute or repo-relative path) from the incidents folder. */
  async load(filePath: string): Promise<StoredIncident> {
    const absolute = path.resolve(this.repoRoot, filePath);
    await this.assertInFolder(absolute);
    return this.read(absolute);
  }

  /** Writes a new incident file with defaults from `newIncident`; never overwrites an existing file. */
  async create(draft: IncidentDraft, now: Date = new Date()): Promise<StoredIncident> {
    const incident = stampAddedActions(undefined, newIncident(draft, now), now);
    const raw = serializeIncident(incident);
    await this.ensureFolder();
    const day = /^\d{4}-\d{2}-\d{2}/.exec(incident.detected)?.[0] ?? now.toISOString().slice(0, 10);
    let written: string;
    try {
      written = await createFileWithUniqueName(this.folderPath, `${day}-${slugify(incident.title)}`, '.md', raw);
    } catch (err) {
      throw writeError(this.folder, err);
    }
    return { path: written, relativePath: this.relative(written), incident: parseIncident(raw, this.relative(written)), raw, version: contentVersion(raw) };
  }

  /**
   * Saves `next` over the file `stored` was loaded from, changing only what differs.
   * Throws IncidentConflictError (and writes nothing) if the file changed on disk since.
   * Saving an unchanged incident writes nothing and returns `stored`.
   */
  async save(stored: StoredIncident, next: Incident): Promise<StoredIncident> {
    let folderGone = false;
    await this.assertInFolder(stored.path).catch((err: unknown) => {
      if (!isErrno(err, 'ENOENT')) throw err;
      folderGone = true;
    });
    const mine = serializeIncident(stampAddedActions(stored.incident, next, new Date()), stored.raw);
    const current = folderGone ? undefined : await readIfExists(stored.path);
    if (current !== stored.raw) {
      let theirs: Incident | undefined;
      try {
        theirs = current === undefined ? undefined : parseIncident(current, stored.relativePath);
      } catch {
        theirs = undefined;
      }
      throw new IncidentConflictError(stored.relativePath, stored.raw, mine, { raw: current, incident: theirs });
    }
    if (mine === stored.raw) return stored;
    try {
      await writeFileAtomic(stored.path, mine);
    } catch (err) {
      throw writeError(stored.relativePath, err);
    }
    return { ...stored, incident: parseIncident(mine, stored.relativePath), raw: mine, version: contentVersion(mine) };
  }

  /** The newest incident whose culprits or revert match `sha` (full or abbreviated, at least 7 characters). */
  async findByCommit(sha: string): Promise<StoredIncident | undefined> {
    const wanted = sha.trim().toLowerCase();
    if (!/^[0-9a-f]{7,64}$/.test(wanted)) return undefined;
    const same = (candidate: string | undefined): boolean => {
      const c = candidate?.trim().toLowerCase();
      return !!c && c.length >= 7 && (c.startsWith(wanted) || wanted.startsWith(c));
    };
    const { incidents } = await this.list();
    return incidents.find((s) => same(s.incident.revert) || s.incident.culprits.some(same));
  }

  private async read(absolute: string): Promise<StoredIncident> {
    const relativePath = this.relative(absolute);
    const raw = await fs.readFile(absolute, 'utf8');
    return { path: absolute, relativePath, incident: parseIncident(raw, relativePath), raw, version: contentVersion(raw) };
  }

  /**
   * One file of list(): the listing fast path (same result as parseIncident; load() and save()
   * always parse in full), read synchronously on purpose — for these small files
   * fs.promises.readFile costs ~0.1 ms of main-thread time each (open, fstat, read and close are
   * separate round trips), ~10× readFileSync; mapInSlices keeps each stretch short.
   */
  private readListed(absolute: string): StoredIncident {
    const relativePath = this.relative(absolute);
    const raw = readFileSync(absolute, 'utf8');
    return { path: absolute, relativePath, incident: parseIncidentForListing(raw, relativePath), raw, version: contentVersion(raw) };
  }

  private relative(absolute: string): string {
    return path.relative(this.repoRoot, absolute).split(path.sep).join('/');
  }

  private async ensureFolder(): Promise<string> {
    try {
      return (await resolveFolderInside(this.repoRoot, this.folder, true)) as string;
    } catch (err) {
      if (err instanceof UnsafeFolderError) throw err;
      throw writeError(this.folder, err);
    }
  }

  private async assertInFolder(absolute: string): Promise<void> {
    const real = await resolveFolderInside(this.repoRoot, this.folder, false);
    if (!real && path.dirname(path.resolve(absolute)) === this.folderPath) {
      // A branch switch removed the whole folder: the file is missing, like a deleted file, so
      // callers offer to write the person's text again instead of reporting an unsafe path.
      throw Object.assign(new Error(`${this.relative(absolute)} does not exist any more: the folder ${this.folder} was removed`), { code: 'ENOENT' });
    }
    const dir = await fs.realpath(path.dirname(absolute)).catch(() => undefined);
    // The file itself may be a symlink a repository planted (`docs/incidents/x.md -> ~/.ssh/id_rsa`):
    // reading through it would show a file from outside the repository in the panel.
    const file = await fs.realpath(absolute).catch(() => undefined);
    if (!real || dir !== real || (file !== undefined && path.dirname(file) !== real)) {
      throw new UnsafeFolderError(`${absolute} is not in the incidents folder ${this.folder}; Own It only reads and writes incident files there.`);
    }
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turns EACCES/EROFS into a sentence a person can act on. */
function writeError(where: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied — the folder is read-only or owned by another user; make it writable and save again'
      : code === 'EROFS'
        ? 'the file system is read-only; save again once it is writable'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full; free some space and save again'
          : errMessage(err);
  return new Error(`Could not write the incident to ${where}: ${reason}. Nothing was changed.`, { cause: err });
}
