/**
 * Keeps every write inside the repository. The folder comes from user settings, so it is
 * validated as text first (relative, no `..`) and then on disk (symlinks resolved), because
 * `docs -> /etc` would otherwise let a harmless-looking `docs/incidents` escape the repo.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isErrno } from './atomicWrite';

export class UnsafeFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeFolderError';
  }
}

/** Validates a repo-relative folder setting and returns it normalised with `/` separators. */
export function validateRelativeFolder(folder: string): string {
  const trimmed = folder.trim();
  if (trimmed === '') throw new UnsafeFolderError('The incidents folder setting is empty; use a folder inside the repository such as docs/incidents.');
  if (path.isAbsolute(trimmed) || path.win32.isAbsolute(trimmed) || /^[a-zA-Z]:/.test(trimmed)) {
    throw new UnsafeFolderError(`The incidents folder "${folder}" is absolute; it must be relative to the repository root (for example docs/incidents).`);
  }
  const segments = trimmed.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new UnsafeFolderError(`The incidents folder "${folder}" contains "..", which could point outside the repository; use a folder inside it.`);
  }
  if (segments.length === 0) throw new UnsafeFolderError(`The incidents folder "${folder}" is the repository root; use a sub-folder such as docs/incidents.`);
  if (segments.some((s) => s.toLowerCase() === '.git')) {
    throw new UnsafeFolderError(`The incidents folder "${folder}" is inside .git, where files are not versioned; use a normal folder.`);
  }
  return segments.join('/');
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Resolves `folder` under `repoRoot` and checks, with symlinks resolved, that it stays inside.
 * With `create`, missing folders are made — but only after the nearest existing ancestor was
 * checked, so `mkdir -p` can never create folders through a symlink that leaves the repo.
 * Returns the real path of the folder, or undefined when it does not exist and `create` is false.
 */
export async function resolveFolderInside(repoRoot: string, folder: string, create: boolean): Promise<string | undefined> {
  const relative = validateRelativeFolder(folder);
  const realRoot = await fs.realpath(repoRoot);
  const target = path.join(realRoot, relative);

  let existing = target;
  for (;;) {
    try {
      await fs.stat(existing);
      break;
    } catch (err) {
      if (!isErrno(err, 'ENOENT') && !isErrno(err, 'ENOTDIR')) throw err;
      existing = path.dirname(existing);
    }
  }
  const realExisting = await fs.realpath(existing);
  if (realExisting !== realRoot && !isInside(realRoot, realExisting)) throw escapeError(folder, realExisting, realRoot);
  if (existing !== target) {
    if (!create) return undefined;
    await fs.mkdir(target, { recursive: true });
  }
  const realTarget = await fs.realpath(target);
  if (!isInside(realRoot, realTarget)) throw escapeError(folder, realTarget, realRoot);
  const stat = await fs.stat(realTarget);
  if (!stat.isDirectory()) throw new UnsafeFolderError(`The incidents folder "${folder}" exists but is not a folder.`);
  return realTarget;
}

function escapeError(folder: string, real: string, realRoot: string): UnsafeFolderError {
  return new UnsafeFolderError(
    `The incidents folder "${folder}" resolves to ${real}, which is outside the repository (${realRoot}), probably through a symbolic link. Own It only writes inside the repository.`,
  );
}
