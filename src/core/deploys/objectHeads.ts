import { GitCommandError } from '../git/errors';
import { startGit, type GitRunner } from '../git/runner';
import { bytesAt } from './bytes';

/**
 * What deploy detection reads from a tag or commit object's header. One object is reused for
 * every head read (50,000 tags: no object, array or string per tag); read it during the callback.
 */
export interface ObjectHead {
  /** `commit`, `tag`, `tree`, `blob`, or `missing` when git has no such object. */
  type: string;
  /** The object's content is `content[start, end)`; undefined for a missing object. */
  content: Buffer | undefined;
  start: number;
  end: number;
  /** A tag's `object` line: the object it names, as `[targetStart, targetEnd)` of {@link content}; -1 when absent. */
  targetStart: number;
  targetEnd: number;
  /** A tag's `type` line: the type of the object it names. */
  targetType: string | undefined;
  /** Seconds since the epoch: a tag's tagger date, a commit's committer date; undefined when the line is absent. */
  time: number | undefined;
}

/**
 * The head of each of the `count` object names in `input` (one a line), handed to `onHead` in
 * order, from one `git cat-file --batch` read as bytes (nothing is held but the object being read).
 * This replaces `for-each-ref`'s `%(*objectname)`/`%(taggerdate)`/`%(committerdate)` fields: for
 * those git parses and keeps every tag and commit object until its sort is done (116 MB for
 * 50,000 tags), while `cat-file` holds one object at a time.
 */
export function readObjectHeads(runner: GitRunner, input: string | Buffer, count: number, onHead: (head: Readonly<ObjectHead>, index: number) => void): Promise<void> {
  if (count === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = startGit(runner, ['cat-file', '--batch', '--buffer'], { flush: false });
    let read = 0;
    const stderr: Buffer[] = [];
    const head: ObjectHead = { type: '', content: undefined, start: 0, end: 0, targetStart: -1, targetEnd: -1, targetType: undefined, time: undefined };
    const reader = new BatchReader((type, content, start, end) => onHead(readHead(head, type, content, start, end), read++));
    child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && read === count) resolve();
      else reject(new GitCommandError('cat-file', code ?? -1, Buffer.concat(stderr).toString('utf8') || `${read} of ${count} objects read`));
    });
    // The names, one a line: a string, or the bytes as they were read from for-each-ref.
    child.stdin.end(input);
  });
}

/** Splits `cat-file --batch` output into objects: a `<sha> <type> <size>` line, the content, a newline. */
class BatchReader {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Bytes of content (plus its newline) still expected; -1 while a header line is being read. */
  private want = -1;
  private type = '';

  constructor(private readonly onObject: (type: string, content: Buffer | undefined, start: number, end: number) => void) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.want < 0) {
        const nl = chunk.indexOf(0x0a, at);
        if (nl < 0) return this.keep(chunk.subarray(at));
        let line = chunk;
        let start = at;
        let end = nl;
        if (this.pending.length > 0) {
          line = this.take(chunk.subarray(at, nl));
          start = 0;
          end = line.length;
        }
        at = nl + 1;
        // `<name> <type> <size>`, or `<name> missing` (or `ambiguous`) with no content after it.
        const s1 = line.indexOf(0x20, start);
        const s2 = s1 < 0 || s1 >= end ? -1 : line.indexOf(0x20, s1 + 1);
        if (s2 < 0 || s2 >= end) {
          this.onObject('missing', undefined, 0, 0);
          continue;
        }
        this.type = typeName(line, s1 + 1, s2);
        let size = 0;
        for (let i = s2 + 1; i < end; i++) size = size * 10 + (line[i] - 0x30);
        this.want = size + 1;
        continue;
      }
      const need = this.want - this.pendingLength;
      if (chunk.length - at < need) return this.keep(chunk.subarray(at));
      this.want = -1;
      if (this.pending.length === 0) {
        this.onObject(this.type, chunk, at, at + need - 1);
      } else {
        const content = this.take(chunk.subarray(at, at + need));
        this.onObject(this.type, content, 0, content.length - 1);
      }
      at += need;
    }
  }

  private keep(piece: Buffer): void {
    this.pending.push(piece);
    this.pendingLength += piece.length;
  }

  /** The pending pieces followed by `last`, as one buffer; clears the pending pieces. */
  private take(last: Buffer): Buffer {
    if (this.pending.length === 0) return last;
    const whole = Buffer.concat([...this.pending, last]);
    this.pending = [];
    this.pendingLength = 0;
    return whole;
  }
}

const TYPES = ['commit', 'tag', 'tree', 'blob'].map((name) => ({ name, bytes: Buffer.from(name) }));

/** The object type at `bytes[start, end)`: one of the four names without making a string, else decoded. */
function typeName(bytes: Buffer, start: number, end: number): string {
  for (const t of TYPES) if (t.bytes.length === end - start && bytesAt(bytes, start, t.bytes)) return t.name;
  return bytes.toString('latin1', start, end);
}

function readHead(head: ObjectHead, type: string, content: Buffer | undefined, start: number, end: number): ObjectHead {
  head.type = type;
  head.content = content;
  head.start = start;
  head.end = end;
  head.targetStart = head.targetEnd = -1;
  head.targetType = undefined;
  head.time = undefined;
  if (content === undefined || (type !== 'tag' && type !== 'commit')) return head;
  // Header lines are found as bytes; the message after the first empty line is never read.
  let headerEnd = content.indexOf(BLANK_LINE, start);
  if (headerEnd < 0 || headerEnd > end) headerEnd = end;
  if (type === 'commit') {
    const committer = headerLine(content, COMMITTER, start, headerEnd);
    if (committer >= 0) head.time = identTime(content, committer, lineEnd(content, committer, headerEnd));
    return head;
  }
  const object = headerLine(content, OBJECT, start, headerEnd);
  if (object >= 0) {
    head.targetStart = object;
    head.targetEnd = lineEnd(content, object, headerEnd);
  }
  const targetType = headerLine(content, TYPE, start, headerEnd);
  if (targetType >= 0) head.targetType = typeName(content, targetType, lineEnd(content, targetType, headerEnd));
  const tagger = headerLine(content, TAGGER, start, headerEnd);
  if (tagger >= 0) head.time = identTime(content, tagger, lineEnd(content, tagger, headerEnd));
  return head;
}

const BLANK_LINE = Buffer.from('\n\n');
const OBJECT = Buffer.from('object ');
const TYPE = Buffer.from('type ');
const TAGGER = Buffer.from('tagger ');
const COMMITTER = Buffer.from('committer ');

/** Where the value of the first header line `<key> value` in `content[start, headerEnd)` starts, or -1. */
function headerLine(content: Buffer, key: Buffer, start: number, headerEnd: number): number {
  let at = start;
  while (at < headerEnd) {
    const eol = lineEnd(content, at, headerEnd);
    if (eol - at >= key.length && bytesAt(content, at, key)) return at + key.length;
    at = eol + 1;
  }
  return -1;
}

/** The end of the line at `at` (its newline, or `headerEnd`). */
function lineEnd(content: Buffer, at: number, headerEnd: number): number {
  const eol = content.indexOf(0x0a, at);
  return eol < 0 || eol > headerEnd ? headerEnd : eol;
}

/**
 * The timestamp of an ident line's value `content[start, end)` (`Name <email> 1700000000 +0000`),
 * read as git's date atoms read it: the number after the first `>` and one space; no `>` means
 * no date, no digits mean 0.
 */
function identTime(content: Buffer, start: number, end: number): number | undefined {
  const close = content.indexOf(0x3e, start); // '>'
  if (close < 0 || close >= end) return undefined;
  let at = close + 2;
  while (at < end && (content[at] === 0x20 || content[at] === 0x09)) at++;
  if (content[at] === 0x2b) at++; // '+'
  let time = 0;
  for (; at < end && content[at] >= 0x30 && content[at] <= 0x39; at++) time = time * 10 + (content[at] - 0x30);
  return time;
}
