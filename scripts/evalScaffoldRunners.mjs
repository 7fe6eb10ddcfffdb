// Runners for `npm run eval:scaffold`: each repository's own test runner on just the generated test,
// a cheap whole-suite check that nothing else broke (collection-only where a full run is too heavy),
// and its formatter or style checker. A toolchain or dependency that cannot be had offline makes the
// culprit "not runnable here" with the reason, never a pass or a fail.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cFormatter, cRunner } from './evalScaffoldC.mjs';
import { cargoRunner, goRunner } from './evalScaffoldCompiled.mjs';

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 300_000, maxBuffer: 64 * 1024 * 1024, ...opts });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '', error: r.error };
}
export const have = (cmd) => run('sh', ['-c', `command -v ${cmd}`]).status === 0;
const exists = (...p) => fs.existsSync(path.join(...p));
const read = (...p) => (exists(...p) ? fs.readFileSync(path.join(...p), 'utf8') : '');
/** Why a gem the test loads cannot be had here (rubygems.org is unreachable; only Debian's packages are). */
const gemWhy = (out) =>
  /cannot load such file -- rack\/session/.test(out)
    ? "rack-session ≥ 2 and rack ≥ 3, which the gemspec asks, are in neither Debian 12 nor bookworm-backports: they have rack 2.2 and no rack-session"
    : 'no Debian 12 package has the gem and rubygems.org is unreachable';
const firstLine = (out, re) => out.split('\n').find((l) => re.test(l) && !/OWN-IT-PLACEHOLDER/.test(l))?.trim();

/**
 * Environment of the evaluation: `python` is an interpreter with pytest and the repositories' test
 * dependencies (a venv), `pythonPath` extra import folders; both from the command line.
 */
export function makeRunners({ python, pythonPath, scratch }) {
  const pyBin = path.dirname(python);
  const pyEnv = (work) => ({ ...process.env, PATH: `${pyBin}:${process.env.PATH}`, PYTHONPATH: [work, path.join(work, 'src'), ...pythonPath].join(':'), PYTHONDONTWRITEBYTECODE: '1' });
  const pytest = (work, args) => run(python, ['-m', 'pytest', '-p', 'no:cacheprovider', '-o', 'addopts=', ...args], { cwd: work, env: pyEnv(work) });
  const nodeTestCounts = (out) => ({ pass: Number(/^# pass (\d+)/m.exec(out)?.[1] ?? NaN), fail: Number(/^# fail (\d+)/m.exec(out)?.[1] ?? NaN) });
  const pyCollect = (out) => {
    const last = out.trim().split('\n').pop() ?? '';
    return { tests: Number(/(\d+) tests? collected/.exec(last)?.[1] ?? /(\d+)\/\d+ tests? collected/.exec(last)?.[1] ?? 0), errors: Number(/(\d+) errors?/.exec(last)?.[1] ?? 0) };
  };
  const rspecDry = (work, root) => {
    const r = run('rspec', ['--dry-run', '-Ilib', `-I${root}`, root], { cwd: work });
    return { examples: Number(/(\d+) examples?/.exec(r.out)?.[1] ?? 0), outside: /errors? occurred outside of examples/.test(r.out) };
  };
  const javaMain = new Map();

  /** Per repository: whole-suite counts without any generated file, taken once (by key) on first use. */
  const baselines = new Map();
  function before(work, test, key, measure) {
    const id = `${work}\0${key}`;
    if (!baselines.has(id)) {
      // A test added inside a tracked file (a Rust `#[cfg(test)] mod`) is measured against the
      // committed file; a new file is moved aside.
      const tracked = run('git', ['ls-files', '--error-unmatch', test], { cwd: work }).status === 0;
      const hidden = path.join(scratch, `.hidden-${path.basename(test)}`);
      fs.renameSync(path.join(work, test), hidden);
      if (tracked) fs.writeFileSync(path.join(work, test), run('git', ['show', `HEAD:${test}`], { cwd: work }).stdout);
      try {
        baselines.set(id, measure());
      } finally {
        fs.renameSync(hidden, path.join(work, test));
      }
    }
    return baselines.get(id);
  }

  /** Runs the repository's own runner on just the generated test, then the whole-suite check. `stdout`: what the CLI printed. */
  function runner(eco, work, test, framework, stdout) {
    if (eco === 'c') return cRunner(work, test, path.basename(work), stdout, scratch, before);
    if (eco === 'go') return goRunner(work, test, path.basename(work), scratch, before);
    if (eco === 'rust') return cargoRunner(work, test, scratch, before);
    if (eco === 'python') {
      const r = pytest(work, ['-q', test]);
      const summary = r.out.trim().split('\n').pop() ?? '';
      const collected = /\b1 failed\b/.test(summary);
      const red = collected && /OWN-IT-PLACEHOLDER/.test(r.out) && !/error/i.test(summary);
      const root = test.split('/')[0];
      const was = before(work, test, root, () => pyCollect(pytest(work, ['--collect-only', '-q', root]).out));
      const after = pyCollect(pytest(work, ['--collect-only', '-q', root]).out);
      const others = after.errors <= was.errors && after.tests >= was.tests + 1;
      return { ran: 'pytest', collected, red, others, othersCheck: `pytest --collect-only ${root}: ${was.tests}→${after.tests} tests, ${was.errors}→${after.errors} errors`, detail: firstLine(r.out, /Error|error/) };
    }
    if (eco === 'ruby') {
      const text = read(work, test);
      if (/RSpec\./.test(text)) {
        const root = /^(.*?\bspec)\//.exec(test)?.[1] ?? 'spec';
        const r = run('rspec', ['-Ilib', `-I${path.posix.join(path.posix.dirname(root), 'lib')}`, `-I${root}`, test], { cwd: work });
        if (/cannot load such file/.test(r.out) && !/1 example/.test(r.out)) return { ran: `not runnable here: ${/cannot load such file -- \S+/.exec(r.out)?.[0]} (${gemWhy(r.out)})`, runnable: false };
        const was = before(work, test, root, () => rspecDry(work, root));
        const after = rspecDry(work, root);
        return { ran: 'rspec', collected: /1 example/.test(r.out), red: /1 example, 1 failure/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out), others: !after.outside && after.examples === was.examples + 1, othersCheck: `rspec --dry-run ${root}: ${was.examples}→${after.examples} examples${after.outside ? ', errors outside examples' : ''}`, detail: firstLine(r.out, /Error/) };
      }
      const root = /^(.*?\btest)\//.exec(test)?.[1] ?? 'test';
      const r = run('ruby', ['-Ilib', `-I${root}`, test], { cwd: work });
      if (/cannot load such file/.test(r.out) && !/1 runs/.test(r.out)) return { ran: `not runnable here: ${/cannot load such file -- \S+/.exec(r.out)?.[0]} (${gemWhy(r.out)})`, runnable: false };
      return { ran: 'ruby (minitest)', collected: /1 runs/.test(r.out), red: /1 failures/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out), others: undefined, detail: firstLine(r.out, /Error/) };
    }
    if (eco === 'java') return javaRunner(work, test);
    if (eco === 'js') return jsRunner(work, test, framework);
    return { ran: 'not runnable here: no runner for this ecosystem', runnable: false };
  }

  function javaRunner(work, test) {
    const jars = ['junit-jupiter-api', 'apiguardian-api', 'opentest4j', 'junit-platform-commons'].map((j) => `/usr/share/java/${j}.jar`);
    const console = '/usr/share/java/junit-platform-console-standalone.jar';
    if (!have('javac') || !fs.existsSync(console)) return { ran: 'not runnable here: javac or JUnit console (Debian junit5) missing', runnable: false };
    const main = path.join(scratch, `java-main-${path.basename(work)}`);
    if (!javaMain.has(work)) {
      fs.rmSync(main, { recursive: true, force: true });
      fs.mkdirSync(main, { recursive: true });
      const sources = run('git', ['ls-files', 'src/main/java/*.java'], { cwd: work }).stdout.split('\n').filter(Boolean);
      javaMain.set(work, run('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', main, ...sources], { cwd: work, timeout: 600_000 }).status === 0);
    }
    if (!javaMain.get(work)) return { ran: 'not runnable here: the main sources do not compile with Debian 12 javac', runnable: false };
    const out = path.join(scratch, 'java-test');
    fs.rmSync(out, { recursive: true, force: true });
    const c = run('javac', ['-encoding', 'UTF-8', '-d', out, '-cp', [main, ...jars].join(':'), test], { cwd: work });
    if (c.status !== 0) return { ran: 'javac + JUnit console', collected: false, red: false, detail: firstLine(c.out, /error/) };
    const cls = test.replace(/^.*?src\/test\/java\//, '').replace(/\.java$/, '').replace(/\//g, '.');
    const r = run('java', ['-jar', console, '-cp', [out, main].join(':'), '--select-class', cls, '--disable-banner'], { cwd: work });
    const clash = run('git', ['ls-files', `*/${path.basename(test)}`], { cwd: work }).stdout.trim() !== '';
    return { ran: 'javac + JUnit console (Maven cannot resolve offline)', collected: /1 tests found/.test(r.out), red: /1 tests failed/.test(r.out) && /OWN-IT-PLACEHOLDER/.test(r.out), others: !clash, othersCheck: 'a new class whose name no tracked test file has', detail: firstLine(r.out, /Exception|Error/) };
  }

  function jsRunner(work, test, framework) {
    const bin = (name) => path.join(work, 'node_modules', '.bin', name);
    const verdict = (ran, r) => ({ ran, collected: /OWN-IT-PLACEHOLDER/.test(r.out) && r.status !== 0, red: r.status !== 0 && /OWN-IT-PLACEHOLDER/.test(r.out) && !/Cannot find module|SyntaxError|ERR_MODULE_NOT_FOUND/.test(r.out), detail: firstLine(r.out, /Cannot find|SyntaxError|Error:/) });
    if (framework === 'node:test') {
      const v = verdict('node --test', run(process.execPath, ['--test', test], { cwd: work }));
      const suite = () => nodeTestCounts(run(process.execPath, ['--test'], { cwd: work }).out);
      const was = before(work, test, 'node --test', suite);
      const after = suite();
      return { ...v, others: after.pass >= was.pass && after.fail === was.fail + 1, othersCheck: `node --test (whole suite): pass ${was.pass}→${after.pass}, fail ${was.fail}→${after.fail}` };
    }
    const karmaConfig = ['karma.conf.cjs', 'karma.conf.js'].find((f) => exists(work, f));
    if (karmaConfig && fs.existsSync(bin('karma')) && have('chromium')) {
      const r = run(bin('karma'), ['start', path.join(path.dirname(new URL(import.meta.url).pathname), 'evalKarmaOne.cjs')], { cwd: work, env: { ...process.env, CHROME_BIN: '/usr/bin/chromium', OWN_IT_SPEC: test, OWN_IT_KARMA: karmaConfig } });
      const v = verdict('karma (the repo config, this spec only, headless Chromium)', r);
      return { ...v, collected: /Executed 1 of 1/.test(r.out), others: !/Error during bundle|RollupError|Could not resolve/.test(r.out), othersCheck: 'bundled by the repo karma/rollup config (the browser suite itself not rerun)' };
    }
    if (framework === 'jest' && fs.existsSync(bin('jest'))) return verdict('jest', run(bin('jest'), ['--ci', test], { cwd: work }));
    if (framework === 'mocha' && fs.existsSync(bin('mocha'))) return verdict('mocha', run(bin('mocha'), [test], { cwd: work }));
    return { ran: 'not runnable here: no node_modules', runnable: false };
  }

  return { runner, formatter: (eco, work, test) => formatter(eco, work, test, pyBin) };
}

function formatter(eco, work, test, pyBin) {
  if (eco === 'c') return cFormatter(work, test);
  if (eco === 'go') return run('gofmt', ['-l', test], { cwd: work }).stdout.trim() === '' ? 'gofmt clean' : 'gofmt DIFF';
  if (eco === 'rust') return run('rustfmt', ['--check', '--edition', '2021', test], { cwd: work }).status === 0 ? 'rustfmt clean' : 'rustfmt DIFF';
  if (eco === 'python') {
    const cfg = ['pyproject.toml', 'setup.cfg', 'tox.ini', '.pre-commit-config.yaml'].map((f) => read(work, f)).join('\n');
    const tool = (name) => (fs.existsSync(path.join(pyBin, name)) ? path.join(pyBin, name) : have(name) ? name : undefined);
    if (/ruff-format|tool\.ruff|"ruff/.test(cfg) && tool('ruff')) return run(tool('ruff'), ['format', '--check', test], { cwd: work }).status === 0 ? 'ruff format clean' : 'ruff format DIFF';
    if (/\bblack\b/.test(cfg) && tool('black')) return run(tool('black'), ['--check', '-q', test], { cwd: work }).status === 0 ? 'black clean' : 'black DIFF';
    return /ruff|black/.test(cfg) ? 'formatter configured, not installed' : 'none configured';
  }
  if (eco === 'js') {
    const prettier = path.join(work, 'node_modules', '.bin', 'prettier');
    const configured = ['.prettierrc', '.prettierrc.json', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.yaml', 'prettier.config.js', 'prettier.config.mjs'].some((f) => exists(work, f));
    if (configured && fs.existsSync(prettier)) return run(prettier, ['--check', test], { cwd: work }).status === 0 ? 'prettier clean' : 'prettier DIFF';
    return configured ? 'prettier configured, not installed' : 'none configured';
  }
  if (eco === 'ruby') {
    if (!exists(work, '.rubocop.yml')) return 'none configured';
    if (!have('rubocop')) return 'rubocop configured, not installed';
    // Debian 12's RuboCop 1.39 cannot load the repo's plugins or its to-do file (newer cops): the
    // repo's own config without them, limited to layout, quotes and the frozen-string comment.
    const config = path.join(work, '.own-it-eval-rubocop.yml');
    fs.writeFileSync(config, read(work, '.rubocop.yml').replace(/^(plugins|require):\n(\s+- .*\n)+/gm, '').replace(/^inherit_from:.*\n(\s+- .*\n)*/m, ''));
    const r = run('rubocop', ['-c', config, '--force-exclusion', '--only', 'Layout,Style/StringLiterals,Style/FrozenStringLiteralComment', test], { cwd: work });
    fs.rmSync(config);
    if (/^0 files inspected/m.test(r.out) || /No files found/.test(r.out)) return 'rubocop: the repo config excludes this path';
    return r.status === 0 ? 'rubocop clean (layout, quotes, frozen literal)' : 'rubocop DIFF';
  }
  if (eco === 'java') {
    const config = 'src/site/resources/checkstyle/checkstyle.xml';
    if (!exists(work, config) || !have('checkstyle')) return 'none configured';
    // Debian 12's Checkstyle 8.36 does not know one property of this config; drop it for the check.
    const patched = path.join(path.dirname(path.join(work, config)), '.own-it-eval-checkstyle.xml');
    fs.writeFileSync(patched, read(work, config).replace(/.*accessModifiers.*\n/g, ''));
    const r = run('checkstyle', ['-c', patched, test], { cwd: work });
    fs.rmSync(patched);
    return r.status === 0 && !/\[(ERROR|WARN)\]/.test(r.out) ? 'checkstyle clean' : 'checkstyle DIFF';
  }
  return 'not checked';
}
