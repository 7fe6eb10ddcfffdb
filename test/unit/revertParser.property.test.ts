import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CANDIDATE_GREP_PATTERNS } from '../../src/core/revert/historyReader';
import { isCandidateMessage } from '../../src/core/revert/historyWalk';
import { parseRevertMessage, type ParsedRevertMessage } from '../../src/core/revert/messageParser';

/** Small by default so `npm test` stays fast; `OWN_IT_FUZZ_RUNS=100000 npx mocha …` to dig deeper. */
const numRuns = Number(process.env.OWN_IT_FUZZ_RUNS ?? 300);

/** The same patterns git applies (`-E -i`), with the POSIX class spelled for JavaScript. */
const candidateFilter = new RegExp(CANDIDATE_GREP_PATTERNS.map((p) => p.replace(/\[\[:blank:\]\]/g, '[ \\t]')).join('|'), 'i');

const sha = fc.stringMatching(/^[0-9a-f]{7,40}$/);
const words = fc.array(fc.constantFrom('Add', 'login', 'fix', '(#12)', '"', '…', '...', 'Revert', 'revert:', 'x', ' ', '\n', '#', '!3'), {
  maxLength: 8,
}).map((w) => w.join(' '));
/** Messages built from the shapes the parser knows, mixed with noise, so the rules get exercised. */
const revertish = fc.tuple(
  fc.constantFrom('Revert "', 'Reapply "', 'Revert^2 "', 'revert: ', 'fix: Revert "', 'Partially revert "', 'Rollback of "', 'Backed out changeset ', ''),
  words,
  fc.constantFrom('"', '…', '" (#130)', ''),
  fc.constantFrom('This reverts commit ', 'Reverts acme/web#', 'This reverts merge request !', 'Refs: ', 'Reason for revert: ', ''),
  sha,
  fc.string({ maxLength: 40 }),
);

function assertWellFormed(p: ParsedRevertMessage | null): void {
  if (p === null) return;
  assert.ok(['revert', 'reapply', 'partial-revert'].includes(p.kind));
  assert.equal(typeof p.format, 'string');
  assert.ok(Array.isArray(p.shas));
  for (const s of p.shas) assert.match(s, /^[0-9a-f]{4,64}$/);
  assert.equal(new Set(p.shas).size, p.shas.length);
  if (p.mergeParent !== undefined) {
    assert.match(p.mergeParent, /^[0-9a-f]{4,64}$/);
    assert.ok(!p.shas.includes(p.mergeParent));
  }
  for (const n of p.prNumbers) assert.ok(Number.isSafeInteger(n) && n >= 0);
  if (p.mrNumber !== undefined) assert.ok(Number.isSafeInteger(p.mrNumber) && p.mrNumber >= 0);
  if (p.subject !== undefined) {
    assert.equal(typeof p.subject, 'string');
    assert.ok(!p.subject.includes('\n'));
  }
  assert.equal(typeof p.subjectTruncated, 'boolean');
}

describe('parseRevertMessage (properties)', () => {
  it('never throws and returns well-formed results for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 600, unit: 'binary' }), (s, b) => {
        assertWellFormed(parseRevertMessage(s, b));
      }),
      { numRuns },
    );
  });

  it('stays well-formed on revert-shaped messages', () => {
    fc.assert(
      fc.property(revertish, ([head, middle, tail, bodyHead, hex, noise]) => {
        const subject = `${head}${middle}${tail}`;
        const body = `${noise}\n\n${bodyHead}${hex}.\n`;
        assertWellFormed(parseRevertMessage(subject, body));
      }),
      { numRuns },
    );
  });

  it('only accepts messages git lets through the candidate --grep filter', () => {
    fc.assert(
      fc.property(revertish, fc.string({ maxLength: 200 }), ([head, middle, tail, bodyHead, hex, noise], extra) => {
        const subject = `${head}${middle}${tail}`;
        const body = `${noise}${extra}\n${bodyHead}${hex}\n`;
        if (parseRevertMessage(subject, body) !== null) {
          // git greps line by line; any accepted message must have a line the filter matches.
          assert.ok(`${subject}\n${body}`.split('\n').some((line) => candidateFilter.test(line)), subject);
          // …and the scan's own filter, applied in Node, lets it through.
          assert.ok(isCandidateMessage(subject, body), subject);
        }
      }),
      { numRuns },
    );
  });

  it('finds every sha written after "This reverts commit"', () => {
    fc.assert(
      fc.property(fc.array(sha, { minLength: 1, maxLength: 5 }), words, (shas, subject) => {
        const body = shas.map((s) => `This reverts commit ${s}.`).join('\n');
        const p = parseRevertMessage(subject, body);
        assert.ok(p);
        for (const s of shas) assert.ok(p.shas.includes(s) || p.mergeParent === s);
      }),
      { numRuns },
    );
  });
});
