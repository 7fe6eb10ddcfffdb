/** The one pair of sha patterns; everything else calls isHexObjectName / isFullSha. */
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
