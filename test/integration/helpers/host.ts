import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnItApi, TreeSnapshot } from '../../../src/api';

export const EXTENSION_ID = 'own-it.own-it';

/** The git repository the runner created for this run (its path comes through the environment). */
export function testWorkspace(): string {
  const fromEnv = process.env.OWN_IT_TEST_WORKSPACE;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const workspace = fromEnv ?? folder;
  assert.ok(workspace, 'no test workspace: set OWN_IT_TEST_WORKSPACE or open a folder');
  return workspace;
}

export async function activateOwnIt(): Promise<{ extension: vscode.Extension<OwnItApi>; api: OwnItApi }> {
  const extension = vscode.extensions.getExtension<OwnItApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  return { extension, api };
}

/** The git CLI in the test workspace, with the identity the runner configured in the repository. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_EDITOR: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Writes a file in the workspace repository and commits it with the git CLI; returns the new sha. */
export function commitFile(root: string, file: string, content: string, message: string): string {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
  git(root, 'add', file);
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

/** The first node with this label anywhere in a view snapshot (depth first). */
/** An open incident: the Incidents view lists them at its top level (resolved ones under a group). */
export function findOpenIncident(nodes: TreeSnapshot[] | undefined, label: string): TreeSnapshot | undefined {
  return nodes?.find((n) => n.label === label && n.contextValue === 'ownIt.incident.open');
}

export function findNode(nodes: TreeSnapshot[] | undefined, label: string): TreeSnapshot | undefined {
  for (const n of nodes ?? []) {
    if (n.label === label) return n;
    const inner = findNode(n.children, label);
    if (inner) return inner;
  }
  return undefined;
}
