import { parseUnifiedDiff, type FileDiff } from './diffParser';
import { gitRunner } from '../git/runner';
import { filesAt, MAX_PATCH_FILES, mostRelevantDiffs, touchesMoreThan } from './commitFiles';
import { commitPatch, repoTopLevel, resolveCommit } from './git';
import { isTestFile, languageOf } from './languages';
import { declaredSymbols, symbolFromLine, symbolsInRanges, type SymbolExtent } from './symbols';
import type { ChangedFile, ChangedSymbol, Language } from './types';

/** Files larger than this are listed without symbols: parsing them is slow and rarely useful. */
const MAX_SCAN_BYTES = 2_000_000;
/**
 * Only this many files, the biggest source changes first, are read (through two `cat-file` processes); the
 * rest get symbols from git's hunk headers, which cost nothing extra. A commit of more than
 * {@link MAX_PATCH_FILES} files is listed by these files only (commitFiles.ts).
 */
export const MAX_SYMBOL_FILES = 200;

/**
 * What commit `sha` changed: each file with its touched lines and the declarations those lines fall in.
 * For a revert, pass the culprit's sha (the commit that was reverted), not the revert's.
 */
export async function changedSymbols(repoPath: string, sha: string): Promise<ChangedFile[]> {
  const repo = await repoTopLevel(repoPath);
  const commit = await resolveCommit(repo, sha);
  const runner = gitRunner(repo);
  // A huge commit's whole patch is never read: only its most relevant source files' hunks.
  const diffs = (await touchesMoreThan(runner, commit, MAX_PATCH_FILES))
    ? await mostRelevantDiffs(runner, repo, commit, MAX_SYMBOL_FILES)
    : parseUnifiedDiff(await commitPatch(repo, commit));
  const readable = diffs.filter((d) => !d.binary && languageOf(d.path) !== 'unknown');
  const chosen = readable
    .sort((a, b) => Number(isTestFile(a.path)) - Number(isTestFile(b.path)) || b.added + b.removed - (a.added + a.removed))
    .slice(0, MAX_SYMBOL_FILES);
  // A deleted file has no new side: it is read at the parent.
  const texts = await filesAt(runner, chosen.map((d) => (d.status === 'deleted' ? `${commit}^:${d.path}` : `${commit}:${d.path}`)), MAX_SCAN_BYTES);
  const read = new Map(chosen.map((d, i) => [d, texts[i]]));
  const out: ChangedFile[] = [];
  for (const diff of diffs) {
    const language = languageOf(diff.path);
    const symbols =
      diff.binary || language === 'unknown' ? [] : read.has(diff) ? await symbolsOfDiff(read.get(diff), diff, language) : contextSymbols(diff, language, []);
    out.push({
      path: diff.path,
      ...(diff.oldPath ? { oldPath: diff.oldPath } : {}),
      status: diff.status,
      language,
      added: diff.added,
      removed: diff.removed,
      ranges: diff.status === 'deleted' ? [] : diff.newRanges,
      symbols,
    });
  }
  return out;
}

/** `text` is the file at the commit (at its parent for a deleted file, whose removed lines are used). */
async function symbolsOfDiff(text: string | undefined, diff: FileDiff, language: Language): Promise<ChangedSymbol[]> {
  const deleted = diff.status === 'deleted';
  if (text === undefined || text.length > MAX_SCAN_BYTES) return contextSymbols(diff, language, []);
  const declared = await declaredSymbols(text, diff.path, language);
  const found = symbolsInRanges(declared, deleted ? diff.oldRanges : diff.newRanges);
  return found.length > 0 ? found : contextSymbols(diff, language, declared);
}

/**
 * Fallback: git's hunk header context names the enclosing function for many languages
 * (more with a repo's diff drivers), even where our patterns missed the extent.
 */
function contextSymbols(diff: FileDiff, language: Language, declared: readonly SymbolExtent[]): ChangedSymbol[] {
  const out: ChangedSymbol[] = [];
  const seen = new Set<string>();
  for (const ctx of diff.contexts) {
    const sym = symbolFromLine(ctx.text, language);
    if (!sym || seen.has(sym.name)) continue;
    seen.add(sym.name);
    const known = declared.find((d) => d.name === sym.name && d.line <= ctx.line);
    const container = known?.container ?? sym.container;
    out.push({ name: sym.name, kind: known?.kind ?? sym.kind, line: known?.line ?? 0, ...(container ? { container } : {}) });
  }
  return out;
}
