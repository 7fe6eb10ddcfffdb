import { isFullSha } from '../git/revision';
import { parseRevertMessage } from '../revert/messageParser';
import type { LoggedCommit } from './commitGraph';
import type { DeployList } from './deployList';
import type { DeployGit } from './gitQueries';
import { short } from './rollbacks';
import type { DeployEvidence, DeployFinding } from './types';

type ShippedRevert = NonNullable<DeployEvidence['reverts']>[number];

/** How many commits of one deploy's change, and of the next deploy's, are read at most. */
const MAX_COMMITS_PER_DEPLOY = 500;
/** An abbreviated sha shorter than this could name the wrong commit. */
const MIN_PREFIX = 7;


/**
 * Roll-forward by revert, the most common failed deploy: deploy N moves forward from deploy N-1
 * (N-1 is an ancestor of N) and ships a commit that reverts a commit N-1 brought in (one of
 * `git rev-list N-2..N-1`). N-1 failed; the evidence is the revert deployed by N.
 * Confidence is high when N shipped nothing but reverts of N-1's change, medium when it also
 * shipped other work. Reapplies (a revert of a revert) are not reverts here.
 */
export async function findRevertFollowUps(dg: DeployGit, deploys: DeployList, maxCulprits: number): Promise<DeployFinding[]> {
  const findings: DeployFinding[] = [];
  const shaIds = deploys.shaIds().ids;
  for (const [environment, group] of deploys.groups()) {
    for (let i = 1; i < group.length; i++) {
      // Indices into the list; deploys become objects only past the graph's filters.
      const cur = group[i];
      const fail = group[i - 1];
      if (shaIds[cur] === shaIds[fail]) continue;
      // going back is a rollback (rollbacks.ts)
      if (!(dg.reachesKnown(deploys, fail, cur) ?? (await dg.reachesDeploys(deploys, fail, cur)))) continue;
      // Most forward steps ship no revert at all; the graph says so without starting git.
      if (!dg.mayHoldRevertDeploys(deploys, fail, cur)) continue;
      const current = deploys.at(cur);
      const failed = deploys.at(fail);
      const before = i > 1 ? deploys.at(group[i - 2]) : undefined;
      const later = await logRange(dg, failed.sha, current.sha);
      const candidates = later.filter((c) => c.revert !== false).map((c) => ({ commit: c, parsed: parseRevertMessage(c.subject, c.body) })).filter((c) => c.parsed !== null && c.parsed.kind !== 'reapply');
      if (candidates.length === 0) continue;
      const shipped = await logRange(dg, before?.sha, failed.sha);
      const reverts: ShippedRevert[] = [];
      for (const { commit, parsed } of candidates) {
        const reverted = shipped.filter((s) => undoes(s, parsed!.shas, parsed!.subject, parsed!.subjectTruncated)).map((s) => s.sha);
        if (reverted.length > 0) reverts.push({ sha: commit.sha, subject: commit.subject, reverted });
      }
      if (reverts.length === 0) continue;
      const culprits = shipped.map((s) => s.sha).filter((sha) => reverts.some((r) => r.reverted.includes(sha))).slice(0, maxCulprits);
      const onlyReverts = later.every((c) => reverts.some((r) => r.sha === c.sha));
      const first = reverts[reverts.length - 1];
      const more = reverts.length > 1 ? ` and ${reverts.length - 1} more revert${reverts.length > 2 ? 's' : ''}` : '';
      findings.push({
        kind: 'revert-followup',
        environment,
        failed,
        ...(before ? { good: before } : {}),
        rule: 'revert-deployed',
        confidence: onlyReverts ? 'high' : 'medium',
        culprits,
        date: current.date,
        evidence: {
          sentence:
            `${current.tag} deployed ${short(first.sha)} "${first.subject}"${more}, which reverts ` +
            `${first.reverted.map(short).join(', ')} that ${failed.tag} shipped in ${environment}: ${failed.tag} failed.`,
          ref: `refs/tags/${current.tag}`,
          // `git merge-base A B` of an ancestor A is A itself.
          ancestry: [{ ancestor: failed.sha, descendant: current.sha, isAncestor: true, mergeBase: failed.sha }],
          reverts,
        },
      });
    }
  }
  return findings;
}

/** Whether `commit` is what a revert names: by sha (full or an unambiguous prefix) or, without one, by its quoted subject. */
function undoes(commit: LoggedCommit, shas: readonly string[], subject: string | undefined, truncated: boolean): boolean {
  if (shas.length > 0) return shas.some((s) => s.length >= MIN_PREFIX && commit.sha.startsWith(s));
  if (subject === undefined || subject === '') return false;
  return truncated ? commit.subject.startsWith(subject) : commit.subject === subject;
}

/** Commits of `to` not in `from` (`git log from..to`), newest first, at most {@link MAX_COMMITS_PER_DEPLOY}. */
async function logRange(dg: DeployGit, from: string | undefined, to: string): Promise<LoggedCommit[]> {
  const known = dg.graphLog(from, to, MAX_COMMITS_PER_DEPLOY);
  if (known) return known;
  const range = from === undefined ? [to] : [to, `^${from}`];
  const out = await dg.rawOrEmpty(['log', `--max-count=${MAX_COMMITS_PER_DEPLOY}`, '--format=%H%x00%s%x00%b%x1e', '--end-of-options', ...range, '--']);
  const commits: LoggedCommit[] = [];
  for (const record of out.split('\x1e')) {
    const [sha, subject, body] = record.replace(/^\n/, '').split('\0');
    if (sha && isFullSha(sha)) commits.push({ sha: sha.toLowerCase(), subject: subject ?? '', body: body ?? '' });
  }
  return commits;
}
