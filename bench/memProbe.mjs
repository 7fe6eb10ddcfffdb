// Child process for the memory measurement of one full scan.
// Default: this process's peak RSS (getrusage maxRSS, the kernel's high-water mark, so no
// sampling gaps) next to the peak before the scan started. git's own peak is measured
// separately with /usr/bin/time.
// `--live` (run with --expose-gc): the live heap, i.e. what the scan really holds: sampled
// after a full GC every 25 ms while the detections are streamed and dropped, so the peak is
// the scan's own working set; then the heap held by the whole result list (`scanReverts`).
// RSS also counts garbage V8 has not collected yet and the young generation V8 grows to its
// cap under a high allocation rate; the live heap is what grows if anything is kept.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { RevertScanner, scanReverts } = require(path.join(root, 'out', 'src', 'core', 'revert', 'revertScanner.js'));

const repo = process.argv[2];
// Warm the module graph and V8 before the baseline so it measures the runtime, not the scan.
await scanReverts(repo, { maxCount: 1 });
if (process.argv.includes('--live')) {
  const live = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const baseline = live();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, live())), 25);
  let streamed = 0;
  for await (const detection of (await RevertScanner.open(repo)).scan()) if (detection) streamed++;
  clearInterval(timer);
  peak = Math.max(peak, live());
  const kept = await scanReverts(repo);
  const withResult = live();
  process.stdout.write(
    JSON.stringify({ liveBaselineKb: baseline / 1024, livePeakGrowthKb: (peak - baseline) / 1024, resultHeapKb: (withResult - baseline) / 1024, detections: kept.length, streamed }),
  );
} else {
  const before = process.resourceUsage().maxRSS;
  const found = await scanReverts(repo);
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ baselineKb: before, peakKb: after, detections: found.length }));
}
