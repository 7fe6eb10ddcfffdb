import type { SimpleGit } from 'simple-git';
import { assertSafeRevision } from '../git/revision';

/** One commit as read from `git log`. */
export interface LogCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 committer date. */
  date: string;
  subject: string;
  body: string;
}

/**
 * Candidate filter handed to git (`-E -i`, several `--grep` are OR'd). It is a superset of
 * what the message parser accepts: every rule there needs one of these words, and a property
 * test keeps the two in step. Anything git lets through is decided by the parser.
 */
export const CANDIDATE_GREP_PATTERNS: readonly string[] = [
  'revert',
  'reapply',
  'roll[[:blank:]]*back',
  'back(s|ed)?[[:blank:]]*out',
];

const FIELDS = 7;
/** NUL-separated fields, NUL-terminated record; git adds a newline after each record. */
const LOG_FORMAT = `--format=${['%H', '%P', '%an', '%ae', '%cI', '%s', '%b'].join('%x00')}%x00`;
const PAGE_SIZE = 200;

export interface HistoryQuery {
  /** An ISO date (dates without a zone are read as JavaScript reads them) or git's relative forms ("2 weeks ago"). */
  since?: string;
  /** At most this many candidate commits (git's own `--max-count` after `--grep`). */
  maxCount?: number;
  /** Revision or range to walk (default HEAD), e.g. `A..B` to scan only new commits. */
  revRange?: string;
}

/**
 * Yields candidate commits page by page (newest first), so a long history is never held in
 * memory at once: each page is a separate `git log --skip=N -n PAGE` whose output git has
 * already filtered with {@link CANDIDATE_GREP_PATTERNS}.
 */
export async function* readCandidatePages(git: SimpleGit, query: HistoryQuery = {}): AsyncGenerator<LogCommit[]> {
  const rev = query.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  if (query.since !== undefined && (query.since.trim() === '' || query.since.includes('\0'))) {
    throw new Error('since must be a non-empty date');
  }
  if (rev === 'HEAD' && !(await hasHead(git))) return;
  const limit = query.maxCount ?? Number.POSITIVE_INFINITY;
  let read = 0;
  while (read < limit) {
    const pageSize = Math.min(PAGE_SIZE, limit - read);
    const args = ['log', LOG_FORMAT, '-E', '-i', ...CANDIDATE_GREP_PATTERNS.map((p) => `--grep=${p}`)];
    if (query.since !== undefined) args.push(`--since=${gitDate(query.since)}`);
    args.push(`--skip=${read}`, `--max-count=${pageSize}`, '--end-of-options', rev, '--');
    const page = parseLog(await git.raw(args));
    if (page.length > 0) yield page;
    read += page.length;
    if (page.length < pageSize) return;
  }
}

/** Reads one commit (already resolved to a full sha). */
export async function readCommit(git: SimpleGit, sha: string): Promise<LogCommit | undefined> {
  assertSafeRevision(sha);
  return parseLog(await git.raw(['log', LOG_FORMAT, '--no-walk', '--max-count=1', '--end-of-options', sha, '--']))[0];
}

/** Parses output produced with {@link LOG_FORMAT}. */
export function parseLog(output: string): LogCommit[] {
  const tokens = output.split('\0');
  const commits: LogCommit[] = [];
  for (let i = 0; i + FIELDS <= tokens.length; i += FIELDS) {
    // Every record after the first starts with the newline git appends to the previous one.
    const sha = tokens[i].trim();
    if (!/^[0-9a-f]{40,64}$/.test(sha)) continue;
    const [parents, authorName, authorEmail, date, subject, body] = tokens.slice(i + 1, i + FIELDS);
    commits.push({
      sha,
      parents: parents.split(' ').filter((p) => p !== ''),
      authorName,
      authorEmail,
      date,
      subject,
      body: body.replace(/\n+$/, ''),
    });
  }
  return commits;
}

/**
 * git silently ignores dates it cannot read (years after 2099, for one) and scans everything;
 * absolute dates JavaScript can read are handed over as `@<epoch seconds>`, which git always
 * reads. Relative forms ("2 weeks ago") go to git unchanged.
 */
function gitDate(since: string): string {
  const ms = Date.parse(since);
  return Number.isNaN(ms) ? since : `@${Math.max(0, Math.floor(ms / 1000))}`;
}

async function hasHead(git: SimpleGit): Promise<boolean> {
  try {
    return (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim() !== '';
  } catch {
    return false;
  }
}
