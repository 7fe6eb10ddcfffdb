// C and C++ runners for `npm run eval:scaffold`: apply the build registration the CLI printed (exactly
// as printed, the one edit a user makes by hand), build the project with its own build system and run
// its own suite: CTest, the GoogleTest or Catch2 test binary, `make check` for sharness suites, or the
// sharness script itself. Each suite is run once without the generated test (the baseline) and once
// with it, so "others intact" means: the same tests pass, and the only new failure or known breakage
// is the generated one. A build that cannot be made here is "not runnable here" with the reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './evalScaffoldRunners.mjs';

const JOBS = '2';
const firstLine = (out, re) => out.split('\n').find((l) => re.test(l) && !/OWN-IT-PLACEHOLDER/.test(l))?.trim();
const tail = (out) => out.trim().split('\n').slice(-3).join(' ').slice(0, 160);

/**
 * The build-file edits in the CLI's output, as it printed them:
 * "F lists the tests by name: add `L` after line N (`…`)", "F builds the tests from a list of files:
 * change line N to `L`", or "Collected by the pattern at F:N; no build file needs an edit".
 */
export function registrationEdits(stdout) {
  const edits = [];
  for (const m of stdout.matchAll(/(\S+) lists the tests by name: add `(.+?)` after line (\d+) \(`/g)) edits.push({ file: m[1], kind: 'add', line: Number(m[3]), text: m[2] });
  for (const m of stdout.matchAll(/(\S+) builds the tests from a list of files: change line (\d+) to `(.+?)` so the build/g)) edits.push({ file: m[1], kind: 'change', line: Number(m[2]), text: m[3] });
  return edits;
}

/** Applies the printed edits: the new line takes the indentation of the line it follows or replaces. */
export function applyRegistration(work, edits) {
  for (const e of edits) {
    const file = path.join(work, e.file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const indent = /^\s*/.exec(lines[e.line - 1])[0];
    if (e.kind === 'add') lines.splice(e.line, 0, `${indent}${e.text}`);
    else lines[e.line - 1] = `${indent}${e.text}`;
    fs.writeFileSync(file, lines.join('\n'));
  }
  return edits.map((e) => (e.kind === 'add' ? `${e.file}: a line added after line ${e.line}` : `${e.file}: line ${e.line} changed`)).join(', ');
}

/** ctest's per-test lines and summary. */
function ctestCounts(out) {
  const tests = [...out.matchAll(/Test\s+#\d+: (\S+) \.+\s*(\*{0,3}\w+)/g)].map((m) => ({ name: m[1], ok: m[2] === 'Passed' }));
  return { built: /tests passed/.test(out), pass: tests.filter((t) => t.ok).length, fail: tests.filter((t) => !t.ok).length, tests };
}

/** A GoogleTest binary's summary. */
function gtestCounts(out) {
  return {
    built: /\[==========\] \d+ tests? from/.test(out),
    pass: Number(/\[  PASSED  \] (\d+) test/.exec(out)?.[1] ?? 0),
    fail: Number(/\[  FAILED  \] (\d+) tests?, listed below/.exec(out)?.[1] ?? 0),
    skip: Number(/\[  SKIPPED \] (\d+) test/.exec(out)?.[1] ?? 0),
  };
}

/** A Catch (1 or 2) binary's summary: "test cases: 44 | 43 passed | 1 failed" or "All tests passed (… in 43 test cases)". */
function catchCounts(out) {
  const all = /All tests passed \(\d+ assertions? in (\d+) test cases?\)/.exec(out);
  if (all) return { built: true, pass: Number(all[1]), fail: 0 };
  const m = /test cases:\s*(\d+)\s*\|\s*(?:(\d+) passed\s*\|\s*)?(\d+) failed/.exec(out);
  return m ? { built: true, pass: Number(m[2] ?? 0), fail: Number(m[3]) } : { built: false, pass: 0, fail: 0 };
}

/** automake's test-suite summary (`# PASS: 19`, `# XFAIL: 1`, `# FAIL: 0`, `# ERROR: 0`). */
function automakeCounts(out) {
  const n = (k) => (out.match(new RegExp(`^# ${k}:\\s+(\\d+)`, 'gm')) ?? []).reduce((s, l) => s + Number(/(\d+)$/.exec(l)[1]), 0);
  return { built: /^# TOTAL:/m.test(out), pass: n('PASS'), xfail: n('XFAIL'), fail: n('FAIL') + n('ERROR') + n('XPASS'), skip: n('SKIP') };
}

/** A sharness script run directly: its TAP lines. */
function tapCounts(out) {
  return {
    ok: (out.match(/^ok \d+/gm) ?? []).length,
    broken: (out.match(/^not ok \d+ .*# TODO known breakage/gm) ?? []).length,
    fail: (out.match(/^not ok \d+(?! .*# TODO)/gm) ?? []).length,
  };
}

const cmake = (work, build, flags) => run('cmake', ['-S', work, '-B', build, '-DCMAKE_BUILD_TYPE=Debug', ...flags], { timeout: 600_000 });
const cmakeBuild = (build, target) => run('cmake', ['--build', build, '-j', JOBS, ...(target ? ['--target', target] : [])], { timeout: 1_800_000 });

/**
 * Per repository (owner+name): how to build and run its suite, and how to read one run.
 * `suite(work, build)` builds and runs everything and returns counts; `own(out, test)` says whether
 * the generated test was collected and red only for the placeholder in that same output.
 */
const RECIPES = {
  // Unity tests, one executable each, registered in tests/CMakeLists.txt; CTest runs them.
  'DaveGamble+cJSON': {
    ran: 'cmake -DENABLE_CJSON_TEST=On, make, ctest',
    suite(work, build) {
      const c = cmake(work, build, ['-DENABLE_CJSON_TEST=On']);
      if (c.status !== 0) return { built: false, why: firstLine(c.out, /Error|error/) };
      const b = cmakeBuild(build);
      if (b.status !== 0) return { built: false, why: firstLine(b.out, /error/) };
      const r = run('ctest', ['--test-dir', build, '--output-on-failure'], { timeout: 600_000 });
      return { ...ctestCounts(r.out), out: r.out };
    },
    own(out, test) {
      const name = path.basename(test).replace(/\.[^.]+$/, '');
      const t = ctestCounts(out).tests.find((x) => x.name === name);
      return { collected: t !== undefined, red: t !== undefined && !t.ok && new RegExp(`${name}\\.c:\\d+:\\w+:FAIL: OWN-IT-PLACEHOLDER`).test(out) };
    },
    check: (was, now) => `ctest: pass ${was.pass}→${now.pass}, fail ${was.fail}→${now.fail}`,
  },
  // Catch (vendored catch.hpp), one options_test binary built from test/CMakeLists.txt (and meson.build).
  'jarro2783+cxxopts': {
    ran: 'cmake -DCXXOPTS_BUILD_TESTS=ON, make options_test, ./test/options_test',
    suite(work, build) {
      const c = cmake(work, build, ['-DCXXOPTS_BUILD_TESTS=ON']);
      if (c.status !== 0) return { built: false, why: firstLine(c.out, /Error|error/) };
      const b = cmakeBuild(build, 'options_test');
      if (b.status !== 0) return { built: false, why: firstLine(b.out, /error/) };
      const r = run(path.join(build, 'test', 'options_test'), [], { cwd: path.join(build, 'test') });
      return { ...catchCounts(r.out), out: r.out };
    },
    own(out) {
      const collected = /OWN-IT-PLACEHOLDER/.test(out);
      return { collected, red: collected && /FAILED:\s*\n\s*explicitly with message:\s*\n\s*OWN-IT-PLACEHOLDER/.test(out) };
    },
    check: (was, now) => `options_test: test cases passed ${was.pass}→${now.pass}, failed ${was.fail}→${now.fail}`,
  },
  // GoogleTest, one leveldb_tests binary listing its sources in CMakeLists.txt. third_party/googletest is
  // a submodule: Debian's googletest sources stand in for it; HEAD needs C++17 to build here.
  'google+leveldb': {
    ran: 'cmake (Debian googletest as third_party/googletest, C++17), make leveldb_tests, ./leveldb_tests',
    suite(work, build) {
      const gt = path.join(work, 'third_party', 'googletest');
      if (!fs.existsSync(path.join(gt, 'CMakeLists.txt'))) {
        if (!fs.existsSync('/usr/src/googletest/CMakeLists.txt')) return { built: false, why: 'Debian googletest sources missing (apt-get install googletest)' };
        // A copy, not a symbolic link: git refuses to work on a submodule path that is a link.
        fs.rmSync(gt, { recursive: true, force: true });
        fs.cpSync('/usr/src/googletest', gt, { recursive: true });
      }
      const c = cmake(work, build, ['-DLEVELDB_BUILD_TESTS=ON', '-DLEVELDB_BUILD_BENCHMARKS=OFF', '-DCMAKE_CXX_STANDARD=17']);
      if (c.status !== 0) return { built: false, why: firstLine(c.out, /Error|error/) };
      const b = cmakeBuild(build, 'leveldb_tests');
      if (b.status !== 0) return { built: false, why: firstLine(b.out, /error/) };
      const r = run(path.join(build, 'leveldb_tests'), [], { cwd: build, timeout: 900_000 });
      return { ...gtestCounts(r.out), out: r.out };
    },
    /** Other tests that failed, each run alone up to ten times: those that pass are flaky here, not broken. */
    flaky(out, build, own) {
      const failed = [...out.matchAll(/^\[  FAILED  \] (\S+) \(\d+ ms\)$/gm)].map((m) => m[1]).filter((n) => n !== own);
      return failed.filter((name) => Array.from({ length: 10 }).some(() => /^\[  PASSED  \] 1 test\.$/m.test(run(path.join(build, 'leveldb_tests'), [`--gtest_filter=${name}`], { cwd: build }).out)));
    },
    own(out, test, text) {
      const t = /^TEST\((\w+), (\w+)\)/m.exec(text);
      const name = t ? `${t[1]}.${t[2]}` : '?';
      const collected = out.includes(`[ RUN      ] ${name}`);
      return { collected, red: collected && out.includes(`[  FAILED  ] ${name}`) && /OWN-IT-PLACEHOLDER/.test(out), name };
    },
    check: (was, now) => `leveldb_tests: passed ${was.pass}→${now.pass}, skipped ${was.skip}→${now.skip}, failed ${was.fail}→${now.fail}`,
  },
  // sharness tests listed in tests/Makefile.am; `make check` runs them through automake's driver.
  'dun+munge': {
    ran: 'bootstrap, configure --enable-maintainer-mode, make; make check (tests/)',
    suite(work, build) {
      if (!fs.existsSync(path.join(work, 'configure'))) {
        const boot = run('sh', ['./bootstrap'], { cwd: work, timeout: 600_000 });
        if (boot.status !== 0) return { built: false, why: firstLine(boot.out, /error/i) ?? tail(boot.out) };
      }
      fs.mkdirSync(build, { recursive: true });
      if (!fs.existsSync(path.join(build, 'Makefile'))) {
        // AM_MAINTAINER_MODE: without it a change to Makefile.am (the registration) is never picked up.
        const conf = run(path.join(work, 'configure'), ['--enable-maintainer-mode'], { cwd: build, timeout: 600_000 });
        if (conf.status !== 0) return { built: false, why: firstLine(conf.out, /error/i) ?? tail(conf.out) };
      }
      const make = run('make', ['-j', JOBS], { cwd: build, timeout: 1_800_000 });
      if (make.status !== 0) return { built: false, why: firstLine(make.out, /error/i) ?? tail(make.out) };
      const r = run('make', ['check'], { cwd: path.join(build, 'tests'), timeout: 1_800_000 });
      return { ...automakeCounts(r.out), out: `${r.out}\n${fs.readFileSync(path.join(build, 'tests', 'test-suite.log'), 'utf8')}` };
    },
    own(out, test, text, build) {
      const log = path.join(build, path.dirname(test), path.basename(test).replace(/\.t$/, '.log'));
      const own = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      const collected = new RegExp(`^XFAIL: ${path.basename(test).replace(/\./g, '\\.')}`, 'm').test(out) || /known breakage/.test(own);
      // The driver's log holds the TAP lines, not the test body: the one known breakage is the placeholder
      // when the script's one test is the placeholder's.
      const placeholderOnly = (text.match(/^test_expect_/gm) ?? []).length === 1 && /^test_expect_failure [^\n]*'\n[\s\S]*OWN-IT-PLACEHOLDER[\s\S]*\n'\n[\s\S]*^test_done/m.test(text);
      return { collected, red: collected && /^1\.\.1$/m.test(own) && /^not ok 1 .*# TODO known breakage/m.test(own) && !/^not ok \d+(?! .*# TODO)/m.test(own) && placeholderOnly };
    },
    check: (was, now) => `make check: PASS ${was.pass}→${now.pass}, XFAIL ${was.xfail}→${now.xfail}, FAIL+ERROR ${was.fail}→${now.fail}`,
    others: (was, now) => now.pass >= was.pass && now.fail === was.fail && now.xfail === was.xfail + 1,
  },
};

/** inotify-tools: sharness scripts collected by `$(wildcard *.t)`; the script is run directly (the tools it drives are not built). */
function sharnessDirect(work, test) {
  const r = run('sh', [`./${path.basename(test)}`, '-v'], { cwd: path.join(work, path.dirname(test)) });
  const t = tapCounts(r.out);
  const collected = t.ok + t.broken + t.fail === 1;
  return {
    ran: `\`sh ./${path.basename(test)} -v\` in ${path.dirname(test)}/ (the project's sharness.sh; the tools it tests are not built)`,
    collected,
    red: collected && t.broken === 1 && r.status === 0 && /OWN-IT-PLACEHOLDER/.test(r.out),
    others: undefined,
    othersCheck: 'the rest of the suite not run (it needs the built tools and fanotify privileges); the new script is a separate file and adds no number',
  };
}

/**
 * Runs the repository's suite without the generated test (through `before`, which hides it), applies
 * the printed registration, and runs it again with the test.
 */
export function cRunner(work, test, slug, stdout, scratch, before) {
  const edits = registrationEdits(stdout);
  if (slug === 'inotify-tools+inotify-tools') return { ...sharnessDirect(work, test), registration: edits.length ? applyRegistration(work, edits) : 'none needed' };
  const recipe = RECIPES[slug];
  if (!recipe) return { ran: 'not runnable here: no recipe for this C/C++ repository', runnable: false };
  const build = path.join(scratch, `build-${slug}`);
  // Flaky tests are looked for in the baseline too: the same test may fail there, without the generated one.
  const was = before(work, test, 'c suite', () => {
    const { out, ...s } = recipe.suite(work, build);
    const flaky = s.built && recipe.flaky ? recipe.flaky(out, build, undefined) : [];
    return { ...s, raw: { pass: s.pass, fail: s.fail }, pass: s.pass + flaky.length, fail: s.fail - flaky.length, flaky };
  });
  if (!was.built) return { ran: `not runnable here: the suite does not build without the generated test: ${was.why ?? 'build failed'}`, runnable: false };
  const applied = edits.length ? applyRegistration(work, edits) : 'none needed';
  const now = recipe.suite(work, build);
  const text = fs.readFileSync(path.join(work, test), 'utf8');
  const { name, ...own } = now.built ? recipe.own(now.out, test, text, build) : { collected: false, red: false };
  // A test that failed with the generated one present but passes when run again alone is flaky here: named, not counted.
  const flaky = now.built && recipe.flaky ? recipe.flaky(now.out, build, name) : [];
  const counted = { ...now, pass: now.pass + flaky.length, fail: now.fail - flaky.length };
  const others = now.built && (recipe.others ? recipe.others(was, counted) : counted.pass >= was.pass && counted.fail === was.fail + 1);
  return {
    ran: recipe.ran,
    ...own,
    others,
    othersCheck: now.built
      ? `${recipe.check({ ...was, ...was.raw }, now)}${flaky.length || was.flaky?.length ? `; failed, then passed when run alone (flaky here, not counted): ${[was.flaky?.length ? `without the generated test ${was.flaky.join(', ')}` : '', flaky.length ? `with it ${flaky.join(', ')}` : ''].filter(Boolean).join('; ')}` : ''}`
      : `does not build with the generated test: ${now.why}`,
    registration: applied,
    detail: now.built ? undefined : now.why,
  };
}

/** clang-format where the repository configures it, on C and C++ files (a shell-suite script is neither). */
export function cFormatter(work, test) {
  if (!/\.(c|cc|cpp|cxx|h|hh|hpp)$/.test(test)) return 'none configured (a shell script)';
  const configured = ['.clang-format', '_clang-format'].some((f) => fs.existsSync(path.join(work, f)));
  if (!configured) return 'none configured';
  if (run('sh', ['-c', 'command -v clang-format']).status !== 0) return 'clang-format configured, not installed';
  return run('clang-format', ['--dry-run', '-Werror', test], { cwd: work }).status === 0 ? 'clang-format clean' : 'clang-format DIFF';
}
