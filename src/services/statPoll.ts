import * as fs from 'node:fs/promises';
import type * as vscode from 'vscode';

/** One comparable string for what `stat` says about a path; `missing` when it is gone. */
export async function fingerprint(file: string): Promise<string> {
  try {
    const s = await fs.stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return 'missing';
  }
}

export interface StatPollOptions {
  /** The paths to check; read on every tick, so it may change. */
  paths: () => readonly string[];
  /** Called once per tick in which any path changed (appeared, vanished or was written) or joined the list. */
  onChange: () => void;
  intervalMs: number;
  /** Ticks are skipped while this says false (a hidden panel); a change made meanwhile is seen on the next active tick. */
  active?: () => boolean;
}

/**
 * A safety net under VS Code's file watcher: a few `stat` calls on a timer. File events are not
 * always delivered (network drives, some containers, inotify limits, a watcher restarting while
 * other extensions change what they watch), and a panel or view that misses one would show an
 * old incident until something else refreshes it. The watcher stays the fast path; this catches
 * what it drops, within one interval. A folder's own stat changes when a file in it is created,
 * renamed or deleted (every incident save writes a temp file and renames it), so watching a
 * folder costs one `stat` per tick however many files it holds.
 */
export class StatPoll implements vscode.Disposable {
  private readonly seen = new Map<string, string>();
  private readonly timer: ReturnType<typeof setInterval>;
  private running = false;
  private disposed = false;

  constructor(private readonly options: StatPollOptions) {
    this.timer = setInterval(() => void this.tick(false), options.intervalMs);
    void this.tick(true);
  }

  private async tick(baseline: boolean): Promise<void> {
    if (this.running || this.disposed || (!baseline && this.options.active && !this.options.active())) return;
    this.running = true;
    try {
      const paths = this.options.paths();
      let changed = false;
      for (const p of paths) {
        const now = await fingerprint(p);
        const before = this.seen.get(p);
        if (before !== now) {
          // A path added to the list later counts as a change: whatever was read from it before
          // this first look may already be stale.
          if (before !== undefined || !baseline) changed = true;
          this.seen.set(p, now);
        }
      }
      for (const p of [...this.seen.keys()]) if (!paths.includes(p)) this.seen.delete(p);
      if (changed && !this.disposed) this.options.onChange();
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.timer);
  }
}
