import { openRepository } from '../git/createGit';
import type { IncidentDraft } from '../incidents/incidentFile';
import { gitRunner } from '../revert/gitStream';
import { CommitGraph } from './commitGraph';
import type { DeployList } from './deployList';
import { readDeploys } from './deployTags';
import { DeployGit } from './gitQueries';
import { compileHotfixPattern, findHotfixFollowUps } from './hotfixes';
import { findForcedUpdates, findResetsOverPushed } from './reflogFindings';
import { findRevertFollowUps } from './revertFollowUps';
import { findRollbacks, short } from './rollbacks';
import { compileTagPattern } from './tagPattern';
import {
  DEFAULT_HOTFIX_PATTERN,
  DEFAULT_HOTFIX_WINDOW_HOURS,
  DEFAULT_TAG_PATTERN,
  type Deploy,
  type DeployFinding,
  type FailedDeployOptions,
} from './types';

export const DEFAULT_MAX_CULPRITS = 200;
const DEFAULT_MAX_REFLOG_ENTRIES = 1000;

export interface FailedDeployReport {
  /** Every deploy tag read, oldest first, as columns: `length` counts them, `at(i)` makes one a {@link Deploy}. */
  deploys: DeployList;
  /** Newest first. */
  findings: DeployFinding[];
}

/** Every finding that a deploy failed or was rolled back, newest first. @throws NotAGitRepositoryError, TagPatternError */
export async function findFailedDeploys(repoPath: string, options: FailedDeployOptions = {}): Promise<DeployFinding[]> {
  return (await analyzeDeploys(repoPath, options)).findings;
}

/** The deploys and the findings in one pass (the metrics and the CLI need both). */
export async function analyzeDeploys(repoPath: string, options: FailedDeployOptions = {}): Promise<FailedDeployReport> {
  const pattern = compileTagPattern(options.tagPattern ?? DEFAULT_TAG_PATTERN);
  const hotfix = compileHotfixPattern(options.hotfixPattern ?? DEFAULT_HOTFIX_PATTERN);
  const windowHours = options.hotfixWindowHours ?? DEFAULT_HOTFIX_WINDOW_HOURS;
  if (!(windowHours >= 0) || !Number.isFinite(windowHours)) throw new Error(`the hotfix window must be a number of hours, got ${windowHours}`);
  const sinceMs = options.since === undefined ? 0 : Date.parse(options.since);
  if (Number.isNaN(sinceMs)) throw new Error(`since must be a date, got "${options.since}"`);
  const maxCulprits = options.maxCulprits ?? DEFAULT_MAX_CULPRITS;
  const maxEntries = options.maxReflogEntries ?? DEFAULT_MAX_REFLOG_ENTRIES;

  const git = await openRepository(repoPath, options.gitBinary, options.signal);
  const runner = gitRunner(repoPath, options.gitBinary, options.signal);
  // One in-memory history for every ancestry filter below (and the hotfix rule's walk of the
  // branches, hence --branches --remotes): no git process per pair of tags. git walks the
  // branches while the tags are read; the deployed commits that walk did not reach are read after.
  // With fewer than two deploys nothing is compared, and the walk is stopped. If git cannot walk
  // it (a damaged or partial clone), each question goes to git as before.
  const walk = new AbortController();
  const walkSignal = options.signal ? AbortSignal.any([options.signal, walk.signal]) : walk.signal;
  const reading = readDeploys(runner, pattern);
  const tips = reading.then((d) => (d.length > 1 ? deployCommitLines(d) : undefined));
  const history = CommitGraph.loadAround(gitRunner(repoPath, options.gitBinary, walkSignal), ['--branches', '--remotes'], tips).catch(() => undefined);
  const deploys = await reading.catch((err: unknown) => {
    walk.abort();
    options.signal?.throwIfAborted();
    throw err;
  });
  if (deploys.length <= 1) walk.abort();
  // The rules share the list's grouping by environment (DeployList.groups).
  const graph = await history;
  const dg = new DeployGit(git, graph);
  const reflog = { sinceSeconds: Math.floor(sinceMs / 1000), maxEntries, maxCulprits };
  const [rollbacks, reverted, resets, forced, hotfixes] = await Promise.all([
    findRollbacks(dg, deploys, maxCulprits),
    findRevertFollowUps(dg, deploys, maxCulprits),
    findResetsOverPushed(dg, reflog),
    findForcedUpdates(dg, reflog),
    findHotfixFollowUps(dg, runner, deploys, { hotfix, windowHours, maxCulprits, sinceMs }),
  ]);
  options.signal?.throwIfAborted();
  const findings = [...[...rollbacks, ...reverted].filter((f) => Date.parse(f.date) >= sinceMs), ...resets, ...forced, ...hotfixes];
  findings.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  return { deploys, findings };
}

/** Each distinct deployed commit once, one sha a line, in the order of its first deploy (the input of `git log --stdin`). */
function deployCommitLines(deploys: DeployList): Buffer {
  const { firsts } = deploys.shaIds();
  let out = Buffer.alloc(0);
  let at = 0;
  for (const i of firsts) {
    const [hex, start, end] = deploys.shaBytes(i);
    if (out.length === 0) out = Buffer.alloc(firsts.length * (end - start + 1));
    at += hex.copy(out, at, start, end);
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

/**
 * The commits that probably caused a finding: `git rev-list good..failed` for deploy findings,
 * the reverted commits for a revert follow-up, the dropped commits (`to..from`) for reflog
 * findings; newest first, at most `max`.
 * Re-reads git, so it also works for a finding kept from an earlier scan.
 */
export async function culpritsForFinding(
  repoPath: string,
  finding: DeployFinding,
  options: { gitBinary?: string; max?: number } = {},
): Promise<string[]> {
  const dg = new DeployGit(await openRepository(repoPath, options.gitBinary));
  const max = options.max ?? DEFAULT_MAX_CULPRITS;
  if (finding.rule === 'revert-deployed') {
    const reverted = [...new Set(finding.evidence.reverts?.flatMap((r) => r.reverted) ?? [])];
    const present = await Promise.all(reverted.map((sha) => dg.hasCommit(sha)));
    return reverted.filter((_, i) => present[i]).slice(0, Math.max(0, max));
  }
  if (finding.failed) return finding.good ? dg.commitsBetween(finding.good.sha, finding.failed.sha, max) : [];
  const { fromSha, toSha } = finding.evidence;
  if (fromSha && toSha && (await dg.hasCommit(fromSha))) return dg.commitsBetween(toSha, fromSha, max);
  return [];
}

/** A draft for {@link IncidentStore.create}: the same shape a revert opens, with the deploy refs and evidence. */
export function incidentDraftForFinding(finding: DeployFinding): IncidentDraft {
  const deployRefs = [finding.failed, finding.good].filter((d): d is Deploy => d !== undefined).map((d) => `refs/tags/${d.tag}`);
  if (deployRefs.length === 0 && finding.evidence.ref) deployRefs.push(finding.evidence.ref);
  const events = [
    ...(finding.failed ? [{ at: finding.failed.date, text: `Deployed ${finding.failed.tag} (${short(finding.failed.sha)})`, source: 'deploy' as const }] : []),
    { at: finding.date, text: finding.evidence.sentence, source: 'deploy' as const },
  ];
  return {
    title: findingTitle(finding),
    culprits: [...finding.culprits],
    deployRefs,
    events,
    sections: { whatHappened: `${finding.evidence.sentence} (Own It, rule ${finding.rule}, ${finding.confidence} confidence.)` },
  };
}

export function findingTitle(finding: DeployFinding): string {
  switch (finding.kind) {
    case 'rollback':
      return `Rollback of ${finding.failed?.tag ?? 'a deploy'}${finding.environment ? ` in ${finding.environment}` : ''}`;
    case 'hotfix-followup':
      return `Hotfix after ${finding.failed?.tag ?? 'a deploy'}`;
    case 'revert-followup':
      return `Reverted after ${finding.failed?.tag ?? 'a deploy'}${finding.environment ? ` in ${finding.environment}` : ''}`;
    case 'reset-over-pushed':
      return `${(finding.evidence.ref ?? 'A branch').replace(/^refs\/heads\//, '')} reset over pushed commits`;
    case 'forced-update':
      return `${(finding.evidence.ref ?? 'A remote branch').replace(/^refs\/remotes\//, '')} rewritten upstream`;
  }
}
