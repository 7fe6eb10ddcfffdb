/**
 * The deep scan, cached per repository like the message scan (scanCache.ts): the diff walk's
 * detections are kept with the HEAD they are for. When HEAD moved forward, only the new commits
 * look for what they undo, in a walk limited to the paths they touch; anything else (a rebase,
 * a reset, a damaged file) is a full walk. The message scan's own cache answers its part.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { openRepository } from '../git/createGit';
import { DEFAULT_MIN_CONFIDENCE, type RevertDetection } from './types';
import { mergeDeep, walkDiffs } from './deepScan';
import { gitRunner, runGit, type GitRunner } from './gitStream';
import { probeHead } from './headProbe';
import { scanRevertsCached, type ScanCacheOutcome } from './scanCache';

export interface DeepCachedOptions {
  /** Folder the cache files live in (the extension passes its global storage folder). */
  cacheDir: string;
  gitBinary?: string;
  minConfidence?: number;
  signal?: AbortSignal;
  /** Commits read so far by the diff walk. */
  onProgress?: (commits: number) => void;
}

export interface DeepCachedResult {
  head: string | undefined;
  detections: RevertDetection[];
  /** What the diff walk did: nothing (`hit`), only the new commits, or the whole history. */
  outcome: ScanCacheOutcome;
  /** Commits the diff walk read in this call. */
  commitsRead: number;
  /** Commits git could not show (objects missing from a partial clone), left out. */
  unreadable: number;
}

const DEEP_CACHE_VERSION = 1;
const FOLDER = 'revert-deep';
/** More new commits than this are walked in full rather than path by path. */
const MAX_INCREMENTAL = 2000;

interface DeepCacheFile {
  version: number;
  gitDir: string;
  head: string;
  detections: RevertDetection[];
}

/**
 * Reverts by message and by diff (`own-it scan --deep`, the "Deep scan" command), reusing and
 * updating the caches in `options.cacheDir`. Nothing is written when the scan is cancelled.
 * @throws NotAGitRepositoryError
 */
export async function scanRevertsDeepCached(repoPath: string, options: DeepCachedOptions): Promise<DeepCachedResult> {
  const runner = gitRunner(repoPath, options.gitBinary);
  // The message scan (its own cache) runs beside everything the diff walk asks git.
  const messages = scanRevertsCached(repoPath, { cacheDir: options.cacheDir, gitBinary: options.gitBinary });
  messages.catch(() => undefined);
  const repo = await probeHead(runner);
  if (!repo) {
    await openRepository(repoPath, options.gitBinary);
    throw new Error(`cannot find the git folder of ${runner.cwd}`);
  }
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const { head, gitDir } = repo;
  if (head === undefined) return { head, detections: [], outcome: 'full', commitsRead: 0, unreadable: 0 };
  const file = deepCachePath(options.cacheDir, gitDir);
  const cached = await readCache(file, gitDir);
  let diffs: RevertDetection[];
  let outcome: ScanCacheOutcome;
  let commitsRead = 0;
  let unreadable = 0;
  if (cached?.head === head) {
    diffs = cached.detections;
    outcome = 'hit';
  } else {
    const fresh = cached ? await newCommits(runner, cached.head, head) : undefined;
    const walk = !fresh
      ? await walkDiffs(runner, { revRange: head, signal: options.signal, onProgress: options.onProgress })
      : fresh.paths.length === 0
        ? { detections: [], commits: 0, unreadable: 0 }
        : await walkDiffs(runner, { revRange: head, wanting: fresh.shas, wantingSince: fresh.since, paths: fresh.paths, signal: options.signal, onProgress: options.onProgress });
    options.signal?.throwIfAborted();
    commitsRead = walk.commits;
    unreadable = walk.unreadable;
    outcome = fresh && cached ? 'incremental' : 'full';
    diffs = fresh && cached ? [...walk.detections, ...cached.detections.filter((d) => !fresh.shas.has(d.sha))] : walk.detections;
    await writeCache(file, { version: DEEP_CACHE_VERSION, gitDir, head, detections: diffs });
  }
  const merged = mergeDeep((await messages).detections, diffs).filter((d) => d.confidence >= minConfidence);
  return { head, detections: merged, outcome, commitsRead, unreadable };
}

/**
 * The commits in `to` that `from` lacks (merges left out) and the paths they touch, in one git
 * process: undefined when `from` is not an ancestor of `to` (a rebase, a reset, a collected
 * sha) or when there are too many to walk path by path. With `--boundary`, git also lists the
 * excluded parents of those commits: `from` is an ancestor exactly when it is one of them.
 */
async function newCommits(runner: GitRunner, from: string, to: string): Promise<NewCommits | undefined> {
  const args = ['log', '--boundary', '--no-renames', '--format=%x01%m%H %P %ct', '--name-only', `--max-count=${MAX_INCREMENTAL + 1}`, '--end-of-options', `${from}..${to}`, '--'];
  const out = await runGit(runner, args, '').catch(() => undefined);
  if (out === undefined) return undefined;
  const shas = new Set<string>();
  const paths = new Set<string>();
  let descends = false;
  let count = 0;
  let since = Number.POSITIVE_INFINITY;
  for (const record of out.split('\x01').slice(1)) {
    const [line, ...files] = record.split('\n');
    const [mark, rest] = [line[0], line.slice(1).trim().split(' ')];
    const sha = rest[0];
    if (mark === '-') {
      if (sha === from) descends = true;
      continue;
    }
    count++;
    // Merges bring nothing of their own to compare (their sides are listed).
    if (rest.length > 3) continue;
    shas.add(sha);
    since = Math.min(since, Number(rest[rest.length - 1]));
    for (const f of files) if (f !== '') paths.add(f);
  }
  if (!descends || count > MAX_INCREMENTAL) return undefined;
  // A quoted path (unusual characters, core.quotePath) is not a literal pathspec: walk every path then.
  if ([...paths].some((p) => p.startsWith('"'))) return undefined;
  return { shas, paths: [...paths], since };
}

interface NewCommits {
  shas: Set<string>;
  /** The paths they touch (none: nothing to compare). */
  paths: string[];
  /** The oldest committer time among them (seconds). */
  since: number;
}

/** The cache file of one git dir (linked worktrees have their own). */
export function deepCachePath(cacheDir: string, gitDir: string): string {
  const key = createHash('sha256').update(gitDir).digest('hex').slice(0, 24);
  return path.join(cacheDir, FOLDER, `${key}.json`);
}

async function readCache(file: string, gitDir: string): Promise<DeepCacheFile | undefined> {
  try {
    const v = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<DeepCacheFile>;
    if (v.version !== DEEP_CACHE_VERSION || v.gitDir !== gitDir || typeof v.head !== 'string' || !Array.isArray(v.detections)) return undefined;
    if (!v.detections.every((d) => typeof d?.sha === 'string' && Array.isArray(d.reverted))) return undefined;
    return v as DeepCacheFile;
  } catch {
    // Missing or damaged: a full walk rewrites it.
    return undefined;
  }
}

async function writeCache(file: string, data: DeepCacheFile): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(data)}\n`);
}
