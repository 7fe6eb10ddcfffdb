// The extension-tests entry (`extensionTestsPath`) for every host: @vscode/test-electron,
// @vscode/test-cli and our code-server runner all load this module and await run().
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { RESULT_PREFIX, type SuiteResult } from './helpers/result';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return testFiles(p);
      return e.name.endsWith('.test.js') ? [p] : [];
    })
    .sort();
}

/**
 * Runs the suite and reports a machine-readable summary (a log line and, when
 * OWN_IT_TEST_RESULT names a file, JSON there) so a runner can tell "0 tests ran" from "all passed".
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.OWN_IT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    const failures: SuiteResult['failures'] = [];
    const runner = mocha.run(() => {
      const stats = runner.stats;
      const result: SuiteResult = {
        passes: stats?.passes ?? 0,
        failures,
        pending: stats?.pending ?? 0,
        total: (stats?.passes ?? 0) + failures.length,
      };
      console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
      const resultFile = process.env.OWN_IT_TEST_RESULT;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      if (failures.length > 0) reject(new Error(`${failures.length} integration test(s) failed`));
      else if (result.total === 0) reject(new Error('no integration tests ran'));
      else resolve();
    });
    runner.on('fail', (t, err: Error) => failures.push({ title: t.fullTitle(), message: err.message }));
  });
}
