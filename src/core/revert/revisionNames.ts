/**
 * Names of undone changes that are not git shas or pull requests: the conventions of histories
 * converted from Subversion and reviewed in Phabricator (LLVM and its neighbours), and Chromium's
 * Rietveld reverts. Pure, linear-time patterns; the message parser decides what they mean.
 */
/**
 * Phabricator and Subversion names, read case-sensitively: `rG<hex>` (a git commit of callsign G),
 * `r312345`/`rL312345` (a Subversion revision), `D12345` (a review).
 */
// A callsign's hex with a letter, or of 10+ digits, is a git commit (an abbreviated sha can be all
// digits); up to 9 digits is a Subversion revision.
const REVISION_TOKEN = /^(?:r[A-Z]{1,4}((?=[0-9a-f]{0,39}[a-f])[0-9a-f]{7,40}|\d{10,40})|(r[A-Z]{0,4}\d{1,9}|D\d{1,9}))$/;
const REVISION_WORD = '(?:r[a-z]{0,4}[0-9a-f]{1,40}|d\\d{1,9})';
/** `Revert r312345 "…"`, `Revert rG1a2b3c4d5e: …`, `Revert D12345, D12346`: the subject names revisions. */
const SUBJECT_REVISIONS = new RegExp(
  `^(?:partial(?:ly)?\\s+)?revert(?:s|ed)?\\s+(?:(?:commit|revision|change)s?\\s+)?(${REVISION_WORD}(?:\\s*(?:,|&|\\band\\b)\\s*${REVISION_WORD}){0,20})(?![\\w])`,
  'i',
);
/** The same at the start of a body line: `Reverts r312345`, `This undoes D12345`, `Backs out rG…`. */
const BODY_REVISIONS = new RegExp(
  `^[ \\t]*(?:this\\s+)?(?:partially\\s+)?(?:reverts?|undoes|backs?[ \\t]+out)\\s+(?:(?:commit|revision|change)s?\\s+)?(${REVISION_WORD}(?:\\s*(?:,|&|\\band\\b)\\s*${REVISION_WORD}){0,20})(?![\\w])`,
  'gim',
);
/** Chromium's Rietveld reverts: `Revert of <subject> (patchset #2 id:20001 of https://…)`. */
const CHROMIUM_REVERT_OF = /^revert\s+of\s+(.{1,500}?)\s+\(patchset\s+#\d{1,6}\s+id:\d{1,12}\s+of\s+\S{1,300}\)\s*$/i;

export interface RevisionNames {
  /** Hex of `rG<hex>` names: git commits, resolved like any sha. */
  shas: string[];
  /** `r312345`, `rL312345`, `D12345` as written: names git cannot resolve. */
  revisions: string[];
}

/** The names in a list such as `r312345, rG1a2b3c4d5e and D12345`; words that only look alike are skipped. */
export function revisionNames(list: string): RevisionNames {
  const out: RevisionNames = { shas: [], revisions: [] };
  for (const word of list.split(/\s*(?:,|&|\band\b)\s*/i)) {
    const token = REVISION_TOKEN.exec(word.trim());
    if (!token) continue;
    if (token[1] !== undefined) out.shas.push(token[1].toLowerCase());
    else out.revisions.push(token[2]);
  }
  return out;
}

/** `Revert r312345 "[X86] Fold casts"`: the list of names and the quoted subject after it, if any. */
export function subjectRevisions(subject: string): { list: string; quotedSubject?: string } | null {
  const m = SUBJECT_REVISIONS.exec(subject);
  if (!m) return null;
  const rest = /^\s*:?\s*["\u201c](.{1,500})["\u201d]\s*$/.exec(subject.slice(m[0].length));
  return rest ? { list: m[1], quotedSubject: rest[1] } : { list: m[1] };
}

/** Every list of names that opens a body line with a revert verb. */
export function bodyRevisionLists(body: string): string[] {
  return [...body.matchAll(BODY_REVISIONS)].map((m) => m[1]);
}

/** The subject a Chromium `Revert of <subject> (patchset #N id:N of <url>)` names. */
export function chromiumRevertOf(subject: string): string | undefined {
  return CHROMIUM_REVERT_OF.exec(subject)?.[1];
}
