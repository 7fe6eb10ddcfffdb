/**
 * Facts about a repository that every incident statement rests on, read from git rather than
 * guessed: the default branch, who the user is, whether a commit is on the default branch,
 * pushed, or only local, and where a commit landed on the default branch.
 */
import type { SimpleGit } from '../git/runner';
import { gitFor, looksLikeSha } from '../commits/gitRunner';

const FULL_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

export type DefaultBranchSource = 'origin/HEAD' | 'init.defaultBranch' | 'main' | 'master' | 'HEAD';

export interface DefaultBranch {
  /** Branch name without remote, e.g. `main`. */
  name: string;
  /** The ref that is checked for containment: `origin/main` when it exists, else the local `main`. */
  ref: string;
  /** How the default branch was found. */
  source: DefaultBranchSource;
}

export interface UserIdentity {
  name?: string;
  email?: string;
}

async function raw(git: SimpleGit, args: string[]): Promise<string | undefined> {
  try {
    return (await git.raw(args)).trim();
  } catch {
    return undefined;
  }
}

/**
 * Which of `refs` (full ref names) exist and name a commit (a tag object is peeled once), in one
 * `for-each-ref`: the default branch's candidates are asked together instead of one
 * `rev-parse` each in turn. for-each-ref also matches longer names under a pattern, so only
 * exact names count.
 */
async function existingCommitRefs(git: SimpleGit, refs: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(refs)];
  const out = await raw(git, ['for-each-ref', '--format=%(objecttype) %(*objecttype) %(refname)', ...wanted]);
  const found = new Set<string>();
  for (const line of (out ?? '').split('\n')) {
    const [type, peeled, ...name] = line.split(' ');
    const ref = name.join(' ');
    if (wanted.includes(ref) && (type === 'commit' || peeled === 'commit')) found.add(ref);
  }
  return found;
}

/**
 * The default branch: `origin/HEAD`, else `init.defaultBranch`, else `main`, else `master`
 * (remote-tracking first), else the branch HEAD is on. Undefined for a repository without commits.
 * Three questions at once, then one for-each-ref for every candidate: two rounds of git
 * processes however the answer is found (the panel waits for this).
 */
export async function findDefaultBranch(git: SimpleGit): Promise<DefaultBranch | undefined> {
  const [originHead, configuredRaw, head] = await Promise.all([
    raw(git, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']),
    raw(git, ['config', '--get', 'init.defaultBranch']),
    raw(git, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
  ]);
  const remoteHead = originHead && originHead.startsWith('refs/remotes/origin/') ? originHead : undefined;
  const configured = configuredRaw && /^[\w./-]+$/.test(configuredRaw) && !configuredRaw.startsWith('-') ? configuredRaw : undefined;
  const names = [...(configured ? [configured] : []), 'main', 'master'];
  const candidates = [...(remoteHead ? [remoteHead] : []), ...names.flatMap((n) => [`refs/remotes/origin/${n}`, `refs/heads/${n}`]), ...(head ? [`refs/heads/${head}`] : [])];
  const exists = await existingCommitRefs(git, candidates);
  if (remoteHead && exists.has(remoteHead)) {
    const name = remoteHead.slice('refs/remotes/origin/'.length);
    return { name, ref: `origin/${name}`, source: 'origin/HEAD' };
  }
  const branchRef = (name: string) => (exists.has(`refs/remotes/origin/${name}`) ? `origin/${name}` : exists.has(`refs/heads/${name}`) ? name : undefined);
  if (configured) {
    const ref = branchRef(configured);
    if (ref) return { name: configured, ref, source: 'init.defaultBranch' };
  }
  for (const name of ['main', 'master'] as const) {
    const ref = branchRef(name);
    if (ref) return { name, ref, source: name };
  }
  if (head && exists.has(`refs/heads/${head}`)) return { name: head, ref: head, source: 'HEAD' };
  return undefined;
}

/** `user.name` and `user.email` as git would use them for a new commit, mapped through the mailmap. */
export async function readUserIdentity(git: SimpleGit): Promise<UserIdentity> {
  const [nameRaw, emailRaw] = await Promise.all([raw(git, ['config', '--get', 'user.name']), raw(git, ['config', '--get', 'user.email'])]);
  const name = nameRaw || undefined;
  const email = emailRaw || undefined;
  if (!email) return { ...(name ? { name } : {}) };
  const mapped = await raw(git, ['check-mailmap', `${name ?? ''} <${email}>`]);
  const m = mapped ? /^(.*?)\s*<([^>]*)>$/.exec(mapped) : null;
  const mappedName = m?.[1] || name;
  return { ...(mappedName ? { name: mappedName } : {}), email: m?.[2] || email };
}

/**
 * True when the identity wrote a commit whose (mailmapped) author is `author`. Emails decide when
 * both are known; names only when the user has no email configured.
 */
export function isSamePerson(user: UserIdentity, author: { name: string; email: string }): boolean {
  if (user.email && author.email) return user.email.trim().toLowerCase() === author.email.trim().toLowerCase();
  if (user.name && author.name) return user.name.trim().toLowerCase() === author.name.trim().toLowerCase();
  return false;
}

/**
 * True when `older` is an ancestor of (or equal to) `newer`. simple-git does not reject a
 * non-zero exit without stderr, so `merge-base --is-ancestor`'s exit code 1 would read as yes:
 * compare `git merge-base` with the full sha instead.
 */
export async function isAncestor(git: SimpleGit, older: string, newer: string): Promise<boolean> {
  if (!looksLikeSha(older)) return false;
  const [full, base] = await Promise.all([raw(git, ['rev-parse', '--verify', '--quiet', `${older}^{commit}`]), raw(git, ['merge-base', older, newer])]);
  return !!full && full === base;
}

/** Remote-tracking branches containing `sha`, without the `origin/HEAD` style aliases. */
export async function remoteBranchesWith(git: SimpleGit, sha: string): Promise<string[]> {
  if (!looksLikeSha(sha)) return [];
  const out = await raw(git, ['branch', '-r', '--format=%(refname:short)', '--contains', sha]);
  return (out ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.endsWith('/HEAD') && l !== 'origin');
}

export type Placement = 'default' | 'pushed' | 'local';

export interface CommitPlacement {
  /** default: on the default branch; pushed: on some remote branch but not the default; local: on no remote branch. */
  placement: Placement;
  onDefault: boolean;
  /** Remote-tracking branches that contain it, the default branch first. */
  remoteBranches: string[];
}

export async function commitPlacement(git: SimpleGit, sha: string, defaultBranch: DefaultBranch | undefined): Promise<CommitPlacement> {
  const [onDefault, remotes] = await Promise.all([defaultBranch ? isAncestor(git, sha, defaultBranch.ref) : Promise.resolve(false), remoteBranchesWith(git, sha)]);
  const first = defaultBranch && remotes.includes(defaultBranch.ref) ? [defaultBranch.ref] : [];
  const remoteBranches = [...first, ...remotes.filter((r) => !first.includes(r))];
  // A default branch that exists only locally (no remote) still makes onDefault true, but nobody else has it.
  const placement: Placement = remoteBranches.length === 0 ? 'local' : onDefault ? 'default' : 'pushed';
  return { placement, onDefault, remoteBranches };
}

export interface Landing {
  /** The commit on the default branch's first-parent line that brought it in (itself for a squash or direct push). */
  sha: string;
  /** ISO 8601 committer date of that commit. */
  at: string;
  /** True when it landed through a merge commit (not directly). */
  viaMerge: boolean;
}

/**
 * Where `sha` landed on the default branch: the oldest commit on the branch's first-parent line
 * that contains it. (`rev-list --first-parent --ancestry-path` cannot answer this: it ignores the
 * second parents through which a merged commit is reached.) Two lists answer it: the line from the
 * tip back to the commit, and every commit between the commit and the tip (`--ancestry-path`,
 * second parents included). Containment along the line is monotonic, so the landing is the last
 * line commit, walking back from the tip, that the second list has. A handful of git processes
 * however long the line (a binary search of `merge-base` calls took two per step).
 */
export async function landingOnDefault(git: SimpleGit, sha: string, defaultBranch: DefaultBranch | undefined): Promise<Landing | undefined> {
  if (!defaultBranch || !looksLikeSha(sha)) return undefined;
  // A full sha (the panel passes the one `git show` printed) needs no rev-parse: merge-base checks it.
  const full = FULL_SHA.test(sha) ? sha : await raw(git, ['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
  if (!full || (await raw(git, ['merge-base', full, defaultBranch.ref])) !== full) return undefined;
  const lines = (out: string | undefined) => (out ?? '').split('\n').filter((l) => l.trim() !== '');
  const [line, between] = await Promise.all([
    raw(git, ['rev-list', '--first-parent', defaultBranch.ref, `^${full}`, '--']).then(lines),
    raw(git, ['rev-list', '--ancestry-path', defaultBranch.ref, `^${full}`, '--']).then((out) => new Set(lines(out))),
  ]);
  let oldest = -1;
  while (oldest + 1 < line.length && between.has(line[oldest + 1])) oldest++;
  const found = oldest >= 0 ? await raw(git, ['log', '-1', '--format=%H%x00%P%x00%cI', line[oldest], '--']) : undefined;
  const [merge, parents, at] = (found ?? '').split('\0');
  // No newer line commit contains it (it is the tip), or the oldest one sits right on top of it: it was committed on the line.
  if (!merge || !at || parents?.split(' ')[0] === full) {
    const own = await raw(git, ['log', '-1', '--format=%cI', full, '--']);
    return own ? { sha: full, at: own, viaMerge: false } : undefined;
  }
  return { sha: merge, at, viaMerge: true };
}

export { gitFor };

/**
 * Commits reachable from `rev` that no remote-tracking branch has: reverts among them were caught
 * before shipping. Undefined when the repository has no remote-tracking branches at all (then
 * nothing tells local work from shared work, so nothing is set apart).
 */
export async function localOnlyCommits(git: SimpleGit, rev = 'HEAD'): Promise<Set<string> | undefined> {
  const anyRemote = await raw(git, ['for-each-ref', '--count=1', '--format=%(refname)', 'refs/remotes']);
  if (!anyRemote) return undefined;
  const out = await raw(git, ['rev-list', rev, '--not', '--remotes', '--']);
  return new Set((out ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== ''));
}
