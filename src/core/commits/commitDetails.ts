import { gitFor, resolveCommit } from './gitRunner';
import type { CommitDetails, FileChange } from './types';

export type { CommitDetails, FileChange };

// NUL-separated so that no subject or name can be confused with a field boundary.
// %aN/%aE apply the repository's .mailmap, so one person with two addresses is one author.
const FIELDS = ['%H', '%aN', '%aE', '%aI', '%cI', '%P', '%s'];
const FORMAT = `--format=${FIELDS.join('%x00')}%x00`;

/**
 * Reads one commit: header fields and per-file +/- counts. Merge commits are diffed against
 * their first parent, which is what "what did this change bring in" means for a merged PR.
 */
export async function getCommitDetails(repoRoot: string, ref: string, gitPath?: string): Promise<CommitDetails> {
  const git = gitFor(repoRoot, gitPath);
  const sha = await resolveCommit(repoRoot, ref, gitPath);
  const out = await git.raw(['show', '-z', '--numstat', '-M', '-m', '--first-parent', FORMAT, sha, '--']);
  return parseShowOutput(out);
}

/** Reads several commits, keeping the order given and skipping none: a missing one throws. */
export async function getCommitsDetails(repoRoot: string, refs: readonly string[], gitPath?: string): Promise<CommitDetails[]> {
  return Promise.all(refs.map((r) => getCommitDetails(repoRoot, r, gitPath)));
}

/** Parses `git show -z --numstat --format=<FIELDS joined by NUL>%x00` output. Exported for tests. */
export function parseShowOutput(out: string): CommitDetails {
  const tokens = out.split('\0');
  if (tokens.length < FIELDS.length) throw new Error('Unexpected git show output');
  const [sha, authorName, authorEmail, authoredAt, committedAt, parents, subject] = tokens;
  const files: FileChange[] = [];
  // After the header, -z numstat entries are `added\tdeleted\tpath` or, for renames,
  // `added\tdeleted\t` followed by the old and new path as two tokens.
  const rest = tokens.slice(FIELDS.length).map((t) => t.replace(/^\n+/, ''));
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(token);
    if (!match) continue;
    const binary = match[1] === '-' || match[2] === '-';
    const added = binary ? 0 : Number(match[1]);
    const deleted = binary ? 0 : Number(match[2]);
    if (match[3] === '') {
      const oldPath = rest[i + 1];
      const path = rest[i + 2];
      i += 2;
      if (path !== undefined && oldPath !== undefined) files.push({ path, oldPath, added, deleted, binary });
    } else {
      files.push({ path: match[3], added, deleted, binary });
    }
  }
  return {
    sha,
    shortSha: sha.slice(0, 7),
    subject,
    authorName,
    authorEmail,
    authoredAt,
    committedAt,
    parents: parents ? parents.split(' ') : [],
    files,
  };
}
