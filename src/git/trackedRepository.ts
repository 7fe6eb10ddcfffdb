import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Repository } from '../@types/git';
import { classifyHeadMove, fileSize, readReflogTail } from '../core/repo/reflog';
import { revertInProgress, type RevertProgress } from '../core/revert/revertInProgress';
import { currentHead, isAncestor, resolveGitDirs, type GitDirs } from '../core/repo/repoQueries';

/** A span of commits that became reachable from HEAD: `from..to` (from undefined = from the root). */
export interface NewCommits {
  from: string | undefined;
  to: string;
  action: string;
}

const DEBOUNCE_MS = 120;
const ZERO = /^0+$/;

/**
 * Watches one repository's real git dir so that git run in a terminal is seen as well as git
 * run from VS Code. Reads only what was appended to `logs/HEAD` since the last look and turns
 * it into ranges of new commits; checkouts, rebases and resets produce nothing.
 */
export class TrackedRepository implements vscode.Disposable {
  private readonly _onDidAddCommits = new vscode.EventEmitter<NewCommits[]>();
  readonly onDidAddCommits = this._onDidAddCommits.event;
  private readonly _onDidChangeRevertInProgress = new vscode.EventEmitter<boolean>();
  readonly onDidChangeRevertInProgress = this._onDidChangeRevertInProgress.event;
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  /** Any change in the git dir (refs, HEAD, index), debounced. */
  readonly onDidChange = this._onDidChange.event;

  private readonly disposables: vscode.Disposable[] = [this._onDidAddCommits, this._onDidChangeRevertInProgress, this._onDidChange];
  private watchers: fs.FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();
  private reflogOffset = 0;
  private head: string | undefined;
  private dirs: GitDirs | undefined;
  /** A `git revert` stopped in this work tree (conflicts, or between commits of a multi-commit revert). */
  revertInProgress = false;
  /** What the core reads about it: the commit being reverted, whether paths are conflicted. */
  revertProgress: RevertProgress | undefined;

  constructor(
    readonly root: string,
    readonly repository: Repository | undefined,
    private readonly gitBinary: string | undefined,
  ) {}

  get gitDir(): string | undefined {
    return this.dirs?.gitDir;
  }

  async start(): Promise<void> {
    this.dirs = await resolveGitDirs(this.root, this.gitBinary);
    this.reflogOffset = await fileSize(path.join(this.dirs.gitDir, 'logs', 'HEAD'));
    this.head = await currentHead(this.root, this.gitBinary);
    await this.readRevertProgress();
    for (const dir of [this.dirs.gitDir, path.join(this.dirs.gitDir, 'logs'), path.join(this.dirs.commonDir, 'refs', 'heads')]) {
      this.watch(dir);
    }
    if (this.repository) this.disposables.push(this.repository.state.onDidChange(() => this.schedule()));
  }

  private watch(dir: string): void {
    try {
      const watcher = fs.watch(dir, { persistent: false }, () => this.schedule());
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    } catch {
      // The folder may not exist yet (no reflog before the first commit); the git dir watch still covers HEAD.
    }
  }

  /** Bursts of file events (git writes lock files, then renames) collapse into one check. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.checking = this.checking.then(() => this.check()).catch(() => undefined);
    }, DEBOUNCE_MS);
  }

  /** Runs a check now and resolves when it is done (used by commands and tests). */
  flush(): Promise<void> {
    this.checking = this.checking.then(() => this.check()).catch(() => undefined);
    return this.checking;
  }

  private async check(): Promise<void> {
    const dirs = this.dirs;
    if (!dirs) return;
    const before = this.revertProgress;
    await this.readRevertProgress();
    const after = this.revertProgress;
    if (before?.inProgress !== after?.inProgress || before?.revertHead !== after?.revertHead || before?.conflicted !== after?.conflicted) {
      this._onDidChangeRevertInProgress.fire(this.revertInProgress);
    }

    const { entries, offset } = await readReflogTail(path.join(dirs.gitDir, 'logs', 'HEAD'), this.reflogOffset);
    this.reflogOffset = offset;
    const previousHead = this.head;
    const head = await currentHead(this.root, this.gitBinary);
    this.head = head;

    let ranges: NewCommits[] = entries
      .filter((e) => classifyHeadMove(e) === 'new-commits')
      .map((e) => ({ from: ZERO.test(e.oldSha) ? undefined : e.oldSha, to: e.newSha, action: e.action }));

    // Without a reflog (core.logAllRefUpdates=false) fall back to comparing HEADs: only a
    // move to a descendant adds commits; anything else is a checkout or a rewrite.
    if (entries.length === 0 && head && previousHead && head !== previousHead) {
      const reflogExists = (await fileSize(path.join(dirs.gitDir, 'logs', 'HEAD'))) > 0;
      if (!reflogExists && (await isAncestor(this.root, previousHead, head, this.gitBinary))) {
        ranges = [{ from: previousHead, to: head, action: 'unknown' }];
      }
    }
    if (ranges.length > 0) this._onDidAddCommits.fire(ranges);
    this._onDidChange.fire();
  }

  private async readRevertProgress(): Promise<void> {
    // A repository that vanished or broke reads as "no revert under way"; the next check retries.
    this.revertProgress = await revertInProgress(this.root, this.gitBinary).catch(() => undefined);
    this.revertInProgress = this.revertProgress?.inProgress === true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.splice(0)) w.close();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
