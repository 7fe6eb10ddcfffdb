/**
 * The on-disk layout of the revert scan cache (see scanCache.ts for when each part is used).
 *
 * Per repository two files next to each other:
 * - `<key>.json`, the base: a full state, replaced atomically (temp file, fsync, rename). Three
 *   lines: a small header (version, git dir, maxCount, HEAD, counts), the candidates packed into
 *   one JSON string (`sha date,sha date,…`: one string instead of thousands of tiny arrays parses
 *   ~10× faster), and the detections.
 * - `<key>.delta`, segments appended by incremental scans: one JSON line each, from one HEAD to
 *   the next (the new candidates and detections only), so moving HEAD by a commit writes a few
 *   hundred bytes instead of rewriting megabytes. Segments chain by HEAD: a segment applies only
 *   to the state at its `from`, and any state at a given HEAD is the same (a scan result depends
 *   only on the history, maxCount and this version), so a stale or foreign segment can never be
 *   applied to the wrong state. Appends are not fsynced: a crash can only lose or tear the tail,
 *   and a line that is not a complete, valid, chained segment ends the delta there.
 */
import * as fs from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomicWrite';
import { isFullSha } from '../git/revision';
import type { RevertDetection } from './types';

/** Bump when the file layout or the detector's output changes; older files are then ignored. */
export const SCAN_CACHE_VERSION = 4;

/** What a full scan at `head` returns, plus every candidate (git's order) to merge later scans into. */
export interface ScanState {
  head: string;
  /** Candidate commits in git's order, and their committer dates (epoch ms) at the same index. */
  shas: string[];
  dates: number[];
  /** As the scan yielded them: in candidate order (a subsequence of `shas`) unless the scanner changes its ways. */
  detections: RevertDetection[];
  /** True when `detections` is known to be in candidate order (checked once, when the state was made). */
  ordered?: boolean;
}

/** One incremental scan: the candidates and detections of `from..head`. */
export interface ScanSegment extends ScanState {
  from: string;
}

export interface CacheKey {
  gitDir: string;
  maxCount: number | null;
}

/** Both files as read from disk, decoded only as far as asked (the header and delta are cheap). */
export interface CacheFiles {
  base: { text: string; size: number; mtimeMs: number };
  delta: { text: string; size: number; mtimeMs: number } | undefined;
}

/** A full sha as git prints it (lower case). */
export function isSha(v: unknown): v is string {
  return typeof v === 'string' && isFullSha(v) && v === v.toLowerCase();
}

/** Reads the base and the delta (if any); undefined when the base cannot be read. */
export async function readCacheFiles(basePath: string, deltaPath: string): Promise<CacheFiles | undefined> {
  const [base, delta] = await Promise.all([readWithStat(basePath), readWithStat(deltaPath)]);
  return base ? { base, delta } : undefined;
}

async function readWithStat(file: string): Promise<{ text: string; size: number; mtimeMs: number } | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    // One open for both, so the stat describes the bytes we read.
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    const text = await handle.readFile('utf8');
    return { text, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

interface BaseHeader {
  version: number;
  gitDir: string;
  maxCount: number | null;
  head: string;
  candidates: number;
  detections: number;
  ordered: boolean;
}

/** The base's header line, if it is ours and for this key; undefined means "scan in full". */
export function decodeBaseHeader(text: string, key: CacheKey): BaseHeader | undefined {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  let h: unknown;
  try {
    h = JSON.parse(text.slice(0, end));
  } catch {
    return undefined;
  }
  if (typeof h !== 'object' || h === null) return undefined;
  const o = h as Record<string, unknown>;
  if (o.version !== SCAN_CACHE_VERSION || o.gitDir !== key.gitDir || o.maxCount !== key.maxCount || !isSha(o.head)) return undefined;
  if (!isCount(o.candidates) || !isCount(o.detections) || typeof o.ordered !== 'boolean') return undefined;
  return o as unknown as BaseHeader;
}

/** The base's body (candidates and detections); undefined when truncated or malformed. */
export function decodeBaseBody(text: string, header: BaseHeader): ScanState | undefined {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (second < 0 || !text.endsWith('\n')) return undefined;
  try {
    const packed: unknown = JSON.parse(text.slice(first + 1, second));
    const detections: unknown = JSON.parse(text.slice(second + 1));
    const candidates = unpackCandidates(packed, header.candidates);
    if (!candidates || !isDetectionList(detections, header.detections)) return undefined;
    return { head: header.head, ...candidates, detections, ordered: header.ordered };
  } catch {
    return undefined;
  }
}

/**
 * The delta's segments that chain from `head` onwards, in order. `complete` is false when
 * something after them was unusable (a torn tail, a foreign or broken line): the caller then
 * rewrites the base instead of appending to a damaged file.
 */
export function decodeDelta(text: string, key: CacheKey, head: string): { segments: ScanSegment[]; complete: boolean } {
  const segments: ScanSegment[] = [];
  let at = 0;
  let current = head;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end < 0) return { segments, complete: false };
    const segment = decodeSegment(text.slice(at, end), key);
    if (!segment || segment.from !== current) return { segments, complete: false };
    segments.push(segment);
    current = segment.head;
    at = end + 1;
  }
  return { segments, complete: true };
}

function decodeSegment(line: string, key: CacheKey): ScanSegment | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o.version !== SCAN_CACHE_VERSION || o.maxCount !== key.maxCount || !isSha(o.from) || !isSha(o.head)) return undefined;
  const candidates = unpackCandidates(o.candidates, undefined);
  if (!candidates || !isDetectionList(o.detections, undefined)) return undefined;
  return { from: o.from, head: o.head, ...candidates, detections: o.detections };
}

/** Replaces the base atomically and drops the delta (its segments start from an older state). */
export async function writeBase(basePath: string, deltaPath: string, key: CacheKey, state: ScanState): Promise<void> {
  const header: BaseHeader = {
    version: SCAN_CACHE_VERSION,
    gitDir: key.gitDir,
    maxCount: key.maxCount,
    head: state.head,
    candidates: state.shas.length,
    detections: state.detections.length,
    ordered: state.ordered === true,
  };
  const text = `${JSON.stringify(header)}\n${JSON.stringify(packCandidates(state))}\n${JSON.stringify(state.detections)}\n`;
  await writeFileAtomic(basePath, text);
  // Stale segments would be harmless (they no longer chain from the new HEAD) but cost a read.
  await fs.rm(deltaPath, { force: true });
}

/** Appends one segment line (the caller checked that the delta on disk ends with a whole line). */
export async function appendSegment(deltaPath: string, key: CacheKey, segment: ScanSegment): Promise<void> {
  const line = JSON.stringify({
    version: SCAN_CACHE_VERSION,
    maxCount: key.maxCount,
    from: segment.from,
    head: segment.head,
    candidates: packCandidates(segment),
    detections: segment.detections,
  });
  await fs.appendFile(deltaPath, `${line}\n`, 'utf8');
}

function packCandidates(state: Pick<ScanState, 'shas' | 'dates'>): string {
  return state.shas.map((sha, i) => `${sha} ${state.dates[i]}`).join(',');
}

function unpackCandidates(packed: unknown, expected: number | undefined): Pick<ScanState, 'shas' | 'dates'> | undefined {
  if (typeof packed !== 'string') return undefined;
  const records = packed === '' ? [] : packed.split(',');
  if (expected !== undefined && records.length !== expected) return undefined;
  const shas: string[] = [];
  const dates: number[] = [];
  for (const r of records) {
    const space = r.indexOf(' ');
    // A sha is 40 (SHA-1) or 64 (SHA-256) hex digits; the full regex per record costs more than it buys.
    if (space !== 40 && space !== 64) return undefined;
    shas.push(r.slice(0, space));
    dates.push(Number(r.slice(space + 1)));
  }
  return { shas, dates };
}

function isDetectionList(v: unknown, expected: number | undefined): v is RevertDetection[] {
  return (
    Array.isArray(v) &&
    (expected === undefined || v.length === expected) &&
    v.every((d) => typeof d === 'object' && d !== null && typeof (d as { sha?: unknown }).sha === 'string')
  );
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
