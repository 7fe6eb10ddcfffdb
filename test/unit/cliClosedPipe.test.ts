import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { useBuiltCli } from '../helpers/cli';
import { useTempRepos } from '../helpers/tempRepo';

/** Runs the CLI with its standard output already closed by the reader, as `… | head -1` does once head has its line. */
function runWithClosedStdout(cli: string, args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('CLI: a reader that stops early', function () {
  this.timeout(60_000);
  const cli = useBuiltCli();
  const make = useTempRepos();

  it('scan --json into a closed pipe ends quietly with exit 0, no stack trace', async () => {
    const repo = make();
    const bad = repo.commit('Cache the price list', { 'prices.ts': 'export const cached = true;\n' });
    repo.revert(bad);
    const r = await runWithClosedStdout(cli.path, ['scan', '--json', repo.path], repo.path);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });

  it('help into a closed pipe ends quietly too', async () => {
    const r = await runWithClosedStdout(cli.path, ['help'], make().path);
    assert.deepEqual([r.code, r.stderr], [0, '']);
  });
});
