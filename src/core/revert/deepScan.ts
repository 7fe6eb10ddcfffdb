/**
 * `own-it scan --deep`: reverts found by their diffs alone. One streamed `git log -p -U0` reads
 * every commit once, newest first; {@link HunkMatcher} finds the commits whose hunks are the
 * inverse of an earlier commit's (silent reverts with no revert wording, partial reverts of
 * some files or hunks, and reapplies: the inverse of a revert). The message scan's detections
 * are kept as they are; the deep scan adds the commits it did not flag.
 */
import { openRepository } from '../git/createGit';
import { assertSafeRevision } from '../git/revision';
import { gitRunner, type GitRunner } from './gitStream';
import { HunkMatcher, type HunkMatch } from './hunkMatcher';
import { parseHunks } from './hunks';
import { patchRecords } from './patchStream';
import { RevertScanner } from './revertScanner';
import { DEFAULT_MIN_CONFIDENCE, type RevertDetection } from './types';

export interface DeepScanOptions {
  gitBinary?: string;
  /** Revisions to walk (default HEAD). */
  revRange?: string;
  /** Leave out detections less sure than this (default {@link DEFAULT_MIN_CONFIDENCE}). */
  minConfidence?: number;
  /** How far back (days) a commit is compared (default 365). */
  windowDays?: number;
  /** Stops git and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called with the number of commits read so far, every few hundred commits. */
  onProgress?: (commits: number) => void;
}

/** What the diff walk found, before it is merged with the message scan. */
export interface DiffWalkResult {
  detections: RevertDetection[];
  commits: number;
  /** Commits git could not show (objects missing from a partial clone), left out. */
  unreadable: number;
}

/** Fields of each record: sha, author name, author email, committer date, committer time, subject. */
const FIELDS = 6;
const FORMAT = `--format=%x01${['%H', '%an', '%ae', '%cI', '%ct', '%s'].join('%x00')}%x00`;
export const DEEP_LOG_ARGS = ['log', '-p', '-U0', '--no-color', '--no-renames', '--no-ext-diff', '--no-merges', FORMAT];
const PROGRESS_EVERY = 500;
/** Unreadable commits (a blob missing from a partial clone) skipped before the walk gives up. */
const MAX_UNREADABLE = 200;

/**
 * Reverts found by diff among the commits of `revRange`, newest first. With `wanting`, only
 * those commits look for what they undo (an incremental scan): give `paths` (the paths they
 * touch) to limit git's walk and `wantingSince` (their oldest committer time), and the walk
 * stops once every one of them has decided.
 */
export async function walkDiffs(
  runner: GitRunner,
  options: DeepScanOptions & { wanting?: ReadonlySet<string>; wantingSince?: number; paths?: readonly string[] },
): Promise<DiffWalkResult> {
  const rev = options.revRange ?? 'HEAD';
  assertSafeRevision(rev);
  const matcher = new HunkMatcher<CommitInfo>({ windowDays: options.windowDays, wanting: options.wanting });
  const pathspecs = (options.paths ?? []).map((p) => `:(literal)${p.replace(/^"|"$/g, '')}`);
  const args = [...DEEP_LOG_ARGS, '--end-of-options', rev, '--', ...pathspecs];
  let commits = 0;
  let unseen = options.wanting?.size ?? 0;
  let retries = 0;
  const records = patchRecords(runner, args, { fields: FIELDS, signal: options.signal, retries: MAX_UNREADABLE, onRetry: () => retries++ });
  for await (const r of records) {
    const [rawSha, name, email, date, time, subject] = r.header;
    const sha = rawSha.trim();
    if (options.wanting?.has(sha)) unseen--;
    matcher.add({ sha, info: { author: `${name} <${email}>`, date, subject }, time: Number(time), hunks: r.oversized ? [] : parseHunks(r.patch) });
    commits++;
    if (options.onProgress && commits % PROGRESS_EVERY === 0) options.onProgress(commits);
    // Every new commit has decided once all were seen, or the walk is older than all of them.
    if (options.wanting && matcher.waiting === 0 && (unseen <= 0 || Number(time) < (options.wantingSince ?? 0))) break;
  }
  options.signal?.throwIfAborted();
  const detections: RevertDetection[] = [];
  for (const m of matcher.end()) detections.push(toDetection(m));
  return { detections, commits, unreadable: retries };
}

interface CommitInfo {
  author: string;
  date: string;
  subject: string;
}

function toDetection(m: HunkMatch<CommitInfo>): RevertDetection {
  const { info } = m;
  const d: RevertDetection = {
    sha: m.sha,
    kind: m.partial ? 'partial-revert' : 'revert',
    reverted: m.undone.map((u) => u.sha),
    evidence: 'diff-inverse',
    confidence: deepConfidence(m),
    subject: info.subject,
    author: info.author,
    date: info.date,
  };
  d.files = [...new Set(m.undone.flatMap((u) => u.files))];
  return d;
}

/**
 * A diff that is all undo is a revert whatever its message says; a tiny one (a toggled flag)
 * is likely but not certain, so it stays below the default threshold.
 */
export function deepConfidence(m: { explained: number; lines: number }): number {
  if (m.lines < 3) return 0.4;
  const size = m.lines >= 10 ? 0.1 : m.lines >= 5 ? 0.05 : 0;
  return Math.round(Math.min(0.9, 0.45 + 0.3 * m.explained + size) * 100) / 100;
}

/**
 * Merges the message scan's detections with the diff walk's: a commit the message scan flagged
 * keeps that detection; a diff-only commit undoing a revert is a reapply. Newest first.
 */
export function mergeDeep(messages: readonly RevertDetection[], diffs: readonly RevertDetection[]): RevertDetection[] {
  // A message that says revert but named nothing findable yields to the diff's links.
  const byDiff = new Set(diffs.map((d) => d.sha));
  const kept = messages.filter((d) => d.evidence !== 'none' || !byDiff.has(d.sha));
  const flagged = new Set(kept.map((d) => d.sha));
  const reverts = new Set([...kept, ...diffs].filter((d) => d.kind !== 'reapply').map((d) => d.sha));
  const added = diffs
    .filter((d) => !flagged.has(d.sha))
    .map((d) => {
      return d.reverted.some((s) => reverts.has(s)) ? { ...d, kind: 'reapply' as const } : d;
    });
  return [...kept, ...added].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** Every revert of `revRange` by message and by diff, newest first (`own-it scan --deep`). */
export async function scanRevertsDeep(repoPath: string, options: DeepScanOptions = {}): Promise<RevertDetection[]> {
  await openRepository(repoPath, options.gitBinary);
  const runner = gitRunner(repoPath, options.gitBinary);
  const scanner = RevertScanner.forRepository(repoPath, options.gitBinary);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const messages = (async () => {
    const out: RevertDetection[] = [];
    // Every message detection, however unsure: a diff-only commit undoing one is a reapply.
    for await (const d of scanner.scan({ revRange: options.revRange, minConfidence: 0 })) out.push(d);
    return out;
  })();
  messages.catch(() => undefined);
  const diffs = await walkDiffs(runner, options);
  return mergeDeep(await messages, diffs.detections).filter((d) => d.confidence >= minConfidence);
}
