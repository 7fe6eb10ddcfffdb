/**
 * Org-wide numbers from many repositories' `own-it metrics --json` outputs. Each org number is
 * recomputed from the repositories' parts (never an average of averages): medians over all
 * pooled items, rates as summed numerators over summed denominators.
 */
import { median, ratio, round } from '../metrics/measures';
import type { RepoMetrics } from './readMetricsFile';

/** Open action items by age, in days. */
export interface AgeBuckets {
  under7: number;
  from7to30: number;
  from30to90: number;
  over90: number;
}

export interface MergedRow {
  repository: string;
  since: string;
  until: string;
  recoveries: number;
  medianHoursToRecover: number | null;
  failures: number;
  failureDenominator: number;
  /** `mixed` (org row only) when some repositories count deploys and others merges. */
  failureBasis: 'deploys' | 'merges' | 'mixed';
  changeFailureRate: number | null;
  reworkChanges: number;
  commits: number;
  reworkRate: number | null;
  incidents: number;
  months: number;
  incidentsPerMonth: number | null;
  openActions: number;
  medianActionAgeDays: number | null;
  actionAges: AgeBuckets;
}

export interface MergedReport {
  repositories: MergedRow[];
  org: MergedRow;
  formulas: {
    timeToRecover: string;
    changeFailure: string;
    rework: string;
    incidentsPerMonth: string;
    openActions: string;
  };
}

export const MERGE_FORMULAS: MergedReport['formulas'] = {
  timeToRecover: 'median of the hours of every revert and rollback (recovered − earliest culprit landed); org: median over all repositories\u2019 recoveries pooled',
  changeFailure: '(reverts + rollbacks) ÷ (deploys, or first-parent merges when a repository has no deploy tags); org: Σ(reverts + rollbacks) ÷ Σ denominators',
  rework: '(reverts + reapplies + hotfixes) ÷ commits; org: Σ numerators ÷ Σ commits',
  incidentsPerMonth: 'Σ monthly totals (incident files + reverts no incident names) ÷ number of months; org: Σ over repositories ÷ number of distinct months',
  openActions: 'open action items and the median of their ages in days; org: all repositories\u2019 items pooled; buckets <7, 7–29, 30–89, ≥90 days',
};

function buckets(ages: readonly number[]): AgeBuckets {
  const b: AgeBuckets = { under7: 0, from7to30: 0, from30to90: 0, over90: 0 };
  for (const a of ages) {
    if (a < 7) b.under7++;
    else if (a < 30) b.from7to30++;
    else if (a < 90) b.from30to90++;
    else b.over90++;
  }
  return b;
}

interface Parts {
  hours: number[];
  failures: number;
  denominator: number;
  bases: Set<'deploys' | 'merges'>;
  rework: number;
  commits: number;
  monthTotals: Map<string, number>;
  ages: number[];
  since: string;
  until: string;
}

function parts(r: RepoMetrics): Parts {
  const rep = r.report;
  const monthTotals = new Map<string, number>();
  for (const m of rep.incidentsPerMonth.months) monthTotals.set(m.month, (monthTotals.get(m.month) ?? 0) + m.total);
  return {
    hours: rep.timeToRecover.items.map((i) => i.hours),
    failures: rep.changeFailure.reverts + rep.changeFailure.rollbacks,
    denominator: rep.changeFailure.denominator,
    bases: new Set([rep.changeFailure.basis]),
    rework: rep.reworkRate.reverts + rep.reworkRate.reapplies + rep.reworkRate.hotfixes,
    commits: rep.reworkRate.commits,
    monthTotals,
    ages: rep.actionAge.items.map((i) => i.ageDays),
    since: rep.since,
    until: rep.until,
  };
}

function combine(all: readonly Parts[]): Parts {
  const out: Parts = { hours: [], failures: 0, denominator: 0, bases: new Set(), rework: 0, commits: 0, monthTotals: new Map(), ages: [], since: '', until: '' };
  for (const p of all) {
    for (const h of p.hours) out.hours.push(h);
    out.failures += p.failures;
    out.denominator += p.denominator;
    for (const b of p.bases) out.bases.add(b);
    out.rework += p.rework;
    out.commits += p.commits;
    for (const [m, n] of p.monthTotals) out.monthTotals.set(m, (out.monthTotals.get(m) ?? 0) + n);
    for (const a of p.ages) out.ages.push(a);
    if (!out.since || p.since < out.since) out.since = p.since;
    if (!out.until || p.until > out.until) out.until = p.until;
  }
  return out;
}

function row(repository: string, p: Parts): MergedRow {
  const incidents = [...p.monthTotals.values()].reduce((a, b) => a + b, 0);
  const months = p.monthTotals.size;
  return {
    repository,
    since: p.since,
    until: p.until,
    recoveries: p.hours.length,
    medianHoursToRecover: median(p.hours),
    failures: p.failures,
    failureDenominator: p.denominator,
    failureBasis: p.bases.size === 1 ? [...p.bases][0] : 'mixed',
    changeFailureRate: ratio(p.failures, p.denominator),
    reworkChanges: p.rework,
    commits: p.commits,
    reworkRate: ratio(p.rework, p.commits),
    incidents,
    months,
    incidentsPerMonth: months > 0 ? round(incidents / months, 2) : null,
    openActions: p.ages.length,
    medianActionAgeDays: median(p.ages),
    actionAges: buckets(p.ages),
  };
}

/** Per repository (in the order given) and for the org. Two files with the same name stay separate rows. */
export function mergeMetrics(inputs: readonly RepoMetrics[]): MergedReport {
  const each = inputs.map(parts);
  return {
    repositories: inputs.map((r, i) => row(r.name, each[i])),
    org: row('(org)', combine(each)),
    formulas: MERGE_FORMULAS,
  };
}
