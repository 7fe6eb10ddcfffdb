/**
 * Own It: Create GitHub Issues for Action Items — one click for every open item of an incident
 * (from the panel, the Incidents view or the palette). Signs in through VS Code's GitHub
 * account; GitHub Enterprise through `ownIt.github.apiUrl` and `github-enterprise.uri`.
 * Asks before creating, and again before closing anything.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IssueSyncResult } from '../core/githost/issueSync';
import type { GitHubRepoRef } from '../core/githost/types';
import type { Container } from '../container';
import { gitHubApiUrl, gitHubToken } from '../services/githubSession';
import { githostModule } from '../services/lazyBundles';
import { countOf as plural } from '../core/text/plural';
import { asIncidentRef, type IncidentRef } from './args';
import { pickIncident } from './pickers';

export async function syncActionItemIssues(container: Container, arg?: unknown): Promise<IssueSyncResult | undefined> {
  let ref: IncidentRef | undefined = asIncidentRef(arg);
  if (!ref) {
    const picked = await pickIncident(container, (i) => i.incident.actions.length > 0, 'Create GitHub issues for the action items of which incident?');
    ref = picked ? { repoRoot: picked.repoRoot, incidentPath: picked.path } : undefined;
  }
  if (!ref) return undefined;
  const apiUrl = gitHubApiUrl();
  const only = path.relative(ref.repoRoot, path.resolve(ref.repoRoot, ref.incidentPath)).split(path.sep).join('/');
  const folder = container.index.store(ref.repoRoot).folder;
  let repo: GitHubRepoRef;
  try {
    repo = await githostModule().gitHubRepoFor(ref.repoRoot, apiUrl, container.tracker.gitBinary);
  } catch (err) {
    if (err instanceof githostModule().NoGitHubRemoteError) void vscode.window.showWarningMessage(err.message);
    else throw err;
    return undefined;
  }
  const plan = await githostModule().syncActionItems({ repoRoot: ref.repoRoot, incidentsFolder: folder, repo, dryRun: true, only });
  const creates = plan.steps.filter((s) => s.kind === 'create').length;
  if (creates > 0) {
    const ok = await vscode.window.showInformationMessage(
      `Create ${plural(creates, 'GitHub issue')} in ${repo.owner}/${repo.repo} for the open action items? Each issue links the incident file, and its URL is saved on the item.`,
      { modal: true },
      'Create Issues',
    );
    if (ok !== 'Create Issues') return undefined;
  }
  const auth = await gitHubToken(apiUrl, true);
  if ('reason' in auth) {
    void vscode.window.showWarningMessage(`Own It could not sign in to GitHub: ${auth.reason}.`);
    return undefined;
  }
  const client = new (githostModule().GitHubClient)({ apiUrl, token: auth.token });
  const run = (closeDone: boolean): Thenable<IssueSyncResult | undefined> =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Own It: syncing action items with GitHub…' }, () =>
      githostModule().syncActionItems({ repoRoot: ref.repoRoot, incidentsFolder: folder, repo, client, dryRun: false, only, closeDone }).catch((err: unknown) => {
        showSyncError(err);
        return undefined;
      }),
    );
  const result = await run(false);
  container.index.invalidate();
  if (!result) return undefined;
  report(result);
  const offers = result.steps.filter((s) => s.kind === 'offer-close').length;
  if (offers > 0) {
    const close = await vscode.window.showInformationMessage(
      `${plural(offers, 'item is', 'items are')} done here but ${offers === 1 ? 'its issue is' : 'their issues are'} still open on GitHub. Close ${offers === 1 ? 'it' : 'them'}?`,
      'Close Issues',
      'Leave Open',
    );
    if (close === 'Close Issues') {
      const closed = await run(true);
      container.index.invalidate();
      if (closed) report(closed);
      return closed;
    }
  }
  return result;
}

function report(r: IssueSyncResult): void {
  const count = (kind: string): number => r.steps.filter((s) => s.kind === kind).length;
  const parts = [
    count('create') && `created ${plural(count('create'), 'issue')}`,
    count('link') && `linked ${plural(count('link'), 'existing issue')}`,
    count('mark-done') && `marked ${plural(count('mark-done'), 'item')} done (issue closed)`,
    count('close') && `closed ${plural(count('close'), 'issue')}`,
  ].filter(Boolean);
  const summary = parts.length ? `Own It ${parts.join(', ')}.` : 'Every action item is in step with its GitHub issue.';
  if (r.stoppedBy) void vscode.window.showWarningMessage(`${summary} GitHub stopped answering (${r.stoppedBy.message}); what was done is saved, and the next sync carries on.`);
  else if (r.problems.length) void vscode.window.showWarningMessage(`${summary} ${r.problems[0]}`);
  else void vscode.window.showInformationMessage(summary);
}

function showSyncError(err: unknown): void {
  if (err instanceof githostModule().GitHubPermissionError) {
    const needed = (err.permission ?? 'issues=write').replace(/=/g, ': ');
    void vscode.window.showErrorMessage(`Your GitHub sign-in cannot create issues in this repository: it is missing the "${needed}" permission. Nothing was changed.`);
  } else if (err instanceof githostModule().GitHubAuthError) {
    void vscode.window.showErrorMessage(`GitHub rejected the sign-in (${err.message}). Sign in again from the Accounts menu.`);
  } else {
    void vscode.window.showErrorMessage(`Could not sync action items with GitHub: ${err instanceof Error ? err.message : String(err)}`);
  }
}
