// The Debian packages the README's commands need, installed with apt when we may (root, or sudo
// without a password), otherwise one command to run. Shared by `npm test`, `npm run demo` and .ci/run
// through setup.mjs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { findChromium } from './hostPaths.mjs';

/** Why each package is needed, for the message a person reads. */
const PURPOSE = {
  git: 'Own It and its tests read git history',
  chromium: 'the UI and integration tests drive VS Code in a headless browser',
  'libkrb5-dev': "code-server's install compiles a kerberos module against it",
  make: "code-server's install compiles native modules",
  'g++': "code-server's install compiles native modules",
  python3: "code-server's install compiles native modules (node-gyp)",
  'clang-format': 'the unit tests of the C/C++ scaffold check that a generated test is shaped by it',
};

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
}

/** OWN_IT_SETUP_ASSUME_MISSING=chromium,libkrb5-dev pretends those are missing (to try the apt path with --dry-run). */
function assumedMissing() {
  return new Set((process.env.OWN_IT_SETUP_ASSUME_MISSING ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/**
 * The packages missing for what is about to run. `browser`: something will open chromium (the tests);
 * `build`: code-server must still be installed (its install compiles native modules); `tests`: the
 * unit tests will run (they format a generated C++ test with clang-format, and skip without it).
 */
export function missingSystemPackages({ browser, build, tests = false }) {
  const pretend = assumedMissing();
  const checks = [['git', () => onPath('git')]];
  if (browser) checks.push(['chromium', () => findChromium() !== undefined]);
  if (tests) checks.push(['clang-format', () => onPath('clang-format')]);
  if (build) {
    checks.push(
      ['libkrb5-dev', () => dpkgInstalled('libkrb5-dev') || fs.existsSync('/usr/include/krb5.h')],
      ['make', () => onPath('make')],
      ['g++', () => onPath('g++')],
      ['python3', () => onPath('python3')],
    );
  }
  return checks.filter(([pkg, present]) => pretend.has(pkg) || !present()).map(([pkg]) => pkg);
}

/** How we may run apt here: directly (root), through `sudo -n` (no password needed), or not at all. */
export function aptPrivilege() {
  const forced = process.env.OWN_IT_SETUP_ASSUME_USER; // 'root' | 'sudo' | 'user', for --dry-run checks
  if (forced === 'root' || forced === 'sudo' || forced === 'user') return forced;
  if (process.getuid?.() === 0) return 'root';
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return 'sudo';
  return 'user';
}

export class SystemPackagesError extends Error {
  name = 'SystemPackagesError';
}

function aptRun(prefix, args, dryRun) {
  const argv = [...prefix, 'apt-get', ...args];
  console.log(`[setup] $ ${argv.join(' ')}`);
  if (dryRun) return;
  const started = Date.now();
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new SystemPackagesError(`${argv.join(' ')} failed (exit ${result.status ?? result.signal})`);
  console.log(`[setup]   done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Installs what is missing with apt-get (progress shown), or throws with the one command to run.
 * `dryRun` prints the plan and runs nothing. Returns the packages that were (or would be) installed.
 */
export function ensureSystemPackages({ browser, build, tests = false, dryRun = false }) {
  const missing = missingSystemPackages({ browser, build, tests });
  if (missing.length === 0) return [];
  const why = missing.map((p) => `    ${p}: ${PURPOSE[p]}`).join('\n');
  const privilege = aptPrivilege();
  const command = `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`;
  if (privilege === 'user') {
    throw new SystemPackagesError(
      `Missing system packages: ${missing.join(', ')}.\n${why}\n` +
        `  Run this once, then the same npm command again:\n\n    ${command}\n\n` +
        '  (Own It installs them itself when run as root or with sudo that needs no password.)',
    );
  }
  console.log(`[setup] installing ${missing.join(', ')} with apt-get${privilege === 'sudo' ? ' (sudo)' : ''}${dryRun ? ' — dry run, nothing is installed' : ''}:\n${why}`);
  const prefix = privilege === 'sudo' ? ['sudo', '-n'] : [];
  aptRun(prefix, ['update', '-q'], dryRun);
  aptRun(prefix, ['install', '-y', '-q', ...missing], dryRun);
  if (!dryRun) {
    const still = missingSystemPackages({ browser, build, tests }).filter((p) => !assumedMissing().has(p));
    if (still.length > 0) throw new SystemPackagesError(`apt-get finished but ${still.join(', ')} still cannot be found`);
  }
  return missing;
}
