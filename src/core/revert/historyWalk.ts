import { streamText, type GitRunner } from './gitStream';
import type { LogCommit } from './types';

/**
 * The candidate filter, applied in Node to every commit of the walk: the JavaScript form of
 * `CANDIDATE_GREP_PATTERNS` (`-E -i`, `[[:blank:]]` = space or tab, so no match spans a line).
 * It is a superset of what the message parser accepts; a property test keeps the two in step.
 */
export const CANDIDATE_FILTER = /revert|reapply|reland|recommit|roll[ \t]*back|back(?:s|ed)?[ \t]*out|undoes/i;

/** Whether a commit message is worth handing to the parser. */
export function isCandidateMessage(subject: string, body: string): boolean {
  return CANDIDATE_FILTER.test(subject) || (body !== '' && CANDIDATE_FILTER.test(body));
}

/**
 * One commit of the walk. Every commit carries what the ancestry search needs (sha, parents,
 * subject); only commits that pass {@link CANDIDATE_FILTER} carry the whole record.
 */
export interface WalkedCommit {
  sha: string;
  /** Parent shas separated by single spaces, as git prints `%P`. */
  parents: string;
  subject: string;
  candidate?: LogCommit;
  /** An excluded parent listed by `--boundary` (never a candidate). */
  boundary?: true;
}

const FIELDS = 7;
/** NUL-separated fields, NUL-terminated record; git adds a newline after each record. */
export const WALK_FORMAT = `--format=${['%H', '%P', '%an', '%ae', '%cI', '%s', '%b'].join('%x00')}%x00`;
/** The same with git's mark before the sha (`-` for a `--boundary` commit, `>` otherwise). */
export const MARKED_WALK_FORMAT = WALK_FORMAT.replace('%H', '%m%H');

/**
 * Streams `git log <args>` (which must print {@link WALK_FORMAT}) and yields the commits of each
 * chunk git writes, in git's order. Nothing but the current chunk is held: a walk of a million
 * commits never sits in memory. Git's own `--grep` is not used: a filtered walk and a walk of
 * every commit cost git the same (it reads every commit object either way), and reading every
 * commit lets one walk serve both the candidate filter and the ancestry search of the links.
 * Breaking out of the loop kills git.
 */
export async function* walkHistory(runner: GitRunner, args: readonly string[]): AsyncGenerator<WalkedCommit[]> {
  const reader = new RecordReader();
  // Not flushed per record (GIT_FLUSH=0): git buffers its output fully. By default git flushes
  // after every commit when writing to a pipe: 100k commits meant ~100k writes of ~700 bytes,
  // and as many wake-ups here.
  for await (const text of streamText(runner, args, false)) {
    const batch = reader.push(text);
    if (batch.length > 0) yield batch;
  }
}

/**
 * Cuts decoded text into records. Text without a NUL (the middle of a very long message) is
 * only collected, so a 10 MB message costs one join, not one rescan per chunk.
 */
export class RecordReader {
  private pending = '';
  private parts: string[] = [];

  push(text: string): WalkedCommit[] {
    if (text === '') return [];
    if (!text.includes('\0')) {
      this.parts.push(text);
      return [];
    }
    let buf: string;
    if (this.parts.length > 0) {
      this.parts.push(text);
      buf = this.pending + this.parts.join('');
      this.parts = [];
    } else {
      buf = this.pending + text;
    }
    const out: WalkedCommit[] = [];
    const ends = new Array<number>(FIELDS);
    let start = 0;
    for (;;) {
      let at = start;
      let complete = true;
      for (let f = 0; f < FIELDS; f++) {
        const nul = buf.indexOf('\0', at);
        if (nul < 0) {
          complete = false;
          break;
        }
        ends[f] = nul;
        at = nul + 1;
      }
      if (!complete) break;
      const commit = toCommit(buf, start, ends);
      if (commit) out.push(commit);
      start = at;
    }
    this.pending = buf.slice(start);
    return out;
  }
}

function toCommit(buf: string, start: number, ends: number[]): WalkedCommit | undefined {
  // Every record after the first starts with the newline git appends to the previous one.
  let shaStart = buf.charCodeAt(start) === 10 ? start + 1 : start;
  // MARKED_WALK_FORMAT: one mark character before the sha.
  const mark = (ends[0] - shaStart) % 2 === 1 ? buf[shaStart++] : '';
  const shaLength = ends[0] - shaStart;
  if (!(shaLength === 40 || shaLength === 64)) return undefined;
  const subject = buf.slice(ends[4] + 1, ends[5]);
  if (mark === '-') return { sha: buf.slice(shaStart, ends[0]), parents: buf.slice(ends[0] + 1, ends[1]), subject, boundary: true };
  const bodyHit = ends[6] > ends[5] + 1 && CANDIDATE_FILTER.test(buf.slice(ends[5] + 1, ends[6]));
  if (!bodyHit && !CANDIDATE_FILTER.test(subject)) {
    return { sha: buf.slice(shaStart, ends[0]), parents: buf.slice(ends[0] + 1, ends[1]), subject };
  }
  // A candidate outlives the chunk it came from (pages, detections, the scan cache): copy its
  // record out, or every candidate's slices would keep a whole chunk of history alive.
  const record = detach(buf.slice(shaStart, ends[6]));
  const at = (i: number): number => ends[i] - shaStart;
  const sha = record.slice(0, at(0));
  const parents = record.slice(at(0) + 1, at(1));
  const candidate: LogCommit = {
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorName: record.slice(at(1) + 1, at(2)),
    authorEmail: record.slice(at(2) + 1, at(3)),
    date: record.slice(at(3) + 1, at(4)),
    subject: record.slice(at(4) + 1, at(5)),
    body: record.slice(at(5) + 1).replace(/\n+$/, ''),
  };
  return { sha, parents, subject: candidate.subject, candidate };
}

/**
 * A copy of `s` that does not share memory with the string it was sliced from (V8 keeps the
 * whole parent alive for a slice). Flattening a concatenation allocates a fresh string.
 */
export function detach(s: string): string {
  return (s + ' ').slice(0, -1);
}
