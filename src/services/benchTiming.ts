/**
 * Benchmark hook: with OWN_IT_BENCH_TIMING naming a file, the steps of a view's first fill are
 * appended to it (`{step, at, pid}`, wall clock in ms; the pid tells extension hosts apart) so bench/host.mjs can say where the time went.
 * Without the variable each mark costs one comparison. No vscode import.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.OWN_IT_BENCH_TIMING;

export function benchMark(step: string, detail?: Record<string, number | string>): void {
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify({ step, at: Date.now(), pid: process.pid, ...detail })}\n`);
  } catch {
    // A benchmark log that cannot be written changes nothing for the user.
  }
}
