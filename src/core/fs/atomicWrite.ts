/**
 * Crash-safe file writes. A reader (or a crash) must never see half an incident file:
 * replacing a file goes through a temp file in the same folder (same file system, so
 * `rename` is atomic), flushed with fsync before the rename.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Replaces (or creates) `target` with `content` atomically. */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const dir = path.dirname(target);
  // The temp name starts with a dot and has no .md suffix so folder listings never mistake it for an incident.
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(dir);
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
