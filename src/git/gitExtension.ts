import * as vscode from 'vscode';
import type { API, GitExtension } from '../@types/git';

/** How long to wait for the git extension's first repository discovery before going on without it. */
const INIT_WAIT_MS = 20_000;

/**
 * Resolves the built-in git extension's API once it is enabled and has finished its first
 * repository discovery (or after a bounded wait: repositories found later still arrive through
 * `onDidOpenRepository`). Undefined when git is disabled, missing, or the API cannot be had.
 */
export async function getGitApi(): Promise<API | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  let api: API;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return undefined;
    api = exports.getAPI(1);
  } catch {
    // The git extension throws from getAPI when no git executable was found.
    return undefined;
  }
  if (api.state === 'initialized') return api;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, INIT_WAIT_MS);
    const sub = api.onDidChangeState((state) => {
      if (state === 'initialized') done();
    });
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
  return api;
}
