import * as path from 'node:path';
import * as vscode from 'vscode';
import { IncidentStore } from '../core/incidents/incidentStore';
import type { RepositoryTracker } from '../git/repositoryTracker';
import { listIncidents, type IncidentDeriver, type IndexedIncident, type IndexProblem, type ListingCaches } from './incidentListing';
import type { ListingSnapshots } from './listingSnapshots';
import { groupIncidents, type IncidentGroups, type ScreenFolder } from './firstScreen';
import { benchMark } from './benchTiming';
import { fingerprint } from './statPoll';

export type { IndexedIncident, IndexProblem };

/** How long the first list after a start waits for the kept first screen to be shown, at most. */
const FIRST_SCREEN_WAIT_MS = 1000;
/** From the view's answer to its rows being sent to the workbench. */
const SCREEN_SENT_MS = 50;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface IndexList {
  incidents: IndexedIncident[];
  problems: IndexProblem[];
}

export function incidentsFolderSetting(repoRoot: string): string {
  return vscode.workspace.getConfiguration('ownIt.incidents', vscode.Uri.file(repoRoot)).get<string>('folder', 'docs/incidents');
}

/**
 * Every incident file of every tracked repository, read through the core store and kept
 * fresh by a file watcher on the incidents folders. Reading is lazy: nothing is loaded
 * until a view or command asks.
 */
export class IncidentIndex implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];
  private cache: Promise<{ incidents: IndexedIncident[]; problems: IndexProblem[] }> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The roots the cached list was read from. */
  private cachedRoots: string | undefined;
  /** Stat of each incidents folder when the cached list was read. */
  private loadedFolders: Promise<Map<string, string>> | undefined;
  private checking = false;
  private derive: IncidentDeriver | undefined;
  /**
   * While the first list after a start checks the files: what the listing snapshots said
   * (undefined once that list is done, or when there was no snapshot).
   */
  private unchecked: Promise<IndexList | undefined> | undefined;
  /** What each folder's files said last time: a refresh reads only the files that changed. */
  private readonly caches: ListingCaches = new Map();
  /** Set when the first list after a start is done: the kept first screen is then never shown. */
  private listedOnce = false;
  private keptScreen: Promise<IncidentGroups | undefined> | undefined;
  /** Resolves when the Incidents view has answered the workbench with its first rows (`firstScreenShown`). */
  private readonly screenShown: Promise<void>;
  private markScreenShown: () => void = () => undefined;

  constructor(
    private readonly tracker: RepositoryTracker,
    /**
     * Listings, and the Incidents view's first screen, kept between sessions (workspace storage);
     * without it the first list reads every file.
     */
    private readonly snapshots?: ListingSnapshots,
  ) {
    if (snapshots) this.disposables.push(snapshots);
    this.screenShown = new Promise((resolve) => (this.markScreenShown = resolve));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const changed = (uri: vscode.Uri) => {
      if (this.isIncidentFile(uri.fsPath)) this.invalidate('file event');
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      // Found repositories usually are the workspace folders already listed: no second reading of every file.
      tracker.onDidChangeRepositories(() => {
        if (this.cache && this.roots().join('\n') === this.cachedRoots) return;
        this.invalidate('repositories');
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ownIt.incidents.folder')) this.invalidate();
      }),
    );
    // Under the watcher: an incident file created, renamed or deleted is seen even when no event
    // comes. The folders' stat taken when the list was read is compared with today's every 3 s.
    const poll = setInterval(() => void this.checkFolders(), 3000);
    this.disposables.push({ dispose: () => clearInterval(poll) });
  }

  store(repoRoot: string): IncidentStore {
    return new IncidentStore(repoRoot, incidentsFolderSetting(repoRoot));
  }

  private isIncidentFile(fsPath: string): boolean {
    return this.incidentFolders().some(({ folder }) => fsPath.startsWith(folder + path.sep));
  }

  /** Repository roots plus workspace folders (incident files can be read without git). */
  roots(): string[] {
    const roots = new Set(this.tracker.repositories.map((r) => r.root));
    if (roots.size === 0) for (const f of vscode.workspace.workspaceFolders ?? []) roots.add(f.uri.fsPath);
    return [...roots];
  }

  /**
   * Lets a service adjust incidents as they are listed, from other files (a linked test's status
   * comes from the test file). Listed incidents are for display; writes always re-read the file.
   */
  setDeriver(derive: IncidentDeriver): void {
    this.derive = derive;
    this.invalidate();
  }

  /**
   * Debounced so a branch switch that rewrites many files refreshes once. A list read after the
   * change (started after this call) is kept: only what was cached or loading now is stale.
   */
  invalidate(why = 'asked'): void {
    benchMark('index: invalidated', { why });
    if (this.timer) clearTimeout(this.timer);
    const stale = this.cache;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.cache !== stale) return;
      this.cache = undefined;
      this._onDidChange.fire();
    }, 100);
  }

  async all(): Promise<IndexList> {
    this.cache ??= this.load();
    return this.cache;
  }

  /**
   * For a view's first answer: the checked list when it is ready, otherwise — only during the
   * first list after a start — what the listing snapshots said, as soon as they are read
   * (`checked: false`; not derived, and files changed while VS Code was closed still show their
   * old content until `all()` resolves, which the caller then shows).
   */
  async firstAnswer(): Promise<{ list: IndexList; checked: boolean }> {
    const checked = this.all().then((list) => ({ list, checked: true }));
    const unchecked = this.unchecked;
    if (!unchecked) return checked;
    return Promise.race([checked, unchecked.then((list) => (list ? { list, checked: false } : checked))]);
  }

  /**
   * The Incidents view's groups: from the checked list when it is ready; until then, during the
   * first list after a start, the first screen an earlier session kept (a small file, read once)
   * or what the listing snapshots said (`checked: false`: the caller shows the checked list when
   * `all()` resolves).
   */
  async viewGroups(): Promise<{ groups: IncidentGroups; checked: boolean }> {
    const answer = this.firstAnswer().then(({ list, checked }) => ({ groups: groupIncidents(list), checked }));
    const kept = this.keptFirstScreen().then((groups) => (groups && !this.listedOnce ? { groups, checked: false } : answer));
    return Promise.race([answer, kept]);
  }

  /**
   * The Incidents view says it answered the workbench with its first rows: the files are checked
   * from then on (a moment later, once the rows are sent), not while the window asks for them.
   */
  firstScreenShown(): void {
    if (!this.listedOnce) setTimeout(this.markScreenShown, SCREEN_SENT_MS);
  }

  private keptFirstScreen(): Promise<IncidentGroups | undefined> {
    if (!this.snapshots || this.listedOnce) return Promise.resolve(undefined);
    return (this.keptScreen ??= this.snapshots.readFirstScreen(this.incidentFolders()));
  }

  /** Each root with its absolute incidents folder (the setting read now). */
  private incidentFolders(roots = this.roots()): ScreenFolder[] {
    return roots.map((repoRoot) => ({ repoRoot, folder: path.resolve(repoRoot, incidentsFolderSetting(repoRoot)) }));
  }

  private load(): Promise<IndexList> {
    benchMark('index: load started');
    const roots = this.roots();
    this.cachedRoots = roots.join('\n');
    const folders = this.incidentFolders(roots);
    // Taken before the files are read: a change made while they are read is seen by the next check.
    const before = Promise.all(folders.map(async ({ folder }) => [folder, await fingerprint(folder)] as const)).then((pairs) => new Map(pairs));
    this.loadedFolders = before;
    // Only a list that starts with empty caches can restore snapshots; later lists are checked only.
    let early: (list: IndexList | undefined) => void = () => undefined;
    if (this.snapshots && this.caches.size === 0) this.unchecked = new Promise((resolve) => (early = resolve));
    // With a kept first screen to show, its rows go first: the snapshot's megabytes and the stat of
    // every file wait until the view has sent them (at most FIRST_SCREEN_WAIT_MS), instead of
    // holding up the extension host while the window asks for them.
    const screenFirst = this.keptFirstScreen().then((kept) => kept && Promise.race([this.screenShown, delay(FIRST_SCREEN_WAIT_MS)]));
    const listed = Promise.all([before, screenFirst]).then(() => listIncidents(roots, (root) => this.store(root), { derive: this.derive, caches: this.caches, snapshots: this.snapshots, onSnapshot: early }));
    const settle = () => {
      early(undefined);
      this.unchecked = undefined;
      this.listedOnce = true;
    };
    listed.then((list) => {
      settle();
      this.snapshots?.firstScreenListed(folders, list);
    }, settle);
    return listed;
  }

  /** Invalidates the list when an incidents folder changed since it was read (the watcher may not have said). */
  private async checkFolders(): Promise<void> {
    const loaded = this.loadedFolders;
    if (!this.cache || !loaded || this.checking) return;
    this.checking = true;
    try {
      const before = await loaded;
      for (const { folder } of this.incidentFolders()) {
        if (before.get(folder) !== (await fingerprint(folder))) {
          if (this.loadedFolders === loaded) this.invalidate('folder stat');
          return;
        }
      }
    } finally {
      this.checking = false;
    }
  }

  /** Resolves when every listing snapshot due is written (the extension's deactivate waits for it). */
  flushSnapshots(): Promise<void> {
    return this.snapshots?.flush() ?? Promise.resolve();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
