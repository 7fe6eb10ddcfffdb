import * as path from 'node:path';
import type { SimpleGit } from '../git/runner';
import { safeSimpleGit } from '../git/createGit';
import { isAncestorAt } from '../git/repository';
import { gitRunner } from '../git/runner';

/**
 * Small read-only git queries the extension host needs when HEAD moves.
 * Every argument that reaches git is either a constant or a validated sha, never a
 * repository-controlled string, so nothing here can be turned into a git option.
 */
const SHA = /^[0-9a-f]{7,64}$/;

function git(repoPath: string, gitBinary?: string): SimpleGit {
  return safeSimpleGit(repoPath, { binary: gitBinary ?? 'git', trimmed: false });
}

function assertSha(sha: string): string {
  if (!SHA.test(sha)) throw new Error(`Not a commit id: ${JSON.stringify(sha.slice(0, 80))}`);
  return sha;
}

export interface GitDirs {
  /** The repository's own git dir (a worktree's or submodule's private dir). */
  gitDir: string;
  /** Where shared refs live; equals gitDir outside linked worktrees. */
  commonDir: string;
}

export async function resolveGitDirs(repoPath: string, gitBinary?: string): Promise<GitDirs> {
  const out = await git(repoPath, gitBinary).raw(['rev-parse', '--absolute-git-dir', '--git-common-dir']);
  const [gitDir, common] = out.split('\n').map((l) => l.trim());
  return { gitDir, commonDir: path.resolve(repoPath, common || gitDir) };
}

export async function currentHead(repoPath: string, gitBinary?: string): Promise<string | undefined> {
  try {
    return (await git(repoPath, gitBinary).raw(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function userEmail(repoPath: string, gitBinary?: string): Promise<string | undefined> {
  try {
    const value = (await git(repoPath, gitBinary).raw(['config', '--get', 'user.email'])).trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}

export interface CommitSummary {
  sha: string;
  subject: string;
  authorName: string;
  authorEmail: string;
}

export async function commitSummaries(repoPath: string, shas: readonly string[], gitBinary?: string): Promise<Map<string, CommitSummary>> {
  const result = new Map<string, CommitSummary>();
  if (shas.length === 0) return result;
  const out = await git(repoPath, gitBinary).raw(['show', '-s', '--format=%H%x00%an%x00%ae%x00%s%x1e', ...shas.map(assertSha)]);
  for (const record of out.split('\x1e')) {
    const [sha, authorName, authorEmail, subject] = record.trim().split('\x00');
    if (sha && subject !== undefined) result.set(sha, { sha, subject, authorName, authorEmail });
  }
  return result;
}

/** True when `ancestor` is reachable from `descendant` (the one isAncestor, core/git/repository.ts). */
export async function isAncestor(repoPath: string, ancestor: string, descendant: string, gitBinary?: string): Promise<boolean> {
  return isAncestorAt(gitRunner(repoPath, gitBinary), assertSha(ancestor), assertSha(descendant)).catch(() => false);
}

/** The most recent commits reachable from HEAD, newest first (for "pick any commit"). */
export async function recentCommits(repoPath: string, count: number, gitBinary?: string): Promise<(CommitSummary & { date: string })[]> {
  const n = Math.max(1, Math.min(5000, Math.floor(count)));
  let out: string;
  try {
    out = await git(repoPath, gitBinary).raw(['log', `--max-count=${n}`, '--format=%H%x00%an%x00%ae%x00%aI%x00%s%x1e', 'HEAD', '--']);
  } catch {
    return [];
  }
  return out
    .split('\x1e')
    .map((r) => r.trim().split('\x00'))
    .filter((f) => f.length === 5)
    .map(([sha, authorName, authorEmail, date, subject]) => ({ sha, authorName, authorEmail, date, subject }));
}

/**
 * Distinct author names of the most recent commits, with the mailmap applied (`%aN`), so the tone
 * check can recognise a teammate named in an update. Empty when git cannot answer.
 */
export async function authorNames(repoPath: string, gitBinary?: string, max = 5000): Promise<string[]> {
  let out: string;
  try {
    out = await git(repoPath, gitBinary).raw(['log', `--max-count=${Math.max(1, Math.floor(max))}`, '--format=%aN', 'HEAD', '--']);
  } catch {
    return [];
  }
  return [...new Set(out.split('\n').map((l) => l.trim()).filter(Boolean))];
}
