/**
 * A lock per file across processes (the panel, Mark Resolved, a scaffold, the CLI), so that
 * read → check → merge → rename of one incident never interleaves with another writer's.
 *
 * The lock is a file created with O_EXCL next to the target (`.<name>.lock`, never listed as an
 * incident) holding the owner's pid, host and start time. A lock is stale when its process is gone
 * (same host) or it is older than STALE_MS (a save takes milliseconds); a stale lock is moved
 * aside with one atomic rename, so of two processes recovering it only one succeeds.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { createFileExclusive, isErrno, isProcessAlive, tempPathFor } from './atomicWrite';

const STALE_MS = 30_000;
const UNFILLED_STALE_MS = 3_000;
const DEFAULT_TIMEOUT_MS = 15_000;

export class FileLockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(`Another save of ${path.basename(lockPath).replace(/^\.|\.lock$/g, '')} is still running; nothing was written. Try again in a moment (if no Own It is running, delete ${lockPath})`);
    this.name = 'FileLockTimeoutError';
  }
}

export function lockPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Runs `work` while holding the lock of `target`; waits (with random backoff) while another process holds it. */
export async function withFileLock<T>(target: string, work: () => Promise<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const lockPath = lockPathFor(target);
  const token = `${process.pid}\n${hostname()}\n${Date.now()}\n${randomBytes(6).toString('hex')}\n`;
  await acquire(lockPath, token, timeoutMs);
  try {
    return await work();
  } finally {
    await release(lockPath, token);
  }
}

/**
 * Creates the lock with its content already in it: the token goes to a temp file (named like
 * atomicWrite's, so a crashed writer's is removed on the next start), which is hard-linked to the
 * lock's name (EEXIST when held). A writer killed at any moment leaves either no lock or a full
 * one, never an empty lock that nobody can tell from a live writer's for a few seconds. Where the
 * file system has no hard links, the lock is created exclusively and filled (createFileExclusive).
 */
async function tryCreate(lockPath: string, token: string): Promise<boolean> {
  const temp = tempPathFor(lockPath);
  await fs.writeFile(temp, token, { flag: 'wx', mode: 0o644 });
  try {
    await fs.link(temp, lockPath);
    return true;
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].some((code) => isErrno(err, code))) throw err;
  } finally {
    await fs.rm(temp, { force: true });
  }
  return createFileExclusive(lockPath, token);
}

async function acquire(lockPath: string, token: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, token)) return;
    const held = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
    if (held !== undefined && (await isStale(lockPath, held))) {
      await breakStale(lockPath, held);
      continue;
    }
    if (Date.now() > deadline) throw new FileLockTimeoutError(lockPath);
    await sleep(Math.min(50, 2 + attempt) * (0.5 + Math.random()));
  }
}

async function isStale(lockPath: string, held: string): Promise<boolean> {
  const [pid, host, started] = held.split('\n');
  if (host === hostname() && pid && !isProcessAlive(Number(pid))) return true;
  const since = Number(started);
  if (Number.isFinite(since) && since > 0) return Date.now() - since > STALE_MS;
  // Empty or unreadable: its writer died between creating and filling it (kill -9), since a
  // lock is filled right after it is created; a few seconds of age settle it.
  const st = await fs.stat(lockPath).catch(() => undefined);
  return st !== undefined && Date.now() - st.mtimeMs > UNFILLED_STALE_MS;
}

/** Moves the stale lock aside; if the moved file turns out to be a fresh lock, puts it back. */
async function breakStale(lockPath: string, held: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // someone else recovered (or released) it first
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== held) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function release(lockPath: string, token: string): Promise<void> {
  // Only remove our own lock: after a stale recovery the file may belong to someone else.
  const held = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
  if (held === token) await fs.rm(lockPath, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Removes lock files in `dir` whose owner is gone (a crashed save), so `git status` stays clean. */
export async function removeStaleLocks(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.lock'))) {
    const lockPath = path.join(dir, name);
    const held = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
    if (held === undefined || !(await isStale(lockPath, held))) continue;
    await breakStale(lockPath, held);
    removed.push(name);
  }
  return removed;
}
