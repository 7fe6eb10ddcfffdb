export { MetricsFileError, readMetricsFile, type RepoMetrics } from './readMetricsFile';
export { mergeMetrics, MERGE_FORMULAS, type AgeBuckets, type MergedReport, type MergedRow } from './mergeMetrics';
export { mergedToCsv, mergedToMarkdown, mergedToTable } from './formatMerged';
export { FOUR_KEYS_TABLES, fourKeysNdjson, fourKeysRows, type FourKeysRows, type FourKeysTable } from './fourKeys';
