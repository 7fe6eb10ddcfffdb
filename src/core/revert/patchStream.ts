/**
 * Reads `git log -p` output one commit at a time. Every record starts with \x01 (put there by
 * `--format=%x01…`), then the header fields, a NUL, and the patch. Only the current record is
 * held, and a record larger than `maxRecord` keeps its header but drops its patch (a vendored
 * drop of 100 MB is not compared), so memory stays flat however long the walk is.
 */
import { streamText, type GitRunner } from './gitStream';

export interface PatchRecord {
  /** The header fields of `--format` (after %x01, up to the first NUL), split on NUL. */
  header: string[];
  /** The patch text; empty when the record was larger than allowed (`oversized`). */
  patch: string;
  oversized: boolean;
}

export interface PatchStreamOptions {
  /** Header fields between %x01 and the patch, each ended by %x00. */
  fields: number;
  /** Characters of one record above which its patch is dropped (default 8 M). */
  maxRecord?: number;
  /** Characters read in all after which the walk stops (default unbounded). */
  maxTotal?: number;
  signal?: AbortSignal;
  /**
   * `git log` stops at the first object it cannot read (a partial clone without the blob, a
   * damaged pack). Up to this many times (default 0) the walk then starts again past the
   * commit it failed on (`--skip`), which is left out.
   */
  retries?: number;
  /** Called each time a commit is skipped that way. */
  onRetry?: () => void;
}

const DEFAULT_MAX_RECORD = 8 * 1024 * 1024;

/** Streams the commits of `git log <args…>` (args[0] is `log`); breaking out of the loop stops git. */
export async function* patchRecords(runner: GitRunner, args: readonly string[], options: PatchStreamOptions): AsyncGenerator<PatchRecord> {
  let retries = options.retries ?? 0;
  let skip = 0;
  for (;;) {
    let read = 0;
    try {
      const walk = skip === 0 ? args : [args[0], `--skip=${skip}`, ...args.slice(1)];
      for await (const r of records(runner, walk, options)) {
        read++;
        yield r;
      }
      return;
    } catch (err) {
      options.signal?.throwIfAborted();
      if (retries-- <= 0) throw err;
      skip += read + 1;
      options.onRetry?.();
    }
  }
}

async function* records(runner: GitRunner, args: readonly string[], options: PatchStreamOptions): AsyncGenerator<PatchRecord> {
  const maxRecord = options.maxRecord ?? DEFAULT_MAX_RECORD;
  const maxTotal = options.maxTotal ?? Number.POSITIVE_INFINITY;
  let parts: string[] = [];
  let size = 0;
  let oversized = false;
  let started = false;
  let read = 0;
  const take = (): PatchRecord | undefined => {
    const text = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    size = 0;
    const wasOversized = oversized;
    oversized = false;
    return toRecord(text, options.fields, wasOversized);
  };
  for await (const chunk of streamText(runner, args, false, options.signal)) {
    read += chunk.length;
    let start = 0;
    for (let at = chunk.indexOf('\x01'); at >= 0; at = chunk.indexOf('\x01', start)) {
      add(chunk.slice(start, at));
      if (started) {
        const r = take();
        if (r) yield r;
      }
      started = true;
      start = at + 1;
    }
    add(chunk.slice(start));
    if (read > maxTotal) return;
  }
  if (started) {
    const r = take();
    if (r) yield r;
  }

  function add(piece: string): void {
    if (piece === '' || !started) return;
    if (oversized) {
      // Keep only the start: the header is at the front.
      if (size < 4096) {
        parts.push(piece.slice(0, 4096));
        size += Math.min(piece.length, 4096);
      }
      return;
    }
    parts.push(piece);
    size += piece.length;
    if (size > maxRecord) {
      const head = parts.join('').slice(0, 4096);
      parts = [head];
      size = head.length;
      oversized = true;
    }
  }
}

function toRecord(text: string, fields: number, oversized: boolean): PatchRecord | undefined {
  const header: string[] = [];
  let at = 0;
  for (let f = 0; f < fields; f++) {
    const nul = text.indexOf('\0', at);
    if (nul < 0) return undefined;
    header.push(text.slice(at, nul));
    at = nul + 1;
  }
  return { header, patch: oversized ? '' : text.slice(at), oversized };
}
