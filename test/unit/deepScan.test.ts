import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanRevertsDeep } from '../../src/core/revert/deepScan';
import { deepCachePath, scanRevertsDeepCached } from '../../src/core/revert/deepScanCache';
import type { RevertDetection } from '../../src/core/revert/types';
import { buildCli } from '../helpers/cli';
import { BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

const lines = (...xs: string[]): string => `${xs.join('\n')}\n`;
const FETCH = lines('export async function get(url: string) {', '  const res = await fetch(url);', '  return res.json();', '}');
const FETCH_RETRY = lines(
  'export async function get(url: string) {',
  '  for (let attempt = 0; attempt < 3; attempt++) {',
  '    const res = await fetch(url);',
  '    if (res.ok) return res.json();',
  '    await sleep(100 * attempt);',
  '  }',
  "  throw new Error('gave up');",
  '}',
);
const file = (name: string, n: number): string => lines(...Array.from({ length: n }, (_, i) => `export const ${name}${i} = '${name} value ${i}';`));
const renamed = (name: string, n: number): string => lines(...Array.from({ length: n }, (_, i) => `export const ${name}${i} = readSetting('${name}.${i}');`));

describe('deep scan: reverts found by their diffs', function () {
  this.timeout(120000);
  let repo: TempRepo;
  let retry: string;
  let silent: string;
  let config: string;
  let partial: string;
  let feature: string;
  let revert: string;
  let reapply: string;
  let plain: string;

  before(() => {
    repo = TempRepo.create();
    repo.commit('Initial files', { 'src/fetch.ts': FETCH, 'src/x.ts': file('x', 6), 'src/y.ts': file('y', 6), 'src/z.ts': file('z', 6), 'src/feature.ts': file('f', 3) });
    retry = repo.commit('Retry failed requests', { 'src/fetch.ts': FETCH_RETRY });
    repo.commit('Add docs', { 'README.md': lines('# Demo', 'How to use the client.') });
    // No revert wording: the diff alone says it undoes the retry.
    silent = repo.commit('Keep requests simple', { 'src/fetch.ts': FETCH }, BOB);
    config = repo.commit('Read settings from the store', { 'src/x.ts': renamed('x', 6), 'src/y.ts': renamed('y', 6), 'src/z.ts': renamed('z', 6) });
    // One file of three put back.
    partial = repo.commit('y goes back to constants', { 'src/y.ts': file('y', 6) });
    feature = repo.commit('Feature flag for beta users', { 'src/feature.ts': renamed('f', 3) });
    revert = repo.revert(feature, BOB);
    // The inverse of a revert, with no "Reapply" in its message.
    reapply = repo.commit('Beta users again', { 'src/feature.ts': renamed('f', 3) });
    plain = repo.commit('Add a changelog', { 'CHANGELOG.md': lines('## 1.0', 'First release of the client.', '- retries with backoff', '- settings from the store') });
  });
  after(() => repo.dispose());

  const bySha = (list: RevertDetection[]): Map<string, RevertDetection> => new Map(list.map((d) => [d.sha, d]));

  it('finds a silent revert, a partial revert of one file of three, and a reapply, next to the message reverts', async () => {
    const found = bySha(await scanRevertsDeep(repo.path));
    assert.deepEqual(found.get(silent) && { kind: found.get(silent)?.kind, reverted: found.get(silent)?.reverted, evidence: found.get(silent)?.evidence }, { kind: 'revert', reverted: [retry], evidence: 'diff-inverse' });
    const p = found.get(partial);
    assert.equal(p?.kind, 'partial-revert');
    assert.deepEqual(p?.reverted, [config]);
    assert.deepEqual(p?.files, ['src/y.ts']);
    assert.equal(found.get(revert)?.evidence, 'sha');
    const r = found.get(reapply);
    assert.equal(r?.kind, 'reapply');
    assert.deepEqual(r?.reverted, [revert]);
    for (const sha of [plain, retry, config, feature]) assert.equal(found.has(sha), false, `${sha} is not a revert`);
    for (const d of found.values()) assert.ok(d.confidence >= 0.5 && d.confidence <= 1);
  });

  it('own-it scan --deep prints them; without --deep only the message revert is listed', async () => {
    const built = await buildCli();
    try {
      const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
        const r = spawnSync(process.execPath, [built.path, 'scan', ...args], { cwd: repo.path, encoding: 'utf8', env: repo.env() });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const deep = run(['--deep', '--json']);
      assert.equal(deep.status, 0, deep.stderr);
      const rows = deep.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as RevertDetection);
      assert.deepEqual(
        rows.map((d) => d.sha).sort(),
        [silent, partial, revert, reapply].sort(),
      );
      const shallow = run(['--json']);
      assert.deepEqual(
        shallow.stdout
          .trimEnd()
          .split('\n')
          .map((l) => (JSON.parse(l) as RevertDetection).sha),
        [revert],
      );
      const table = run(['--deep']);
      assert.match(table.stdout, new RegExp(`${partial.slice(0, 7)}\\s+partial-revert\\s+\\S+\\s+${config.slice(0, 7)}\\s+diff-inverse\\s+y goes back to constants`));
      const usage = run(['--deep', '--since', '2020-01-01']);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /--deep .* leave out --since and --max-count/);
      const outside = spawnSync(process.execPath, [built.path, 'scan', '--deep', makeTempDir('not-a-repo-')], { encoding: 'utf8' });
      assert.equal(outside.status, 3);
      assert.match(outside.stderr, /is not a git repository/);
    } finally {
      built.dispose();
    }
  });

  it('is cached: a hit reads no commits, a new silent revert is found by an incremental walk equal to a full one', async () => {
    const work = TempRepo.clone(repo.path);
    const cacheDir = makeTempDir('deep-cache-');
    try {
      const full = await scanRevertsDeepCached(work.path, { cacheDir });
      assert.equal(full.outcome, 'full');
      assert.ok(full.commitsRead >= 10);
      const hit = await scanRevertsDeepCached(work.path, { cacheDir });
      assert.equal(hit.outcome, 'hit');
      assert.equal(hit.commitsRead, 0);
      assert.deepEqual(hit.detections, full.detections);

      const undo = work.commit('Changelog wording', { 'CHANGELOG.md': '' });
      const next = await scanRevertsDeepCached(work.path, { cacheDir });
      assert.equal(next.outcome, 'incremental');
      assert.ok(next.commitsRead < full.commitsRead, `${next.commitsRead} commits read`);
      const added = next.detections.find((d) => d.sha === undo);
      assert.equal(added?.kind, 'revert');
      assert.equal(added?.reverted[0], plain);
      const fresh = await scanRevertsDeepCached(work.path, { cacheDir: makeTempDir('deep-cache-fresh-') });
      assert.deepEqual(next.detections, fresh.detections);
    } finally {
      work.dispose();
    }
  });

  it('a merge bringing a silent revert is incremental; a rewritten HEAD is a full walk; both equal a fresh scan', async () => {
    const work = TempRepo.clone(repo.path);
    const cacheDir = makeTempDir('deep-cache-merge-');
    try {
      await scanRevertsDeepCached(work.path, { cacheDir });
      work.git('checkout', '-q', '-b', 'side');
      const undo = work.commit('Changelog wording', { 'CHANGELOG.md': '' });
      work.git('checkout', '-q', '-');
      work.commit('Unrelated note', { 'NOTES.md': 'a note of our own\n' });
      work.git('merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
      const merged = await scanRevertsDeepCached(work.path, { cacheDir });
      assert.equal(merged.outcome, 'incremental');
      assert.equal(merged.detections.find((d) => d.sha === undo)?.reverted[0], plain);
      assert.deepEqual(merged.detections, (await scanRevertsDeepCached(work.path, { cacheDir: makeTempDir('deep-cache-fresh-') })).detections);

      work.git('reset', '-q', '--hard', 'HEAD~2');
      work.commit('Rewritten note', { 'NOTES.md': 'another note\n' });
      const rewritten = await scanRevertsDeepCached(work.path, { cacheDir });
      assert.equal(rewritten.outcome, 'full');
      assert.equal(rewritten.detections.find((d) => d.sha === undo), undefined);
      assert.deepEqual(rewritten.detections, (await scanRevertsDeepCached(work.path, { cacheDir: makeTempDir('deep-cache-fresh-') })).detections);
    } finally {
      work.dispose();
    }
  });

  it('deleting a renamed file does not undo the rename; deleting a file a commit added does', async () => {
    const work = TempRepo.create();
    try {
      work.commit('Examples', { 'examples/core/embed.py': file('embed', 8), 'examples/core/other.py': file('other', 4) });
      work.git('mv', 'examples/core/embed.py', 'examples/Core-embed.py');
      work.commit('Rename the example');
      work.commit('Unrelated', { 'README.md': lines('a readme line of our own') });
      const dropRenamed = work.commit('Drop the embed example', { 'examples/Core-embed.py': '' });
      const added = work.commit('Add a scratch file', { 'scratch.ts': file('scratch', 8) });
      const dropAdded = work.commit('Tidy up', { 'scratch.ts': '' });
      const found = await scanRevertsDeep(work.path, { minConfidence: 0 });
      assert.equal(
        found.find((d) => d.sha === dropRenamed),
        undefined,
      );
      assert.deepEqual(found.find((d) => d.sha === dropAdded)?.reverted, [added]);
    } finally {
      work.dispose();
    }
  });

  it('a cancelled scan rejects and leaves no cache behind; a damaged cache is rebuilt', async () => {
    const cacheDir = makeTempDir('deep-cancel-');
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(scanRevertsDeepCached(repo.path, { cacheDir, signal: abort.signal }), (err: Error) => err.name === 'AbortError');
    const gitDir = fs.realpathSync(path.join(repo.path, '.git'));
    const cacheFile = deepCachePath(cacheDir, gitDir);
    assert.equal(fs.existsSync(cacheFile), false);

    const first = await scanRevertsDeepCached(repo.path, { cacheDir });
    assert.equal(fs.existsSync(cacheFile), true);
    fs.writeFileSync(cacheFile, '{"version":1,"gitDir":');
    const again = await scanRevertsDeepCached(repo.path, { cacheDir });
    assert.equal(again.outcome, 'full');
    assert.deepEqual(again.detections, first.detections);
  });

  it('skips a commit whose file content is missing (a partial clone) and still finds the others', async () => {
    const work = TempRepo.clone(repo.path, ['--no-hardlinks']);
    try {
      // Unpack everything, then drop one blob: git log -p fails on the commit that added it.
      work.git('repack', '-a', '-d', '-q');
      const packs = path.join(work.path, '.git', 'objects', 'pack');
      for (const f of fs.readdirSync(packs).filter((f) => f.endsWith('.pack'))) {
        const pack = path.join(packs, f);
        const moved = path.join(path.dirname(packs), f);
        fs.renameSync(pack, moved);
        fs.rmSync(pack.replace(/\.pack$/, '.idx'));
        spawnSync('git', ['unpack-objects', '-q'], { cwd: work.path, input: fs.readFileSync(moved) });
        fs.rmSync(moved);
      }
      const blob = work.git('rev-parse', `${plain}:CHANGELOG.md`);
      fs.rmSync(path.join(work.path, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      const result = await scanRevertsDeepCached(work.path, { cacheDir: makeTempDir('deep-missing-') });
      assert.equal(result.unreadable, 1);
      const found = bySha(result.detections);
      assert.deepEqual(found.get(silent)?.reverted, [retry]);
      assert.deepEqual(found.get(partial)?.reverted, [config]);
    } finally {
      work.dispose();
    }
  });
});
