// The extensionTestsPath entry of the Restricted Mode run (`runIntegration.mjs --suite untrusted`):
// this folder's tests only, reported like the main integration suite so the same runner verdict
// tells "0 tests ran" from "all passed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { RESULT_PREFIX, type SuiteResult } from '../integration/helpers/result';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.OWN_IT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const name of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, name));

  return new Promise((resolve, reject) => {
    const failures: SuiteResult['failures'] = [];
    const runner = mocha.run(() => {
      const passes = runner.stats?.passes ?? 0;
      const result: SuiteResult = { passes, failures, pending: runner.stats?.pending ?? 0, total: passes + failures.length };
      console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
      const resultFile = process.env.OWN_IT_TEST_RESULT;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      if (failures.length > 0) reject(new Error(`${failures.length} untrusted-workspace test(s) failed`));
      else if (result.total === 0) reject(new Error('no untrusted-workspace tests ran'));
      else resolve();
    });
    runner.on('fail', (t, err: Error) => failures.push({ title: t.fullTitle(), message: err.message }));
  });
}
