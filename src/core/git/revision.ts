import type { SimpleGit } from 'simple-git';

/** A full or abbreviated object name as git accepts it (git never abbreviates below 4). */
const HEX_OBJECT_NAME = /^[0-9a-f]{4,64}$/i;
const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

export function isHexObjectName(value: string): boolean {
  return HEX_OBJECT_NAME.test(value);
}

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

/**
 * A revision a caller may hand us (`HEAD`, `main`, `A..B`, a sha). It is always passed after
 * `--end-of-options`, so it can never be read as an option; we still refuse leading dashes,
 * whitespace and control characters so a mistake fails loudly instead of meaning something else.
 */
export function assertSafeRevision(rev: string): void {
  if (rev.length === 0 || rev.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(rev)) {
    throw new Error(`invalid revision ${JSON.stringify(rev)}`);
  }
}

/**
 * Resolves a hex object name (full or abbreviated) to the full sha of a commit in this
 * repository, or `undefined` when it is unknown, ambiguous or not a commit.
 * Non-hex input is rejected before git sees it.
 */
export async function resolveCommitSha(git: SimpleGit, hex: string): Promise<string | undefined> {
  if (!isHexObjectName(hex)) return undefined;
  return verifyCommit(git, hex);
}

/** Resolves any safe revision (see {@link assertSafeRevision}) to a full commit sha. */
export async function resolveRevision(git: SimpleGit, rev: string): Promise<string | undefined> {
  assertSafeRevision(rev);
  return verifyCommit(git, rev);
}

async function verifyCommit(git: SimpleGit, rev: string): Promise<string | undefined> {
  try {
    // `--verify --quiet` exits 1 silently for unknown names; ambiguous ones print to stderr
    // and simple-git rejects, which we also treat as "not resolvable".
    const out = (await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
    return isFullSha(out) ? out.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
