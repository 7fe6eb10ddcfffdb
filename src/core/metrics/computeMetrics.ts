import { analyzeDeploys } from '../deploys/failedDeploys';
import { compileHotfixPattern } from '../deploys/hotfixes';
import { DEFAULT_HOTFIX_PATTERN, type DeployFinding } from '../deploys/types';
import { localOnlyCommits } from '../facts/repoFacts';
import { openRepository } from '../git/createGit';
import { IncidentStore, type StoredIncident } from '../incidents/incidentStore';
import { gitRunner } from '../revert/gitStream';
import { scanReverts } from '../revert/revertScanner';
import type { RevertDetection } from '../revert/types';
import { commitFacts, countCommits, matchingSubjects, workTreeRoot, type Window } from './gitFacts';
import { actionAges, hotspots, incidentsPerMonth, isLinked, median, ratio, round } from './measures';
import type { MetricsOptions, MetricsReport, RecoveryItem } from './types';

const DAY_MS = 86_400_000;
export const DEFAULT_METRICS_DAYS = 180;

/**
 * Insights for one repository over a window (default: the last 180 days). History is read
 * bounded by the window: reverts through {@link scanReverts} (git filters candidates), counts
 * through `rev-list --count`, hotfix subjects from one streamed `git log`, and per-commit facts
 * only for culprits. `options.signal` cancels it: every git process it started is ended.
 * @throws NotAGitRepositoryError, TagPatternError, the signal's reason once it fired
 */
export async function computeMetrics(repoPath: string, options: MetricsOptions = {}): Promise<MetricsReport> {
  options.signal?.throwIfAborted();
  try {
    const report = await compute(repoPath, options);
    options.signal?.throwIfAborted();
    return report;
  } catch (err) {
    // A cancelled git fails in several ways (an AbortError, simple-git's plugin error, a killed
    // walk); the caller is told one thing: it was cancelled.
    options.signal?.throwIfAborted();
    throw err;
  }
}

async function compute(repoPath: string, options: MetricsOptions): Promise<MetricsReport> {
  const signal = options.signal;
  const now = options.until !== undefined ? new Date(options.until) : (options.now ?? new Date());
  if (Number.isNaN(now.getTime())) throw new Error(`until must be a date, got "${options.until}"`);
  const sinceMs = options.since === undefined ? now.getTime() - DEFAULT_METRICS_DAYS * DAY_MS : Date.parse(options.since);
  if (Number.isNaN(sinceMs)) throw new Error(`since must be a date, got "${options.since}"`);
  const window: Window = { since: Math.floor(sinceMs / 1000), until: Math.floor(now.getTime() / 1000) };
  const since = iso(sinceMs);
  const inWindow = (date: string): boolean => {
    const t = Date.parse(date);
    return t >= sinceMs && t <= now.getTime();
  };
  const hotfixPattern = compileHotfixPattern(options.hotfixPattern ?? DEFAULT_HOTFIX_PATTERN);

  const git = await openRepository(repoPath, options.gitBinary, signal);
  const root = await workTreeRoot(git);
  signal?.throwIfAborted();
  const [detections, deployReport, commits, merges, hotfixShas, stored, localOnly] = await Promise.all([
    // All history (a window from the epoch) is scanned without a date: then the one walk of the
    // whole ancestry also answers the links, instead of one merge-base per named commit (831
    // processes on the 100,000-commit bench repository).
    scanReverts(repoPath, { ...(sinceMs > 0 ? { since } : {}), gitBinary: options.gitBinary, signal }),
    analyzeDeploys(repoPath, { tagPattern: options.tagPattern, hotfixPattern: options.hotfixPattern, hotfixWindowHours: options.hotfixWindowHours, since, gitBinary: options.gitBinary, signal }),
    countCommits(git, window, false),
    countCommits(git, window, true),
    matchingSubjects(git, gitRunner(repoPath, options.gitBinary, signal), window, hotfixPattern),
    root ? new IncidentStore(root, options.incidentsFolder).list() : Promise.resolve({ incidents: [] as StoredIncident[], errors: [] }),
    localOnlyCommits(git),
  ]);

  const windowDetections = detections.filter((d) => inWindow(d.date));
  const reverts = windowDetections.filter((d) => d.kind !== 'reapply');
  const reapplies = windowDetections.filter((d) => d.kind === 'reapply');
  const rollbacks = deployReport.findings.filter((f) => f.kind === 'rollback' && inWindow(f.date));
  const deployCount = deployReport.deploys.countBetween(sinceMs, now.getTime());
  const detectionShas = new Set(windowDetections.map((d) => d.sha));
  const hotfixes = hotfixShas.filter((s) => !detectionShas.has(s));
  const incidents = stored.incidents;
  const windowIncidents = incidents.filter((s) => inWindow(s.incident.detected));

  const culpritShas = [...reverts.flatMap((d) => d.reverted), ...rollbacks.flatMap((f) => f.culprits), ...windowIncidents.flatMap((s) => s.incident.culprits)];
  signal?.throwIfAborted();
  const facts = await commitFacts(git, culpritShas);

  const recovery = [...reverts.map((d) => revertRecovery(d, facts, incidents)), ...rollbacks.map((f) => rollbackRecovery(f, facts, incidents))]
    .filter((r): r is RecoveryItem => r !== undefined)
    .sort((a, b) => Date.parse(a.recovered) - Date.parse(b.recovered) || (a.recoveredBy < b.recoveredBy ? -1 : 1));
  const useDeploys = deployCount > 0;
  // A revert no remote branch has never shipped: the change was caught on this machine, which is good news, not a failure.
  const caught = reverts.filter((d) => localOnly?.has(d.sha) ?? false);
  const shippedReverts = reverts.length - caught.length;
  const failures = shippedReverts + rollbacks.length;
  const untracked = reverts.filter((d) => !incidents.some((s) => isLinked(s.incident, d)));
  const culpritCommits = new Set(culpritShas.filter((s) => facts.has(s)));

  return {
    since,
    until: iso(now.getTime()),
    estimate: true,
    timeToRecover: {
      formula: 'per revert or rollback: (revert commit date, or rollback deploy date) − (committer date of the earliest culprit); median over all',
      estimate: true,
      medianHours: median(recovery.map((r) => r.hours)),
      items: recovery,
    },
    changeFailure: {
      formula: `${useDeploys ? '(reverts + rollbacks) ÷ deploys, in the window' : '(reverts + rollbacks) ÷ merges to the default branch (first-parent commits on HEAD), in the window; no deploy tags were found'}; reverts that are on no remote branch were caught before shipping and are not failures`,
      estimate: true,
      rate: ratio(failures, useDeploys ? deployCount : merges),
      reverts: shippedReverts,
      caughtBeforeShipping: caught.length,
      rollbacks: rollbacks.length,
      denominator: useDeploys ? deployCount : merges,
      basis: useDeploys ? 'deploys' : 'merges',
    },
    reworkRate: {
      formula: `(reverts + reapplies + hotfix commits) ÷ commits on HEAD, in the window; a hotfix commit is one whose subject matches the hotfix pattern (${options.hotfixPattern ? `/${options.hotfixPattern}/i` : 'default: the word hotfix, which also matches merges of hotfix/ branches'}); conventional fix:/fix(…) commits are not hotfixes`,
      estimate: true,
      rate: ratio(reverts.length + reapplies.length + hotfixes.length, commits),
      reverts: reverts.length,
      reapplies: reapplies.length,
      hotfixes: hotfixes.length,
      commits,
    },
    incidentsPerMonth: {
      formula: 'incident files by the month they were detected, plus reverts in that month no incident names (UTC months)',
      estimate: true,
      months: incidentsPerMonth(sinceMs, now.getTime(), windowIncidents, untracked),
    },
    hotspots: {
      formula: 'files changed by culprit commits (reverted commits, rollback culprits, incident culprits), counted once per commit; folders: the files\u2019 parent folders',
      estimate: true,
      ...hotspots([...culpritCommits].map((s) => facts.get(s)?.files ?? [])),
    },
    actionAge: actionAges(incidents, now.getTime()),
    unreadableIncidentFiles: stored.errors.map((e) => e.file),
  };
}

function revertRecovery(d: RevertDetection, facts: ReadonlyMap<string, { date: string }>, incidents: readonly StoredIncident[]): RecoveryItem | undefined {
  const landed = earliest(d.reverted, facts);
  if (landed === undefined) return undefined;
  const incident = incidents.find((s) => isLinked(s.incident, d));
  return {
    source: 'revert',
    recoveredBy: d.sha,
    culprits: [...d.reverted],
    culpritLanded: iso(landed),
    recovered: iso(Date.parse(d.date)),
    hours: hoursBetween(landed, Date.parse(d.date)),
    ...(incident ? { incident: incident.relativePath } : {}),
  };
}

function rollbackRecovery(f: DeployFinding, facts: ReadonlyMap<string, { date: string }>, incidents: readonly StoredIncident[]): RecoveryItem | undefined {
  const landed = earliest(f.culprits, facts);
  if (landed === undefined || !f.good) return undefined;
  const tag = f.good.tag;
  const incident = incidents.find((s) => s.incident.deployRefs.some((r) => r === tag || r === `refs/tags/${tag}` || r === f.failed?.tag || r === `refs/tags/${f.failed?.tag}`));
  return {
    source: 'rollback',
    recoveredBy: tag,
    ...(f.environment ? { environment: f.environment } : {}),
    culprits: [...f.culprits],
    culpritLanded: iso(landed),
    recovered: iso(Date.parse(f.date)),
    hours: hoursBetween(landed, Date.parse(f.date)),
    ...(incident ? { incident: incident.relativePath } : {}),
  };
}

function earliest(shas: readonly string[], facts: ReadonlyMap<string, { date: string }>): number | undefined {
  const dates = shas.map((s) => facts.get(s)?.date).filter((d): d is string => d !== undefined).map((d) => Date.parse(d));
  return dates.length === 0 ? undefined : Math.min(...dates);
}

/** Never negative: a culprit dated after its revert is clock skew, not time travel. */
function hoursBetween(from: number, to: number): number {
  return round(Math.max(0, to - from) / 3_600_000, 2);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
