/**
 * Pure parser for revert-like commit messages: no git, no I/O, never throws.
 *
 * Supported formats (subject / body):
 * - git default:      `Revert "<subject>"` + `This reverts commit <sha>.` (full or abbreviated,
 *                     several shas: `This reverts commits A, B and C.`)
 * - git --reference:  any subject + `This reverts commit <abbrev> (<subject>, <date>).`
 * - merge reverts:    `This reverts commit X, reversing changes made to Y.` (may wrap lines)
 * - reverts of reverts: `Revert "Revert "<subject>""`, git 2.43+ `Reapply "<subject>"`,
 *                     Gerrit `Revert^2 "<subject>"`: even nesting depth means `reapply`
 * - partial reverts:  `Partially revert "<subject>"`, `Partial revert of <sha>`,
 *                     `This partially reverts commit <sha>`, "reverts (only) part of"
 * - GitHub:           `Revert "<subject> (#123)" (#130)` squash merges, subjects truncated
 *                     with `…`/`...` (also wrapped into the body as `…rest`), bodies
 *                     `Reverts owner/repo#123`, merges `Merge pull request #N from x/revert-M-…`
 * - Conventional Commits: `revert: <subject>`, `revert(scope)!: …`, optional `Refs: <sha>`;
 *                     `fix: Revert "<subject>"` (a revert behind another type)
 * - GitLab:           `This reverts merge request !N`
 * - Gerrit:           `Reason for revert: …` marks a revert even when the subject was edited
 * - Mercurial:        `Backed out changeset <hash>` (also "Backed out 2 changesets")
 * - Rollbacks:        `Rollback of "<subject>"`, `Automated rollback of commit <sha>`
 * - Phabricator/Subversion (LLVM): `Revert r312345 "<subject>"`, `Revert rG<sha> "<subject>"`,
 *                     `Revert D12345`, body lines `Reverts r312345` / `This undoes D12345`
 * - Chromium (Rietveld): `Revert of <subject> (patchset #N id:N of <url>)`
 *
 * Incidental words ("revert to threads", "fix revert logic", "Reverting … is discussed in #12")
 * are not reverts: every rule needs a quoted subject, a commit reference, a PR/MR reference or
 * an explicit convention (`revert:` type, "Reason for revert:").
 */
import { bodyRevisionLists, chromiumRevertOf, revisionNames, subjectRevisions } from './revisionNames';
import type { RevertKind } from './types';

/** Which convention recognised the message (the first that matched, in the order above). */
export type RevertFormat =
  | 'git'
  | 'github'
  | 'conventional'
  | 'gitlab'
  | 'gerrit'
  | 'mercurial'
  | 'rollback'
  | 'phabricator'
  | 'chromium'
  | 'words';

/**
 * How strongly the message alone says "this undoes a commit":
 * - `subject`: the subject is a revert by convention (`Revert "X"`, `Revert <sha>`, `Backed out
 *   changeset`, a `revert-N-…` branch) or a line-start `This reverts commit` under a revert-like subject;
 * - `body`: only a body line says so (`This reverts commit X` or `revert #N` under another subject:
 *   often a squashed branch whose own commits were reverted before it landed);
 * - `weak`: words only (`Revert the whole X topic`, `back out …`) or a conventional `revert:` type,
 *   which some repositories use as a component name. Weak messages count once a target is found.
 */
export type MessageSignal = 'subject' | 'body' | 'weak';

export interface ParsedRevertMessage {
  /** What the message says it does; the scanner may refine it with what git knows. */
  kind: RevertKind;
  format: RevertFormat;
  signal: MessageSignal;
  /** Lower-case hex object names (4–64 chars) as written, in order, without duplicates. */
  shas: string[];
  /** The mainline parent named by "reversing changes made to <sha>". */
  mergeParent?: string;
  /** Subject of the commit this one directly undoes, when the message quotes it. */
  subject?: string;
  /** `subject` was cut short (… or ...): it is a prefix of the real subject. */
  subjectTruncated: boolean;
  /** Pull requests this commit undoes (GitHub). */
  prNumbers: number[];
  /** Merge request this commit undoes (GitLab). */
  mrNumber?: number;
  /**
   * Subversion revisions (`r312345`, `rL312345`) and Phabricator reviews (`D12345`) the message
   * says it undoes, as written: names git cannot resolve, kept as evidence (a diff may still link them).
   */
  revisions?: string[];
}

const QUOTE_OPEN = '["\u201c]';
/** `Revert "`, `Revert^2 "`, `Reapply "`, `Partially revert "`, `Rollback of "`, `Roll back "`. */
const QUOTED_HEAD = new RegExp(
  `^(partial(?:ly)?\\s+)?(?:(revert)(?:\\^(\\d{1,3}))?|(reapply|reland|recommit)|(roll[ \\t]*back))(?:\\s+of)?:?\\s*${QUOTE_OPEN}`,
  'i',
);
const CONVENTIONAL = /^([a-z]+)(?:\([^()\n]*\))?!?:\s*(.*)$/i;
const ELLIPSIS = /(?:\u2026|\.\.\.)$/;
const PR_SUFFIX = /\s*\(#(\d{1,9})\)\s*$/;
/** A hex token that needs no surrounding "commit" to count as a sha: 7+ chars with a digit. */
const LOOSE_SHA = /^(?=[0-9a-f]*\d)[0-9a-f]{7,64}$/i;

/** Only at the very start of a line: quoted (`> `) or indented examples and diffs are not the message's own word. */
const REVERTS_COMMITS = /^this\s+(partially\s+)?(?:reverts?|undoes|backs?[ \t]+out)\s+(?:the\s+)?(?:following\s+)?(?:merge\s+)?commits?:?\s+/gim;
const REVERSING_CHANGES = /\breversing\s+changes\s+made\s+to\s+([0-9a-f]{4,64})\b/i;
const SUBJECT_SHA_HEAD =
  /^(?:partial(?:ly)?\s+)?(?:revert(?:s|ed)?|roll[ \t]*back|back(?:ed)?[ \t]*out)(?:\s+(?:of|part\s+of|parts\s+of))?(?:\s+(?:commits?|changesets?))?\s+/i;
/** Mercurial/Mozilla: `Backed out changeset <hash>`, also after a `Bug N - ` prefix, `Backout revision <hash>`. */
const BACKED_OUT = /(?:^|\s-\s|:\s)back(?:ed)?[ \t]*out\s+(?:\d+\s+)?(?:changesets?|revision|rev)\s+([0-9a-f]{7,40})\b/gim;
const AUTOMATED_ROLLBACK = /\b(?:automated\s+)?roll[ \t]*back\s+of\s+commit\s+([0-9a-f]{7,64})\b/gi;
const REFS_TRAILER = /^\s*refs?:\s*(.+)$/gim;
const GITHUB_REVERTS_PR = /^\s*reverts\s+(?:[\w.-]+\/[\w.-]+)?#(\d{1,9})\b/gim;
/** `revert #N` / `Revert PR #N` / `revert part of gh-N` at the start of the subject or a body line (a PR undone). */
const REVERT_PR_LINE = /^[ \t]*(?:[-*][ \t]+)?(?:partial(?:ly)?\s+)?reverts?\s+(?:part\s+of\s+)?(?:(?:pr|pull\s+request)\s+)?(?:#|gh-)(\d{1,9})\b/gim;
/** Words only: the subject starts with a revert verb but names no commit (`Revert the X topic`). */
const WORDS_HEAD =
  /^(?:partial(?:ly)?\s+)?(?:revert(?:s|ed|ing)?|back(?:s|ed)?[ \t]*out|roll[ \t]*back|reapply|reland)\b/i;
/**
 * A backout that names what it undoes by its kind of change without a findable id — `Backout
 * patch 390381 of bug …`, `Back out revision 1.23 of certdb.c`, `Back out the preceding … patch`:
 * a convention of Mercurial- and CVS-era histories, which no component name shares.
 */
const BACKOUT_OF_CHANGE =
  /^back(?:ed)?[ \t]*out\s+(?:(?:the|a|an|my|our|this|that|previous|preceding|preceeding|last|earlier)\s+)*(?:[\w.\/-]+\s+){0,4}?(?:patch(?:es)?|revisions?|rev\s+\d|changesets?|check-?ins?|commits?|landings?|fix\s+for\s+bug)\b/i;
/** Words only, in a later clause of the subject: `Improve X; revert Y`, `oops, revert Z`. */
const WORDS_CLAUSE = /[;,]\s+(?:and\s+)?(?:partial(?:ly)?\s+)?(?:revert(?:s|ed|ing)?|back(?:s|ed)?[ \t]*out|roll[ \t]*back)\s+(?:the\s+|a\s+|an\s+)?\S/i;
/**
 * Pull requests named in parentheses inside a words-only revert subject: `(#6006 and #5885)`,
 * `(#12, #13)`, or a single `(#12)` that is not the subject's own squash suffix.
 */
const PR_GROUP = /\((?:prs?\s+)?#(\d{1,9})((?:\s*(?:,|&|\band\b)\s*#\d{1,9}){0,20})\s*\)/gi;
const GITHUB_REVERT_BRANCH = /^Merge pull request #\d+ from [^\s/]+\/((?:revert-\d+-)+)/i;
const GITLAB_MR = /\bthis\s+reverts\s+merge\s+request\s+!(\d{1,9})\b/i;
const GERRIT_REASON = /^\s*reason\s+for\s+revert:/im;
const PARTIAL_HINT =
  /\bpartial(?:ly)?[\s-]+(?:revert|roll[ \t-]*back|back(?:ed)?[ \t-]*out)|\brevert(?:s|ed|ing)?\s+(?:only\s+)?(?:a\s+)?(?:part|parts|portions?)\s+of\b/i;

/**
 * Reads a commit message and says whether it undoes (or re-lands) other commits, and which
 * references it gives for finding them. Returns `null` for ordinary commits.
 */
export function parseRevertMessage(subject: string, body: string): ParsedRevertMessage | null {
  const [subj, text] = normalise(String(subject ?? ''), String(body ?? ''));
  const full = `${subj}\n${text}`;

  const conv = CONVENTIONAL.exec(subj);
  const convRevert = conv !== null && conv[1].toLowerCase() === 'revert';
  const core = conv ? conv[2] : subj;

  let kind: RevertKind = 'revert';
  let format: RevertFormat | undefined;
  let target: string | undefined;
  let truncated = false;
  const prNumbers: number[] = [];

  const quoted = unwrapQuoted(core);
  if (quoted) {
    ({ target, truncated } = quoted);
    if (quoted.depth % 2 === 0) kind = 'reapply';
    format = conv && !convRevert ? 'conventional' : quoted.rollback ? 'rollback' : 'git';
  } else if (convRevert) {
    format = 'conventional';
    const desc = core.trim().replace(/^["\u201c](.*)["\u201d]$/, '$1');
    // `revert: 1a2b3c4d` names commits; anything else is the undone commit's subject.
    if (desc !== '' && !desc.split(/[\s,]+/).every((t) => LOOSE_SHA.test(t))) {
      target = desc.replace(ELLIPSIS, '');
      truncated = ELLIPSIS.test(desc);
    }
  }
  if (target !== undefined) {
    const pr = PR_SUFFIX.exec(target);
    if (pr) prNumbers.push(Number(pr[1]));
  }

  const shas: string[] = [];
  const addSha = (hex: string): void => {
    const h = hex.toLowerCase();
    if (!shas.includes(h)) shas.push(h);
  };

  const wordsHead = WORDS_HEAD.test(core);
  // A revert verb opening a later clause says as much as one opening the subject, but only
  // for a diff to confirm (weak).
  const wordsClause = !wordsHead && WORDS_CLAUSE.test(core);
  let signal: MessageSignal = quoted && !(conv && convRevert) ? 'subject' : 'weak';
  const raise = (to: MessageSignal): void => {
    if (to === 'subject' || (to === 'body' && signal === 'weak')) signal = to;
  };
  for (const m of full.matchAll(REVERTS_COMMITS)) {
    for (const hex of hexList(full.slice((m.index ?? 0) + m[0].length), 4)) addSha(hex);
    format ??= 'git';
    raise(wordsHead || quoted ? 'subject' : 'body');
  }
  if (convRevert && !quoted && target === undefined) {
    for (const hex of hexList(core, 7)) if (LOOSE_SHA.test(hex)) addSha(hex);
  }
  const subjectShas = SUBJECT_SHA_HEAD.exec(core);
  if (subjectShas && !quoted) {
    const found = hexList(core.slice(subjectShas[0].length), 7).filter((h) => LOOSE_SHA.test(h));
    for (const hex of found) addSha(hex);
    if (found.length > 0) raise('subject');
    if (found.length > 0) format ??= /roll/i.test(subjectShas[0]) ? 'rollback' : /back/i.test(subjectShas[0]) ? 'mercurial' : 'git';
  }
  for (const m of full.matchAll(BACKED_OUT)) {
    for (const hex of [m[1], ...hexList(full.slice((m.index ?? 0) + m[0].length), 7)]) addSha(hex);
    format ??= 'mercurial';
    raise((m.index ?? 0) < subj.length ? 'subject' : 'body');
  }
  for (const m of full.matchAll(AUTOMATED_ROLLBACK)) {
    addSha(m[1]);
    format ??= 'rollback';
    raise((m.index ?? 0) < subj.length ? 'subject' : 'body');
  }
  const mergeParent = REVERSING_CHANGES.exec(full)?.[1]?.toLowerCase();

  for (const m of full.matchAll(GITHUB_REVERTS_PR)) {
    const n = Number(m[1]);
    if (!prNumbers.includes(n)) prNumbers.push(n);
    format ??= 'github';
    raise('subject');
  }
  for (const m of full.matchAll(REVERT_PR_LINE)) {
    const n = Number(m[1]);
    if (!prNumbers.includes(n)) prNumbers.push(n);
    format ??= 'github';
    raise((m.index ?? 0) < subj.length ? 'subject' : 'body');
  }
  if (wordsHead && !quoted) for (const n of prGroupTargets(core)) if (!prNumbers.includes(n)) prNumbers.push(n);
  const branch = GITHUB_REVERT_BRANCH.exec(subj);
  if (branch) {
    // `revert-130-revert-123-…`: the first number is the PR undone, the count is the depth.
    const chain = [...branch[1].matchAll(/revert-(\d+)-/g)];
    const n = Number(chain[0][1]);
    if (!prNumbers.includes(n)) prNumbers.push(n);
    if (!quoted && chain.length % 2 === 0) kind = 'reapply';
    format ??= 'github';
    raise('subject');
  }
  if (format === 'git' && PR_SUFFIX.test(subj) && quoted) format = 'github';

  const mr = GITLAB_MR.exec(full);
  const mrNumber = mr ? Number(mr[1]) : undefined;
  if (mr) format ??= 'gitlab';
  if (mr) raise('subject');

  const revisions: string[] = [];
  const readRevisions = (list: string, where: 'subject' | 'body'): number => {
    const named = revisionNames(list);
    for (const hex of named.shas) addSha(hex);
    for (const r of named.revisions) if (!revisions.includes(r)) revisions.push(r);
    if (named.shas.length + named.revisions.length === 0) return 0;
    format ??= 'phabricator';
    raise(where);
    return named.shas.length + named.revisions.length;
  };
  const subjectNames = quoted ? null : subjectRevisions(core);
  if (subjectNames && readRevisions(subjectNames.list, 'subject') > 0) target ??= subjectNames.quotedSubject;
  for (const list of bodyRevisionLists(text)) readRevisions(list, 'body');
  const chromium = quoted ? undefined : chromiumRevertOf(core);
  if (chromium !== undefined) {
    target ??= chromium.replace(ELLIPSIS, '');
    truncated = ELLIPSIS.test(chromium);
    format ??= 'chromium';
    raise('subject');
  }

  const gerrit = GERRIT_REASON.test(full);
  if (gerrit && (format === undefined || format === 'git')) format = 'gerrit';
  if (gerrit) raise(wordsHead ? 'subject' : 'body');
  // Words only: a revert verb opens the subject but nothing is named; a diff may still say what.
  if (format === undefined && (wordsHead || wordsClause)) {
    format = 'words';
    if (BACKOUT_OF_CHANGE.test(core)) raise('subject');
    if (/^(?:reapply|reland)/i.test(core)) kind = 'reapply';
  }
  if (convRevert || format !== undefined) {
    for (const m of full.matchAll(REFS_TRAILER)) {
      for (const hex of m[1].split(/[\s,]+/).map((t) => t.replace(/[.;:)]+$/, ''))) {
        if (LOOSE_SHA.test(hex)) addSha(hex);
      }
    }
  }
  if (format === undefined) return null;

  if (kind === 'revert' && PARTIAL_HINT.test(full)) kind = 'partial-revert';
  const result: ParsedRevertMessage = {
    kind,
    format,
    signal,
    shas: shas.filter((s) => s !== mergeParent),
    subjectTruncated: truncated,
    prNumbers,
  };
  if (mergeParent !== undefined) result.mergeParent = mergeParent;
  if (target !== undefined && target.trim() !== '') result.subject = target;
  if (mrNumber !== undefined) result.mrNumber = mrNumber;
  if (revisions.length > 0) result.revisions = revisions;
  return result;
}

/**
 * The PRs a words-only revert subject names as undone: every number of a parenthesised group
 * of two or more, and a single `(#N)` unless it is the last group of the subject (there it is
 * the squash suffix of the revert's own PR).
 */
function prGroupTargets(subject: string): number[] {
  const groups = [...subject.matchAll(PR_GROUP)];
  const out: number[] = [];
  groups.forEach((g, i) => {
    const numbers = [g[1], ...[...g[2].matchAll(/#(\d{1,9})/g)].map((m) => m[1])].map(Number);
    const ownSuffix = numbers.length === 1 && i === groups.length - 1 && subject.slice((g.index ?? 0) + g[0].length).trim() === '';
    if (!ownSuffix) out.push(...numbers);
  });
  return out;
}

/** Splits a multi-line subject and re-joins a GitHub subject wrapped into the body (`…` / `…`). */
function normalise(subject: string, body: string): [string, string] {
  let subj = subject.replace(/\r/g, '');
  let text = body.replace(/\r/g, '');
  const nl = subj.indexOf('\n');
  if (nl >= 0) {
    text = `${subj.slice(nl + 1)}\n${text}`;
    subj = subj.slice(0, nl);
  }
  subj = subj.trim();
  const first = text.replace(/^\n+/, '');
  if (subj.endsWith('\u2026') && first.startsWith('\u2026')) {
    const end = first.indexOf('\n');
    const cont = end < 0 ? first : first.slice(0, end);
    subj = subj.slice(0, -1) + cont.slice(1).trimEnd();
    text = end < 0 ? '' : first.slice(end + 1);
  }
  return [subj, text];
}

interface QuotedRevert {
  depth: number;
  target: string;
  truncated: boolean;
  rollback: boolean;
}

/**
 * Peels `Revert "…"` layers. The target is the subject of the commit directly undone:
 * the inner text for `Revert "X"`, and `Revert "X"` for `Reapply "X"` / `Revert^2 "X"`.
 */
function unwrapQuoted(subject: string): QuotedRevert | null {
  let depth = 0;
  let current = subject.trim();
  let target: string | undefined;
  let truncated = false;
  let rollback = false;
  for (let guard = 0; guard < 50; guard++) {
    const head = QUOTED_HEAD.exec(current);
    if (!head) break;
    const levels = head[4] ? 2 : head[3] ? Math.max(1, Number(head[3])) : 1;
    let rest = current.slice(head[0].length);
    let closed = false;
    if (ELLIPSIS.test(rest.trimEnd())) {
      rest = rest.trimEnd();
    } else {
      const close = Math.max(rest.lastIndexOf('"'), rest.lastIndexOf('\u201d'));
      if (close >= 0) {
        rest = rest.slice(0, close);
        closed = true;
      }
    }
    if (depth === 0) {
      rollback = head[5] !== undefined;
      const cut = ELLIPSIS.test(rest) || !closed;
      const inner = rest.replace(ELLIPSIS, '');
      truncated = cut;
      target = levels === 1 ? inner : levels === 2 ? `Revert "${inner}` + (cut ? '' : '"') : `Revert^${levels - 1} "${inner}` + (cut ? '' : '"');
    }
    depth += levels;
    current = rest;
  }
  return depth > 0 && target !== undefined ? { depth, target, truncated, rollback } : null;
}

/** Leading hex tokens of `text` separated by commas, whitespace, "and" or "&". */
function hexList(text: string, minLength: number): string[] {
  const out: string[] = [];
  const token = new RegExp(`^[\\s,&]*(?:(?:and|through)\\s+)?([0-9a-f]{${minLength},64})(?![0-9a-z_])`, 'i');
  let rest = text;
  for (let m = token.exec(rest); m && out.length < 100; m = token.exec(rest)) {
    out.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * Linux-style `Fixes: <sha> ("<subject>")` trailers: the commits this one repairs. A culprit
 * link for incidents, not a revert: the fixing commit keeps the culprit's change and mends it.
 * Only trailers at the start of a line count; abbreviated shas of 7+ hex digits, lower-cased.
 */
export function parseFixesTrailers(body: string): string[] {
  const out: string[] = [];
  for (const m of String(body ?? '').matchAll(/^Fixes:[ \t]+([0-9a-f]{7,64})\b/gim)) {
    const h = m[1].toLowerCase();
    if (!out.includes(h)) out.push(h);
  }
  return out;
}
