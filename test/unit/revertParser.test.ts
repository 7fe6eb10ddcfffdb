import * as assert from 'node:assert/strict';
import { parseRevertMessage } from '../../src/core/revert/messageParser';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const SHA2 = 'fedcba9876543210fedcba9876543210fedcba98';

function parse(subject: string, body = '') {
  return parseRevertMessage(subject, body);
}

describe('parseRevertMessage', () => {
  it('reads git default reverts', () => {
    assert.deepEqual(parse('Revert "Add login"', `This reverts commit ${SHA}.\n`), {
      kind: 'revert',
      format: 'git',
      shas: [SHA],
      subject: 'Add login',
      subjectTruncated: false,
      prNumbers: [],
      signal: 'subject',
    });
  });

  it('reads abbreviated and several shas, lower-cased and de-duplicated', () => {
    const p = parse('Undo two changes', 'This reverts commits 1A2B3C4, 5d6e7f8 and 9a0b1c2.\nThis reverts commit 1a2b3c4.');
    assert.deepEqual(p?.shas, ['1a2b3c4', '5d6e7f8', '9a0b1c2']);
  });

  it('reads the --reference form without taking words from the quoted subject', () => {
    const p = parse('Stop double emails', 'This reverts commit e2f321b (add cafe1234 mailer, 2026-01-05).\n');
    assert.deepEqual(p?.shas, ['e2f321b']);
    assert.equal(p?.subject, undefined);
  });

  it('reads merge reverts whose "reversing changes" clause wraps onto the next line', () => {
    const p = parse('Revert "Merge branch \'f\'"', `This reverts commit ${SHA}, reversing\nchanges made to ${SHA2}.\n`);
    assert.deepEqual(p?.shas, [SHA]);
    assert.equal(p?.mergeParent, SHA2);
  });

  it('counts nesting: a revert of a revert is a reapply of the original', () => {
    assert.equal(parse('Revert "Revert "Add login""')?.kind, 'reapply');
    assert.equal(parse('Revert "Revert "Add login""')?.subject, 'Revert "Add login"');
    assert.equal(parse('Revert "Revert "Revert "Add login"""')?.kind, 'revert');
    assert.equal(parse('Reapply "Add login"')?.subject, 'Revert "Add login"');
    assert.equal(parse('Reapply "Add login"')?.kind, 'reapply');
    assert.equal(parse('Revert^2 "Add login"')?.kind, 'reapply');
    assert.equal(parse('Revert^3 "Add login"')?.subject, 'Revert^2 "Add login"');
  });

  it('reads partial reverts from the message', () => {
    assert.equal(parse('Partially revert "Add login"')?.kind, 'partial-revert');
    assert.deepEqual(parse('Partial revert of 1a2b3c4')?.shas, ['1a2b3c4']);
    assert.equal(parse('Keep the new form', 'This partially reverts commit 1a2b3c4.')?.kind, 'partial-revert');
    assert.equal(parse('Revert "Add login"', 'This reverts only part of commit 1a2b3c4: the form stays.')?.kind, 'partial-revert');
  });

  it('reads GitHub squash merges, truncated subjects and PR references', () => {
    const squash = parse('Revert "Add search (#123)" (#130)', 'Reverts acme/web#123');
    assert.equal(squash?.subject, 'Add search (#123)');
    assert.deepEqual(squash?.prNumbers, [123]);
    assert.equal(squash?.format, 'github');

    const cut = parse('Revert "Add a long search feature that goes…" (#131)');
    assert.equal(cut?.subject, 'Add a long search feature that goes');
    assert.equal(cut?.subjectTruncated, true);
    assert.equal(parse('Revert "Add a long search feature that goes..."')?.subjectTruncated, true);

    const wrapped = parse('Revert "Add a long search feature that goes on and …', '…on (#124)" (#131)\n\nReverts acme/web#124');
    assert.equal(wrapped?.subject, 'Add a long search feature that goes on and on (#124)');
    assert.equal(wrapped?.subjectTruncated, false);

    const merge = parse('Merge pull request #132 from acme/revert-125-feature', 'Revert "Add feature"');
    assert.deepEqual(merge?.prNumbers, [125]);
    assert.equal(parse('Merge pull request #133 from acme/revert-132-revert-125-feature')?.kind, 'reapply');
  });

  it('reads Conventional Commits reverts', () => {
    const p = parse('revert: feat(auth): add login (#12)', 'Refs: 1a2b3c4d, 5e6f7a8b');
    assert.equal(p?.subject, 'feat(auth): add login (#12)');
    assert.deepEqual(p?.prNumbers, [12]);
    assert.deepEqual(p?.shas, ['1a2b3c4d', '5e6f7a8b']);
    assert.deepEqual(parse('revert(api)!: 1a2b3c4d')?.shas, ['1a2b3c4d']);
    assert.equal(parse('revert(api)!: 1a2b3c4d')?.subject, undefined);
    assert.equal(parse('fix: Revert "Add login"')?.subject, 'Add login');
  });

  it('reads GitLab, Gerrit, Mercurial and rollback formats', () => {
    assert.equal(parse('Revert "Add export"', 'This reverts merge request !42')?.mrNumber, 42);
    assert.equal(parse('Fix the build', 'Reason for revert: it broke CI\n\nChange-Id: I0123')?.format, 'gerrit');
    assert.deepEqual(parse('Backed out changeset 1a2b3c4d5e6f (bug 123) for breaking tests')?.shas, ['1a2b3c4d5e6f']);
    assert.deepEqual(parse('Backed out 2 changesets', 'Backed out changeset 1a2b3c4d5e6f\nBacked out changeset 0f9e8d7c6b5a')?.shas, [
      '1a2b3c4d5e6f',
      '0f9e8d7c6b5a',
    ]);
    assert.equal(parse('Rollback of "Add login"')?.subject, 'Add login');
    assert.deepEqual(parse('Automated rollback of commit 1a2b3c4d5e6f.')?.shas, ['1a2b3c4d5e6f']);
  });

  it('reads a revert verb opening a later clause of the subject as words only (weak)', () => {
    for (const subject of ['Improve syntax error reporting; revert babel-runtime change.', 'oops, revert failed application of patch 2/9', 'Ran the formatter, reverted changes on io.py.']) {
      const parsed = parse(subject);
      assert.deepEqual([parsed?.format, parsed?.signal, parsed?.kind], ['words', 'weak', 'revert'], subject);
    }
    for (const subject of ['Fix the revert button, again', 'Explain reverts; see the guide']) assert.equal(parse(subject), null, subject);
  });

  it('ignores incidental words, or marks them weak so that only a diff can make them count', () => {
    for (const [subject, body] of [
      ['revert to threads in config', ''],
      ['fix revert logic in parser', ''],
      ['fix: revert logic in parser', 'The revert path dropped the last commit.'],
      ['undo button styling', ''],
      ['Reverting the cache TTL is discussed in #12', ''],
      ['Revert defaced page', ''],
      ['docs: explain how to revert a deploy', 'Use `git revert <sha>` and push.'],
      ['Add rollback button', 'Rolls back the last deploy.'],
      ['Revert', ''],
    ]) {
      const parsed = parse(subject, body);
      assert.ok(parsed === null || parsed.signal === 'weak', subject);
    }
  });
});
