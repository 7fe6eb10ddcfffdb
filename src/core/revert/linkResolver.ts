import { isFullSha, isHexObjectName } from '../git/revision';
import { MIN_PREFIX, type AncestorMatch, type SubjectMatcher } from './ancestorSearch';
import { CommitNameResolver, Limiter, runGit, runGitStatus, streamTokens, type GitRunner } from './gitStream';

/** What git knows about a commit that a revert points at. */
export interface CommitFacts {
  sha: string;
  parents: string[];
  subject: string;
  body: string;
  /** Paths changed relative to the first parent (empty for merges). */
  files: string[];
}

/** How many grep hits we look through per lookup; the nearest ancestor comes first. */
const LOOKUP_LIMIT = 20;
/** Shas per `describe` git process; they go over stdin, so the command line stays short. */
const DESCRIBE_CHUNK = 2000;
/** Resolved names remembered per scan before the memo starts over. */
const SHA_CACHE_LIMIT = 4096;

/**
 * Finds the commits a revert message refers to, asking git each time and caching answers for
 * the life of one scan. Every lookup searches only the ancestry of the revert itself, so a
 * link always points at an earlier commit; the revert itself is never its own target.
 */
export class LinkResolver {
  private readonly shas = new Map<string, Promise<string | undefined>>();
  /** One `cat-file --batch-check` for every sha of the scan, instead of a `rev-parse` each. */
  private readonly names: CommitNameResolver;
  private readonly lookups = new Limiter();

  constructor(private readonly runner: GitRunner) {
    this.names = new CommitNameResolver(runner);
  }

  /** Stops the helper process; a later lookup starts it again. */
  close(): void {
    this.names.close();
  }

  /** Full sha of a (possibly abbreviated) hex name, or undefined if this repo lacks it. */
  resolveSha(hex: string): Promise<string | undefined> {
    const key = hex.toLowerCase();
    let hit = this.shas.get(key);
    if (!hit) {
      // Names repeat within a page (a merge revert and its parent); a long scan must not keep them all.
      if (this.shas.size >= SHA_CACHE_LIMIT) this.shas.clear();
      hit = this.names.resolve(key);
      this.shas.set(key, hit);
    }
    return hit;
  }

  /** Nearest ancestor of `from` whose subject is exactly `subject` (or GitHub's `subject (#N)`). */
  async findBySubject(from: string, subject: string): Promise<string | undefined> {
    const withPr = new RegExp(`^${escapeRegExp(subject)} \\(#\\d+\\)$`);
    return this.grepAncestors(from, [`^${escapeEre(subject)}( \\(#[0-9]+\\))?$`], (c) => c.subject === subject || withPr.test(c.subject));
  }

  /** Nearest ancestor whose subject starts with `prefix` (a subject cut short with … or ...). */
  async findBySubjectPrefix(from: string, prefix: string): Promise<string | undefined> {
    if (prefix.trim().length < MIN_PREFIX) return undefined;
    return this.grepAncestors(from, [`^${escapeEre(prefix)}`], (c) => c.subject.startsWith(prefix));
  }

  /** Nearest ancestor that landed GitHub PR `n`: a squash `… (#n)` or `Merge pull request #n from …`. */
  async findByPullRequest(from: string, n: number): Promise<string | undefined> {
    const squash = new RegExp(`\\(#${n}\\)\\s*$`);
    const merge = new RegExp(`^Merge pull request #${n}(?!\\d)`);
    return this.grepAncestors(from, [`\\(#${n}\\)[[:space:]]*$`, `^Merge pull request #${n}([^0-9]|$)`], (c) => squash.test(c.subject) || merge.test(c.subject));
  }

  /** Nearest ancestor that landed GitLab MR `!n` (`See merge request group/project!n`, or a merge naming it). */
  async findByMergeRequest(from: string, n: number): Promise<string | undefined> {
    const seeMr = new RegExp(`See merge request \\S*!${n}(?!\\d)`);
    const mentions = new RegExp(`!${n}(?!\\d)`);
    return this.grepAncestors(
      from,
      [`!${n}([^0-9]|$)`],
      (c) => seeMr.test(c.body) || (/^Merge branch .* into /.test(c.subject) && mentions.test(`${c.subject}\n${c.body}`)),
    );
  }

  /**
   * Tries `matchers` one by one, strongest first, each with its own `git log --grep` over the
   * ancestry of `revert` (what {@link AncestorSearch} does for a whole scan in one walk).
   */
  async findByMatchers(revert: string, matchers: readonly SubjectMatcher[]): Promise<AncestorMatch | undefined> {
    for (const m of matchers) {
      const sha =
        m.evidence === 'sha'
          ? await this.ancestorNamed(revert, m.hex)
          : m.evidence === 'subject-exact'
          ? await this.findBySubject(revert, m.subject)
          : m.evidence === 'pr-number'
            ? await this.findByPullRequest(revert, m.pr)
            : await this.findBySubjectPrefix(revert, m.prefix);
      if (sha !== undefined) return { sha, evidence: m.evidence };
    }
    return undefined;
  }

  /** The full sha `hex` names, when that commit is an ancestor of `from`. */
  async ancestorNamed(from: string, hex: string): Promise<string | undefined> {
    const named = await this.nameAncestor(from, hex);
    return named === 'missing' || named === 'elsewhere' ? undefined : named;
  }

  /**
   * What `hex` names, seen from `from`, in one `merge-base` (a scan of a short range has no walk
   * to answer ancestry, and a name lookup followed by an ancestry check would be two processes):
   * the full sha when it is an ancestor of `from`, `elsewhere` for a commit outside that history,
   * `missing` when git has no commit by that name (or it names `from` itself).
   */
  async nameAncestor(from: string, hex: string): Promise<string | 'elsewhere' | 'missing'> {
    const key = hex.toLowerCase();
    if (!isHexObjectName(key) || !isFullSha(from)) return 'missing';
    const r = await this.lookups.run(() => runGitStatus(this.runner, ['merge-base', '--end-of-options', `${key}^{commit}`, from]));
    // 1: no common ancestor (an unrelated history); 128: no such commit, or an ambiguous name.
    if (r.exitCode === 1) return 'elsewhere';
    if (r.exitCode !== 0) return 'missing';
    const base = r.stdout.trim();
    if (base === from) return 'missing';
    return base.startsWith(key) ? base : 'elsewhere';
  }

  /**
   * Parents, message and changed paths of full shas, fetched in batches (a sha git lacks is left
   * out, so a guess does not fail the batch). Not kept after the
   * call: a scan describes each page once, and its memory must not grow with the history.
   */
  async describe(shas: string[]): Promise<Map<string, CommitFacts>> {
    const facts = new Map<string, CommitFacts>();
    const missing = [...new Set(shas)].filter((s) => isFullSha(s));
    for (let i = 0; i < missing.length; i += DESCRIBE_CHUNK) {
      const chunk = missing.slice(i, i + DESCRIBE_CHUNK);
      const out = await runGit(
        this.runner,
        ['log', '--no-walk=unsorted', '--ignore-missing', '--format=%x01%H%x00%P%x00%s%x00%b%x00', '--name-only', '--stdin', '--'],
        `${chunk.join('\n')}\n`,
      );
      for (const record of out.split('\x01').slice(1)) {
        const [sha, parents, subject, body, files] = record.split('\0');
        facts.set(sha, {
          sha,
          parents: parents.split(' ').filter((p) => p !== ''),
          subject,
          body,
          files: (files ?? '').split('\n').filter((f) => f !== ''),
        });
      }
    }
    const result = new Map<string, CommitFacts>();
    for (const s of shas) {
      const f = facts.get(s);
      if (f) result.set(s, f);
    }
    return result;
  }

  /**
   * The nearest ancestor of `from` (excluding it) with a message line matching any of the POSIX
   * extended `patterns` that `accept` takes, among the first {@link LOOKUP_LIMIT} hits. git's
   * output is read as it arrives and git is stopped at the first accepted hit: `--max-count`
   * alone lets git walk to the root whenever fewer hits exist (a unique subject has one).
   */
  private async grepAncestors(from: string, patterns: string[], accept: (hit: GrepHit) => boolean): Promise<string | undefined> {
    if (!isFullSha(from)) return undefined;
    const args = [
      'log',
      '--format=%H%x00%s%x00%b%x00',
      '--extended-regexp',
      ...patterns.map((p) => `--grep=${p}`),
      `--max-count=${LOOKUP_LIMIT}`,
      '--end-of-options',
      `${from}^@`,
      '--',
    ];
    return this.lookups.run(async () => {
      for await (const tokens of streamTokens(this.runner, args, 3, 1, { flushEachRecord: true })) {
        const hit = { sha: tokens[0].trim(), subject: tokens[1], body: tokens[2] };
        if (isFullSha(hit.sha) && accept(hit)) return hit.sha;
      }
      return undefined;
    });
  }
}

interface GrepHit {
  sha: string;
  subject: string;
  body: string;
}

/** Escapes text for a POSIX extended regular expression (what git's `--extended-regexp` uses). */
export function escapeEre(text: string): string {
  return text.replace(/[\\.[\]*^$+?(){}|]/g, '\\$&');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
