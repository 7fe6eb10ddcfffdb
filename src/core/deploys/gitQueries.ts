import type { SimpleGit } from '../git/runner';
import { assertSafeRevision, isFullSha } from '../git/revision';
import type { CommitGraph, LoggedCommit } from './commitGraph';
import type { DeployList } from './deployList';

/**
 * The git questions deploy detection asks, answered from command OUTPUT only: simple-git does
 * not reject when git exits non-zero without printing to stderr (`merge-base --is-ancestor`
 * answers "no" exactly that way), so an exit code read through `raw()` would say "yes".
 */
export class DeployGit {
  private readonly mergeBases = new Map<string, Promise<string | null>>();

  /**
   * @param graph the history behind the deploy tags, when loaded ({@link CommitGraph}): ancestry
   * filters are then answered in memory, and git is asked only for a finding's evidence.
   */
  constructor(
    readonly git: SimpleGit,
    private readonly graph?: CommitGraph,
  ) {}

  /** Per deploy of a list, its commit's id in the graph (-1: not there); made once per list. */
  private deployIds?: { list: DeployList; ids: Int32Array };

  /** The graph id of each deploy's commit, or undefined without a graph. */
  private idsOf(list: DeployList): Int32Array | undefined {
    const graph = this.graph;
    if (!graph) return undefined;
    if (this.deployIds?.list === list) return this.deployIds.ids;
    const { ids: shaIds, firsts } = list.shaIds();
    // Each distinct commit looked up once.
    const byShaId = Int32Array.from(firsts, (i) => {
      const [hex, start, end] = list.shaBytes(i);
      return graph.idOfHex(hex, start, end - start);
    });
    const ids = Int32Array.from(shaIds, (s) => byShaId[s]);
    this.deployIds = { list, ids };
    return ids;
  }

  /**
   * Whether deploy `a`'s commit is deploy `b`'s or one of its ancestors, from the graph by ids;
   * undefined when the graph cannot tell (then {@link reachesDeploys} asks git).
   */
  reachesKnown(list: DeployList, a: number, b: number): boolean | undefined {
    const ids = this.idsOf(list);
    return ids && ids[b] >= 0 ? this.graph!.isAncestorId(ids[a], ids[b]) : undefined;
  }

  /** {@link reaches} for two deploys of a list. */
  async reachesDeploys(list: DeployList, a: number, b: number): Promise<boolean> {
    return this.reachesKnown(list, a, b) ?? (await this.reaches(list.sha(a), list.sha(b)));
  }

  /** {@link mayHoldRevert} for two deploys of a list: `git log <a>..<b>`. */
  mayHoldRevertDeploys(list: DeployList, a: number, b: number): boolean {
    const ids = this.idsOf(list);
    if (!ids) return true;
    return ids[b] >= 0 ? this.graph!.rangeHasRevertId(ids[a], ids[b]) : true;
  }

  /** {@link isAncestor}'s yes or no, from the graph when it holds `descendant`. */
  async reaches(ancestor: string, descendant: string): Promise<boolean> {
    return this.graph?.isAncestor(ancestor, descendant) ?? (await this.isAncestor(ancestor, descendant)).isAncestor;
  }

  /** Commits of `to` not in `from`, newest first, at most `max`, from the graph; undefined when it cannot tell. */
  graphLog(from: string | undefined, to: string, max: number): LoggedCommit[] | undefined {
    return this.graph?.logRange(from, to, max);
  }

  /** The commits of `git log <tips> --since-as-filter=@since --until=@until` (seconds) whose subject passes `keep`, from the graph; undefined when it cannot tell. */
  graphLogFrom(tips: readonly string[], since: number, until: number, keep: (subject: string) => boolean): { sha: string; time: number; subject: string }[] | undefined {
    return this.graph?.logFrom(tips, since, until, keep);
  }

  /** False only when the graph shows that `git log from..to` holds no revert; true means "look". */
  mayHoldRevert(from: string | undefined, to: string): boolean {
    return this.graph?.rangeHasRevert(from, to) ?? true;
  }

  /** `git merge-base a b`; null when there is none or a commit is missing. Cached: deploy histories ask the same pairs. */
  mergeBase(a: string, b: string): Promise<string | null> {
    const key = `${a} ${b}`;
    let answer = this.mergeBases.get(key);
    if (!answer) {
      answer = this.rawOrEmpty(['merge-base', '--end-of-options', a, b]).then((out) => {
        const sha = out.trim().split('\n')[0] ?? '';
        return isFullSha(sha) ? sha.toLowerCase() : null;
      });
      this.mergeBases.set(key, answer);
    }
    return answer;
  }

  /** True when `ancestor` is `descendant` or one of its ancestors: merge-base(A, B) = A. */
  async isAncestor(ancestor: string, descendant: string): Promise<{ isAncestor: boolean; mergeBase: string | null }> {
    const mergeBase = await this.mergeBase(ancestor, descendant);
    return { isAncestor: mergeBase !== null && mergeBase === ancestor.toLowerCase(), mergeBase };
  }

  /** Full shas of `to` not reachable from `from` (`git rev-list from..to`), newest first, at most `max`. */
  async commitsBetween(from: string | undefined, to: string, max: number): Promise<string[]> {
    assertSafeRevision(to);
    if (from !== undefined) assertSafeRevision(from);
    if (max < 1) return [];
    const known = from === undefined ? undefined : this.graph?.commitsBetween(from, to, max);
    if (known) return known;
    const range = from === undefined ? [to] : [to, `^${from}`];
    const out = await this.rawOrEmpty(['rev-list', `--max-count=${Math.floor(max)}`, '--end-of-options', ...range]);
    return out.split('\n').map((l) => l.trim()).filter(isFullSha);
  }

  /** Whether a commit object exists here (a reflog can name commits gc has since removed). */
  async hasCommit(sha: string): Promise<boolean> {
    if (!isFullSha(sha)) return false;
    const out = await this.rawOrEmpty(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^{commit}`]);
    return out.trim().toLowerCase() === sha.toLowerCase();
  }

  /** Output of a read-only command, or '' when git fails (a missing object, an unborn branch). */
  async rawOrEmpty(args: string[]): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch {
      return '';
    }
  }
}

/** One reflog entry of one ref, newest first as git lists them. */
export interface RefLogEntry {
  /** Value after the move. */
  newSha: string;
  /** Value before the move: the next older entry's new value (undefined for the oldest entry read). */
  oldSha?: string;
  /** Seconds since the epoch, as recorded in the reflog. */
  time: number;
  /** e.g. `reset: moving to HEAD~2`, `fetch: forced-update`. */
  message: string;
}

/**
 * The reflog of `ref`, newest first, at most `max` entries (one `git reflog show`; git ignores a
 * ref without a reflog, which reads as no entries). The selector printed with `--date=unix`
 * carries the entry's own time, not the commit's.
 */
export async function readRefLog(dg: DeployGit, ref: string, max: number): Promise<RefLogEntry[]> {
  assertSafeRevision(ref);
  // One more entry than asked for, so the oldest entry we report still knows its old value.
  const out = await dg.rawOrEmpty(['reflog', 'show', '--date=unix', `--max-count=${Math.floor(max) + 1}`, '--format=%H%x00%gd%x00%gs%x00', '--end-of-options', ref, '--']);
  const rows: { sha: string; time: number; message: string }[] = [];
  for (const line of out.split('\n')) {
    const [sha, selector, message] = line.split('\0');
    const time = /@\{(\d+)\}$/.exec(selector ?? '')?.[1];
    if (!isFullSha(sha ?? '') || time === undefined) continue;
    rows.push({ sha: sha.toLowerCase(), time: Number(time), message: message ?? '' });
  }
  return rows.slice(0, max).map((r, i) => ({ newSha: r.sha, oldSha: rows[i + 1]?.sha, time: r.time, message: r.message }));
}
