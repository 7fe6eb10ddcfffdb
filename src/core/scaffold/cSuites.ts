import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { findFiles, mostCommon } from './testLayout';
import type { DetectedFramework, TestFramework } from './types';

const posix = path.posix;

/**
 * C and C++ test suites a repository already runs, found from its own files:
 * - git-style shell suites: numbered scripts (`t/t1234-name.sh`, sharness's `.t`) that source a
 *   test library (`test-lib.sh`, `sharness.sh`) and call `test_expect_success`;
 * - unit-test files that include GoogleTest, Catch2 or Unity.
 * There is no built-in default: a C project without a suite gets the checklist instead.
 */

/** A numbered suite script: `t0001-basic.sh`, `T010-help.sh`, `t0001-basic.t`, munge's `0010-basic.t`. */
export const SUITE_SCRIPT = /^([tT]?)(\d{3,4})-(.+)\.(sh|t)$/;
/** Sharness suites may leave the number out: `inotifywait-csv.t`. */
export const SHARNESS_SCRIPT = /^[\w.+-]+\.t$/;
/** Where git, sharness users and notmuch keep their suites, relative to the project folder. */
const SUITE_DIRS = ['t', 'test', 'tests', 'test/sharness', 'tests/sharness', 't/sharness'];
const BUILD_FILES = ['CMakeLists.txt', 'meson.build', 'Makefile', 'GNUmakefile', 'Makefile.am', 'configure.ac', 'BUILD', 'BUILD.bazel', 'premake5.lua', 'SConstruct'];

type Found = Omit<DetectedFramework, 'root'>;

async function names(abs: string): Promise<string[]> {
  return fs.readdir(abs).catch(() => [] as string[]);
}

const read = (repo: string, rel: string): Promise<string> => readRepoText(repo, rel).then((t) => t ?? '', () => '');

/**
 * The lines a suite script uses to load its library, before its first test: the `.`/`source`
 * line of the test library (`test-lib.sh`, `sharness.sh`, else the last one sourced) with the
 * source and setting lines right above it (`: "${SHARNESS_TEST_SRCDIR:=…}"`, `TEST_…=true`).
 */
export function loadLines(script: string): string | undefined {
  const lines = script.split(/\r?\n/);
  const firstTest = lines.findIndex((l) => /^\s*test_expect_/.test(l));
  const head = lines.slice(0, firstTest < 0 ? lines.length : firstTest);
  const sources = head.map((l, i) => (/^[ \t]*(?:\.|source)[ \t]+\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const lib = sources.filter((i) => /test-lib|sharness|setup/i.test(head[i])).pop() ?? sources.pop();
  if (lib === undefined) return undefined;
  let start = lib;
  while (start > 0 && /^[ \t]*(?:\.[ \t]|source[ \t]|:[ \t]|[A-Z_][A-Z0-9_]*=\S)/.test(head[start - 1])) start--;
  return head.slice(start, lib + 1).map((l) => l.trimEnd()).join('\n');
}

/** Shell suites under `projectDir` (repository-relative). */
async function detectShellSuites(repo: string, projectDir: string): Promise<Found[]> {
  const out: Found[] = [];
  for (const sub of SUITE_DIRS) {
    const dir = posix.join(projectDir, sub);
    const scripts = (await names(path.join(repo, dir))).filter((n) => SUITE_SCRIPT.test(n) || SHARNESS_SCRIPT.test(n)).sort();
    if (scripts.length === 0) continue;
    const samples = await Promise.all(scripts.slice(0, 8).map((s) => read(repo, posix.join(dir, s))));
    const suites = samples.filter((t) => /^\s*test_expect_(success|failure)\b/m.test(t));
    if (suites.length === 0) continue;
    const lib = mostCommon(suites.map(loadLines).filter((l): l is string => l !== undefined))?.split('\n').pop();
    const sharness = /sharness/i.test(lib ?? '') || (await names(path.join(repo, dir))).includes('sharness.sh');
    out.push({
      framework: sharness ? 'sharness' : 'shell-suite',
      ecosystem: 'c',
      testDir: dir,
      evidence: `${scripts.length} test scripts in ${dir}/ using test_expect_success${lib ? ` (${lib.trim()})` : ''}`,
    });
  }
  return out;
}

const UNIT_INCLUDE: [TestFramework, RegExp][] = [
  ['gtest', /^\s*#\s*include\s*[<"](gtest\/gtest\.h|gmock\/gmock\.h)[>"]/m],
  ['catch2', /^\s*#\s*include\s*[<"](catch2\/[\w./]+|catch\.hpp|catch_amalgamated\.hpp)[>"]/m],
  ['unity', /^\s*#\s*include\s*[<"]([\w./-]*\/)?unity\.h[>"]/m],
];
/** A C or C++ file whose name or folder says it is a test. */
const TESTISH = /(^|\/)(tests?|unittests?|unit_tests?|gtest|testing)\/|(^|[_-])(unit)?tests?\.(c|cc|cpp|cxx)$|^tests?[_-].*\.(c|cc|cpp|cxx)$|Tests?\.(cc|cpp|cxx)$/;
const C_SOURCE = /\.(c|cc|cpp|cxx|c\+\+)$/;
const MAX_READ = 80;

const QUOTED = /^\s*#\s*include\s*"([^"]+)".*$/gm;

/**
 * The framework a test file includes, and the line that brings it in: the framework's own header,
 * or a header of the project's beside the test (spdlog's `includes.h`) that includes it.
 * `headers` caches what each project header brings, across files.
 */
export async function frameworkInclude(repo: string, file: string, text: string, headers = new Map<string, TestFramework | undefined>()): Promise<{ framework: TestFramework; line: string } | undefined> {
  const head = text.slice(0, 6000);
  for (const [framework, re] of UNIT_INCLUDE) {
    const m = new RegExp(`${re.source}.*$`, 'm').exec(head);
    if (m) return { framework, line: m[0].trim() };
  }
  for (const m of head.matchAll(QUOTED)) {
    const rel = posix.normalize(posix.join(posix.dirname(file), m[1]));
    if (rel.startsWith('../') || !/\.(h|hh|hpp|hxx)$/.test(rel)) continue;
    if (!headers.has(rel)) {
      const inner = (await read(repo, rel)).slice(0, 6000);
      headers.set(rel, UNIT_INCLUDE.find(([, re]) => re.test(inner))?.[0]);
    }
    const framework = headers.get(rel);
    if (framework) return { framework, line: m[0].trim() };
  }
  return undefined;
}

/** Unit-test files of each C/C++ framework under `dir`, by what they include (directly or through a header of the project's). */
export async function unitTestFiles(repo: string, dir: string): Promise<Map<TestFramework, string[]>> {
  const candidates = (await findFiles(repo, dir, C_SOURCE, 5)).filter((f) => TESTISH.test(f) || TESTISH.test(posix.basename(f))).slice(0, MAX_READ);
  const out = new Map<TestFramework, string[]>();
  const headers = new Map<string, TestFramework | undefined>();
  for (const file of candidates) {
    const hit = await frameworkInclude(repo, file, await read(repo, file), headers);
    if (hit) out.set(hit.framework, [...(out.get(hit.framework) ?? []), file]);
  }
  return out;
}

const LABEL: Partial<Record<TestFramework, string>> = { gtest: 'gtest/gtest.h', catch2: 'Catch2', unity: 'unity.h' };

/** Every C/C++ suite of the project in `projectDir`, the most used first. */
export async function detectCSuites(repo: string, projectDir: string, entries: string[]): Promise<Found[]> {
  const shell = await detectShellSuites(repo, projectDir);
  if (!entries.some((n) => BUILD_FILES.includes(n)) && shell.length === 0) return [];
  const units = [...(await unitTestFiles(repo, projectDir))].sort((a, b) => b[1].length - a[1].length);
  const unitFound: (Found & { weight: number })[] = units.map(([framework, files]) => ({
    framework,
    ecosystem: 'c',
    weight: files.length,
    evidence: `${files.length} test file${files.length === 1 ? '' : 's'} including ${LABEL[framework] ?? framework} (e.g. ${files[0]})`,
  }));
  const shellFound = shell.map((s) => ({ ...s, weight: Number(/^(\d+)/.exec(s.evidence)?.[1] ?? 1) }));
  return [...shellFound, ...unitFound].sort((a, b) => b.weight - a.weight).map(({ weight: _weight, ...f }) => f);
}

/** Why a C or C++ change gets no test file: nothing in the repository would build or run it. */
export function noCSuiteMessage(file: string, sha: string): string {
  return (
    `found no C or C++ test suite for ${file} (numbered t/tNNNN-*.sh scripts with test-lib.sh or sharness, or tests including GoogleTest, Catch2 or Unity), so a new test would not be built or run; ` +
    `a checklist item fits instead: own-it scaffold checklist ${sha.slice(0, 7)} --item "<what to check next time>"`
  );
}
