import { lstatSync } from 'node:fs';

/**
 * What `IncidentStore.list()` read from each file last time (an incident or its file's error), keyed by the file's identity and
 * change stamps (inode, size, mtime, ctime): a re-list after one file changed (the watcher's
 * refresh of a 10,000-incident view) stats every file and reads and parses only the changed one.
 *
 * The stamps are taken BEFORE the file is read, so a write racing the read leaves an entry whose
 * stamps are older than its text: the next list reads the file again, never keeps stale text.
 * The results are shared between lists: callers treat listed incidents as read-only (writes go
 * through `IncidentStore.load`/`save`, which always re-read the file).
 * One cache belongs to one incidents folder; files gone from the folder leave it on the next list.
 */
export class ListingCache<Listed> {
  private entries = new Map<string, { stamp: string; listed: Listed }>();
  private seen = new Map<string, { stamp: string; listed: Listed }>();
  /** A file was read during the list in progress (it was new, or its stamps changed). */
  private read = false;
  private _generation = 0;

  /** Counts the lists that differed from the one before (a file read, or a cached file gone): a snapshot of an older generation is out of date. */
  get generation(): number {
    return this._generation;
  }

  /**
   * Seeds an empty cache with what an earlier session listed (listingSnapshot.ts). The entries
   * are trusted only as far as their stamps: the next list stats each file as usual.
   */
  restore(entries: Iterable<readonly [absolute: string, stamp: string, listed: Listed]>): void {
    if (this.entries.size > 0) return;
    for (const [absolute, stamp, listed] of entries) this.entries.set(absolute, { stamp, listed });
  }

  /** What the last finished list kept: `[absolute, stamp, listed]`, for a snapshot. */
  kept(): [absolute: string, stamp: string, listed: Listed][] {
    return [...this.entries].map(([absolute, e]) => [absolute, e.stamp, e.listed]);
  }

  /** The stamp of `absolute` now, or undefined when it cannot be stat'ed (then it is read as usual). */
  stamp(absolute: string): string | undefined {
    try {
      const st = lstatSync(absolute, { bigint: true });
      return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    } catch {
      return undefined;
    }
  }

  /** The earlier result for this file when its stamp has not changed. */
  get(absolute: string, stamp: string | undefined): Listed | undefined {
    const entry = stamp === undefined ? undefined : this.entries.get(absolute);
    if (entry === undefined || entry.stamp !== stamp) return undefined;
    this.seen.set(absolute, entry);
    return entry.listed;
  }

  set(absolute: string, stamp: string | undefined, listed: Listed): void {
    this.read = true;
    if (stamp !== undefined) this.seen.set(absolute, { stamp, listed });
  }

  /** Ends one list: only the files it saw stay cached. */
  finish(): void {
    // Without a read, every kept entry came from `entries`: a smaller map means files were dropped.
    if (this.read || this.seen.size !== this.entries.size) this._generation++;
    this.entries = this.seen;
    this.seen = new Map();
    this.read = false;
  }
}
