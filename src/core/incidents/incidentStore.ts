/**
 * Incident files on disk: `<repo>/<folder>/YYYY-MM-DD-<slug>.md`.
 *
 * - Reads never fail as a whole: `list()` returns the good incidents and, separately, one
 *   IncidentFileError per malformed file (with file:line).
 * - Writes are atomic, never clobber another file (name clashes get `-2`, `-3`…), stay inside
 *   the repository (symlinks resolved) and keep the file's mode. `save()` holds a lock per file
 *   (fileLock.ts) across read → merge → rename, and when the file changed since it was loaded it
 *   merges three ways (merge.ts) instead of overwriting, so no process loses another's edit.
 *   Only a deleted or unreadable file is an IncidentConflictError.
 * - Bytes nobody edited are written back as they were, invalid UTF-8 included (bytesText.ts).
 * - Temp and lock files a crashed writer left behind are removed on the next start (list()).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createFileWithUniqueName, FileChangedError, isErrno, removeLeftoverTemps } from '../fs/atomicWrite';
import { encodeText } from '../fs/bytesText';
import { removeStaleLocks, withFileLock } from '../fs/fileLock';
import { readListedFileSync, readRepoFile, writeRepoFile, type RepoFileContent } from '../fs/repoFiles';
import { resolveFolderInside, UnsafeFolderError, validateRelativeFolder } from '../fs/safeFolder';
import { IncidentConflictError, IncidentFileError } from './errors';
import { newIncident, parseIncident, serializeIncident, type IncidentDraft } from './incidentFile';
import type { ListingCache } from './listingCache';
import { parseIncidentForListing } from './listingParser';
import { mergeIncidents, type MergeConflict } from './merge';
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
  /** sha256 of the file's bytes; changes whenever they change. */
  version: string;
}

/** What a cached list keeps of each file: enough to show it; opening or saving reads the file again. */
export type ListedIncident = Pick<StoredIncident, 'path' | 'relativePath' | 'incident'>;

/** What save() wrote: the merged incident when the file had changed, and any field both sides changed. */
export interface SavedIncident extends StoredIncident {
  /** Fields changed both here and on disk; prose kept both texts, values kept mine (see merge.ts). */
  conflicts: MergeConflict[];
  /** True when the file had changed since `stored` and the save merged with it. */
  merged: boolean;
}

export function contentVersion(raw: string): string {
  return createHash('sha256').update(encodeText(raw)).digest('hex');
}

/** How often save() merges again when a writer that takes no lock replaced the file mid-save. */
const SAVE_ATTEMPTS = 8;

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

  /**
   * All incident files, newest name first. A missing folder means no incidents. With a `cache`
   * (one per folder, kept by the caller), files whose stamps have not changed since the last list
   * are not read again (listingCache.ts), and each file is kept without its text: a cached list
   * can come from an earlier session's snapshot (listingSnapshot.ts).
   */
  async list(options: { cache?: ListingCache<ListedIncident | IncidentFileError> }): Promise<{ incidents: ListedIncident[]; errors: IncidentFileError[] }>;
  async list(): Promise<{ incidents: StoredIncident[]; errors: IncidentFileError[] }>;
  async list(options: { cache?: ListingCache<ListedIncident | IncidentFileError> } = {}): Promise<{ incidents: ListedIncident[]; errors: IncidentFileError[] }> {
    const cache = options.cache;
    const real = await resolveFolderInside(this.repoRoot, this.folder, false);
    if (!real) {
      cache?.finish();
      return { incidents: [], errors: [] };
    }
    await this.cleanLeftovers(real);
    const entries = await fs.readdir(real, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && INCIDENT_FILE_PATTERN.test(e.name))
      .map((e) => e.name)
      .sort()
      .reverse();
    const folder = this.folderPath;
    const results = await mapInSlices(names, (name) => {
      const absolute = path.join(folder, name);
      if (!cache) return this.readListedOrError(absolute);
      const stamp = cache.stamp(absolute);
      const known = cache.get(absolute, stamp);
      if (known) return known;
      const read = this.readListedOrError(absolute);
      const listed = read && !(read instanceof IncidentFileError) ? { path: read.path, relativePath: read.relativePath, incident: read.incident } : read;
      if (listed) cache.set(absolute, stamp, listed);
      return listed;
    });
    cache?.finish();
    const incidents: ListedIncident[] = [];
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
   * Saves `next`, which was edited from `stored`, changing only what differs. If the file changed
   * on disk since `stored` was read, the two are merged three ways (merge.ts) and the merge is
   * written; the result says so and lists fields both sides changed. Throws
   * IncidentConflictError (and writes nothing) only when the file was deleted or no longer parses.
   * Saving an unchanged incident over an unchanged file writes nothing.
   */
  async save(stored: StoredIncident, next: Incident): Promise<SavedIncident> {
    let folderGone = false;
    await this.assertInFolder(stored.path).catch((err: unknown) => {
      if (!isErrno(err, 'ENOENT')) throw err;
      folderGone = true;
    });
    // Action items new in this edit get their `added:` date (Insights counts an item's age from it).
    const stamped = stampAddedActions(stored.incident, next, new Date());
    const mine = serializeIncident(stamped, stored.raw);
    if (folderGone) throw new IncidentConflictError(stored.relativePath, stored.raw, mine, { raw: undefined, incident: undefined });
    await this.cleanLeftovers(path.dirname(stored.path));
    try {
      return await withFileLock(stored.path, async () => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await this.saveLocked(stored, stamped, mine);
          } catch (err) {
            // A writer that takes no lock (an editor, git) replaced the file between our read and
            // our rename: nothing was written, so read it again and merge with it.
            if (!(err instanceof FileChangedError) || attempt >= SAVE_ATTEMPTS) throw err;
          }
        }
      });
    } catch (err) {
      if (err instanceof IncidentConflictError || err instanceof IncidentFileError) throw err;
      throw writeError(stored.relativePath, err);
    }
  }

  private async saveLocked(stored: StoredIncident, next: Incident, mine: string): Promise<SavedIncident> {
    const current = await readRepoFile(this.repoRoot, stored.path);
    if (current === undefined) throw new IncidentConflictError(stored.relativePath, stored.raw, mine, { raw: undefined, incident: undefined });
    let text = mine;
    let merged = false;
    let conflicts: MergeConflict[] = [];
    if (current.text !== stored.raw) {
      let theirs: Incident;
      try {
        theirs = parseIncident(current.text, stored.relativePath);
      } catch {
        throw new IncidentConflictError(stored.relativePath, stored.raw, mine, { raw: current.text, incident: undefined });
      }
      const result = mergeIncidents(stored.incident, next, theirs);
      text = serializeIncident(result.merged, current.text);
      merged = true;
      conflicts = result.conflicts;
    }
    if (text !== current.text) await writeRepoFile(this.repoRoot, stored.path, encodeText(text), { unchangedSince: current.stat });
    return { ...stored, incident: parseIncident(text, stored.relativePath), raw: text, version: contentVersion(text), merged, conflicts };
  }

  /** Temp and lock files of writers that crashed (kill -9, power loss); live writers' files stay. Once per store. */
  private async cleanLeftovers(dir: string): Promise<void> {
    if (this.cleaned.has(dir)) return;
    this.cleaned.add(dir);
    await removeLeftoverTemps(dir);
    await removeStaleLocks(dir);
  }

  private readonly cleaned = new Set<string>();

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
    const content: RepoFileContent | undefined = await readRepoFile(this.repoRoot, absolute);
    if (!content) throw Object.assign(new Error(`${relativePath} does not exist`), { code: 'ENOENT' });
    const raw = content.text;
    return { path: absolute, relativePath, incident: parseIncident(raw, relativePath), raw, version: contentVersion(raw) };
  }

  /**
   * One file of list(): the listing fast path (same result as parseIncident; load() and save()
   * always parse in full), read synchronously on purpose — for these small files
   * fs.promises.readFile costs ~0.1 ms of main-thread time each (open, fstat, read and close are
   * separate round trips), ~10× readFileSync; mapInSlices keeps each stretch short.
   */
  private readListedOrError(absolute: string): StoredIncident | IncidentFileError | undefined {
    try {
      return this.readListed(absolute);
    } catch (err) {
      if (err instanceof IncidentFileError) return err;
      // A file deleted between readdir and read is simply gone; anything else is reported.
      if (isErrno(err, 'ENOENT')) return undefined;
      return new IncidentFileError(this.relative(absolute), [{ line: 1, message: `cannot be read: ${errMessage(err)}` }]);
    }
  }

  private readListed(absolute: string): StoredIncident {
    const relativePath = this.relative(absolute);
    const raw = readListedFileSync(absolute, relativePath);
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
