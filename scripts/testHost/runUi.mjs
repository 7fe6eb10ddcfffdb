#!/usr/bin/env node
// `npm run test:ui`: playwright tests (out/test/ui/**/*.test.js, run by mocha in Node) against the
// real workbench served by code-server with Own It loaded from this checkout. The runner owns the
// server, the run folder and a global timeout; mocha owns the browser. OWN_IT_UI_GREP runs only
// the tests whose title matches.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findChromium, repoRoot } from './hostPaths.mjs';
import { addCleanup, startCodeServer } from './codeServer.mjs';
import { createRunFolder, freePort, isolatedEnv, pruneOldRuns } from './runFolder.mjs';
import { addRevertedChange, seedTestWorkspace } from './gitRepo.mjs';
import { setupHost } from './setup.mjs';
import { workbenchUrl } from './workbench.mjs';

const TIMEOUT_MS = Number(process.env.OWN_IT_UI_TIMEOUT_MS ?? 240_000);
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const UI_TESTS = path.join(repoRoot, 'out', 'test', 'ui');
const RELOAD_WINDOW_KEY = 'ctrl+alt+shift+r';
/** Screenshots worth showing in the README; copied to media/ with --update-media. */
const README_SHOTS = {
  'incident-panel-dark': 'incident-panel-dark.png',
  'incident-panel-light': 'incident-panel-light.png',
  'sidebar-dark': 'sidebar-dark.png',
  'sidebar-light': 'sidebar-light.png',
};

/** Processes whose command line names `marker` (our run's browser profile): chromium left behind by a killed test process. */
function killProcessesUsing(marker) {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone already, or not ours to read.
    }
  }
}

/** Stops mocha's process group: SIGINT first so playwright closes chromium, SIGKILL after a grace period. */
async function stopGroup(child, exited) {
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // Already gone.
    }
  };
  signal('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  signal('SIGKILL');
}

function runMocha(env) {
  const mocha = spawn(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--ui', 'bdd', '--reporter', 'spec', '--timeout', '90000', '--fail-zero', '--recursive', '--extension', 'test.js', ...(process.env.OWN_IT_UI_GREP ? ['--grep', process.env.OWN_IT_UI_GREP] : []), UI_TESTS],
    { cwd: repoRoot, env, stdio: 'inherit', detached: true },
  );
  const exited = new Promise((resolve) => mocha.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const removeCleanup = addCleanup(() => stopGroup(mocha, exited));
  const timer = setTimeout(() => {
    console.error(`UI tests: global timeout after ${TIMEOUT_MS / 1000} s; stopping them`);
    void stopGroup(mocha, exited);
  }, TIMEOUT_MS);
  return exited.finally(() => {
    clearTimeout(timer);
    removeCleanup();
  });
}

async function main() {
  if (!fs.existsSync(UI_TESTS)) throw new Error(`${UI_TESTS} is missing: run \`npm run compile-tests\` first`);
  setupHost();
  const started = Date.now();
  pruneOldRuns();
  const dirs = createRunFolder('ui');
  // Dark theme to start with; the tests switch to light and high contrast themselves.
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
  // Developer: Reload Window on a key, so a test can reload within milliseconds of typing (the
  // command palette takes longer than the incident panel's 500 ms autosave).
  fs.writeFileSync(path.join(dirs.userData, 'User', 'keybindings.json'), JSON.stringify([{ key: RELOAD_WINDOW_KEY, command: 'workbench.action.reloadWindow' }], null, 2));
  const repo = seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));
  addRevertedChange(repo);
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });

  const port = await freePort();
  const server = await startCodeServer({ port, dirs, env: { OWN_IT_TEST_WORKSPACE: dirs.workspace } });
  let code = 1;
  const sweep = () => killProcessesUsing(dirs.browserProfile);
  const removeSweep = addCleanup(sweep);
  try {
    const url = workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: repoRoot });
    code = await runMocha({
      ...isolatedEnv(dirs),
      OWN_IT_UI_URL: url,
      OWN_IT_CHROMIUM: findChromium(),
      OWN_IT_UI_PROFILE: dirs.browserProfile,
      // The tests switch color themes by editing it, as a person's settings would.
      OWN_IT_UI_SETTINGS: settingsFile,
      OWN_IT_TEST_WORKSPACE: dirs.workspace,
      OWN_IT_SCREENSHOTS: SCREENSHOTS,
      OWN_IT_UI_RELOAD_KEY: RELOAD_WINDOW_KEY,
    });
  } finally {
    await server.stop();
    sweep();
    removeSweep();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`UI tests: FAILED (exit ${code}) in ${seconds} s; screenshots in ${path.relative(repoRoot, SCREENSHOTS)}, run folder ${dirs.root}`);
    return 1;
  }
  if (process.argv.includes('--update-media')) {
    for (const [shot, target] of Object.entries(README_SHOTS)) {
      fs.copyFileSync(path.join(SCREENSHOTS, `${shot}.png`), path.join(repoRoot, 'media', target));
    }
    console.log(`UI tests: copied ${Object.values(README_SHOTS).join(', ')} to media/`);
  }
  console.log(`UI tests: OK in ${seconds} s; screenshots in ${path.relative(repoRoot, SCREENSHOTS)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`UI tests: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
