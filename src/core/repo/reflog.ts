import * as fs from 'node:fs/promises';

/** One line of `logs/HEAD`: `<old> <new> <name> <<email>> <unix> <tz>\t<message>`. */
export interface ReflogEntry {
  oldSha: string;
  newSha: string;
  name: string;
  email: string;
  /** Seconds since the epoch. */
  time: number;
  /** The action before the first colon, e.g. `commit`, `revert`, `pull`, `checkout`, `rebase (finish)`. */
  action: string;
  message: string;
}

const LINE = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) (.*?) <([^>]*)> (\d+) [+-]\d{4}\t?(.*)$/;

export function parseReflogLine(line: string): ReflogEntry | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const message = m[6] ?? '';
  const colon = message.indexOf(':');
  return {
    oldSha: m[1],
    newSha: m[2],
    name: m[3],
    email: m[4],
    time: Number(m[5]),
    action: (colon >= 0 ? message.slice(0, colon) : message).trim(),
    message: colon >= 0 ? message.slice(colon + 1).trim() : '',
  };
}

/**
 * How a HEAD movement should be treated. Only movements that add new commits on top of
 * HEAD can bring a revert the user has not seen; checkouts, rebases and resets only move
 * to commits that already existed, so they never prompt.
 */
export type HeadMoveKind = 'new-commits' | 'ignore';

export function classifyHeadMove(entry: ReflogEntry): HeadMoveKind {
  const action = entry.action;
  // `pull --rebase` checks out the upstream first ("(start)"): that step brings the new
  // commits; the picks that follow replay commits the user already had.
  if (/^pull\b/.test(action)) return /\((?!start\))[a-z ]+\)$/.test(action) ? 'ignore' : 'new-commits';
  if (/^(commit|commit \((initial|merge)\)|revert|cherry-pick|am)$/.test(action)) return 'new-commits';
  if (/^merge\b/.test(action)) return 'new-commits';
  return 'ignore';
}

/**
 * Reads the entries appended to a reflog since `offset` (bytes). Reads only the new tail,
 * so a long-lived repository with a huge reflog costs nothing per HEAD movement.
 * When the file shrank (reflog expired or rewritten) it starts over from the end.
 */
export async function readReflogTail(file: string, offset: number): Promise<{ entries: ReflogEntry[]; offset: number }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return { entries: [], offset: 0 };
  }
  try {
    const { size } = await handle.stat();
    if (size < offset) return { entries: [], offset: size };
    if (size === offset) return { entries: [], offset };
    const length = size - offset;
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, offset);
    const text = buffer.toString('utf8');
    // Keep a trailing partial line (git may still be writing) for the next read.
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0) return { entries: [], offset };
    const complete = text.slice(0, lastNewline);
    const entries = complete
      .split('\n')
      .map(parseReflogLine)
      .filter((e): e is ReflogEntry => e !== undefined);
    return { entries, offset: offset + Buffer.byteLength(complete, 'utf8') + 1 };
  } finally {
    await handle.close();
  }
}

/** Size of a file, 0 when it does not exist. */
export async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}
