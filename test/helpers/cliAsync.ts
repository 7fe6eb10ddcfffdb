import { execFile } from 'node:child_process';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI without blocking this process, so a fake server in the test process
 * (test/unit/githostFakeServer.ts) can answer the CLI's requests.
 */
export function runCliAsync(cli: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 1 : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}
