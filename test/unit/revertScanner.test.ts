import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { detectOne } from '../helpers/detectOne';
import type { RevertDetection } from '../../src/core/revert/types';
import { BOB, makeTempDir, TempRepo } from '../helpers/tempRepo';

function find(detections: RevertDetection[], sha: string): RevertDetection {
  const d = detections.find((x) => x.sha === sha);
  assert.ok(d, `no detection for ${sha}; got ${JSON.stringify(detections.map((x) => x.subject))}`);
  return d;
}

function link(d: RevertDetection): Pick<RevertDetection, 'kind' | 'reverted' | 'evidence'> {
  return { kind: d.kind, reverted: d.reverted, evidence: d.evidence };
}

describe('revert scanner (real git)', () => {
  const repos: TempRepo[] = [];
  const track = (r: TempRepo): TempRepo => (repos.push(r), r);
  after(() => repos.forEach((r) => r.dispose()));

  it('links git default reverts, abbreviated shas and several shas', async () => {
    const repo = track(TempRepo.create());
    const login = repo.commit('Add login', { 'login.ts': 'v1' });
    const revert = repo.revert(login, BOB);
    const banner = repo.commit('Add banner', { 'banner.ts': 'b' });
    const a = repo.commit('Add cache', { 'cache.ts': 'c' });
    const b = repo.commit('Add metrics', { 'metrics.ts': 'm' });
    const abbreviated = repo.commit(`Revert "Add banner"\n\nThis reverts commit ${banner.slice(0, 7)}.`, { 'banner.ts': '' });
    repo.git('revert', '--no-commit', b, a);
    const both = repo.commit(`Undo cache and metrics\n\nThis reverts commits ${a.slice(0, 9)} and ${b.slice(0, 9)}.`);

    const found = await scanReverts(repo.path);
    assert.deepEqual(find(found, revert), {
      sha: revert,
      kind: 'revert',
      reverted: [login],
      evidence: 'sha',
      confidence: 0.95,
      subject: 'Revert "Add login"',
      author: 'Bob Example <bob@example.com>',
      date: find(found, revert).date,
    });
    assert.match(find(found, revert).date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    assert.deepEqual(link(find(found, abbreviated)), { kind: 'revert', reverted: [banner], evidence: 'sha' });
    assert.deepEqual(link(find(found, both)), { kind: 'revert', reverted: [a, b], evidence: 'sha' });
    assert.deepEqual(
      found.map((d) => d.sha),
      [both, abbreviated, revert],
    );
  });

  it('links git revert --reference with a hand-written subject, and merge reverts', async () => {
    const repo = track(TempRepo.create());
    const mailer = repo.commit('Send welcome mail', { 'mail.ts': 'send()' });
    repo.git('revert', '--reference', '--no-edit', mailer);
    const body = repo.git('log', '-1', '--format=%b');
    assert.match(body, new RegExp(`^This reverts commit ${mailer.slice(0, 7)}[0-9a-f]* \\(Send welcome mail, \\d{4}-\\d\\d-\\d\\d\\)\\.$`));
    repo.git('commit', '--amend', '-q', '-m', `Stop duplicate welcome mails\n\n${body}`);
    const reference = repo.head();

    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('Add export', { 'export.ts': 'x' });
    repo.git('checkout', '-q', 'main');
    repo.commit('Unrelated', { 'readme.md': 'r' });
    repo.git('merge', '-q', '--no-ff', '-m', "Merge branch 'feature'", 'feature');
    const merge = repo.head();
    const mergeRevert = repo.revert(merge, undefined, ['-m', '1']);

    const found = await scanReverts(repo.path);
    assert.deepEqual(link(find(found, reference)), { kind: 'revert', reverted: [mailer], evidence: 'sha' });
    assert.deepEqual(link(find(found, mergeRevert)), { kind: 'revert', reverted: [merge], evidence: 'merge-parent' });
  });

  it('treats a revert of a revert as a reapply of the revert', async () => {
    const repo = track(TempRepo.create());
    const original = repo.commit('Add login', { 'login.ts': 'v1' });
    const revert = repo.revert(original);
    const reapply = repo.revert(revert);
    const again = repo.revert(reapply);
    const handWritten = repo.commit('Reapply "Add login"', { 'login.ts': 'v1' });
    const custom = repo.commit(`Bring login back\n\nThis reverts commit ${again}.`, { 'login.ts': 'v1 ' });

    const found = await scanReverts(repo.path);
    assert.equal(find(found, reapply).subject, 'Revert "Revert "Add login""');
    assert.deepEqual(link(find(found, reapply)), { kind: 'reapply', reverted: [revert], evidence: 'sha' });
    assert.deepEqual(link(find(found, again)), { kind: 'revert', reverted: [reapply], evidence: 'sha' });
    // `Reapply "X"` undoes the nearest commit titled `Revert "X"`.
    assert.deepEqual(link(find(found, handWritten)), { kind: 'reapply', reverted: [revert], evidence: 'subject-exact' });
    // The message does not say so, but undoing a revert re-lands what it removed.
    assert.deepEqual(link(find(found, custom)), { kind: 'reapply', reverted: [again], evidence: 'sha' });
  });

  it('reports partial reverts from the message and from a revert that left files in place', async () => {
    const repo = track(TempRepo.create());
    const form = repo.commit('Add signup form', { 'form.ts': 'form', 'form.css': 'css', 'api.ts': 'api' });
    const said = repo.commit(`Partially revert "Add signup form"\n\nThis partially reverts commit ${form}.`, { 'api.ts': '' });
    const feature = repo.commit('Add search', { 'search.ts': 's', 'search.css': 'c' });
    repo.git('revert', '--no-commit', feature);
    repo.git('checkout', 'HEAD', '--', 'search.css');
    const structural = repo.commit(`Revert "Add search"\n\nThis reverts commit ${feature}.`);
    const docs = repo.commit('Add docs', { 'docs.md': 'd', 'guide.md': 'g' });
    const full = repo.revert(docs);

    const found = await scanReverts(repo.path);
    assert.deepEqual(link(find(found, said)), { kind: 'partial-revert', reverted: [form], evidence: 'sha' });
    assert.deepEqual(link(find(found, structural)), { kind: 'partial-revert', reverted: [feature], evidence: 'sha' });
    assert.equal(find(found, full).kind, 'revert');
  });

  it('links GitHub squash merges, truncated subjects and revert-branch merges', async () => {
    const repo = track(TempRepo.create());
    const search = repo.commit('Add search (#123)', { 'search.ts': 's' });
    const longOne = repo.commit('Add a very long description of the new export feature for admins (#124)', { 'export.ts': 'e' });
    const other = repo.commit('Tune the importer for large files and slow disks', { 'import.ts': 'i' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('Add billing', { 'billing.ts': 'b' });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #125 from acme/feature\n\nAdd billing', 'feature');
    const prMerge = repo.head();

    const squash = repo.commit('Revert "Add search (#123)" (#130)\n\nReverts acme/web#123', { 'search.ts': '' });
    const byPr = repo.commit('Revert "Add a very long description of the new export feature fo…" (#131)\n\nReverts acme/web#124', {
      'export.ts': '',
    });
    const byPrefix = repo.commit('Revert "Tune the importer for large files and…"', { 'import.ts': '' });
    repo.git('checkout', '-q', '-b', 'revert-125-feature');
    repo.git('revert', '--no-edit', '-m', '1', prMerge);
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #132 from acme/revert-125-feature\n\nRevert "Add billing"', 'revert-125-feature');
    const branchMerge = repo.head();

    const found = await scanReverts(repo.path, { minConfidence: 0 });
    assert.deepEqual(link(find(found, squash)), { kind: 'revert', reverted: [search], evidence: 'subject-exact' });
    assert.deepEqual(link(find(found, byPr)), { kind: 'revert', reverted: [longOne], evidence: 'pr-number' });
    assert.deepEqual(link(find(found, byPrefix)), { kind: 'revert', reverted: [other], evidence: 'subject-prefix' });
    assert.deepEqual(link(find(found, branchMerge)), { kind: 'revert', reverted: [prMerge], evidence: 'pr-number' });
    // The merge is not the revert (its second parent is, and is found itself): hidden by default.
    const confident = await scanReverts(repo.path);
    assert.equal(confident.find((d) => d.sha === branchMerge), undefined);
    assert.deepEqual(find(confident, repo.git('rev-parse', `${branchMerge}^2`)).reverted, [prMerge]);
  });

  it('links Conventional Commits, GitLab, Gerrit, Mercurial and rollback formats', async () => {
    const repo = track(TempRepo.create());
    const cache = repo.commit('feat: add caching layer', { 'cache.ts': '1' });
    const refs = repo.commit(`revert: add caching layer\n\nRefs: ${cache.slice(0, 8)}`, { 'cache.ts': '' });
    const api = repo.commit('feat(api): add rate limits', { 'limits.ts': '1' });
    const conv = repo.commit('revert(api): feat(api): add rate limits', { 'limits.ts': '' });
    const flags = repo.commit('Add feature flags', { 'flags.ts': '1' });
    const fixRevert = repo.commit('fix: Revert "Add feature flags"', { 'flags.ts': '' });
    repo.git('checkout', '-q', '-b', 'export');
    repo.commit('Add CSV export', { 'csv.ts': '1' });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', "Merge branch 'export' into 'main'\n\nAdd CSV export\n\nSee merge request acme/web!42", 'export');
    const mr = repo.head();
    const gitlab = repo.commit('Revert "Add CSV export"\n\nThis reverts merge request !42', { 'csv.ts': '' });
    const queue = repo.commit('Add job queue', { 'queue.ts': '1' });
    const gerrit = repo.commit(`Revert "Add job queue"\n\nThis reverts commit ${queue}.\n\nReason for revert: broke CI\n\nChange-Id: I0123456789`, {
      'queue.ts': '',
    });
    const hg = repo.commit('Add telemetry', { 'telemetry.ts': '1' });
    const backout = repo.commit(`Backed out changeset ${hg.slice(0, 12)} (bug 7) for breaking tests`, { 'telemetry.ts': '' });
    const banner = repo.commit('Show maintenance banner', { 'banner.ts': '1' });
    const rollback = repo.commit('Rollback of "Show maintenance banner"', { 'banner.ts': '' });

    const found = await scanReverts(repo.path);
    assert.deepEqual(link(find(found, refs)), { kind: 'revert', reverted: [cache], evidence: 'sha' });
    assert.deepEqual(link(find(found, conv)), { kind: 'revert', reverted: [api], evidence: 'subject-exact' });
    assert.deepEqual(link(find(found, fixRevert)), { kind: 'revert', reverted: [flags], evidence: 'subject-exact' });
    assert.deepEqual(link(find(found, gitlab)), { kind: 'revert', reverted: [mr], evidence: 'mr-number' });
    assert.deepEqual(link(find(found, gerrit)), { kind: 'revert', reverted: [queue], evidence: 'sha' });
    assert.deepEqual(link(find(found, backout)), { kind: 'revert', reverted: [hg], evidence: 'sha' });
    assert.deepEqual(link(find(found, rollback)), { kind: 'revert', reverted: [banner], evidence: 'subject-exact' });
    assert.equal(found.length, 7);
  });

  it('ignores incidental words and says "none" when the original is not in a shallow clone', async () => {
    const repo = track(TempRepo.create());
    const login = repo.commit('Add login', { 'login.ts': '1' });
    for (const subject of [
      'revert to threads in config',
      'fix revert logic in parser',
      'undo button styling',
      'Reverting the cache TTL is discussed in #12',
      'Add rollback button',
    ]) {
      repo.commit(subject, { 'notes.md': subject });
    }
    const quoted = repo.commit('Revert "Add login"', { 'login.ts': '' });
    const bySha = repo.commit(`Undo login\n\nThis reverts commit ${login}.`, { 'login.ts': '2' });
    const full = await scanReverts(repo.path);
    assert.deepEqual(
      full.map((d) => d.sha),
      [bySha, quoted],
    );
    assert.equal(find(full, quoted).evidence, 'subject-exact');

    const shallow = track(TempRepo.clone(`file://${repo.path}`, ['--depth', '2']));
    const cut = await scanReverts(shallow.path);
    assert.deepEqual(link(find(cut, quoted)), { kind: 'revert', reverted: [], evidence: 'none' });
    // Only a body line says "revert" and its commit is not here: shown only when asked for.
    assert.equal(cut.find((d) => d.sha === bySha), undefined);
    const everything = await scanReverts(shallow.path, { minConfidence: 0 });
    assert.deepEqual(link(find(everything, bySha)), { kind: 'revert', reverted: [], evidence: 'none' });
  });

  it('works on bare repositories and honours revRange, maxCount and since', async () => {
    const repo = track(TempRepo.create());
    const a = repo.commit('Add a', { a: '1' });
    const ra = repo.revert(a);
    const b = repo.commit('Add b', { b: '1' });
    const rb = repo.revert(b);
    const bare = track(TempRepo.clone(repo.path, ['--bare']));

    const all = await scanReverts(bare.path);
    assert.deepEqual(
      all.map((d) => [d.sha, d.reverted]),
      [
        [rb, [b]],
        [ra, [a]],
      ],
    );
    assert.deepEqual(
      (await scanReverts(repo.path, { revRange: `${ra}..HEAD` })).map((d) => d.sha),
      [rb],
    );
    assert.deepEqual(
      (await scanReverts(repo.path, { maxCount: 1 })).map((d) => d.sha),
      [rb],
    );
    const since = new Date(Date.parse(all[0].date) - 30_000).toISOString();
    assert.deepEqual(
      (await scanReverts(repo.path, { since })).map((d) => d.sha),
      [rb],
    );
    await assert.rejects(scanReverts(repo.path, { revRange: '--output=/tmp/x' }), /invalid revision/);
  });

  it('reads histories longer than one page', async () => {
    const repo = track(TempRepo.create());
    const lines: string[] = [];
    const total = 450;
    for (let i = 1; i <= total; i++) {
      const msg = i % 2 === 0 ? `Revert "Change ${i - 1}"\n` : `Change ${i}\n`;
      lines.push(`commit refs/heads/main`, `mark :${i}`, `committer A <a@example.com> ${1767600000 + i} +0000`);
      lines.push(`data ${Buffer.byteLength(msg)}`, msg.slice(0, -1), '');
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.path, input: `${lines.join('\n')}\n`, env: repo.env() });
    const found = await scanReverts(repo.path);
    assert.equal(found.length, total / 2);
    assert.equal(new Set(found.map((d) => d.sha)).size, total / 2);
    assert.ok(found.every((d) => d.evidence === 'subject-exact' && d.reverted.length === 1));
    assert.equal((await scanReverts(repo.path, { maxCount: 205 })).length, 205);
  });

  it('runs the git binary it is given, even from a path with spaces', async () => {
    const repo = track(TempRepo.create());
    const a = repo.commit('Add a', { a: '1' });
    const ra = repo.revert(a);
    const gitPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const dir = path.join(makeTempDir('bin-'), 'Program Files');
    fs.mkdirSync(dir);
    const spaced = path.join(dir, 'git');
    fs.symlinkSync(gitPath, spaced);
    try {
      assert.deepEqual(
        (await scanReverts(repo.path, { gitBinary: spaced })).map((d) => [d.sha, d.reverted]),
        [[ra, [a]]],
      );
      await assert.rejects(scanReverts(repo.path, { gitBinary: path.join(dir, 'missing-git') }), /must be an absolute path to an existing file/);
      await assert.rejects(scanReverts(repo.path, { gitBinary: '/nonexistent/git' }), /cannot run git at "\/nonexistent\/git" \(not found\)/);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('classifies a single commit and rejects what is not a repository', async () => {
    const repo = track(TempRepo.create());
    const a = repo.commit('Add a', { a: '1' });
    const ra = repo.revert(a);
    assert.deepEqual(link((await detectOne(repo.path, 'HEAD'))!), { kind: 'revert', reverted: [a], evidence: 'sha' });
    assert.equal((await detectOne(repo.path, ra))?.sha, ra);
    assert.equal(await detectOne(repo.path, a), undefined);
    await assert.rejects(detectOne(repo.path, '--output=/tmp/x'), /invalid revision/);
    await assert.rejects(detectOne(repo.path, 'no-such-branch'), /unknown revision|bad revision/);

    const empty = track(TempRepo.create());
    assert.deepEqual(await scanReverts(empty.path), []);

    const plain = makeTempDir('plain-');
    fs.writeFileSync(path.join(plain, 'file.txt'), 'x');
    await assert.rejects(scanReverts(plain), NotAGitRepositoryError);
    await assert.rejects(scanReverts(path.join(plain, 'missing')), NotAGitRepositoryError);
    fs.rmSync(plain, { recursive: true, force: true });
  });
});
