import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RevertDetection } from './core/revert/types';
import { scanReverts } from './core/revert/revertScanner';
import { readIncidentFacts } from './core/facts/incidentFacts';
import { authorNames } from './core/repo/repoQueries';
import { RepositoryTracker } from './git/repositoryTracker';
import { RevertInProgressStatus } from './git/revertInProgressStatus';
import { RevertMonitor, type DetectInRange, type RevertLanded } from './git/revertMonitor';
import { Prevention } from './prevention/prevention';
import { CiStatus } from './services/ciStatus';
import { IncidentIndex, incidentsFolderSetting } from './services/incidentIndex';
import { DeployHistory, deploySettings } from './services/deployHistory';
import { keptReports, repositoryMetrics } from './services/metrics';
import { HistoryFacts, type KeptReports } from './services/historyFacts';
import { IncidentFactsCache } from './services/incidentFactsCache';
import { ListingSnapshots } from './services/listingSnapshots';
import { RevertHistory } from './services/revertHistory';
import { WorkspaceMemory } from './state';
import { FailedDeploysViewProvider } from './views/failedDeploysView';
import { IncidentsViewProvider } from './views/incidentsView';
import { PendingActionsStatus } from './views/pendingActionsStatus';
import { UntrackedRevertsViewProvider } from './views/untrackedRevertsView';
import { IncidentPanel, registerIncidentPanelSerializer, type IncidentPanelDeps } from './webviews/incident/incidentPanel';
import type { InsightsPanelDeps } from './webviews/insights/insightsPanel';
import { registerInsightsPanelSerializer } from './webviews/insights/serializer';

/**
 * Owns the extension's services. Each is created on first use (`??=`) so activation stays
 * cheap; everything created here is disposed with the extension.
 */
export class Container implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly _onDidLandRevert = new vscode.EventEmitter<RevertLanded>();
  /** Every revert that lands in a tracked repository, with the prompt shown (if any). */
  readonly onDidLandRevert = this._onDidLandRevert.event;

  private _log: vscode.LogOutputChannel | undefined;
  private _tracker: RepositoryTracker | undefined;
  private _index: IncidentIndex | undefined;
  private _history: RevertHistory | undefined;
  private _facts: HistoryFacts | undefined;
  private _incidentFacts: IncidentFactsCache | undefined;
  private _incidentsView: IncidentsViewProvider | undefined;
  private _untrackedView: UntrackedRevertsViewProvider | undefined;
  private _prevention: Prevention | undefined;
  private _deployHistory: DeployHistory | undefined;
  private _failedDeploysView: FailedDeploysViewProvider | undefined;
  private _ciStatus: CiStatus | undefined;
  readonly memory: WorkspaceMemory;

  constructor(readonly context: vscode.ExtensionContext) {
    this.memory = new WorkspaceMemory(context.workspaceState);
    this.disposables.push(this._onDidLandRevert);
  }

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  get log(): vscode.LogOutputChannel {
    return (this._log ??= this.own(vscode.window.createOutputChannel('Own It', { log: true })));
  }

  get tracker(): RepositoryTracker {
    return (this._tracker ??= this.own(new RepositoryTracker(this.log)));
  }

  /** What must reach the disk before the extension host ends (deactivate waits for it): the listing snapshots due. */
  async beforeExit(): Promise<void> {
    await this._index?.flushSnapshots();
  }

  get index(): IncidentIndex {
    return (this._index ??= this.own(new IncidentIndex(this.tracker, this.listingSnapshots())));
  }

  /** Incident listings kept in workspace storage, written by this build only (a new build may parse differently). */
  private listingSnapshots(): ListingSnapshots | undefined {
    const storage = this.context.storageUri;
    // An untrusted workspace writes nothing, not even a cache of what it lists.
    if (!storage || storage.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
    return new ListingSnapshots(storage.fsPath, this.build);
  }

  private _build: string | undefined;
  /** This build of the extension: the version and the bundle's size and time, for caches a new build may read differently. */
  private get build(): string {
    if (this._build !== undefined) return this._build;
    let build = String(this.context.extension.packageJSON.version ?? '');
    try {
      const bundle = fs.statSync(path.join(this.context.extensionPath, 'dist', 'extension.js'));
      build += `:${bundle.size}:${bundle.mtimeMs}`;
    } catch {
      // No bundle to stamp (tests loading the sources): the version alone names the build.
    }
    return (this._build = build);
  }

  get history(): RevertHistory {
    return (this._history ??= this.own(new RevertHistory(this.tracker, this.context.globalStorageUri.fsPath)));
  }

  get incidentsView(): IncidentsViewProvider {
    return (this._incidentsView ??= this.own(new IncidentsViewProvider(this.index, () => this.tracker.gitBinary)));
  }

  get untrackedView(): UntrackedRevertsViewProvider {
    return (this._untrackedView ??= this.own(new UntrackedRevertsViewProvider(this.tracker, this.history, this.index)));
  }

  get prevention(): Prevention {
    return (this._prevention ??= this.own(new Prevention(this.index, this.tracker, this.log, () => this.tracker.gitBinary)));
  }

  /** Failed CI checks and deployments from GitHub; idle (no sign-in, no requests) unless `ownIt.ci.enabled`. */
  get ciStatus(): CiStatus {
    return (this._ciStatus ??= this.own(new CiStatus(this.tracker, this.log)));
  }

  get deployHistory(): DeployHistory {
    return (this._deployHistory ??= this.own(new DeployHistory(this.tracker)));
  }

  get failedDeploysView(): FailedDeploysViewProvider {
    return (this._failedDeploysView ??= this.own(new FailedDeploysViewProvider(this.tracker, this.deployHistory, this.index, this.ciStatus)));
  }

  /**
   * Shared history facts (Insights' metrics), kept until the repository or its incidents change,
   * and on disk between sessions (global storage; never from an untrusted workspace).
   */
  get facts(): HistoryFacts {
    return (this._facts ??= this.own(
      new HistoryFacts(
        {
          onDidChangeRepository: this.tracker.onDidChangeRepository,
          onDidChangeIncidents: this.index.onDidChange,
          onDidChangeSettings: (listener) => vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ownIt') && listener()),
        },
        (repoRoot, since, signal) => repositoryMetrics(repoRoot, incidentsFolderSetting(repoRoot), this.tracker.gitBinary, since, signal),
        this.keptInsights(),
      ),
    ));
  }

  private keptInsights(): KeptReports | undefined {
    const storage = this.context.globalStorageUri;
    if (storage.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
    return keptReports(path.join(storage.fsPath, 'insights'), this.build, incidentsFolderSetting, () => this.tracker.gitBinary);
  }

  /** What git says about incidents' commits, shared by every panel, kept until the repository or settings change. */
  get incidentFacts(): IncidentFactsCache {
    return (this._incidentFacts ??= this.own(
      new IncidentFactsCache(
        {
          onDidChangeRepository: this.tracker.onDidChangeRepository,
          onDidChangeSettings: (listener) => vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ownIt') && listener()),
        },
        {
          facts: (repoRoot, incident, details) => readIncidentFacts(repoRoot, incident, { gitPath: this.tracker.gitBinary, tagPattern: deploySettings(repoRoot).tagPattern, ...(details ? { details } : {}) }),
          authors: (repoRoot) => authorNames(repoRoot, this.tracker.gitBinary),
        },
      ),
    ));
  }

  get insightsDeps(): InsightsPanelDeps {
    return {
      extensionUri: this.context.extensionUri,
      repositories: () => this.tracker.repositories.map((r) => r.root),
      metrics: (repoRoot, since, signal) => this.facts.metrics(repoRoot, since, signal),
      peekMetrics: (repoRoot, since) => this.facts.peekMetrics(repoRoot, since),
      storedMetrics: (repoRoot, since) => this.facts.storedMetrics(repoRoot, since),
      invalidate: (repoRoot) => this.facts.invalidate(repoRoot),
      openIncident: (repoRoot, incidentPath) => IncidentPanel.open(this.panelDeps, { kind: 'file', repoRoot, incidentPath }),
    };
  }

  private readonly detectInRange: DetectInRange = (root, range, gitBinary) =>
    scanReverts(root, { revRange: range.from ? `${range.from}..${range.to}` : range.to, gitBinary });

  get panelDeps(): IncidentPanelDeps {
    return {
      extensionUri: this.context.extensionUri,
      incidentsFolder: incidentsFolderSetting,
      gitPath: () => this.tracker.gitBinary,
      tagPattern: (repoRoot) => deploySettings(repoRoot).tagPattern,
      sharedFacts: {
        incidentFacts: (repoRoot, incident, details) => this.incidentFacts.incidentFacts(repoRoot, incident, details),
        authors: (repoRoot) => this.incidentFacts.repositoryAuthors(repoRoot),
      },
    };
  }

  registerPanelSerializer(): void {
    registerIncidentPanelSerializer(this.context, this.panelDeps);
    this.own(IncidentPanel.onDidSaveIncident(() => this.index.invalidate()));
    this.own(registerInsightsPanelSerializer(this.insightsDeps));
  }

  /** Views exist from activation (cheap: their data loads when first shown). */
  registerViews(): void {
    // The deriver first: set after the views, it would throw away their first list of every incident file.
    this.prevention.registerDerivedStatus();
    void this.incidentsView;
    void this.untrackedView;
    void this.failedDeploysView;
    this.own(new PendingActionsStatus(this.index));
    // A linked test changed on disk (the index was invalidated): open incident panels re-read theirs.
    this.own(this.index.onDidChange(() => IncidentPanel.all.forEach((p) => void p.refreshLinkedTests())));
  }

  /**
   * Starts watching repositories in the background. In an untrusted workspace nothing runs
   * git; tracking starts once the user grants trust.
   */
  startTracking(openIncident: (repoRoot: string, detection: RevertDetection) => Thenable<unknown>): void {
    const start = () => {
      const monitor = this.own(
        new RevertMonitor(
          this.tracker,
          this.memory,
          this.detectInRange,
          openIncident,
          this.log,
          () => this.tracker.gitBinary,
        ),
      );
      this.own(monitor.onDidLand((e) => this._onDidLandRevert.fire(e)));
      this.own(new RevertInProgressStatus(this.tracker));
      this.prevention.start(monitor.onDidDetect);
      void this.tracker.start();
      this.ciStatus.start();
    };
    if (vscode.workspace.isTrusted) start();
    else this.own(vscode.workspace.onDidGrantWorkspaceTrust(start));
  }

  refresh(arg?: unknown): void {
    const showMore = typeof arg === 'object' && arg !== null && 'showMore' in arg ? (arg as { showMore: unknown }).showMore : undefined;
    if (showMore === 'Open' || showMore === 'Resolved') return this.incidentsView.showMore(showMore);
    if (showMore === 'untracked') return this.untrackedView.showMore();
    this.index.invalidate();
    this.history.invalidate();
    this._deployHistory?.invalidate();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
