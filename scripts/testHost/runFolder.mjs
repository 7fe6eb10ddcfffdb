// One isolated folder per test run: HOME, XDG_*, TMPDIR, VS Code's user data and extensions,
// and the workspace all live under .vscode-test/runs/<id>, so nothing touches the user's home or /tmp.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runsDir } from './hostPaths.mjs';

/** Settings that keep an offline, throw-away workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

/**
 * Unix sockets (chromium's SingletonSocket, VS Code's IPC handles) live under TMPDIR and
 * XDG_RUNTIME_DIR and must fit in 108 bytes, so ids are short and a deep checkout falls back
 * to a folder of our own inside the system temp dir.
 */
function runsRoot() {
  return runsDir.length <= 60 ? runsDir : path.join(os.tmpdir(), 'own-it-tests', 'runs');
}

export function createRunFolder(label) {
  const id = `${label}-${Date.now().toString(36)}${process.pid.toString(36)}`;
  return createHostFolder(path.join(runsRoot(), id));
}

/** The same layout at a chosen place (the demo keeps its VS Code state under .demo/). */
export function createHostFolder(root) {
  const dirs = {
    root,
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    xdgState: path.join(root, 'xdg', 'state'),
    xdgRuntime: path.join(root, 'xdg', 'runtime'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browserProfile: path.join(root, 'browser-profile'),
    workspace: path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dirs.xdgRuntime, 0o700);
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2) + '\n');
  return dirs;
}

/**
 * Environment confined to the run folder. Git reads no user or system config, so the host's
 * built-in git and the tests' git CLI see exactly what the runner set up.
 */
export function isolatedEnv(dirs, base = process.env) {
  return {
    ...base,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState,
    XDG_RUNTIME_DIR: dirs.xdgRuntime,
    // The run folder sits inside this project's checkout: git must not find that repository
    // from a folder of the run that is meant to be outside any repository.
    GIT_CEILING_DIRECTORIES: dirs.root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(dirs.home, '.gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C.UTF-8',
  };
}

/** Asks the OS for a free loopback port (bind to 0, read it back, release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address.port));
    });
  });
}

/** Old runs are kept for inspection only while they are recent; a run folder is ~10 MB. */
export function pruneOldRuns(keep = 5) {
  const dir = runsRoot();
  if (!fs.existsSync(dir)) return;
  const runs = fs
    .readdirSync(dir)
    .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of runs.slice(keep)) fs.rmSync(path.join(dir, old.name), { recursive: true, force: true });
}
