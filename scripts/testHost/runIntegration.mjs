#!/usr/bin/env node
// `npm run test:integration`: the integration suite inside a real VS Code extension host.
// OWN_IT_TEST_HOST=code-server (default; offline, pinned, cached in .vscode-test/) or
// electron (@vscode/test-electron; downloads VS Code, needs the internet). `npx vscode-test`
// runs the same test files through .vscode-test.mjs.
// `--suite untrusted` (or OWN_IT_TEST_TRUST=untrusted) runs test/integration-untrusted instead, in a
// workbench whose folder opens in Restricted Mode (code-server only).
import { repoRoot } from './hostPaths.mjs';
import { runSuiteInElectron } from './electronRun.mjs';
import { setupHost } from './setup.mjs';
import { printVerdict, runSuiteInCodeServer } from './suiteRun.mjs';
import { prepareUntrustedRun, UNTRUSTED_SUITE_ENTRY } from './untrustedRun.mjs';

const host = process.env.OWN_IT_TEST_HOST ?? 'code-server';
const suiteArg = process.argv.indexOf('--suite');
const suite = suiteArg >= 0 ? process.argv[suiteArg + 1] : process.env.OWN_IT_TEST_TRUST === 'untrusted' ? 'untrusted' : 'integration';

async function main() {
  if (suite !== 'integration' && suite !== 'untrusted') throw new Error(`--suite must be integration or untrusted, not "${suite}"`);
  if (suite === 'untrusted') {
    if (host !== 'code-server') throw new Error('the untrusted suite runs in code-server only (OWN_IT_TEST_HOST=code-server)');
    setupHost();
    const verdict = await runSuiteInCodeServer({
      label: 'untrusted',
      extensionDevelopmentPath: repoRoot,
      suiteEntry: UNTRUSTED_SUITE_ENTRY,
      workspaceTrust: true,
      beforeStart: prepareUntrustedRun,
      grep: process.env.OWN_IT_TEST_GREP,
      verbose: process.env.OWN_IT_TEST_VERBOSE === '1',
      timeoutMs: Number(process.env.OWN_IT_TEST_TIMEOUT_MS ?? 120_000),
    });
    printVerdict('untrusted-workspace tests (code-server)', verdict);
    return verdict.ok ? 0 : 1;
  }
  if (host === 'electron') {
    const verdict = await runSuiteInElectron({ grep: process.env.OWN_IT_TEST_GREP });
    printVerdict('integration tests (electron)', verdict);
    return verdict.ok ? 0 : 1;
  }
  if (host !== 'code-server') throw new Error(`OWN_IT_TEST_HOST must be code-server or electron, not "${host}"`);
  setupHost();
  const verdict = await runSuiteInCodeServer({
    label: 'integration',
    extensionDevelopmentPath: repoRoot,
    grep: process.env.OWN_IT_TEST_GREP,
    verbose: process.env.OWN_IT_TEST_VERBOSE === '1',
    timeoutMs: Number(process.env.OWN_IT_TEST_TIMEOUT_MS ?? 180_000),
  });
  printVerdict('integration tests (code-server)', verdict);
  return verdict.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`integration tests: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
