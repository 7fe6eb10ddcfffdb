import type { SimpleGit } from 'simple-git';
import { safeSimpleGit } from '../git/createGit';

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

const SHA = /^[0-9a-f]{4,64}$/i;

/** True for something that looks like an abbreviated or full object name. */
export function looksLikeSha(value: string): boolean {
  return SHA.test(value);
}

/**
 * Resolves a user-supplied ref to a full commit sha. `--end-of-options` keeps a ref such as
 * `--output=x` from ever being read as an option.
 */
export async function resolveCommit(git: SimpleGit, ref: string): Promise<string> {
  let out = '';
  try {
    out = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    // An unknown ref makes rev-parse exit non-zero; reported below with the ref named.
  }
  const sha = out.trim();
  if (!looksLikeSha(sha)) throw new Error(`Not a commit in this repository: ${ref}`);
  return sha;
}
