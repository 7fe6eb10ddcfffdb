import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { SHARNESS_SCRIPT, SUITE_SCRIPT, unitTestFiles } from './cSuites';
import type { DetectedFramework, TestScaffoldPlan } from './types';

const posix = path.posix;

/** Build files that may list tests by name, looked for in the test's folder and each parent up to the project. */
const BUILD_FILES = ['meson.build', 'CMakeLists.txt', 'Makefile.am', 'BUILD', 'BUILD.bazel', 'GNUmakefile', 'Makefile'];
const GLOB = /file\s*\(\s*GLOB|\$\(wildcard\b|\bglob\s*\(|\$\(sort\s+\$\(wildcard/;

const stem = (name: string): string => name.replace(/\.[^.]+$/, '');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a person must do so the build runs the new test, said exactly, never done behind their
 * back: for each build file that lists the sibling tests by name (a project may build them with
 * both CMake and meson), the file, the line of the sibling that sorts just before the new test, and
 * the line to add after it (that sibling's line with the new name). When tests are collected by a
 * glob and no build file lists them, where; undefined when no build file says either.
 */
export async function registrationNote(repo: string, projectRoot: string, testDir: string, fileName: string, unitTests?: string[]): Promise<string | undefined> {
  // Unit tests: only the framework's own test files are siblings (not link or fuzz helpers beside them).
  const own = unitTests?.filter((t) => posix.dirname(t) === testDir).map((t) => posix.basename(t));
  const siblings = (await fs.readdir(path.join(repo, testDir)).catch(() => [] as string[]))
    .filter((n) => n !== fileName && (SUITE_SCRIPT.test(n) || SHARNESS_SCRIPT.test(n) || /\.(c|cc|cpp|cxx)$/.test(n)) && !n.includes('-regression.') && !n.includes('_regression'))
    .filter((n) => !own?.length || own.includes(n))
    .sort();
  if (siblings.length === 0) return undefined;
  let glob: string | undefined;
  const notes: string[] = [];
  for (let dir = testDir; ; dir = posix.dirname(dir)) {
    for (const build of BUILD_FILES) {
      const rel = posix.join(dir === '.' ? '' : dir, build);
      const text = await readRepoText(repo, rel).catch(() => undefined);
      // Beside a Makefile.am, the Makefile is configure's output: the person edits Makefile.am.
      if (!text || (/Makefile$/.test(build) && (await readRepoText(repo, posix.join(dir === '.' ? '' : dir, 'Makefile.am')).catch(() => undefined)) !== undefined)) continue;
      const lines = text.split(/\r?\n/);
      const listed = siblings.filter((s) => new RegExp(`(^|[^\\w-])${escapeRe(stem(s))}(\\.\\w+)?([^\\w-]|$)`).test(text));
      // A further build file must name two of the tests (or the only one): one word in common is no list.
      if (listed.length > 0 && (notes.length === 0 || listed.length >= Math.min(2, siblings.length))) {
        const wordRe = (name: string): RegExp => new RegExp(`(^|[^\\w-])${escapeRe(stem(name))}(?=(\\.\\w+)?([^\\w-]|$))`, 'g');
        // A line naming the file itself beats one naming only its stem (a target or test name).
        const lineOf = (name: string): number => {
          const full = lines.findIndex((l) => !/^\s*#/.test(l) && l.includes(name));
          return full >= 0 ? full : lines.findIndex((l) => !/^\s*#/.test(l) && new RegExp(wordRe(name).source).test(l));
        };
        // The longest run of listing lines is the test list (a build file may list other things too);
        // a sorted list gets the new name in its place, any other list after its last plain entry.
        const group = longestRun(listed.map((name) => ({ name, line: lineOf(name) })).filter((e) => e.line >= 0));
        const sorted = group.every((e, k) => k === 0 || e.line >= group[k - 1].line);
        const plain = (e: { name: string; line: number }): boolean => lines[e.line].replace(wordRe(e.name), '').replace(/[\s'",\\]/g, '') === '';
        const byLine = [...group].sort((x, y) => x.line - y.line);
        const before = sorted
          ? (group.filter((e) => e.name < fileName).pop() ?? group[0]).name
          : ([...byLine].reverse().find(plain) ?? byLine[byLine.length - 1]).name;
        const re = wordRe(before);
        const line0 = lineOf(before);
        if (line0 >= 0) {
          const line = lines[line0];
          // One target built from several test files (`add_executable(t main.cpp options.cpp)`): the new file joins that line.
          const onLine = siblings.map((x) => ({ x, at: line.indexOf(x) })).filter((e) => e.at >= 0).sort((a, b) => a.at - b.at);
          if (onLine.length >= 2) {
            const [prev, last] = onLine.slice(-2);
            const sep = line.slice(prev.at + prev.x.length, last.at);
            const joined = `${line.slice(0, last.at + last.x.length)}${sep}${fileName}${line.slice(last.at + last.x.length)}`;
            notes.push(`${rel} builds the tests from a list of files: change line ${line0 + 1} to \`${joined.trim()}\` so the build runs ${fileName}.`);
            continue;
          }
          const added = line.replace(re, (_m, lead: string) => `${lead}${stem(fileName)}`);
          notes.push(`${rel} lists the tests by name: add \`${added.trim()}\` after line ${line0 + 1} (\`${line.trim()}\`) so the build runs ${fileName}.`);
          continue;
        }
      }
      const g = lines.findIndex((l) => GLOB.test(l));
      if (g >= 0 && glob === undefined) glob = `${rel}:${g + 1}`;
    }
    if (dir === projectRoot || dir === '.' || dir === '' || !dir.startsWith(projectRoot)) break;
  }
  if (notes.length > 0) return notes.join(' ');
  return glob ? `Collected by the pattern at ${glob}; no build file needs an edit.` : undefined;
}

/** The listing lines that follow each other most closely (gaps of a line or two), in file order. */
function longestRun(entries: { name: string; line: number }[]): { name: string; line: number }[] {
  const byLine = [...entries].sort((a, b) => a.line - b.line);
  let best: typeof entries = [];
  let run: typeof entries = [];
  for (const e of byLine) {
    if (run.length > 0 && e.line - run[run.length - 1].line > 2) run = [];
    run.push(e);
    if (run.length > best.length) best = [...run];
  }
  // Back in name order, so a sorted list is recognised as one.
  return best.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** What a C/C++ plan adds: the build-file note, and the executable bit for suite scripts. */
export async function cBuildNotes(repo: string, framework: DetectedFramework, dir: string, fileName: string): Promise<Pick<TestScaffoldPlan, 'registration' | 'executable'>> {
  const script = framework.framework === 'shell-suite' || framework.framework === 'sharness';
  const unitTests = script ? undefined : (await unitTestFiles(repo, framework.root)).get(framework.framework);
  const registration = await registrationNote(repo, framework.root, dir, fileName, unitTests);
  return { ...(registration ? { registration } : {}), ...(script ? { executable: true } : {}) };
}
