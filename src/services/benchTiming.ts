/**
 * Benchmark hook: with OWN_IT_BENCH_TIMING naming a file, the steps of a view's first fill are
 * appended to it (`{step, at, pid}`, wall clock in ms; the pid tells extension hosts apart) so bench/host.mjs can say where the time went.
 * Without the variable each mark costs one comparison. No vscode import.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.OWN_IT_BENCH_TIMING;

/**
 * With the log on, a 20 ms tick marks every stall of this extension host's event loop over 100 ms
 * (`event loop blocked`: its length, and the CPU this process used meanwhile; a stall with little
 * CPU is the machine not running us, one with CPU ≈ length is work in this host, any extension's).
 */
if (file) {
  let last = performance.now();
  let cpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    if (now - last > 120) benchMark('event loop blocked', { ms: Math.round(now - last - 20), cpuMs: Math.round((used.user + used.system) / 1000) });
    last = now;
    cpu = process.cpuUsage();
  }, 20).unref();
}

export function benchMark(step: string, detail?: Record<string, number | string>): void {
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify({ step, at: Date.now(), pid: process.pid, ...detail })}\n`);
  } catch {
    // A benchmark log that cannot be written changes nothing for the user.
  }
}
