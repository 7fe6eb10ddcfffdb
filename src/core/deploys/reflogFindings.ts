import type { DeployGit } from './gitQueries';
import { readRefLog, type RefLogEntry } from './gitQueries';
import { short } from './rollbacks';
import type { AncestryCheck, DeployFinding } from './types';

export interface ReflogScanOptions {
  /** Entries older than this (seconds since the epoch) are ignored. */
  sinceSeconds: number;
  maxEntries: number;
  maxCulprits: number;
}

/** How many past upstream values a reset is checked against (newest first). */
const UPSTREAM_HISTORY = 50;

/**
 * A local branch that `reset` moved backwards over commits its upstream had: someone took
 * pushed work back out (a rollback by hand). "Pushed" means some dropped commit is reachable
 * from the upstream now (medium: only the local branch moved so far) or from an earlier
 * upstream value in its reflog (high: the upstream itself was rewritten afterwards).
 */
export async function findResetsOverPushed(dg: DeployGit, options: ReflogScanOptions): Promise<DeployFinding[]> {
  const out = await dg.rawOrEmpty(['for-each-ref', '--format=%(refname)%00%(upstream)', 'refs/heads']);
  const findings: DeployFinding[] = [];
  for (const line of out.split('\n')) {
    const [branch, upstream] = line.split('\0');
    if (!branch || !upstream) continue;
    const entries = await readRefLog(dg, branch, options.maxEntries);
    let upstreamValues: string[] | undefined;
    for (const entry of entries) {
      if (!/^reset:/.test(entry.message) || !entry.oldSha || entry.oldSha === entry.newSha || entry.time < options.sinceSeconds) continue;
      const backwards = await dg.isAncestor(entry.newSha, entry.oldSha);
      if (!backwards.isAncestor) continue;
      upstreamValues ??= await upstreamHistory(dg, upstream, options.maxEntries);
      const pushed = await pushedDroppedTip(dg, { ...entry, oldSha: entry.oldSha }, upstreamValues);
      if (!pushed) continue;
      const rewritten = pushed.upstreamValue !== upstreamValues[0];
      const culprits = await dg.commitsBetween(entry.newSha, pushed.tip, options.maxCulprits);
      findings.push({
        kind: 'reset-over-pushed',
        rule: 'reset-over-pushed',
        confidence: rewritten ? 'high' : 'medium',
        culprits,
        date: isoFromSeconds(entry.time),
        evidence: {
          sentence:
            `${branch.replace(/^refs\/heads\//, '')} was reset from ${short(entry.oldSha)} back to its ancestor ${short(entry.newSha)} ` +
            `("${entry.message}"), dropping ${culprits.length} commit(s) that ${upstream.replace(/^refs\/remotes\//, '')} ` +
            (rewritten ? 'had (the upstream has since been rewritten too).' : 'still has.'),
          ref: branch,
          fromSha: entry.oldSha,
          toSha: entry.newSha,
          upstream,
          reflogMessage: entry.message,
          ancestry: [check(entry.newSha, entry.oldSha, backwards), pushed.check],
        },
      });
    }
  }
  return findings;
}

/**
 * A remote-tracking ref that a fetch moved with `forced-update`: history was rewritten upstream.
 * Proven (high) when the old tip is not an ancestor of the new one; when the old tip is no longer
 * in this repository the rewrite cannot be checked (low).
 */
export async function findForcedUpdates(dg: DeployGit, options: ReflogScanOptions): Promise<DeployFinding[]> {
  const out = await dg.rawOrEmpty(['for-each-ref', '--format=%(refname)%00%(symref)', 'refs/remotes']);
  const findings: DeployFinding[] = [];
  for (const line of out.split('\n')) {
    const [ref, symref] = line.split('\0');
    if (!ref || symref) continue;
    for (const entry of await readRefLog(dg, ref, options.maxEntries)) {
      if (!/forced-update/.test(entry.message) || !entry.oldSha || entry.time < options.sinceSeconds) continue;
      const present = await dg.hasCommit(entry.oldSha);
      const ancestry = present ? await dg.isAncestor(entry.oldSha, entry.newSha) : { isAncestor: false, mergeBase: null };
      if (ancestry.isAncestor) continue; // a fast-forward after all: nothing was dropped
      const culprits = present ? await dg.commitsBetween(entry.newSha, entry.oldSha, options.maxCulprits) : [];
      const name = ref.replace(/^refs\/remotes\//, '');
      findings.push({
        kind: 'forced-update',
        rule: 'forced-update',
        confidence: present ? 'high' : 'low',
        culprits,
        date: isoFromSeconds(entry.time),
        evidence: {
          sentence: present
            ? `${name} was force-updated from ${short(entry.oldSha)} to ${short(entry.newSha)} ("${entry.message}"); ` +
              `${short(entry.oldSha)} is not an ancestor of ${short(entry.newSha)}, so ${culprits.length} commit(s) were removed upstream.`
            : `${name} was force-updated from ${short(entry.oldSha)} to ${short(entry.newSha)} ("${entry.message}"), ` +
              `but ${short(entry.oldSha)} is no longer in this repository, so the rewrite cannot be checked.`,
          ref,
          fromSha: entry.oldSha,
          toSha: entry.newSha,
          reflogMessage: entry.message,
          ...(present ? { ancestry: [check(entry.oldSha, entry.newSha, ancestry)] } : {}),
        },
      });
    }
  }
  return findings;
}

/** The upstream's current value followed by its earlier values, newest first, without repeats. */
async function upstreamHistory(dg: DeployGit, upstream: string, maxEntries: number): Promise<string[]> {
  const current = (await dg.rawOrEmpty(['rev-parse', '--verify', '--quiet', '--end-of-options', `${upstream}^{commit}`])).trim();
  const values = current ? [current.toLowerCase()] : [];
  for (const e of await readRefLog(dg, upstream, Math.min(maxEntries, UPSTREAM_HISTORY))) {
    if (!values.includes(e.newSha)) values.push(e.newSha);
  }
  return values;
}

/**
 * The newest dropped commit some upstream value contains: merge-base(old, upstream) when that is
 * strictly after the reset target. Undefined when no dropped commit was ever on the upstream.
 */
async function pushedDroppedTip(
  dg: DeployGit,
  entry: RefLogEntry & { oldSha: string },
  upstreamValues: readonly string[],
): Promise<{ tip: string; upstreamValue: string; check: AncestryCheck } | undefined> {
  for (const value of upstreamValues) {
    const base = await dg.mergeBase(entry.oldSha, value);
    if (!base || base === entry.newSha) continue;
    if (!(await dg.isAncestor(entry.newSha, base)).isAncestor) continue;
    return { tip: base, upstreamValue: value, check: { ancestor: entry.oldSha, descendant: value, isAncestor: base === entry.oldSha, mergeBase: base } };
  }
  return undefined;
}

function check(ancestor: string, descendant: string, answer: { isAncestor: boolean; mergeBase: string | null }): AncestryCheck {
  return { ancestor, descendant, isAncestor: answer.isAncestor, mergeBase: answer.mergeBase };
}

export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
