/**
 * Answers of git that cannot change, kept for the next scaffold step: one Scaffold Regression Test
 * asks for the same repository root, the same commit and its message from the restore check, the
 * symbol reader and the planner, each a git process (8 of the 17 a scaffold started). Only what a
 * full object name or an existing work tree pins is kept, and only a bounded number of entries.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const LIMIT = 256;
const FULL_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** A map that forgets its oldest entry past `LIMIT`. */
class Bounded<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > LIMIT) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

const tops = new Bounded<string>();
const commits = new Bounded<Promise<unknown>>();

/**
 * The work tree root of `dir`, asked of git once: kept while the root still has its `.git` (a
 * folder, or the file of a linked work tree), so a repository removed or moved is asked again.
 */
export async function memoTopLevel(dir: string, ask: () => Promise<string>): Promise<string> {
  const key = path.resolve(dir);
  const known = tops.get(key);
  if (known !== undefined && fs.existsSync(path.join(known, '.git'))) return known;
  tops.delete(key);
  return tops.set(key, await ask());
}

/**
 * What git says about a commit named by its full object name (its existence, its message): a
 * commit's content never changes, so the answer is kept. Names that a ref or an abbreviation
 * could point elsewhere later are always asked; a failed answer is not kept.
 */
export function memoCommit<T>(repo: string, what: string, rev: string, ask: () => Promise<T>): Promise<T> {
  if (!FULL_NAME.test(rev)) return ask();
  const key = `${repo}\0${what}\0${rev}`;
  const known = commits.get(key) as Promise<T> | undefined;
  if (known) return known;
  const asked = ask();
  commits.set(key, asked);
  asked.catch(() => commits.delete(key));
  return asked;
}
