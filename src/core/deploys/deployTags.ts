import type { SimpleGit } from '../git/runner';
import { openRepository } from '../git/createGit';
import { isFullSha } from '../git/revision';
import { compileTagPattern, type TagPattern } from './tagPattern';
import { DEFAULT_TAG_PATTERN, type Deploy, type DeployOptions } from './types';

/**
 * One `for-each-ref` over the deploy tags. Annotated tags carry their own date and peel to the
 * deployed commit (`*`-prefixed fields); lightweight tags point at the commit itself.
 */
const FORMAT = [
  '%(refname)',
  '%(objecttype)',
  '%(objectname)',
  '%(taggerdate:iso-strict)',
  '%(committerdate:iso-strict)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(*committerdate:iso-strict)',
].join('%00');

/** Every deploy tag matching the pattern, oldest first (per environment order is by date, then tag name). */
export async function findDeploys(repoPath: string, options: DeployOptions = {}): Promise<Deploy[]> {
  const pattern = compileTagPattern(options.tagPattern ?? DEFAULT_TAG_PATTERN);
  return readDeploys(await openRepository(repoPath, options.gitBinary), pattern);
}

export async function readDeploys(git: SimpleGit, pattern: TagPattern): Promise<Deploy[]> {
  const out = await git.raw(['for-each-ref', `--format=${FORMAT}`, '--end-of-options', pattern.refGlob]);
  const deploys: Deploy[] = [];
  for (const line of out.split('\n')) {
    const deploy = parseLine(line, pattern);
    if (deploy) deploys.push(deploy);
  }
  return sortDeploys(deploys);
}

function parseLine(line: string, pattern: TagPattern): Deploy | undefined {
  const [ref, type, object, taggerDate, committerDate, peeledType, peeled, peeledDate] = line.split('\0');
  if (!ref?.startsWith('refs/tags/')) return undefined;
  const tag = ref.slice('refs/tags/'.length);
  const environment = pattern.matchTag(tag);
  if (environment === undefined) return undefined;
  if (type === 'commit' && isFullSha(object) && committerDate) {
    return { tag, environment, sha: object.toLowerCase(), date: normalizeDate(committerDate), annotated: false };
  }
  // A tag of a tag of a commit peels all the way (git's `*` fields do); a tag of a tree or blob is no deploy.
  if (type === 'tag' && peeledType === 'commit' && isFullSha(peeled)) {
    // A tag made without a tagger line (very old tools) falls back to the commit's date.
    const date = taggerDate || peeledDate;
    if (!date) return undefined;
    return { tag, environment, sha: peeled.toLowerCase(), date: normalizeDate(date), annotated: true };
  }
  return undefined;
}

/** Oldest first; ties (lightweight tags on commits made in the same second) fall back to the tag name. */
export function sortDeploys(deploys: Deploy[]): Deploy[] {
  return [...deploys].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** Deploys grouped by environment, each group oldest first. */
export function byEnvironment(deploys: readonly Deploy[]): Map<string, Deploy[]> {
  const groups = new Map<string, Deploy[]>();
  for (const d of sortDeploys([...deploys])) {
    const group = groups.get(d.environment) ?? [];
    group.push(d);
    groups.set(d.environment, group);
  }
  return groups;
}

/** git prints `+00:00`; a UTC `Z` form keeps dates comparable as strings and stable in JSON. */
export function normalizeDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace('.000Z', 'Z');
}
