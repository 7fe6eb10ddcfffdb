import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SpecEdit } from '../core/scaffold';
import { scaffoldModule } from '../services/lazyBundles';

/**
 * Applies a planned edit of an existing test file as one undoable WorkspaceEdit that replaces only
 * the lines that change, and saves it. Refuses (nothing changed) when the document is no longer the
 * text the edit was planned from: an unsaved change of the person's is never overwritten.
 */
export async function applySpecEdit(repoRoot: string, edit: SpecEdit, show: vscode.TextDocumentShowOptions): Promise<boolean> {
  const uri = vscode.Uri.file(path.join(repoRoot, edit.path));
  const doc = await vscode.workspace.openTextDocument(uri);
  const original = edit.original.replace(/\r\n/g, '\n');
  if (doc.getText().replace(/\r\n/g, '\n') !== original) {
    void vscode.window.showWarningMessage(`${edit.path} changed after Own It read it (unsaved edits?); nothing was changed. Save it and run the command again.`);
    return false;
  }
  const region = scaffoldModule().changedRegion(original, edit.content.replace(/\r\n/g, '\n'));
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const start = new vscode.Position(region.start, 0);
  const end = region.oldEnd < doc.lineCount ? new vscode.Position(region.oldEnd, 0) : doc.lineAt(doc.lineCount - 1).range.end;
  const atEnd = region.oldEnd >= doc.lineCount;
  const text = region.lines.length === 0 ? '' : atEnd ? region.lines.join(eol) : `${region.lines.join(eol)}${eol}`;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, new vscode.Range(start, end), text);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw new Error(`Could not update ${edit.path}; nothing was changed.`);
  // A save that does not go through leaves the edit in the editor (still undoable), not lost.
  if (!(await doc.save())) void vscode.window.showWarningMessage(`${edit.path} was changed in the editor but not saved; save it to keep the test.`);
  const editor = await vscode.window.showTextDocument(doc, show);
  const pos = new vscode.Position(edit.cursor.line, edit.cursor.column);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  return true;
}
