/**
 * HEAD read from the git dir's own files, without starting git: once a git dir is known, the
 * cheapest way to see whether HEAD moved (a git process costs a fork of the caller, milliseconds
 * in an extension host). Only the plain layouts are read: `HEAD` holding a sha (detached) or
 * `ref: refs/heads/<name>`, and that branch as a loose ref or a `packed-refs` line. Anything else
 * (a linked worktree, whose branches live in the common dir; reftable; a symbolic ref to another
 * symbolic ref; a symlink; an unborn branch; an unusual branch name) is undefined: ask git.
 */
import * as path from 'node:path';
import { isErrno } from '../fs/atomicWrite';
import { readListedFileSync } from '../fs/repoFiles';
import { isFullSha } from './revision';

/** `packed-refs` of a repository with tens of thousands of tags is megabytes: git is asked instead. */
const MAX_PACKED_REFS = 1 << 20;
/** Branch names read here: ASCII, no `..`, no component starting with `.` or ending with `.lock`. */
const PLAIN_BRANCH = /^refs\/heads\/(?:[\w+@-][\w.+@-]*\/)*[\w+@-][\w.+@-]*$/;

/** The full sha HEAD names, from the files of `gitDir`; undefined when git must answer. */
export function headFromFiles(gitDir: string): string | undefined {
  // Refs in another folder than the git dir: git's own lookup is the only right one.
  if (process.env.GIT_COMMON_DIR !== undefined) return undefined;
  try {
    const head = oneLine(read(gitDir, 'HEAD', 256));
    if (head === undefined || isFullSha(head)) return head?.toLowerCase();
    const ref = head.startsWith('ref: ') ? head.slice(5) : '';
    if (!PLAIN_BRANCH.test(ref) || ref.includes('..') || ref.endsWith('.lock')) return undefined;
    const loose = read(gitDir, ref, 256);
    if (loose !== undefined) {
      const sha = oneLine(loose);
      return sha !== undefined && isFullSha(sha) ? sha.toLowerCase() : undefined;
    }
    const packed = read(gitDir, 'packed-refs', MAX_PACKED_REFS);
    const at = packed?.indexOf(` ${ref}\n`) ?? -1;
    if (packed === undefined || at < 0) return undefined;
    const sha = packed.slice(packed.lastIndexOf('\n', at) + 1, at);
    return isFullSha(sha) ? sha.toLowerCase() : undefined;
  } catch {
    // Not a regular file, a symlink, too large, unreadable: git knows what it means.
    return undefined;
  }
}

/** The file's text, undefined when it does not exist; throws on anything unusual. */
function read(gitDir: string, name: string, max: number): string | undefined {
  try {
    return readListedFileSync(path.join(gitDir, name), name, max);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

/** The text without its one trailing newline, when it is exactly one line. */
function oneLine(text: string | undefined): string | undefined {
  const line = text?.endsWith('\n') ? text.slice(0, -1) : text;
  return line === undefined || line.includes('\n') ? undefined : line;
}
