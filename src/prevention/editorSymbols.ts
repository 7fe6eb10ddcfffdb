import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChangedFile, SymbolExtent, SymbolKind } from '../core/scaffold';
import { benchMark } from '../services/benchTiming';
import { scaffoldModule } from '../services/lazyBundles';

/** Editor symbol kinds that a regression test can target, in the core's vocabulary. */
const KINDS = new Map<vscode.SymbolKind, SymbolKind>([
  [vscode.SymbolKind.Function, 'function'],
  [vscode.SymbolKind.Method, 'method'],
  [vscode.SymbolKind.Constructor, 'method'],
  [vscode.SymbolKind.Class, 'class'],
  [vscode.SymbolKind.Interface, 'interface'],
  [vscode.SymbolKind.Struct, 'struct'],
  [vscode.SymbolKind.Enum, 'enum'],
  [vscode.SymbolKind.Module, 'module'],
  [vscode.SymbolKind.Namespace, 'module'],
  [vscode.SymbolKind.Package, 'module'],
]);
const CONTAINERS: ReadonlySet<SymbolKind> = new Set(['class', 'interface', 'struct', 'enum', 'trait', 'impl', 'module']);

export interface EditorSymbolOptions {
  /** The built-in git extension's `toGitUri`, to open a file as the culprit committed it. */
  toGitUri?: (uri: vscode.Uri, ref: string) => vscode.Uri;
  /** How long one file's symbol provider may take; slower answers are ignored. */
  timeoutMs?: number;
  /** Changed files asked about at most (the biggest commits gain little from more). */
  maxFiles?: number;
  /** The core's reading of the culprit, when the caller started it already (beside other git work). */
  coreChanges?: Promise<ChangedFile[]>;
}

export interface EditorChanges {
  changes: ChangedFile[];
  /** Files whose symbols came from the editor's symbol provider rather than the core's patterns. */
  fromEditor: string[];
}

/** Reading the culprit's version of a file (from disk or the git extension) before its symbols are asked for. */
const OPEN_TIMEOUT_MS = 10_000;

function withTimeout<T>(work: Thenable<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

function isDocumentSymbol(s: vscode.DocumentSymbol | vscode.SymbolInformation): s is vscode.DocumentSymbol {
  return 'range' in s && 'children' in s;
}

/** Provider answers (nested DocumentSymbols or flat SymbolInformation) as the core's 1-based extents. */
export function toExtents(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): SymbolExtent[] {
  const out: SymbolExtent[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[], container: string | undefined): void => {
    for (const s of list) {
      const kind = KINDS.get(s.kind);
      if (kind) out.push({ name: s.name, kind, line: s.range.start.line + 1, end: s.range.end.line + 1, ...(container ? { container } : {}) });
      walk(s.children, kind && CONTAINERS.has(kind) ? s.name : container);
    }
  };
  for (const s of symbols) {
    if (isDocumentSymbol(s)) walk([s], undefined);
    else {
      const kind = KINDS.get(s.kind);
      const r = s.location.range;
      if (kind) out.push({ name: s.name, kind, line: r.start.line + 1, end: r.end.line + 1, ...(s.containerName ? { container: s.containerName } : {}) });
    }
  }
  return out;
}

/**
 * The file as the culprit committed it: the working-tree file when it has not changed since (so
 * every language server answers), else the git extension's read-only view of that commit.
 */
async function culpritVersion(repoRoot: string, sha: string, file: string, toGitUri: EditorSymbolOptions['toGitUri']): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.file(path.join(repoRoot, file));
  const [committed, current] = await Promise.all([scaffoldModule().fileAtCommit(repoRoot, sha, file), fs.readFile(uri.fsPath, 'utf8').catch(() => undefined)]);
  if (committed === undefined) return undefined;
  if (current !== undefined && current === committed) return uri;
  return toGitUri ? toGitUri(uri, sha) : undefined;
}

/**
 * What the culprit changed, with symbols from the installed language support where it answers in
 * time, and the core's hunk headers and per-language patterns everywhere else. Best effort: any
 * failure of a provider leaves that file's core symbols in place.
 */
export async function changesWithEditorSymbols(repoRoot: string, sha: string, options: EditorSymbolOptions = {}): Promise<EditorChanges> {
  const changes = await (options.coreChanges ?? scaffoldModule().changedSymbols(repoRoot, sha));
  benchMark('scaffold: core symbols read', { files: changes.length });
  const timeoutMs = options.timeoutMs ?? 2000;
  const candidates = changes.filter((f) => f.language !== 'unknown' && f.status !== 'deleted' && f.ranges.length > 0).slice(0, options.maxFiles ?? 8);
  const fromEditor: string[] = [];
  await Promise.all(
    candidates.map(async (file) => {
      const uri = await culpritVersion(repoRoot, sha, file.path, options.toGitUri).catch(() => undefined);
      if (!uri) return;
      // Loading the document is not the language server's time: the bound applies to the provider.
      const opened = await withTimeout(vscode.workspace.openTextDocument(uri), OPEN_TIMEOUT_MS);
      if (!opened) return;
      benchMark('scaffold: culprit version opened', { file: file.path });
      const symbols = await withTimeout(
        vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri),
        timeoutMs,
      );
      benchMark('scaffold: editor symbols answered', { file: file.path, symbols: symbols?.length ?? -1 });
      if (!symbols || symbols.length === 0) return;
      const found = scaffoldModule().symbolsInRanges(toExtents(symbols), file.ranges);
      if (found.length === 0) return;
      file.symbols = found;
      fromEditor.push(file.path);
    }),
  );
  return { changes, fromEditor };
}
