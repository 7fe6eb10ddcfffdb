import type { Incident, TimelineEvent, TimelineSource } from '../incidents/model';
import { getCommitDetails, type CommitDetails } from './commitDetails';
import { gitFor } from './gitRunner';
import type { TimelineEntry } from './types';

export type { TimelineEntry };

export interface AutoTimelineOptions {
  /** Tag globs under refs/tags/ that mark deploys. */
  deployTagPatterns?: readonly string[];
  gitPath?: string;
  /** Already-read culprit details, to avoid reading them twice. */
  culpritDetails?: readonly CommitDetails[];
}

export const DEFAULT_DEPLOY_TAG_PATTERNS: readonly string[] = ['deploy/*', 'deploy-*', 'release/*'];

interface TagHit {
  name: string;
  at: string;
}

/**
 * The first deploy tag (by creation date) containing `sha`. One `for-each-ref --contains` per
 * commit keeps this cheap even with thousands of tags: git walks the graph once.
 */
async function firstDeployTagContaining(repoRoot: string, sha: string, patterns: readonly string[], gitPath?: string): Promise<TagHit | undefined> {
  const safe = patterns.filter((p) => p.length > 0 && !p.startsWith('-') && !p.includes('..'));
  if (safe.length === 0) return undefined;
  const git = gitFor(repoRoot, gitPath);
  const out = await git.raw([
    'for-each-ref',
    '--sort=creatordate',
    '--format=%(refname:short)%00%(creatordate:iso-strict)',
    `--contains=${sha}`,
    ...safe.map((p) => `refs/tags/${p}`),
  ]);
  const first = out.split('\n').find((l) => l.includes('\0'));
  if (!first) return undefined;
  const [name, at] = first.split('\0');
  return { name, at };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Builds the automatic events for an incident, each with its source. */
export async function buildAutoTimeline(repoRoot: string, incident: Incident, options: AutoTimelineOptions = {}): Promise<TimelineEntry[]> {
  const patterns = options.deployTagPatterns ?? DEFAULT_DEPLOY_TAG_PATTERNS;
  const entries: TimelineEntry[] = [];
  const add = (at: string, text: string, source: TimelineSource, ref?: string) => entries.push({ at, text, source, auto: true, ref });

  const culprits = options.culpritDetails ?? (await Promise.all(incident.culprits.map((c) => getCommitDetails(repoRoot, c, options.gitPath).catch(() => undefined))));
  for (const c of culprits) {
    if (!c) continue;
    add(c.authoredAt, `${c.authorName} authored ${c.shortSha} “${c.subject}”`, 'git', c.sha);
    if (c.committedAt !== c.authoredAt) add(c.committedAt, `${c.shortSha} committed`, 'git', c.sha);
    const tag = await firstDeployTagContaining(repoRoot, c.sha, patterns, options.gitPath).catch(() => undefined);
    if (tag) add(tag.at, `${tag.name} deployed ${c.shortSha}`, 'deploy', tag.name);
  }

  if (incident.revert) {
    const revert = await getCommitDetails(repoRoot, incident.revert, options.gitPath).catch(() => undefined);
    if (revert) {
      add(revert.committedAt, `${revert.authorName} committed the revert ${revert.shortSha}`, 'git', revert.sha);
      const tag = await firstDeployTagContaining(repoRoot, revert.sha, patterns, options.gitPath).catch(() => undefined);
      if (tag) add(tag.at, `${tag.name} deployed the revert ${short(revert.sha)}`, 'deploy', tag.name);
    }
  }

  if (incident.detected) add(incident.detected, 'Incident opened', 'own-it');
  return entries;
}

/** Auto and manual rows together, oldest first; rows at the same instant keep auto-before-manual order. */
export function mergeTimeline(auto: readonly TimelineEntry[], manual: readonly TimelineEvent[]): TimelineEntry[] {
  const all: TimelineEntry[] = [...auto, ...manual.map((e, i) => ({ ...e, auto: false, manualIndex: i }))];
  return all
    .map((e, order) => ({ e, order, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.order - b.order : a.t - b.t))
    .map((x) => x.e);
}

/** Convenience: the full timeline the panel shows. */
export async function buildTimeline(repoRoot: string, incident: Incident, options: AutoTimelineOptions = {}): Promise<TimelineEntry[]> {
  return mergeTimeline(await buildAutoTimeline(repoRoot, incident, options), incident.events);
}
