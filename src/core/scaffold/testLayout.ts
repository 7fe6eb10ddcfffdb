import { readRepoText } from '../fs/repoFiles';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isUntargetable } from './targets';

const posix = path.posix;

/** Folders that are never where a repository keeps its own tests. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', 'target', 'vendor', 'bin', 'obj', '.venv', 'venv', 'third_party', 'fixtures', '__fixtures__', 'testdata']);

/** Repository-relative paths of files under `dir` (bounded) whose name matches `re`. */
export async function findFiles(repoRoot: string, dir: string, re: RegExp, maxDepth = 6): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > maxDepth || out.length > 2000) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(repoRoot, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? posix.join(rel, e.name) : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(child, depth + 1);
      } else if (re.test(e.name)) out.push(child);
    }
  };
  await walk(dir, 0);
  return out;
}

/** The file's name without its folder and test affixes: `spec_auth.rb`, `test_auth.py`, `auth.spec.ts` → `auth`. */
export function testedName(testFile: string): string {
  return posix
    .basename(testFile)
    .replace(/\.(test|spec)(\.[cm]?[jt]sx?)$/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/^(test|spec)_/, '')
    .replace(/_(test|spec)$/, '')
    .replace(/(Tests?|Spec)$/, '');
}

const segments = (p: string): string[] => (p === '.' || p === '' ? [] : p.split('/'));

/** How many trailing folders two paths share (`lib/auth/basic` vs `test/auth/basic` → 2). */
function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many leading folders two paths share. */
function sharedHead(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The folder where this repository keeps tests for `sourceFile`, learned from its existing tests:
 * the folder of a test already named after the file; else the test folder that mirrors the source
 * folder (`lib/a/b.rb` → `test/a/`), or is nearest to it (`packages/x/src/y.ts` → `packages/x/__tests__/`);
 * undefined when the repository has no tests to learn from.
 */
export function learnTestDir(allTests: string[], sourceFile: string): string | undefined {
  // Tests shipped inside vendored or generated code are someone else's layout.
  const existingTests = allTests.filter((t) => !isUntargetable(t));
  if (existingTests.length === 0) return undefined;
  const base = posix.basename(sourceFile).replace(/\.[^.]+$/, '');
  const srcDir = segments(posix.dirname(sourceFile));
  const named = existingTests.filter((t) => testedName(t).toLowerCase() === base.toLowerCase());
  const byCloseness = (list: string[]): string[] =>
    [...list].sort((a, b) => sharedHead(segments(posix.dirname(b)), srcDir) - sharedHead(segments(posix.dirname(a)), srcDir));
  if (named.length > 0) return posix.dirname(byCloseness(named)[0]);
  const dirs = new Map<string, number>();
  for (const t of existingTests) dirs.set(posix.dirname(t), (dirs.get(posix.dirname(t)) ?? 0) + 1);
  let best: { dir: string; score: number } | undefined;
  for (const [dir, count] of dirs) {
    const d = segments(dir);
    // Mirrored sub-folders count most, then sitting inside the same package, then how many tests live there.
    const score = sharedTail(d, srcDir) * 1e6 + sharedHead(d, srcDir) * 1e3 + Math.min(count, 999);
    if (!best || score > best.score) best = { dir, score };
  }
  return best?.dir;
}

/** The most common value, ties to the first seen. */
export function mostCommon(items: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, v] of counts) if (best === undefined || v > (counts.get(best) ?? 0)) best = k;
  return best;
}

/**
 * The helper most of the repository's tests load first (`require_relative 'helper'`,
 * `require 'test_helper'`), rewritten for a test in `forDir`. Undefined when there is none.
 */
export async function learnRubyHelper(repoRoot: string, existingTests: string[], forDir: string): Promise<string | undefined> {
  const seen: string[] = [];
  for (const t of existingTests.slice(0, 40)) {
    const text = (await readRepoText(repoRoot, t).catch(() => undefined)) ?? '';
    const m = /^\s*(require_relative|require)\s*\(?\s*['"]([^'"]*(?:helper|test_helper|spec_helper)[^'"]*)['"]/m.exec(text);
    if (!m) continue;
    if (m[1] === 'require') seen.push(`require '${m[2]}'`);
    else {
      const target = posix.normalize(posix.join(posix.dirname(t), m[2]));
      seen.push(`require_relative '${posix.relative(forDir, target)}'`);
    }
  }
  return mostCommon(seen);
}

/** Ruby test file naming the repository uses: `spec_x.rb`, `test_x.rb`, `x_test.rb` or `x_spec.rb`. */
export function learnRubyName(existingTests: string[], rspec: boolean): (base: string, n: number) => string {
  const styles = existingTests.map((t) => posix.basename(t)).map((b) => (/^spec_/.test(b) ? 'spec_' : /^test_/.test(b) ? 'test_' : /_spec\.rb$/.test(b) ? '_spec' : '_test'));
  const style = mostCommon(styles) ?? (rspec ? '_spec' : '_test');
  const num = (n: number): string => (n > 1 ? `_${n}` : '');
  if (style.endsWith('_')) return (base, n) => `${style}${base}_regression${num(n)}.rb`;
  return (base, n) => `${base}_regression${num(n)}${style}.rb`;
}
