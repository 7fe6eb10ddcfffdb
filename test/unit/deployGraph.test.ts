import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CommitGraph } from '../../src/core/deploys/commitGraph';
import { gitRunner } from '../../src/core/git/runner';
import { TempRepo } from '../helpers/tempRepo';

/** Deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
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
 * A random history written with `git fast-import`: several branches that fork and merge (octopus
 * merges too), many commits in the same second and some dated before their parents (clock skew),
 * which is where git's walk order is easiest to get wrong. Some subjects are reverts.
 */
export function randomHistory(repo: TempRepo, seed: number, count: number): string[] {
  const random = rng(seed);
  const lines: string[] = [];
  const tips: number[] = [];
  let time = 1_760_000_000;
  for (let i = 1; i <= count; i++) {
    const r = random();
    // Same second, a minute later, or dated before its parent. (git's range walk stops a few
    // commits after everything left is excluded, so a deep run of skewed dates can make
    // `rev-list` itself list excluded commits; this skew stays within what git handles.)
    time += r < 0.4 ? 0 : r < 0.95 ? 60 : -90;
    const subject = random() < 0.15 ? `Revert "change ${Math.floor(random() * i)}"` : `change ${i}`;
    const parents: number[] = [];
    if (i > 1) {
      const branch = tips.length > 0 && random() < 0.7 ? tips.splice(Math.floor(random() * tips.length), 1)[0] : 1 + Math.floor(random() * (i - 1));
      parents.push(branch);
      const merges = random() < 0.2 ? (random() < 0.3 ? 2 : 1) : 0;
      for (let m = 0; m < merges && tips.length > 0; m++) parents.push(tips.splice(Math.floor(random() * tips.length), 1)[0]);
    }
    tips.push(i);
    lines.push(`commit refs/heads/b${i % 3}`, `mark :${i}`, `committer A <a@example.com> ${time} +0000`, `data ${Buffer.byteLength(subject)}`, subject);
    if (parents.length > 0) lines.push(`from :${parents[0]}`, ...parents.slice(1).map((p) => `merge :${p}`));
    lines.push(`M 100644 inline f${i % 5}.txt`, `data ${String(i).length + 1}`, `${i}`, '');
  }
  execFileSync('git', ['fast-import', '--quiet', '--export-marks=marks'], { cwd: repo.path, input: `${lines.join('\n')}\n` });
  const marks = new Map(readMarks(repo));
  return Array.from({ length: count }, (_, i) => marks.get(i + 1)!);
}

function readMarks(repo: TempRepo): [number, string][] {
  return execFileSync('cat', ['marks'], { cwd: repo.path, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => {
      const [mark, sha] = l.split(' ');
      return [Number(mark.slice(1)), sha];
    });
}

describe('deploy commit graph: the same answers as git', function () {
  this.timeout(120000);

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`ancestry, ranges in git's order and revert ranges match git (seed ${seed})`, async () => {
      const repo = TempRepo.create();
      try {
        const shas = randomHistory(repo, seed, 150);
        const random = rng(seed * 7919);
        const tips = shas.filter(() => random() < 0.5);
        const graph = await CommitGraph.load(gitRunner(repo.path), tips);
        const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.path, encoding: 'utf8' });
        for (let n = 0; n < 40; n++) {
          const a = tips[Math.floor(random() * tips.length)];
          const b = tips[Math.floor(random() * tips.length)];
          let gitSays: boolean;
          try {
            git('merge-base', '--is-ancestor', a, b);
            gitSays = true;
          } catch {
            gitSays = false;
          }
          assert.equal(graph.isAncestor(a, b), gitSays, `is ${a} an ancestor of ${b}`);
          const max = 1 + Math.floor(random() * 30);
          const expected = git('rev-list', `--max-count=${max}`, b, `^${a}`).split('\n').filter(Boolean);
          assert.deepEqual(graph.commitsBetween(a, b, max), expected, `rev-list --max-count=${max} ${b} ^${a}`);
          const logged = git('log', '--max-count=500', '--format=%H%x00%s', b, `^${a}`, '--').split('\n').filter(Boolean).map((l) => l.split('\0'));
          assert.deepEqual(graph.logRange(a, b, 500)?.map((c) => [c.sha, c.subject]), logged, `log ${b} ^${a}`);
          assert.equal(graph.rangeHasRevert(a, b), logged.some(([, s]) => s.startsWith('Revert "')), `reverts in ${a}..${b}`);
        }
        const top = tips[tips.length - 1];
        const newest = git('log', '--max-count=9', '--format=%H', top).split('\n').filter(Boolean);
        assert.deepEqual(graph.logRange(undefined, top, 9)?.map((c) => c.sha), newest, 'the newest commits of a whole history');
        assert.equal(graph.isAncestor(top, 'f'.repeat(40)), undefined, 'a descendant outside the graph is left to git');
        assert.equal(graph.isAncestor('e'.repeat(40), top), false, 'a commit outside the graph is no ancestor of one inside it');
      } finally {
        repo.dispose();
      }
    });
  }

  for (const seed of [6, 7]) {
    it(`the branches' walk with a date window matches git log --branches --remotes (seed ${seed})`, async () => {
      const repo = TempRepo.create();
      try {
        const shas = randomHistory(repo, seed, 150);
        const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.path, encoding: 'utf8' });
        // A remote-tracking ref and a branch at the same commit as another: tips in git's order, duplicates once.
        git('update-ref', 'refs/remotes/origin/b1', shas[40]);
        git('update-ref', 'refs/heads/a-copy', git('rev-parse', 'refs/heads/b2').trim());
        const graph = await CommitGraph.load(gitRunner(repo.path), [shas[10]], ['--branches', '--remotes']);
        const tips = git('for-each-ref', '--format=%(objectname)', 'refs/heads', 'refs/remotes').split('\n').filter(Boolean);
        const times = git('log', '--branches', '--remotes', '--format=%ct').split('\n').filter(Boolean).map(Number).sort((a, b) => a - b);
        const at = (f: number): number => times[Math.floor(f * (times.length - 1))];
        const windows: [number, number][] = [[at(0), at(1)], [at(0.2), at(0.7)], [at(0.5), at(0.5)]];
        for (const [since, until] of windows) {
          const expected = git('log', '--branches', '--remotes', `--since-as-filter=@${since}`, `--until=@${until}`, '--format=%H%x00%s').split('\n').filter(Boolean).map((l) => l.split('\0'));
          const walked = graph.logFrom(tips, since, until, () => true)?.map((c) => [c.sha, c.subject]);
          assert.deepEqual(walked, expected, `log --branches --remotes in [${since}, ${until}]`);
        }
        const reverts = graph.logFrom(tips, times[0], times[times.length - 1], (subject) => subject.startsWith('Revert'))?.map((c) => c.sha);
        assert.deepEqual(reverts, git('log', '--branches', '--remotes', '--format=%H%x00%s').split('\n').filter((l) => l.split('\0')[1]?.startsWith('Revert')).map((l) => l.split('\0')[0]), 'only kept subjects');
        assert.equal(graph.logFrom([...tips, 'f'.repeat(40)], 0, Infinity, () => true), undefined, 'a tip outside the graph is left to git');
      } finally {
        repo.dispose();
      }
    });
  }
  it('loadAround: the branches first, then only the tips they did not reach, down to their history; the same answers as one walk', async () => {
    const repo = TempRepo.create();
    try {
      const shas = randomHistory(repo, 8, 120);
      const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.path, encoding: 'utf8' });
      // Two commits no branch reaches (a deploy built from a deleted branch), on top of one that a branch does.
      const base = shas[30];
      const off1 = git('commit-tree', '-p', base, '-m', 'off-branch fix', `${base}^{tree}`).trim();
      const off2 = git('commit-tree', '-p', off1, '-m', 'Revert "change 31"', `${base}^{tree}`).trim();
      const tips = [shas[5], base, shas[90], off2];
      const lines = Buffer.from(tips.map((t) => `${t}\n`).join(''));
      const graph = await CommitGraph.loadAround(gitRunner(repo.path), ['--branches', '--remotes'], Promise.resolve(lines));
      const oneWalk = await CommitGraph.load(gitRunner(repo.path), tips, ['--branches', '--remotes']);
      assert.ok(graph, 'a graph when tips are given');
      assert.equal(graph.size, oneWalk.size, 'the same commits as one walk of the tips and the branches');
      assert.equal(graph.size, git('rev-list', '--branches', '--remotes', off2).split('\n').filter(Boolean).length);
      assert.equal(graph.isAncestor(off1, off2), true);
      assert.equal(graph.isAncestor(base, off2), true, 'the off-branch commits are joined to the branches\' history');
      assert.equal(graph.isAncestor(shas[90], off2), false);
      assert.deepEqual(graph.commitsBetween(base, off2, 10), [off2, off1]);
      assert.equal(graph.rangeHasRevert(base, off2), true, 'the second walk keeps revert bodies too');
    } finally {
      repo.dispose();
    }
  });

  it('loadAround: with no branch at all (only tags), the second walk reads the tips\' whole history; no graph when no tips are wanted', async () => {
    const repo = TempRepo.create();
    try {
      const shas = randomHistory(repo, 9, 40);
      const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.path, encoding: 'utf8' });
      // Only tags are left: no branch, and HEAD names a branch with no commit (the first walk lists nothing).
      git('tag', 'deploy/prod/1', shas[10]);
      git('tag', 'deploy/prod/2', shas[39]);
      for (const ref of git('for-each-ref', '--format=%(refname)', 'refs/heads').split('\n').filter(Boolean)) git('update-ref', '-d', ref);
      git('symbolic-ref', 'HEAD', 'refs/heads/nothing-here');
      const lines = Buffer.from(`${shas[10]}\n${shas[39]}\n`);
      const graph = await CommitGraph.loadAround(gitRunner(repo.path), ['--branches', '--remotes'], Promise.resolve(lines));
      assert.ok(graph);
      assert.equal(graph.size, git('rev-list', shas[39], shas[10]).split('\n').filter(Boolean).length);
      assert.equal(graph.isAncestor(shas[10], shas[39]), git('rev-list', shas[39]).includes(shas[10]));
      const controller = new AbortController();
      const none = CommitGraph.loadAround(gitRunner(repo.path, undefined, controller.signal), ['--branches', '--remotes'], Promise.resolve(undefined));
      controller.abort();
      assert.equal(await none, undefined);
    } finally {
      repo.dispose();
    }
  });
});
