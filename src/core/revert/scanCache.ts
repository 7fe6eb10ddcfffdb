/**
 * Revert scans cached per repository on disk, so opening a large repository again (or HEAD
 * moving by a commit) costs a scan of only the new commits instead of the whole history.
 *
 * Per repository (keyed by its git dir) the cache records the HEAD it was scanned at, the
 * commits the candidate filter let through (sha and date, in git's order) and the detections
 * among them: a base file, plus a delta of small segments that incremental scans append (layout
 * and crash safety in scanCacheFile.ts). When HEAD moved forward (the cached HEAD is an ancestor
 * of the new one), only `cachedHead..newHead` is scanned and merged in; anything else (a rebase,
 * a reset, a branch switch to unrelated history, a different maxCount, a damaged file) is a full
 * scan.
 *
 * Why the merged list equals a full scan: a link is always resolved within the revert's own
 * ancestry, so detections of old commits cannot change when commits are added on top, and new
 * reverts are resolved against the whole history (lookups are not limited to the range). The
 * order is git's walk order: newest committer date first. The two lists are merged by date, which
 * is exactly git's order whenever committer dates do not go backwards along ancestry (clock skew
 * can swap neighbours; the set of detections is the same either way).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { assertUsableGit } from '../git/createGit';
import { headFromFiles } from '../git/headFiles';
import { gitRunner } from './gitStream';
import { isAncestor, probeHead } from './headProbe';
import { RevertScanner } from './revertScanner';
import {
  appendSegment,
  decodeBaseBody,
  decodeBaseHeader,
  decodeDelta,
  readCacheFiles,
  writeBase,
  type CacheKey,
  type ScanSegment,
  type ScanState,
} from './scanCacheFile';
import type { RevertDetection } from './types';

export { SCAN_CACHE_VERSION } from './scanCacheFile';

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

/**
 * Segments the delta may hold before an incremental scan rewrites the base instead. Each one
 * costs every later load a parse and a merge (well under a millisecond for a one-commit segment
 * at 13k cached candidates), while a base rewrite costs as much as serializing and fsyncing the
 * whole cache (~25 ms at 1M commits): one in 8 incremental scans pays that.
 */
const MAX_SEGMENTS = 8;
/** A delta larger than this (or than an eighth of the base) is folded into the base too. */
const MAX_DELTA_BYTES = 64 * 1024;

/**
 * Every revert-like commit reachable from HEAD, newest first, as {@link scanReverts} returns
 * them, reusing and updating the cache in `options.cacheDir`.
 * @throws NotAGitRepositoryError
 */
export async function scanRevertsCached(repoPath: string, options: CachedScanOptions): Promise<CachedScanResult> {
  // git's version check (once per process and binary) runs beside our rev-parse and cache read.
  const usable = assertUsableGit(options.gitBinary || 'git');
  usable.catch(() => undefined);
  const maxCount = options.maxCount !== undefined && Number.isFinite(options.maxCount) ? Math.floor(options.maxCount) : null;
  const limit = maxCount ?? Number.POSITIVE_INFINITY;
  // Our rev-parse (or a git dir found by one before) has found the repository: the scanner needs no second one of its own.
  const scanner = RevertScanner.forRepository(repoPath, options.gitBinary);
  const found = await locate(scanner, options.cacheDir, maxCount, limit);
  if (!found) {
    // Not a repository, or no git to run: RevertScanner.open says precisely which.
    await RevertScanner.open(repoPath, options.gitBinary);
    throw new Error(`cannot find the git folder of ${scanner.runner.cwd}`);
  }
  await usable;
  const { head, key, files, cached } = found;
  if (head === undefined) return { head, detections: [], outcome: 'full', scannedCandidates: 0 };
  if (cached?.state.head === head) {
    return { head, detections: cached.state.detections, outcome: 'hit', scannedCandidates: 0 };
  }
  // Only the commits since the cached HEAD when it is an ancestor (the early scan checks that itself).
  let fresh = cached && (await found.early);
  const base = fresh && cached;
  fresh ||= await scanNew(scanner, head, undefined, maxCount);

  if (!base) {
    isOrdered(fresh);
    await saveFull(files, key, fresh);
    return { head, detections: fresh.detections, outcome: 'full', scannedCandidates: fresh.shas.length };
  }
  const merged = mergeStates(base.state, fresh, limit);
  await saveIncremental(files, key, base, { ...fresh, from: base.state.head }, merged);
  return { head, detections: merged.detections, outcome: 'incremental', scannedCandidates: fresh.shas.length };
}

/** Candidates a range scan may collect before git is asked beside it whether the range still descends from the cache. */
const UNCHECKED_CANDIDATES = 16;

/**
 * Scans `from..head`, or the whole history without `from`. Whether `from` is an ancestor of
 * `head` is not known yet: the walk answers it (`--boundary` lists `from` exactly when it is), and
 * undefined means it is not (or git could not walk from it: collected).
 */
function scanNew(scanner: RevertScanner, head: string, from: undefined, maxCount: number | null): Promise<ScanState>;
function scanNew(scanner: RevertScanner, head: string, from: string, maxCount: number | null): Promise<ScanState | undefined>;
async function scanNew(scanner: RevertScanner, head: string, from: string | undefined, maxCount: number | null): Promise<ScanState | undefined> {
  const fresh: ScanState = { head, shas: [], dates: [], detections: [] };
  const query = { revRange: from ? `${from}..${head}` : head, maxCount: maxCount ?? undefined, boundary: !!from };
  let descends = !from;
  // A branch switch is not an ancestor either, and its range may hold many reverts: once it
  // does, git is asked beside the walk, so their links are not all resolved only to be dropped.
  let asked: Promise<boolean> | undefined;
  const ask = (): Promise<boolean> => (asked ??= isAncestor(scanner.runner, from ?? head, head));
  try {
    for await (const d of scanner.scan(
      query,
      (page) => {
        for (const c of page) {
          fresh.shas.push(c.sha);
          fresh.dates.push(Date.parse(c.date));
        }
        if (!descends && fresh.shas.length > UNCHECKED_CANDIDATES) ask().catch(() => undefined);
      },
      (sha) => (descends ||= sha === from),
    )) {
      if (asked && !descends && !(await asked)) return undefined;
      fresh.detections.push(d);
    }
  } catch (err) {
    if (from) return undefined;
    throw err;
  }
  // A walk cut short by maxCount never reaches the boundary; an empty range has none.
  return descends || (await ask()) ? fresh : undefined;
}

interface Located {
  scanner: RevertScanner;
  head: string | undefined;
  key: CacheKey;
  files: CachePaths;
  cached: LoadedCache | undefined;
  /** The scan of the commits since the cached HEAD, started as soon as that was read: undefined when they do not descend from it. */
  early?: Promise<ScanState | undefined>;
}

/**
 * The git dir of each repository path this process has seen, so that HEAD can be read from the
 * git dir's files (headFiles.ts) instead of asking git; a path whose files say nothing plain (a
 * linked worktree on a branch, for one) asks git each time.
 */
const knownGitDirs = new Map<string, string>();
/**
 * The paths (keys of {@link knownGitDirs}) whose git dir is their own `.git` folder or, bare,
 * themselves: only their HEAD is read from files. A folder inside another repository may get a
 * repository of its own (`git init`), which the outer git dir's files would never show.
 */
const ownGitDirs = new Set<string>();

/**
 * HEAD and the cache, in as few git processes as possible: with a known git dir, none (HEAD from
 * its files), otherwise one rev-parse. The scan of `cached..HEAD` starts as soon as the cached
 * HEAD is read, while the rest of the cache is parsed, and its own walk says whether the cache
 * is an ancestor (no merge-base). Undefined outside a repository.
 */
async function locate(scanner: RevertScanner, cacheDir: string, maxCount: number | null, limit: number): Promise<Located | undefined> {
  const runner = scanner.runner;
  const memo = `${runner.binary}\0${runner.cwd}`;
  let gitDir = knownGitDirs.get(memo);
  let head = gitDir !== undefined && ownGitDirs.has(memo) ? headFromFiles(gitDir) : undefined;
  if (gitDir === undefined || head === undefined) {
    const repo = await probeHead(runner);
    if (!repo) return undefined;
    if (repo.gitDir !== gitDir) {
      const real = await fs.realpath(runner.cwd).catch(() => runner.cwd);
      if (repo.gitDir === real || repo.gitDir === path.join(real, '.git')) ownGitDirs.add(memo);
      else ownGitDirs.delete(memo);
    }
    knownGitDirs.set(memo, (gitDir = repo.gitDir));
    head = repo.head;
  }
  const key: CacheKey = { gitDir, maxCount };
  const files = cachePaths(cacheDir, gitDir);
  if (head === undefined) return { scanner, head, key, files, cached: undefined };
  const found = head;
  let early: Promise<ScanState | undefined> | undefined;
  const cached = await loadCache(files, key, limit, (cachedHead) => {
    if (cachedHead !== found) (early = scanNew(scanner, found, cachedHead, maxCount)).catch(() => undefined);
  });
  return { scanner, head, key, files, cached, early };
}

/** Removes the cache of one repository (or every cache file when `repoPath` is omitted). */
export async function clearScanCache(cacheDir: string, repoPath?: string, gitBinary?: string): Promise<void> {
  if (repoPath === undefined) {
    remembered.clear();
    await fs.rm(path.join(cacheDir, CACHE_FOLDER), { recursive: true, force: true });
    return;
  }
  const runner = gitRunner(repoPath, gitBinary);
  const repo = await probeHead(runner);
  if (!repo) throw new Error(`cannot find the git folder of ${runner.cwd}`);
  const files = cachePaths(cacheDir, repo.gitDir);
  remembered.delete(files.base);
  await Promise.all([fs.rm(files.base, { force: true }), fs.rm(files.delta, { force: true })]);
}

const CACHE_FOLDER = 'revert-scan';

/** The base file of one git dir: linked worktrees have their own HEAD and so their own cache. */
export function cacheFilePath(cacheDir: string, gitDir: string): string {
  const key = createHash('sha256').update(gitDir).digest('hex').slice(0, 24);
  return path.join(cacheDir, CACHE_FOLDER, `${key}.json`);
}

interface CachePaths {
  base: string;
  delta: string;
}

function cachePaths(cacheDir: string, gitDir: string): CachePaths {
  const base = cacheFilePath(cacheDir, gitDir);
  return { base, delta: base.replace(/\.json$/, '.delta') };
}

/**
 * Two newest-first scans merged newest first, cut at `limit` candidates; on equal dates the
 * newer scan's commit goes first. Detections follow their candidates. The new scan is short:
 * once it is used up, the rest of the old lists is copied in one piece instead of entry by entry.
 */
function mergeStates(old: ScanState, fresh: ScanState, limit: number): ScanState {
  const shas: string[] = [];
  const dates: number[] = [];
  const detections: RevertDetection[] = [];
  const oldCursor = new DetectionCursor(old);
  const freshCursor = new DetectionCursor(fresh);
  let i = 0;
  let j = 0;
  while (shas.length < limit && (i < fresh.shas.length || j < old.shas.length)) {
    if (i >= fresh.shas.length && limit === Number.POSITIVE_INFINITY) {
      const rest = oldCursor.rest();
      if (rest) {
        return { head: fresh.head, shas: shas.concat(old.shas.slice(j)), dates: dates.concat(old.dates.slice(j)), detections: detections.concat(rest), ordered: true };
      }
    }
    const fromFresh = j >= old.shas.length || (i < fresh.shas.length && fresh.dates[i] >= old.dates[j]);
    const sha = fromFresh ? fresh.shas[i] : old.shas[j];
    shas.push(sha);
    dates.push(fromFresh ? fresh.dates[i++] : old.dates[j++]);
    const d = fromFresh ? freshCursor.take(sha) : oldCursor.take(sha);
    if (d) detections.push(d);
  }
  // Every detection went in with its candidate (or, in one piece, the ordered rest of `old`).
  return { head: fresh.head, shas, dates, detections, ordered: true };
}

/**
 * The detection of each candidate, asked in candidate order. Detections are stored in
 * candidate order, so a cursor does (no map of thousands of shas); a list in another order
 * (the scanner is free to yield differently) falls back to a map.
 */
class DetectionCursor {
  private next = 0;
  private readonly bySha: Map<string, RevertDetection> | undefined;

  constructor(private readonly state: ScanState) {
    this.bySha = isOrdered(state) ? undefined : new Map(state.detections.map((d) => [d.sha, d]));
  }

  take(sha: string): RevertDetection | undefined {
    if (this.bySha) return this.bySha.get(sha);
    const list = this.state.detections;
    return this.next < list.length && list[this.next].sha === sha ? list[this.next++] : undefined;
  }

  /** The detections of every candidate not asked yet, when they are in candidate order. */
  rest(): RevertDetection[] | undefined {
    return this.bySha ? undefined : this.state.detections.slice(this.next);
  }
}

/**
 * Whether the detections are in candidate order. Checked once per state, when a scan made it
 * (13k string comparisons take ~1.5 ms, more than the rest of a merge); states the cache
 * builds or reads carry the answer.
 */
function isOrdered(state: ScanState): boolean {
  if (state.ordered === undefined) {
    const list = state.detections;
    let k = 0;
    for (const sha of state.shas) if (k < list.length && list[k].sha === sha) k++;
    state.ordered = k === list.length;
  }
  return state.ordered;
}

interface LoadedCache {
  state: ScanState;
  /** Segments after the base, the delta's size, and whether it ends cleanly (may be appended to). */
  segments: number;
  deltaBytes: number;
  appendable: boolean;
  baseBytes: number;
  /** Size and mtime of both files as read (the delta's undefined when absent). */
  stamps: { base: Stamp; delta: Stamp | undefined };
}

interface Stamp {
  size: number;
  mtimeMs: number;
}

/**
 * The last state this process wrote or read per base file, with both files' stamps then.
 * Reading and parsing a multi-megabyte cache (a million-commit history) costs more than the
 * incremental scan itself; a `stat` of each file proves they are still the ones we know.
 */
const remembered = new Map<string, { key: CacheKey; loaded: LoadedCache }>();

/** The cached state (base plus chained segments), or undefined when there is none usable. */
async function loadCache(files: CachePaths, key: CacheKey, limit: number, onHead: (head: string) => void): Promise<LoadedCache | undefined> {
  const known = remembered.get(files.base);
  if (known) {
    const [base, delta] = await Promise.all([stamp(files.base), stamp(files.delta)]);
    const s = known.loaded.stamps;
    if (base && sameStamp(base, s.base) && (delta === undefined ? s.delta === undefined : s.delta !== undefined && sameStamp(delta, s.delta))) {
      if (known.key.gitDir !== key.gitDir || known.key.maxCount !== key.maxCount) return undefined;
      onHead(known.loaded.state.head);
      return known.loaded;
    }
    remembered.delete(files.base);
  }
  const read = await readCacheFiles(files.base, files.delta);
  if (!read) return undefined;
  const header = decodeBaseHeader(read.base.text, key);
  if (!header) return undefined;
  const delta = read.delta ? decodeDelta(read.delta.text, key, header.head) : { segments: [], complete: true };
  onHead(delta.segments.at(-1)?.head ?? header.head);
  const baseState = decodeBaseBody(read.base.text, header);
  if (!baseState) return undefined;
  let state = baseState;
  for (const segment of delta.segments) state = mergeStates(state, segment, limit);
  const loaded: LoadedCache = {
    state,
    segments: delta.segments.length,
    deltaBytes: read.delta?.size ?? 0,
    appendable: delta.complete,
    baseBytes: read.base.size,
    // Only size and mtime: the text itself is not kept alive.
    stamps: { base: { size: read.base.size, mtimeMs: read.base.mtimeMs }, delta: read.delta && { size: read.delta.size, mtimeMs: read.delta.mtimeMs } },
  };
  remembered.set(files.base, { key, loaded });
  return loaded;
}

async function saveFull(files: CachePaths, key: CacheKey, state: ScanState): Promise<void> {
  remembered.delete(files.base);
  try {
    await fs.mkdir(path.dirname(files.base), { recursive: true });
    await writeBase(files.base, files.delta, key, state);
    const base = await stamp(files.base);
    if (!base) return;
    const loaded: LoadedCache = { state, segments: 0, deltaBytes: 0, appendable: true, baseBytes: base.size, stamps: { base, delta: undefined } };
    remembered.set(files.base, { key, loaded });
  } catch {
    // A cache that cannot be written (read-only storage, full disk) only costs a rescan next time.
  }
}

/** Appends the new segment, or folds everything into a new base when the delta is long or damaged. */
async function saveIncremental(files: CachePaths, key: CacheKey, cached: LoadedCache, segment: ScanSegment, merged: ScanState): Promise<void> {
  const fits = cached.appendable && cached.segments < MAX_SEGMENTS && cached.deltaBytes < Math.max(MAX_DELTA_BYTES, cached.baseBytes / 8);
  if (!fits) return saveFull(files, key, merged);
  remembered.delete(files.base);
  try {
    await appendSegment(files.delta, key, segment);
    const delta = await stamp(files.delta);
    if (!delta) return;
    const loaded: LoadedCache = { ...cached, state: merged, segments: cached.segments + 1, deltaBytes: delta.size, stamps: { base: cached.stamps.base, delta } };
    remembered.set(files.base, { key, loaded });
  } catch {
    // As above: the next call reads what is on disk (or scans in full).
  }
}

async function stamp(file: string): Promise<Stamp | undefined> {
  const s = await fs.stat(file).catch(() => undefined);
  return s && { size: s.size, mtimeMs: s.mtimeMs };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
