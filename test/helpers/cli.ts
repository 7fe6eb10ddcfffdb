import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, type TempRepo } from './tempRepo';

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
  // The grammars sit next to the bundle, as esbuild.js copies them into dist/tree-sitter.
  fs.symlinkSync(path.resolve(__dirname, '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'), path.join(dir, 'tree-sitter'));
  return { path: outfile, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * For a mocha suite: builds the CLI once (before/after hooks) and runs it in a test repository
 * with that repository's git environment and the given standard input.
 */
export function useBuiltCli(): { readonly path: string; run(repo: TempRepo, args: readonly string[], input?: string): CliRun } {
  let built: { path: string; dispose(): void } | undefined;
  before(async () => {
    built = await buildCli();
  });
  after(() => built?.dispose());
  const cliPath = (): string => {
    if (!built) throw new Error('the CLI is built in a before() hook: use it inside a test');
    return built.path;
  };
  return {
    get path() {
      return cliPath();
    },
    run(repo, args, input) {
      const r = spawnSync(process.execPath, [cliPath(), ...args], { cwd: repo.path, input: input ?? '', encoding: 'utf8', env: { ...repo.env(), GIT_DIR: undefined } });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
