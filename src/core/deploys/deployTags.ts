import { execOk, gitRunner, type GitRunner } from '../git/runner';
import { Column, DeployListBuilder, ensure, type DeployList } from './deployList';
import { bytesAt } from './bytes';
import { readByteItems } from './gitItems';
import { openRepository } from '../git/createGit';
import { isFullSha } from '../git/revision';
import { readObjectHeads } from './objectHeads';
import { compileTagPattern, type TagPattern } from './tagPattern';
import { DEFAULT_TAG_PATTERN, type Deploy, type DeployOptions } from './types';

/** Every deploy tag matching the pattern, oldest first (per environment order is by date, then tag name). */
export async function findDeploys(repoPath: string, options: DeployOptions = {}): Promise<Deploy[]> {
  const pattern = compileTagPattern(options.tagPattern ?? DEFAULT_TAG_PATTERN);
  await openRepository(repoPath, options.gitBinary);
  return (await readDeploys(gitRunner(repoPath, options.gitBinary), pattern)).toArray();
}

/**
 * The deploy tags, as columns ({@link DeployList}): names and objects from one `for-each-ref`
 * (which then reads no object), the tag and commit heads from one `cat-file --batch`
 * ({@link readObjectHeads}). Annotated tags carry their own date and name the deployed commit;
 * lightweight tags point at the commit itself. Both outputs are read as bytes: no string or
 * object is kept per tag, and the object names go to `cat-file` as the bytes they arrived as.
 */
export async function readDeploys(runner: GitRunner, pattern: TagPattern): Promise<DeployList> {
  const builder = new DeployListBuilder();
  // `<object>\n` per ref: what cat-file reads, as the bytes for-each-ref printed.
  const objects = new ObjectLines();
  await readByteItems(runner, ['for-each-ref', '--format=%(refname)%00%(objectname)', '--end-of-options', pattern.refGlob], '', NEWLINE, (bytes, start, end) => {
    const nul = bytes.indexOf(0, start);
    if (nul < 0 || nul >= end || !startsWithTagsPrefix(bytes, start) || !isHexSha(bytes, nul + 1, end)) return;
    const matched = pattern.matchTag(bytes.toString('utf8', start + TAGS_PREFIX.length, nul));
    if (matched === undefined) return;
    builder.addRef(bytes, start + TAGS_PREFIX.length, nul, builder.environmentId(matched));
    objects.add(bytes, nul + 1, end);
  });
  // Tags of tags: the head names the inner tag, peeled below.
  const nested: { ref: number; sha: string; time: number }[] = [];
  // A tag made without a tagger line (very old tools) is dated by its commit, read afterwards.
  const undated: { ref: number; sha: string }[] = [];
  await readObjectHeads(runner, objects.lines(), objects.count, (head, ref) => {
    if (head.type === 'commit') {
      if (head.time !== undefined) builder.add(ref, objects.bytes, objects.start(ref), objects.length(ref), head.time, false);
      return;
    }
    // A tag of a tree or blob is no deploy.
    const { content, targetStart, targetEnd } = head;
    if (head.type !== 'tag' || (head.targetType !== 'commit' && head.targetType !== 'tag') || !content || targetStart < 0 || !isHexSha(content, targetStart, targetEnd)) return;
    if (head.time === undefined) {
      if (head.targetType === 'commit') undated.push({ ref, sha: content.toString('latin1', targetStart, targetEnd).toLowerCase() });
      return;
    }
    if (head.targetType === 'commit') builder.add(ref, content, targetStart, targetEnd - targetStart, head.time, true);
    else nested.push({ ref, sha: content.toString('latin1', targetStart, targetEnd).toLowerCase(), time: head.time });
  });
  if (undated.length > 0) {
    await readObjectHeads(runner, undated.map((u) => `${u.sha}\n`).join(''), undated.length, (head, i) => {
      const { ref, sha } = undated[i];
      if (head.type === 'commit' && head.time !== undefined) builder.add(ref, Buffer.from(sha, 'latin1'), 0, sha.length, head.time, true);
    });
  }
  if (nested.length > 0) {
    for (const { ref, sha, time } of await peelNested(runner, nested)) builder.add(ref, Buffer.from(sha, 'latin1'), 0, sha.length, time, true);
  }
  return builder.finish();
}

/** Object names, one `<sha>\n` line each: the input of `cat-file --batch`, and the shas of lightweight tags. */
class ObjectLines {
  bytes: Buffer = Buffer.alloc(64 * 1024);
  private used = 0;
  private readonly starts = new Column();

  get count(): number {
    return this.starts.length;
  }

  add(bytes: Buffer, start: number, end: number): void {
    this.bytes = ensure(this.bytes, this.used + end - start + 1);
    bytes.copy(this.bytes, this.used, start, end);
    this.starts.push(this.used);
    this.used += end - start;
    this.bytes[this.used++] = NEWLINE;
  }

  start(i: number): number {
    return this.starts.get(i);
  }

  /** The sha's length (without its newline). */
  length(i: number): number {
    return (i + 1 < this.starts.length ? this.starts.get(i + 1) : this.used) - this.starts.get(i) - 1;
  }

  lines(): Buffer {
    return this.bytes.subarray(0, this.used);
  }
}

/** Whether `bytes[start, end)` is a full sha (40 or 64 hex digits, either case). */
function isHexSha(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 40 && end - start !== 64) return false;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))) return false;
  }
  return true;
}

/** The commits inner tags come down to (`<tag>^{commit}`); tags of trees or blobs are dropped. */
async function peelNested<T extends { sha: string }>(runner: GitRunner, nested: T[]): Promise<T[]> {
  const out = await execOk(runner, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: nested.map((d) => `${d.sha}^{commit}\n`).join('') });
  const lines = out.split('\n');
  return nested.flatMap((d, i) => {
    const [sha = '', type] = (lines[i] ?? '').split(' ');
    return type === 'commit' && isFullSha(sha) ? [{ ...d, sha: sha.toLowerCase() }] : [];
  });
}

const NEWLINE = 0x0a;
const TAGS_PREFIX = Buffer.from('refs/tags/');

function startsWithTagsPrefix(bytes: Buffer, start: number): boolean {
  return bytesAt(bytes, start, TAGS_PREFIX);
}

/** Oldest first; ties (lightweight tags on commits made in the same second) fall back to the tag name. */
export function sortDeploys(deploys: Deploy[]): Deploy[] {
  // Each date parsed once, not once per comparison (50,000 tags: ~1.6 million comparisons), into
  // a typed array: no wrapper object per deploy.
  const at = Float64Array.from(deploys, (d) => Date.parse(d.date));
  const order = Uint32Array.from(deploys.keys());
  order.sort((a, b) => at[a] - at[b] || (deploys[a].tag < deploys[b].tag ? -1 : deploys[a].tag > deploys[b].tag ? 1 : 0) || a - b);
  return Array.from(order, (i) => deploys[i]);
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
