import type { MetricsReport } from '../core/metrics';

/** `vscode.Event`'s shape; this service needs nothing else from VS Code, so it is unit-tested without it. */
type Event<T> = (listener: (e: T) => unknown) => { dispose(): unknown };

/** The events that can change what history says. */
export interface HistoryFactsSources {
  /** Any change in a repository's git dir: HEAD, refs (new tags, resets, fetches), debounced. */
  onDidChangeRepository: Event<{ root: string }>;
  /** The incident files changed (the metrics read them). */
  onDidChangeIncidents: Event<void>;
  /** Our settings changed (deploy tag pattern, incidents folder). */
  onDidChangeSettings: Event<void>;
}

type ComputeMetrics = (repoRoot: string, since?: string) => Promise<MetricsReport>;

interface Entry {
  value: Promise<MetricsReport>;
  /** The last value that arrived, kept after an invalidation so a view can draw it at once. */
  settled?: MetricsReport;
  stale: boolean;
}

/**
 * History facts several features read, computed once per repository and kept until that
 * repository's own events say they may have changed, instead of once per click: Insights (its
 * panel, Show Insights, the export) asks here for the metrics, which read the whole history,
 * every deploy tag and every incident file. A value made stale by an event is still offered
 * through {@link peekMetrics}, so a panel draws the last known facts at once and fills in the
 * fresh ones when they arrive.
 *
 * The window start (`since`) is keyed by its day: a panel opened again later the same day shows
 * the same computation rather than a new one for a window a few minutes shorter.
 */
export class HistoryFacts {
  private readonly entries = new Map<string, Entry>();
  private readonly disposables: { dispose(): unknown }[] = [];

  constructor(
    sources: HistoryFactsSources,
    private readonly compute: ComputeMetrics,
  ) {
    this.disposables.push(
      sources.onDidChangeRepository((repo) => this.invalidate(repo.root)),
      sources.onDidChangeIncidents(() => this.invalidate()),
      sources.onDidChangeSettings(() => this.invalidate()),
    );
  }

  /** The metrics of `repoRoot` from `since`: the kept computation while nothing changed, else a new one. */
  metrics(repoRoot: string, since?: string): Promise<MetricsReport> {
    const key = keyOf(repoRoot, since);
    const entry = this.entries.get(key);
    if (entry && !entry.stale) return entry.value;
    const value = this.compute(repoRoot, since);
    const next: Entry = { value, settled: entry?.settled, stale: false };
    this.entries.set(key, next);
    value.then(
      (report) => {
        next.settled = report;
      },
      () => {
        // A failure is not kept: the next ask tries again.
        if (this.entries.get(key) === next) this.entries.set(key, { ...next, stale: true });
      },
    );
    return value;
  }

  /** The last metrics computed for this key, fresh or not (undefined before the first arrived). */
  peekMetrics(repoRoot: string, since?: string): MetricsReport | undefined {
    return this.entries.get(keyOf(repoRoot, since))?.settled;
  }

  /** Marks a repository's facts (or all) stale; the next ask computes them again. */
  invalidate(repoRoot?: string): void {
    for (const [key, entry] of this.entries) {
      if (repoRoot === undefined || key.startsWith(`${repoRoot}\0`)) entry.stale = true;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.entries.clear();
  }
}

function keyOf(repoRoot: string, since: string | undefined): string {
  return `${repoRoot}\0${since === undefined ? '' : since.slice(0, 10)}`;
}
