import * as vscode from 'vscode';
import type { API, Repository } from '../@types/git';
import { getGitApi } from './gitExtension';
import { TrackedRepository, type NewCommits } from './trackedRepository';

export interface CommitsAdded {
  repo: TrackedRepository;
  ranges: NewCommits[];
}

/**
 * The model of repositories Own It follows: every repository the built-in git extension
 * knows (multi-root, opened later, closed), each with its own git-dir watcher.
 */
export class RepositoryTracker implements vscode.Disposable {
  private readonly repos = new Map<string, TrackedRepository>();
  private readonly _onDidAddCommits = new vscode.EventEmitter<CommitsAdded>();
  readonly onDidAddCommits = this._onDidAddCommits.event;
  private readonly _onDidChangeRepositories = new vscode.EventEmitter<void>();
  readonly onDidChangeRepositories = this._onDidChangeRepositories.event;
  private readonly _onDidChangeRepository = new vscode.EventEmitter<TrackedRepository>();
  readonly onDidChangeRepository = this._onDidChangeRepository.event;
  private readonly _onDidChangeRevertInProgress = new vscode.EventEmitter<TrackedRepository>();
  readonly onDidChangeRevertInProgress = this._onDidChangeRevertInProgress.event;

  private readonly disposables: vscode.Disposable[] = [
    this._onDidAddCommits,
    this._onDidChangeRepositories,
    this._onDidChangeRepository,
    this._onDidChangeRevertInProgress,
  ];
  private readonly repoDisposables = new Map<string, vscode.Disposable[]>();
  private readyPromise: Promise<void> | undefined;
  private api: API | undefined;
  private discovered = false;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Starts tracking in the background; activation never waits for it. */
  start(): Promise<void> {
    this.readyPromise ??= this.init()
      .catch((e: unknown) => this.log.error('Could not start repository tracking', e))
      .finally(() => (this.discovered = true));
    return this.readyPromise;
  }

  /**
   * Resolves once repositories are known. In an untrusted workspace tracking never starts (no git
   * runs there), so this resolves at once with no repositories.
   */
  whenReady(): Promise<void> {
    return vscode.workspace.isTrusted ? this.start() : Promise.resolve();
  }

  /** True once the first discovery is done: `repositories` then lists what the git extension found. */
  get ready(): boolean {
    return this.discovered;
  }

  get gitBinary(): string | undefined {
    return this.api?.git.path;
  }

  get repositories(): TrackedRepository[] {
    return [...this.repos.values()];
  }

  /** The repository containing `fsPath` (deepest root wins, for nested repos and submodules). */
  repositoryFor(fsPath: string): TrackedRepository | undefined {
    let best: TrackedRepository | undefined;
    for (const repo of this.repos.values()) {
      if ((fsPath === repo.root || fsPath.startsWith(repo.root + '/') || fsPath.startsWith(repo.root + '\\')) && (!best || repo.root.length > best.root.length)) {
        best = repo;
      }
    }
    return best;
  }

  private async init(): Promise<void> {
    const api = await getGitApi();
    if (!api) {
      // Said once per window: without git, Own It can still show and edit existing incident files.
      const message = 'Own It cannot find Git (the built-in Git extension is disabled or git is not installed), so it will not watch for reverts. Existing incidents stay available in the Own It view.';
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
      return;
    }
    this.api = api;
    this.disposables.push(
      api.onDidOpenRepository((r) => void this.add(r)),
      api.onDidCloseRepository((r) => this.remove(r.rootUri.fsPath)),
    );
    await Promise.all(api.repositories.map((r) => this.add(r)));
  }

  private async add(repository: Repository): Promise<void> {
    const root = repository.rootUri.fsPath;
    if (this.repos.has(root)) return;
    const tracked = new TrackedRepository(root, repository, this.api?.git.path);
    this.repos.set(root, tracked);
    try {
      await tracked.start();
    } catch (e) {
      this.log.error(`Could not watch ${root}`, e);
    }
    this.repoDisposables.set(root, [
      tracked,
      tracked.onDidAddCommits((ranges) => this._onDidAddCommits.fire({ repo: tracked, ranges })),
      tracked.onDidChange(() => this._onDidChangeRepository.fire(tracked)),
      tracked.onDidChangeRevertInProgress(() => this._onDidChangeRevertInProgress.fire(tracked)),
    ]);
    this.log.info(`Watching ${root}`);
    this._onDidChangeRepositories.fire();
  }

  private remove(root: string): void {
    for (const d of this.repoDisposables.get(root) ?? []) d.dispose();
    this.repoDisposables.delete(root);
    if (this.repos.delete(root)) this._onDidChangeRepositories.fire();
  }

  dispose(): void {
    for (const root of [...this.repos.keys()]) this.remove(root);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
