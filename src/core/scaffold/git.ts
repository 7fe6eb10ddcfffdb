import * as fs from 'node:fs';
import type { SimpleGit } from '../git/runner';
import { assertUsableGit, NotAGitRepositoryError, safeSimpleGit } from '../git/createGit';
import { resolveCommitAt } from '../git/repository';
import { gitRunner } from '../git/runner';
import { memoCommit, memoTopLevel } from './gitMemo';

// One error type for "not a repository" across the core, so every CLI command maps it to exit 3.
export { NotAGitRepositoryError };

/** Thrown when a revision does not name a commit. */
export class UnknownCommitError extends Error {
  constructor(readonly rev: string) {
    super(`unknown commit: ${rev}`);
    this.name = 'UnknownCommitError';
  }
}

export function gitAt(dir: string): SimpleGit {
  // core.quotePath=false keeps non-ASCII paths readable in diffs; quoting of control characters remains.
  return safeSimpleGit(dir, { extraConfig: ['core.quotePath=false'] });
}

/** Absolute path of the work tree root that contains `dir`. */
export async function repoTopLevel(dir: string): Promise<string> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new NotAGitRepositoryError(dir);
  // A missing or too old git is said as such (GitUnavailableError), not as "not a git repository".
  await assertUsableGit();
  try {
    return await memoTopLevel(dir, async () => {
      const top = (await gitAt(dir).raw(['rev-parse', '--show-toplevel'])).trim();
      if (!top) throw new NotAGitRepositoryError(dir);
      return top;
    });
  } catch (err) {
    if (err instanceof NotAGitRepositoryError) throw err;
    throw new NotAGitRepositoryError(dir);
  }
}

/** Full sha of a commit-ish. A revision starting with `-` is refused so user text never becomes a git option. */
export async function resolveCommit(repo: string, rev: string): Promise<string> {
  // An unknown name is not kept (a fetch may bring it): the memo holds only commits found.
  const found = async (): Promise<string> => (await resolveCommitAt(gitRunner(repo), rev)) ?? Promise.reject(new UnknownCommitError(rev));
  const sha = rev ? await memoCommit(repo, 'commit', rev, found).catch(() => undefined) : undefined;
  if (sha === undefined) throw new UnknownCommitError(rev);
  return sha;
}

export async function commitSubject(repo: string, sha: string): Promise<string> {
  return memoCommit(repo, 'subject', sha, async () => (await gitAt(repo).raw(['log', '-1', '--format=%s', sha])).trim());
}

/** The `--unified=0` patch of a commit against its first parent (or the empty tree for a root commit). */
export async function commitPatch(repo: string, sha: string): Promise<string> {
  // --no-textconv: a repository's diff driver (`diff.<name>.textconv`) would run a program of its
  // choosing and replace the patch we parse; explicit prefixes defeat `diff.noPrefix`.
  return gitAt(repo).raw([
    'show', '--format=', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/',
    '-M', '--diff-merges=first-parent', sha, '--',
  ]);
}

/** A file's text at a commit, or undefined when it does not exist there. */
export async function fileAtCommit(repo: string, rev: string, path: string): Promise<string | undefined> {
  try {
    return await gitAt(repo).raw(['show', `${rev}:${path}`]);
  } catch {
    return undefined;
  }
}

/** Subject and body of a commit, to tell whether it is itself a revert. */
export async function commitMessage(repo: string, sha: string): Promise<{ subject: string; body: string }> {
  const raw = await memoCommit(repo, 'message', sha, () => gitAt(repo).raw(['log', '-1', '--format=%s%x00%b', sha, '--']));
  const [subject = '', body = ''] = raw.split('\0');
  return { subject: subject.trim(), body };
}
