import { exec, startGit, stream, type GitRunner } from '../git/runner';
import { parseUnifiedDiff, type FileDiff } from './diffParser';
import { gitAt } from './git';
import { isUntargetable } from './targets';
import { isTestFile, languageOf } from './languages';

/**
 * A commit that touches more files than this (a vendored tree, regenerated code, a mass rename)
 * is read through its file list first: its whole `-U0` patch can be hundreds of MB, and the
 * scaffold only needs the few source files it may target.
 */
export const MAX_PATCH_FILES = 2000;

/** Whether `commit` changes more than `limit` files; git is stopped as soon as that is known. */
export async function touchesMoreThan(runner: GitRunner, commit: string, limit: number): Promise<boolean> {
  let count = 0;
  const args = ['diff-tree', '-r', '-z', '--name-only', '--no-commit-id', '--no-renames', '--root', '--diff-merges=first-parent', '--end-of-options', commit, '--'];
  for await (const text of stream(runner, args, false)) {
    for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) {
      if (++count > limit) return true; // leaving the loop kills git
    }
  }
  return false;
}

interface Ranked {
  path: string;
  oldPath?: string;
  key: number[];
}

/**
 * The `keep` most relevant source files of a huge commit, as patches: the file list is streamed
 * (`--numstat`, never held whole) and ranked: tests last, generated or vendored paths last, files
 * that only gained lines last, then the biggest change first; one `git show`
 * limited to those paths then gives their hunks.
 */
export async function mostRelevantDiffs(runner: GitRunner, repo: string, commit: string, keep: number): Promise<FileDiff[]> {
  const best: Ranked[] = [];
  const args = ['show', '--format=', '--numstat', '-z', '-M', '--diff-merges=first-parent', '--end-of-options', commit, '--'];
  let pending: string[] = [];
  const take = (entry: Ranked | undefined): void => {
    if (!entry) return;
    let i = best.length;
    while (i > 0 && compare(entry.key, best[i - 1].key) < 0) i--;
    if (i >= keep) return;
    best.splice(i, 0, entry);
    if (best.length > keep) best.pop();
  };
  let rest = '';
  for await (const text of stream(runner, args, false)) {
    const items = (rest + text).split('\0');
    rest = items.pop() ?? '';
    for (const item of items) {
      pending.push(item.replace(/^\n+/, ''));
      // A rename is `added\tdeleted\t` followed by the old and the new path as two more items.
      const renamed = /^(-|\d+)\t(-|\d+)\t$/.test(pending[0]);
      if (renamed && pending.length < 3) continue;
      take(rank(pending[0], renamed ? pending[2] : undefined, renamed ? pending[1] : undefined));
      pending = [];
    }
  }
  if (best.length === 0) return [];
  const pathspecs = best.flatMap((b) => (b.oldPath ? [b.oldPath, b.path] : [b.path])).map((p) => `:(literal)${p}`);
  const patch = await gitAt(repo).raw([
    'show', '--format=', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/',
    '-M', '--diff-merges=first-parent', commit, '--', ...pathspecs,
  ]);
  const order = new Map(best.map((b, i) => [b.path, i]));
  return parseUnifiedDiff(patch)
    .filter((d) => order.has(d.path))
    .sort((a, b) => order.get(a.path)! - order.get(b.path)!);
}

function rank(numstat: string, renamedTo: string | undefined, renamedFrom: string | undefined): Ranked | undefined {
  const m = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(numstat);
  if (!m) return undefined;
  const path = renamedTo ?? m[3];
  if (m[1] === '-' || languageOf(path) === 'unknown') return undefined; // binary or not a language we read
  const size = Number(m[1]) + Number(m[2]);
  // In a commit of thousands of files, files that only gained lines (new files: the generated or
  // vendored bulk) rank after files whose lines were changed (the hand-made part).
  const onlyAdded = Number(m[2]) === 0;
  return { path, ...(renamedFrom ? { oldPath: renamedFrom } : {}), key: [Number(isTestFile(path)), Number(isUntargetable(path)), Number(onlyAdded), -size] };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The text of each `rev:path` (undefined when it is missing, not a file, or larger than
 * `maxBytes`): one `cat-file --batch-check` for the sizes and one `cat-file --batch` for the
 * contents, instead of one `git show` per file.
 */
export async function filesAt(runner: GitRunner, names: readonly string[], maxBytes: number): Promise<(string | undefined)[]> {
  const usable = names.map((n) => !/[\n\r]/.test(n));
  const checks = (await runBatch(runner, ['cat-file', '--batch-check'], names.filter((_, i) => usable[i]))).toString('utf8').split('\n');
  const wanted: number[] = [];
  let line = 0;
  names.forEach((_, i) => {
    if (!usable[i]) return;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(checks[line++] ?? '');
    if (m && Number(m[1]) <= maxBytes) wanted.push(i);
  });
  const out: (string | undefined)[] = names.map(() => undefined);
  // A path with a line break cannot go through the batch's line protocol: read it on its own.
  for (let i = 0; i < names.length; i++) {
    if (usable[i]) continue;
    const r = await exec(runner, ['cat-file', 'blob', names[i]]);
    if (r.exitCode === 0 && Buffer.byteLength(r.stdout) <= maxBytes) out[i] = r.stdout;
  }
  if (wanted.length === 0) return out;
  const buf = await runBatch(runner, ['cat-file', '--batch'], wanted.map((i) => names[i]));
  let at = 0;
  for (const i of wanted) {
    const eol = buf.indexOf(0x0a, at);
    if (eol < 0) break;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(buf.subarray(at, eol).toString('utf8'));
    if (!m) {
      at = eol + 1;
      continue;
    }
    const size = Number(m[1]);
    out[i] = buf.subarray(eol + 1, eol + 1 + size).toString('utf8');
    at = eol + 1 + size + 1;
  }
  return out;
}

function runBatch(runner: GitRunner, args: string[], names: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = startGit(runner, args);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', () => resolve(Buffer.concat(chunks)));
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
  });
}
