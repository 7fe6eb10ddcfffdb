/** Errors the incident store reports; each names the file so a person can go and fix it. */
import type { Incident } from './model';

/** One problem in one incident file, with the 1-based line it is on (1 when it concerns the whole file). */
export interface IncidentProblem {
  line: number;
  message: string;
}

/** A file in the incidents folder that could not be read as an incident. */
export class IncidentFileError extends Error {
  constructor(
    /** Path as given to the parser: repo-relative when the store reads it. */
    readonly file: string,
    readonly problems: IncidentProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'IncidentFileError';
  }

  /** The first problem's line, for "file:line" links. */
  get line(): number {
    return this.problems[0]?.line ?? 1;
  }
}

/** What is on disk now, for a save that lost the race. `undefined` raw means the file was deleted. */
export interface OnDiskVersion {
  raw: string | undefined;
  /** Parsed when possible; a conflict with a now-malformed file still carries the raw text. */
  incident: Incident | undefined;
}

/**
 * The file changed on disk after it was loaded (someone edited it, or git pulled a new version).
 * Nothing was written: the caller decides, with both versions in hand, what to keep.
 */
export class IncidentConflictError extends Error {
  constructor(
    readonly path: string,
    /** The text the caller loaded and based its edit on. */
    readonly base: string,
    /** The text the caller wanted to write. */
    readonly mine: string,
    readonly theirs: OnDiskVersion,
  ) {
    super(
      theirs.raw === undefined
        ? `${path} was deleted after it was opened; nothing was saved.`
        : `${path} changed on disk after it was opened; nothing was saved so neither version is lost.`,
    );
    this.name = 'IncidentConflictError';
  }
}
