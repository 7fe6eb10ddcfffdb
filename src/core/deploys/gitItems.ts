import { StringDecoder } from 'node:string_decoder';
import { GitCommandError } from '../git/errors';
import { startGit, type GitRunner } from '../git/runner';

/** Streams a git command's output split on `separator` (one character), with `input` on stdin. */
export function readItems(runner: GitRunner, args: string[], input: string, separator: string, onItem: (item: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startGit(runner, args, { flush: false });
    const decoder = new StringDecoder('utf8');
    const stderr: Buffer[] = [];
    // The unfinished item is kept in pieces and joined once its separator arrives: a huge
    // commit message costs one pass, not one copy per chunk.
    let pending: string[] = [];
    const take = (text: string, final: boolean): void => {
      let start = 0;
      for (let end = text.indexOf(separator); end >= 0; end = text.indexOf(separator, start)) {
        pending.push(text.slice(start, end));
        onItem(detachedJoin(pending));
        pending = [];
        start = end + separator.length;
      }
      if (start < text.length) pending.push(text.slice(start));
      if (final && pending.length > 0) onItem(detachedJoin(pending));
    };
    child.stdout.on('data', (chunk: Buffer) => take(decoder.write(chunk), false));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      take(decoder.end(), true);
      if (code === 0) resolve();
      else reject(new GitCommandError(args[0] ?? '', code ?? -1, Buffer.concat(stderr).toString('utf8')));
    });
    child.stdin.end(input);
  });
}

/**
 * The item as a string of its own: a slice would keep the whole 64 KB chunk it came from alive
 * (V8 slices share their parent), and a graph keeps one sha per commit.
 */
function detachedJoin(pieces: string[]): string {
  return pieces.length === 1 ? (pieces[0] + ' ').slice(0, -1) : pieces.join('');
}

/**
 * Streams a git command's output as bytes split on `separator` (one byte), with `input` on stdin.
 * `onItem` sees each item as a view (`bytes[start, end)`) that is valid only during the call
 * unless kept whole: no string is made per item, so a walk of 100,000 commits allocates chunks only.
 */
export function readByteItems(runner: GitRunner, args: string[], input: string | Buffer, separator: number, onItem: (bytes: Buffer, start: number, end: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startGit(runner, args, { flush: false });
    const stderr: Buffer[] = [];
    // The unfinished item's pieces, joined once its separator arrives.
    let pending: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      let start = 0;
      for (let end = chunk.indexOf(separator); end >= 0; end = chunk.indexOf(separator, start)) {
        if (pending.length > 0) {
          pending.push(chunk.subarray(start, end));
          const whole = Buffer.concat(pending);
          pending = [];
          onItem(whole, 0, whole.length);
        } else onItem(chunk, start, end);
        start = end + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    });
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      if (pending.length > 0) {
        const whole = Buffer.concat(pending);
        onItem(whole, 0, whole.length);
      }
      if (code === 0) resolve();
      else reject(new GitCommandError(args[0] ?? '', code ?? -1, Buffer.concat(stderr).toString('utf8')));
    });
    child.stdin.end(input);
  });
}
