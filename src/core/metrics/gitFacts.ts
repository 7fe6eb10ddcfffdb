import type { SimpleGit } from '../git/runner';
import { isFullSha } from '../git/revision';
import { gitTime } from '../git/gitTime';
import { streamTokens, type GitRunner } from '../revert/gitStream';

/** A time window in seconds since the epoch, as git's `--since-as-filter` and `--until` read it ({@link gitTime}) (a filter, so one commit with an old date cannot end the walk early). */
export interface Window {
  since: number;
  until: number;
}

function windowArgs(w: Window): string[] {
  return [`--since-as-filter=${gitTime(w.since)}`, `--until=${gitTime(w.until)}`];
}

/**
 * Whether HEAD names a commit (false in a repository without commits). Not `HEAD^{commit}`: that
 * makes git read and hash the whole commit object (about 0.6 s for a 100 MB message, #13), and
 * git never lets HEAD point at anything but a commit.
 */
async function hasHead(git: SimpleGit): Promise<boolean> {
  try {
    return (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() !== '';
  } catch {
    return false;
  }
}

/** Commits on HEAD in the window (all, or first-parent only: what landed on the branch). git counts; nothing is listed. */
export async function countCommits(git: SimpleGit, w: Window, firstParent: boolean): Promise<number> {
  if (!(await hasHead(git))) return 0;
  const out = await git.raw(['rev-list', '--count', ...(firstParent ? ['--first-parent'] : []), ...windowArgs(w), 'HEAD', '--']);
  return Number(out.trim()) || 0;
}

/**
 * Shas of commits on HEAD in the window whose subject matches `pattern`. Streamed from one
 * `git log`, so only the matches are kept however long the window is.
 */
export async function matchingSubjects(git: SimpleGit, runner: GitRunner, w: Window, pattern: RegExp): Promise<string[]> {
  if (!(await hasHead(git))) return [];
  const found: string[] = [];
  const word = requiredWord(pattern);
  // git pre-filters on the word the pattern needs (message grep, a superset of subject matches),
  // so a long history or a 100 MB subject is not sent to Node only to be rejected here.
  const grep = word ? ['-i', '--fixed-strings', `--grep=${word}`] : [];
  for await (const tokens of streamTokens(runner, ['log', '--format=%H%x00%s%x00', ...grep, ...windowArgs(w), 'HEAD', '--'], 2, 1000)) {
    for (let i = 0; i + 2 <= tokens.length; i += 2) {
      if (pattern.test(tokens[i + 1])) found.push(tokens[i].trim());
    }
  }
  return found;
}

/**
 * The literal every match of `pattern` contains, for a pattern that is one plain word with
 * optional `\b` on either side (the default `\bhotfix\b`); undefined for anything else.
 */
export function requiredWord(pattern: RegExp): string | undefined {
  return /^(?:\\b)?([A-Za-z0-9][A-Za-z0-9 _-]*)(?:\\b)?$/.exec(pattern.source)?.[1];
}

export interface CommitFacts {
  /** ISO 8601 committer date. */
  date: string;
  /** Paths changed (against the first parent for merges). */
  files: string[];
}

const CHUNK = 200;

/** Committer date and changed paths of each commit; unknown shas are left out. */
export async function commitFacts(git: SimpleGit, shas: Iterable<string>): Promise<Map<string, CommitFacts>> {
  const wanted = [...new Set([...shas].filter(isFullSha))];
  const facts = new Map<string, CommitFacts>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    let out: string;
    try {
      out = await git.raw(['log', '--no-walk=unsorted', '-z', '--name-only', '--diff-merges=first-parent', '--format=%x01%H%x00%cI', '--end-of-options', ...chunk, '--']);
    } catch {
      // One missing object fails the whole chunk (a shallow clone): ask one by one instead.
      out = (await Promise.all(chunk.map((s) => git.raw(['log', '--no-walk', '-z', '--name-only', '--diff-merges=first-parent', '--format=%x01%H%x00%cI', '--end-of-options', s, '--']).catch(() => '')))).join('');
    }
    for (const record of out.split('\x01')) {
      const [sha, date, ...files] = record.split('\0');
      if (!sha || !isFullSha(sha) || !date) continue;
      facts.set(sha, { date, files: files.map((f) => f.replace(/^\n/, '')).filter((f) => f !== '') });
    }
  }
  return facts;
}

/** The work tree root, or undefined for a bare repository (which has no incident files). */
export async function workTreeRoot(git: SimpleGit): Promise<string | undefined> {
  try {
    const root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
    return root === '' ? undefined : root;
  } catch {
    return undefined;
  }
}
