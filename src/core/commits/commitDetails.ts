import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { assertSafeRevision, isFullSha } from '../git/revision';
import { exec, gitRunner } from '../git/runner';
import type { CommitDetails, FileChange } from './types';

export type { CommitDetails, FileChange };

// NUL-separated so that no subject or name can be confused with a field boundary.
// %aN/%aE apply the repository's .mailmap, so one person with two addresses is one author.
const FIELDS = ['%H', '%aN', '%aE', '%aI', '%cI', '%P', '%s'];
const FORMAT = `--format=${FIELDS.join('%x00')}%x00`;

/**
 * Commits read, by repository, full sha and the `.mailmap`'s stamp: a commit never changes (its
 * author's name and address do, through the mailmap), so a panel opened again, or after the one
 * Open Incident just read, starts no git for it.
 */
const known = new Map<string, CommitDetails>();
const KNOWN_MAX = 256;

function keep(key: string, details: CommitDetails): void {
  known.delete(key);
  known.set(key, details);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value as string);
}

/**
 * Reads one commit: header fields and per-file +/- counts. Merge commits are diffed against
 * their first parent, which is what "what did this change bring in" means for a merged PR.
 * One `git show <ref>^{commit}` resolves, checks and reads it (one more only for the body of a
 * merged pull request); a commit read before, named by its full sha, starts no git at all.
 */
export async function getCommitDetails(repoRoot: string, ref: string, gitPath?: string): Promise<CommitDetails> {
  const mailmap = await fs.stat(path.join(repoRoot, '.mailmap')).then(
    (st) => `${st.size}:${st.mtimeMs}:${st.ino}`,
    () => '-',
  );
  const repo = `${path.resolve(repoRoot)}\0${mailmap}`;
  const hit = isFullSha(ref) ? known.get(`${repo}\0${ref.toLowerCase()}`) : undefined;
  if (hit) return hit;
  try {
    assertSafeRevision(ref);
  } catch {
    throw new Error(`Not a commit in this repository: ${ref}`);
  }
  const runner = gitRunner(repoRoot, gitPath);
  const shown = await exec(runner, ['show', '-z', '--numstat', '-M', '-m', '--first-parent', FORMAT, '--end-of-options', `${ref}^{commit}`, '--']);
  if (shown.exitCode !== 0) throw new Error(`Not a commit in this repository: ${ref}`);
  let details = parseShowOutput(shown.stdout);
  const number = details.parents.length > 1 ? mergeRequestNumber(details.subject) : undefined;
  if (number !== undefined) {
    // Only merges of a pull/merge request read their body: its first line is the request's title.
    const body = await exec(runner, ['log', '-1', '--format=%b', '--end-of-options', details.sha, '--']);
    const title = body.exitCode === 0 ? mergeTitle(body.stdout, number) : undefined;
    if (title) details = { ...details, title };
  }
  keep(`${repo}\0${details.sha.toLowerCase()}`, details);
  return details;
}

/** `#6605` for GitHub's `Merge pull request #6605 from …`, `!42` for GitLab's body trailer. */
function mergeRequestNumber(subject: string): string | undefined {
  const github = /^Merge pull request (#\d+) from \S/.exec(subject);
  if (github) return github[1];
  return /^Merge branch '[^']+' into '[^']+'$/.test(subject) ? '' : undefined;
}

/** The first body line, with the request's number; for GitLab the number is in "See merge request …!N". */
export function mergeTitle(body: string, number: string): string | undefined {
  const lines = body.split('\n').map((l) => l.trim());
  const first = lines.find((l) => l !== '');
  if (!first || /^See merge request /.test(first)) return undefined;
  const ref = number || /^See merge request \S*?(!\d+)$/m.exec(body)?.[1];
  const text = first.length > 200 ? `${first.slice(0, 199)}…` : first;
  return ref ? `${text} (${ref})` : text;
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
