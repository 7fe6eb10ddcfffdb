/**
 * What can go wrong when Own It asks git something, as types a caller can tell apart instead of
 * a silent `undefined`. No imports: the CLI and the extension both map them to one sentence.
 */

/** A path is not inside a git work tree or bare repository (or does not exist). */
export class NotAGitRepositoryError extends Error {
  override readonly name = 'NotAGitRepositoryError';
  constructor(readonly repoPath: string) {
    super(`${repoPath} is not a git repository`);
  }
}
/** The name vscode's git.ts uses for the same thing. */
export { NotAGitRepositoryError as NotARepository };

/** Oldest git Own It runs with: `--diff-merges=first-parent` and `rev-parse --end-of-options` need 2.31. */
export const MIN_GIT_VERSION: readonly [number, number] = [2, 31];

/** git is missing, cannot be started, or is older than {@link MIN_GIT_VERSION}; the message says what to do. */
export class GitUnavailableError extends Error {
  override readonly name = 'GitUnavailableError';
  constructor(
    readonly binary: string,
    readonly reason: 'missing' | 'not-executable' | 'too-old',
    readonly version?: string,
  ) {
    super(
      reason === 'too-old'
        ? `git ${version} (${binary}) is too old: Own It needs git ${MIN_GIT_VERSION.join('.')} or newer. Install a newer git or point the git.path setting at one.`
        : `cannot run git at "${binary}" (${reason === 'missing' ? 'not found' : 'not executable'}). Install git, or put it on PATH or in the git.path setting.`,
    );
  }
}
export { GitUnavailableError as GitNotFound };

/** A revision (`HEAD`, a branch, a sha) that names no commit in this repository. */
export class UnknownRevisionError extends Error {
  override readonly name = 'UnknownRevisionError';
  constructor(readonly revision: string) {
    super(`unknown commit ${JSON.stringify(revision)}`);
  }
}
export { UnknownRevisionError as UnknownRevision };

/** git ran and failed: its exit code and its own message. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(stderr.trim() || `git ${command} exited with code ${exitCode}`);
  }
}
