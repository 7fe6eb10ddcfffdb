import * as vscode from 'vscode';
import type { API, GitExtension } from '../@types/git';

/**
 * Resolves the built-in git extension's API once it is enabled and has finished its
 * first repository discovery. Returns undefined when git is disabled or unavailable.
 */
export async function getGitApi(): Promise<API | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state === 'initialized') return api;
  await new Promise<void>((resolve) => {
    const sub = api.onDidChangeState((state) => {
      if (state === 'initialized') {
        sub.dispose();
        resolve();
      }
    });
  });
  return api;
}
