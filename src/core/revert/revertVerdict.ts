/**
 * What a message scan says about one candidate once its links are found: the kind (refined by
 * what the linked commits are), how sure it is, and the detection it reports.
 */
import type { Candidate } from './candidateLinks';
import type { DiffEvidence } from './diffEvidence';
import type { CommitFacts } from './linkResolver';
import { parseRevertMessage, type MessageSignal } from './messageParser';
import type { LinkEvidence, RevertDetection, RevertKind } from './types';

/** The most a merge commit's detection can be sure of (below the default threshold). */
const MERGE_CONFIDENCE = 0.4;

/**
 * Kind refinement beyond the message, applied only to single-commit, sha-or-subject links:
 * - undoing a commit that is itself a revert re-lands the original: `reapply`;
 * - `partial-revert` when neither commit is a merge and the revert changes a strict subset of
 *   the paths the original changed (part of the original was left in place). A revert that
 *   touches every original path is a full revert even if a conflict changed its hunks.
 */
export function refineKind(c: Candidate, facts: Map<string, CommitFacts>): RevertKind {
  const kind = c.parsed.kind;
  if (c.diff?.partial && kind === 'revert') return 'partial-revert';
  if (kind !== 'revert' || c.reverted.length !== 1) return kind;
  const original = facts.get(c.reverted[0]);
  const self = facts.get(c.commit.sha);
  if (!original || !self) return kind;
  const originalKind = parseRevertMessage(original.subject, original.body)?.kind;
  if (originalKind === 'revert' || originalKind === 'partial-revert') return 'reapply';
  const merges = c.commit.parents.length > 1 || original.parents.length > 1;
  if (!merges && original.files.length > 0 && self.files.length > 0) {
    const originalFiles = new Set(original.files);
    if (self.files.length < originalFiles.size && self.files.every((f) => originalFiles.has(f))) return 'partial-revert';
  }
  return kind;
}

export function toDetection(c: Candidate, kind: RevertKind): RevertDetection {
  const d: RevertDetection = {
    sha: c.commit.sha,
    kind,
    reverted: c.reverted,
    evidence: c.evidence,
    // A merge is never the revert itself: the revert is the commit on the merged branch (found
    // on its own); the merge of a `revert-N-…` branch is only shown when asked for.
    confidence: c.commit.parents.length > 1 ? Math.min(MERGE_CONFIDENCE, confidenceOf(c.parsed.signal, c.evidence, c.diff)) : confidenceOf(c.parsed.signal, c.evidence, c.diff),
    subject: c.commit.subject,
    author: `${c.commit.authorName} <${c.commit.authorEmail}>`,
    date: c.commit.date,
  };
  if (c.diff) d.files = [...new Set(c.diff.undone.flatMap((u) => u.files))];
  return d;
}

/**
 * How sure a detection is, from what the message says ({@link MessageSignal}) and how the
 * original was found. A convention in the subject is a revert even when its original is not
 * in this history (a shallow clone); a body line alone, or words alone, needs a link to count.
 */
export function confidenceOf(signal: MessageSignal, evidence: LinkEvidence, diff?: DiffEvidence): number {
  switch (evidence) {
    case 'sha':
    case 'merge-parent':
    case 'subject-exact':
    case 'pr-number':
    case 'mr-number':
      return signal === 'subject' ? 0.95 : 0.85;
    case 'subject-prefix':
      return signal === 'subject' ? 0.9 : 0.7;
    case 'diff-inverse': {
      const base = 0.55 + 0.4 * (diff?.explained ?? 0);
      return Math.round(Math.min(0.95, signal === 'subject' ? base + 0.05 : base) * 100) / 100;
    }
    case 'none':
      return signal === 'subject' ? 0.6 : signal === 'body' ? 0.3 : 0.2;
  }
}
