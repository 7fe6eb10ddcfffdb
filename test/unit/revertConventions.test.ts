import * as assert from 'node:assert/strict';
import { parseFixesTrailers, parseRevertMessage } from '../../src/core/revert/messageParser';
import { scanReverts } from '../../src/core/revert/revertScanner';
import type { RevertDetection } from '../../src/core/revert/types';
import { BOB, useTempRepos } from '../helpers/tempRepo';

/**
 * One real repository per convention of the labeled corpus (test/fixtures/detection): the shape
 * each convention takes there, rebuilt with our own content.
 */
describe('revert conventions (real git)', function () {
  this.timeout(60000);
  const fresh = useTempRepos();

  const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i + 1};`).join('\n') + '\n';
  function find(found: RevertDetection[], sha: string): RevertDetection {
    const d = found.find((x) => x.sha === sha);
    assert.ok(d, `no detection for ${sha}`);
    return d;
  }

  it('Chromium Reland "X" re-lands X by undoing its revert', async () => {
    const repo = fresh();
    const x = repo.commit('Use the fast path', { 'fast.cc': lines(4, 'fast') });
    const revert = repo.revert(x, BOB);
    const reland = repo.commit('Reland "Use the fast path"\n\nThis is a reland of commit 0123456789abcdef.\n\nOriginal change\'s description:\n> Use the fast path', {
      'fast.cc': lines(4, 'fast'),
    });
    const d = find(await scanReverts(repo.path), reland);
    assert.deepEqual([d.kind, d.reverted, d.evidence], ['reapply', [revert], 'subject-exact']);
  });

  it('LLVM Revert <sha> "<title>" and "Revert part of <sha>"', async () => {
    const repo = fresh();
    const a = repo.commit('[opt] Fold casts', { 'fold.cpp': lines(3, 'fold'), 'fold.h': lines(2, 'hdr') });
    const llvm = repo.commit(`Revert ${a.slice(0, 12)} "[opt] Fold casts"\n\nBreaks the bots.`, { 'fold.cpp': '', 'fold.h': '' });
    const b = repo.commit('[opt] Fold shifts', { 'shift.cpp': lines(3, 'shift'), 'shift.h': lines(2, 'sh') });
    const part = repo.commit(`Revert part of ${b.slice(0, 10)}\n\nKeep the header.`, { 'shift.cpp': '' });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, llvm).kind, find(found, llvm).reverted, find(found, llvm).evidence], ['revert', [a], 'sha']);
    assert.deepEqual([find(found, part).kind, find(found, part).reverted], ['partial-revert', [b]]);
  });

  it('a "revert #N" body line links the squash of PR N; "Revert PR #N" the merge of PR N', async () => {
    const repo = fresh();
    const pr = repo.commit('Cache parsed configs (#1200)', { 'config.ts': lines(3, 'cfg') });
    const refix = repo.commit('fix: keep configs fresh (#1234)\n\n- revert #1200\n- re-fix the stale read differently', { 'config.ts': 'fresh();\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('Add export', { 'export.ts': lines(3, 'exp') });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #77 from acme/export', 'feature');
    const merge = repo.head();
    const byPr = repo.commit('Revert PR #77', { 'export.ts': '' });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, refix).reverted, find(found, refix).evidence], [[pr], 'pr-number']);
    assert.deepEqual([find(found, byPr).reverted, find(found, byPr).evidence], [[merge], 'pr-number']);
  });

  it('Mercurial backouts whose changeset ids git cannot resolve are linked by their diff', async () => {
    const repo = fresh();
    const one = repo.commit('Bug 10 - Add key logging. r=dev', { 'ssl.c': lines(6, 'ssl'), 'log.c': lines(4, 'log') });
    repo.commit('Bug 11 - Unrelated docs', { 'README': lines(2, 'doc') });
    const backout = repo.commit('Bug 10 - Backed out changeset 3fb876eaa062 for build bustage', { 'ssl.c': '', 'log.c': '' });
    const d = find(await scanReverts(repo.path), backout);
    assert.deepEqual([d.kind, d.reverted, d.evidence], ['revert', [one], 'diff-inverse']);
    assert.ok(d.confidence >= 0.9, String(d.confidence));
    assert.deepEqual(d.files?.sort(), ['log.c', 'ssl.c']);
  });

  it('a words-only revert naming several PRs in parentheses links each of them, not its own squash PR', async () => {
    const repo = fresh();
    const a = repo.commit('Speed up the tree walk (#6006)', { 'tree.js': lines(4, 'walk') });
    const b = repo.commit('Skip empty suites in the tree walk (#5885)', { 'suite.js': lines(4, 'skip') });
    repo.commit('Docs for the walker (#6010)', { 'README.md': lines(2, 'doc') });
    // The revert leaves both files as they are: only the PR numbers can name the originals.
    const both = repo.commit('Revert changes on the tree walk (#6006 and #5885) (#6105)', { 'CHANGELOG.md': lines(1, 'log') });
    const own = repo.commit('Revert the walker docs (#6110)', { 'README.md': '' });
    const found = await scanReverts(repo.path, { minConfidence: 0 });
    assert.deepEqual([find(found, both).evidence, find(found, both).reverted.sort()], ['pr-number', [a, b].sort()]);
    assert.ok(find(found, both).confidence >= 0.5, String(find(found, both).confidence));
    // A single trailing (#N) is the revert's own PR: it is linked by its diff, never to PR 6110.
    assert.notEqual(find(found, own).evidence, 'pr-number');
    assert.deepEqual(parseRevertMessage('Revert the cache (#12) (#13)', '')?.prNumbers, [12]);
    assert.deepEqual(parseRevertMessage('Revert import assertions (#13911)', '')?.prNumbers, []);
  });

  it('a CVS-era backout that names a patch or revision but no findable id is still a confident revert', async () => {
    const repo = fresh();
    repo.commit('Import the cert database', { 'certdb.c': lines(5, 'cert') });
    repo.commit('Bug 390 - add the cert override flags. r=dev', { 'flags.c': lines(5, 'flag') });
    // The CVS file revision it restores is not in this history: no id and no diff can link it.
    const backout = repo.commit('Back out revision 1.23 of certdb.c, the override fix for bug 390', { 'certdb.c': lines(5, 'cert') + 'restored older check;\n' });
    const plain = repo.commit('Back out to the main menu on Escape', { 'menu.c': lines(2, 'menu') });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, backout).kind, find(found, backout).reverted], ['revert', []]);
    assert.ok(find(found, backout).confidence >= 0.5);
    assert.equal(found.find((d) => d.sha === plain), undefined, 'a words-only "back out" without a change noun is not confident');
  });

  it('a topic reverted in words links every commit it undoes; one undone in part is a partial revert', async () => {
    const repo = fresh();
    const t1 = repo.commit('search: add index', { 'index.ts': lines(5, 'idx') });
    const t2 = repo.commit('search: add ranking', { 'rank.ts': lines(5, 'rank') });
    const topic = repo.commit('Revert the whole search topic for now', { 'index.ts': '', 'rank.ts': '' });
    const both = repo.commit('Add retries and timeouts', { 'retry.ts': lines(5, 'retry'), 'timeout.ts': lines(5, 'tmo') });
    const partial = repo.commit('back out the retries', { 'retry.ts': '' });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, topic).evidence, find(found, topic).reverted.sort()], ['diff-inverse', [t1, t2].sort()]);
    assert.deepEqual([find(found, partial).kind, find(found, partial).reverted, find(found, partial).files], ['partial-revert', [both], ['retry.ts']]);
  });

  it('"This reverts commit" counts only at the start of a line, and a squashed branch\'s own reverts are not confident', async () => {
    const repo = fresh();
    const a = repo.commit('Add parser', { 'parser.ts': lines(3, 'p') });
    const quoted = repo.commit(`docs: how reverts look\n\nFor example:\n\n    This reverts commit ${a}.\n> This reverts commit ${a}.`, { 'docs.md': 'x\n' });
    const squash = repo.commit('feat: add lexer (#9)\n\n* wip\n\n* Revert "wip"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.', { 'lexer.ts': lines(3, 'lex') });
    const all = await scanReverts(repo.path, { minConfidence: 0 });
    assert.equal(all.find((d) => d.sha === quoted), undefined);
    assert.ok(find(all, squash).confidence < 0.5);
    assert.deepEqual(await scanReverts(repo.path), []);
  });

  it('conventional revert: counts with a target, not as a component name', async () => {
    const repo = fresh();
    const feat = repo.commit('feat: add caching layer', { 'cache.ts': lines(3, 'c') });
    repo.commit('feat(revert): add --abort', { 'revert.ts': lines(3, 'r') });
    const component = repo.commit('revert: fix leak in abort path', { 'revert.ts': 'r line 1;\nfreed(buffer);\nr line 3;\n' });
    const real = repo.commit('revert: feat: add caching layer', { 'cache.ts': '' });
    const found = await scanReverts(repo.path);
    assert.equal(found.find((d) => d.sha === component), undefined);
    assert.deepEqual([find(found, real).reverted, find(found, real).evidence], [[feat], 'subject-exact']);
  });

  it('Phabricator and Subversion names: Revert r123 "X", Revert rG<sha>, and "Reverts r123" / "This undoes D123" body lines', async () => {
    const repo = fresh();
    const fold = repo.commit('[X86] Fold casts\n\nDifferential Revision: https://reviews.example.org/D4321\n\nllvm-svn: 312345', { 'fold.cpp': lines(4, 'fold') });
    const shift = repo.commit('[X86] Fold shifts\n\nllvm-svn: 312350', { 'shift.cpp': lines(6, 'shift') });
    const mask = repo.commit('[X86] Fold masks\n\nllvm-svn: 312360', { 'mask.cpp': lines(6, 'mask') });
    repo.commit('[docs] Describe folds\n\nllvm-svn: 312370', { 'folds.md': lines(2, 'doc') });
    const bySvn = repo.commit('Revert r312345 "[X86] Fold casts"\n\nBreaks stage2.\n\nllvm-svn: 312400', { 'fold.cpp': '' });
    const byGit = repo.commit(`Revert rG${shift} "[X86] Fold shifts"`, { 'shift.cpp': '' });
    // A fix under its own subject whose body names the review it undoes: linked by its diff.
    const byReview = repo.commit('[X86] Mask folding, second try\n\nThis undoes D4400, which miscompiled masks.', { 'mask.cpp': '', 'mask2.cpp': 'new approach;\n' });
    const words = repo.commit('[docs] Revert rationale for folds', { 'folds.md': lines(3, 'doc') });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, bySvn).reverted, find(found, bySvn).evidence], [[fold], 'subject-exact']);
    assert.deepEqual([find(found, byGit).reverted, find(found, byGit).evidence], [[shift], 'sha']);
    assert.deepEqual([find(found, byReview).kind, find(found, byReview).reverted, find(found, byReview).evidence], ['revert', [mask], 'diff-inverse']);
    assert.equal(found.find((d) => d.sha === words), undefined, 'a bracketed component before "Revert" with no name is not a revert');
    assert.deepEqual(parseRevertMessage('[X86] Fix fold', 'Reverts r312345 and r312346, which broke stage2.')?.revisions, ['r312345', 'r312346']);
    assert.equal(parseRevertMessage('Revert readme changes', '')?.revisions, undefined);
    // An abbreviated sha may be all digits: 10+ after a callsign is a commit, up to 9 a Subversion revision.
    assert.deepEqual(parseRevertMessage('Revert rG685469100159 "[X86] Fold"', '')?.shas, ['685469100159']);
    assert.deepEqual(parseRevertMessage('Revert rL312345678', '')?.revisions, ['rL312345678']);
    assert.equal(parseRevertMessage('Update docs', 'We could revert r12 later.'), null);
  });

  it('Chromium "Revert of <subject> (patchset #N id:N of <url>)" links the subject it names', async () => {
    const repo = fresh();
    const blobs = repo.commit('Add fast path for blobs', { 'blob.cc': lines(4, 'blob') });
    repo.commit('Tidy the blob tests', { 'blob_test.cc': lines(3, 'test') });
    const revert = repo.commit(
      'Revert of Add fast path for blobs (patchset #3 id:60001 of https://codereview.example.org/2310003/)\n\nReason for revert:\nBreaks the ASan bots.\n\nOriginal issue\'s description:\n> Add fast path for blobs',
      { 'blob.cc': '' },
    );
    const d = find(await scanReverts(repo.path), revert);
    assert.deepEqual([d.kind, d.reverted, d.evidence], ['revert', [blobs], 'subject-exact']);
    assert.ok(d.confidence >= 0.9, String(d.confidence));
    assert.equal(parseRevertMessage('Revert of the old menu behaviour', '')?.format, 'words');
  });

  it('a message naming several commits keeps the ones its diff still undoes', async () => {
    const repo = fresh();
    const a = repo.commit('Add alpha', { 'alpha.ts': lines(3, 'a') });
    const b = repo.commit('Add beta', { 'beta.ts': lines(3, 'b') });
    const both = repo.commit(`Revert "Add alpha"\n\nThis reverts commit ${a}.\n\nThis reverts commit ${b}.`, { 'alpha.ts': '' });
    assert.deepEqual(find(await scanReverts(repo.path), both).reverted, [a]);
  });

  it('"This reverts the following commits:" lists targets on their own lines', () => {
    const s1 = '0123456789abcdef0123456789abcdef01234567';
    const s2 = 'fedcba9876543210fedcba9876543210fedcba98';
    assert.deepEqual(parseRevertMessage('Revert the connect parsing', `This reverts the following commits:\n${s1}\n${s2}\n`)?.shas, [s1, s2]);
  });

  it('reads Linux Fixes: trailers as culprit links, not as reverts', () => {
    const body = 'Free the buffer on the error path.\n\nFixes: 1a2b3c4d5e6f ("net: add buffer pool")\nFixes: 1A2B3C4D5E6F\nSigned-off-by: A <a@example.com>\n  Fixes: 99999999 (quoted, not a trailer)';
    assert.deepEqual(parseFixesTrailers(body), ['1a2b3c4d5e6f']);
    assert.equal(parseRevertMessage('net: free buffer on error', body), null);
  });
});
