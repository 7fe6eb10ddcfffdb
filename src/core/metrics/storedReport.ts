/**
 * Insights reports kept on disk between sessions, so a second open (even after a restart) draws at
 * once instead of walking the history again. A kept report is used only while its fingerprint
 * still matches: what `git show-ref --head` prints (HEAD, every branch, tag and remote), the
 * incident files' names and stamps, the settings the computation read, the window start and the
 * current day (the window ends today, and action ages count days). Anything else — a missing,
 * damaged or foreign file — means "not kept", and the caller computes as before.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { resolveFolderInside } from '../fs/safeFolder';
import { exec, gitRunner } from '../git/runner';
import { DEFAULT_INCIDENTS_FOLDER, INCIDENT_FILE_PATTERN } from '../incidents/incidentStore';
import type { MetricsReport } from './types';

/** Raised whenever the report's shape or meaning changes: reports kept by an older build are then ignored. */
const FORMAT = 'own-it-insights/1';

export interface FingerprintInput {
  repoRoot: string;
  /** The window start as the computation is asked for it (ISO); undefined for the default window. */
  since?: string;
  /** Relative to the repository root (default `docs/incidents`). */
  incidentsFolder?: string;
  /** Every setting the computation reads (deploy tag and hotfix patterns, …), any JSON value. */
  settings: unknown;
  /** The git to ask (not part of the fingerprint: any git reads the same history). */
  gitBinary?: string;
  /** Who computes (the extension's build): a report from another build is not trusted. */
  producer: string;
  /** Default: now. Only its UTC day counts. */
  now?: Date;
  signal?: AbortSignal;
}

/**
 * The fingerprint of everything a report depends on: one `git show-ref --head` and one listing of
 * the incidents folder (a stat per file, no file read). Undefined when git cannot answer (not a
 * repository, git missing): nothing is then kept or served.
 */
export async function reportFingerprint(input: FingerprintInput): Promise<string | undefined> {
  const runner = gitRunner(input.repoRoot, input.gitBinary, input.signal);
  const [refs, incidents] = await Promise.all([
    exec(runner, ['show-ref', '--head']).catch(() => undefined),
    incidentStamps(input.repoRoot, input.incidentsFolder ?? DEFAULT_INCIDENTS_FOLDER),
  ]);
  // show-ref exits 1 when there is no ref at all (a new repository): that is an answer too.
  if (!refs || (refs.exitCode !== 0 && refs.exitCode !== 1)) return undefined;
  const day = (input.now ?? new Date()).toISOString().slice(0, 10);
  const hash = createHash('sha256');
  for (const part of [FORMAT, input.producer, day, windowKey(input.since), input.incidentsFolder ?? '', JSON.stringify(input.settings ?? null), refs.stdout, incidents]) {
    hash.update(part).update('\0');
  }
  return hash.digest('hex');
}

/** `name size mtime ctime` of each incident file, sorted; empty when the folder does not exist. */
async function incidentStamps(repoRoot: string, folder: string): Promise<string> {
  let real: string | undefined;
  try {
    real = await resolveFolderInside(repoRoot, folder, false);
  } catch {
    return 'unreadable';
  }
  if (!real) return '';
  const dir = real;
  const names = (await fs.readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile() && INCIDENT_FILE_PATTERN.test(e.name)).map((e) => e.name);
  names.sort();
  const stamps = await Promise.all(
    names.map(async (name) => {
      const st = await fs.lstat(path.join(dir, name), { bigint: true }).catch(() => undefined);
      return st ? `${name}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}` : `${name}\0gone`;
    }),
  );
  return stamps.join('\n');
}

interface StoredFile {
  format: string;
  repoRoot: string;
  /** By window start (its day): one report each, the last one computed. */
  entries: Record<string, { fingerprint: string; day: string; report: MetricsReport }>;
}

/** Where the reports of one repository are kept inside `dir` (one file per repository). */
export function storedReportPath(dir: string, repoRoot: string): string {
  return path.join(dir, `${createHash('sha256').update(path.resolve(repoRoot)).digest('hex').slice(0, 32)}.json`);
}

function windowKey(since: string | undefined): string {
  return since === undefined ? 'default' : since.slice(0, 10);
}

async function readStoredFile(file: string, repoRoot: string): Promise<StoredFile | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StoredFile> | null;
    if (!parsed || parsed.format !== FORMAT || parsed.repoRoot !== path.resolve(repoRoot) || typeof parsed.entries !== 'object' || parsed.entries === null) return undefined;
    return parsed as StoredFile;
  } catch {
    return undefined;
  }
}

/** The report kept for this repository and window if it was computed from exactly this fingerprint. */
export async function readStoredReport(dir: string, repoRoot: string, since: string | undefined, fingerprint: string): Promise<MetricsReport | undefined> {
  const stored = await readStoredFile(storedReportPath(dir, repoRoot), repoRoot);
  const entry = stored?.entries[windowKey(since)];
  if (!entry || entry.fingerprint !== fingerprint || typeof entry.report !== 'object' || entry.report === null) return undefined;
  return entry.report;
}

/**
 * Keeps a report computed from `fingerprint`. Entries from other days are dropped (their
 * fingerprints can no longer match), so a file holds at most one report per window.
 */
export async function writeStoredReport(dir: string, repoRoot: string, since: string | undefined, fingerprint: string, report: MetricsReport, now: Date = new Date()): Promise<void> {
  const file = storedReportPath(dir, repoRoot);
  const day = now.toISOString().slice(0, 10);
  const stored = (await readStoredFile(file, repoRoot)) ?? { format: FORMAT, repoRoot: path.resolve(repoRoot), entries: {} };
  const entries: StoredFile['entries'] = {};
  for (const [key, entry] of Object.entries(stored.entries)) if (entry.day === day) entries[key] = entry;
  entries[windowKey(since)] = { fingerprint, day, report };
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(file, JSON.stringify({ ...stored, entries }));
}
