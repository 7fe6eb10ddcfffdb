/**
 * Diff evidence for the candidates of one message-scan page (see diffBatch.ts for the git side).
 */
import type { Candidate } from './candidateLinks';
import { findUndoneBatch, linesOfCommits } from './diffBatch';
import { inversion, type DiffEvidence } from './diffEvidence';
import type { GitRunner } from './gitStream';

/** A named target whose lines are inverted less than this is dropped from a multi-target link. */
const PRUNE_COVER = 0.3;

/**
 * Diff evidence for one page, batched (see diffBatch.ts): `unnamed` named nothing git could
 * resolve, so they are linked to the commits whose diff they invert, among the nearest earlier
 * commits touching the same paths; `several` name several commits (a squashed branch of
 * reverts, "This reverts commits A, B and C"), and keep the ones their diff still undoes
 * (others were re-applied within the same change, or only named in passing; when none is
 * inverted, the message's word stands). A failed git leaves the links as they are.
 */
export async function diffPage(runner: GitRunner, unnamed: Candidate[], several: Candidate[]): Promise<void> {
  // Words alone need a diff that is nearly all undo; a convention in the subject, half of it.
  // Either way, a commit that undoes most of one earlier commit is its revert even when it
  // also does new work: a quarter will do.
  const requests = unnamed.map((c) => ({ sha: c.commit.sha, date: c.commit.date, minExplained: c.parsed.signal === 'weak' ? 0.8 : 0.5, minExplainedWhole: 0.25 }));
  const found = await findUndoneBatch(runner, requests).catch(() => new Map<string, DiffEvidence>());
  for (const c of unnamed) {
    const d = found.get(c.commit.sha);
    if (!d) continue;
    c.diff = d;
    c.reverted = d.undone.map((u) => u.sha);
    c.evidence = 'diff-inverse';
  }
  if (several.length === 0) return;
  const lines = await linesOfCommits(
    runner,
    several.flatMap((c) => [c.commit.sha, ...c.reverted]),
  ).catch(() => undefined);
  if (!lines) return;
  for (const c of several) {
    const own = lines.get(c.commit.sha);
    if (!own || own.size === 0) continue;
    const keep = c.reverted.filter((sha) => {
      const target = lines.get(sha);
      // A target git cannot show (a shallow boundary) keeps what the message says.
      return !target || target.size === 0 || inversion(own, target).cover >= PRUNE_COVER;
    });
    if (keep.length > 0) c.reverted = keep;
  }
}
