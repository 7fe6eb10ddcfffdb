// The standard desktop path: @vscode/test-electron downloads VS Code (needs the internet) and
// runs the same run() entry with the same isolation and verdict as the code-server runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, repoRoot } from './hostPaths.mjs';
import { createRunFolder, isolatedEnv, pruneOldRuns } from './runFolder.mjs';
import { seedTestWorkspace } from './gitRepo.mjs';
import { SUITE_ENTRY } from './suiteRun.mjs';

export async function runSuiteInElectron({ grep, extraLaunchArgs = [] } = {}) {
  const started = Date.now();
  pruneOldRuns();
  const dirs = createRunFolder('electron');
  seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));
  const resultFile = path.join(dirs.root, 'result.json');
  let exitCode;
  let launchError = '';
  try {
    exitCode = await runTests({
      cachePath: cacheDir,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: SUITE_ENTRY,
      launchArgs: [
        dirs.workspace,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        ...extraLaunchArgs,
      ],
      extensionTestsEnv: {
        ...isolatedEnv(dirs, {}),
        OWN_IT_TEST_WORKSPACE: dirs.workspace,
        OWN_IT_TEST_RESULT: resultFile,
        OWN_IT_TEST_EXTENSIONS_DIR: dirs.extensions,
        ...(grep ? { OWN_IT_TEST_GREP: grep } : {}),
      },
    });
  } catch (e) {
    exitCode = typeof e === 'number' ? e : 1;
    if (typeof e !== 'number') launchError = `: ${e instanceof Error ? e.message : String(e)} (this host downloads VS Code; offline, use OWN_IT_TEST_HOST=code-server)`;
  }
  const seconds = (Date.now() - started) / 1000;
  const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
  if (!result) return { ok: false, reason: `the suite reported no result (exit code ${exitCode})${launchError}`, dirs, seconds };
  if (result.failures.length > 0) return { ok: false, reason: `${result.failures.length} test(s) failed`, result, dirs, seconds };
  if (result.total === 0) return { ok: false, reason: 'no tests ran', result, dirs, seconds };
  if (exitCode !== 0) return { ok: false, reason: `VS Code exited with code ${exitCode}`, result, dirs, seconds };
  return { ok: true, result, dirs, seconds };
}
