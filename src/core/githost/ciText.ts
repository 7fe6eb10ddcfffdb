/**
 * The one comment `own-it ci` posts for a revert or failed deploy that has no incident yet:
 * calm, no names, a ready command, and a hidden marker so it is posted once.
 */
export type CiFailureKind = 'revert' | 'rollback' | 'hotfix';

export interface CiFailure {
  /** Stable across runs: `revert:<sha>`, `rollback:<tag>`, `hotfix:<tag>`. */
  id: string;
  kind: CiFailureKind;
  /** The commit that undid it (revert) or the deploy tag that showed it (rollback, hotfix). */
  recoveredBy: string;
  /** Full shas of the commits that probably caused it, the likeliest first. */
  culprits: string[];
  /** The revert's subject, or a sentence about the deploy. */
  summary: string;
  /** ISO 8601. */
  date: string;
}

export function ciMarker(id: string): string {
  return `<!-- own-it:ci finding=${id} -->`;
}

export function ciMarkerPhrase(id: string): string {
  return `own-it:ci finding=${id}`;
}

/** Commit subjects come from anyone with push access: no HTML, no mentions, one line. */
function safe(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/`/g, "'")
    .slice(0, 200);
}

function short(ref: string): string {
  return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 12) : ref;
}

export function ciIssueTitle(f: CiFailure): string {
  const what = f.kind === 'revert' ? `Revert on the default branch: ${safe(f.summary)}` : `Deploy ${f.recoveredBy} ${f.kind === 'rollback' ? 'was rolled back' : 'needed a hotfix'}`;
  return what.length > 120 ? `${what.slice(0, 119)}…` : what;
}

/** The comment (or issue body). `onPull` says whether it goes on the culprit's pull request. */
export function ciCommentBody(f: CiFailure, defaultBranch: string, onPull: boolean): string {
  const culprit = f.culprits[0];
  const happened =
    f.kind === 'revert'
      ? `\`${short(f.recoveredBy)}\` on \`${defaultBranch}\` reverted ${onPull ? 'a change from this pull request' : 'a change'} ("${safe(f.summary)}").`
      : f.kind === 'rollback'
        ? `The deploy \`${f.recoveredBy}\` was rolled back (${safe(f.summary)}).`
        : `The deploy \`${f.recoveredBy}\` was followed by a hotfix soon after (${safe(f.summary)}).`;
  return [
    `Own It noticed this in CI: ${happened} Reverts and rollbacks are a normal, healthy part of shipping; this is only a pointer in case a short write-up helps the team learn from it.`,
    '',
    ...(culprit
      ? [
          'To open an incident file with the culprit, the timeline and a regression-test checklist filled in, run in a clone of this repository:',
          '',
          '```sh',
          `own-it incident new ${culprit}`,
          '```',
          '',
          `Culprit (most likely): ${culprit}${f.culprits.length > 1 ? ` and ${f.culprits.length - 1} more` : ''}`,
        ]
      : ['Own It could not tell which commit caused it, so there is no ready command this time.']),
    '',
    'Own It posts this once per revert and stays quiet once an incident file names the commit.',
    '',
    ciMarker(f.id),
    '',
  ].join('\n');
}
