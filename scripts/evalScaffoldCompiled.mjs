// Go and Rust runners for `npm run eval:scaffold`: `go test` and `cargo test --offline` on just the
// generated test, then the whole package (Go) or crate (Rust) before and after. They try whenever the
// local toolchain can build the module offline: a module whose baseline (without the generated file)
// does not build here is "not runnable here" with the compiler's reason, never a pass or a fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './evalScaffoldRunners.mjs';

const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
const firstLine = (out, re) => out.split('\n').find((l) => re.test(l) && !/OWN-IT-PLACEHOLDER/.test(l))?.trim();
/** Go never reaches a module proxy or downloads a toolchain here; modules with no requirements build. */
const GO_ENV = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOSUMDB: 'off' };

/** Top-level and subtest verdict lines of `go test -v`, and whether the package built at all. */
function goCounts(out) {
  // Built and ran: the package's own verdict line with its time (`ok  pkg 0.01s`, `FAIL pkg 0.01s`).
  return { pass: (out.match(/^\s*--- PASS/gm) ?? []).length, fail: (out.match(/^\s*--- FAIL/gm) ?? []).length, built: /^(ok|FAIL)\s+\S+\s+\d[\d.]*s\b/m.test(out) };
}

/**
 * `go test` on the generated test. `before(work, test, key, measure)` measures once per key with the
 * generated file hidden. `slug` is owner+name, used only when the repository predates modules: then
 * the scratch clone gets `go mod init github.com/owner/name`, as `go` itself suggests for such code.
 */
export function goRunner(work, test, slug, before) {
  const version = run('go', ['version']).stdout.split(' ')[2] ?? 'no go';
  let init = '';
  if (!fs.existsSync(path.join(work, 'go.mod'))) {
    const module = `github.com/${slug.replace('+', '/')}`;
    if (run('go', ['mod', 'init', module], { cwd: work, env: GO_ENV }).status !== 0) return { ran: `not runnable here: no go.mod and \`go mod init ${module}\` failed`, runnable: false };
    init = ` (no go.mod: \`go mod init ${module}\` in the scratch clone)`;
  }
  const pkg = `./${path.posix.dirname(test)}`;
  const suite = () => run('go', ['test', '-count=1', '-v', pkg], { cwd: work, env: GO_ENV, timeout: 600_000 }).out;
  const was = before(work, test, `go ${pkg}`, () => {
    const out = suite();
    return { ...goCounts(out), why: [/invalid go version|not in GOROOT|requires go/i, /lookup disabled|missing go.sum/, /undefined|cannot find|error/i].map((re) => firstLine(out, re)).find(Boolean)?.replaceAll(`${work}/`, '') };
  });
  if (!was.built) {
    const wants = /^go (\S+)/m.exec(read(path.join(work, 'go.mod')))?.[1];
    return { ran: `not runnable here: without the generated test the package does not build with ${version} (go.mod asks ${wants}): ${was.why ?? 'go test failed'}`, runnable: false };
  }
  const name = /^func (Test\w+)\(t \*testing\.T\)/m.exec(read(path.join(work, test)))?.[1];
  const r = run('go', ['test', '-count=1', '-v', '-run', `^${name}$`, pkg], { cwd: work, env: GO_ENV });
  const own = goCounts(r.out);
  const collected = own.built && new RegExp(`^--- FAIL: ${name} `, 'm').test(r.out);
  const red = collected && r.status !== 0 && own.fail === 1 && /OWN-IT-PLACEHOLDER/.test(r.out);
  const after = goCounts(suite());
  const others = after.built && after.pass >= was.pass && after.fail === was.fail + 1;
  return { ran: `go test (${version})${init}`, collected, red, others, othersCheck: `go test -v ${pkg}: pass ${was.pass}→${after.pass}, fail ${was.fail}→${after.fail}`, detail: own.built ? undefined : firstLine(r.out, /\.go:\d+/) };
}

/** `test result:` lines of every test binary cargo ran, summed. */
function cargoCounts(out) {
  let pass = 0;
  let fail = 0;
  for (const m of out.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed/gm)) {
    pass += Number(m[1]);
    fail += Number(m[2]);
  }
  return { pass, fail, built: !/could not compile|^error\[E\d+\]|^error: (no test target|failed to)/m.test(out) };
}

/**
 * Crates.io is unreachable, so a manifest that names any crate (even an optional one, or a
 * dev-dependency only benchmarks use: Cargo resolves them all) cannot build offline. In the scratch
 * clone only, this drops optional dependencies that the default features do not enable (keeping an
 * empty feature of the same name, so `cfg(feature = …)` stays a known name), dev-dependencies that no
 * file under src/ or tests/ mentions, `[[bench]]` targets and the other members of a workspace. Returns the crates dropped and whether
 * other members were, or undefined when a needed crate remains (then the crate is not runnable here).
 */
function offlineManifest(crateDir) {
  const file = path.join(crateDir, 'Cargo.toml');
  const text = read(file);
  const used = run('git', ['grep', '-h', '-I', '-o', '-E', '[A-Za-z_][A-Za-z0-9_]*', '--', 'src', 'tests'], { cwd: crateDir }).stdout;
  const words = new Set(used.split('\n'));
  const defaults = /^default\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? '';
  const tableOf = [];
  let table = '';
  for (const line of text.split('\n')) {
    const header = /^\s*\[\[?([^\]]+)\]\]?\s*$/.exec(line);
    if (header) table = `${/^\s*\[\[/.test(line) ? '[]' : ''}${header[1].trim()}`;
    tableOf.push({ line, table, header: Boolean(header) });
  }
  const dropped = new Set();
  const optional = new Set();
  for (const { line, table, header } of tableOf) {
    const dep = header ? null : /^\s*([A-Za-z0-9_-]+)\s*=/.exec(line);
    if (!dep || !/(^|\.)(dev-|build-)?dependencies$/.test(table)) continue;
    const name = dep[1];
    if (/optional\s*=\s*true/.test(line) && !new RegExp(`"(dep:)?${name}[?/"]`).test(defaults)) {
      dropped.add(name);
      optional.add(name);
    } else if (/dev-dependencies$/.test(table) && !words.has(name.replace(/-/g, '_'))) dropped.add(name);
    else return undefined;
  }
  const explicit = new Set(tableOf.filter((t) => t.table === 'features' && !t.header).map((t) => /^\s*([A-Za-z0-9_-]+)\s*=/.exec(t.line)?.[1]));
  const names = [...dropped].map((n) => n.replace(/[-]/g, '\\-')).join('|');
  const mention = new RegExp(`"(dep:)?(${names})(\\?)?(/[^"]*)?"\\s*,?\\s*`, 'g');
  const out = [];
  let inMembers = false;
  let narrowed = false;
  for (const { line, table, header } of tableOf) {
    if (table === '[]bench') continue;
    // The workspace is narrowed to this crate: other members may need crates of their own.
    if (table === 'workspace' && !header && (inMembers || /^\s*(default-)?members\s*=/.test(line))) {
      inMembers = !/\]/.test(line);
      narrowed = true;
      continue;
    }
    if (!header && /(^|\.)(dev-|build-)?dependencies$/.test(table) && dropped.has(/^\s*([A-Za-z0-9_-]+)/.exec(line)?.[1])) continue;
    out.push(table === 'features' && !header && names ? line.replace(mention, '') : line);
    if (header && table === 'package') out.push('autobenches = false');
  }
  const empty = [...optional].filter((n) => !explicit.has(n)).map((n) => `${n} = []`);
  let manifest = out.join('\n');
  if (empty.length) manifest = /^\[features\]\s*$/m.test(manifest) ? manifest.replace(/^\[features\]\s*$/m, `[features]\n${empty.join('\n')}`) : `${manifest}\n[features]\n${empty.join('\n')}\n`;
  fs.writeFileSync(file, manifest);
  return { dropped: [...dropped], narrowed };
}

/** `cargo test --offline` on the generated test (its own `#[test]` fn), then the crate before/after. */
export function cargoRunner(work, test, scratch, before) {
  let crateDir = path.dirname(path.join(work, test));
  while (!fs.existsSync(path.join(crateDir, 'Cargo.toml')) && crateDir.startsWith(work) && crateDir !== work) crateDir = path.dirname(crateDir);
  const env = { ...process.env, CARGO_TARGET_DIR: path.join(scratch, `cargo-target-${path.basename(work)}`), CARGO_NET_OFFLINE: 'true' };
  const cargo = (...args) => run('cargo', ['test', '--offline', '--no-fail-fast', '--lib', '--tests', ...args], { cwd: crateDir, env, timeout: 900_000 });
  const resolves = () => run('cargo', ['generate-lockfile', '--offline'], { cwd: crateDir, env });
  let note = '';
  let resolved = resolves();
  if (resolved.status !== 0) {
    const offline = offlineManifest(crateDir);
    if (offline === undefined || (resolved = resolves()).status !== 0) {
      run('git', ['checkout', '--', 'Cargo.toml'], { cwd: crateDir });
      return { ran: `not runnable here: crates.io is unreachable and the crate needs crates from it (${firstLine(resolved.out, /no matching package|failed to select/)?.replace(/^error: /, '') ?? 'cargo could not resolve offline'})`, runnable: false };
    }
    note = ` (offline: dropped ${offline.dropped.join(', ') || 'nothing'}, which only benchmarks or features off by default name${offline.narrowed ? '; workspace narrowed to this crate' : ''})`;
  }
  const was = before(work, test, `cargo ${crateDir}`, () => {
    const out = cargo().out;
    return { ...cargoCounts(out), why: firstLine(out, /^error/) };
  });
  if (!was.built) return { ran: `not runnable here: without the generated test the crate does not build: ${was.why ?? 'cargo failed'}`, runnable: false };
  const name = /#\[test\][^]*?fn (regression_\w+)\(\)/.exec(read(path.join(work, test)))?.[1];
  const r = cargo(name);
  const own = cargoCounts(r.out);
  const collected = own.built && new RegExp(`^test (\\S+::)?${name} \\.\\.\\. FAILED`, 'm').test(r.out);
  const red = collected && own.fail === 1 && /OWN-IT-PLACEHOLDER/.test(r.out);
  const after = cargoCounts(cargo().out);
  const others = after.built && after.pass >= was.pass && after.fail === was.fail + 1;
  return { ran: `cargo test --offline${note}`, collected, red, others, othersCheck: `cargo test --lib --tests: pass ${was.pass}→${after.pass}, fail ${was.fail}→${after.fail}`, detail: own.built ? undefined : firstLine(r.out, /^error/) };
}
