import * as assert from 'node:assert/strict';
import type { CommitSummary } from '../../src/core/repo/repoQueries';
import { revertPromptText } from '../../src/core/repo/promptText';
import type { RevertDetection } from '../../src/core/revert/types';

const ORIGINAL = 'a'.repeat(40);
const REVERT = 'b'.repeat(40);
const me = 'alice@example.com';

function commits(revertEmail: string, originalEmail: string): Map<string, CommitSummary> {
  return new Map([
    [REVERT, { sha: REVERT, subject: 'Revert "Cache user sessions"', authorName: revertEmail === me ? 'Alice' : 'Bob', authorEmail: revertEmail }],
    [ORIGINAL, { sha: ORIGINAL, subject: 'Cache user sessions', authorName: originalEmail === me ? 'Alice' : 'Bob', authorEmail: originalEmail }],
  ]);
}

const detection: RevertDetection = {
  sha: REVERT,
  kind: 'revert',
  reverted: [ORIGINAL],
  evidence: 'sha',
  confidence: 0.95,
  subject: 'Revert "Cache user sessions"',
  author: 'Bob',
  date: '2026-01-05T10:00:00Z',
};

describe('revert prompt text', () => {
  it('speaks to the person who reverted', () => {
    assert.equal(revertPromptText(detection, { me, scope: 'mine', commits: commits(me, 'bob@example.com') }), 'You reverted "Cache user sessions" (aaaaaaa).');
  });

  it('tells the author when a teammate reverted their commit', () => {
    assert.equal(revertPromptText(detection, { me: 'ALICE@example.com', scope: 'mine', commits: commits('bob@example.com', me) }), 'Your commit "Cache user sessions" was reverted by Bob.');
  });

  it('stays quiet about other people\'s reverts unless the scope is "all"', () => {
    const others = commits('bob@example.com', 'carol@example.com');
    assert.equal(revertPromptText(detection, { me, scope: 'mine', commits: others }), undefined);
    assert.equal(revertPromptText(detection, { me, scope: 'all', commits: others }), 'Bob reverted "Cache user sessions" (aaaaaaa).');
  });

  it('never prompts for a reapply, and says "partly" for partial reverts', () => {
    assert.equal(revertPromptText({ ...detection, kind: 'reapply' }, { me, scope: 'all', commits: commits(me, me) }), undefined);
    assert.equal(revertPromptText({ ...detection, kind: 'partial-revert' }, { me, scope: 'mine', commits: commits(me, me) }), 'You partly reverted "Cache user sessions" (aaaaaaa).');
  });

  it('falls back to the revert itself when the original is not in this history', () => {
    const lone = { ...detection, reverted: [], evidence: 'none' as const };
    assert.equal(revertPromptText(lone, { me, scope: 'mine', commits: commits(me, me) }), 'You reverted "Revert \\"Cache user sessions\\"" (bbbbbbb).'.replace(/\\"/g, '"'));
  });

  it('keeps long subjects to one short line', () => {
    const long = commits(me, me);
    long.set(ORIGINAL, { ...long.get(ORIGINAL)!, subject: 'x'.repeat(200) + '\n<b>y</b>' });
    const text = revertPromptText(detection, { me, scope: 'mine', commits: long })!;
    assert.ok(text.length < 100, text);
    assert.ok(!text.includes('\n'));
  });
});
