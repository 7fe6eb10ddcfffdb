import type { Incident } from '../incidents/model';
import type { BlastRadius } from '../teamUpdate/draftTeamUpdate';
import { gitFor, looksLikeSha } from './gitRunner';
import type { BlastRadiusAssessment } from './types';

/**
 * How far a breakage reached decides how much communication it needs (see {@link BlastRadius}):
 * - local: the revert never left this machine; usually nobody needs a message.
 * - team: the revert is on a remote branch; teammates may have pulled the broken change.
 * - production: a deploy ref involved looks like production; people outside the team noticed.
 */
export type { BlastRadius, BlastRadiusAssessment };

export const DEFAULT_PRODUCTION_PATTERN = /(^|[/_.-])(prod|production|live)([/_.-]|$)/i;

export interface BlastRadiusOptions {
  productionPattern?: RegExp;
  gitPath?: string;
}

/** Remote-tracking branches containing `sha`; `--end-of-options` is not needed as sha is checked. */
export async function remoteBranchesContaining(repoRoot: string, sha: string, gitPath?: string): Promise<string[]> {
  if (!looksLikeSha(sha)) throw new Error(`Not a commit sha: ${sha}`);
  const out = await gitFor(repoRoot, gitPath).raw(['branch', '-r', '--format=%(refname:short)', '--contains', sha]);
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.endsWith('/HEAD'));
}

/**
 * Decides the blast radius. Local means neither the revert nor any culprit is on a remote-tracking
 * branch: a pushed culprit with an unpushed revert still reached teammates, so that is team.
 */
export async function assessBlastRadius(
  repoRoot: string,
  incident: Pick<Incident, 'revert' | 'culprits' | 'deployRefs'>,
  options: BlastRadiusOptions = {},
): Promise<BlastRadiusAssessment> {
  const prod = options.productionPattern ?? DEFAULT_PRODUCTION_PATTERN;
  const prodRefs = incident.deployRefs.filter((r) => prod.test(r));
  if (prodRefs.length > 0) {
    return { radius: 'production', reason: `It reached production (${prodRefs.join(', ')}).`, remoteBranches: [] };
  }
  const shas = [...(incident.revert ? [incident.revert] : []), ...incident.culprits];
  if (shas.length === 0) {
    return { radius: 'team', reason: 'No commit is linked yet, so this assumes teammates may be affected.', remoteBranches: [] };
  }
  const found = await Promise.all(shas.map((s) => remoteBranchesContaining(repoRoot, s, options.gitPath).catch(() => undefined)));
  if (found.every((b) => b === undefined)) {
    return { radius: 'team', reason: 'The linked commits are not in this clone, so this assumes teammates may be affected.', remoteBranches: [] };
  }
  const branches = [...new Set(found.flatMap((b) => b ?? []))];
  if (branches.length === 0) {
    const what = incident.revert ? 'Neither the change nor its revert is' : 'The change is not';
    return { radius: 'local', reason: `${what} on any remote branch: it never left your machine.`, remoteBranches: [] };
  }
  const list = `${branches.slice(0, 3).join(', ')}${branches.length > 3 ? '…' : ''}`;
  const revertPushed = incident.revert !== undefined && (found[0] ?? []).length > 0;
  const reason = incident.revert && !revertPushed
    ? `The broken change is on ${list}; the revert is not pushed yet.`
    : `It is on ${list}, so teammates may have pulled it.`;
  return { radius: 'team', reason, remoteBranches: branches };
}
