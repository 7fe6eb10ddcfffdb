import { execOk, gitRunner, type GitRunner } from '../git/runner';
import { ownString, readItems } from './gitItems';
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
  await openRepository(repoPath, options.gitBinary);
  return readDeploys(gitRunner(repoPath, options.gitBinary), pattern);
}

export async function readDeploys(runner: GitRunner, pattern: TagPattern): Promise<Deploy[]> {
  const args = ['for-each-ref', `--format=${FORMAT}`, '--end-of-options', pattern.refGlob];
  const deploys: Deploy[] = [];
  // One string per environment, not one copy per tag.
  const environments = new Map<string, string>();
  // Streamed line by line: 50,000 tags are ~8 MB of output, never held whole.
  // Tags of tags: git's `*` fields go down one level only, to the inner tag.
  const nested: Deploy[] = [];
  await readItems(runner, args, '', '\n', (line) => {
    const parsed = parseLine(line, pattern);
    if (!parsed) return;
    const { deploy, peeled } = parsed;
    let environment = environments.get(deploy.environment);
    if (environment === undefined) environments.set(environment = ownString(deploy.environment), environment);
    const own = { ...deploy, tag: ownString(deploy.tag), environment, sha: ownString(deploy.sha) };
    if (peeled) deploys.push(own);
    else nested.push(own);
  });
  if (nested.length > 0) deploys.push(...(await peelNested(runner, nested)));
  return sortDeploys(deploys);
}

/** Deploys whose `sha` is an inner tag, with the commit it comes down to; tags of trees or blobs are dropped. */
async function peelNested(runner: GitRunner, nested: Deploy[]): Promise<Deploy[]> {
  const out = await execOk(runner, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: nested.map((d) => `${d.sha}^{commit}\n`).join('') });
  const lines = out.split('\n');
  return nested.flatMap((d, i) => {
    const [sha = '', type] = (lines[i] ?? '').split(' ');
    return type === 'commit' && isFullSha(sha) ? [{ ...d, sha: sha.toLowerCase() }] : [];
  });
}

/** The deploy of one line; `peeled` is false while its `sha` is still an inner tag (a tag of a tag). */
function parseLine(line: string, pattern: TagPattern): { deploy: Deploy; peeled: boolean } | undefined {
  const [ref, type, object, taggerDate, committerDate, peeledType, peeled, peeledDate] = line.split('\0');
  if (!ref?.startsWith('refs/tags/')) return undefined;
  const tag = ref.slice('refs/tags/'.length);
  const environment = pattern.matchTag(tag);
  if (environment === undefined) return undefined;
  if (type === 'commit' && isFullSha(object) && committerDate) {
    return { deploy: { tag, environment, sha: object.toLowerCase(), date: normalizeDate(committerDate), annotated: false }, peeled: true };
  }
  // A tag of a tree or blob is no deploy.
  if (type === 'tag' && (peeledType === 'commit' || peeledType === 'tag') && isFullSha(peeled)) {
    // A tag made without a tagger line (very old tools) falls back to the commit's date (known
    // here only when the tag names the commit itself).
    const date = taggerDate || (peeledType === 'commit' ? peeledDate : '');
    if (!date) return undefined;
    return { deploy: { tag, environment, sha: peeled.toLowerCase(), date: normalizeDate(date), annotated: true }, peeled: peeledType === 'commit' };
  }
  return undefined;
}

/** Oldest first; ties (lightweight tags on commits made in the same second) fall back to the tag name. */
export function sortDeploys(deploys: Deploy[]): Deploy[] {
  // Each date parsed once, not once per comparison (50,000 tags: ~1.6 million comparisons).
  const keyed = deploys.map((d) => ({ d, at: Date.parse(d.date) }));
  keyed.sort((a, b) => a.at - b.at || (a.d.tag < b.d.tag ? -1 : a.d.tag > b.d.tag ? 1 : 0));
  return keyed.map((k) => k.d);
}

/** Groups of frozen deploy lists: one scan's rules all group the same (frozen) list. */
const grouped = new WeakMap<readonly Deploy[], Map<string, Deploy[]>>();

/** Deploys grouped by environment, each group oldest first. Callers read the groups, never change them. */
export function byEnvironment(deploys: readonly Deploy[]): Map<string, Deploy[]> {
  const known = grouped.get(deploys);
  if (known) return known;
  const groups = new Map<string, Deploy[]>();
  for (const d of sortDeploys([...deploys])) {
    const group = groups.get(d.environment) ?? [];
    group.push(d);
    groups.set(d.environment, group);
  }
  if (Object.isFrozen(deploys)) grouped.set(deploys, groups);
  return groups;
}

/** git prints `+00:00`; a UTC `Z` form keeps dates comparable as strings and stable in JSON. */
export function normalizeDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace('.000Z', 'Z');
}
