import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MetricsReport } from '../../core/metrics/types';
import type { ReadyMessage } from '../shared/protocol';
import { benchMark } from '../../services/benchTiming';
import { createPanel, WebviewHost } from '../shared/webviewHost';
import { exportReport } from './exportReport';

// Commands take these from the loaded bundle (lazyPanel.ts), so `instanceof` sees the class the panel throws.
export { exportReport, ExportTargetExistsError } from './exportReport';
import { INSIGHTS_VIEW_TYPE, isInsightsWindow, type ExportFormat, type HostMessage, type InsightsState, type InsightsWindow, type UiMessage } from './protocol';
import { buildInsightsView } from './viewModel';

/** How long known numbers stay on screen before their confirming recomputation starts. */
const CONFIRM_AFTER_MS = 1500;
/** The longest the confirmation waits for a page that has not loaded yet (a panel opened in the background). */
const PAGE_WAIT_MS = 10_000;

/** What the panel needs from the extension. */
export interface InsightsPanelDeps {
  extensionUri: vscode.Uri;
  /** Roots of the repositories the panel can show. */
  repositories: () => string[];
  /**
   * Computes the metrics for a repository with its settings (deploy patterns, incidents folder),
   * from `since` (ISO; default 180 days) to now. The panel gives up through `signal` (closed, or
   * another window asked for): the computation stops unless someone else waits for it.
   */
  metrics: (repoRoot: string, since?: string, signal?: AbortSignal) => Promise<MetricsReport>;
  /** The last metrics computed for the same repository and window, even if stale: drawn at once while `metrics` runs. */
  peekMetrics?: (repoRoot: string, since?: string) => MetricsReport | undefined;
  /** The report kept from an earlier session if nothing it depends on changed: drawn at once while `metrics` confirms it. */
  storedMetrics?: (repoRoot: string, since?: string) => Promise<MetricsReport | undefined>;
  /** Forgets kept metrics of a repository (the Refresh button). */
  invalidate?: (repoRoot: string) => void;
  /** Opens an incident file (absolute path) in the incident panel. */
  openIncident: (repoRoot: string, incidentPath: string) => Thenable<unknown>;
}

/**
 * The Insights panel: one per window, showing one repository at a time. Metrics are computed
 * when the panel opens, when the person asks to refresh, or switches repository; a reloaded page
 * gets the last state again instead of a recomputation.
 */
export class InsightsPanel extends WebviewHost<HostMessage, UiMessage> {
  private static instance: InsightsPanel | undefined;

  static get current(): InsightsPanel | undefined {
    return InsightsPanel.instance;
  }

  /** Opens the panel (or reveals it) on a repository; resolves once its metrics are loaded. */
  static async show(deps: InsightsPanelDeps, repoRoot: string): Promise<InsightsPanel> {
    let host = InsightsPanel.instance;
    if (host) {
      host.panel.reveal();
    } else {
      host = new InsightsPanel(createPanel(INSIGHTS_VIEW_TYPE, 'Insights'), deps);
    }
    if (host.repoRoot !== repoRoot || !host.lastState) await host.load(repoRoot);
    return host;
  }

  /** Restores the panel after a window reload (called by the serializer). */
  static revive(deps: InsightsPanelDeps, panel: vscode.WebviewPanel, repoRoot: string): InsightsPanel {
    InsightsPanel.instance?.dispose();
    const host = new InsightsPanel(panel, deps);
    void host.load(repoRoot);
    return host;
  }

  private readonly _onDidPostMessage = new vscode.EventEmitter<HostMessage>();
  /** Test hook: every message the host posts to the UI, whether or not the UI is loaded. */
  readonly onDidPostMessage = this._onDidPostMessage.event;
  private repoRoot: string | undefined;
  private window: InsightsWindow = 180;
  private state: InsightsState | undefined;
  private error: string | undefined;
  private loads = 0;
  /** One per load still waiting for its computation; aborted when a newer load joined its own, or the panel closed. */
  private readonly waiting = new Set<AbortController>();
  /** Called when the page says it is ready; until then `pageReadyPromise` waits. */
  private markPageReady: () => void = () => undefined;
  private readonly pageReadyPromise = new Promise<void>((resolve) => (this.markPageReady = resolve));

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: InsightsPanelDeps,
  ) {
    super(panel, deps.extensionUri, 'insights');
    InsightsPanel.instance = this;
    this.disposables.push(this._onDidPostMessage);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'own-it.svg');
    this.render('Insights');
  }

  /** The state last sent to the UI (undefined while the first computation runs or failed). */
  get lastState(): InsightsState | undefined {
    return this.state;
  }

  get repository(): string | undefined {
    return this.repoRoot;
  }

  /** Test hook: handles a message as if the UI had sent it; resolves when it is fully handled. */
  simulateUiMessage(message: UiMessage): Promise<void> {
    return this.receive(message);
  }

  /** (Re)computes the metrics of a repository; a newer load wins over a slower older one. */
  async load(repoRoot: string, options: { showKnown?: boolean } = {}): Promise<void> {
    const ticket = ++this.loads;
    this.repoRoot = repoRoot;
    this.panel.title = `Insights: ${path.basename(repoRoot)}`;
    this.error = undefined;
    const since = windowStart(this.window, new Date());
    // What is known is drawn at once (the last computation, even if the repository moved since,
    // else the report kept from an earlier session while its fingerprint matches); the fresh
    // numbers replace it when they arrive.
    let known = options.showKnown === false ? undefined : this.deps.peekMetrics?.(repoRoot, since);
    if (!known && options.showKnown !== false && this.deps.storedMetrics) {
      known = await this.deps.storedMetrics(repoRoot, since).catch(() => undefined);
      if (ticket !== this.loads || this.isDisposed) return;
    }
    if (known) {
      benchMark('insights: known report drawn');
      this.showReport(repoRoot, known);
      // The known numbers are drawn first: the recomputation that confirms them (seconds of git on
      // a large repository) starts once the page has them and had time to draw, instead of
      // competing with the page's own load (a new panel's page is ready seconds after this).
      await this.pageLoaded(PAGE_WAIT_MS);
      if (ticket !== this.loads || this.isDisposed) return;
      await new Promise((resolve) => setTimeout(resolve, CONFIRM_AFTER_MS));
      if (ticket !== this.loads || this.isDisposed) return;
    } else {
      benchMark('insights: computing');
      this.show({ type: 'loading', repoRoot });
    }
    const mine = new AbortController();
    this.waiting.add(mine);
    try {
      const computing = this.deps.metrics(repoRoot, since, mine.signal);
      // Joined: older loads stop waiting now (their computation ends unless this one is the same).
      for (const other of this.waiting) {
        if (other === mine) continue;
        other.abort();
        this.waiting.delete(other);
      }
      const report = known ? await this.confirming(repoRoot, computing) : await this.withProgress(repoRoot, computing, mine);
      if (ticket !== this.loads || this.isDisposed) return;
      if (report === undefined) {
        // Cancelled: the page says so; the computation stopped (unless someone else waits for it).
        this.state = undefined;
        this.error = 'Stopped. Refresh (or open Insights again) to compute them.';
        this.show({ type: 'error', repoRoot, message: this.error });
        return;
      }
      if (report !== known) {
        benchMark('insights: computed report drawn');
        this.showReport(repoRoot, report);
      }
    } catch (err) {
      if (ticket !== this.loads || this.isDisposed) return;
      this.state = undefined;
      this.error = err instanceof Error ? err.message : String(err);
      this.show({ type: 'error', repoRoot, message: this.error });
    } finally {
      this.waiting.delete(mine);
    }
  }

  /** Known numbers are on screen: the recomputation that confirms them shows in the status bar only. */
  private confirming(repoRoot: string, computing: Promise<MetricsReport>): Thenable<MetricsReport> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Own It: checking insights for ${path.basename(repoRoot)}` }, () => computing);
  }

  /**
   * Nothing to draw yet: a cancellable notification while the history is read (seconds on a large
   * repository). Resolves undefined when the person cancels, which also stops the computation
   * (its git processes end) unless another caller waits for it.
   */
  private withProgress(repoRoot: string, computing: Promise<MetricsReport>, waiting: AbortController): Thenable<MetricsReport | undefined> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Own It: computing insights for ${path.basename(repoRoot)}…`, cancellable: true },
      (_progress, token) =>
        new Promise<MetricsReport | undefined>((resolve, reject) => {
          const cancel = token.onCancellationRequested(() => {
            resolve(undefined);
            waiting.abort();
          });
          computing.then(resolve, reject).finally(() => cancel.dispose());
        }),
    );
  }

  private showReport(repoRoot: string, report: MetricsReport): void {
    const roots = this.deps.repositories();
    const repositories = (roots.includes(repoRoot) ? roots : [repoRoot, ...roots]).map((root) => ({ root, name: path.basename(root) }));
    this.state = { repoRoot, window: this.window, repositories, view: buildInsightsView(report, path.basename(repoRoot)), report };
    this.show({ type: 'state', state: this.state });
  }

  /** What the page shows now: the state, the error, or that a computation runs. */
  private snapshot(): HostMessage | undefined {
    if (!this.repoRoot) return undefined;
    if (this.state) return { type: 'state', state: this.state };
    return this.error === undefined ? { type: 'loading', repoRoot: this.repoRoot } : { type: 'error', repoRoot: this.repoRoot, message: this.error };
  }

  /** Progress reaches a listening page now; a page still loading gets the snapshot when it says ready. */
  private show(message: HostMessage): void {
    if (this.isReady) this.post(message);
  }

  /** Exports the metrics on screen; the save dialog picks the file unless `target` is given. */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const state = this.state;
    if (!state) throw new Error('the insights are still being computed');
    const written = await exportReport(state.repoRoot, state.report, format, target);
    if (written) this.post({ type: 'exported', format, path: written.fsPath });
    return written;
  }

  protected override post(message: HostMessage): void {
    this._onDidPostMessage.fire(message);
    super.post(message);
  }

  /** Resolves when the page is ready, or after `maxMs`. */
  private pageLoaded(maxMs: number): Promise<void> {
    if (this.isReady) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([this.pageReadyPromise, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]).finally(() => clearTimeout(timer));
  }

  protected onReady(): void {
    benchMark('insights: page ready');
    this.markPageReady();
    const now = this.snapshot();
    if (now) this.post(now);
  }

  protected async onMessage(m: Exclude<UiMessage, ReadyMessage>): Promise<void> {
    switch (m.type) {
      case 'refresh':
        if (this.repoRoot) {
          // Asked for fresh numbers: no stale ones in between, the page shows that they are computed.
          this.deps.invalidate?.(this.repoRoot);
          await this.load(this.repoRoot, { showKnown: false });
        }
        return;
      case 'selectRepository':
        if (this.deps.repositories().includes(m.repoRoot)) await this.load(m.repoRoot);
        return;
      case 'selectWindow':
        if (isInsightsWindow(m.window) && this.repoRoot) {
          this.window = m.window;
          await this.load(this.repoRoot);
        }
        return;
      case 'export':
        try {
          await this.export(m.format);
        } catch (err) {
          void vscode.window.showErrorMessage(`Own It: could not export insights: ${err instanceof Error ? err.message : String(err)}`);
        }
        return;
      case 'openIncident':
        if (this.repoRoot) {
          const file = this.inside(m.path);
          if (file) await this.deps.openIncident(this.repoRoot, file);
        }
        return;
      case 'openFile': {
        const file = this.inside(m.path);
        if (!file) return;
        try {
          await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true, viewColumn: vscode.ViewColumn.Beside });
        } catch (e) {
          void vscode.window.showWarningMessage(`Cannot open ${m.path}: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
    }
  }

  /** A repository-relative path from the UI, resolved; undefined when it points outside the repository. */
  private inside(relative: string): string | undefined {
    if (!this.repoRoot) return undefined;
    const absolute = path.resolve(this.repoRoot, relative);
    const rel = path.relative(this.repoRoot, absolute);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : absolute;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (InsightsPanel.instance === this) InsightsPanel.instance = undefined;
    // Closed: nobody here waits for the numbers any more; their computation stops (git processes end).
    for (const w of this.waiting) w.abort();
    this.waiting.clear();
    super.dispose();
  }
}

/** The ISO start of a window ending at `now`; the whole history starts at the epoch. */
export function windowStart(window: InsightsWindow, now: Date): string {
  return window === 'all' ? new Date(0).toISOString() : new Date(now.getTime() - window * 86_400_000).toISOString();
}
