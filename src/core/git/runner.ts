/**
 * The one place Own It starts git (in the spirit of vscode's extensions/git `git.ts`). Every
 * process runs the user's git binary (VS Code's `git.path` in the extension) with
 * {@link SAFE_GIT_CONFIG}, in a repository folder, without a shell:
 * - {@link exec}: a buffered command → `{ exitCode, stdout, stderr }`; a non-zero exit is an
 *   answer, not an exception (only a git that cannot start throws {@link GitUnavailableError});
 * - {@link stream}: a long walk read as git writes it, stoppable (breaking the loop kills git);
 * - {@link startGit}: a long-lived dialogue (`cat-file --batch-check`);
 * - {@link safeSimpleGit}: simple-git, the adapter behind the older `SimpleGit`-typed queries
 *   (`createGit`, `gitFor`, `gitAt`); it buffers whole outputs, so walks use `stream`.
 * Cancellation: `exec` and `stream` take an AbortSignal, which kills git.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';
import { GitCommandError, GitUnavailableError } from './errors';

export type { SimpleGit };

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
export function safeSimpleGit(baseDir: string, options: { binary?: string; extraConfig?: readonly string[]; trimmed?: boolean; unsafe?: Partial<SimpleGitOptions['unsafe']>; abort?: AbortSignal } = {}): SimpleGit {
  return simpleGit({
    baseDir,
    ...(options.abort ? { abort: options.abort } : {}),
    binary: options.binary ?? 'git',
    maxConcurrentProcesses: 4,
    trimmed: options.trimmed ?? false,
    config: [...SAFE_GIT_CONFIG, ...(options.extraConfig ?? [])],
    unsafe: { ...SAFE_GIT_UNSAFE_FLAGS, ...options.unsafe },
  });
}

/** Where and with which binary git runs: one repository folder and the user's git. */
export interface GitRunner {
  /** The git executable (the extension passes VS Code's `git.path`). */
  binary: string;
  /** The repository folder; commands run there. */
  cwd: string;
  /** Ends every git this runner starts (and starts none after it fired): one computation's cancel. */
  signal?: AbortSignal;
}

export function gitRunner(repoPath: string, gitBinary?: string, signal?: AbortSignal): GitRunner {
  return { binary: gitBinary || 'git', cwd: path.resolve(repoPath), ...(signal ? { signal } : {}) };
}

/** The safe config plus `core.quotePath=true`, which every parser of ours expects. */
const SAFE_ARGS = safeConfigArgs(['core.quotePath=true']);

export interface StartOptions {
  /**
   * GIT_FLUSH=1 makes git write each record as soon as it is found (a caller that stops at the
   * first hit needs that); GIT_FLUSH=0 buffers fully (a long walk read to the end is then a few
   * large writes). Unset: git's default.
   */
  flush?: boolean;
  signal?: AbortSignal;
  /** Leave out the safe `-c` config: only for `git --version`, which wrappers recognise as `$1`. */
  bare?: boolean;
}

/** Starts git; arguments are passed as they are (callers put revisions after --end-of-options). */
export function startGit(runner: GitRunner, args: readonly string[], options: StartOptions = {}): ChildProcessWithoutNullStreams {
  const env = options.flush === undefined ? process.env : { ...process.env, GIT_FLUSH: options.flush ? '1' : '0' };
  return spawn(runner.binary, options.bare ? [...args] : [...SAFE_ARGS, ...args], { cwd: runner.cwd, windowsHide: true, env, signal: options.signal ?? runner.signal });
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function startFailure(runner: GitRunner, err: NodeJS.ErrnoException): Error {
  if (err.code === 'ENOENT') return new GitUnavailableError(runner.binary, 'missing');
  if (err.code === 'EACCES') return new GitUnavailableError(runner.binary, 'not-executable');
  return err;
}

/** Runs one git command to the end; `input` goes to its stdin (e.g. revisions for `--stdin`). */
export function exec(runner: GitRunner, args: readonly string[], options: { input?: string; signal?: AbortSignal; bare?: boolean } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = startGit(runner, args, { signal: options.signal, bare: options.bare });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', (e: NodeJS.ErrnoException) => reject(startFailure(runner, e)));
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

/** {@link exec}, but a non-zero exit throws {@link GitCommandError} with git's own message. */
export async function execOk(runner: GitRunner, args: readonly string[], options: { input?: string; signal?: AbortSignal } = {}): Promise<string> {
  const r = await exec(runner, args, options);
  if (r.exitCode !== 0) throw new GitCommandError(args[0] ?? '', r.exitCode, r.stderr);
  return r.stdout;
}

/** `git --version`'s output; throws {@link GitUnavailableError} when the binary cannot start. */
export async function gitVersion(binary: string): Promise<string> {
  return (await exec({ binary, cwd: process.cwd() }, ['--version'], { bare: true })).stdout;
}

/**
 * Yields a git command's output as decoded text, chunk by chunk as git writes it, and throws
 * git's own message if it fails. Reading pauses while the consumer works (backpressure), and
 * breaking out of the loop (or the signal) kills git, so a walk can stop at the first useful hit.
 */
export async function* stream(runner: GitRunner, args: readonly string[], flush: boolean, signal?: AbortSignal): AsyncGenerator<string> {
  const child = startGit(runner, args, { flush, signal });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once('error', (e: NodeJS.ErrnoException) => reject(startFailure(runner, e)));
    child.once('close', (code) => resolve(code));
  });
  // Consumers that stop early never await `exit`; its rejection must not go unhandled.
  exit.catch(() => undefined);
  const decoder = new StringDecoder('utf8');
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) yield decoder.write(chunk);
    const rest = decoder.end();
    if (rest !== '') yield rest;
    const code = await exit;
    if (code !== 0) throw new GitCommandError(args[0] ?? '', code ?? -1, Buffer.concat(stderr).toString('utf8'));
    finished = true;
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}

/**
 * Runs a repository's own formatter (gofmt, rustfmt, Black, the repo's Prettier) on text given on
 * stdin; the one place besides git that starts a program, so the rule "one module starts
 * processes" still holds. Resolves undefined when the program is missing, fails, times out or
 * prints nothing: formatting is best effort and never blocks a scaffold.
 */
export function runFormatter(command: string, args: readonly string[], input: string, cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile(command, [...args], { cwd, timeout: 15_000, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => resolve(err || !stdout.trim() ? undefined : stdout));
    child.on('error', () => resolve(undefined));
    // A formatter that exits without reading all of stdin (an old version that rejects a flag)
    // closes the pipe: EPIPE is its failure, already answered by the exit, not a crash of ours.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
