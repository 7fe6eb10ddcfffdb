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

type ComputeMetrics = (repoRoot: string, since: string | undefined, signal: AbortSignal) => Promise<MetricsReport>;

/**
 * Reports kept between sessions (core/metrics/storedReport.ts): each is tied to a fingerprint of
 * what it was computed from (refs, incident files, settings, day), taken when its computation
 * started, and served only while the fingerprint is unchanged.
 */
export interface KeptReports {
  /** The fingerprint of the repository's state now; undefined when it cannot be taken. */
  fingerprint(repoRoot: string, since: string | undefined): Promise<string | undefined>;
  read(repoRoot: string, since: string | undefined, fingerprint: string): Promise<MetricsReport | undefined>;
  write(repoRoot: string, since: string | undefined, fingerprint: string, report: MetricsReport): Promise<void>;
}

interface Entry {
  value: Promise<MetricsReport>;
  /** The last value that arrived, kept after an invalidation so a view can draw it at once. */
  settled?: MetricsReport;
  stale: boolean;
  /** Ends the computation's git processes. */
  controller: AbortController;
  /** Callers waiting with a signal that has not fired. */
  waiting: number;
  /** Someone waits without a signal (an export, a test): the computation is never cancelled. */
  pinned: boolean;
  done: boolean;
}

/**
 * History facts several features read, computed once per repository and kept until that
 * repository's own events say they may have changed, instead of once per click: Insights (its
 * panel, Show Insights, the export) asks here for the metrics, which read the whole history,
 * every deploy tag and every incident file. A value made stale by an event is still offered
 * through {@link peekMetrics}, so a panel draws the last known facts at once and fills in the
 * fresh ones when they arrive; after a restart {@link storedMetrics} offers the report kept on
 * disk while its fingerprint still matches.
 *
 * A computation is cancelled (its git processes ended) when every caller that asked for it with
 * a signal has given up (the Insights panel closed) and nobody asked without one.
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
    private readonly kept?: KeptReports,
  ) {
    this.disposables.push(
      sources.onDidChangeRepository((repo) => this.invalidate(repo.root)),
      sources.onDidChangeIncidents(() => this.invalidate()),
      sources.onDidChangeSettings(() => this.invalidate()),
    );
  }

  /**
   * The metrics of `repoRoot` from `since`: the kept computation while nothing changed, else a new
   * one. With a `signal`, this caller may give up: the computation stops when all such callers did.
   */
  metrics(repoRoot: string, since?: string, signal?: AbortSignal): Promise<MetricsReport> {
    const key = keyOf(repoRoot, since);
    const entry = this.entries.get(key);
    if (entry && !entry.stale) {
      this.join(key, entry, signal);
      return entry.value;
    }
    const controller = new AbortController();
    const fingerprint = this.kept ? this.kept.fingerprint(repoRoot, since).catch(() => undefined) : Promise.resolve(undefined);
    const value = this.compute(repoRoot, since, controller.signal);
    const next: Entry = { value, settled: entry?.settled, stale: false, controller, waiting: 0, pinned: false, done: false };
    this.entries.set(key, next);
    this.join(key, next, signal);
    value.then(
      (report) => {
        next.done = true;
        next.settled = report;
        void fingerprint.then((f) => (f && this.kept ? this.kept.write(repoRoot, since, f, report) : undefined)).catch(() => undefined);
      },
      () => {
        next.done = true;
        // A failure (or a cancel) is not kept: the next ask tries again.
        if (this.entries.get(key) === next) this.entries.set(key, { ...next, stale: true });
      },
    );
    return value;
  }

  private join(key: string, entry: Entry, signal: AbortSignal | undefined): void {
    if (!signal) {
      entry.pinned = true;
      return;
    }
    if (signal.aborted) return this.release(key, entry);
    entry.waiting++;
    signal.addEventListener(
      'abort',
      () => {
        entry.waiting--;
        this.release(key, entry);
      },
      { once: true },
    );
  }

  private release(key: string, entry: Entry): void {
    if (entry.done || entry.pinned || entry.waiting > 0) return;
    entry.controller.abort();
    if (this.entries.get(key) === entry) this.entries.set(key, { ...entry, stale: true, done: true });
  }

  /** The last metrics computed for this key, fresh or not (undefined before the first arrived). */
  peekMetrics(repoRoot: string, since?: string): MetricsReport | undefined {
    return this.entries.get(keyOf(repoRoot, since))?.settled;
  }

  /**
   * What is known without computing: the last metrics of this session ({@link peekMetrics}),
   * else the report kept on disk if the repository, its incidents and settings are as they were
   * when it was computed (one `git show-ref`, a stat per incident file). Undefined otherwise.
   */
  async storedMetrics(repoRoot: string, since?: string): Promise<MetricsReport | undefined> {
    const known = this.peekMetrics(repoRoot, since);
    if (known || !this.kept) return known;
    try {
      const fingerprint = await this.kept.fingerprint(repoRoot, since);
      return fingerprint ? await this.kept.read(repoRoot, since, fingerprint) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Marks a repository's facts (or all) stale; the next ask computes them again. */
  invalidate(repoRoot?: string): void {
    for (const [key, entry] of this.entries) {
      if (repoRoot === undefined || key.startsWith(`${repoRoot}\0`)) entry.stale = true;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const entry of this.entries.values()) if (!entry.done) entry.controller.abort();
    this.entries.clear();
  }
}

function keyOf(repoRoot: string, since: string | undefined): string {
  return `${repoRoot}\0${since === undefined ? '' : since.slice(0, 10)}`;
}
