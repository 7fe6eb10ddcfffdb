import { GitCommandError } from '../git/errors';
import { startGit, type GitRunner } from '../git/runner';

/** What deploy detection reads from a tag or commit object's header. */
export interface ObjectHead {
  /** `commit`, `tag`, `tree`, `blob`, or `missing` when git has no such object. */
  type: string;
  /** A tag's `object` line: the object it names. */
  target?: string;
  /** A tag's `type` line: the type of the object it names. */
  targetType?: string;
  /** Seconds since the epoch: a tag's tagger date, a commit's committer date; undefined when the line is absent. */
  time?: number;
}

/**
 * The head of each of `shas`, handed to `onHead` in order, from one `git cat-file --batch` read
 * as bytes (nothing is held but the object being read).
 * This replaces `for-each-ref`'s `%(*objectname)`/`%(taggerdate)`/`%(committerdate)` fields: for
 * those git parses and keeps every tag and commit object until its sort is done (116 MB for
 * 50,000 tags), while `cat-file` holds one object at a time.
 */
export function readObjectHeads(runner: GitRunner, shas: readonly string[], onHead: (head: ObjectHead, index: number) => void): Promise<void> {
  if (shas.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = startGit(runner, ['cat-file', '--batch', '--buffer'], { flush: false });
    let read = 0;
    const stderr: Buffer[] = [];
    const reader = new BatchReader((type, content) => onHead(readHead(type, content), read++));
    child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && read === shas.length) resolve();
      else reject(new GitCommandError('cat-file', code ?? -1, Buffer.concat(stderr).toString('utf8') || `${read} of ${shas.length} objects read`));
    });
    child.stdin.end(shas.map((s) => `${s}\n`).join(''));
  });
}

/** Splits `cat-file --batch` output into objects: a `<sha> <type> <size>` line, the content, a newline. */
class BatchReader {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Bytes of content (plus its newline) still expected; -1 while a header line is being read. */
  private want = -1;
  private type = '';

  constructor(private readonly onObject: (type: string, content: Buffer | undefined) => void) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.want < 0) {
        const nl = chunk.indexOf(0x0a, at);
        if (nl < 0) return this.keep(chunk.subarray(at));
        const line = this.take(chunk.subarray(at, nl)).toString('latin1');
        at = nl + 1;
        const [, type = 'missing', size] = line.split(' ');
        if (size === undefined) {
          // `<name> missing` (or `ambiguous`): no content follows.
          this.onObject('missing', undefined);
          continue;
        }
        this.type = type;
        this.want = Number(size) + 1;
        continue;
      }
      const need = this.want - this.pendingLength;
      if (chunk.length - at < need) return this.keep(chunk.subarray(at));
      const content = this.take(chunk.subarray(at, at + need));
      at += need;
      this.want = -1;
      this.onObject(this.type, content.subarray(0, content.length - 1));
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

function readHead(type: string, content: Buffer | undefined): ObjectHead {
  if (content === undefined || (type !== 'tag' && type !== 'commit')) return { type };
  // Header lines are found as bytes; the message after the first empty line is never decoded.
  let headerEnd = content.indexOf(BLANK_LINE);
  if (headerEnd < 0) headerEnd = content.length;
  if (type === 'commit') return { type, time: identTime(content, headerLine(content, COMMITTER, headerEnd)) };
  const object = headerLine(content, OBJECT, headerEnd);
  const targetType = headerLine(content, TYPE, headerEnd);
  return {
    type,
    target: object && content.toString('latin1', object[0], object[1]),
    targetType: targetType && content.toString('latin1', targetType[0], targetType[1]),
    time: identTime(content, headerLine(content, TAGGER, headerEnd)),
  };
}

const BLANK_LINE = Buffer.from('\n\n');
const OBJECT = Buffer.from('object ');
const TYPE = Buffer.from('type ');
const TAGGER = Buffer.from('tagger ');
const COMMITTER = Buffer.from('committer ');

/** [start, end) of the value of the first header line `<key> value`, or undefined. */
function headerLine(content: Buffer, key: Buffer, headerEnd: number): [number, number] | undefined {
  let at = 0;
  while (at < headerEnd) {
    let eol = content.indexOf(0x0a, at);
    if (eol < 0 || eol > headerEnd) eol = headerEnd;
    if (eol - at >= key.length && content.compare(key, 0, key.length, at, at + key.length) === 0) return [at + key.length, eol];
    at = eol + 1;
  }
  return undefined;
}

/**
 * The timestamp of an ident line (`Name <email> 1700000000 +0000`), read as git's date atoms
 * read it: the number after the first `>` and one space; no `>` means no date, no digits mean 0.
 */
function identTime(content: Buffer, value: [number, number] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const close = content.indexOf(0x3e, value[0]); // '>'
  if (close < 0 || close >= value[1]) return undefined;
  let at = close + 2;
  while (at < value[1] && (content[at] === 0x20 || content[at] === 0x09)) at++;
  if (content[at] === 0x2b) at++; // '+'
  let time = 0;
  for (; at < value[1] && content[at] >= 0x30 && content[at] <= 0x39; at++) time = time * 10 + (content[at] - 0x30);
  return time;
}
