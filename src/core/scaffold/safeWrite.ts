import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeRepoFile } from '../fs/repoFiles';

/** Thrown when a planned path would land outside the repository (`..`, an absolute path, or a symlinked folder). */
export class OutsideRepositoryError extends Error {
  constructor(readonly target: string) {
    super(`refusing to write outside the repository: ${target}`);
    this.name = 'OutsideRepositoryError';
  }
}

function inside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Resolves a repository-relative path and checks it stays inside the repository, following symlinked parents. */
export async function resolveInside(repoRoot: string, relPath: string): Promise<string> {
  const root = await fs.realpath(repoRoot);
  if (path.isAbsolute(relPath)) throw new OutsideRepositoryError(relPath);
  const abs = path.resolve(root, relPath);
  if (!inside(root, abs)) throw new OutsideRepositoryError(relPath);
  // The deepest existing ancestor must also resolve inside the root, or a symlink could point the write elsewhere.
  let existing = path.dirname(abs);
  for (;;) {
    try {
      const real = await fs.realpath(existing);
      if (real !== root && !inside(root, real)) throw new OutsideRepositoryError(relPath);
      break;
    } catch (err) {
      if (err instanceof OutsideRepositoryError) throw err;
      existing = path.dirname(existing);
    }
  }
  return abs;
}

/** Creates a new file; fails with EEXIST instead of overwriting. */
export async function createExclusive(repoRoot: string, relPath: string, content: string): Promise<string> {
  const abs = await resolveInside(repoRoot, relPath);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, content, { flag: 'wx' });
  return abs;
}

/**
 * Replaces an existing file's content atomically through repoFiles: temp + rename, mode kept, and
 * a symlink is refused rather than replaced or written through.
 */
export async function replaceAtomic(repoRoot: string, relPath: string, content: string): Promise<string> {
  const abs = await resolveInside(repoRoot, relPath);
  await writeRepoFile(repoRoot, abs, content);
  return abs;
}

export async function pathExists(abs: string): Promise<boolean> {
  try {
    await fs.lstat(abs);
    return true;
  } catch {
    return false;
  }
}
