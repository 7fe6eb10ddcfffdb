/** What the suite reports back to the runner: counts plus the failures' titles and messages. */
export interface SuiteResult {
  passes: number;
  pending: number;
  total: number;
  failures: { title: string; message: string }[];
}

/** The log line that carries the result when no result file is available. */
export const RESULT_PREFIX = 'OWN_IT_SUITE_RESULT ';
