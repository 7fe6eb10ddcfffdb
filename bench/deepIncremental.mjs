// `npm run bench -- --deep`: the deep scan's incremental rescan after one new commit
// (scanRevertsDeepCached: the message scan's incremental pass beside the diff walk of the new
// commit's paths). The caches are primed at HEAD; each run adds one commit that silently undoes
// HEAD~3 (its tree is HEAD's with that change taken out, the message says nothing), times the
// cached deep scan, then puts the branch and the primed cache files back. After the timed runs,
// the last incremental result is compared with a full deep scan from an empty cache.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Every file of the cache folder, to put back after each run. */
function snapshot(cacheDir) {
  const files = new Map();
  for (const sub of fs.readdirSync(cacheDir)) {
    for (const f of fs.readdirSync(path.join(cacheDir, sub))) files.set(path.join(sub, f), fs.readFileSync(path.join(cacheDir, sub, f)));
  }
  return () => {
    for (const sub of fs.readdirSync(cacheDir)) {
      for (const f of fs.readdirSync(path.join(cacheDir, sub))) if (!files.has(path.join(sub, f))) fs.rmSync(path.join(cacheDir, sub, f));
    }
    for (const [f, bytes] of files) fs.writeFileSync(path.join(cacheDir, f), bytes);
  };
}

/** A commit on `head` whose tree is HEAD's with HEAD~3's change undone, and a message without revert words. */
function silentRevert(dir, head, i) {
  const when = `${Math.floor(Date.now() / 1000) + i} +0000`;
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  const index = path.join(os.tmpdir(), `own-it-bench-index-${process.pid}-${i}`);
  try {
    const withIndex = { ...env, GIT_INDEX_FILE: index };
    execFileSync('git', ['-C', dir, 'read-tree', head], { env: withIndex });
    const patch = execFileSync('git', ['-C', dir, 'diff', `${head}~4`, `${head}~3`], { encoding: 'utf8' });
    execFileSync('git', ['-C', dir, 'apply', '--cached', '-R'], { env: withIndex, input: patch });
    const tree = execFileSync('git', ['-C', dir, 'write-tree'], { env: withIndex, encoding: 'utf8' }).trim();
    return execFileSync('git', ['-C', dir, 'commit-tree', tree, '-p', head, '-m', 'Tidy the settings'], { encoding: 'utf8', env }).trim();
  } finally {
    fs.rmSync(index, { force: true });
  }
}

const key = (d) => `${d.sha} ${d.kind} ${d.evidence} ${d.reverted.join(',')}`;

export async function deepIncremental(dir, { runs, scanRevertsDeepCached, stats }) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-deep-'));
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-bench-deep-full-'));
  try {
    let started = now();
    const primed = await scanRevertsDeepCached(dir, { cacheDir, minConfidence: 0 });
    const fullMs = now() - started;
    const restore = snapshot(cacheDir);
    const head = primed.head;
    const times = [];
    let equal = true;
    let commitsRead = 0;
    for (let i = 0; i < runs; i++) {
      const commit = silentRevert(dir, head, i);
      execFileSync('git', ['-C', dir, 'update-ref', 'refs/heads/main', commit, head]);
      try {
        started = now();
        const r = await scanRevertsDeepCached(dir, { cacheDir, minConfidence: 0 });
        times.push(now() - started);
        if (r.outcome !== 'incremental') throw new Error(`expected an incremental deep scan, got ${r.outcome}`);
        commitsRead = Math.max(commitsRead, r.commitsRead);
        if (i === runs - 1) {
          // Not timed: the same history from an empty cache must give the same detections.
          const full = await scanRevertsDeepCached(dir, { cacheDir: emptyDir, minConfidence: 0 });
          equal = full.detections.length === r.detections.length && full.detections.every((d, j) => key(d) === key(r.detections[j]));
        }
      } finally {
        execFileSync('git', ['-C', dir, 'update-ref', 'refs/heads/main', head, commit]);
        restore();
      }
    }
    return { fullMs, rescan: stats(times), commitsRead, equalsFull: equal };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
}
