/**
 * The few git questions the revert scan cache asks before it can decide between a cache hit,
 * an incremental scan and a full one: which git dir, which HEAD, and whether the cached HEAD is
 * still an ancestor of it (the scan's own walk answers that: scanCache.ts). Each git process
 * costs the caller a fork of its own address space (milliseconds in a large process such as an
 * extension host), so they are asked in as few processes as git allows.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isAncestorAt } from '../git/repository';
import { exec, type GitRunner } from '../git/runner';
import { isSha } from './scanCacheFile';

export interface HeadProbe {
  /** Absolute, symlinks resolved. */
  gitDir: string;
  /** Undefined in a repository without commits. */
  head: string | undefined;
}

/**
 * The git dir and HEAD in one process (`rev-parse --absolute-git-dir --verify --quiet
 * HEAD^{commit}` prints the folder and the sha; with no commit yet it prints the folder and exits
 * 1; outside a repository it exits 128). Undefined outside a repository.
 */
export async function probeHead(runner: GitRunner): Promise<HeadProbe | undefined> {
  const { code, lines } = await git(runner, ['rev-parse', '--absolute-git-dir', '--verify', '--quiet', 'HEAD^{commit}']);
  const [dir = '', sha] = lines;
  if ((code !== 0 && code !== 1) || !path.isAbsolute(dir)) return undefined;
  return { gitDir: await realGitDir(dir), head: code === 0 && isSha(sha) ? sha : undefined };
}

/** False also when `older` no longer exists (garbage-collected after a rewrite). */
export function isAncestor(runner: GitRunner, older: string, newer: string): Promise<boolean> {
  return isAncestorAt(runner, older, newer).catch(() => false);
}

function realGitDir(dir: string): Promise<string> {
  return fs.realpath(dir).catch(() => dir);
}

/** Runs git through the runner; the output's non-empty lines. A git that cannot start reads as "no answer". */
async function git(runner: GitRunner, args: string[]): Promise<{ code: number; lines: string[] }> {
  const r = await exec(runner, args).catch(() => ({ exitCode: -1, stdout: '' }));
  const lines = r.stdout
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '');
  return { code: r.exitCode, lines };
}
