import type * as vscode from 'vscode';

const PROMPTED_LIMIT = 500;

/**
 * Typed access to what Own It remembers per workspace. Keys are versioned so a future
 * format change can ignore old values instead of misreading them.
 */
export class WorkspaceMemory {
  constructor(private readonly memento: vscode.Memento) {}

  private promptedKey(repoRoot: string): string {
    return `ownIt.v1.prompted:${repoRoot}`;
  }

  hasPrompted(repoRoot: string, sha: string): boolean {
    return this.memento.get<string[]>(this.promptedKey(repoRoot), []).includes(sha);
  }

  /** Records that a revert was offered, keeping only the most recent entries. */
  async markPrompted(repoRoot: string, sha: string): Promise<void> {
    const list = this.memento.get<string[]>(this.promptedKey(repoRoot), []).filter((s) => s !== sha);
    list.push(sha);
    await this.memento.update(this.promptedKey(repoRoot), list.slice(-PROMPTED_LIMIT));
  }

  isMuted(repoRoot: string): boolean {
    return this.memento.get<string[]>('ownIt.v1.mutedRepos', []).includes(repoRoot);
  }

  async mute(repoRoot: string): Promise<void> {
    const list = this.memento.get<string[]>('ownIt.v1.mutedRepos', []);
    if (!list.includes(repoRoot)) await this.memento.update('ownIt.v1.mutedRepos', [...list, repoRoot]);
  }
}
