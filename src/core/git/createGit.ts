import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitUnavailableError, MIN_GIT_VERSION, NotAGitRepositoryError } from './errors';
import { gitVersion, safeSimpleGit, type SimpleGit } from './runner';

// Moved to the runner and to errors.ts; re-exported so that every existing import keeps working.
export { GitUnavailableError, MIN_GIT_VERSION, NotAGitRepositoryError } from './errors';
export { SAFE_GIT_CONFIG, SAFE_GIT_UNSAFE_FLAGS, safeConfigArgs, safeSimpleGit } from './runner';

/** simple-git's own rule for a binary it accepts without the "unsafe" opt-in. */
const PLAIN_BINARY = /^([a-z]:)?[a-z0-9/.\\_~-]+$/i;

/**
 * A simple-git instance for `repoPath`, configured for read-only background queries.
 *
 * - `gitBinary` lets the extension use exactly the git VS Code uses (`api.git.path`).
 *   simple-git rejects paths with spaces (common on Windows); we accept those only when
 *   they are absolute paths to an existing file, since we spawn without a shell.
 * - {@link SAFE_GIT_CONFIG} stops a repository's config from running programs (fsmonitor,
 *   hooks, gpg) on our behalf; no caller-supplied string ever becomes an option here.
 * - The process environment is inherited untouched: calling simple-git's `env()` would make
 *   it reject ordinary variables such as EDITOR or PAGER. None of the commands we run
 *   (log, rev-parse, ls-files) refresh the index, so they take no locks.
 */
export function createGit(repoPath: string, gitBinary?: string, signal?: AbortSignal): SimpleGit {
  if (!fs.existsSync(repoPath) || !fs.statSync(repoPath).isDirectory()) {
    throw new NotAGitRepositoryError(repoPath);
  }
  let allowUnsafeCustomBinary = false;
  if (gitBinary && !PLAIN_BINARY.test(gitBinary)) {
    if (!path.isAbsolute(gitBinary) || !fs.existsSync(gitBinary)) {
      throw new Error(`git binary "${gitBinary}" must be an absolute path to an existing file`);
    }
    allowUnsafeCustomBinary = true;
  }
  return safeSimpleGit(path.resolve(repoPath), {
    binary: gitBinary || 'git',
    extraConfig: ['core.quotePath=true'],
    trimmed: false,
    unsafe: { allowUnsafeCustomBinary },
    ...(signal ? { abort: signal } : {}),
  });
}

const usableGits = new Map<string, Promise<void>>();

/**
 * Checks once per binary (and process) that git starts and is recent enough, so a missing or
 * old git gives one clear sentence instead of a "not a repository" or an unknown-option error
 * from the first query. Only success is remembered: installing git fixes the next call.
 */
export function assertUsableGit(binary = 'git'): Promise<void> {
  let check = usableGits.get(binary);
  if (!check) {
    check = gitVersion(binary).then((stdout) => {
      const m = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(stdout);
      // A git that prints something unexpected (a wrapper, a vendor build) is given the benefit of the doubt.
      if (m && (Number(m[1]) < MIN_GIT_VERSION[0] || (Number(m[1]) === MIN_GIT_VERSION[0] && Number(m[2]) < MIN_GIT_VERSION[1]))) {
        throw new GitUnavailableError(binary, 'too-old', m.slice(1).filter((x) => x !== undefined).join('.'));
      }
    });
    usableGits.set(binary, check);
    check.catch(() => usableGits.delete(binary));
  }
  return check;
}

/**
 * Like {@link createGit}, but first checks that `repoPath` is a repository (work tree,
 * subfolder of one, or bare) and throws {@link NotAGitRepositoryError} otherwise. A `signal`
 * ends every git the returned instance runs (its reason is thrown once it fired).
 */
export async function openRepository(repoPath: string, gitBinary?: string, signal?: AbortSignal): Promise<SimpleGit> {
  const git = createGit(repoPath, gitBinary, signal);
  await assertUsableGit(gitBinary || 'git');
  try {
    await git.raw(['rev-parse', '--git-dir']);
  } catch (err) {
    signal?.throwIfAborted();
    // A git that cannot be started is not the repository's fault: say which binary failed.
    const message = err instanceof Error ? err.message : String(err);
    if (/\bspawn\b.*\b(ENOENT|EACCES)\b/.test(message)) {
      throw new Error(`cannot run git at "${gitBinary ?? 'git'}" (${/EACCES/.test(message) ? 'not executable' : 'not found'})`);
    }
    throw new NotAGitRepositoryError(repoPath);
  }
  return git;
}
