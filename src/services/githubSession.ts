import * as vscode from 'vscode';
import { isGitHubDotCom, webHostForApiUrl } from '../core/githost/remoteUrl';
import { DEFAULT_GITHUB_API_URL } from '../core/githost/types';

/** `ownIt.github.apiUrl` (user settings only: a workspace cannot send the token elsewhere). */
export function gitHubApiUrl(): string {
  return vscode.workspace.getConfiguration('ownIt.github').get<string>('apiUrl', DEFAULT_GITHUB_API_URL) || DEFAULT_GITHUB_API_URL;
}

/** `github` for github.com, `github-enterprise` (configured by `github-enterprise.uri`) otherwise. */
export function providerFor(apiUrl: string): 'github' | 'github-enterprise' {
  return isGitHubDotCom(apiUrl) ? 'github' : 'github-enterprise';
}

/**
 * A token from VS Code's GitHub sign-in for `apiUrl`, or a sentence saying why there is none.
 * `interactive` may show the sign-in; otherwise only an existing session is used.
 */
export async function gitHubToken(apiUrl: string, interactive: boolean): Promise<{ token: string } | { reason: string }> {
  const provider = providerFor(apiUrl);
  if (provider === 'github-enterprise') {
    // The enterprise sign-in is for the host in `github-enterprise.uri`; never send its token elsewhere.
    const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri', '');
    let signInHost = '';
    try {
      signInHost = uri ? new URL(uri).hostname.toLowerCase() : '';
    } catch {
      signInHost = '';
    }
    const apiHost = webHostForApiUrl(apiUrl);
    if (signInHost !== apiHost) return { reason: `set "github-enterprise.uri" to https://${apiHost} so VS Code can sign in to that GitHub Enterprise host` };
  }
  const session = await vscode.authentication.getSession(provider, ['repo'], interactive ? { createIfNone: true } : { silent: true });
  return session ? { token: session.accessToken } : { reason: 'you are not signed in to GitHub in VS Code' };
}
