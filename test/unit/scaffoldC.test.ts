import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allSymbols, markScript, NothingToTestError, planTestScaffold, writeScaffold } from '../../src/core/scaffold';
import { useBuiltCli } from '../helpers/cli';
import { parseErrors, scaffoldAndWrite } from '../helpers/scaffoldKit';
import { useTempRepos, type TempRepo } from '../helpers/tempRepo';

/**
 * A tiny stand-in for a git-style test library, written for this test: the same contract
 * (`test_expect_success`/`test_expect_failure` with an optional prerequisite, `test_done` exits
 * non-zero only when an expected success failed) so the generated script really runs.
 */
const TEST_LIB = `
count=0; failed=0; broken=0
test_have_prereq () { return 1; }
run_one () {
  want=$1; shift
  if test $# = 3; then prereq=$1; shift; else prereq=; fi
  count=$((count + 1))
  if test -n "$prereq" && ! test_have_prereq "$prereq"; then echo "ok $count # skip $1 (missing $prereq)"; return 0; fi
  if (eval "$2"); then echo "ok $count - $1"
  elif test "$want" = failure; then broken=$((broken + 1)); echo "not ok $count - $1 # TODO known breakage"
  else failed=$((failed + 1)); echo "not ok $count - $1"; fi
}
test_expect_success () { run_one success "$@"; }
test_expect_failure () { run_one failure "$@"; }
test_done () { echo "# failed $failed, still have $broken known breakage(s)"; test "$failed" = 0; exit $?; }
`;

const SUITE = (title: string): string => `#!/bin/sh\n\ntest_description='${title}'\n\n. ./test-lib.sh\n\ntest_expect_success 'works' '\n\ttrue\n'\n\ntest_done\n`;

const LOG_C = (body: string): string =>
  `#include "cache.h"\n\nstatic int\nlog_usage (void)\n{\n\treturn 1;\n}\n\nint cmd_log(int argc,\n\t    const char **argv)\n{\n${body}\n\treturn 0;\n}\n`;

function gitStyleRepo(repo: TempRepo): void {
  repo.commit('init', {
    'Makefile': 'all:\n\t$(CC) -o prog *.c builtin/*.c\n',
    'builtin/log.c': LOG_C('\tsetup();'),
    'builtin/refs.c': 'int cmd_refs(int argc)\n{\n\treturn argc;\n}\n',
    't/test-lib.sh': TEST_LIB,
    't/t0000-basic.sh': SUITE('basic'),
    't/t1400-update-ref.sh': SUITE('update-ref'),
    't/t4202-log.sh': SUITE('log'),
    't/t4205-log-pretty-formats.sh': SUITE('log --pretty'),
    't/meson.build': "integration_tests = [\n  't0000-basic.sh',\n  't1400-update-ref.sh',\n  't4202-log.sh',\n  't4205-log-pretty-formats.sh',\n]\n",
  });
}


/** A C++ project with a Catch2 suite (main and one test file) and the header the culprit changes. */
const CATCH_PROJECT = {
  'include/opts.hpp': 'class Parser {\n public:\n  int parse(int argc) {\n    return argc;\n  }\n};\n',
  'test/main.cpp': '#define CATCH_CONFIG_MAIN\n#include "catch.hpp"\n',
  'test/options.cpp': '#include "catch.hpp"\n#include "opts.hpp"\n\nTEST_CASE("parse") { REQUIRE(true); }\n',
};
/** The culprit: `parse` counts from one. */
const OPTS_COUNT_FROM_ONE = { 'include/opts.hpp': 'class Parser {\n public:\n  int parse(int argc) {\n    return argc + 1;\n  }\n};\n' };
describe('scaffold: C and C++ suites', () => {
  const make = useTempRepos();
  const cli = useBuiltCli();

  it('finds C and C++ definitions however the signature is laid out, and not calls, initialisers or macros', () => {
    const text = [
      '#include <stdio.h>',
      '#define TWICE(x) { (x); (x); }',
      'static const char *names[] = { "a", "b" };',
      'static DEFINE_LOCK(lock);',
      'int count(const char *s);',
      'static int',
      'gnu_style (int a,',
      '           int b)',
      '{',
      '  if (a) { return b; }',
      '  return helper(a);',
      '}',
      'struct point {',
      '  int x;',
      '};',
      'extern "C" {',
      'void __attribute__((noreturn)) die(const char *msg) {',
      '  for (;;) {}',
      '}',
      '}',
      'namespace app {',
      'class Buffer : public Base {',
      ' public:',
      '  Buffer() : size_(0) {}',
      '  size_t size() const { return size_; }',
      '  void clear();',
      '};',
      'void Buffer::clear() {',
      '  size_ = 0;',
      '}',
      'template <typename T>',
      'T max_of(T a, T b) { return a > b ? a : b; }',
      '}  // namespace app',
    ].join('\n');
    const found = allSymbols(text, 'cpp').map((s) => `${s.kind} ${s.container ? `${s.container}.` : ''}${s.name} ${s.line}-${s.end}`);
    assert.deepEqual(found, [
      'function count 5-5',
      'function gnu_style 6-12',
      'struct point 13-15',
      'function die 17-19',
      'class Buffer 22-27',
      'method Buffer.Buffer 23-24',
      'method Buffer.size 25-25',
      'method Buffer.clear 26-26',
      'method Buffer.clear 28-30',
      'function max_of 31-32',
    ]);
  });

  it('git-style shell suite: the next free number beside the nearest script, sourcing the library like its siblings, executable, a known breakage when run', async () => {
    const repo = make();
    gitStyleRepo(repo);
    const sha = repo.commit('log: set up pager earlier', { 'builtin/log.c': LOG_C('\tsetup_pager();\n\tsetup();') });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'shell-suite');
    assert.equal(plan.target.symbol?.name, 'cmd_log');
    assert.equal(plan.path, 't/t4203-cmd-log-regression.sh');
    assert.match(plan.content, /^#!\/bin\/sh\n/);
    assert.match(plan.content, /\n\. \.\/test-lib\.sh\n/);
    assert.match(plan.content, new RegExp(`# Culprit: ${sha.slice(0, 7)} log: set up pager earlier`));
    assert.match(plan.content, /test_expect_failure 'cmd_log no longer breaks' '/);
    assert.match(plan.content, /\ntest_done\n$/);
    assert.equal(await parseErrors('bash', plan.content), undefined);
    assert.equal(fs.statSync(path.join(repo.path, plan.path)).mode & 0o111, 0o111);
    // meson lists every script by name: the note says where, and the exact line.
    assert.equal(plan.registration, "t/meson.build lists the tests by name: add `'t4203-cmd-log-regression.sh',` after line 4 (`'t4202-log.sh',`) so the build runs t4203-cmd-log-regression.sh.");

    const run = spawnSync('sh', [`./${path.basename(plan.path)}`], { cwd: path.join(repo.path, 't'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /not ok 1 - cmd_log no longer breaks # TODO known breakage/);
    assert.match(run.stdout, /# failed 0, still have 1 known breakage/);
  });

  it('a rerun opens the script it wrote under the same number; another culprit of the same function gets the next number', async () => {
    const repo = make();
    gitStyleRepo(repo);
    const first = repo.commit('log: set up pager earlier', { 'builtin/log.c': LOG_C('\tsetup_pager();\n\tsetup();') });
    const written = await scaffoldAndWrite(repo, first);
    const before = fs.readdirSync(path.join(repo.path, 't')).sort();
    const again = await planTestScaffold(repo.path, first);
    assert.equal(again.existing, written.path);
    assert.equal(await writeScaffold(repo.path, again), written.path);
    assert.deepEqual(fs.readdirSync(path.join(repo.path, 't')).sort(), before);

    const other = repo.commit('log: drop the pager', { 'builtin/log.c': LOG_C('\tsetup();') });
    const second = await planTestScaffold(repo.path, other);
    assert.equal(second.existing, undefined);
    assert.equal(second.exists, true);
    assert.equal(second.alternative?.path, 't/t4204-cmd-log-regression.sh');
    assert.equal(await writeScaffold(repo.path, second), 't/t4204-cmd-log-regression.sh');
  });

  it('sharness: a `.t` script sourcing sharness.sh the way the others do; the skipped style uses a prerequisite nobody sets', async () => {
    const repo = make();
    const suite = (n: string): string => `#!/bin/sh\ntest_description='${n}'\n. ./sharness.sh\ntest_expect_success 'ok' 'true'\ntest_done\n`;
    repo.commit('init', {
      'configure.ac': 'AC_INIT([tool], [1.0])\n',
      'src/queue.c': 'void queue_push(int v)\n{\n\t(void)v;\n}\n',
      't/sharness.sh': TEST_LIB,
      't/t0001-basic.t': suite('basic'),
      't/t0020-queue.t': suite('queue'),
    });
    const sha = repo.commit('queue: guard push', { 'src/queue.c': 'void queue_push(int v)\n{\n\tif (v < 0)\n\t\treturn;\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha, { testStyle: 'skipped' });
    assert.equal(plan.framework.framework, 'sharness');
    assert.equal(plan.path, 't/t0021-queue-push-regression.t');
    assert.match(plan.content, /\n\. \.\/sharness\.sh\n/);
    assert.match(plan.content, /test_expect_failure OWN_IT_PENDING 'queue_push no longer breaks' '/);
    assert.equal(plan.registration, undefined);
    const run = spawnSync('sh', ['./t0021-queue-push-regression.t'], { cwd: path.join(repo.path, 't'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /ok 1 # skip queue_push no longer breaks \(missing OWN_IT_PENDING\)/);
  });

  it('quotes from a commit subject cannot end the shell strings', async () => {
    const repo = make();
    gitStyleRepo(repo);
    const sha = repo.commit(`log: don't crash on 'weird' $(input) \`x\``, { 'builtin/log.c': LOG_C('\tsetup_pager();') });
    const plan = await scaffoldAndWrite(repo, sha);
    const run = spawnSync('sh', [`./${path.basename(plan.path)}`], { cwd: path.join(repo.path, 't'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /# failed 0, still have 1 known breakage/);
    assert.doesNotMatch(run.stderr, /not found|syntax error/);
  });

  it('GoogleTest: a test beside the repository’s gtest files, in their naming, including the header the way they do; the CMake line to add is named', async () => {
    const repo = make();
    repo.commit('init', {
      'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.14)\nproject(p CXX)\nfind_package(GTest REQUIRED)\nadd_library(p src/parser.cc)\nadd_executable(tokenizer_test tests/tokenizer_test.cc)\nadd_executable(reader_test tests/reader_test.cc)\n',
      'src/parser.h': 'namespace p {\nclass Parser {\n public:\n  int Parse(const char* text);\n};\n}  // namespace p\n',
      'src/parser.cc': '#include "src/parser.h"\n\nnamespace p {\n\nint Parser::Parse(const char* text) {\n  return text[0];\n}\n\n}  // namespace p\n',
      'tests/reader_test.cc': '#include "gtest/gtest.h"\n#include "src/parser.h"\n\nTEST(Reader, Reads) {\n  EXPECT_EQ(1, 1);\n}\n',
      'tests/tokenizer_test.cc': '#include "gtest/gtest.h"\n\nTEST(Tokenizer, Splits) {\n  EXPECT_TRUE(true);\n}\n',
    });
    const sha = repo.commit('parser: handle empty input', {
      'src/parser.cc': '#include "src/parser.h"\n\nnamespace p {\n\nint Parser::Parse(const char* text) {\n  if (!*text) return 0;\n  return text[0];\n}\n\n}  // namespace p\n',
    });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'gtest');
    assert.match(plan.content, /^\/\/ Own It regression test for Parser\.Parse \(src\/parser\.cc\)\.$/m);
    assert.equal(plan.target.symbol?.name, 'Parse');
    assert.equal(plan.target.symbol?.container, 'Parser');
    assert.equal(plan.path, 'tests/parse_regression_test.cc');
    assert.match(plan.content, /^#include "gtest\/gtest\.h"\n#include "src\/parser\.h"\n\nTEST\(ParserParseRegression, NoLongerBreaks\) \{\n {2}FAIL\(\) << "OWN-IT-PLACEHOLDER/m);
    assert.equal(await parseErrors('cpp', plan.content), undefined);
    assert.equal(plan.executable, undefined);
    assert.equal(plan.registration, 'CMakeLists.txt lists the tests by name: add `add_executable(parse_regression_test tests/parse_regression_test.cc)` after line 6 (`add_executable(reader_test tests/reader_test.cc)`) so the build runs parse_regression_test.cc.');
  });

  it('Catch2 collected by a glob: a TEST_CASE file and a note that no build file needs an edit', async function () {
    const repo = make();
    repo.commit('init', {
      'CMakeLists.txt': 'project(q CXX)\nfind_package(Catch2 3 REQUIRED)\nfile(GLOB TESTS test/*.cpp)\nadd_executable(tests ${TESTS})\n',
      'src/ring.cpp': 'int ring_next(int i, int n) {\n  return (i + 1) % n;\n}\n',
      'test/test_main.cpp': '#include <catch2/catch_test_macros.hpp>\n\nTEST_CASE("main") { REQUIRE(true); }\n',
      // Enough of Catch2's macros for a syntax check; the real header comes from the project.
      'stub/catch2/catch_test_macros.hpp': '#define TEST_CASE(name, tags) static void catch_case()\n#define FAIL(msg) throw msg\n',
    });
    const sha = repo.commit('ring: wrap at n', { 'src/ring.cpp': 'int ring_next(int i, int n) {\n  return i + 1 == n ? 0 : i + 1;\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'catch2');
    assert.equal(plan.path, 'test/test_ring_next_regression.cpp');
    assert.match(plan.content, /^#include <catch2\/catch_test_macros\.hpp>\n\nTEST_CASE\("Regression: ring: wrap at n: ring_next no longer breaks", "\[regression\]"\) \{\n {2}FAIL\("OWN-IT-PLACEHOLDER/m);
    assert.equal(plan.registration, 'Collected by the pattern at CMakeLists.txt:3; no build file needs an edit.');
    if (spawnSync('sh', ['-c', 'command -v c++']).status !== 0) this.skip();
    const cxx = spawnSync('c++', ['-fsyntax-only', '-Wall', '-Werror', '-Wno-unused-function', '-Istub', plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(cxx.status, 0, cxx.stderr);
  });

  it('one test binary built from a list of files: the note gives the whole line with the new file joined to it', async () => {
    const repo = make();
    repo.commit('init', {
      'CMakeLists.txt': 'project(o CXX)\nadd_executable(options_test test/main.cpp test/options.cpp)\nadd_executable(link_test test/link_a.cpp)\n',
      ...CATCH_PROJECT,
      'test/link_a.cpp': 'int link_a() { return 1; }\n',
    });
    const sha = repo.commit('opts: count from one', OPTS_COUNT_FROM_ONE);
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'catch2');
    assert.equal(plan.path, 'test/parse_regression.cpp');
    assert.equal(plan.registration, 'CMakeLists.txt builds the tests from a list of files: change line 2 to `add_executable(options_test test/main.cpp test/options.cpp test/parse_regression.cpp)` so the build runs parse_regression.cpp.');
  });

  it('tests built by CMake and by meson: both build files are named, each with its own line', async () => {
    const repo = make();
    repo.commit('init', {
      'CMakeLists.txt': 'project(o CXX)\nadd_subdirectory(test)\n',
      'meson.build': "project('o', 'cpp')\nsubdir('test')\n",
      ...CATCH_PROJECT,
      'test/CMakeLists.txt': 'add_executable(options_test main.cpp options.cpp)\n',
      'test/meson.build': "options_test = executable('options_test',\n  'main.cpp', 'options.cpp',\n)\ntest('options', options_test)\n",
    });
    const sha = repo.commit('opts: count from one', OPTS_COUNT_FROM_ONE);
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.path, 'test/parse_regression.cpp');
    assert.equal(
      plan.registration,
      "test/meson.build builds the tests from a list of files: change line 2 to `'main.cpp', 'options.cpp', 'parse_regression.cpp',` so the build runs parse_regression.cpp. " +
        'test/CMakeLists.txt builds the tests from a list of files: change line 1 to `add_executable(options_test main.cpp options.cpp parse_regression.cpp)` so the build runs parse_regression.cpp.',
    );
  });

  it('a framework included through the project’s own test header (spdlog’s includes.h) is detected, and the new test includes that header', async () => {
    const repo = make();
    repo.commit('init', {
      'CMakeLists.txt': 'project(s CXX)\nadd_executable(tests tests/main.cpp tests/test_sink.cpp tests/test_format.cpp)\n',
      'src/sink.cpp': 'int sink_write(int n) {\n  return n;\n}\n',
      'tests/includes.h': '#pragma once\n#include <catch2/catch_all.hpp>\n#include "spd/spd.h"\n',
      'tests/main.cpp': '#include "includes.h"\n',
      'tests/test_sink.cpp': '#include "includes.h"\n\nTEST_CASE("sink") { REQUIRE(true); }\n',
      'tests/test_format.cpp': '#include "includes.h"\n\nTEST_CASE("format") { REQUIRE(true); }\n',
    });
    const sha = repo.commit('sink: keep the count', { 'src/sink.cpp': 'int sink_write(int n) {\n  return n + 1;\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'catch2');
    assert.match(plan.framework.evidence, /^3 test files including Catch2/);
    assert.equal(plan.path, 'tests/test_sink_write_regression.cpp');
    assert.match(plan.content, /^#include "includes\.h"\n\nTEST_CASE\("Regression: sink: keep the count: sink_write no longer breaks", "\[regression\]"\) \{$/m);
    assert.doesNotMatch(plan.content, /catch_test_macros/);
    assert.equal(plan.registration, 'CMakeLists.txt builds the tests from a list of files: change line 2 to `add_executable(tests tests/main.cpp tests/test_sink.cpp tests/test_format.cpp tests/test_sink_write_regression.cpp)` so the build runs test_sink_write_regression.cpp.');
  });

  it('the editor path (a workspace edit writes the content, then markScript) leaves a shell-suite script executable, and nothing else', async () => {
    const repo = make();
    gitStyleRepo(repo);
    const sha = repo.commit('log: set up pager earlier', { 'builtin/log.c': LOG_C('\tsetup_pager();\n\tsetup();') });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.executable, true);
    // What VS Code's WorkspaceEdit.createFile does: the content, with the default mode.
    fs.writeFileSync(path.join(repo.path, plan.path), plan.content, { mode: 0o644 });
    await markScript(repo.path, plan, plan.path);
    assert.equal(fs.statSync(path.join(repo.path, plan.path)).mode & 0o777, 0o755);
    const other = 'builtin/notes.txt';
    fs.writeFileSync(path.join(repo.path, other), 'x', { mode: 0o644 });
    await markScript(repo.path, { executable: undefined }, other);
    assert.equal(fs.statSync(path.join(repo.path, other)).mode & 0o777, 0o644);
    await assert.rejects(markScript(repo.path, plan, '../outside.sh'));
  });

  it('clang-format, where the project configures it, shapes the new test; the rerun still finds it when the header comment was wrapped', async function () {
    if (spawnSync('sh', ['-c', 'command -v clang-format']).status !== 0) this.skip();
    const repo = make();
    repo.commit('init', {
      '.clang-format': 'BasedOnStyle: Google\nColumnLimit: 60\n',
      'CMakeLists.txt': 'project(p CXX)\nadd_executable(tests tests/reader_test.cc tests/tokenizer_test.cc)\n',
      'src/parser.h': 'namespace p {\nint ParseWithAVeryLongDescriptiveName(const char* text);\n}  // namespace p\n',
      'src/parser.cc': '#include "src/parser.h"\n\nnamespace p {\n\nint ParseWithAVeryLongDescriptiveName(const char* text) {\n  return text[0];\n}\n\n}  // namespace p\n',
      'tests/reader_test.cc': '#include "gtest/gtest.h"\n#include "src/parser.h"\n\nTEST(Reader, Reads) { EXPECT_EQ(1, 1); }\n',
      'tests/tokenizer_test.cc': '#include "gtest/gtest.h"\n\nTEST(Tokenizer, Splits) { EXPECT_TRUE(true); }\n',
    });
    const sha = repo.commit('parser: handle empty input in the long-named parser entry point', {
      'src/parser.cc': '#include "src/parser.h"\n\nnamespace p {\n\nint ParseWithAVeryLongDescriptiveName(const char* text) {\n  if (!*text) return 0;\n  return text[0];\n}\n\n}  // namespace p\n',
    });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.styledBy, 'clang-format');
    assert.ok(plan.content.split('\n').every((l) => l.length <= 60), plan.content);
    const check = spawnSync('clang-format', ['--dry-run', '-Werror', plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    // The header line naming the subject was wrapped; the rerun opens the same file.
    assert.doesNotMatch(plan.content, /Own It regression test for ParseWithAVeryLongDescriptiveName \(/);
    const again = await planTestScaffold(repo.path, sha);
    assert.equal(again.existing, plan.path);
  });

  it('Unity: setUp/tearDown and a main with RUN_TEST when the siblings have them; it compiles against the declared API', async function () {
    const repo = make();
    const sibling = '#include "unity.h"\n#include "stack.h"\n\nvoid setUp(void) {}\nvoid tearDown(void) {}\n\nvoid test_pop(void) { TEST_ASSERT_EQUAL(1, 1); }\n\nint main(void)\n{\n  UNITY_BEGIN();\n  RUN_TEST(test_pop);\n  return UNITY_END();\n}\n';
    repo.commit('init', {
      'Makefile': 'TESTS = test/test_stack.c\n',
      'src/stack.h': 'void stack_push(int v);\n',
      'src/stack.c': '#include "stack.h"\n\nvoid stack_push(int v)\n{\n  (void)v;\n}\n',
      'test/test_stack.c': sibling,
      // Enough of Unity's API for a syntax check; the real header comes from the project.
      'test/unity.h': '#define UNITY_BEGIN() (void)0\n#define UNITY_END() 0\n#define RUN_TEST(f) f()\nvoid UnityFail(const char *m);\n#define TEST_FAIL_MESSAGE(m) UnityFail(m)\n#define TEST_IGNORE_MESSAGE(m) UnityFail(m)\n#define TEST_ASSERT_EQUAL(a, b) (void)0\n',
    });
    const sha = repo.commit('stack: reject negatives', { 'src/stack.c': '#include "stack.h"\n\nvoid stack_push(int v)\n{\n  if (v < 0) return;\n}\n' });
    const plan = await scaffoldAndWrite(repo, sha);
    assert.equal(plan.framework.framework, 'unity');
    // C may be C89: a block comment unless the neighbouring tests use `//`.
    assert.match(plan.content, /^\/\*\n \* Own It regression test for stack_push \(src\/stack\.c\)\.\n/);
    assert.match(plan.content, /^static void test_regression_stack_push\(void\)$/m);
    assert.equal(plan.path, 'test/test_stack_push_regression.c');
    assert.match(plan.content, /void setUp\(void\) \{\}\nvoid tearDown\(void\) \{\}/);
    assert.match(plan.content, /RUN_TEST\(test_regression_stack_push\);/);
    assert.equal(plan.registration, 'Makefile lists the tests by name: add `TESTS = test/test_stack_push_regression.c` after line 1 (`TESTS = test/test_stack.c`) so the build runs test_stack_push_regression.c.');
    if (spawnSync('sh', ['-c', 'command -v cc']).status !== 0) this.skip();
    const cc = spawnSync('cc', ['-fsyntax-only', '-Wall', '-Werror', '-Itest', '-Isrc', plan.path], { cwd: repo.path, encoding: 'utf8' });
    assert.equal(cc.status, 0, cc.stderr);
  });

  it('a C repository with no suite gets the checklist, not a file that nothing builds (core and CLI)', async () => {
    const repo = make();
    repo.commit('init', { 'Makefile': 'all:\n\tcc -o x main.c\n', 'main.c': 'int main(void)\n{\n\treturn 0;\n}\n' });
    const sha = repo.commit('main: exit 1', { 'main.c': 'int main(void)\n{\n\treturn 1;\n}\n' });
    await assert.rejects(planTestScaffold(repo.path, sha), (err: Error) => err instanceof NothingToTestError && /found no C or C\+\+ test suite for main\.c/.test(err.message) && /scaffold checklist/.test(err.message));
    const run = cli.run(repo, ['scaffold', 'test', sha]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /found no C or C\+\+ test suite/);
    assert.deepEqual(repo.git('status', '--porcelain').trim(), '');
  });

  it('the CLI says which build line to add after creating the script', async () => {
    const repo = make();
    gitStyleRepo(repo);
    const sha = repo.commit('refs: count', { 'builtin/refs.c': 'int cmd_refs(int argc)\n{\n\treturn argc + 1;\n}\n' });
    const run = cli.run(repo, ['scaffold', 'test', sha]);
    assert.equal(run.status, 0, run.stderr);
    // No script is about refs: the next number after the highest.
    assert.match(run.stdout, /^Created t\/t4206-cmd-refs-regression\.sh — shell-suite \(/m);
    assert.match(run.stdout, /t\/meson\.build lists the tests by name: add `'t4206-cmd-refs-regression\.sh',` after line 5/);
    assert.equal(fs.statSync(path.join(repo.path, 't/t4206-cmd-refs-regression.sh')).mode & 0o111, 0o111);
  });
});
