import { originUrl, parseGitHubRemote, webHostForApiUrl } from './remoteUrl';
import type { GitHubRepoRef } from './types';

/** The repository has no remote on the GitHub host the API URL serves; the message says what to do. */
export class NoGitHubRemoteError extends Error {
  override name = 'NoGitHubRemoteError';
}

/** Remote URLs can carry a token (`https://x:ghp_…@github.com/…`): never print that part. */
function withoutCredentials(url: string): string {
  return url.replace(/\/\/[^/@\s]*@/, '//');
}

/**
 * The GitHub repository of `origin`, checked against the host `apiUrl` serves (github.com for
 * `https://api.github.com`, the Enterprise host for `https://<host>/api/v3`).
 * @throws NoGitHubRemoteError
 */
export async function gitHubRepoFor(repoRoot: string, apiUrl: string, gitBinary?: string): Promise<GitHubRepoRef> {
  const url = await originUrl(repoRoot, gitBinary);
  if (!url) {
    throw new NoGitHubRemoteError(
      `${repoRoot} has no "origin" remote, so there is no GitHub repository to sync with. Add one (git remote add origin https://github.com/<owner>/<repo>.git) or run this in a clone of the GitHub repository.`,
    );
  }
  const ref = parseGitHubRemote(url);
  const host = webHostForApiUrl(apiUrl);
  if (!ref) throw new NoGitHubRemoteError(`origin (${withoutCredentials(url)}) is not a GitHub repository URL of the form https://${host}/<owner>/<repo>; Own It syncs with GitHub only.`);
  if (ref.host !== host) {
    throw new NoGitHubRemoteError(
      `origin is on ${ref.host}, but the GitHub API in use (${apiUrl}) serves ${host}. For GitHub Enterprise, set the API URL (--api-url, GITHUB_API_URL or the ownIt.github.apiUrl setting) to https://${ref.host}/api/v3.`,
    );
  }
  return ref;
}
