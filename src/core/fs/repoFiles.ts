/**
 * The one way Own It reads or writes a file of the repository's content (incident files, PR
 * templates and checklists, source files read for a scaffold, linked tests).
 *
 * A repository is untrusted input: any path in it may be a symlink to `~/.ssh/id_rsa`, to
 * `.git/config`, to `/dev/zero` or `/dev/stdin`, or a FIFO. So a read
 * - resolves symlinks and refuses a file whose real path is outside the repository (or inside .git),
 * - opens without blocking and refuses anything but a regular file (FIFOs, devices, sockets),
 * - refuses a file larger than the cap with a message that says so,
 * and a write refuses to replace a symlink or special file (it is never written through) and
 * goes through writeFileAtomic (temp + rename, mode kept).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isErrno, writeFileAtomic, type AtomicWriteOptions } from './atomicWrite';
import { decodeBytes } from './bytesText';
import { isInside } from './safeFolder';

/** Larger files are refused: incidents, templates and source files are far smaller. */
export const MAX_REPO_FILE_BYTES = 4 * 1024 * 1024;

export type UnsafeFileReason = 'outside' | 'notRegular' | 'tooLarge' | 'symlink';

export class UnsafeFileError extends Error {
  readonly code = 'EOWNITUNSAFE';
  constructor(
    readonly file: string,
    readonly reason: UnsafeFileReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

export interface RepoFileOptions {
  /** Cap in bytes (default MAX_REPO_FILE_BYTES). */
  maxBytes?: number;
}

export interface RepoFileContent {
  bytes: Buffer;
  /** UTF-8 text; invalid bytes kept as U+DC80–U+DCFF (see bytesText.ts) so they write back unchanged. */
  text: string;
  /** Identity of the file read, for writeRepoFile's `unchangedSince`. */
  stat: { ino: number; size: number; mtimeMs: number; mode: number };
}

/** `"docs/x.md"` with control characters shown as escapes: safe to put in any message. */
export function quoteFileName(name: string): string {
  return JSON.stringify(name).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads `file` (absolute or relative to `repoRoot`); undefined when it does not exist. Throws UnsafeFileError. */
export async function readRepoFile(repoRoot: string, file: string, options: RepoFileOptions = {}): Promise<RepoFileContent | undefined> {
  const absolute = path.resolve(repoRoot, file);
  const shown = quoteFileName(path.relative(repoRoot, absolute).split(path.sep).join('/'));
  const real = await fs.realpath(absolute).catch((err: unknown) => {
    if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) return undefined;
    throw err;
  });
  if (real === undefined) return undefined;
  await assertInside(repoRoot, real, shown);
  const max = options.maxBytes ?? MAX_REPO_FILE_BYTES;
  // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the real path was checked,
  // a symlink swapped in since is refused instead of followed.
  const handle = await fs.open(real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0)).catch((err: unknown) => {
    if (isErrno(err, 'ELOOP')) throw new UnsafeFileError(shown, 'symlink', `${shown} changed into a symbolic link while it was read; Own It did not follow it.`);
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  });
  if (!handle) return undefined;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new UnsafeFileError(shown, 'notRegular', `${shown} is not a regular file (a pipe, device or socket); Own It only reads regular files.`);
    if (st.size > max) throw tooLarge(shown, max);
    const buffer = Buffer.alloc(Math.min(st.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) throw tooLarge(shown, max); // it grew while we read
    const bytes = buffer.subarray(0, length);
    return { bytes, text: decodeBytes(bytes), stat: { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, mode: st.mode } };
  } finally {
    await handle.close();
  }
}

/** readRepoFile's text, or undefined when the file does not exist. */
export async function readRepoText(repoRoot: string, file: string, options: RepoFileOptions = {}): Promise<string | undefined> {
  return (await readRepoFile(repoRoot, file, options))?.text;
}

/**
 * Replaces (or creates) `file` atomically. Refuses when the real folder is outside the
 * repository or when `file` is a symlink or special file (the link is left as it is).
 */
export async function writeRepoFile(repoRoot: string, file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const absolute = path.resolve(repoRoot, file);
  const shown = quoteFileName(path.relative(repoRoot, absolute).split(path.sep).join('/'));
  const dir = await fs.realpath(path.dirname(absolute));
  await assertInside(repoRoot, path.join(dir, path.basename(absolute)), shown);
  const st = await fs.lstat(absolute).catch(() => undefined);
  if (st?.isSymbolicLink()) throw new UnsafeFileError(shown, 'symlink', `${shown} is a symbolic link; Own It does not replace or write through links. Replace it with a regular file first.`);
  if (st && !st.isFile()) throw new UnsafeFileError(shown, 'notRegular', `${shown} is not a regular file; Own It only writes regular files.`);
  await writeFileAtomic(path.join(dir, path.basename(absolute)), content, options);
}

async function assertInside(repoRoot: string, real: string, shown: string): Promise<void> {
  const realRoot = await fs.realpath(repoRoot);
  const rel = path.relative(realRoot, real);
  if (!isInside(realRoot, real) || rel.split(path.sep)[0].toLowerCase() === '.git') {
    throw new UnsafeFileError(shown, 'outside', `${shown} points outside the repository's files (through a symbolic link); Own It only reads and writes files inside the repository.`);
  }
}

function tooLarge(shown: string, max: number): UnsafeFileError {
  return new UnsafeFileError(shown, 'tooLarge', `${shown} is larger than ${Math.round(max / 1024 / 1024)} MB; Own It does not read files that large here.`);
}

/**
 * Synchronous read of a file already known to be in a checked folder (the incident listing's
 * fast path): still no symlink, no special file, and the size cap.
 */
export function readListedFileSync(absolute: string, shown: string, max = MAX_REPO_FILE_BYTES): string {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnsafeFileError(shown, 'notRegular', `${quoteFileName(shown)} is not a regular file; Own It only reads regular files.`);
    if (st.size > max) throw tooLarge(quoteFileName(shown), max);
    const buffer = Buffer.alloc(st.size);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return decodeBytes(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
