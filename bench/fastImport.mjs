// Shared by the bench repository generators (generate.mjs, deployRepo.mjs).
import { spawn } from 'node:child_process';

/** Deterministic PRNG (mulberry32), so the same size always yields the same repository. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `git fast-import` in `dir`, fed in ~1 MB chunks (waiting for the pipe to drain). `write` queues
 * text; `finish` sends `done` and resolves when fast-import exited successfully.
 */
export function startFastImport(dir) {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  let chunks = [];
  let buffered = 0;
  const write = async (text) => {
    chunks.push(text);
    buffered += text.length;
    if (buffered > 1 << 20) {
      const data = chunks.join('');
      chunks = [];
      buffered = 0;
      if (!child.stdin.write(data)) await new Promise((r) => child.stdin.once('drain', r));
    }
  };
  const finish = async () => {
    chunks.push('done\n');
    child.stdin.end(chunks.join(''));
    await exited;
  };
  return { write, finish };
}
