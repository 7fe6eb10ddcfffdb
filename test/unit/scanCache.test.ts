import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import { cacheFilePath, clearScanCache, SCAN_CACHE_VERSION, scanRevertsCached } from '../../src/core/revert/scanCache';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

/** A history with a few plain commits and reverts in several formats, some linked by subject. */
function seed(repo: TempRepo): { login: string; cart: string } {
  const login = repo.commit('Add login form', { 'login.ts': 'v1' });
  const cart = repo.commit('feat(cart): add coupon field', { 'cart.ts': 'coupon' });
  repo.commit('Add metrics', { 'metrics.ts': 'm' });
  repo.revert(login, BOB);
  repo.commit('Fix revert button alignment', { 'ui.css': 'a' });
  return { login, cart };
}

function cacheFiles(cacheDir: string): string[] {
  const dir = path.join(cacheDir, 'revert-scan');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** The base file and the delta file of the only repository cached in `cacheDir`. */
function cachePair(cacheDir: string): { base: string; delta: string } {
  const dir = path.join(cacheDir, 'revert-scan');
  const base = cacheFiles(cacheDir).find((f) => f.endsWith('.json'));
  assert.ok(base, 'a base file exists');
  const file = path.join(dir, base);
  return { base: file, delta: file.replace(/\.json$/, '.delta') };
}

let touches = 0;
/**
 * Makes this process read the cache from disk again, as a new window would: the in-memory copy
 * is only trusted while each file's size and mtime are the ones it saw.
 */
function forgetInMemory(cacheDir: string): void {
  const when = new Date(Date.parse('2020-01-01T00:00:00Z') + ++touches * 1000);
  for (const f of cacheFiles(cacheDir)) fs.utimesSync(path.join(cacheDir, 'revert-scan', f), when, when);
}

/** The cache's verdict and detections after re-reading it from disk, checked against a full scan. */
async function rescanFromDisk(repo: TempRepo, cacheDir: string, maxCount?: number): Promise<{ outcome: string; scanned: number }> {
  forgetInMemory(cacheDir);
  const r = await scanRevertsCached(repo.path, { cacheDir, maxCount });
  assert.deepEqual(r.detections, await scanReverts(repo.path, { maxCount }));
  return { outcome: r.outcome, scanned: r.scannedCandidates };
}

describe('revert scan cache (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  /** A seeded repository whose cache was filled by one full scan. */
  async function primed(): Promise<{ repo: TempRepo; cacheDir: string }> {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(repo.path, { cacheDir });
    return { repo, cacheDir };
  }

  it('scans in full once, then answers from the cache while HEAD stays', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    const first = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(first.outcome, 'full');
    assert.equal(first.head, repo.head());
    assert.deepEqual(first.detections, await scanReverts(repo.path));
    assert.equal(first.detections.length, 1);
    // git's filter lets the "Fix revert button" commit through; the parser rejects it.
    assert.equal(first.scannedCandidates, 2);

    const second = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(second.outcome, 'hit');
    assert.equal(second.scannedCandidates, 0);
    assert.deepEqual(second.detections, first.detections);
    // One base file, written atomically: no temp files left next to it, no delta yet.
    assert.deepEqual(cacheFiles(cacheDir).length, 1);
    assert.ok(cacheFiles(cacheDir)[0].endsWith('.json'));
    // The same answer when the file is read back from disk.
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'hit');
  });

  it('appends a small delta per incremental scan, leaves the base alone, and folds the delta in after a while', async () => {
    const { repo, cacheDir } = await primed();
    const { base, delta } = cachePair(cacheDir);
    const baseBytes = fs.readFileSync(base);

    const steps: string[] = [];
    let compacted = false;
    for (let i = 0; i < 12; i++) {
      repo.revert(repo.commit(`Add widget ${i}`, { [`w${i}.ts`]: `${i}` }));
      // Alternate between the in-memory copy and a fresh read of base + delta from disk.
      const r = i % 2 === 0 ? await rescanFromDisk(repo, cacheDir) : await scanRevertsCached(repo.path, { cacheDir });
      steps.push(r.outcome);
      if (!fs.existsSync(delta)) {
        compacted = true;
        assert.notDeepEqual(fs.readFileSync(base), baseBytes, 'folding the delta in rewrites the base');
      } else if (!compacted) {
        assert.deepEqual(fs.readFileSync(base), baseBytes, 'an append does not touch the base');
        assert.equal(fs.readFileSync(delta, 'utf8').split('\n').length - 1, i + 1, 'one line per incremental scan');
      }
    }
    assert.deepEqual(steps, Array<string>(12).fill('incremental'));
    assert.ok(compacted, 'the delta was folded into the base at least once');
    assert.deepEqual((await scanRevertsCached(repo.path, { cacheDir })).detections, await scanReverts(repo.path));
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'hit');
  });

  it('scans only new commits and still links new reverts to old commits (equals a full scan)', async () => {
    const repo = track(TempRepo.create());
    const { cart } = seed(repo);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(repo.path, { cacheDir });

    // The new revert names no sha: its link needs a subject lookup deep in the old history.
    const byConvention = repo.commit('revert: feat(cart): add coupon field\n\nCoupons broke checkout.', { 'cart.ts': '' });
    const pay = repo.commit('Add payments', { 'pay.ts': 'p' });
    const payRevert = repo.revert(pay);
    const next = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(next.outcome, 'incremental');
    assert.equal(next.scannedCandidates, 2, 'only the two new revert commits were read');
    assert.deepEqual(next.detections, await scanReverts(repo.path));
    assert.deepEqual(
      next.detections.slice(0, 2).map((d) => [d.sha, d.reverted[0], d.evidence]),
      [
        [payRevert, pay, 'sha'],
        [byConvention, cart, 'subject-exact'],
      ],
    );
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit');
  });

  it('merges a branch whose commits are older than main’s in the same order as git', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    repo.git('switch', '-q', '-c', 'side');
    const sideBad = repo.commit('Add search', { 'search.ts': 's' });
    const sideRevert = repo.revert(sideBad);
    repo.git('switch', '-q', 'main');
    // A cached revert on main that is newer than the side branch's revert.
    const mainRevert = repo.revert(repo.commit('Add banner', { 'banner.ts': 'b' }));
    await scanRevertsCached(repo.path, { cacheDir });
    const lateRevert = repo.revert(repo.commit('Add footer', { 'footer.ts': 'f' }));
    repo.gitAs(BOB, 'merge', '-q', '--no-ff', '--no-edit', 'side');

    const merged = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(merged.outcome, 'incremental');
    const full = await scanReverts(repo.path);
    assert.deepEqual(merged.detections, full);
    // The delta merged into the base on load gives the same order.
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'hit');
    // New (late, side) and cached (main) detections interleave by date, as git lists them.
    const order = full.map((d) => d.sha);
    assert.ok(order.indexOf(lateRevert) < order.indexOf(mainRevert) && order.indexOf(mainRevert) < order.indexOf(sideRevert));
  });

  it('throws the cache away when history is rewritten, and equals a full scan afterwards', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    const bad = repo.commit('Add export', { 'export.ts': 'e' });
    const revert = repo.revert(bad);
    assert.ok((await scanRevertsCached(repo.path, { cacheDir })).detections.some((d) => d.sha === revert));

    // Drop the revert and its original, then build something else on top.
    repo.git('reset', '-q', '--hard', 'HEAD~2');
    const other = repo.commit('Add import', { 'import.ts': 'i' });
    const otherRevert = repo.revert(other);
    const after = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(after.outcome, 'full');
    assert.deepEqual(after.detections, await scanReverts(repo.path));
    assert.ok(after.detections.some((d) => d.sha === otherRevert));
    assert.ok(!after.detections.some((d) => d.sha === revert), 'a revert dropped by the rewrite must not survive in the cache');

    // Moving HEAD back (an ancestor of the cached HEAD) is also a full scan, not a stale hit.
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    const back = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(back.outcome, 'full');
    assert.ok(!back.detections.some((d) => d.sha === otherRevert));
  });

  it('does a full scan when the HEAD recorded in the delta was rewritten away and garbage-collected', async () => {
    const { repo, cacheDir } = await primed();
    const dropped = repo.revert(repo.commit('Add export', { 'export.ts': 'e' }));
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'incremental');
    assert.ok(fs.existsSync(cachePair(cacheDir).delta));

    // Amend-like rewrite: the delta's HEAD is no longer in history, then it is pruned.
    repo.git('reset', '-q', '--hard', 'HEAD~2');
    const kept = repo.revert(repo.commit('Add import', { 'import.ts': 'i' }));
    repo.git('reflog', 'expire', '--expire=now', '--all');
    repo.git('gc', '-q', '--prune=now');
    assert.throws(() => repo.git('cat-file', '-e', dropped), 'the old revert is gone from the object store');
    const after = await rescanFromDisk(repo, cacheDir);
    assert.equal(after.outcome, 'full');
    const detections = (await scanRevertsCached(repo.path, { cacheDir })).detections;
    assert.ok(detections.some((d) => d.sha === kept) && !detections.some((d) => d.sha === dropped));
    assert.ok(!fs.existsSync(cachePair(cacheDir).delta), 'a full scan drops the old delta');
  });

  it('keeps maxCount semantics: the newest N candidates, incremental or not', async () => {
    const repo = track(TempRepo.create());
    const cacheDir = makeTempDir('cache-');
    const shas: string[] = [];
    for (let i = 0; i < 4; i++) shas.push(repo.revert(repo.commit(`Feature ${i}`, { [`f${i}.ts`]: `${i}` })));
    await scanRevertsCached(repo.path, { cacheDir, maxCount: 3 });
    const extra = repo.revert(repo.commit('Feature 9', { 'f9.ts': '9' }));
    const next = await scanRevertsCached(repo.path, { cacheDir, maxCount: 3 });
    assert.equal(next.outcome, 'incremental');
    assert.deepEqual(next.detections, await scanReverts(repo.path, { maxCount: 3 }));
    assert.deepEqual(
      next.detections.map((d) => d.sha),
      [extra, shas[3], shas[2]],
    );
    assert.equal((await rescanFromDisk(repo, cacheDir, 3)).outcome, 'hit');
    // A different limit cannot reuse a list cut at another length.
    const wider = await scanRevertsCached(repo.path, { cacheDir, maxCount: 10 });
    assert.equal(wider.outcome, 'full');
    assert.equal(wider.detections.length, 5);
  });

  it('recovers from a corrupt or truncated base file with a full scan', async () => {
    const { repo, cacheDir } = await primed();
    const { base } = cachePair(cacheDir);
    const good = fs.readFileSync(base, 'utf8');
    const damaged = [
      '{"version":2,"head":', // garbage
      good.slice(0, good.length - 20), // torn at the end (detections cut)
      good.slice(0, good.indexOf('\n') + 30), // torn in the candidates
      good.replace(/"candidates":\d+/, '"candidates":99'), // counts that do not match the body
      good.replace(/"detections":\d+/, '"detections":0'),
      good.replace(/[0-9a-f]{40} /, 'zz '), // a malformed candidate record
      '',
    ];
    for (const text of damaged) {
      fs.writeFileSync(base, text);
      const r = await rescanFromDisk(repo, cacheDir);
      assert.equal(r.outcome, 'full', JSON.stringify(text.slice(0, 80)));
      assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit', 'the damaged file was replaced');
    }
  });

  it('merges by sha when the stored detections are not in candidate order', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    const cacheDir = makeTempDir('cache-');
    repo.revert(repo.commit('Add banner', { 'b.ts': 'b' }));
    repo.revert(repo.commit('Add footer', { 'f.ts': 'f' }));
    await scanRevertsCached(repo.path, { cacheDir });
    const { base } = cachePair(cacheDir);
    const [header, packed, detections] = fs.readFileSync(base, 'utf8').split('\n');
    assert.match(header, /"ordered":true/);
    const list = JSON.parse(detections) as unknown[];
    assert.equal(list.length, 3);
    // A scanner that yielded in another order: the cursor over candidates cannot be used.
    fs.writeFileSync(base, `${header.replace('"ordered":true', '"ordered":false')}\n${packed}\n${JSON.stringify(list.reverse())}\n`);
    repo.revert(repo.commit('Add search', { 's.ts': 's' }));
    assert.deepEqual(await rescanFromDisk(repo, cacheDir), { outcome: 'incremental', scanned: 1 });
  });

  it('ignores cache files of another version, including the old single-JSON layout', async () => {
    const { repo, cacheDir } = await primed();
    const { base } = cachePair(cacheDir);
    const good = fs.readFileSync(base, 'utf8');
    assert.match(good, new RegExp(`^\\{"version":${SCAN_CACHE_VERSION},`));
    fs.writeFileSync(base, good.replace(`"version":${SCAN_CACHE_VERSION}`, `"version":${SCAN_CACHE_VERSION + 1}`));
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'full');

    // Version 1: one JSON object with an empty detection list, which must not be believed.
    const head = repo.head();
    const gitDir = fs.realpathSync(path.join(repo.path, '.git'));
    fs.writeFileSync(base, JSON.stringify({ version: 1, gitDir, head, maxCount: null, candidates: [], detections: [] }));
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'full');
  });

  it('uses the intact segments of a torn or damaged delta, then rewrites the base', async () => {
    const { repo, cacheDir } = await primed();
    repo.revert(repo.commit('Add search', { 's.ts': 's' }));
    await scanRevertsCached(repo.path, { cacheDir });
    repo.revert(repo.commit('Add banner', { 'b.ts': 'b' }));
    await scanRevertsCached(repo.path, { cacheDir });
    const { base, delta } = cachePair(cacheDir);
    const baseText = fs.readFileSync(base, 'utf8');
    const lines = fs.readFileSync(delta, 'utf8');
    const [first, second] = lines.split('\n');
    assert.ok(first && second);

    const tails = [
      `${first}\n${second.slice(0, second.length / 2)}`, // torn in the middle of the second line
      `${first}\n${second}`, // a complete line without its newline (the next append would glue onto it)
      `${first}\n${'\0'.repeat(second.length)}\n`, // zeros where the second line should be (crash after a size update)
      `${first}\n${second.replace(/"from":"[0-9a-f]+"/, `"from":"${'0'.repeat(40)}"`)}\n`, // does not chain
    ];
    for (const text of tails) {
      fs.writeFileSync(base, baseText);
      fs.writeFileSync(delta, text);
      const r = await rescanFromDisk(repo, cacheDir);
      // From the state after the first segment, only the second scan's commits are read again.
      assert.deepEqual(r, { outcome: 'incremental', scanned: 1 }, JSON.stringify(text.slice(-60)));
      assert.ok(!fs.existsSync(delta), 'a damaged delta is folded into a new base, not appended to');
      assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'hit');
    }
    // The intact files give a hit: the cases above failed because of their damage alone.
    fs.writeFileSync(base, baseText);
    fs.writeFileSync(delta, lines);
    assert.equal((await rescanFromDisk(repo, cacheDir)).outcome, 'hit');
  });

  it('still answers correctly when the cache folder cannot be written', async () => {
    const repo = track(TempRepo.create());
    seed(repo);
    // A cache "folder" that is a file: results still come back, every call is a full scan.
    const blocked = path.join(makeTempDir('blocked-'), 'not-a-dir');
    fs.writeFileSync(blocked, 'x');
    const a = await scanRevertsCached(repo.path, { cacheDir: blocked });
    repo.revert(repo.commit('Add search', { 's.ts': 's' }));
    const b = await scanRevertsCached(repo.path, { cacheDir: blocked });
    assert.deepEqual([a.outcome, b.outcome], ['full', 'full']);
    assert.deepEqual(b.detections, await scanReverts(repo.path));
  });

  it('notices when the git dir of a path moved (a .git file now points elsewhere)', async () => {
    const { repo, cacheDir } = await primed();
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit');
    const moved = path.join(makeTempDir('moved-'), 'repo.git');
    fs.renameSync(path.join(repo.path, '.git'), moved);
    fs.writeFileSync(path.join(repo.path, '.git'), `gitdir: ${moved}\n`);
    const added = repo.revert(repo.commit('Add search', { 's.ts': 's' }));
    // Another git dir is another cache (its key); the old one must not be taken for it.
    const after = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(after.outcome, 'full');
    assert.equal(after.detections[0].sha, added);
    assert.deepEqual(after.detections, await scanReverts(repo.path));
    assert.ok(fs.existsSync(cacheFilePath(cacheDir, fs.realpathSync(moved))));
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit');
  });

  it('an incremental scan finds the repository with one rev-parse (the scanner runs none of its own)', async () => {
    const { repo, cacheDir } = await primed();
    repo.revert(repo.commit('Add tabs', { 't.ts': 't' }));
    const dir = makeTempDir('logging-git-');
    const log = path.join(dir, 'calls.log');
    const wrapper = path.join(dir, 'git');
    fs.writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    try {
      const r = await scanRevertsCached(repo.path, { cacheDir, gitBinary: wrapper });
      assert.equal(r.outcome, 'incremental');
      assert.deepEqual(r.detections, await scanReverts(repo.path));
      const revParses = fs.readFileSync(log, 'utf8').trim().split('\n').filter((c) => / rev-parse /.test(` ${c} `));
      assert.equal(revParses.length, 1, revParses.join(' | '));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A git that logs each call's arguments (one line each) before running the real one. */
  function loggingGit(): { binary: string; calls: () => string[][]; clear: () => void } {
    const dir = makeTempDir('logging-git-');
    const log = path.join(dir, 'calls.log');
    const binary = path.join(dir, 'git');
    fs.writeFileSync(binary, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    // Each call's arguments without the `-c key=value` pairs every call starts with.
    const strip = (line: string): string[] => line.split(' ').filter((a, i, all) => a !== '-c' && all[i - 1] !== '-c');
    return {
      binary,
      calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter((l) => l !== '').map(strip) : []),
      clear: () => fs.rmSync(log, { force: true }),
    };
  }

  it('an incremental rescan after one revert runs three git processes: the range walk, then merge-base beside describe (HEAD from the files, no rev-parse)', async () => {
    const { repo, cacheDir } = await primed();
    const git = loggingGit();
    const original = repo.commit('Add tabs', { 't.ts': 't' });
    // The first call with this binary finds the git dir (one rev-parse); later ones know it.
    assert.equal((await scanRevertsCached(repo.path, { cacheDir, gitBinary: git.binary })).outcome, 'incremental');
    git.clear();
    const revert = repo.revert(original);
    forgetInMemory(cacheDir);
    const r = await scanRevertsCached(repo.path, { cacheDir, gitBinary: git.binary });
    assert.equal(r.outcome, 'incremental');
    assert.deepEqual(r.detections, await scanReverts(repo.path));
    assert.deepEqual(r.detections[0].reverted, [original]);
    assert.equal(r.detections[0].sha, revert);
    const calls = git.calls();
    assert.deepEqual(calls.map((c) => c[0]).sort(), ['log', 'log', 'merge-base'], calls.map((c) => c.join(' ')).join(' | '));
    assert.ok(calls[0].includes('--boundary'), 'the range walk lists its boundary');
  });

  it('a branch switch to a history with many reverts since the cached HEAD is a full scan, equal to a fresh one', async () => {
    const { repo, cacheDir } = await primed();
    repo.git('switch', '-q', '-c', 'other', 'HEAD~2');
    for (let i = 0; i < 20; i++) repo.revert(repo.commit(`Feature ${i}`, { [`f${i}.ts`]: `${i}` }));
    const r = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(r.outcome, 'full');
    assert.equal(r.detections.length, 20);
    assert.deepEqual(r.detections, await scanReverts(repo.path));
    repo.git('switch', '-q', 'main');
    const back = await scanRevertsCached(repo.path, { cacheDir });
    assert.equal(back.outcome, 'full');
    assert.deepEqual(back.detections, await scanReverts(repo.path));
  });

  it('a folder inside a repository that gets a repository of its own (git init) is scanned as that one', async () => {
    const outer = track(TempRepo.create());
    seed(outer);
    const cacheDir = makeTempDir('cache-');
    const sub = path.join(outer.path, 'tools');
    fs.mkdirSync(sub);
    assert.equal((await scanRevertsCached(sub, { cacheDir })).head, outer.head());
    outer.revert(outer.commit('Add search', { 's.ts': 's' }));
    assert.equal((await scanRevertsCached(sub, { cacheDir })).head, outer.head());
    outer.git('-C', sub, 'init', '-q', '--initial-branch=main');
    fs.writeFileSync(path.join(sub, 'a.txt'), 'a');
    outer.git('-C', sub, 'add', '-A');
    outer.git('-C', sub, 'commit', '-q', '-m', 'Inner');
    const inner = outer.git('-C', sub, 'rev-parse', 'HEAD');
    const r = await scanRevertsCached(sub, { cacheDir });
    assert.equal(r.head, inner);
    assert.deepEqual(r.detections, []);
  });

  it('in a linked worktree on a branch (HEAD not readable from its own files) git is asked, and the rescan is still incremental and right', async () => {
    const { repo, cacheDir } = await primed();
    const wt = path.join(makeTempDir('worktree-'), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', wt, 'main');
    assert.equal((await scanRevertsCached(wt, { cacheDir })).outcome, 'full');
    fs.writeFileSync(path.join(wt, 't.ts'), 't');
    repo.git('-C', wt, 'add', '-A');
    repo.git('-C', wt, 'commit', '-q', '-m', 'Add tabs');
    const original = repo.git('-C', wt, 'rev-parse', 'HEAD');
    repo.git('-C', wt, 'revert', '--no-edit', original);
    const r = await scanRevertsCached(wt, { cacheDir });
    assert.equal(r.outcome, 'incremental');
    assert.deepEqual(r.detections, await scanReverts(wt));
    assert.deepEqual(r.detections[0].reverted, [original]);
    // The main work tree's cache is its own, and still a hit.
    assert.equal((await scanRevertsCached(repo.path, { cacheDir })).outcome, 'hit');
  });

  it('keeps repositories apart, clears on request, and fails clearly outside a repository', async () => {
    const one = track(TempRepo.create());
    const two = track(TempRepo.create());
    seed(one);
    const cacheDir = makeTempDir('cache-');
    await scanRevertsCached(one.path, { cacheDir });
    assert.deepEqual((await scanRevertsCached(two.path, { cacheDir })).detections, []);
    assert.equal((await scanRevertsCached(two.path, { cacheDir })).head, undefined, 'no commits, no HEAD');
    two.commit('Initial', { 'a.ts': 'a' });
    assert.equal((await scanRevertsCached(two.path, { cacheDir })).outcome, 'full');
    assert.equal(cacheFiles(cacheDir).length, 2);
    const oneGitDir = fs.realpathSync(path.join(one.path, '.git'));
    assert.ok(fs.existsSync(cacheFilePath(cacheDir, oneGitDir)));

    await clearScanCache(cacheDir, one.path);
    assert.ok(!fs.existsSync(cacheFilePath(cacheDir, oneGitDir)));
    assert.equal((await scanRevertsCached(one.path, { cacheDir })).outcome, 'full');
    await clearScanCache(cacheDir);
    assert.deepEqual(cacheFiles(cacheDir), []);

    const plain = makeTempDir('plain-');
    await assert.rejects(scanRevertsCached(plain, { cacheDir }), NotAGitRepositoryError);
  });
});
