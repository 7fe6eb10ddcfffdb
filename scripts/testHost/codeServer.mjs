// Starts code-server (VS Code 1.139 served to a browser) on a loopback port, in its own process
// group, confined to a run folder, and makes sure the whole group dies with the runner.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { codeServerEntry, node24Bin, node24Env } from './hostPaths.mjs';
import { isolatedEnv } from './runFolder.mjs';

const live = new Set();
const cleanups = new Set();
let exitHooksInstalled = false;

/** Work to finish before the runner exits on a signal (e.g. stopping a child test process). */
export function addCleanup(fn) {
  installExitHooks();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Kills every server still running when the runner exits, is interrupted or crashes. */
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = () => {
    for (const server of live) server.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      const deadline = new Promise((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([Promise.allSettled([...cleanups].map((fn) => fn())), deadline]);
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function codeServerArgs({ port, dirs, extraArgs = [], smokeTestDriver = true, workspaceTrust = false }) {
  const config = path.join(dirs.root, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return [
    codeServerEntry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless a run tests Restricted Mode (its settings then enable it).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // Without this the workbench ignores extensionTestsPath in the URL payload and no test runs.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    // OWN_IT_TEST_LOG=trace keeps every file-watcher event in the run folder's logs (for chasing flaky runs).
    ...(process.env.OWN_IT_TEST_LOG ? ['--log', process.env.OWN_IT_TEST_LOG] : []),
    ...extraArgs,
  ];
}

function probe(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * @returns {Promise<{ port: number, url: string, pid: number, log: string, kill(signal?: string): void, stop(): Promise<void> }>}
 */
export async function startCodeServer({ port, dirs, env = {}, extraArgs, smokeTestDriver, workspaceTrust, readyTimeoutMs = 30_000, quiet = true }) {
  installExitHooks();
  const logFile = path.join(dirs.root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(path.join(node24Bin, 'node'), codeServerArgs({ port, dirs, extraArgs, smokeTestDriver, workspaceTrust }), {
    cwd: dirs.workspace,
    // An empty gallery: the server never asks open-vsx.org for extensions (tests talk only to 127.0.0.1).
    env: { ...node24Env(isolatedEnv(dirs)), EXTENSIONS_GALLERY: '{}', ...env },
    // Own process group: the server forks the extension host, file watcher and pty host;
    // killing the group (negative pid) takes all of them down together.
    detached: true,
    stdio: ['ignore', quiet ? out : 'inherit', quiet ? out : 'inherit'],
  });
  fs.closeSync(out);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    exited = true;
    live.delete(server);
  });
  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    log: logFile,
    kill(signal = 'SIGTERM') {
      if (exited) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    },
    async stop() {
      server.kill('SIGTERM');
      const grace = new Promise((resolve) => setTimeout(resolve, 3000).unref());
      await Promise.race([exitedPromise, grace]);
      // Children of the server may outlive it; SIGKILL the group whether or not the leader is gone.
      server.kill('SIGKILL');
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Nothing left in the group.
      }
    },
  };
  live.add(server);
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited during startup (exit ${child.exitCode}); see ${logFile}`);
    if (await probe(port)) return server;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await server.stop();
  throw new Error(`code-server did not answer on port ${port} within ${readyTimeoutMs} ms; see ${logFile}`);
}
