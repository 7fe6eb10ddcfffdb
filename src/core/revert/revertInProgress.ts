import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Repository } from '../git/repository';
import { isFullSha } from '../git/revision';

export interface RevertProgress {
  /** A `git revert` has stopped (conflict, or between commits of a multi-commit revert). */
  inProgress: boolean;
  /** Full sha of the commit being reverted, from REVERT_HEAD. */
  revertHead?: string;
  /** Unmerged paths remain in the index. Only set while a revert is in progress. */
  conflicted?: boolean;
  /** The real git dir of this work tree (a linked worktree or submodule has its own). */
  gitDir: string;
}

/**
 * Reports a `git revert` that is under way. State lives in the work tree's own git dir:
 * `REVERT_HEAD` while a single revert is stopped, `sequencer/todo` while a multi-commit revert
 * waits for `--continue`. `git rev-parse --git-path` gives the right place for linked worktrees
 * (per-worktree dir) and submodules (`.git` is a file pointing elsewhere), so we never guess
 * the layout ourselves.
 *
 * @throws NotAGitRepositoryError
 */
export async function revertInProgress(repoPath: string, gitBinary?: string): Promise<RevertProgress> {
  const repo = await Repository.open(repoPath, gitBinary);
  const [gitDir, revertHeadPath, todoPath] = (await repo.exec(['rev-parse', '--absolute-git-dir', '--git-path', 'REVERT_HEAD', '--git-path', 'sequencer/todo'])).stdout
    .split('\n')
    .map((l) => l.trim());
  // Relative `--git-path` answers are relative to where git ran: the repository root.
  const base = repo.root;
  const revertHead = (await readText(path.resolve(base, revertHeadPath)))?.split('\n')[0].trim();
  const todo = await readText(path.resolve(base, todoPath));
  // The sequencer is shared with cherry-pick; only count it when its next step is a revert.
  const sequencedRevert =
    todo !== undefined &&
    todo
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('#'))
      ?.startsWith('revert') === true;

  const result: RevertProgress = { inProgress: false, gitDir };
  if (revertHead !== undefined && isFullSha(revertHead)) {
    result.inProgress = true;
    result.revertHead = revertHead.toLowerCase();
  } else if (sequencedRevert) {
    result.inProgress = true;
  }
  if (result.inProgress) {
    // `:/` widens the pathspec to the whole work tree when repoPath is a subfolder.
    const unmerged = await repo.exec(['ls-files', '--unmerged', '--', ':/']);
    result.conflicted = unmerged.exitCode === 0 && unmerged.stdout.trim() !== '';
  }
  return result;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
