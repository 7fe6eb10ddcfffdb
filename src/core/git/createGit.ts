import { execFile } from 'node:child_process';
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

/**
 * Config every git command of ours runs with, whichever factory starts it. A repository's own
 * config is not trusted: a cloned, unpacked or shared repository can name programs in
 * `.git/config` that git would start on our behalf during a read-only query. Each entry turns
 * one of those off (the hostile-repository tests plant a marker-writing program for each):
 * - `core.fsmonitor=false`: commands that read the index (ls-files, status) start no fsmonitor hook;
 * - `core.hooksPath=/dev/null`: no hook runs, should any command we run ever trigger one;
 * - `log.showSignature=false`: `git log` never runs `gpg.program` on signed commits;
 * - `i18n.logOutputEncoding=UTF-8`: messages arrive as UTF-8 whatever `i18n.commitEncoding` says;
 * - `color.ui=false`: `color.*=always` cannot put escape codes into output we parse.
 * Diff drivers (`diff.<name>.textconv`, `diff.external`) are switched off per command with
 * `--no-textconv --no-ext-diff`, because no config value can unset them.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'log.showSignature=false',
  'i18n.logOutputEncoding=UTF-8',
  'color.ui=false',
  // Config that points git at a file it then reads: a repository setting it to /dev/zero makes
  // log spin forever (mailmap) or run out of memory (orderFile); a missing file makes it fail.
  // An empty mailmap setting means none; orderFile and attributesFile need a readable empty file.
  'mailmap.file=',
  'mailmap.blob=',
  'diff.orderFile=/dev/null',
  'core.attributesFile=/dev/null',
  'blame.ignoreRevsFile=',
];

/** {@link SAFE_GIT_CONFIG} as `-c key=value` arguments, for git spawned without simple-git. */
export function safeConfigArgs(extra: readonly string[] = []): string[] {
  return [...SAFE_GIT_CONFIG, ...extra].flatMap((c) => ['-c', c]);
}

/**
 * simple-git refuses `-c core.fsmonitor=…` and `-c core.hooksPath=…` unless allowed; the
 * switches only concern the constant config above, never a caller-supplied string.
 */
export const SAFE_GIT_UNSAFE_FLAGS = { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true } as const;

/**
 * A simple-git instance with {@link SAFE_GIT_CONFIG} (plus `extraConfig`). Every simple-git
 * factory in core goes through here so no query can forget the safe config.
 */
export function safeSimpleGit(baseDir: string, options: { binary?: string; extraConfig?: readonly string[]; trimmed?: boolean; unsafe?: Partial<SimpleGitOptions['unsafe']> } = {}): SimpleGit {
  return simpleGit({
    baseDir,
    binary: options.binary ?? 'git',
    maxConcurrentProcesses: 4,
    trimmed: options.trimmed ?? false,
    config: [...SAFE_GIT_CONFIG, ...(options.extraConfig ?? [])],
    unsafe: { ...SAFE_GIT_UNSAFE_FLAGS, ...options.unsafe },
  });
}

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
export function createGit(repoPath: string, gitBinary?: string): SimpleGit {
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
  });
}

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

const usableGits = new Map<string, Promise<void>>();

/**
 * Checks once per binary (and process) that git starts and is recent enough, so a missing or
 * old git gives one clear sentence instead of a "not a repository" or an unknown-option error
 * from the first query. Only success is remembered: installing git fixes the next call.
 */
export function assertUsableGit(binary = 'git'): Promise<void> {
  let check = usableGits.get(binary);
  if (!check) {
    check = new Promise<void>((resolve, reject) => {
      execFile(binary, ['--version'], { windowsHide: true, timeout: 30_000 }, (err, stdout) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') return reject(new GitUnavailableError(binary, 'missing'));
        if (code === 'EACCES') return reject(new GitUnavailableError(binary, 'not-executable'));
        const m = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(String(stdout));
        // A git that prints something unexpected (a wrapper, a vendor build) is given the benefit of the doubt.
        if (m && (Number(m[1]) < MIN_GIT_VERSION[0] || (Number(m[1]) === MIN_GIT_VERSION[0] && Number(m[2]) < MIN_GIT_VERSION[1]))) {
          return reject(new GitUnavailableError(binary, 'too-old', m.slice(1).filter((x) => x !== undefined).join('.')));
        }
        resolve();
      });
    });
    usableGits.set(binary, check);
    check.catch(() => usableGits.delete(binary));
  }
  return check;
}

/**
 * Like {@link createGit}, but first checks that `repoPath` is a repository (work tree,
 * subfolder of one, or bare) and throws {@link NotAGitRepositoryError} otherwise.
 */
export async function openRepository(repoPath: string, gitBinary?: string): Promise<SimpleGit> {
  const git = createGit(repoPath, gitBinary);
  await assertUsableGit(gitBinary || 'git');
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
