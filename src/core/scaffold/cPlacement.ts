import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { frameworkInclude, loadLines, SHARNESS_SCRIPT, SUITE_SCRIPT, unitTestFiles } from './cSuites';
import { moduleBaseName, pascalCase, snakeCase } from './naming';
import type { CHarness, Placement, PlacementInput } from './sharedShapes';
import { learnTestDir, mostCommon } from './testLayout';

const posix = path.posix;


const read = (repo: string, rel: string): Promise<string> => readRepoText(repo, rel).then((t) => t ?? '', () => '');
const kebab = (s: string): string => snakeCase(s).replace(/_/g, '-');

/** Words of a path or name that say what it is about (`builtin/log.c`, `cmd_log` → `log`). */
function words(s: string): string[] {
  const stop = new Set(['c', 'h', 'cc', 'cpp', 'hpp', 'sh', 't', 'src', 'lib', 'libs', 'source', 'include', 'builtin', 'util', 'utils', 'common', 'core', 'main', 'test', 'tests', 'cmd', 'the', 'and', 'of', 'a', 'to', 'in', 'for', 'do', 'get', 'set', 'new']);
  return snakeCase(s).split('_').filter((w) => w.length > 1 && !stop.has(w));
}

/**
 * The existing script that tests the same thing: the most words shared with the changed file's
 * name (weighted most), the function and the folders; fewer other words and a lower number break ties.
 */
export function nearestScript(scripts: string[], file: string, symbol: string | undefined): string | undefined {
  const base = new Set(words(moduleBaseName(file)));
  const sym = new Set(words(symbol ?? ''));
  const dirs = new Set(words(posix.dirname(file)));
  let best: { script: string; score: number; extra: number } | undefined;
  for (const script of scripts) {
    const m = SUITE_SCRIPT.exec(script);
    if (!m) continue;
    const own = words(m[3]);
    const score = own.reduce((s, w) => s + (base.has(w) ? 3 : 0) + (sym.has(w) ? 2 : 0) + (dirs.has(w) ? 1 : 0), 0);
    const extra = own.length - own.filter((w) => base.has(w) || sym.has(w) || dirs.has(w)).length;
    if (score > 0 && (!best || score > best.score || (score === best.score && extra < best.extra))) best = { script, score, extra };
  }
  return best?.script;
}

/**
 * Numbers for a new script: free ones after the nearest script, in its block of a hundred
 * (git's t/README: the first digits name the area), then before it; without a nearest script,
 * after the highest number.
 */
export function freeNumbers(taken: Set<number>, anchor: number | undefined, width: number): number[] {
  const max = 10 ** width - 1;
  const out: number[] = [];
  const push = (n: number): void => {
    if (n >= 1 && n <= max && !taken.has(n) && !out.includes(n)) out.push(n);
  };
  if (anchor !== undefined) {
    const block = width >= 4 ? 100 : 10;
    const lo = Math.floor(anchor / block) * block;
    for (let n = anchor + 1; n < lo + block && out.length < 20; n++) push(n);
    for (let n = lo; n < anchor && out.length < 20; n++) push(n);
  }
  const highest = Math.max(0, ...taken);
  for (let n = highest + 1; n <= max && out.length < 40; n++) push(n);
  for (let n = 1; n <= max && out.length < 40; n++) push(n);
  return out;
}

/** A new numbered script beside the suite's others, loading the library the way they do. */
async function shellPlacement(input: PlacementInput): Promise<Placement> {
  const dir = input.framework.testDir ?? posix.join(input.framework.root, 't');
  const all = (await fs.readdir(path.join(input.repoRoot, dir)).catch(() => [] as string[])).sort();
  const scripts = all.filter((n) => SUITE_SCRIPT.test(n));
  const parsed = scripts.map((s) => SUITE_SCRIPT.exec(s)).filter((m): m is RegExpExecArray => m !== null);
  const prefix = mostCommon(parsed.map((m) => m[1])) ?? 't';
  const width = Number(mostCommon(parsed.map((m) => String(m[2].length))) ?? 4);
  const ext = mostCommon(parsed.map((m) => m[4])) ?? 'sh';
  const siblings = scripts.length > 0 ? scripts : all.filter((n) => SHARNESS_SCRIPT.test(n));
  const samples = await Promise.all(siblings.slice(0, 12).map((s) => read(input.repoRoot, posix.join(dir, s))));
  const load = mostCommon(samples.map(loadLines).filter((l): l is string => l !== undefined)) ?? '. ./test-lib.sh';
  const subject = input.symbol?.name ?? moduleBaseName(input.file);
  const slug = kebab(subject);
  const harness = { frameworkLines: load.split('\n') };
  if (scripts.length === 0) {
    // An unnumbered sharness suite (`*.t`): the name alone says what the script is about.
    const name = (n: number): string => `${slug}-regression${n > 1 ? `-${n}` : ''}.t`;
    return { dir, fileName: name, className: () => '', imports: [], moduleSystem: 'esm', harness };
  }
  // A rerun must find the script it wrote before, under whatever number it got.
  const mine = scripts.filter((s) => SUITE_SCRIPT.exec(s)?.[3] === `${slug}-regression`);
  const anchor = nearestScript(scripts.filter((s) => !s.endsWith(`-regression.${ext}`)), input.file, input.symbol?.name);
  const numbers = freeNumbers(new Set(parsed.map((m) => Number(m[2]))), anchor ? Number(SUITE_SCRIPT.exec(anchor)?.[2]) : undefined, width);
  const fresh = numbers.map((n) => `${prefix}${String(n).padStart(width, '0')}-${slug}-regression.${ext}`);
  const names = [...mine, ...fresh];
  return {
    dir,
    fileName: (n) => names[n - 1] ?? names[names.length - 1],
    className: () => '',
    imports: [],
    moduleSystem: 'esm',
    harness,
  };
}

/** `foo_test.cc`, `foo_unittest.cc`, `test_foo.c`, `FooTest.cpp`, `foo-test.c`: the siblings' naming. */
function unitNamer(siblings: string[]): (base: string, n: number) => string {
  const styles = siblings.map((s) => posix.basename(s)).map((b) => {
    const ext = /\.([^.]+)$/.exec(b)?.[1] ?? 'c';
    if (/_unittest\.[^.]+$/.test(b)) return `_unittest.${ext}`;
    if (/_tests?\.[^.]+$/.test(b)) return `${/_tests\./.test(b) ? '_tests' : '_test'}.${ext}`;
    if (/-tests?\.[^.]+$/.test(b)) return `-test.${ext}`;
    if (/^tests?_/.test(b)) return `test_.${ext}`;
    if (/Tests?\.[^.]+$/.test(b)) return `Test.${ext}`;
    return `.${ext}`;
  });
  const style = mostCommon(styles) ?? '_test.c';
  const [affix, ext] = [style.slice(0, style.indexOf('.')), style.slice(style.indexOf('.') + 1)];
  const num = (n: number): string => (n > 1 ? `_${n}` : '');
  if (affix === 'test_') return (base, n) => `test_${snakeCase(base)}_regression${num(n)}.${ext}`;
  if (affix === 'Test') return (base, n) => `${pascalCase(base)}Regression${n > 1 ? n : ''}Test.${ext}`;
  if (affix === '-test') return (base, n) => `${kebab(base)}-regression${n > 1 ? `-${n}` : ''}-test.${ext}`;
  // Tests named like what they test (`parse_number.c`): the folder alone says they are tests.
  return (base, n) => `${snakeCase(base)}_regression${num(n)}${affix}.${ext}`;
}

const QUOTED_INCLUDE = /^\s*#\s*include\s*"([^"]+)"/gm;

/**
 * `#include "…"` for the header of the changed code, written the way the siblings write theirs:
 * relative to the test's folder or to one include root. Undefined when they show no one way.
 */
async function projectInclude(repo: string, testDir: string, siblings: string[], texts: string[], file: string): Promise<string | undefined> {
  const exists = (rel: string): Promise<boolean> => fs.access(path.join(repo, rel)).then(() => true, () => false);
  const header = /\.(h|hh|hpp|hxx)$/.test(file)
    ? file
    : await (async () => {
        for (const e of ['h', 'hpp', 'hh', 'hxx']) if (await exists(file.replace(/\.[^.]+$/, `.${e}`))) return file.replace(/\.[^.]+$/, `.${e}`);
        return undefined;
      })();
  if (!header) return undefined;
  const roots: string[] = [];
  for (const [i, text] of texts.entries()) {
    for (const m of text.matchAll(QUOTED_INCLUDE)) {
      const inc = m[1];
      if (/gtest|catch|unity/.test(inc)) continue;
      const own = posix.dirname(siblings[i]);
      if (await exists(posix.join(own, inc))) roots.push('.');
      else for (const r of ['', 'include', 'src', 'lib']) if (await exists(posix.join(r, inc))) { roots.push(r); break; }
    }
  }
  const root = mostCommon(roots);
  if (root === undefined) return undefined;
  const rel = root === '.' ? posix.relative(testDir, header) : posix.relative(root, header);
  return rel.startsWith('../') && root !== '.' ? undefined : `#include "${rel}"`;
}

/** A unit-test file beside the repository's own tests of the same framework, in their naming. */
async function unitPlacement(input: PlacementInput): Promise<Placement> {
  const { framework, file } = input;
  const siblings = (await unitTestFiles(input.repoRoot, framework.root)).get(framework.framework) ?? [];
  const dir = learnTestDir(siblings, file) ?? posix.join(framework.root, 'tests');
  const near = siblings.filter((s) => posix.dirname(s) === dir);
  const pool = near.length > 0 ? near : siblings;
  const texts = await Promise.all(pool.slice(0, 12).map((s) => read(input.repoRoot, s)));
  const fallback = { gtest: '#include <gtest/gtest.h>', catch2: '#include <catch2/catch_test_macros.hpp>', unity: '#include "unity.h"' }[framework.framework as 'gtest' | 'catch2' | 'unity'];
  // The line the neighbours use: the framework's header, or the project's own header that includes it.
  const brought = await Promise.all(pool.slice(0, 12).map((s, i) => frameworkInclude(input.repoRoot, s, texts[i])));
  const frameworkLines = [mostCommon(brought.filter((b) => b?.framework === framework.framework).map((b) => b?.line).filter((l): l is string => l !== undefined)) ?? fallback];
  const majority = (re: RegExp): boolean => texts.filter((t) => re.test(t)).length * 2 > texts.length;
  const include = await projectInclude(input.repoRoot, dir, pool.slice(0, 12), texts, file);
  const name = unitNamer(pool);
  const base = input.symbol?.name ?? moduleBaseName(file);
  return {
    dir,
    fileName: (n) => name(base, n),
    className: () => '',
    imports: include ? [include] : [],
    moduleSystem: 'esm',
    harness: {
      frameworkLines,
      // C (Unity) may be C89: `//` only when the neighbours use it; C++ uses `//` unless they only use blocks.
      blockComments: !majority(/^\s*\/\/[^\n]*$/m) && (framework.framework === 'unity' || majority(/\/\*/)),
      ...(framework.framework === 'unity' ? unityHarness(texts, majority) : {}),
    },
  };
}

/** Where a C or C++ regression test goes and how it loads its framework. */
export function cPlacement(input: PlacementInput): Promise<Placement> {
  return input.framework.framework === 'shell-suite' || input.framework.framework === 'sharness' ? shellPlacement(input) : unitPlacement(input);
}

/** Unity files carry their own `main` unless a runner is generated (Ceedling); `setUp`/`tearDown` may live in one shared file. */
function unityHarness(texts: string[], majority: (re: RegExp) => boolean): Pick<CHarness, 'unityMain' | 'unityFixtures'> {
  const mains = texts.map((t) => /^[ \t]*(?:int\s+)?(?:\w+\s+)*main\s*\(\s*(?:void)?\s*\)[ \t]*$/m.exec(t)?.[0].trim()).filter((l): l is string => l !== undefined);
  const main = mains.length * 2 > texts.length ? mostCommon(mains) : undefined;
  return { ...(main ? { unityMain: main } : {}), unityFixtures: majority(/\bvoid\s+setUp\s*\(\s*void\s*\)/) };
}

export type { CHarness } from './sharedShapes';
