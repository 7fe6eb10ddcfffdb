import type { SimpleGit } from 'simple-git';
import { isFullSha, resolveCommitSha } from '../git/revision';

/** What git knows about a commit that a revert points at. */
export interface CommitFacts {
  sha: string;
  parents: string[];
  subject: string;
  body: string;
  /** Paths changed relative to the first parent (empty for merges). */
  files: string[];
}

/** Subjects shorter than this are too vague to match as a truncated prefix. */
const MIN_PREFIX = 8;
/** How many grep hits we look through per lookup; the nearest ancestor comes first. */
const LOOKUP_LIMIT = 20;
const DESCRIBE_CHUNK = 100;

/**
 * Finds the commits a revert message refers to, asking git each time and caching answers for
 * the life of one scan. Every lookup searches only the ancestry of the revert itself, so a
 * link always points at an earlier commit; the revert itself is never its own target.
 */
export class LinkResolver {
  private readonly shas = new Map<string, Promise<string | undefined>>();
  private readonly facts = new Map<string, CommitFacts>();

  constructor(private readonly git: SimpleGit) {}

  /** Full sha of a (possibly abbreviated) hex name, or undefined if this repo lacks it. */
  resolveSha(hex: string): Promise<string | undefined> {
    const key = hex.toLowerCase();
    let hit = this.shas.get(key);
    if (!hit) {
      hit = resolveCommitSha(this.git, key);
      this.shas.set(key, hit);
    }
    return hit;
  }

  /** Nearest ancestor of `from` whose subject is exactly `subject` (or GitHub's `subject (#N)`). */
  async findBySubject(from: string, subject: string): Promise<string | undefined> {
    const hits = await this.grepAncestors(from, [`^${escapeEre(subject)}( \\(#[0-9]+\\))?$`]);
    const withPr = new RegExp(`^${escapeRegExp(subject)} \\(#\\d+\\)$`);
    return hits.find((c) => c.subject === subject || withPr.test(c.subject))?.sha;
  }

  /** Nearest ancestor whose subject starts with `prefix` (a subject cut short with … or ...). */
  async findBySubjectPrefix(from: string, prefix: string): Promise<string | undefined> {
    if (prefix.trim().length < MIN_PREFIX) return undefined;
    const hits = await this.grepAncestors(from, [`^${escapeEre(prefix)}`]);
    return hits.find((c) => c.subject.startsWith(prefix))?.sha;
  }

  /** Nearest ancestor that landed GitHub PR `n`: a squash `… (#n)` or `Merge pull request #n from …`. */
  async findByPullRequest(from: string, n: number): Promise<string | undefined> {
    const hits = await this.grepAncestors(from, [`\\(#${n}\\)[[:space:]]*$`, `^Merge pull request #${n}([^0-9]|$)`]);
    const squash = new RegExp(`\\(#${n}\\)\\s*$`);
    const merge = new RegExp(`^Merge pull request #${n}(?!\\d)`);
    return hits.find((c) => squash.test(c.subject) || merge.test(c.subject))?.sha;
  }

  /** Nearest ancestor that landed GitLab MR `!n` (`See merge request group/project!n`, or a merge naming it). */
  async findByMergeRequest(from: string, n: number): Promise<string | undefined> {
    const hits = await this.grepAncestors(from, [`!${n}([^0-9]|$)`]);
    const seeMr = new RegExp(`See merge request \\S*!${n}(?!\\d)`);
    const mentions = new RegExp(`!${n}(?!\\d)`);
    return hits.find(
      (c) => seeMr.test(c.body) || (/^Merge branch .* into /.test(c.subject) && mentions.test(`${c.subject}\n${c.body}`)),
    )?.sha;
  }

  /** Parents, message and changed paths of full shas, fetched in batches and cached. */
  async describe(shas: string[]): Promise<Map<string, CommitFacts>> {
    const missing = [...new Set(shas)].filter((s) => isFullSha(s) && !this.facts.has(s));
    for (let i = 0; i < missing.length; i += DESCRIBE_CHUNK) {
      const chunk = missing.slice(i, i + DESCRIBE_CHUNK);
      const out = await this.git.raw([
        'log',
        '--no-walk=unsorted',
        '--format=%x01%H%x00%P%x00%s%x00%b%x00',
        '--name-only',
        '--end-of-options',
        ...chunk,
        '--',
      ]);
      for (const record of out.split('\x01').slice(1)) {
        const [sha, parents, subject, body, files] = record.split('\0');
        this.facts.set(sha, {
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
      const f = this.facts.get(s);
      if (f) result.set(s, f);
    }
    return result;
  }

  /**
   * Ancestors of `from` (excluding it) with a message line matching any of the POSIX extended
   * `patterns`, nearest first. Patterns are anchored tightly enough that git stops walking at
   * the first few hits, which sit close to the revert in practice, instead of walking to the
   * root; the callers still check each hit in full.
   */
  private async grepAncestors(from: string, patterns: string[]): Promise<{ sha: string; subject: string; body: string }[]> {
    if (!isFullSha(from)) return [];
    const out = await this.git.raw([
      'log',
      '--format=%H%x00%s%x00%b%x00',
      '--extended-regexp',
      ...patterns.map((p) => `--grep=${p}`),
      `--max-count=${LOOKUP_LIMIT}`,
      '--end-of-options',
      `${from}^@`,
      '--',
    ]);
    const tokens = out.split('\0');
    const hits: { sha: string; subject: string; body: string }[] = [];
    for (let i = 0; i + 3 <= tokens.length; i += 3) {
      hits.push({ sha: tokens[i].trim(), subject: tokens[i + 1], body: tokens[i + 2] });
    }
    return hits.filter((h) => isFullSha(h.sha));
  }
}

/** Escapes text for a POSIX extended regular expression (what git's `--extended-regexp` uses). */
export function escapeEre(text: string): string {
  return text.replace(/[\\.[\]*^$+?(){}|]/g, '\\$&');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
