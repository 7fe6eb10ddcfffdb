import * as vscode from 'vscode';
import type { Container } from '../container';
import type { RevertDetection } from '../core/revert/types';
import { deepScanModule } from '../services/lazyBundles';
import { pickRepository } from './pickers';

/** What one "Deep Scan for Silent Reverts" found (returned for tests; undefined when cancelled). */
export interface DeepScanSummary {
  repoRoot: string;
  /** Every revert, by message or by diff. */
  total: number;
  /** Found only by their diffs: silent, partial and reapplied reverts the message scan missed. */
  byDiff: RevertDetection[];
  outcome: 'hit' | 'incremental' | 'full';
}

/**
 * Compares every commit's diff with the ones before it (core/revert/deepScan.ts), with a
 * cancellable progress notification. Results are cached per repository in the extension's
 * storage, so a second run reads only the commits added since.
 */
export async function deepScan(container: Container): Promise<DeepScanSummary | undefined> {
  const repoRoot = await pickRepository(container, 'Deep scan which repository?');
  if (!repoRoot) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Own It: comparing each commit with earlier ones', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        return await deepScanModule().scanRevertsDeepCached(repoRoot, {
          cacheDir: container.context.globalStorageUri.fsPath,
          gitBinary: container.tracker.gitBinary,
          signal: abort.signal,
          onProgress: (commits) => progress.report({ message: `${commits.toLocaleString()} commits read` }),
        });
      } catch (err) {
        if (abort.signal.aborted) return undefined;
        throw err;
      } finally {
        cancel.dispose();
      }
    },
  );
  if (!result) {
    void vscode.window.showInformationMessage('Deep scan stopped. Nothing was saved; the next one starts over.');
    return undefined;
  }
  const byDiff = result.detections.filter((d) => d.evidence === 'diff-inverse');
  const summary: DeepScanSummary = { repoRoot, total: result.detections.length, byDiff, outcome: result.outcome };
  const skipped = result.unreadable > 0 ? ` ${result.unreadable} commit${result.unreadable === 1 ? '' : 's'} could not be read (objects missing from this clone).` : '';
  if (byDiff.length === 0) {
    void vscode.window.showInformationMessage(`Deep scan found no reverts beyond the ones their messages name.${skipped}`);
    return summary;
  }
  const message = `Deep scan found ${byDiff.length} revert${byDiff.length === 1 ? '' : 's'} by their diffs alone.${skipped}`;
  void vscode.window.showInformationMessage(message, 'Show').then(async (show) => {
    if (show) await showDetections(repoRoot, byDiff);
  });
  return summary;
}

/** A pick list of the diff-only reverts; choosing one opens an incident for it. */
async function showDetections(repoRoot: string, detections: RevertDetection[]): Promise<void> {
  const items = detections.map((d) => ({
    label: d.subject,
    description: `${d.sha.slice(0, 7)} · ${d.kind === 'partial-revert' ? 'partly undoes' : d.kind === 'reapply' ? 're-applies' : 'undoes'} ${d.reverted.map((s) => s.slice(0, 7)).join(', ')}`,
    detail: d.files && d.files.length > 0 ? d.files.join(', ') : undefined,
    detection: d,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Reverts found by their diffs — pick one to open an incident', matchOnDescription: true });
  if (picked) await vscode.commands.executeCommand('ownIt.createIncidentFromRevert', { repoRoot, detection: picked.detection });
}
