/**
 * The maintainer's choice for a regression test: a new case in the test file that already covers
 * the changed module (`parser.ts` → `parser.test.ts`, `shop.py` → `test_shop.py`, `cart.go` →
 * `cart_test.go`, `Cart.java` → `CartTest.java`), instead of a new file beside it. The edit is
 * planned from the file as read and written only if the file is still that file.
 */
import * as path from 'node:path';
import { FileChangedError } from '../fs/atomicWrite';
import { readRepoFile, writeRepoFile } from '../fs/repoFiles';
import { insertCase, canAddCase, type CaseInput } from './specCase';
import { moduleBaseName } from './naming';
import { styleGenerated } from './style';
import { findFiles } from './testLayout';
import type { Cursor, DetectedFramework, SpecEdit } from './types';

const posix = path.posix;

export { FileChangedError };
export type { SpecEdit };

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Test file names that cover the module `base` in each ecosystem (our own regression files excluded). */
function specNames(framework: DetectedFramework, file: string): RegExp | undefined {
  const base = escapeRe(moduleBaseName(file));
  switch (framework.ecosystem) {
    case 'js':
      return new RegExp(`^${base}\\.(test|spec)\\.[cm]?[jt]sx?$`);
    case 'python':
      return new RegExp(`^(test_${base}|${base}_test)\\.py$`);
    case 'go':
      return new RegExp(`^${base}_test\\.go$`);
    case 'ruby':
      return new RegExp(`^(test_${base}|${base}_test|${base}_spec|spec_${base})\\.rb$`);
    case 'java':
      return new RegExp(`^${base}Tests?\\.java$`);
    default:
      return undefined;
  }
}

/** Folders shared from the top of the paths, then from the bottom: how close a test folder is to the source. */
function closeness(testFile: string, sourceFile: string): number {
  const a = posix.dirname(testFile).split('/');
  const b = posix.dirname(sourceFile).split('/');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length && tail < b.length && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return (posix.dirname(testFile) === posix.dirname(sourceFile) ? 100 : 0) + 2 * head + tail;
}

/** The existing test file for the changed module, nearest to it; undefined when there is none. */
export async function findSpecFile(repo: string, framework: DetectedFramework, sourceFile: string): Promise<string | undefined> {
  const names = specNames(framework, sourceFile);
  if (!names || !canAddCase(framework.framework)) return undefined;
  // Go tests share the package: only the source file's own folder counts.
  const found = framework.ecosystem === 'go' ? await findFiles(repo, posix.dirname(sourceFile), names, 0) : await findFiles(repo, framework.root, names);
  const candidates = found.filter((f) => !/regression/i.test(posix.basename(f)));
  if (framework.ecosystem === 'java') {
    const pkg = posix.dirname(sourceFile).replace(/^.*?src\/main\/java\//, '');
    const same = candidates.filter((f) => posix.dirname(f).endsWith(`src/test/java/${pkg}`));
    return same[0];
  }
  return candidates.sort((x, y) => closeness(y, sourceFile) - closeness(x, sourceFile) || x.localeCompare(y))[0];
}

const FORMATTERS = new Set(['prettier', 'gofmt', 'rustfmt', 'ruff format', 'black']);

/**
 * The edited file in the repo's style: when its formatter leaves the file as it was, the whole
 * edited file goes through it too; otherwise (no formatter, or a file the formatter would change
 * elsewhere) only our lines change, in the file's own indentation and quotes.
 */
async function styleEdit(repo: string, framework: DetectedFramework, rel: string, before: string, after: string): Promise<{ content: string; by?: string }> {
  const was = await styleGenerated(repo, framework.root, rel, framework.ecosystem, before);
  if (!FORMATTERS.has(was.by) || was.content !== before) return { content: after };
  const now = await styleGenerated(repo, framework.root, rel, framework.ecosystem, after);
  return FORMATTERS.has(now.by) ? { content: now.content, by: now.by } : { content: after };
}

/**
 * Adds `input`'s case to `text` (the file at `rel`) and styles the result; undefined when no place
 * fits. `base` is the file as the repository has it (when `text` already holds restored lines):
 * the formatter runs when it leaves `base` unchanged.
 */
export async function addCaseToText(
  repo: string,
  framework: DetectedFramework,
  rel: string,
  text: string,
  input: CaseInput,
  base = text,
): Promise<{ content: string; cursor: Cursor; into: string; by?: string } | undefined> {
  const inserted = insertCase(text, input);
  if (!inserted) return undefined;
  const styled = await styleEdit(repo, framework, rel, base, inserted.content);
  if (styled.content === inserted.content) return { ...inserted, ...(styled.by ? { by: styled.by } : {}) };
  const lines = styled.content.split('\n');
  const marker = input.message.slice(0, 40);
  const line = Math.max(0, lines.findIndex((l, i) => i >= Math.min(inserted.cursor.line, lines.length - 1) - 5 && l.includes(marker)));
  return { content: styled.content, cursor: { line, column: (/^\s*/.exec(lines[line] ?? '') ?? [''])[0].length }, into: inserted.into, ...(styled.by ? { by: styled.by } : {}) };
}

/** Plans the new case in the existing test file `rel`; undefined when the file cannot take one. */
export async function planSpecEdit(repo: string, framework: DetectedFramework, rel: string, input: CaseInput): Promise<SpecEdit | undefined> {
  const read = await readRepoFile(repo, rel).catch(() => undefined);
  if (!read) return undefined;
  const added = await addCaseToText(repo, framework, rel, read.text, input);
  if (!added) return undefined;
  const { ino, size, mtimeMs } = read.stat;
  return { path: rel, content: added.content, cursor: added.cursor, into: added.into, original: read.text, stat: { ino, size, mtimeMs }, ...(added.by ? { styledBy: added.by } : {}) };
}

/**
 * Writes a planned edit atomically (temp + rename, mode kept). Throws FileChangedError, writing
 * nothing, when the file changed since it was planned: someone's edit is never overwritten.
 */
export async function writeSpecEdit(repo: string, edit: SpecEdit): Promise<void> {
  const now = await readRepoFile(repo, edit.path);
  if (!now || now.text !== edit.original) throw new FileChangedError(edit.path);
  await writeRepoFile(repo, edit.path, edit.content, { unchangedSince: edit.stat });
}

/**
 * The lines an edit changes: `original` lines [start, oldEnd) become `lines`. Used to show only
 * the new case (`--print`) and to make the editor's edit touch only those lines (undo restores them).
 */
export function changedRegion(original: string, content: string): { start: number; oldEnd: number; lines: string[] } {
  const a = original.split('\n');
  const b = content.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start, oldEnd: a.length - tail, lines: b.slice(start, b.length - tail) };
}
