/**
 * The few git questions the revert scan cache asks before it can decide between a cache hit,
 * an incremental scan and a full one: which git dir, which HEAD, and whether the cached HEAD is
 * still an ancestor of it. Each git process costs the caller a fork of its own address space
 * (milliseconds in a large process such as an extension host), so they are asked in as few
 * processes as git allows.
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
  /** Whether `since` (when asked) is an ancestor of HEAD or HEAD itself; undefined when not asked or unknown. */
  descends?: boolean;
}

/**
 * The git dir and HEAD in one process; with `since` (a full sha), also whether it is an
 * ancestor of HEAD, still in the same process. Undefined outside a repository.
 *
 * - `rev-parse --absolute-git-dir --verify --quiet HEAD^{commit}` prints the folder and the sha;
 *   with no commit yet it prints the folder and exits 1; outside a repository it exits 128.
 * - `rev-parse --absolute-git-dir HEAD^{commit} <since>...HEAD^{commit}` prints the folder,
 *   HEAD, then for the symmetric difference HEAD, `since` and `^<base>` for each merge base:
 *   `since` is an ancestor exactly when its one merge base with HEAD is `since` itself. When
 *   `since` no longer exists (garbage-collected after a rewrite) or HEAD has no commit, git
 *   exits 128 and the plain form is asked instead.
 */
export async function probeHead(runner: GitRunner, since?: string): Promise<HeadProbe | undefined> {
  if (since !== undefined && isSha(since)) {
    const { code, lines } = await git(runner, ['rev-parse', '--absolute-git-dir', 'HEAD^{commit}', `${since}...HEAD^{commit}`]);
    const [dir, head, again, other, ...bases] = lines;
    if (code === 0 && path.isAbsolute(dir) && isSha(head) && again === head && other === since && bases.length > 0) {
      return { gitDir: await realGitDir(dir), head, descends: bases.length === 1 && bases[0] === `^${since}` };
    }
  }
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
