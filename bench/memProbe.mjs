// Child process for the memory measurement: runs one full scan and reports this process's peak
// RSS (getrusage maxRSS, the kernel's high-water mark, so no sampling gaps) next to the peak
// before the scan started. git's own peak is measured separately with /usr/bin/time.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { scanReverts } = require(path.join(root, 'out', 'src', 'core', 'revert', 'revertScanner.js'));

const repo = process.argv[2];
// Warm the module graph and V8 before the baseline so it measures the runtime, not the scan.
await scanReverts(repo, { maxCount: 1 });
const before = process.resourceUsage().maxRSS;
const found = await scanReverts(repo);
const after = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ baselineKb: before, peakKb: after, detections: found.length }));
