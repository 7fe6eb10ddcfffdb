import { parseGitHubRemote } from '../githost/remoteUrl';
import { gitAt } from './git';
import { isTestFile } from './languages';
import type { ChangedFile } from './types';

/** Folder names that say nothing about what a change is about. */
const GENERIC = new Set(['src', 'lib', 'libs', 'packages', 'pkg', 'internal', 'app', 'apps', 'modules', 'source', 'main', 'java', 'cmd']);

/**
 * The checklist area for a commit: the most specific meaningful folder all its changed files share
 * (`packages/runtime-core/src/a.ts` + `…/b.ts` → `runtime-core`); `general` when they share none.
 */
export function checklistArea(files: readonly ChangedFile[]): string {
  const paths = files.map((f) => f.path).filter((p) => !isTestFile(p));
  const use = paths.length > 0 ? paths : files.map((f) => f.path);
  if (use.length === 0) return 'general';
  let common = use[0].split('/').slice(0, -1);
  for (const p of use.slice(1)) {
    const dirs = p.split('/').slice(0, -1);
    let n = 0;
    while (n < common.length && n < dirs.length && common[n] === dirs[n]) n++;
    common = common.slice(0, n);
  }
  const meaningful = common.filter((s) => !GENERIC.has(s.toLowerCase()) && !s.startsWith('.'));
  return meaningful[meaningful.length - 1] ?? 'general';
}

/**
 * `https://<host>/<owner>/<repo>/blob/<default branch>` when `origin` is a GitHub-style remote, so
 * links in a pull request template still resolve once the template becomes a PR description.
 */
export async function blobBase(repo: string): Promise<string | undefined> {
  const git = gitAt(repo);
  const url = (await git.raw(['config', '--get', 'remote.origin.url']).catch(() => '')).trim();
  const ref = url ? parseGitHubRemote(url) : undefined;
  if (!ref) return undefined;
  const head = (await git.raw(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).catch(() => '')).trim().replace(/^origin\//, '');
  const current = head || (await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim() || 'HEAD';
  return `https://${ref.host}/${ref.owner}/${ref.repo}/blob/${encodeURIComponent(current).replace(/%2F/g, '/')}`;
}
