import * as vscode from 'vscode';
import type { MetricsReport } from '../../core/metrics';
import type { ExportFormat } from './protocol';
import { exportFileName, renderReport } from './viewModel';

/** A caller-given export target already exists; nothing was written. */
export class ExportTargetExistsError extends Error {
  constructor(readonly target: vscode.Uri) {
    super(`${vscode.workspace.asRelativePath(target)} already exists; Own It does not overwrite it.`);
    this.name = 'ExportTargetExistsError';
  }
}

/**
 * Saves a report where the person chooses. The save dialog starts at
 * `<repo>/insights-YYYY-MM-DD.md|csv` and asks before replacing a file itself, so we never
 * overwrite anything it did not confirm. A `target` given by a caller (a test, another extension)
 * skips the dialog, and then an existing file is never replaced (ExportTargetExistsError).
 * Returns the written file, or undefined when the dialog was cancelled.
 */
export async function exportReport(repoRoot: string, report: MetricsReport, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let uri = target;
  if (uri) {
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (exists) throw new ExportTargetExistsError(uri);
  } else {
    uri = await vscode.window.showSaveDialog({
      title: format === 'markdown' ? 'Export Insights as Markdown' : 'Export Insights as CSV',
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(repoRoot), exportFileName(format)),
      filters: format === 'markdown' ? { Markdown: ['md'] } : { CSV: ['csv'] },
      saveLabel: 'Export',
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(renderReport(report, format), 'utf8'));
  return uri;
}
