import type { SimpleGit } from '../git/runner';
import { safeSimpleGit } from '../git/createGit';
import { resolveCommitAt } from '../git/repository';
import { isHexObjectName } from '../git/revision';
import { gitRunner } from '../git/runner';

/**
 * A simple-git instance for read-only queries. `gitPath` lets the extension use the git binary
 * of the built-in git extension (`api.git.path`); the CLI and tests use whatever is on PATH.
 * The safe config (see SAFE_GIT_CONFIG) keeps a repository's config from running programs on our behalf.
 * The environment is deliberately left alone: simple-git refuses to run with `.env()` values
 * such as EDITOR or PAGER, which a user's shell commonly sets. Our queries (show, for-each-ref,
 * branch) never refresh the index, so they take no locks anyway.
 */
export function gitFor(repoRoot: string, gitPath?: string): SimpleGit {
  return safeSimpleGit(repoRoot, { binary: gitPath ?? 'git' });
}

/** True for something that looks like an abbreviated or full object name. */
export function looksLikeSha(value: string): boolean {
  return isHexObjectName(value);
}

/**
 * Resolves a user-supplied ref to a full commit sha (the one resolver, core/git/repository.ts).
 * `--end-of-options` keeps a ref such as `--output=x` from ever being read as an option.
 */
export async function resolveCommit(repoRoot: string, ref: string, gitPath?: string): Promise<string> {
  const sha = await resolveCommitAt(gitRunner(repoRoot, gitPath), ref).catch(() => undefined);
  if (sha === undefined) throw new Error(`Not a commit in this repository: ${ref}`);
  return sha;
}
