import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentIndex } from '../services/incidentIndex';
import { insideRepo, isDerivedAction } from './incidentFacts';

/**
 * Watches the test files incidents link to, so that deleting a test's placeholder shows the
 * action as done (and adding it back, as pending) without touching the incident file.
 */
export class LinkedTestWatcher implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing: Promise<void> = Promise.resolve();
  private files = new Set<string>();

  constructor(private readonly index: IncidentIndex) {
    this.disposables.push(index.onDidChange(() => this.refresh()));
    this.refresh();
  }

  private refresh(): void {
    this.refreshing = this.refreshing.then(() => this.update()).catch(() => undefined);
  }

  private async update(): Promise<void> {
    const { incidents } = await this.index.all();
    const wanted = new Set<string>();
    for (const { repoRoot, incident } of incidents) {
      for (const a of incident.actions) {
        const abs = isDerivedAction(a) ? insideRepo(repoRoot, a.path) : undefined;
        if (abs) wanted.add(abs);
      }
    }
    this.files = wanted;
    // One watcher per folder, matching every file and filtering by path: file names such as
    // `[id].regression.test.tsx` would be glob syntax in a pattern.
    const folders = new Set([...wanted].map((f) => path.dirname(f)));
    for (const [folder, watcher] of this.watchers) {
      if (!folders.has(folder)) {
        watcher.dispose();
        this.watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*'));
      const changed = (uri: vscode.Uri) => {
        if (this.files.has(uri.fsPath)) this.index.invalidate('linked test');
      };
      this.watchers.set(folder, vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)));
    }
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
