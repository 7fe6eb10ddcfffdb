import { execFile } from 'node:child_process';
import type { CliRun } from './cliAsync';

/** A workflow `run:` script in bash the way GitHub Actions runs it on Linux (`bash --noprofile --norc -eo pipefail`). */
export function runCiAsyncShell(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 1 : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}
