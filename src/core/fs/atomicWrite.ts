/**
 * Crash-safe file writes. A reader (or a crash) must never see half an incident file:
 * replacing a file goes through a temp file in the same folder (same file system, so
 * `rename` is atomic), flushed with fsync before the rename.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /**
   * The target as the caller read it: the rename is refused (FileChangedError, temp removed)
   * when the file is no longer that file (inode, size or mtime differ), so a writer that does not
   * take our lock — an editor, git checkout — is not overwritten between our read and our rename.
   */
  unchangedSince?: { ino: number; size: number; mtimeMs: number };
}

/** The target changed between the caller's read and the rename; nothing was written. */
export class FileChangedError extends Error {
  constructor(target: string) {
    super(`${target} changed while it was being saved; nothing was written.`);
    this.name = 'FileChangedError';
  }
}

/**
 * Replaces (or creates) `target` with `content` atomically. An existing file keeps its mode
 * (a 600 incident stays 600); a symlink or special file at `target` is refused, never written through.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(target);
  const existing = await fs.lstat(target).catch((err: unknown) => {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  });
  if (existing && !existing.isFile()) {
    throw Object.assign(new Error(`${target} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; Own It does not write through it.`), { code: 'EOWNITUNSAFE' });
  }
  const temp = tempPathFor(target);
  const mode = existing ? existing.mode & 0o7777 : 0o644;
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    // open() applies the umask; chmod restores the exact mode the file had.
    if (existing) await handle.chmod(mode);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    if (options.unchangedSince) {
      const now = await fs.stat(target).catch(() => undefined);
      const was = options.unchangedSince;
      if (!now || now.ino !== was.ino || now.size !== was.size || now.mtimeMs !== was.mtimeMs) throw new FileChangedError(target);
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(dir);
}

/**
 * A temp file next to `target`: the name starts with a dot and has no .md suffix so folder listings
 * never mistake it for an incident; the pid lets the next start tell a crashed writer's leftover
 * from a live one's (removeLeftoverTemps).
 */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Our temp files: `.<name>.<pid>.<12 hex>.tmp`, and 0.1.0's `.<name>.<12 hex>.tmp`. */
const TEMP_NAME = /^\..+?\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;
/** A temp file without a pid is a leftover once it is this old (a save takes milliseconds). */
const OLD_TEMP_AGE_MS = 60_000;

/**
 * Removes temp files that crashed writers (kill -9, power loss) left in `dir`: those whose
 * process is gone, and pid-less ones from 0.1.0 older than a minute. A live writer's temp file
 * is left alone. Returns the names removed.
 */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    if (m[1] !== undefined) {
      if (isProcessAlive(Number(m[1]))) continue;
    } else {
      const st = await fs.lstat(file).catch(() => undefined);
      if (!st || Date.now() - st.mtimeMs < OLD_TEMP_AGE_MS) continue;
    }
    await fs.rm(file, { force: true }).then(() => removed.push(name), () => undefined);
  }
  return removed;
}

/** True when a process with this pid exists on this machine (EPERM: it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return isErrno(err, 'EPERM');
  }
}

/**
 * Creates `target` only if nothing exists there (`wx`): two writers racing for the same
 * name cannot overwrite each other; the loser gets EEXIST. Returns false on EEXIST.
 */
export async function createFileExclusive(target: string, content: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(target, 'wx', 0o644);
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    throw err;
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    // We created it, so removing our own partial file loses nobody's data.
    await fs.rm(target, { force: true });
    throw err;
  }
  await handle.close();
  await syncDirectory(path.dirname(target));
  return true;
}

/**
 * Creates `<base><ext>`, or `<base>-2<ext>`, `<base>-3<ext>`… when the name is taken.
 * Returns the path actually written.
 */
export async function createFileWithUniqueName(dir: string, base: string, ext: string, content: string, maxAttempts = 1000): Promise<string> {
  for (let n = 1; n <= maxAttempts; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if (await createFileExclusive(candidate, content)) return candidate;
  }
  throw new Error(`Could not find a free file name for ${path.join(dir, base + ext)} after ${maxAttempts} attempts.`);
}

/** Makes a rename durable on POSIX; Windows cannot open directories, and that is fine to skip. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Durability of the directory entry is best effort; the data itself was already fsynced.
  } finally {
    await handle?.close();
  }
}

export function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}
