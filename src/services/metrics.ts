import type { MetricsReport } from '../core/metrics';
import { deploySettings } from './deployHistory';
import { metricsModule } from './lazyBundles';

/** Insights metrics for a repository with its own settings (deploy patterns, incidents folder). */
export function repositoryMetrics(repoRoot: string, incidentsFolder: string, gitBinary: string | undefined, since?: string): Promise<MetricsReport> {
  return metricsModule().computeMetrics(repoRoot, { ...deploySettings(repoRoot), incidentsFolder, gitBinary, ...(since ? { since } : {}) });
}
