import type { SimpleGit } from 'simple-git';
import { assertSafeRevision } from '../git/revision';
import { streamTokens, type GitRunner } from './gitStream';

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
const PAGE_SIZE = 1000;

export interface HistoryQuery {
  /** An ISO date (dates without a zone are read as JavaScript reads them) or git's relative forms ("2 weeks ago"). */
  since?: string;
  /** At most this many candidate commits (git's own `--max-count` after `--grep`). */
  maxCount?: number;
  /** Revision or range to walk (default HEAD), e.g. `A..B` to scan only new commits. */
  revRange?: string;
}

/**
 * Yields candidate commits page by page (newest first) from ONE `git log` whose output git has
 * already filtered with {@link CANDIDATE_GREP_PATTERNS}. The output is streamed: a long history
 * is never held in memory at once, and git walks it once (paging with `--skip` would re-walk
 * everything before each page, quadratic in the number of candidates).
 */
export async function* readCandidatePages(
  git: SimpleGit,
  runner: GitRunner,
  query: HistoryQuery = {},
  pageSize = PAGE_SIZE,
  firstPageSize = pageSize,
): AsyncGenerator<LogCommit[]> {
  const rev = query.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  if (query.since !== undefined && (query.since.trim() === '' || query.since.includes('\0'))) {
    throw new Error('since must be a non-empty date');
  }
  if (query.maxCount !== undefined && !(query.maxCount >= 1)) return;
  if (rev === 'HEAD' && !(await hasHead(git))) return;
  const args = candidateLogArgs(query);
  for await (const tokens of streamTokens(runner, args, FIELDS, Math.max(1, pageSize), { firstBatch: firstPageSize })) {
    const page = parseLog(`${tokens.join('\0')}\0`);
    if (page.length > 0) yield page;
  }
}

/**
 * The exact `git log` arguments of the candidate query (the benchmark runs the same command
 * bare, as the floor the scan is measured against).
 */
export function candidateLogArgs(query: HistoryQuery = {}): string[] {
  const rev = query.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  const args = ['log', LOG_FORMAT, '-E', '-i', ...CANDIDATE_GREP_PATTERNS.map((p) => `--grep=${p}`)];
  if (query.since !== undefined) args.push(`--since=${gitDate(query.since)}`);
  if (query.maxCount !== undefined && Number.isFinite(query.maxCount)) args.push(`--max-count=${Math.floor(query.maxCount)}`);
  args.push('--end-of-options', rev, '--');
  return args;
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
