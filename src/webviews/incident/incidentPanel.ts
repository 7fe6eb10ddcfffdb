import * as path from 'node:path';
import * as vscode from 'vscode';
import { IncidentConflictError, IncidentStore, serializeIncident, type Incident, type SavedIncident, type StoredIncident } from '../../core/incidents';
import { getGitApi } from '../../git/gitExtension';
import { benchMark } from '../../services/benchTiming';
import { resolveIncidentFile, type IncidentTarget } from '../../services/incidentTargets';
import { linkedTestStatuses } from '../../services/linkedTests';
import { toneModule } from '../../services/lazyBundles';
import { StatPoll } from '../../services/statPoll';
import { warmScaffold } from '../../services/scaffoldWarmUp';
import { toneCheckWarm, warmToneCheck } from '../../services/toneWarmUp';
import type { ReadyMessage } from '../shared/protocol';
import { createPanel, WebviewHost } from '../shared/webviewHost';
import { INCIDENT_VIEW_TYPE, isPersistedWebviewState, type ConflictChoice, type CopyFormat, type HostMessage, type PreventionAction, type RequestMessage, type UiMessage } from './protocol';
import { commitCardsState, derivedView, factsUpdate, markdownToPlainText, readGitFacts, startCommitCards, toneFor, viewState, type CommitCards, type GitFacts, type ViewStateOptions } from './viewState';

/** What the panel needs from the extension. Small on purpose; everything else it reads itself. */
export interface IncidentPanelDeps {
  extensionUri: vscode.Uri;
  /** Repository-relative incidents folder for a repository (the `ownIt.incidents.folder` setting). */
  incidentsFolder: (repoRoot: string) => string;
  /** The git binary VS Code uses (`api.git.path`); PATH's git when absent. */
  gitPath?: () => string | undefined;
  /** `ownIt.deploy.tagPattern` for a repository: the deploy tags the timeline and facts use. */
  tagPattern?: (repoRoot: string) => string | undefined;
  /** Shared facts kept until the repository changes (the container's cache); read per panel when absent. */
  sharedFacts?: Pick<ViewStateOptions, 'incidentFacts' | 'authors'>;
}

export interface IncidentSavedEvent {
  repoRoot: string;
  incidentPath: string;
  incident: Incident;
}

/** What the panel opens: a file, or the incident a revert or commit means (found or created). */
export type IncidentPanelTarget = IncidentTarget;

const key = (p: string) => path.resolve(p);
/** Versions kept for merging edits that started from them (a few seconds of autosaves). */
const RECENT_VERSIONS = 16;
const _onDidSaveIncident = new vscode.EventEmitter<IncidentSavedEvent>();
const _onDidChangeCurrent = new vscode.EventEmitter<IncidentPanel | undefined>();

/**
 * The incident panel: one per incident file. Shows and edits the file through the incident store
 * (atomic, conflict-checked writes), watches the file, and keeps unsaved text when both changed.
 */
export class IncidentPanel extends WebviewHost<HostMessage, UiMessage> {
  private static readonly panels = new Map<string, IncidentPanel>();
  private static active: IncidentPanel | undefined;

  /** Fires after the panel saved an incident file, so lists can refresh. */
  static readonly onDidSaveIncident = _onDidSaveIncident.event;
  /** Fires when the focused incident panel changes (undefined when none is focused). */
  static readonly onDidChangeCurrent = _onDidChangeCurrent.event;

  /** The most recently focused incident panel that is still open. */
  static get current(): IncidentPanel | undefined {
    return IncidentPanel.active;
  }

  static get all(): readonly IncidentPanel[] {
    return [...IncidentPanel.panels.values()];
  }

  /** Opens (or reveals) the panel for a target; see {@link IncidentPanelTarget}. */
  static async open(deps: IncidentPanelDeps, target: IncidentPanelTarget): Promise<IncidentPanel> {
    benchMark('panel: asked');
    const incidentPath = await resolveIncidentFile(target, deps.incidentsFolder(target.repoRoot), { gitPath: deps.gitPath?.(), tagPattern: deps.tagPattern?.(target.repoRoot) });
    const existing = IncidentPanel.panels.get(key(incidentPath));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = createPanel(INCIDENT_VIEW_TYPE, 'Incident');
    const host = new IncidentPanel(panel, deps, target.repoRoot, incidentPath);
    benchMark('panel: created');
    try {
      await host.load();
      // The page may already show the commit cards; open() still resolves with the facts known.
      await host.factsKnown();
    } catch (err) {
      host.dispose();
      throw err;
    }
    return host;
  }

  /** Restores a panel after a window reload (called by the serializer). */
  static async revive(deps: IncidentPanelDeps, panel: vscode.WebviewPanel, repoRoot: string, incidentPath: string): Promise<IncidentPanel> {
    const host = new IncidentPanel(panel, deps, repoRoot, incidentPath);
    await host.load();
    return host;
  }

  private readonly store: IncidentStore;
  private current: StoredIncident | undefined;
  /**
   * The last versions the UI was sent, by version: an edit names the version it started from,
   * and the save merges against exactly that text (merge.ts), even after the file moved on.
   */
  private readonly recent = new Map<string, StoredIncident>();
  private get stored(): StoredIncident | undefined {
    return this.current;
  }
  private set stored(value: StoredIncident | undefined) {
    this.current = value;
    if (!value) return;
    this.recent.delete(value.version);
    this.recent.set(value.version, value);
    if (this.recent.size > RECENT_VERSIONS) this.recent.delete(this.recent.keys().next().value as string);
  }
  private facts: GitFacts | undefined;
  /** The first facts read, started by load() and not awaited there (the page draws the cards meanwhile). */
  private factsTask: Promise<GitFacts> | undefined;
  private cards: CommitCards | undefined;
  private work: Promise<void> = Promise.resolve();
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _onDidPostMessage = new vscode.EventEmitter<HostMessage>();

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: IncidentPanelDeps,
    readonly repoRoot: string,
    readonly incidentPath: string,
  ) {
    super(panel, deps.extensionUri, 'incident');
    this.store = new IncidentStore(repoRoot, deps.incidentsFolder(repoRoot));
    IncidentPanel.panels.set(key(incidentPath), this);
    // The page first: its document starts while the watcher and the file are set up.
    this.render('Incident');
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'own-it.svg');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(incidentPath)), path.basename(incidentPath)));
    const onDisk = () => this.onDiskChange();
    this.disposables.push(
      this._onDidPostMessage,
      watcher,
      // Under the watcher: a visible panel notices a change on disk even when no event comes.
      new StatPoll({ paths: () => [incidentPath], onChange: onDisk, intervalMs: 2000, active: () => panel.visible }),
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
      panel.onDidChangeViewState(() => this.trackActive()),
    );
    this.trackActive();
  }

  /** The incident as last read from or written to the file. */
  get incident(): Incident | undefined {
    return this.stored?.incident;
  }

  /** The team update to copy: the person's own text, else the generated draft. */
  teamUpdate(format: CopyFormat): string | undefined {
    if (!this.stored || !this.facts) return undefined;
    const own = this.stored.incident.sections.teamUpdate.trim();
    if (own) return format === 'plain' ? markdownToPlainText(own) : own;
    const view = derivedView(this.stored.incident, this.facts).teamUpdate;
    return format === 'plain' ? view.draftPlain : view.draft;
  }

  /** Test hook: every message the host posts to the UI, whether or not the UI is loaded. */
  readonly onDidPostMessage = this._onDidPostMessage.event;

  /** Test hook: handles a message as if the UI had sent it; resolves when it is fully handled. */
  simulateUiMessage(message: UiMessage): Promise<void> {
    return this.receive(message);
  }

  /**
   * Reads the file and git facts so that open() fails early on a bad file. The state itself is
   * sent when the UI says ready, once per page load.
   */
  private load(): Promise<void> {
    return this.enqueue(async () => {
      this.stored = await this.store.load(this.incidentPath);
      const incident = this.stored.incident;
      // The facts (default branch, placement, landing, deploys: a chain of git processes) are
      // started, not awaited: the page is drawn from the commit cards (one `git show` each) and
      // gets the facts when they arrive.
      const { cards, details } = startCommitCards(this.repoRoot, incident, this.gitOptions());
      // After the cards: the repository's git processes run 4 at a time, and the facts' dozen
      // would otherwise queue the cards' `show` behind them (a trace showed the cards at 2.8 s of
      // a 6 s read at load ~19, against the 2 processes they need).
      const previous = this.facts;
      const task = cards.then(() => readGitFacts(this.repoRoot, incident, { ...this.gitOptions(), details }, previous));
      this.factsTask = task;
      task.catch(() => undefined);
      this.cards = await cards;
      this.showTitle(incident);
    });
  }

  /** Resolves once the first facts are read (rejects when git cannot read them). */
  private async factsKnown(): Promise<void> {
    if (!this.facts && this.factsTask) this.facts = await this.factsTask;
  }

  /** The facts for the incident as it is now: the first read's result when it is for the same commits. */
  private async currentFacts(incident: Incident): Promise<GitFacts> {
    if (!this.facts && this.factsTask) this.facts = await this.factsTask.catch(() => undefined);
    this.facts = await readGitFacts(this.repoRoot, incident, this.gitOptions(), this.facts);
    return this.facts;
  }

  private async sendState(reason: 'open' | 'external' | 'resolved'): Promise<void> {
    const stored = this.stored;
    if (!stored) return;
    // The cards first while git's facts are still coming, or while the tone check, which the facts'
    // team update needs, has not compiled its patterns yet in this host (a ~0.3 s block otherwise).
    if (reason === 'open' && this.cards && (!this.facts || !toneCheckWarm())) return this.sendCardsFirst(stored, this.cards);
    const facts = await this.currentFacts(stored.incident);
    // Closed while git answered (a reload queued by a scaffold, then the panel closed).
    if (this.isDisposed) return;
    this.panel.title = stored.incident.title || 'Incident';
    const linkedTests = await linkedTestStatuses(this.repoRoot, stored.incident.actions);
    if (this.isDisposed) return;
    this.post({ type: 'state', reason, state: { ...viewState(stored, this.repoRoot, facts), linkedTests } });
    benchMark('panel: state sent', { reason });
    if (reason === 'open') this.warmPrevention();
  }

  /** Drawn with its facts: what the Scaffold button needs is loaded at idle (services/scaffoldWarmUp.ts). */
  private warmPrevention(): void {
    const files = [...new Set(this.cards?.culprits.flatMap((c) => c.files.map((f) => f.path)) ?? [])];
    void warmScaffold(files).then((ready) => benchMark('panel: scaffold warm', { grammars: ready.length }));
  }

  /** The page gets the commit cards now and the facts when they arrive, without waiting in the queue for them. */
  private async sendCardsFirst(stored: StoredIncident, cards: CommitCards): Promise<void> {
    const linkedTests = await linkedTestStatuses(this.repoRoot, stored.incident.actions);
    if (this.isDisposed) return;
    this.post({ type: 'state', reason: 'open', state: { ...commitCardsState(stored, this.repoRoot, cards), linkedTests } });
    benchMark('panel: cards sent');
    // Drawn: the tone check compiles its patterns now, in slices, while git reads the facts.
    void warmToneCheck();
    void this.factsTask?.then(
      () => this.enqueue(() => this.sendFacts()),
      () => undefined,
    );
  }

  private async sendFacts(): Promise<void> {
    const stored = this.stored;
    if (this.isDisposed || !stored) return;
    const facts = await this.currentFacts(stored.incident);
    // The facts' team update runs the tone check: after its warm-up, not as one ~0.3 s block.
    await warmToneCheck();
    if (this.isDisposed) return;
    this.post({ type: 'facts', facts: factsUpdate(stored.incident, facts) });
    this.warmPrevention();
  }

  /**
   * Re-reads the incident file now, without waiting for the file watcher: a command that just
   * changed the file (a scaffold's action item) calls this so the panel shows it at once.
   */
  reloadNow(): Promise<void> {
    return this.enqueue(() => this.reloadFromDisk());
  }

  /** Re-reads the linked tests' files (after one changed on disk) and tells the UI. */
  refreshLinkedTests(): Promise<void> {
    return this.enqueue(async () => {
      // A page that has not said ready gets the linked tests with its state.
      if (this.isDisposed || !this.stored || !this.isReady) return;
      this.post({ type: 'linkedTests', linkedTests: await linkedTestStatuses(this.repoRoot, this.stored.incident.actions) });
    });
  }

  /** Git work is awaited before this, and the person may have closed the panel meanwhile. */
  private showTitle(incident: Incident): void {
    if (!this.isDisposed) this.panel.title = incident.title || 'Incident';
  }

  private gitOptions(): ViewStateOptions {
    return { gitPath: this.deps.gitPath?.(), tagPattern: this.deps.tagPattern?.(this.repoRoot), ...this.deps.sharedFacts };
  }

  protected override post(message: HostMessage): void {
    this._onDidPostMessage.fire(message);
    super.post(message);
  }

  /** Host work runs one at a time so a save and a reload never interleave. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.work.then(job, job);
    this.work = next.catch(() => undefined);
    return next;
  }

  protected onReady(): Promise<void> {
    benchMark('panel: page ready');
    return this.enqueue(() => this.sendState('open'));
  }

  protected onMessage(m: Exclude<UiMessage, ReadyMessage>): Promise<void> {
    switch (m.type) {
      case 'edit':
        return this.enqueue(() => this.save(m.incident, m.baseVersion));
      case 'resolveConflict':
        return this.enqueue(() => this.resolveConflict(m.choice, m.incident));
      case 'openDiff':
        return this.openDiff(m.sha, m.path, m.oldPath);
      case 'openFile':
        return this.openRepoFile(m.path);
      case 'openIncidentFile':
        return this.showDocument(vscode.Uri.file(this.incidentPath));
      case 'copyTeamUpdate':
        return this.copy(m.format, m.text);
      case 'prevent':
        return this.prevent(m.action);
      case 'request':
        return this.answer(m);
    }
  }

  private async save(next: Incident, baseVersion: string): Promise<void> {
    const stored = this.stored;
    if (!stored) return;
    const base = this.recent.get(baseVersion);
    if (!base) {
      // An edit based on text this panel never had (a draft restored after a reload whose file
      // moved on): nothing to merge against, so the person chooses.
      const current = await this.store.load(this.incidentPath).catch(() => undefined);
      this.post({ type: 'conflict', message: `${stored.relativePath} changed on disk; your edits were not saved yet.`, theirs: current?.incident, theirsVersion: current?.version });
      return;
    }
    let saved: SavedIncident;
    try {
      saved = await this.store.save(base, next);
    } catch (err) {
      if (err instanceof IncidentConflictError) {
        this.post({ type: 'conflict', message: err.message, theirs: err.theirs.incident, theirsVersion: undefined });
      } else {
        this.post({ type: 'saveFailed', message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    this.stored = saved;
    await this.afterSave(saved.merged ? { incident: saved.incident, conflicts: saved.conflicts.map((c) => c.field) } : undefined);
  }

  private async afterSave(merged?: { incident: Incident; conflicts: string[] }): Promise<void> {
    const stored = this.stored as StoredIncident;
    const facts = await this.currentFacts(stored.incident);
    if (!this.isDisposed) {
      this.panel.title = stored.incident.title || 'Incident';
      this.post({ type: 'saved', version: stored.version, savedAt: new Date().toISOString(), derived: derivedView(stored.incident, facts), ...merged });
    }
    _onDidSaveIncident.fire({ repoRoot: this.repoRoot, incidentPath: this.incidentPath, incident: stored.incident });
  }

  private async resolveConflict(choice: ConflictChoice, mine: Incident): Promise<void> {
    const current = await this.store.load(this.incidentPath).catch(() => undefined);
    if (choice === 'showBoth') {
      const mineText = serializeIncident(mine, current?.raw ?? this.stored?.raw);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: mineText });
      const name = path.basename(this.incidentPath);
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(this.incidentPath), doc.uri, `${name}: file on disk ↔ your panel edits`);
      return;
    }
    if (choice === 'useTheirs') {
      if (!current) {
        void vscode.window.showInformationMessage(`${path.basename(this.incidentPath)} was deleted, so the incident panel closed.`);
        this.dispose();
        return;
      }
      this.stored = current;
      await this.sendState('resolved');
      return;
    }
    if (current) {
      this.stored = current;
      return this.save(mine, current.version);
    }
    // The file was deleted: keeping mine means writing it again.
    const text = serializeIncident(mine, this.stored?.raw);
    await vscode.workspace.fs.writeFile(vscode.Uri.file(this.incidentPath), Buffer.from(text, 'utf8'));
    this.stored = await this.store.load(this.incidentPath);
    await this.afterSave();
  }

  /** Bursts of watcher events (write + rename) settle into one reload. */
  private onDiskChange(): void {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.enqueue(() => this.reloadFromDisk()), 100);
  }

  private async reloadFromDisk(): Promise<void> {
    if (this.isDisposed || !this.stored) return;
    let current: StoredIncident;
    try {
      current = await this.store.load(this.incidentPath);
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      this.post(
        missing
          ? { type: 'conflict', message: `${this.stored.relativePath} was deleted. Keep mine writes it again from the panel.`, theirs: undefined, theirsVersion: undefined }
          : { type: 'saveFailed', message: `the file on disk cannot be read (${err instanceof Error ? err.message : String(err)}); the panel keeps the last good version.` },
      );
      return;
    }
    if (current.version === this.stored.version) return; // our own save
    this.stored = current;
    await this.sendState('external');
  }

  private async openDiff(sha: string, file: string, oldPath?: string): Promise<void> {
    const api = await getGitApi();
    if (!api) {
      void vscode.window.showWarningMessage('Own It needs the built-in Git extension to show diffs.');
      return;
    }
    const right = vscode.Uri.file(path.join(this.repoRoot, file));
    const left = vscode.Uri.file(path.join(this.repoRoot, oldPath ?? file));
    const short = sha.slice(0, 7);
    await vscode.commands.executeCommand('vscode.diff', api.toGitUri(left, `${sha}~1`), api.toGitUri(right, sha), `${path.basename(file)} (${short}~1 ↔ ${short})`);
  }

  private async openRepoFile(relative: string): Promise<void> {
    const absolute = path.resolve(this.repoRoot, relative);
    const inside = path.relative(this.repoRoot, absolute);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      void vscode.window.showWarningMessage(`Own It only opens files inside the repository: ${relative}`);
      return;
    }
    await this.showDocument(vscode.Uri.file(absolute));
  }

  private async showDocument(uri: vscode.Uri): Promise<void> {
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } catch (err) {
      void vscode.window.showWarningMessage(`Cannot open ${vscode.workspace.asRelativePath(uri)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The commands record their result in the incident file; the file watcher then reloads this panel. */
  private async prevent(action: PreventionAction): Promise<void> {
    // fromPanel: the command opens its file beside this panel and leaves the focus here.
    await vscode.commands.executeCommand(`ownIt.${action}`, { repoRoot: this.repoRoot, incidentPath: this.incidentPath, fromPanel: true });
  }

  private async copy(format: CopyFormat, own?: string): Promise<void> {
    const text = own?.trim() ? (format === 'plain' ? markdownToPlainText(own) : own) : this.teamUpdate(format);
    if (!text) return;
    await vscode.env.clipboard.writeText(text);
    this.post({ type: 'copied', format });
  }

  private async answer(m: RequestMessage): Promise<void> {
    const fail = (err: unknown) => this.post({ type: 'reply', id: m.id, method: m.method, ok: false, error: err instanceof Error ? err.message : String(err) });
    // Typed while git's facts are still on their way: the answer waits for them.
    const facts = this.facts ?? (await this.factsKnown().then(() => this.facts, () => undefined));
    if (!facts) return fail(new Error('The incident is still loading; try again in a moment.'));
    try {
      switch (m.method) {
        case 'checkTone':
          this.post({ type: 'reply', id: m.id, method: m.method, ok: true, result: toneFor(m.params.text, facts) });
          break;
        case 'applyToneSuggestion': {
          const text = toneModule().applyToneSuggestion(m.params.text, m.params.suggestion);
          this.post({ type: 'reply', id: m.id, method: m.method, ok: true, result: { text, tone: toneFor(text, facts) } });
          break;
        }
      }
    } catch (err) {
      fail(err);
    }
  }

  private trackActive(): void {
    if (this.panel.active && IncidentPanel.active !== this) {
      IncidentPanel.active = this;
      _onDidChangeCurrent.fire(this);
    }
  }

  override dispose(): void {
    if (this.isDisposed) return;
    clearTimeout(this.watchTimer);
    if (IncidentPanel.panels.get(key(this.incidentPath)) === this) IncidentPanel.panels.delete(key(this.incidentPath));
    if (IncidentPanel.active === this) {
      IncidentPanel.active = undefined;
      _onDidChangeCurrent.fire(undefined);
    }
    super.dispose();
  }
}

/**
 * Restores incident panels after a window reload. Call once at activation; package.json lists
 * `onWebviewPanel:ownIt.incident` so VS Code activates us for a restored panel.
 */
export function registerIncidentPanelSerializer(context: vscode.ExtensionContext, deps: IncidentPanelDeps): vscode.Disposable {
  const registration = vscode.window.registerWebviewPanelSerializer(INCIDENT_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      if (!isPersistedWebviewState(state)) {
        panel.dispose();
        return;
      }
      if (!vscode.workspace.isTrusted) {
        // A restored panel would run git and autosave; in Restricted Mode it stays closed and the
        // incident file (which holds everything saved) is still readable in the Own It view.
        panel.dispose();
        return;
      }
      try {
        await IncidentPanel.revive(deps, panel, state.repoRoot, state.incidentPath);
      } catch (err) {
        panel.dispose();
        void vscode.window.showWarningMessage(`Own It could not reopen ${path.basename(state.incidentPath)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
  context.subscriptions.push(registration);
  return registration;
}
