#!/usr/bin/env node
// `npm run test:demo`: starts the README's `npm run demo` as a person would (same script, same
// flags; its own port and demo folder so a demo you are running is left alone), waits for the URL
// it prints, runs out/test/demo/*.test.js (playwright in the real browser) against it, then stops
// the demo with SIGINT — Ctrl+C — and checks that its server is gone.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { findChromium, repoRoot } from './hostPaths.mjs';
import { addCleanup } from './codeServer.mjs';
import { createRunFolder, freePort, isolatedEnv, pruneOldRuns } from './runFolder.mjs';
import { setupHost } from './setup.mjs';

const DEMO_TESTS = path.join(repoRoot, 'out', 'test', 'demo');
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
/** The bound for a fresh machine is 5 minutes; with the host installed it takes well under one. */
const URL_TIMEOUT_MS = Number(process.env.OWN_IT_DEMO_URL_TIMEOUT_MS ?? 300_000);
const TEST_TIMEOUT_MS = 240_000;

function npmCommand(args) {
  const cli = process.env.npm_execpath;
  return cli && cli.endsWith('.js') ? [process.execPath, [cli, ...args]] : ['npm', args];
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function answers(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Starts `npm run demo` in its own process group; resolves with the URL it prints. */
function startDemo({ port, demoDir, log }) {
  const [cmd, args] = npmCommand(['run', 'demo']);
  const out = fs.openSync(log, 'w');
  const child = spawn(cmd, args, {
    cwd: repoRoot,
    env: { ...process.env, OWN_IT_DEMO_HOST: 'code-server', OWN_IT_DEMO_PORT: String(port), OWN_IT_DEMO_DIR: demoDir },
    stdio: ['ignore', 'pipe', out],
    detached: true,
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const url = new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`npm run demo printed no URL within ${URL_TIMEOUT_MS / 1000} s; see ${log}`)), URL_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      fs.appendFileSync(log, chunk);
      text += chunk;
      const found = new RegExp(`http://127\\.0\\.0\\.1:${port}/\\?folder=\\S+`).exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm run demo exited (${code}) before printing a URL; see ${log}`));
    });
  });
  return { child, exited, url };
}

function runMocha(env) {
  const mocha = spawn(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--ui', 'bdd', '--reporter', 'spec', '--timeout', '120000', '--fail-zero', '--extension', 'test.js', DEMO_TESTS],
    { cwd: repoRoot, env, stdio: 'inherit', detached: true },
  );
  const exited = new Promise((resolve) => mocha.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const timer = setTimeout(() => {
    console.error(`demo UI test: timeout after ${TEST_TIMEOUT_MS / 1000} s; stopping it`);
    signalGroup(mocha, 'SIGKILL');
  }, TEST_TIMEOUT_MS);
  const remove = addCleanup(() => signalGroup(mocha, 'SIGKILL'));
  return exited.finally(() => {
    clearTimeout(timer);
    remove();
  });
}

async function main() {
  if (!fs.existsSync(DEMO_TESTS)) throw new Error(`${DEMO_TESTS} is missing: run \`npm run compile-tests\` first`);
  setupHost();
  const started = Date.now();
  pruneOldRuns();
  const dirs = createRunFolder('demo');
  // The demo's folders (checkout-service, git-home, host) sit next to the run's own; a short path
  // keeps the host's unix sockets under their 108-byte limit.
  const demoDir = dirs.root;
  const log = path.join(dirs.root, 'demo.log');
  const port = await freePort();
  console.log(`demo UI test: npm run demo (port ${port}, folder ${demoDir})`);
  const demo = startDemo({ port, demoDir, log });
  const removeCleanup = addCleanup(async () => {
    signalGroup(demo.child, 'SIGINT');
    await Promise.race([demo.exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  });
  let code = 1;
  try {
    const url = await demo.url;
    console.log(`demo UI test: URL after ${((Date.now() - started) / 1000).toFixed(0)} s: ${url}`);
    code = await runMocha({
      ...isolatedEnv(dirs),
      OWN_IT_DEMO_URL: url,
      OWN_IT_DEMO_REPO: path.join(demoDir, 'checkout-service'),
      OWN_IT_CHROMIUM: findChromium(),
      OWN_IT_UI_PROFILE: dirs.browserProfile,
      OWN_IT_SCREENSHOTS: SCREENSHOTS,
    });
  } finally {
    // Ctrl+C, as the demo's own output says: it must stop its server.
    signalGroup(demo.child, 'SIGINT');
    const stopped = await Promise.race([demo.exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    removeCleanup();
    if (!stopped) {
      signalGroup(demo.child, 'SIGKILL');
      console.error('demo UI test: npm run demo did not exit within 10 s of Ctrl+C');
      code = 1;
    }
    if (await answers(port)) {
      console.error(`demo UI test: the demo's server still answers on port ${port} after Ctrl+C`);
      code = 1;
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`demo UI test: FAILED in ${seconds} s; demo log ${log}, screenshots in ${path.relative(repoRoot, SCREENSHOTS)}`);
    return 1;
  }
  console.log(`demo UI test: OK in ${seconds} s (the demo stopped on Ctrl+C and its port is closed)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`demo UI test: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
