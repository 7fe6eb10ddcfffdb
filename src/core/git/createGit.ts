import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';

/** Thrown when a path is not inside a git work tree or bare repository (or does not exist). */
export class NotAGitRepositoryError extends Error {
  override readonly name = 'NotAGitRepositoryError';
  constructor(readonly repoPath: string) {
    super(`${repoPath} is not a git repository`);
  }
}

/** simple-git's own rule for a binary it accepts without the "unsafe" opt-in. */
const PLAIN_BINARY = /^([a-z]:)?[a-z0-9/.\\_~-]+$/i;

/**
 * A simple-git instance for `repoPath`, configured for read-only background queries.
 *
 * - `gitBinary` lets the extension use exactly the git VS Code uses (`api.git.path`).
 *   simple-git rejects paths with spaces (common on Windows); we accept those only when
 *   they are absolute paths to an existing file, since we spawn without a shell.
 * - `core.fsmonitor=false` stops a repository's config from running an fsmonitor hook
 *   on our behalf. simple-git refuses any `core.fsmonitor` value unless
 *   `allowUnsafeFsMonitor` is set; that switch only concerns arguments we build ourselves,
 *   and no caller-supplied string ever becomes an option here.
 * - The process environment is inherited untouched: calling simple-git's `env()` would make
 *   it reject ordinary variables such as EDITOR or PAGER. None of the commands we run
 *   (log, rev-parse, ls-files) refresh the index, so they take no locks.
 */
export function createGit(repoPath: string, gitBinary?: string): SimpleGit {
  if (!fs.existsSync(repoPath) || !fs.statSync(repoPath).isDirectory()) {
    throw new NotAGitRepositoryError(repoPath);
  }
  const options: Partial<SimpleGitOptions> = {
    baseDir: path.resolve(repoPath),
    maxConcurrentProcesses: 4,
    config: ['core.fsmonitor=false', 'core.quotePath=true'],
    unsafe: { allowUnsafeFsMonitor: true },
  };
  if (gitBinary) {
    if (!PLAIN_BINARY.test(gitBinary)) {
      if (!path.isAbsolute(gitBinary) || !fs.existsSync(gitBinary)) {
        throw new Error(`git binary "${gitBinary}" must be an absolute path to an existing file`);
      }
      options.unsafe = { ...options.unsafe, allowUnsafeCustomBinary: true };
    }
    options.binary = gitBinary;
  }
  return simpleGit(options);
}

/**
 * Like {@link createGit}, but first checks that `repoPath` is a repository (work tree,
 * subfolder of one, or bare) and throws {@link NotAGitRepositoryError} otherwise.
 */
export async function openRepository(repoPath: string, gitBinary?: string): Promise<SimpleGit> {
  const git = createGit(repoPath, gitBinary);
  try {
    await git.raw(['rev-parse', '--git-dir']);
  } catch (err) {
    // A git that cannot be started is not the repository's fault: say which binary failed.
    const message = err instanceof Error ? err.message : String(err);
    if (/\bspawn\b.*\b(ENOENT|EACCES)\b/.test(message)) {
      throw new Error(`cannot run git at "${gitBinary ?? 'git'}" (${/EACCES/.test(message) ? 'not executable' : 'not found'})`);
    }
    throw new NotAGitRepositoryError(repoPath);
  }
  return git;
}
