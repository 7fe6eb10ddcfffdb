import type { DeployList } from './deployList';
import type { DeployGit } from './gitQueries';
import type { DeployFinding } from './types';

/**
 * Rollbacks within each environment, walking deploys oldest first. Deploy N rolls back from
 * deploy N-1 (the failed one) when it moves to a different commit that does not descend from
 * N-1's, and either
 * - `same-commit-as-earlier`: its commit is one an earlier deploy shipped (high confidence: a
 *   known-good build went back out), or
 * - `ancestor-of-previous`: its commit is an ancestor of N-1's (medium: going back in history,
 *   though to a commit never deployed before here).
 * A roll-forward (N-1 is an ancestor of N) and a redeploy of the same commit are normal.
 * Re-deploying the failed commit after a rollback is therefore a roll-forward, not a rollback.
 */
export async function findRollbacks(dg: DeployGit, deploys: DeployList, maxCulprits: number): Promise<DeployFinding[]> {
  const findings: DeployFinding[] = [];
  const shaIds = deploys.shaIds().ids;
  for (const [environment, group] of deploys.groups()) {
    for (let i = 1; i < group.length; i++) {
      // Indices into the list; a deploy becomes an object only for a finding.
      const cur = group[i];
      const prev = group[i - 1];
      if (shaIds[cur] === shaIds[prev]) continue;
      // From the graph without a promise per pair when it can tell (the usual case).
      if (dg.reachesKnown(deploys, prev, cur) ?? (await dg.reachesDeploys(deploys, prev, cur))) continue;
      const earlierAt = findEarlier(group, shaIds, i - 1, cur);
      const wentBack = dg.reachesKnown(deploys, cur, prev) ?? (await dg.reachesDeploys(deploys, cur, prev));
      if (earlierAt < 0 && !wentBack) continue;
      const current = deploys.at(cur);
      const previous = deploys.at(prev);
      const earlier = earlierAt < 0 ? undefined : deploys.at(earlierAt);
      // A finding: the merge-base answers go into the evidence. When the deploy went back to an
      // ancestor, that ancestor is the merge base both ways; otherwise git is asked.
      const back = wentBack ? { isAncestor: true, mergeBase: current.sha } : await dg.isAncestor(current.sha, previous.sha);
      const forward = wentBack ? { isAncestor: false, mergeBase: current.sha } : await dg.isAncestor(previous.sha, current.sha);
      const culprits = await dg.commitsBetween(current.sha, previous.sha, maxCulprits);
      // Both checks go into the evidence: not a roll-forward, and (maybe) going back in history.
      const ancestry = [
        { ancestor: previous.sha, descendant: current.sha, isAncestor: false, mergeBase: forward.mergeBase },
        { ancestor: current.sha, descendant: previous.sha, isAncestor: back.isAncestor, mergeBase: back.mergeBase },
      ];
      if (earlier) {
        findings.push({
          kind: 'rollback',
          environment,
          failed: previous,
          good: current,
          rule: 'same-commit-as-earlier',
          confidence: 'high',
          culprits,
          date: current.date,
          evidence: {
            sentence:
              `${current.tag} re-deployed ${short(current.sha)}, the commit ${earlier.tag} shipped, ` +
              `right after ${previous.tag} (${short(previous.sha)}) in ${environment}: ${previous.tag} was rolled back.`,
            ref: `refs/tags/${current.tag}`,
            ancestry,
          },
        });
      } else {
        findings.push({
          kind: 'rollback',
          environment,
          failed: previous,
          good: current,
          rule: 'ancestor-of-previous',
          confidence: 'medium',
          culprits,
          date: current.date,
          evidence: {
            sentence:
              `${current.tag} deployed ${short(current.sha)}, an ancestor of ${short(previous.sha)} that ${previous.tag} ` +
              `deployed before it in ${environment} (git merge-base = ${short(back.mergeBase ?? '')}): ${previous.tag} was rolled back.`,
            ref: `refs/tags/${current.tag}`,
            ancestry,
          },
        });
      }
    }
  }
  return findings;
}

/** The latest of `group[0..end)` that deployed the commit of deploy `of` (list indices), or -1. */
function findEarlier(group: Uint32Array, shaIds: Uint32Array, end: number, of: number): number {
  for (let j = end - 1; j >= 0; j--) if (shaIds[group[j]] === shaIds[of]) return group[j];
  return -1;
}

export function short(sha: string): string {
  return sha.slice(0, 7);
}
