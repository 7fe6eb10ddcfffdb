/**
 * One revert-like commit of a message scan while its links are found (see revertScanner.ts):
 * the sha or MR link named in the message, the ancestry check of named shas, the subject or PR
 * lookup, and the matchers that lookup uses.
 */
import { MIN_PREFIX, type Lookup, type SubjectMatcher } from './ancestorSearch';
import type { DiffEvidence } from './diffEvidence';
import type { LogCommit } from './historyReader';
import type { CommitFacts, LinkResolver } from './linkResolver';
import type { ParsedRevertMessage } from './messageParser';
import type { LinkEvidence } from './types';

export interface Candidate {
  commit: LogCommit;
  parsed: ParsedRevertMessage;
  reverted: string[];
  evidence: LinkEvidence;
  mergeParent?: string;
  /** What the diff said, when the message named nothing resolvable. */
  diff?: DiffEvidence;
  /** The sha or MR link, started as soon as the candidate is read. */
  direct: Promise<void>;
  /** A subject or PR lookup, registered before the walk passes the revert; dropped when `direct` links. */
  lookup?: Lookup;
  /**
   * One PR lookup per pull request when the message names several that it undoes together
   * (`Revert changes (#6006 and #5885)`, two `revert #N` lines): each is linked, not the first found.
   */
  perPr?: Lookup[];
  /** In a fed walk, whether each sha the message names is an ancestor (see {@link keepAncestors}). */
  ancestry?: Lookup[];
}

/** The subject and PR lookups a candidate still has registered. */
export function lookupsOf(c: Candidate): Lookup[] {
  return [...(c.lookup ? [c.lookup] : []), ...(c.perPr ?? [])];
}

/** Registers subject and PR lookups with the scan's ancestry search. */
export interface SubjectLookups {
  register(revert: LogCommit, matchers: readonly SubjectMatcher[]): Lookup;
  /** A registered lookup found no direct link and waits for the answer. */
  need(): void;
}

/**
 * Keeps the named commits that are ancestors of the revert: a named sha may be in the object
 * store without being in this history (a PR branch's own commit fetched with pull refs, the
 * copy of a commit from before a rebase or cherry-pick). The fed walk has answered that.
 */
export async function keepAncestors(c: Candidate, ancestry: readonly Lookup[]): Promise<void> {
  const seen = new Set((await Promise.all(ancestry.map((l) => l.result))).map((m) => m?.sha));
  const kept = c.reverted.filter((sha) => seen.has(sha));
  c.reverted = kept;
  if (kept.length === 0) c.evidence = 'none';
}

/**
 * A quoted subject matched as `subject (#N)` on a merge commit whose merged side is the commit
 * with exactly that subject: `git revert` of that side commit wrote the message, so it is the
 * original (the merge's own diff is the same change). `facts` gains the side commits.
 */
export async function preferMergedCommit(linked: Candidate[], facts: Map<string, CommitFacts>, resolver: LinkResolver): Promise<void> {
  const viaMerge = linked.filter((c) => {
    const original = facts.get(c.reverted[0]);
    return c.evidence === 'subject-exact' && original !== undefined && original.parents.length > 1 && original.subject !== c.parsed.subject;
  });
  if (viaMerge.length === 0) return;
  const sides = await resolver.describe(viaMerge.flatMap((c) => facts.get(c.reverted[0])?.parents.slice(1) ?? []));
  for (const c of viaMerge) {
    const side = facts
      .get(c.reverted[0])
      ?.parents.slice(1)
      .find((p) => sides.get(p)?.subject === c.parsed.subject);
    const found = side === undefined ? undefined : sides.get(side);
    if (!found) continue;
    c.reverted = [found.sha];
    facts.set(found.sha, found);
  }
}

/** Links named by sha (any commit git has), or by a GitLab MR number (needs the body, so it keeps its own grep). */
export async function linkDirect(c: Candidate, resolver: LinkResolver): Promise<void> {
  const { parsed, commit } = c;
  const found = await Promise.all(parsed.shas.map((s) => resolver.resolveSha(s)));
  const reverted = [...new Set(found.filter((s): s is string => s !== undefined && s !== commit.sha))];
  if (reverted.length > 0) {
    c.reverted = reverted;
    c.evidence = 'sha';
    if (parsed.mergeParent) c.mergeParent = await resolver.resolveSha(parsed.mergeParent);
    return;
  }
  await linkByMergeRequest(c, resolver);
}

/**
 * {@link linkDirect} and {@link keepAncestors} in one step, for a scan without a walk of the whole
 * ancestry (a short range, as in an incremental rescan): each named sha costs one `merge-base`
 * that says both what it names and whether that is an ancestor of the revert.
 */
export async function linkNamedAncestors(c: Candidate, resolver: LinkResolver): Promise<void> {
  const { parsed, commit } = c;
  const mergeParent = parsed.mergeParent ? resolver.resolveSha(parsed.mergeParent) : undefined;
  const answers = await Promise.all(parsed.shas.map((s) => resolver.nameAncestor(commit.sha, s)));
  if (answers.every((a) => a === 'missing')) {
    await linkByMergeRequest(c, resolver);
    return;
  }
  c.reverted = [...new Set(answers.filter((a) => a !== 'missing' && a !== 'elsewhere'))];
  if (c.reverted.length === 0) return;
  c.evidence = 'sha';
  if (mergeParent) c.mergeParent = await mergeParent;
}

/** A GitLab MR number names the merge commit; its title often equals a commit inside the MR, so it goes before the subject. */
async function linkByMergeRequest(c: Candidate, resolver: LinkResolver): Promise<void> {
  const { parsed, commit } = c;
  const mr = parsed.mrNumber;
  if (mr === undefined) return;
  const sha = await resolver.findByMergeRequest(commit.sha, mr);
  if (sha === undefined) return;
  c.reverted = [sha];
  c.evidence = 'mr-number';
}

/**
 * The subject-based evidence to try, strongest first. A GitHub PR number and an exact subject
 * name the same squash commit; the subject goes first because it also covers merge-commit
 * reverts. A truncated subject is only ever a prefix.
 */
export function subjectMatchers(parsed: ParsedRevertMessage): SubjectMatcher[] {
  const out: SubjectMatcher[] = [];
  const subject = parsed.subject;
  if (subject !== undefined && !parsed.subjectTruncated) out.push({ evidence: 'subject-exact', subject });
  for (const pr of parsed.prNumbers) out.push({ evidence: 'pr-number', pr });
  if (subject !== undefined && parsed.subjectTruncated && subject.trim().length >= MIN_PREFIX) {
    out.push({ evidence: 'subject-prefix', prefix: subject });
  }
  return out;
}
