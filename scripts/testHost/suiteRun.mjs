// One integration-suite run in code-server: fresh run folder, seeded git workspace, free port,
// server in its own process group, headless chromium, and a verdict that fails on test failures,
// on a host that never reports back, and on a run where no test ran.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './hostPaths.mjs';
import { startCodeServer } from './codeServer.mjs';
import { createRunFolder, freePort, isolatedEnv, pruneOldRuns } from './runFolder.mjs';
import { seedTestWorkspace } from './gitRepo.mjs';
import { launchBrowser, runSuiteInWorkbench } from './workbench.mjs';

export const SUITE_ENTRY = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const RESULT_PREFIX = 'OWN_IT_SUITE_RESULT ';

/** Workbench chatter that says nothing about our tests. */
const NOISE = [/^\[(?:Extension Host|KeybindingService|perf)\]/, /vscode-remote-resource/, /Failed to load resource/, /open-vsx\.org/, /getaddrinfo ENOTFOUND/];

function readResult(resultFile, lines) {
  if (fs.existsSync(resultFile)) return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  const line = [...lines].reverse().find((l) => l.includes(RESULT_PREFIX));
  return line ? JSON.parse(line.slice(line.indexOf(RESULT_PREFIX) + RESULT_PREFIX.length)) : undefined;
}

/**
 * @param {{ label: string, extensionDevelopmentPath?: string, grep?: string, env?: Record<string,string>,
 *   timeoutMs?: number, beforeStart?: (dirs: object) => { env?: Record<string,string>, extensionDevelopmentPath?: string } | void, verbose?: boolean,
 *   suiteEntry?: string, workspaceTrust?: boolean }} options
 *   `suiteEntry` runs another run() entry (default: the integration suite); `workspaceTrust` starts
 *   the server without --disable-workspace-trust (Restricted Mode, with the run's settings).
 * @returns {Promise<{ ok: boolean, reason?: string, result?: object, dirs: object, seconds: number }>}
 */
export async function runSuiteInCodeServer(options) {
  const started = Date.now();
  const suiteEntry = options.suiteEntry ?? SUITE_ENTRY;
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing: run \`npm run compile-tests\` first`);
  pruneOldRuns();
  const dirs = createRunFolder(options.label);
  // Playwright and this process's own temp files go to the run folder too, not the /tmp root.
  process.env.TMPDIR = dirs.tmp;
  seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));
  // beforeStart may prepare the run folder (e.g. install a .vsix) and return env for the tests
  // and a different development extension.
  const prepared = options.beforeStart?.(dirs) ?? {};
  const extensionDevelopmentPath = prepared.extensionDevelopmentPath ?? options.extensionDevelopmentPath;

  const resultFile = path.join(dirs.root, 'result.json');
  const testEnv = {
    OWN_IT_TEST_WORKSPACE: dirs.workspace,
    OWN_IT_TEST_RESULT: resultFile,
    OWN_IT_TEST_EXTENSIONS_DIR: dirs.extensions,
    ...(options.grep ? { OWN_IT_TEST_GREP: options.grep } : {}),
    ...options.env,
    ...prepared.env,
  };
  const port = await freePort();
  // The extension host inherits the server's environment; extensionEnvironment repeats it for hosts that honour it.
  const server = await startCodeServer({ port, dirs, env: testEnv, workspaceTrust: options.workspaceTrust });
  let context;
  try {
    context = await launchBrowser(dirs);
    const outcome = await runSuiteInWorkbench({
      context,
      server,
      folder: dirs.workspace,
      extensionDevelopmentPath,
      extensionTestsPath: suiteEntry,
      extensionEnvironment: testEnv,
      timeoutMs: options.timeoutMs ?? 120_000,
      onLine: (_type, line) => {
        if (line.includes(RESULT_PREFIX)) return;
        if (options.verbose || !NOISE.some((re) => re.test(line))) console.log(`  │ ${line}`);
      },
    });
    const result = readResult(resultFile, outcome.lines);
    const seconds = (Date.now() - started) / 1000;
    if (outcome.timedOut) return { ok: false, reason: `the extension host never reported back (timeout ${(options.timeoutMs ?? 120_000) / 1000} s)`, result, dirs, seconds };
    if (!result) return { ok: false, reason: `the suite reported no result (exit code ${outcome.exitCode})`, dirs, seconds };
    if (result.failures.length > 0) return { ok: false, reason: `${result.failures.length} test(s) failed`, result, dirs, seconds };
    if (result.total === 0) return { ok: false, reason: 'no tests ran', result, dirs, seconds };
    if (outcome.exitCode !== 0) return { ok: false, reason: `the host exited with code ${outcome.exitCode}`, result, dirs, seconds };
    return { ok: true, result, dirs, seconds };
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
}

export function printVerdict(name, verdict) {
  const r = verdict.result;
  const counts = r ? `${r.passes} passing, ${r.failures.length} failing, ${r.pending} pending` : 'no result';
  for (const f of r?.failures ?? []) console.log(`  ✗ ${f.title}\n      ${f.message.split('\n').join('\n      ')}`);
  if (verdict.ok) console.log(`${name}: OK (${counts}) in ${verdict.seconds.toFixed(1)} s`);
  else console.error(`${name}: FAILED — ${verdict.reason} (${counts}) in ${verdict.seconds.toFixed(1)} s; run folder ${verdict.dirs.root}`);
}

export { isolatedEnv };
