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
    if (stamp !== undefined) this.seen.set(absolute, { stamp, listed });
  }

  /** Ends one list: only the files it saw stay cached. */
  finish(): void {
    this.entries = this.seen;
    this.seen = new Map();
  }
}
