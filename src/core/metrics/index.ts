/** Public surface of the insights metrics, for the extension's Insights view and the CLI. */
export * from './types';
export { computeMetrics, DEFAULT_METRICS_DAYS } from './computeMetrics';
export { metricsToCsv, metricsToMarkdown } from './format';
export { readStoredReport, reportFingerprint, storedReportPath, writeStoredReport, type FingerprintInput } from './storedReport';
