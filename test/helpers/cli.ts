import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from './tempRepo';

/**
 * The CLI under test: `OWN_IT_CLI` (the dist/cli.js `npm run build` made) when set, otherwise the
 * same bundle built alone into a temp folder, so unfinished work elsewhere cannot break CLI tests.
 */
export async function buildCli(): Promise<{ path: string; dispose(): void }> {
  if (process.env.OWN_IT_CLI) return { path: path.resolve(process.env.OWN_IT_CLI), dispose: () => undefined };
  const dir = makeTempDir('cli-build-');
  const outfile = path.join(dir, 'cli.js');
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  await esbuild.build({
    entryPoints: [path.resolve(__dirname, '..', '..', '..', 'src', 'cli.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: '#!/usr/bin/env node' },
  });
  return { path: outfile, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
