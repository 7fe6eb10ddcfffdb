/**
 * Revert scans cached per repository on disk, so opening a large repository again (or HEAD
 * moving by a commit) costs a scan of only the new commits instead of the whole history.
 *
 * One JSON file per repository (keyed by its git dir) records the HEAD it was scanned at, the
 * commits git's candidate filter let through (sha and date, in git's order) and the detections
 * among them. When HEAD moved forward (the cached HEAD is an ancestor of the new one), only
 * `cachedHead..newHead` is scanned and merged in; anything else (a rebase, a reset, a branch
 * switch to unrelated history, a different maxCount) is a full scan.
 *
 * Why the merged list equals a full scan: a link is always resolved within the revert's own
 * ancestry, so detections of old commits cannot change when commits are added on top, and new
 * reverts are resolved against the whole history (lookups are not limited to the range). The
 * order is git's walk order: newest committer date first. The two lists are merged by date, which
 * is exactly git's order whenever committer dates do not go backwards along ancestry (clock skew
 * can swap neighbours; the set of detections is the same either way).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { safeConfigArgs } from '../git/createGit';
import { gitRunner, type GitRunner } from './gitStream';
import { RevertScanner } from './revertScanner';
import type { RevertDetection } from './types';

/** Bump when the file layout or the detector's output changes; older files are then ignored. */
export const SCAN_CACHE_VERSION = 1;

export interface CachedScanOptions {
  /** Folder the cache files live in (the extension passes its global storage folder). */
  cacheDir: string;
  /** At most this many candidate commits, as in {@link RevertScanner.scan}. */
  maxCount?: number;
  gitBinary?: string;
}

/** `hit`: HEAD unchanged; `incremental`: only new commits scanned; `full`: whole history scanned. */
export type ScanCacheOutcome = 'hit' | 'incremental' | 'full';

export interface CachedScanResult {
  /** HEAD the detections are for (undefined in a repository without commits). */
  head: string | undefined;
  detections: RevertDetection[];
  outcome: ScanCacheOutcome;
  /** How many candidate commits git had to hand over in this call (0 on a hit). */
  scannedCandidates: number;
}

interface CacheFile {
  version: number;
  gitDir: string;
  head: string;
  maxCount: number | null;
  /** Candidate commits in git's order: [sha, committer date in epoch ms]. */
  candidates: [string, number][];
  detections: RevertDetection[];
}

/**
 * Every revert-like commit reachable from HEAD, newest first, as {@link scanReverts} returns
 * them, reusing and updating the cache in `options.cacheDir`.
 * @throws NotAGitRepositoryError
 */
export async function scanRevertsCached(repoPath: string, options: CachedScanOptions): Promise<CachedScanResult> {
  const scanner = await RevertScanner.open(repoPath, options.gitBinary);
  const runner = gitRunner(repoPath, options.gitBinary);
  const [gitDir, head] = await Promise.all([absoluteGitDir(runner), currentHead(runner)]);
  if (head === undefined) return { head, detections: [], outcome: 'full', scannedCandidates: 0 };
  const maxCount = options.maxCount !== undefined && Number.isFinite(options.maxCount) ? Math.floor(options.maxCount) : null;
  const file = cacheFilePath(options.cacheDir, gitDir);
  const cached = await readCache(file, gitDir, maxCount);

  if (cached?.head === head) {
    return { head, detections: cached.detections, outcome: 'hit', scannedCandidates: 0 };
  }
  const base = cached && (await isAncestor(runner, cached.head, head)) ? cached : undefined;
  const range = base ? `${base.head}..${head}` : head;
  const candidates: [string, number][] = [];
  const found: RevertDetection[] = [];
  for await (const d of scanner.scan({ revRange: range, maxCount: maxCount ?? undefined }, (page) => {
    for (const c of page) candidates.push([c.sha, Date.parse(c.date)]);
  })) {
    found.push(d);
  }

  let entry: CacheFile;
  if (base) {
    const merged = mergeByDate(candidates, base.candidates, maxCount ?? Number.POSITIVE_INFINITY);
    const bySha = new Map<string, RevertDetection>();
    for (const d of base.detections) bySha.set(d.sha, d);
    for (const d of found) bySha.set(d.sha, d);
    const detections = merged.flatMap(([sha]) => bySha.get(sha) ?? []);
    entry = { version: SCAN_CACHE_VERSION, gitDir, head, maxCount, candidates: merged, detections };
  } else {
    entry = { version: SCAN_CACHE_VERSION, gitDir, head, maxCount, candidates, detections: found };
  }
  await writeCache(file, entry);
  return { head, detections: entry.detections, outcome: base ? 'incremental' : 'full', scannedCandidates: candidates.length };
}

/** Removes the cache file of one repository (or every cache file when `repoPath` is omitted). */
export async function clearScanCache(cacheDir: string, repoPath?: string, gitBinary?: string): Promise<void> {
  if (repoPath === undefined) {
    remembered.clear();
    await fs.rm(path.join(cacheDir, CACHE_FOLDER), { recursive: true, force: true });
    return;
  }
  const gitDir = await absoluteGitDir(gitRunner(repoPath, gitBinary));
  remembered.delete(cacheFilePath(cacheDir, gitDir));
  await fs.rm(cacheFilePath(cacheDir, gitDir), { force: true });
}

const CACHE_FOLDER = 'revert-scan';

/** One file per git dir: linked worktrees have their own HEAD and so their own file. */
export function cacheFilePath(cacheDir: string, gitDir: string): string {
  const key = createHash('sha256').update(gitDir).digest('hex').slice(0, 24);
  return path.join(cacheDir, CACHE_FOLDER, `${key}.json`);
}

/** Two newest-first lists merged newest first; on equal dates the newer scan's commit goes first. */
function mergeByDate(fresh: [string, number][], old: [string, number][], limit: number): [string, number][] {
  const out: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < fresh.length || j < old.length)) {
    if (j >= old.length || (i < fresh.length && fresh[i][1] >= old[j][1])) out.push(fresh[i++]);
    else out.push(old[j++]);
  }
  return out;
}

/**
 * The last entry this process wrote or read per file, with the file's size and mtime then.
 * Reading and parsing a multi-megabyte cache (a million-commit history) costs more than the
 * incremental scan itself; a `stat` proves the file is still the one we know.
 */
const remembered = new Map<string, { entry: CacheFile; size: number; mtimeMs: number }>();

async function readCache(file: string, gitDir: string, maxCount: number | null): Promise<CacheFile | undefined> {
  const known = remembered.get(file);
  const stat = await fs.stat(file).catch(() => undefined);
  if (known && stat && stat.size === known.size && stat.mtimeMs === known.mtimeMs) {
    const e = known.entry;
    return e.gitDir === gitDir && e.maxCount === maxCount ? e : undefined;
  }
  remembered.delete(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    // Missing, unreadable or half-written by something other than us: scan afresh.
    return undefined;
  }
  if (!isCacheFile(parsed)) return undefined;
  if (parsed.version !== SCAN_CACHE_VERSION || parsed.gitDir !== gitDir || parsed.maxCount !== maxCount) return undefined;
  if (stat) remembered.set(file, { entry: parsed, size: stat.size, mtimeMs: stat.mtimeMs });
  return parsed;
}

function isCacheFile(v: unknown): v is CacheFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.version === 'number' &&
    typeof o.gitDir === 'string' &&
    typeof o.head === 'string' &&
    /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(o.head) &&
    (o.maxCount === null || typeof o.maxCount === 'number') &&
    Array.isArray(o.candidates) &&
    o.candidates.every((c) => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'number') &&
    Array.isArray(o.detections) &&
    o.detections.every((d) => typeof d === 'object' && d !== null && typeof (d as { sha?: unknown }).sha === 'string')
  );
}

async function writeCache(file: string, entry: CacheFile): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(entry));
    const stat = await fs.stat(file);
    remembered.set(file, { entry, size: stat.size, mtimeMs: stat.mtimeMs });
  } catch {
    // A cache that cannot be written (read-only storage, full disk) only costs a rescan next time.
  }
}

function git(runner: GitRunner, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      runner.binary,
      [...safeConfigArgs(), ...args],
      { cwd: runner.cwd, windowsHide: true, maxBuffer: 1 << 20 },
      (err, stdout) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout: String(stdout) });
      },
    );
  });
}

async function absoluteGitDir(runner: GitRunner): Promise<string> {
  const { code, stdout } = await git(runner, ['rev-parse', '--absolute-git-dir']);
  const dir = stdout.trim();
  if (code !== 0 || dir === '') throw new Error(`cannot find the git folder of ${runner.cwd}`);
  return fs.realpath(dir).catch(() => dir);
}

async function currentHead(runner: GitRunner): Promise<string | undefined> {
  const { code, stdout } = await git(runner, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const sha = stdout.trim();
  return code === 0 && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha : undefined;
}

/** False also when `older` no longer exists (garbage-collected after a rewrite). */
async function isAncestor(runner: GitRunner, older: string, newer: string): Promise<boolean> {
  return (await git(runner, ['merge-base', '--is-ancestor', '--end-of-options', older, newer])).code === 0;
}
