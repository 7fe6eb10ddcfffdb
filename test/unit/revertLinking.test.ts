import * as assert from 'node:assert/strict';
import { scanReverts } from '../../src/core/revert/revertScanner';
import type { RevertDetection } from '../../src/core/revert/types';
import { cherryPickedCopy } from '../helpers/linkShapes';
import { BOB, useTempRepos } from '../helpers/tempRepo';

/**
 * Linking causes found in the labeled corpus (docs/detection-eval.md, round three): each test
 * rebuilds the shape of one cause in a real repository with our own content.
 */
describe('revert linking (real git)', function () {
  this.timeout(60000);
  const fresh = useTempRepos();

  const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} statement number ${i + 1};`).join('\n') + '\n';
  function find(found: RevertDetection[], sha: string): RevertDetection {
    const d = found.find((x) => x.sha === sha);
    assert.ok(d, `no detection for ${sha}`);
    return d;
  }

  it('a sha line naming the copy of a commit from before a rebase links the copy in this history', async () => {
    const repo = fresh();
    const { before, copy } = cherryPickedCopy(repo, lines);
    // The revert was written against the old branch: its message names `before`, not an ancestor.
    const revert = repo.commit(`Revert "Drop the legacy styles"\n\nThis reverts commit ${before}.`, { 'keep.ts': '' });
    repo.git('branch', '-q', '-D', 'old');
    const d = find(await scanReverts(repo.path), revert);
    assert.notEqual(copy, before);
    assert.deepEqual([d.reverted, d.evidence], [[copy], 'subject-exact']);
  });

  it('a sha line naming an ancestor keeps its sha link', async () => {
    const repo = fresh();
    const a = repo.commit('Drop the legacy styles', { 'keep.ts': lines(2, 'keep') });
    const revert = repo.revert(a);
    const d = find(await scanReverts(repo.path), revert);
    assert.deepEqual([d.reverted, d.evidence], [[a], 'sha']);
  });

  it('a quoted subject that a merge carries as "X (#N)" links the merged commit "X"', async () => {
    const repo = fresh();
    repo.commit('Base', { 'base.ts': lines(3, 'base') });
    repo.git('checkout', '-q', '-b', 'topic');
    const side = repo.commit('Tidy the lexers', { 'lexer.ts': lines(6, 'lex') });
    repo.git('checkout', '-q', 'main');
    repo.commit('Other work', { 'other.ts': lines(2, 'other') });
    repo.git('merge', '-q', '--no-ff', '-m', 'Tidy the lexers (#42)', 'topic');
    const merge = repo.head();
    const revert = repo.commit('Revert "Tidy the lexers"', { 'lexer.ts': '' });
    const d = find(await scanReverts(repo.path), revert);
    assert.notEqual(side, merge);
    assert.deepEqual([d.reverted, d.evidence], [[side], 'subject-exact']);
  });

  it('a revert in words links an original that also moved a line (nothing it replaced is restored)', async () => {
    const repo = fresh();
    const doc = Array.from({ length: 5 }, (_, i) => `# usage note ${i + 1} for the example`).join('\n');
    repo.commit('Example app', { 'app.py': 'def main():\n    window.create()\n    window.show()\n    loop.run()\n' });
    // Adds a usage note and a config block, and moves one line: that removed line is added back.
    const change = repo.commit('Document embedding', {
      'app.py': `${doc}\ndef main():\n    window.create()\n    loader = ConfigLoader.instance()\n    loader.load_config_file()\n    loader.apply_colors(window)\n    loop.run()\n    window.show()\n`,
    });
    // Takes the config block out again, keeps the note and the line where it now is.
    const revert = repo.commit('Revert config-loading change in the example', {
      'app.py': `${doc}\ndef main():\n    window.create()\n    loop.run()\n    window.show()\n`,
    });
    const d = find(await scanReverts(repo.path), revert);
    assert.deepEqual([d.reverted, d.evidence], [[change], 'diff-inverse']);
  });

  it('a revert in words links an original whose added lines it takes out, though what they replaced stays gone', async () => {
    const repo = fresh();
    repo.commit('Evaluator', { 'eval.py': 'def assign(target):\n    store_plain_name(target)\n    return target\n' });
    const block = lines(6, 'subscript');
    // Replaces one line with a six-line block.
    const change = repo.commit('Support subscript assignment', { 'eval.py': `def assign(target):\n${block}    return target\n` });
    // Takes five of the six lines out again; the replaced line does not come back.
    const revert = repo.commit('revert-subscript-changes', { 'eval.py': `def assign(target):\n${block.split('\n').slice(5).join('\n')}    return target\n` });
    const d = find(await scanReverts(repo.path), revert);
    assert.deepEqual([d.reverted, d.evidence], [[change], 'diff-inverse']);
  });

  it('a revert in words links its original in a history from 1974 (the walk for it starts a year earlier, before March 1973)', async () => {
    // The diff walk is bounded by `--since` a year before the revert; git read a bare `@N` below
    // 100000000 (1973-03-03) as no date it knew and walked nothing, so the revert stayed unlinked.
    const repo = fresh();
    const day = (n: number): Date => new Date(Date.UTC(1974, 0, n));
    repo.commit('Evaluator', { 'eval.py': 'def assign(target):\n    store_plain_name(target)\n    return target\n' }, undefined, day(1));
    const block = lines(6, 'subscript');
    const change = repo.commit('Support subscript assignment', { 'eval.py': `def assign(target):\n${block}    return target\n` }, undefined, day(2));
    const revert = repo.commit('revert-subscript-changes', { 'eval.py': `def assign(target):\n${block.split('\n').slice(5).join('\n')}    return target\n` }, undefined, day(3));
    const d = find(await scanReverts(repo.path), revert);
    assert.deepEqual([d.reverted, d.evidence], [[change], 'diff-inverse']);
  });

  it('words-only reverts of a small part of a large commit are partial reverts of it', async () => {
    const repo = fresh();
    const ported = lines(30, 'port');
    const big = repo.commit('Port the backend', { 'backend.py': `${ported}unintended_flag = compute_value(alpha)\nprint_debug(unintended_flag)\n` });
    repo.commit('Unrelated docs', { 'README': lines(3, 'doc') });
    // Two lines of the 32 the port added, in the same file: far below a third of the port.
    const part = repo.commit('Reverted an unintended change in the backend', { 'backend.py': ported });
    const d = find(await scanReverts(repo.path), part);
    assert.deepEqual([d.kind, d.reverted, d.evidence], ['partial-revert', [big], 'diff-inverse']);
    assert.deepEqual(d.files, ['backend.py']);
  });

  it('a commit that says revert and undoes most of one commit links it even with new work beside it', async () => {
    const repo = fresh();
    const swap = repo.commit('Use escalade for lookups', { 'lookup.ts': lines(12, 'escalade') });
    repo.commit('Unrelated', { 'other.ts': lines(2, 'other') });
    // Undoes the swap and adds twice as much new work: the undo explains a third of the commit.
    const fix = repo.commit('fix: revert usage of escalade as it breaks old runtimes', { 'lookup.ts': '', 'compat.ts': lines(24, 'compat') }, BOB);
    const d = find(await scanReverts(repo.path), fix);
    assert.deepEqual([d.reverted, d.evidence], [[swap], 'diff-inverse']);
  });

  it('a revert verb opening a later clause of the subject is a revert when the diff agrees', async () => {
    const repo = fresh();
    const runtime = repo.commit('Use the runtime helpers', { 'build.js': lines(6, 'runtime') });
    repo.commit('Unrelated', { 'other.ts': lines(2, 'other') });
    const clause = repo.commit('Improve error reporting; revert the runtime helpers change', { 'build.js': '' });
    // The same words over a diff that undoes nothing stay out.
    const words = repo.commit('Tidy the docs; revert wording', { 'docs.md': lines(4, 'docs') });
    const found = await scanReverts(repo.path);
    assert.deepEqual([find(found, clause).reverted, find(found, clause).evidence], [[runtime], 'diff-inverse']);
    assert.equal(
      found.find((x) => x.sha === words),
      undefined,
    );
  });

  it('a commit that says revert but only edits a few lines of a larger commit further is not linked', async () => {
    const repo = fresh();
    repo.commit('Add the parser', { 'parser.ts': lines(20, 'parse') });
    // Rewrites two of its lines (no line is brought back) and adds new work: an edit, not an undo.
    const edit = repo.commit('revert to simpler names in the parser', {
      'parser.ts': lines(20, 'parse').replace('parse statement number 1;', 'renamed first;').replace('parse statement number 2;', 'renamed second;'),
      'names.ts': lines(8, 'names'),
    });
    const found = await scanReverts(repo.path);
    assert.equal(
      found.find((x) => x.sha === edit),
      undefined,
    );
  });
});
