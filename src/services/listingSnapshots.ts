/**
 * The incident list's first read after a start: each incidents folder's listing cache is seeded
 * from the snapshot an earlier session wrote (core listingSnapshot.ts), so the first list stats the
 * files and reads only those that changed meanwhile, instead of reading and parsing all of them.
 * After a list that changed something the snapshot is written again, later and in the background.
 * The Incidents view's first screen (firstScreen.ts) is kept on the same schedule.
 * No vscode import.
 */
import * as path from 'node:path';
import { IncidentFileError } from '../core/incidents/errors';
import type { ListedIncident } from '../core/incidents/incidentStore';
import type { ListingCache } from '../core/incidents/listingCache';
import { readListingSnapshot, writeListingSnapshot, type SnapshotEntry, type SnapshotOwner } from '../core/incidents/listingSnapshot';
import { encodeFirstScreen, groupIncidents, INCIDENT_PAGE_ROWS, readFirstScreen, writeFirstScreen, type IncidentGroups, type ScreenFolder } from './firstScreen';
import type { IndexedIncident, IndexProblem } from './indexedIncident';

export type FolderListingCache = ListingCache<ListedIncident | IncidentFileError>;

/** What a list does with snapshots (listIncidents calls these); `folder` is the absolute incidents folder. */
export interface ListingSnapshotHooks {
  /** Called once for a new cache, before its first list; true when a snapshot seeded it. */
  restore(repoRoot: string, folder: string, cache: FolderListingCache): Promise<boolean>;
  /** Called after each list of the cache. */
  listed(folder: string, cache: FolderListingCache): void;
}

/** Snapshots are written this long after the last list that changed something: never during a burst. */
const WRITE_DELAY_MS = 3000;
/**
 * ...but no later than this after the first change waiting to be written: a stream of file
 * events (a checkout of thousands of incident files, seen for minutes in the host benchmark)
 * re-lists every few seconds and would otherwise postpone the snapshot for as long as it lasts.
 */
const MAX_WRITE_WAIT_MS = 30_000;

export class ListingSnapshots implements ListingSnapshotHooks {
  /** The cache generation each snapshot on disk holds. */
  private readonly onDisk = new WeakMap<FolderListingCache, number>();
  private readonly due = new Map<string, FolderListingCache>();
  /** The Incidents view's first screen as on disk (read or written), and one waiting to be written. */
  private screenOnDisk: string | undefined;
  private screenDue: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet written was listed (Date.now()). */
  private waitingSince: number | undefined;
  private writing: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    /** The extension's workspace storage folder. */
    private readonly storageDir: string,
    /** Which build wrote a snapshot: another build's is not used (it may parse differently). */
    private readonly producer: string,
    private readonly delayMs: number = WRITE_DELAY_MS,
    private readonly maxWaitMs: number = MAX_WRITE_WAIT_MS,
  ) {}

  private owner(folder: string): SnapshotOwner {
    return { folder, producer: this.producer };
  }

  async restore(repoRoot: string, folder: string, cache: FolderListingCache): Promise<boolean> {
    const entries = await readListingSnapshot(this.storageDir, this.owner(folder));
    if (!entries) return false;
    // Names have no separators (decodeListingSnapshot checks): the same paths the store builds, without path calls per file.
    const relativeFolder = path.relative(repoRoot, folder).split(path.sep).join('/');
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    cache.restore(
      entries.map((e) => {
        const absolute = prefix + e.name;
        const listed: ListedIncident = { path: absolute, relativePath: relativeFolder ? `${relativeFolder}/${e.name}` : e.name, incident: e.incident };
        return [absolute, e.stamp, listed] as const;
      }),
    );
    this.onDisk.set(cache, cache.generation);
    return true;
  }

  listed(folder: string, cache: FolderListingCache): void {
    if (this.disposed || this.onDisk.get(cache) === cache.generation) return;
    this.due.set(folder, cache);
    this.schedule();
  }

  /** The Incidents view's first screen an earlier session kept for these folders (firstScreen.ts), or undefined. */
  async readFirstScreen(folders: readonly ScreenFolder[]): Promise<IncidentGroups | undefined> {
    const kept = await readFirstScreen(this.storageDir, { producer: this.producer, folders });
    if (kept) this.screenOnDisk ??= kept.text;
    return kept?.groups;
  }

  /** Keeps the first screen of a checked list, with the snapshots; nothing is written when its rows are those kept. */
  firstScreenListed(folders: readonly ScreenFolder[], list: { incidents: readonly IndexedIncident[]; problems: readonly IndexProblem[] }): void {
    if (this.disposed) return;
    const text = encodeFirstScreen({ producer: this.producer, folders }, groupIncidents(list, INCIDENT_PAGE_ROWS));
    if (text === (this.screenDue ?? this.screenOnDisk)) return;
    this.screenDue = text;
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    this.waitingSince ??= now;
    // Postponed while lists keep coming, up to maxWaitMs after the first change waiting.
    if (this.timer && now - this.waitingSince >= this.maxWaitMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.waitingSince = undefined;
      this.writing = this.writing.then(() => this.writeDue());
    }, Math.max(0, Math.min(this.delayMs, this.waitingSince + this.maxWaitMs - now)));
    // A pending snapshot never keeps the process alive.
    this.timer.unref?.();
  }

  /** Resolves when the snapshots due so far are written (tests, and a clean shutdown). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.waitingSince = undefined;
      this.writing = this.writing.then(() => this.writeDue());
    }
    await this.writing;
  }

  private async writeDue(): Promise<void> {
    const due = [...this.due];
    this.due.clear();
    const screen = this.screenDue;
    this.screenDue = undefined;
    if (screen !== undefined) {
      await writeFirstScreen(this.storageDir, screen).then(
        () => (this.screenOnDisk = screen),
        () => undefined, // Only a cache: without it the next start waits for the list.
      );
    }
    for (const [folder, cache] of due) {
      const generation = cache.generation;
      const entries: SnapshotEntry[] = [];
      for (const [absolute, stamp, listed] of cache.kept()) {
        // Broken files are not kept: the next session reads them and reports them again.
        if (!(listed instanceof IncidentFileError) && path.dirname(absolute) === folder) entries.push({ name: path.basename(absolute), stamp, incident: listed.incident });
      }
      try {
        await writeListingSnapshot(this.storageDir, this.owner(folder), entries);
        this.onDisk.set(cache, generation);
      } catch {
        // Only a cache: without it the next session reads every file, as it would anyway.
      }
    }
  }

  /**
   * Stops taking new lists. A snapshot still due is written now rather than dropped: a window
   * closed or reloaded within the write delay would otherwise keep the older snapshot, and the
   * next start would read every file it lacks again (the host benchmark's reloads did, each time).
   * The write is atomic (temp + rename): one cut short by the process ending leaves the old file.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.flush();
  }
}
