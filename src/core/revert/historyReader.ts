import { gitTime } from '../git/gitTime';
import { assertSafeRevision } from '../git/revision';
import { MARKED_WALK_FORMAT, WALK_FORMAT } from './historyWalk';
import type { LogCommit } from './types';

export type { LogCommit };

/**
 * The candidate filter as git patterns (`-E -i`, several `--grep` are OR'd): every rule of the
 * message parser needs one of these words. The scan applies the same filter in Node
 * (`CANDIDATE_FILTER`); git runs these only as the benchmark's floor (`candidateLogArgs`).
 */
export const CANDIDATE_GREP_PATTERNS: readonly string[] = [
  'revert',
  'reapply',
  'reland',
  'recommit',
  'roll[[:blank:]]*back',
  'back(s|ed)?[[:blank:]]*out',
  'undoes',
];

export interface HistoryQuery {
  /** An ISO date (dates without a zone are read as JavaScript reads them) or git's relative forms ("2 weeks ago"). */
  since?: string;
  /** At most this many candidate commits (counted after the candidate filter). */
  maxCount?: number;
  /** Revision or range to walk (default HEAD), e.g. `A..B` to scan only new commits. */
  revRange?: string;
  /**
   * Also list the excluded parents of a range's commits (`--boundary`), after them: `A` is an
   * ancestor of `B` exactly when `A..B` lists `A` as one (or the range is empty).
   */
  boundary?: boolean;
}

/**
 * The `git log` the scan streams ({@link walkHistory}): every commit of `revRange` (since
 * `since`), no `--grep` and no `--max-count`: the candidate filter and the count are applied in
 * Node, so the same walk can also serve the ancestry search of the links.
 */
export function walkLogArgs(query: HistoryQuery = {}): string[] {
  const rev = query.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  const args = query.boundary ? ['log', '--boundary', MARKED_WALK_FORMAT] : ['log', WALK_FORMAT];
  if (query.since !== undefined) args.push(`--since-as-filter=${gitDate(checkedSince(query.since))}`);
  args.push('--end-of-options', rev, '--');
  return args;
}

/**
 * The same walk with git's own candidate filter (`--grep`, `--max-count` after it): what the
 * benchmark runs bare as the floor the scan is measured against ("the equivalent `git log` with
 * the same grep filter").
 */
export function candidateLogArgs(query: HistoryQuery = {}): string[] {
  const rev = query.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  const args = ['log', WALK_FORMAT, '-E', '-i', ...CANDIDATE_GREP_PATTERNS.map((p) => `--grep=${p}`)];
  if (query.since !== undefined) args.push(`--since-as-filter=${gitDate(checkedSince(query.since))}`);
  if (query.maxCount !== undefined && Number.isFinite(query.maxCount)) args.push(`--max-count=${Math.floor(query.maxCount)}`);
  args.push('--end-of-options', rev, '--');
  return args;
}

function checkedSince(since: string): string {
  if (since.trim() === '' || since.includes('\0')) throw new Error('since must be a non-empty date');
  return since;
}

/**
 * git silently ignores dates it cannot read (years after 2099, for one) and scans everything;
 * absolute dates JavaScript can read are handed over as epoch seconds ({@link gitTime}), which
 * git always reads. Relative forms ("2 weeks ago") go to git unchanged.
 */
function gitDate(since: string): string {
  const ms = Date.parse(since);
  return Number.isNaN(ms) ? since : gitTime(ms / 1000);
}
