/**
 * A repository handle in the spirit of vscode's extensions/git `Repository`: where it is (root,
 * git dir), which git runs it, and its queries as methods. Every process goes through the runner;
 * failures are typed (errors.ts) instead of a silent `undefined`.
 */
import * as path from 'node:path';
import { assertUsableGit } from './createGit';
import { NotAGitRepositoryError, UnknownRevisionError } from './errors';
import { assertSafeRevision, isFullSha } from './revision';
import { exec, execOk, gitRunner, type GitResult, type GitRunner } from './runner';

/** Whether `ancestor` is `descendant` or one of its ancestors; false also for a name git does not know. */
export async function isAncestorAt(runner: GitRunner, ancestor: string, descendant: string): Promise<boolean> {
  assertSafeRevision(ancestor);
  assertSafeRevision(descendant);
  return (await exec(runner, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant])).exitCode === 0;
}

/** The full sha of the commit a revision names; undefined when it names none (unknown, ambiguous, not a commit). */
export async function resolveCommitAt(runner: GitRunner, rev: string): Promise<string | undefined> {
  assertSafeRevision(rev);
  const r = await exec(runner, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const sha = r.stdout.trim();
  return r.exitCode === 0 && isFullSha(sha) ? sha.toLowerCase() : undefined;
}

/** False in a repository without commits (an unborn branch). */
export async function hasHeadAt(runner: GitRunner): Promise<boolean> {
  return (await resolveCommitAt(runner, 'HEAD')) !== undefined;
}

export class Repository {
  private readonly runner: GitRunner;

  private constructor(
    /** The work tree root; for a bare repository, its folder. */
    readonly root: string,
    /** Absolute git dir of this work tree (a linked worktree has its own). */
    readonly gitDir: string,
    /** The git executable every query runs (VS Code's `git.path` in the extension). */
    readonly binary: string,
  ) {
    this.runner = gitRunner(root, binary);
  }

  /**
   * Opens the repository containing `dir` (work tree, subfolder of one, or bare).
   * @throws GitUnavailableError (alias GitNotFound) when git cannot start or is too old
   * @throws NotAGitRepositoryError (alias NotARepository)
   */
  static async open(dir: string, binary = 'git'): Promise<Repository> {
    await assertUsableGit(binary);
    const at = gitRunner(dir, binary);
    // One process for a work tree; `--show-toplevel` fails in a bare repository, which is asked again without it.
    const work = await exec(at, ['rev-parse', '--absolute-git-dir', '--show-toplevel']).catch(() => undefined);
    const [gitDir, top] = (work?.stdout ?? '').split('\n').map((l) => l.trim());
    if (work?.exitCode === 0 && gitDir && top && path.isAbsolute(gitDir)) return new Repository(top, gitDir, binary);
    const bare = await exec(at, ['rev-parse', '--is-bare-repository', '--absolute-git-dir']).catch(() => undefined);
    const [isBare, bareDir] = (bare?.stdout ?? '').split('\n').map((l) => l.trim());
    if (bare?.exitCode === 0 && isBare === 'true' && bareDir && path.isAbsolute(bareDir)) return new Repository(bareDir, bareDir, binary);
    throw new NotAGitRepositoryError(dir);
  }

  /** Any git command in this repository; a non-zero exit is part of the answer. */
  exec(args: readonly string[], options: { input?: string; signal?: AbortSignal } = {}): Promise<GitResult> {
    return exec(this.runner, args, options);
  }

  isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return isAncestorAt(this.runner, ancestor, descendant);
  }

  /** @throws UnknownRevisionError when `rev` names no commit here */
  async resolveCommit(rev: string): Promise<string> {
    const sha = await resolveCommitAt(this.runner, rev);
    if (sha === undefined) throw new UnknownRevisionError(rev);
    return sha;
  }

  hasHead(): Promise<boolean> {
    return hasHeadAt(this.runner);
  }

  /** `origin`'s default branch (`main` from `origin/HEAD`), else the checked-out branch; undefined when detached. */
  async defaultBranch(): Promise<string | undefined> {
    const remote = (await this.exec(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).stdout.trim();
    if (remote) return remote.slice(remote.indexOf('/') + 1);
    const local = (await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim();
    return local || undefined;
  }

  /** `git log` of a revision in the given format (NUL-separate fields yourself); newest first. */
  log(format: string, options: { rev?: string; maxCount?: number } = {}): Promise<string> {
    const rev = options.rev ?? 'HEAD';
    assertSafeRevision(rev);
    const count = options.maxCount !== undefined ? [`--max-count=${Math.max(1, Math.floor(options.maxCount))}`] : [];
    return execOk(this.runner, ['log', `--format=${format}`, ...count, '--end-of-options', rev, '--']);
  }

  /** Repository-relative paths that differ between two commits, without diff drivers or renames. */
  async diffNames(from: string, to: string): Promise<string[]> {
    assertSafeRevision(from);
    assertSafeRevision(to);
    const out = await execOk(this.runner, ['diff', '-z', '--name-only', '--no-renames', '--no-textconv', '--no-ext-diff', '--end-of-options', from, to, '--']);
    return [...new Set(out.split('\0').filter((p) => p !== ''))];
  }
}
