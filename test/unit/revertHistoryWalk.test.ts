import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRunner } from '../../src/core/revert/gitStream';
import { candidateLogArgs, walkLogArgs } from '../../src/core/revert/historyReader';
import { RecordReader, walkHistory, type WalkedCommit } from '../../src/core/revert/historyWalk';
import { RevertScanner, scanReverts, walksWholeAncestry } from '../../src/core/revert/revertScanner';
import { detectOne } from '../helpers/detectOne';
import type { RevertDetection } from '../../src/core/revert/types';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

/** The scan's own walk prints %cI (the search's walk and the lookups do not). */
const WALK_MARK = '%cI';

/**
 * The scan reads every commit in one unfiltered `git log` and applies the candidate filter in
 * Node (historyWalk.ts); these pin down that it sees what git's own `--grep` sees, reads
 * records split anywhere, and that one walk still answers every lookup.
 */
describe('revert scan: one history walk (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  async function walkAll(repo: TempRepo): Promise<WalkedCommit[]> {
    const out: WalkedCommit[] = [];
    for await (const batch of walkHistory(gitRunner(repo.path), walkLogArgs())) out.push(...batch);
    return out;
  }

  it("picks exactly the commits git's --grep filter picks", async () => {
    const repo = track(TempRepo.create());
    const messages = [
      'Add login',
      'Revert "Add login"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
      'Fix the REVERT button',
      'Docs\n\nWe will roll  back on Friday.',
      'Docs\n\nWe will roll\tback on Friday.',
      'Docs\n\nrollback plan',
      'Backs out the flag',
      'backedout change',
      'Reapply "x"',
      'Nothing here\n\nback\nout on separate lines',
      'Plain commit\n\nwith a body that mentions nothing',
      'Backed out changeset 0123456789ab',
      'Unicode ‘revert’ in quotes',
      'rev ert spaced',
    ];
    messages.forEach((m, i) => repo.commit(m, { [`f${i}.txt`]: String(i) }));
    const git = execFileSync('git', candidateLogArgs(), { cwd: repo.path, encoding: 'utf8' });
    // Seven NUL-terminated fields per record (WALK_FORMAT); the sha is the first.
    const tokens = git.split('\0');
    const fromGit: string[] = [];
    for (let i = 0; i + 7 <= tokens.length; i += 7) fromGit.push(tokens[i].trim());
    const fromNode = (await walkAll(repo)).filter((c) => c.candidate).map((c) => c.sha);
    assert.equal(fromGit.length, 10);
    assert.deepEqual(fromNode, fromGit);
  });

  it('gives every commit its sha, parents and subject, and candidates their whole record', async () => {
    const repo = track(TempRepo.create());
    const first = repo.commit('First', { 'a.txt': 'a' });
    const revert = repo.commit('Revert "First"\n\nThis reverts commit ' + first + '.\n\nmore\n\n', { 'a.txt': '' });
    const walked = await walkAll(repo);
    assert.deepEqual(
      walked.map((c) => [c.sha, c.parents, c.subject, c.candidate !== undefined]),
      [
        [revert, first, 'Revert "First"', true],
        [first, '', 'First', false],
      ],
    );
    const c = walked[0].candidate;
    assert.ok(c);
    assert.deepEqual(c.parents, [first]);
    assert.equal(c.body, `This reverts commit ${first}.\n\nmore`);
    assert.equal(c.authorEmail, 'alice@example.com');
    assert.match(c.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it('reads the same records however the output is cut into chunks', async () => {
    const repo = track(TempRepo.create());
    for (let i = 0; i < 6; i++) repo.commit(i % 2 ? `Revert "Change ${i}"\n\nLong body ${'x'.repeat(i * 50)}` : `Change ${i} ünïcode`, { [`f${i}`]: `${i}` });
    const text = execFileSync('git', walkLogArgs(), { cwd: repo.path, encoding: 'utf8' });
    const whole = new RecordReader().push(text);
    assert.equal(whole.length, 6);
    for (let cut = 1; cut < text.length; cut += 7) {
      const reader = new RecordReader();
      const pieces = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut, cut * 2)), ...reader.push(text.slice(cut * 2))];
      assert.deepEqual(pieces, whole, `cut at ${cut}`);
    }
    // Text without any NUL (the middle of a long message) is only collected.
    const reader = new RecordReader();
    const at = text.indexOf('Long body') + 3;
    const out = [...reader.push(text.slice(0, at)), ...reader.push('')];
    for (let i = at; i < text.length; i += 5) out.push(...reader.push(text.slice(i, i + 5)));
    assert.deepEqual(out, whole);
  });

  it('a scan limited by maxCount still finds originals older than its last candidate', async () => {
    const repo = track(TempRepo.create());
    const original = repo.commit('Add the export button', { 'e.ts': 'v1' });
    for (let i = 0; i < 5; i++) repo.commit(`Fix revert logic ${i}`, { [`n${i}.ts`]: 'x' });
    const revert = repo.commit('revert: Add the export button', { 'e.ts': '' });
    const scanner = await RevertScanner.open(repo.path);
    const found: RevertDetection[] = [];
    for await (const d of scanner.scan({ maxCount: 2 })) found.push(d);
    assert.deepEqual(
      found.map((d) => [d.sha, d.reverted, d.evidence]),
      [[revert, [original], 'subject-exact']],
    );
  });

  it('a range scan links a revert to an original before the range (the search walks the whole ancestry)', async () => {
    const repo = track(TempRepo.create());
    const original = repo.commit('Cache shipping quotes', { 'q.ts': 'v1' });
    const base = repo.commit('Unrelated', { 'u.ts': 'u' });
    const revert = repo.commit('revert: Cache shipping quotes', { 'q.ts': '' });
    const found = await scanReverts(repo.path, { revRange: `${base}..HEAD` });
    assert.deepEqual(
      found.map((d) => [d.sha, d.reverted, d.evidence]),
      [[revert, [original], 'subject-exact']],
    );
    assert.deepEqual(await scanReverts(repo.path, { revRange: `${revert}..HEAD` }), []);
  });

  it('links a revert by sha even when an older commit carries its quoted subject', async () => {
    const repo = track(TempRepo.create());
    const older = repo.commit('Tune retries', { 'r.ts': 'v0' });
    repo.commit('Tune retries', { 'r.ts': 'v1' });
    const target = repo.commit('Unrelated', { 'u.ts': 'u' });
    // Hand-written: the subject names the older commit, the sha names another one.
    const revert = repo.commit(`Revert "Tune retries"\n\nThis reverts commit ${target}.`, { 'u.ts': '' });
    const found = await scanReverts(repo.path);
    assert.deepEqual(
      found.map((d) => [d.sha, d.reverted, d.evidence]),
      [[revert, [target], 'sha']],
    );
    assert.notEqual(found[0].reverted[0], older);
  });

  it('runs no second walk and no per-revert lookup when every revert names its original by sha', async () => {
    const repo = track(TempRepo.create());
    const first = repo.commit('Add retries', { 'r.ts': 'v1' });
    const base = repo.commit('Unrelated', { 'u.ts': 'u' });
    const revert = repo.revert(first);
    // A wrapper that logs every git command line, then runs the real git.
    const dir = makeTempDir('logging-git-');
    const log = path.join(dir, 'calls.log');
    const wrapper = path.join(dir, 'git');
    fs.writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    const calls = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);
    const walksAndLookups = (): string[] => calls().filter((c) => / log /.test(` ${c} `) && !c.includes('--no-walk') && !c.includes(WALK_MARK));
    try {
      for (const query of [{}, { revRange: `${base}..HEAD` }, { since: '2000-01-01' }]) {
        fs.rmSync(log, { force: true });
        const found = await scanReverts(repo.path, { ...query, gitBinary: wrapper });
        assert.deepEqual(found.map((d) => [d.sha, d.reverted, d.evidence]), [[revert, [first], 'sha']], JSON.stringify(query));
        assert.deepEqual(walksAndLookups(), [], `${JSON.stringify(query)}: ${calls().join(' | ')}`);
      }
      fs.rmSync(log, { force: true });
      assert.equal((await detectOne(repo.path, 'HEAD', { gitBinary: wrapper }))?.evidence, 'sha');
      assert.deepEqual(walksAndLookups(), [], calls().join(' | '));
      // The same wrapper does see the search's own walk when a range needs a subject lookup.
      repo.commit('revert: Add retries', { 'r.ts': 'v0' });
      fs.rmSync(log, { force: true });
      const bySubject = await scanReverts(repo.path, { revRange: `${revert}..HEAD`, gitBinary: wrapper });
      assert.deepEqual(bySubject.map((d) => [d.reverted, d.evidence]), [[[first], 'subject-exact']]);
      assert.equal(walksAndLookups().length, 1, calls().join(' | '));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows which revisions walk the whole ancestry', () => {
    for (const rev of ['HEAD', 'main', 'HEAD~3', 'v1.2^', 'a1b2c3d', 'origin/main']) assert.ok(walksWholeAncestry(rev), rev);
    for (const rev of ['A..B', 'A...B', '^A', 'HEAD^!', 'HEAD^@', 'HEAD^-', 'HEAD^-2']) assert.ok(!walksWholeAncestry(rev), rev);
  });
});
