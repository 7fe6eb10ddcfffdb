// Go and Rust runners for `npm run eval:scaffold`: `go test` and `cargo test --offline` on just the
// generated test, then the whole package (Go) or crate (Rust) before and after. They try whenever the
// local toolchain can build the module offline: a module whose baseline (without the generated file)
// does not build here is "not runnable here" with the compiler's reason, never a pass or a fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './evalScaffoldRunners.mjs';

const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
const firstLine = (out, re) => out.split('\n').find((l) => re.test(l) && !/OWN-IT-PLACEHOLDER/.test(l))?.trim();
/** Go never reaches a module proxy or downloads a toolchain here; requirements come from Debian (below). */
const GO_ENV = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOSUMDB: 'off' };
/** The newest Go Debian installed (golang-1.23-go from bookworm-backports beside 1.19's golang-go), else `go` on PATH. */
const GO = (() => {
  const dirs = fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib').filter((d) => /^go-1\.\d+$/.test(d) && fs.existsSync(`/usr/lib/${d}/bin/go`)) : [];
  const newest = dirs.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop();
  return newest ? `/usr/lib/${newest}/bin/go` : 'go';
})();

/** Top-level and subtest verdict lines of `go test -v`, and whether the package built at all. */
function goCounts(out) {
  // Built and ran: the package's own verdict line with its time (`ok  pkg 0.01s`, `FAIL pkg 0.01s`).
  return { pass: (out.match(/^\s*--- PASS/gm) ?? []).length, fail: (out.match(/^\s*--- FAIL/gm) ?? []).length, built: /^(ok|FAIL)\s+\S+\s+\d[\d.]*s\b/m.test(out) };
}

/** Where Debian's golang-*-dev packages put Go sources, by import path. */
const GOCODE = '/usr/share/gocode/src';

/**
 * A copy of Debian's source of module `mod` under the scratch folder, with a go.mod (`go mod init`
 * where Debian's has none); undefined when no Debian package installed it.
 */
function debianModule(mod, scratch) {
  const source = path.join(GOCODE, mod);
  if (!fs.existsSync(source)) return undefined;
  const dir = path.join(scratch, 'gomods', mod);
  if (!fs.existsSync(path.join(dir, 'go.mod'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(source, dir, { recursive: true, dereference: true });
    if (!fs.existsSync(path.join(dir, 'go.mod'))) run(GO, ['mod', 'init', mod], { cwd: dir, env: GO_ENV });
  }
  return dir;
}

/**
 * The module proxy is unreachable: in the scratch clone only, each module the build graph asks for
 * is pointed at Debian's packaged source (`go mod edit -replace mod=dir`, any version). A module that
 * no Debian package has is dropped from the go.mod files that require it; when a package of the
 * build imports it, the baseline build then fails and says so. Returns what was replaced and dropped.
 */
function debianModules(work, scratch) {
  const replaced = [];
  const dropped = [];
  for (let round = 0; round < 60; round++) {
    const r = run(GO, ['list', '-m', 'all'], { cwd: work, env: GO_ENV });
    const missing = /(?:^|\s)([^\s:@]+)@[^\s:]+: (?:module lookup disabled|reading|missing go\.sum)/m.exec(r.out)?.[1];
    if (r.status === 0 || !missing || replaced.includes(missing) || dropped.includes(missing)) break;
    const dir = debianModule(missing, scratch);
    if (dir) {
      run(GO, ['mod', 'edit', '-replace', `${missing}=${dir}`], { cwd: work, env: GO_ENV });
      replaced.push(missing);
      continue;
    }
    for (const file of [path.join(work, 'go.mod'), ...replaced.map((m) => path.join(scratch, 'gomods', m, 'go.mod'))]) run(GO, ['mod', 'edit', '-droprequire', missing, file], { env: GO_ENV });
    dropped.push(missing);
  }
  return { replaced, dropped };
}

/**
 * `go test` on the generated test. `before(work, test, key, measure)` measures once per key with the
 * generated file hidden. `slug` is owner+name, used only when the repository predates modules: then
 * the scratch clone gets `go mod init github.com/owner/name`, as `go` itself suggests for such code.
 * Requirements come from Debian's packaged sources (`debianModules`), never from the network.
 */
export function goRunner(work, test, slug, scratch, before) {
  const version = run(GO, ['version']).stdout.split(' ')[2] ?? 'no go';
  let init = '';
  if (!fs.existsSync(path.join(work, 'go.mod'))) {
    const module = `github.com/${slug.replace('+', '/')}`;
    if (run(GO, ['mod', 'init', module], { cwd: work, env: GO_ENV }).status !== 0) return { ran: `not runnable here: no go.mod and \`go mod init ${module}\` failed`, runnable: false };
    init = ` (no go.mod: \`go mod init ${module}\` in the scratch clone)`;
  }
  // A go.mod that asks for a newer Go than Debian has: asked down to the local version in the
  // scratch clone, and said so; if the code needs the newer language or library, it still does
  // not build and the row says why.
  const local = /^go(\d+)\.(\d+)/.exec(version);
  const wants = /^go (\S+)/m.exec(read(path.join(work, 'go.mod')))?.[1];
  const asked = /^(\d+)\.(\d+)/.exec(wants ?? '');
  let lowered = '';
  if (local && asked && Number(asked[1]) * 1000 + Number(asked[2]) > Number(local[1]) * 1000 + Number(local[2])) {
    run(GO, ['mod', 'edit', `-go=${local[1]}.${local[2]}`, '-toolchain=none'], { cwd: work, env: GO_ENV });
    lowered = `; set to ${local[1]}.${local[2]} in the scratch clone`;
    init += ` (go.mod asks go ${wants}${lowered})`;
  }
  const debian = debianModules(work, scratch);
  if (debian.replaced.length) init += ` (Debian 12 sources for ${debian.replaced.join(', ')}${debian.dropped.length ? `; dropped ${debian.dropped.join(', ')}: in no Debian package, named only in go.mod files` : ''})`;
  const pkg = `./${path.posix.dirname(test)}`;
  const suite = () => run(GO, ['test', '-count=1', '-v', pkg], { cwd: work, env: GO_ENV, timeout: 600_000 }).out;
  const was = before(work, test, `go ${pkg}`, () => {
    const out = suite();
    return { ...goCounts(out), why: [/invalid go version|not in GOROOT|requires go/i, /lookup disabled|missing go.sum/, /undefined|cannot find|error/i].map((re) => firstLine(out, re)).find(Boolean)?.replaceAll(`${work}/`, '') };
  });
  if (!was.built) {
    return { ran: `not runnable here: without the generated test the package does not build with ${version} (go.mod asks ${wants}${lowered}): ${was.why ?? 'go test failed'}`, runnable: false };
  }
  const name = /^func (Test\w+)\(t \*testing\.T\)/m.exec(read(path.join(work, test)))?.[1];
  const r = run(GO, ['test', '-count=1', '-v', '-run', `^${name}$`, pkg], { cwd: work, env: GO_ENV });
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

/** Where Debian's librust-*-dev packages put crate sources (a Cargo directory source). */
const DEBIAN_CRATES = '/usr/share/cargo/registry';

/**
 * A CARGO_HOME in the scratch folder whose crates.io is Debian's crate directory, so that Cargo
 * resolves offline from the librust-*-dev packages installed (the rustup toolchain stays the same).
 */
function debianCargoHome(scratch) {
  const home = path.join(scratch, 'cargo-home-debian');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_CRATES}"\n\n[net]\noffline = true\n`);
  return home;
}

/** Lower bound of a Cargo version requirement (`1.0`, `^1.0.2`, `=4.6.6`, `>= 0.3`), as numbers. */
const lowerBound = (req) => (/(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(req) ?? []).slice(1, 4).map((n) => Number(n ?? 0));
/** Whether version `have` meets caret requirement `req` (Cargo's default): same left-most non-zero part, not below. */
function meets(have, req) {
  const h = lowerBound(have);
  const r = lowerBound(req);
  const major = r[0] !== 0 ? 0 : r[1] !== 0 ? 1 : 2;
  for (let i = 0; i <= major; i++) if (h[i] !== r[i]) return false;
  for (let i = major + 1; i < 3; i++) if (h[i] !== r[i]) return h[i] > r[i];
  return true;
}

/**
 * The dependencies of the crate's manifest (normal ones, and dev-dependencies its src/ or tests/
 * name; optional ones only when the default features enable them) that Debian 12 cannot give in a
 * version the requirement accepts: `name req (Debian has V, or none)`, from `apt-cache policy`.
 */
function unmetInDebian(crateDir) {
  const text = read(path.join(crateDir, 'Cargo.toml'));
  const used = new Set(run('git', ['grep', '-h', '-I', '-o', '-E', '[A-Za-z_][A-Za-z0-9_]*', '--', 'src', 'tests'], { cwd: crateDir }).stdout.split('\n'));
  const defaults = /^default\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? '';
  const unmet = [];
  let table = '';
  for (const line of text.split('\n')) {
    const header = /^\s*\[\[?([^\]]+)\]\]?\s*$/.exec(line);
    if (header) table = header[1].trim();
    const dep = header ? null : /^\s*([A-Za-z0-9_-]+)\s*=\s*(?:"([^"]+)"|\{.*?\bversion\s*=\s*"([^"]+)")/.exec(line);
    if (!dep || !/(^|\.)(dev-)?dependencies$/.test(table) || /\bpath\s*=/.test(line)) continue;
    const [, name, plain, inTable] = dep;
    if (/optional\s*=\s*true/.test(line) && !new RegExp(`"(dep:)?${name}[?/"]`).test(defaults)) continue;
    if (/dev-dependencies$/.test(table) && !used.has(name.replace(/-/g, '_'))) continue;
    const req = plain ?? inTable;
    const candidate = /Candidate: (?:\d+:)?([\d.]+)/.exec(run('apt-cache', ['policy', `librust-${name.replace(/_/g, '-').toLowerCase()}-dev`]).stdout)?.[1];
    if (!candidate || !meets(candidate, req)) unmet.push(`${name} ${req} (Debian 12 has ${candidate ?? 'none'})`);
  }
  return unmet;
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
      // Crates.io is unreachable: Debian's packaged crates stand in for it (a directory source).
      const unmet = unmetInDebian(crateDir);
      env.CARGO_HOME = debianCargoHome(scratch);
      if (unmet.length || (resolved = resolves()).status !== 0) {
        const said = firstLine(resolved.out, /no matching package|failed to select/)?.replace(/^error: /, '');
        const named = /no matching package named `([^`]+)`/.exec(said ?? '')?.[1];
        const debian = named ? ` (Debian 12 has ${/Candidate: (?:\d+:)?([\d.]+)/.exec(run('apt-cache', ['policy', `librust-${named.replace(/_/g, '-').toLowerCase()}-dev`]).stdout)?.[1] ?? 'none'})` : '';
        const why = unmet.length ? `Debian 12's packaged crates do not meet the manifest: ${unmet.join(', ')}` : `Debian 12's packaged crates do not resolve: ${said ?? 'cargo could not resolve'}${debian}`;
        return { ran: `not runnable here: crates.io is unreachable and ${why}`, runnable: false };
      }
      note = ' (crates from Debian 12: /usr/share/cargo/registry as crates.io)';
    } else note = ` (offline: dropped ${offline.dropped.join(', ') || 'nothing'}, which only benchmarks or features off by default name${offline.narrowed ? '; workspace narrowed to this crate' : ''})`;
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
