import { safeSimpleGit } from '../git/createGit';
import type { GitHubRepoRef } from './types';

/** GitHub's rules are narrower, but these never let a path segment escape the API path. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const REPO = /^[A-Za-z0-9_.-]+$/;

function ownerRepo(host: string, pathPart: string): GitHubRepoRef | undefined {
  const parts = pathPart.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  if (parts.length !== 2) return undefined;
  const owner = parts[0];
  const repo = parts[1].replace(/\.git$/i, '');
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  // GitHub answers SSH on port 443 at ssh.github.com for networks that block port 22.
  const h = host.toLowerCase() === 'ssh.github.com' ? 'github.com' : host.toLowerCase();
  return { host: h, owner, repo };
}

/**
 * The repository a remote URL names, in every form git accepts for a GitHub remote:
 * `https://[user[:token]@]host[:port]/owner/repo[.git]`, `ssh://git@host[:port]/owner/repo.git`,
 * `git://host/owner/repo.git` and scp-like `git@host:owner/repo.git`. The host is returned as
 * written (lower case): whether it is the configured GitHub host is the caller's decision.
 * Local paths and URLs with more or fewer than two path segments give `undefined`.
 */
export function parseGitHubRemote(remoteUrl: string): GitHubRepoRef | undefined {
  const url = remoteUrl.trim();
  if (/^(https?|ssh|git|git\+ssh|ssh\+git):\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^(git\+ssh|ssh\+git):/i, 'ssh:'));
    } catch {
      return undefined;
    }
    if (!parsed.hostname) return undefined;
    return ownerRepo(parsed.hostname, decodeURIComponent(parsed.pathname));
  }
  // scp-like syntax: [user@]host:path, where the host has no slash before the colon.
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(url);
  if (scp && !/^[A-Za-z]$/.test(scp[1])) return ownerRepo(scp[1], scp[2]);
  return undefined;
}

/**
 * The web host an API base URL serves: `https://api.github.com` → `github.com`,
 * `https://api.acme.ghe.com` → `acme.ghe.com`, `https://ghe.example.com/api/v3` → `ghe.example.com`.
 */
export function webHostForApiUrl(apiUrl: string): string {
  const host = new URL(apiUrl).hostname.toLowerCase();
  return host.startsWith('api.') ? host.slice('api.'.length) : host;
}

/** True for the public GitHub API; anything else is GitHub Enterprise (a different sign-in provider). */
export function isGitHubDotCom(apiUrl: string): boolean {
  return webHostForApiUrl(apiUrl) === 'github.com';
}

/** The `origin` remote's URL, or undefined when the repository has no such remote. */
export async function originUrl(repoRoot: string, gitBinary?: string): Promise<string | undefined> {
  try {
    const out = await safeSimpleGit(repoRoot, { binary: gitBinary ?? 'git' }).raw(['remote', 'get-url', 'origin']);
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Branch names from the host reach git only as `refs/remotes/origin/<name>`, and only when plain. */
const PLAIN_BRANCH = /^(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[A-Za-z0-9._/-]+$/;

/**
 * Full shas of the newest `count` commits of `origin/<branch>` (first parent, newest first), or
 * an empty list when that remote-tracking branch is not fetched or the name is not plain.
 */
export async function recentRemoteCommits(repoRoot: string, branch: string, count: number, gitBinary?: string): Promise<string[]> {
  if (!PLAIN_BRANCH.test(branch) || branch.startsWith('-') || branch.startsWith('/') || branch.endsWith('/') || branch.endsWith('.lock')) return [];
  try {
    const out = await safeSimpleGit(repoRoot, { binary: gitBinary ?? 'git' }).raw([
      'rev-list',
      '--first-parent',
      `--max-count=${Math.max(1, Math.floor(count))}`,
      '--end-of-options',
      `refs/remotes/origin/${branch}`,
    ]);
    return out.split('\n').map((l) => l.trim()).filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    return [];
  }
}
