import { gitTime } from '../git/gitTime';
import { streamTokens, type GitRunner } from '../revert/gitStream';
import type { DeployList } from './deployList';
import { normalizeDate } from './deployTags';
import type { DeployGit } from './gitQueries';
import { isoFromSeconds } from './reflogFindings';
import { short } from './rollbacks';
import type { Confidence, DeployEvidence, DeployFinding } from './types';

type Hotfix = NonNullable<DeployEvidence['hotfixes']>[number];

const HOUR_MS = 3600_000;
const BRANCH_NAME = /hotfix/i;

/** Thrown for a hotfix pattern that is not a regular expression; the message quotes it. */
export class HotfixPatternError extends Error {
  override readonly name = 'HotfixPatternError';
}

/** Compiles the hotfix subject pattern (JavaScript syntax, case-insensitive). @throws HotfixPatternError */
export function compileHotfixPattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (err) {
    throw new HotfixPatternError(`the hotfix pattern "${pattern}" is not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface HotfixScanOptions {
  hotfix: RegExp;
  windowHours: number;
  maxCulprits: number;
  /** Deploys before this (ms since the epoch) are not checked. */
  sinceMs: number;
}

/**
 * A deploy is suspect when, within the window after it, a commit whose subject matches the
 * hotfix pattern (on any branch) or a branch named like a hotfix appears. Each hotfix is
 * charged to the latest earlier deploy of each environment. Confidence: high when the next
 * deploy of that environment ships the hotfix commit, medium for a commit, low for a branch only.
 */
export async function findHotfixFollowUps(dg: DeployGit, runner: GitRunner, deploys: DeployList, options: HotfixScanOptions): Promise<DeployFinding[]> {
  const windowMs = options.windowHours * HOUR_MS;
  // The period of the deploys on or after `since` (a deploy without a date is not in it).
  let relevant = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < deploys.length; i++) {
    const at = deploys.dateMs(i);
    if (!(at >= options.sinceMs)) continue;
    relevant++;
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  if (relevant === 0 || !(windowMs > 0)) return [];
  last += windowMs;

  const refs = (await dg.rawOrEmpty(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(committerdate:iso-strict)%00%(symref)', 'refs/heads', 'refs/remotes']))
    .split('\n')
    .map((line) => line.split('\0'));
  const since = Math.floor(first / 1000);
  const until = Math.ceil(last / 1000);
  const candidates: (Hotfix & { kind: 'commit' | 'branch' })[] = [];
  // The graph was read with `--branches --remotes`, so the commit walk needs no second git walk
  // (at 100,000 commits that walk was ~1 s of git and 11 MB of output); git is asked without it.
  // Tips in the order `--branches --remotes` lists them: refs/heads, then refs/remotes, each sorted.
  const tips = refs.filter(([ref, sha]) => ref && sha).map(([, sha]) => sha);
  const walked = dg.graphLogFrom(tips, since, until, (subject) => options.hotfix.test(subject));
  if (walked) {
    for (const c of walked) {
      candidates.push({ kind: 'commit', sha: c.sha, subject: c.subject, date: isoFromSeconds(c.time), hoursAfterDeploy: 0 });
    }
  } else {
    // Streamed: only commits in the deploy period are read, and only matching ones are kept.
    const args = ['log', '--branches', '--remotes', `--since-as-filter=${gitTime(since)}`, `--until=${gitTime(until)}`, '--format=%H%x00%cI%x00%s%x00', '--'];
    for await (const tokens of streamTokens(runner, args, 3, 500)) {
      for (let i = 0; i + 3 <= tokens.length; i += 3) {
        const [sha, date, subject] = [tokens[i].trim(), tokens[i + 1], tokens[i + 2]];
        if (options.hotfix.test(subject)) candidates.push({ kind: 'commit', sha, subject, date: normalizeDate(date), hoursAfterDeploy: 0 });
      }
    }
  }
  for (const [ref, sha, date, symref] of refs) {
    if (!ref || symref || !sha || !date) continue;
    const branch = ref.replace(/^refs\/(heads|remotes)\//, '');
    if (BRANCH_NAME.test(branch)) candidates.push({ kind: 'branch', sha, branch, date: normalizeDate(date), hoursAfterDeploy: 0 });
  }

  const findings: DeployFinding[] = [];
  for (const [environment, group] of deploys.groups()) {
    const perDeploy = new Map<number, { hotfixes: Hotfix[]; confidence: Confidence; kinds: Set<string> }>();
    const times = Float64Array.from(group, (i) => deploys.dateMs(i));
    for (const c of candidates) {
      const at = Date.parse(c.date);
      const index = latestBefore(times, at);
      if (index < 0) continue;
      const deployedAt = times[index];
      if (deployedAt < options.sinceMs || at - deployedAt > windowMs) continue;
      // Part of what was deployed (a clock skew or a rebase), so it cannot be a follow-up.
      if (await dg.reaches(c.sha, deploys.sha(group[index]))) continue;
      let confidence: Confidence = c.kind === 'branch' ? 'low' : 'medium';
      if (c.kind === 'commit' && index + 1 < group.length && (await dg.reaches(c.sha, deploys.sha(group[index + 1])))) confidence = 'high';
      const entry = perDeploy.get(index) ?? { hotfixes: [], confidence: 'low', kinds: new Set<string>() };
      const { kind: _kind, ...hotfix } = c;
      entry.hotfixes.push({ ...hotfix, hoursAfterDeploy: Math.round(((at - deployedAt) / HOUR_MS) * 100) / 100 });
      entry.kinds.add(c.kind);
      if (rank(confidence) > rank(entry.confidence)) entry.confidence = confidence;
      perDeploy.set(index, entry);
    }
    for (const [index, entry] of [...perDeploy].sort((a, b) => a[0] - b[0])) {
      const failed = deploys.at(group[index]);
      const good = index > 0 ? deploys.at(group[index - 1]) : undefined;
      entry.hotfixes.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
      const culprits = good ? await dg.commitsBetween(good.sha, failed.sha, options.maxCulprits) : [];
      const names = entry.hotfixes.map((h) => (h.branch ? `branch ${h.branch}` : `${short(h.sha)} "${h.subject ?? ''}"`));
      findings.push({
        kind: 'hotfix-followup',
        environment,
        failed,
        ...(good ? { good } : {}),
        rule: entry.kinds.has('commit') ? 'hotfix-commit' : 'hotfix-branch',
        confidence: entry.confidence,
        culprits,
        date: entry.hotfixes[0].date,
        evidence: {
          sentence: `Within ${options.windowHours}h after ${failed.tag} (${environment}) came ${names.join(', ')}: the deploy is suspect.`,
          ref: `refs/tags/${failed.tag}`,
          hotfixes: entry.hotfixes,
        },
      });
    }
  }
  return findings;
}

/** Index of the latest deploy strictly before `at`, or -1 (`times` ascending: a group is sorted by date). */
function latestBefore(times: Float64Array, at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function rank(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}
