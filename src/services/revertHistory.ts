import * as vscode from 'vscode';
import { currentHead } from '../core/repo/repoQueries';
import { scanReverts } from '../core/revert/revertScanner';
import { scanRevertsCached } from '../core/revert/scanCache';
import type { RevertDetection } from '../core/revert/types';
import type { RepositoryTracker } from '../git/repositoryTracker';

interface CacheEntry {
  head: string | undefined;
  detections: RevertDetection[];
}

/**
 * Reverts found in each repository's history. A scan runs only when something asks for it
 * (the Untracked Reverts view, a command) and its result is kept until HEAD moves. With a
 * storage folder the scan is also cached on disk (core scanCache): a reopened window answers
 * from the file, and a moved HEAD costs a scan of the new commits only.
 */
export class RevertHistory implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly cache = new Map<string, Promise<CacheEntry>>();
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];

  constructor(
    private readonly tracker: RepositoryTracker,
    /** The extension's global storage folder (`context.globalStorageUri.fsPath`); no disk cache without it. */
    private readonly storageDir?: string,
  ) {
    this.disposables.push(
      tracker.onDidAddCommits(({ repo }) => this.invalidate(repo.root)),
      tracker.onDidChangeRepositories(() => this._onDidChange.fire()),
    );
  }

  invalidate(repoRoot?: string): void {
    if (repoRoot) this.cache.delete(repoRoot);
    else this.cache.clear();
    this._onDidChange.fire();
  }

  async detections(repoRoot: string): Promise<RevertDetection[]> {
    const head = await currentHead(repoRoot, this.tracker.gitBinary);
    const cached = this.cache.get(repoRoot);
    if (cached && (await cached).head === head) return (await cached).detections;
    const maxCount = vscode.workspace.getConfiguration('ownIt.scan', vscode.Uri.file(repoRoot)).get<number>('maxCount', 5000);
    const gitBinary = this.tracker.gitBinary;
    const entry = this.storageDir
      ? scanRevertsCached(repoRoot, { cacheDir: this.storageDir, maxCount, gitBinary }).then((r) => ({ head: r.head, detections: r.detections }))
      : scanReverts(repoRoot, { maxCount, gitBinary }).then((detections) => ({ head, detections }));
    this.cache.set(repoRoot, entry);
    entry.catch(() => this.cache.delete(repoRoot));
    return (await entry).detections;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
