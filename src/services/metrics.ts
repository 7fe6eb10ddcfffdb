import type { MetricsReport } from '../core/metrics';
import { deploySettings } from './deployHistory';
import type { KeptReports } from './historyFacts';
import { metricsModule } from './lazyBundles';

/** Insights metrics for a repository with its own settings (deploy patterns, incidents folder); `signal` cancels the computation. */
export function repositoryMetrics(repoRoot: string, incidentsFolder: string, gitBinary: string | undefined, since?: string, signal?: AbortSignal): Promise<MetricsReport> {
  return metricsModule().computeMetrics(repoRoot, { ...deploySettings(repoRoot), incidentsFolder, gitBinary, ...(since ? { since } : {}), ...(signal ? { signal } : {}) });
}

/**
 * Insights reports kept in `dir` (the extension's global storage) between sessions, each tied to
 * a fingerprint of the repository's refs, its incident files, our settings and the day.
 * `producer` names the build: a report kept by another build is computed again.
 */
export function keptReports(dir: string, producer: string, incidentsFolder: (repoRoot: string) => string, gitBinary: () => string | undefined): KeptReports {
  return {
    fingerprint: (repoRoot, since) =>
      metricsModule().reportFingerprint({ repoRoot, since, incidentsFolder: incidentsFolder(repoRoot), settings: deploySettings(repoRoot), gitBinary: gitBinary(), producer }),
    read: (repoRoot, since, fingerprint) => metricsModule().readStoredReport(dir, repoRoot, since, fingerprint),
    write: (repoRoot, since, fingerprint, report) => metricsModule().writeStoredReport(dir, repoRoot, since, fingerprint, report),
  };
}
