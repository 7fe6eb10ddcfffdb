// Standard @vscode/test-cli config (`npx vscode-test`, the Extension Test Runner) for machines that
// can download VS Code. `npm run test:integration` runs the same files in code-server offline;
// OWN_IT_TEST_HOST=electron runs them through @vscode/test-electron with our run() entry.
import * as path from 'node:path';
import { defineConfig } from '@vscode/test-cli';
import { createRunFolder, isolatedEnv } from './scripts/testHost/runFolder.mjs';
import { seedTestWorkspace } from './scripts/testHost/gitRepo.mjs';

const dirs = createRunFolder('test-cli');
seedTestWorkspace(dirs.workspace, path.join(dirs.root, 'git-home'));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: dirs.workspace,
  launchArgs: ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-workspace-trust'],
  env: {
    ...isolatedEnv(dirs, {}),
    OWN_IT_TEST_WORKSPACE: dirs.workspace,
    OWN_IT_TEST_EXTENSIONS_DIR: dirs.extensions,
  },
  mocha: { ui: 'bdd', timeout: 30_000 },
});
