#!/usr/bin/env node
// `npm run demo`: sets up what is missing, builds and packages Own It, creates a demo repository
// with a story (scripts/demoStory.mjs) and opens VS Code on it with Own It installed:
// - with a desktop `code` on the PATH: a new window with Own It loaded from this checkout;
// - otherwise code-server on 127.0.0.1 with the packaged .vsix installed into its own extensions
//   folder (exactly as a user installs it), the folder opened normally; it prints the URL and
//   runs until Ctrl+C, then stops its server.
// Options: `--port N` (or OWN_IT_DEMO_PORT; default: a free port). OWN_IT_DEMO_HOST=code-server
// skips the desktop branch; OWN_IT_DEMO_DIR moves the demo's folder (default .demo/). The UI test
// (test/demo) runs this script exactly so, with a port and a folder of its own.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerEntry, node24Bin, node24Env, repoRoot } from './testHost/hostPaths.mjs';
import { createStory, DEMO, storyLog } from './demoStory.mjs';
import { setupHost } from './testHost/setup.mjs';
import { ensureSystemPackages } from './testHost/systemPackages.mjs';

const demoRoot = path.resolve(process.env.OWN_IT_DEMO_DIR ?? path.join(repoRoot, '.demo'));
const demoRepo = path.join(demoRoot, 'checkout-service');
const VSIX = path.join(repoRoot, 'own-it.vsix');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const say = (text) => console.log(`demo: ${text}`);

/** The demo's own settings on top of the quiet ones: the Welcome page offers the Own It walkthrough. */
const DEMO_SETTINGS = { 'workbench.startupEditor': 'welcomePage', 'workbench.tips.enabled': true };

function portOption() {
  const i = process.argv.indexOf('--port');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.OWN_IT_DEMO_PORT;
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number (1-65535), not "${raw}"`);
  return port;
}

function findDesktopCode() {
  if (process.env.OWN_IT_DEMO_HOST === 'code-server') return undefined;
  const result = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const found = result.status === 0 ? result.stdout.trim() : '';
  // code-server also installs a `code` shim on some systems; only a desktop CLI takes this path.
  return found && !found.includes('code-server') ? found : undefined;
}

function npm(args) {
  const npmCli = process.env.npm_execpath;
  const [cmd, argv] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const result = spawnSync(cmd, argv, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Installs the .vsix into the demo's code-server; returns the folder name. The folder holds only
 * the demo's Own It: it starts empty (with its extensions.json), so a rebuilt .vsix of the same
 * version replaces the last one instead of meeting "restart VS Code before reinstalling".
 */
function installVsix(dirs) {
  fs.rmSync(dirs.extensions, { recursive: true, force: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  const { isolatedEnv } = dirs;
  const install = spawnSync(
    path.join(node24Bin, 'node'),
    [codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', VSIX, '--force'],
    { env: node24Env(isolatedEnv), encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);
  const installed = fs.readdirSync(dirs.extensions).find((d) => d.startsWith('own-it.own-it'));
  if (!installed) throw new Error(`code-server installed nothing into ${dirs.extensions}:\n${install.stdout}`);
  return installed;
}

async function openInCodeServer() {
  const { startCodeServer } = await import('./testHost/codeServer.mjs');
  const { createHostFolder, freePort, isolatedEnv } = await import('./testHost/runFolder.mjs');
  // The demo keeps its own VS Code state (extensions, settings, layout) under <demo>/host across runs.
  const dirs = createHostFolder(path.join(demoRoot, 'host'));
  dirs.workspace = demoRepo;
  dirs.isolatedEnv = isolatedEnv(dirs);
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, ...DEMO_SETTINGS }, null, 2) + '\n');
  say(`installed ${installVsix(dirs)} into ${path.relative(repoRoot, dirs.extensions)}`);
  const port = portOption() || (await freePort());
  const server = await startCodeServer({ port, dirs, smokeTestDriver: false });
  const url = `${server.url}/?folder=${encodeURIComponent(demoRepo)}`;
  console.log(`\nOwn It demo is running in code-server (VS Code in your browser), ready in ${seconds()}:\n`);
  console.log(`  ${url}\n`);
  console.log(`Workspace: ${demoRepo}\nServer log: ${server.log}`);
  console.log('In the Own It view (shield icon in the activity bar):');
  console.log(`  Incidents          "${DEMO.incidentTitle}" (open, one action item to do)`);
  console.log(`  Untracked Reverts  ${DEMO.untrackedRevert}`);
  console.log(`  Failed Deploys     ${DEMO.failedDeploy} (its revert went out next) and ${DEMO.rolledBackDeploy} (rolled back)`);
  console.log(`Then, in a terminal: cd ${demoRepo} && git revert --no-edit HEAD   → "You reverted …"`);
  console.log('Press Ctrl+C to stop the server.\n');
  // codeServer.mjs stops the server's process group on Ctrl+C (SIGINT), SIGTERM and exit.
  process.once('exit', () => console.log('demo: stopped the server'));
  await new Promise(() => setInterval(() => undefined, 60_000));
}

async function main() {
  const code = findDesktopCode();
  if (code) ensureSystemPackages({ browser: false, build: false });
  else setupHost({ browser: false });
  const repo = createStory(demoRepo, path.join(demoRoot, 'git-home'));
  say(`created ${demoRepo}:`);
  console.log(storyLog(repo).replace(/^/gm, '  '));
  if (code) {
    npm(['run', 'build']);
    say(`opening VS Code (${code}) with Own It from ${repoRoot}`);
    spawn(code, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, demoRepo], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  say('packaging Own It (npm run package)…');
  fs.rmSync(VSIX, { force: true });
  npm(['run', 'package']);
  await openInCodeServer();
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
