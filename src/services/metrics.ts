import { computeMetrics, type MetricsReport } from '../core/metrics';
import { deploySettings } from './deployHistory';

/** Insights metrics for a repository with its own settings (deploy patterns, incidents folder). */
export function repositoryMetrics(repoRoot: string, incidentsFolder: string, gitBinary: string | undefined, since?: string): Promise<MetricsReport> {
  return computeMetrics(repoRoot, { ...deploySettings(repoRoot), incidentsFolder, gitBinary, ...(since ? { since } : {}) });
}
