// The deploy list as columns (src/core/deploys/deployList.ts): what it gives back must be what the
// list of `Deploy` objects gave (the same order, the same fields), read from real git repositories.
import * as assert from 'node:assert/strict';
import { CANDIDATE_FILTER } from '../../src/core/revert/historyWalk';
import { mayBeCandidate } from '../../src/core/deploys/commitGraph';
import { DeployList, DeployListBuilder } from '../../src/core/deploys/deployList';
import { readDeploys, sortDeploys } from '../../src/core/deploys/deployTags';
import { analyzeDeploys } from '../../src/core/deploys/failedDeploys';
import { compileTagPattern } from '../../src/core/deploys/tagPattern';
import { gitRunner } from '../../src/core/git/runner';
import type { Deploy } from '../../src/core/deploys';
import { TempRepo } from '../helpers/tempRepo';

const at = (iso: string): Date => new Date(iso);

describe('deploy list (columns)', function () {
  this.timeout(30000);
  let repo: TempRepo;
  let c1: string, c2: string, c3: string;

  beforeEach(() => {
    repo = TempRepo.create();
    c1 = repo.commit('one', { 'a.txt': '1\n' }, undefined, at('2026-02-01T10:00:00Z'));
    c2 = repo.commit('two', { 'a.txt': '2\n' }, undefined, at('2026-02-02T10:00:00Z'));
    c3 = repo.commit('three', { 'a.txt': '3\n' }, undefined, at('2026-02-03T10:00:00Z'));
  });
  afterEach(() => repo.dispose());

  const read = (pattern = 'deploy/*/*'): Promise<DeployList> => readDeploys(gitRunner(repo.path), compileTagPattern(pattern));

  it('orders same-second deploys by tag name as JavaScript compares strings, not as UTF-8 bytes', async () => {
    // Three lightweight tags on one commit: one date, so the names decide. U+FF21 sorts after
    // U+1F600 in UTF-8 bytes (EF… < F0…) but before it in UTF-16 (FF21 > D83D): the old object
    // list compared strings, so 😀 comes first.
    for (const name of ['deploy/prod/Ａ', 'deploy/prod/😀', 'deploy/prod/b']) repo.git('tag', name, c2);
    const list = await read();
    assert.deepEqual(
      list.toArray().map((d) => d.tag),
      ['deploy/prod/b', 'deploy/prod/😀', 'deploy/prod/Ａ'],
    );
    // The same order as sortDeploys over the objects.
    assert.deepEqual(sortDeploys([...list.toArray()].reverse()).map((d) => d.tag), list.toArray().map((d) => d.tag));
  });

  it('gives back each deploy field by field, as objects, by iteration, grouped and counted', async () => {
    repo.git('tag', 'deploy/prod/1', c1); // lightweight: the commit's date
    repo.gitAt(at('2026-02-04T09:00:00Z'), 'tag', '-a', 'deploy/prod/2', '-m', 'ship', c3);
    repo.gitAt(at('2026-02-05T09:00:00Z'), 'tag', '-a', 'deploy/staging/1', '-m', 'ship', c3);
    // A rollback: back to c1's commit, re-deployed by an annotated tag.
    repo.gitAt(at('2026-02-06T09:00:00Z'), 'tag', '-a', 'deploy/prod/3', '-m', 'roll back', c1);
    const list = await read();
    assert.equal(list.length, 4);
    const expected: Deploy[] = [
      { tag: 'deploy/prod/1', environment: 'prod', sha: c1, date: '2026-02-01T10:00:00Z', annotated: false },
      { tag: 'deploy/prod/2', environment: 'prod', sha: c3, date: '2026-02-04T09:00:00Z', annotated: true },
      { tag: 'deploy/staging/1', environment: 'staging', sha: c3, date: '2026-02-05T09:00:00Z', annotated: true },
      { tag: 'deploy/prod/3', environment: 'prod', sha: c1, date: '2026-02-06T09:00:00Z', annotated: true },
    ];
    assert.deepEqual(list.toArray(), expected);
    assert.deepEqual([...list], expected);
    assert.deepEqual(
      expected.map((_, i) => [list.tag(i), list.environment(i), list.sha(i), list.date(i), list.annotated(i), list.dateMs(i)]),
      expected.map((d) => [d.tag, d.environment, d.sha, d.date, d.annotated, Date.parse(d.date)]),
    );
    // Key order matters: JSON output prints the deploy objects of findings.
    assert.equal(JSON.stringify(list.at(1)), JSON.stringify(expected[1]));
    // Same commit, same id; ids numbered in order of first appearance.
    assert.ok(list.sameSha(0, 3) && list.sameSha(1, 2) && !list.sameSha(0, 1));
    assert.deepEqual([...list.shaIds().ids], [0, 1, 1, 0]);
    assert.deepEqual([...list.shaIds().firsts], [0, 1]);
    assert.deepEqual(
      [...list.groups()].map(([env, group]) => [env, [...group]]),
      [
        ['prod', [0, 1, 3]],
        ['staging', [2]],
      ],
    );
    assert.equal(list.countBetween(Date.parse('2026-02-04T09:00:00Z'), Date.parse('2026-02-05T09:00:00Z')), 2);
    assert.equal(list.countBetween(0, Date.now()), 4);
  });

  it('is what the report returns: a count and deploys made on demand, the same as before', async () => {
    repo.git('tag', 'deploy/prod/1', c1);
    repo.gitAt(at('2026-02-04T09:00:00Z'), 'tag', '-a', 'deploy/prod/2', '-m', 'ship', c3);
    repo.gitAt(at('2026-02-06T09:00:00Z'), 'tag', '-a', 'deploy/prod/3', '-m', 'roll back', c2);
    const report = await analyzeDeploys(repo.path);
    assert.ok(report.deploys instanceof DeployList);
    assert.equal(report.deploys.length, 3);
    assert.deepEqual(report.deploys.toArray().map((d) => d.tag), ['deploy/prod/1', 'deploy/prod/2', 'deploy/prod/3']);
    // deploy/prod/3 went back to an ancestor of deploy/prod/2's commit: one rollback, objects made for it.
    assert.deepEqual(
      report.findings.map((f) => [f.rule, f.failed?.tag, f.good?.tag, f.good?.sha]),
      [['ancestor-of-previous', 'deploy/prod/2', 'deploy/prod/3', c2]],
    );
  });

  it('reads no tags as the empty list', async () => {
    const list = await read();
    assert.equal(list.length, 0);
    assert.deepEqual(list.toArray(), []);
    assert.equal(list.groups().size, 0);
  });
});

describe('deploy list builder', () => {
  const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

  it('lowercases shas, keeps the first object format only, and sorts by date, tag name, then the order added', () => {
    const b = new DeployListBuilder();
    const prod = b.environmentId('prod');
    const sha = (c: string): Buffer => bytes(c.repeat(40));
    const ref = (name: Buffer, start: number, end: number): number => b.addRef(name, start, end, prod);
    assert.ok(b.add(ref(bytes('deploy/prod/b'), 0, 13), sha('A'), 0, 40, 200, true));
    assert.ok(b.add(ref(bytes('deploy/prod/a'), 0, 13), sha('b'), 0, 40, 200, false));
    assert.ok(b.add(ref(bytes('xxdeploy/prod/0yy'), 2, 15), sha('c'), 0, 40, 100, false));
    assert.equal(b.add(ref(bytes('deploy/prod/z'), 0, 13), bytes('d'.repeat(64)), 0, 64, 50, false), false, 'a 64-digit sha after 40-digit ones');
    assert.equal(b.environmentId('prod'), prod);
    const list = b.finish();
    assert.deepEqual(
      list.toArray().map((d) => [d.tag, d.sha[0], d.date, d.annotated]),
      [
        ['deploy/prod/0', 'c', '1970-01-01T00:01:40Z', false],
        ['deploy/prod/a', 'b', '1970-01-01T00:03:20Z', false],
        ['deploy/prod/b', 'a', '1970-01-01T00:03:20Z', true],
      ],
    );
    assert.equal(list.sha(2), 'a'.repeat(40));
  });

  it('hands out one id per distinct sha even when their first digits collide', () => {
    const b = new DeployListBuilder();
    const env = b.environmentId('prod');
    // 2,000 shas that share their first 7 digits (the hash), some deployed twice.
    const shas = Array.from({ length: 2000 }, (_, i) => `abcdef0${i.toString(16).padStart(33, '0')}`);
    shas.forEach((s, i) => b.add(b.addRef(bytes(`t/${i}`), 0, `t/${i}`.length, env), bytes(s), 0, 40, i, false));
    shas.slice(0, 500).forEach((s, i) => b.add(b.addRef(bytes(`u/${i}`), 0, `u/${i}`.length, env), bytes(s), 0, 40, 5000 + i, false));
    const list = b.finish();
    const { ids, firsts } = list.shaIds();
    assert.equal(firsts.length, 2000);
    for (let i = 0; i < list.length; i++) assert.equal(list.sha(firsts[ids[i]]), list.sha(i));
  });
});

describe('revert candidate prefilter on bytes', () => {
  it('lets through every message the candidate filter accepts (random texts, any case)', () => {
    const pieces = ['revert', 'Reapply', 'RELAND', 'recommit', 'roll back', 'Roll\tback', 'rollback', 'backed out', 'Backs  out', 'back', 're', 'b', 'r', 'x', ' ', 'é', 'ſ', 'K', '\n'];
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let accepted = 0;
    for (let round = 0; round < 5000; round++) {
      let text = '';
      for (let k = random(6); k >= 0; k--) {
        const piece = pieces[random(pieces.length)];
        text += random(2) ? piece.toUpperCase() : piece;
      }
      const b = Buffer.from(`>>${text}<<`, 'utf8');
      const passes = mayBeCandidate(b, 2, b.length - 2);
      if (CANDIDATE_FILTER.test(text)) {
        accepted++;
        assert.ok(passes, JSON.stringify(text));
      }
    }
    assert.ok(accepted > 500);
    // And it does filter: ordinary subjects are decided without a string.
    for (const plain of ['feat: add pricing', 'fix(api): typo', 'Merge branch hotfix/x', 'bump deps']) assert.equal(mayBeCandidate(Buffer.from(plain), 0, plain.length), false, plain);
  });
});
