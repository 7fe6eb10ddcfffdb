import * as assert from 'node:assert/strict';
import { IncidentFileError, newIncident, parseIncident, serializeIncident } from '../../src/core/incidents';
import { parseIncidentForListing, readIncidentFast } from '../../src/core/incidents/listingParser';
import { readMarkers, withItemIds } from '../../src/core/githost';

describe('action item ids and issue links in incident files', () => {
  const base = newIncident(
    {
      id: 'inc-1',
      title: 'Checkout down',
      actions: [
        { id: 'a1', text: 'Test', done: false, kind: 'test', issue: 'https://github.com/acme/shop/issues/7' },
        { text: 'Checklist', done: true, kind: 'checklist' },
      ],
    },
    new Date('2026-01-05T09:00:00Z'),
  );

  it('round-trips id and issue, and the listing fast path reads them exactly as the full parser', () => {
    const raw = serializeIncident(base);
    assert.match(raw, /id: a1\n/);
    assert.match(raw, /issue: https:\/\/github.com\/acme\/shop\/issues\/7/);
    assert.match(raw, /\[issue #7\]\(https:\/\/github.com\/acme\/shop\/issues\/7\)/);
    const full = parseIncident(raw, 'x.md');
    assert.deepEqual(full.actions, base.actions);
    const fast = readIncidentFast(raw);
    assert.ok(fast, 'the fast path answers for files Own It writes');
    assert.equal(JSON.stringify(fast), JSON.stringify(full));
  });

  it('reports an id or issue link it cannot use, with the line', () => {
    const raw = serializeIncident(base).replace('id: a1', 'id: "a 1"').replace('https://github.com/acme/shop/issues/7', 'javascript:alert(1)');
    assert.throws(
      () => parseIncidentForListing(raw, 'x.md'),
      (err: unknown) =>
        err instanceof IncidentFileError &&
        err.problems.some((p) => /actions\[0\]\.id must be letters/.test(p.message)) &&
        err.problems.some((p) => /actions\[0\]\.issue must be an issue URL/.test(p.message)),
    );
  });

  it('gives items without an id the next free a<n>, the same way every time', () => {
    const ids = withItemIds([
      { text: 'x', done: false, kind: 'fix' },
      { id: 'a2', text: 'y', done: false, kind: 'fix' },
      { text: 'z', done: false, kind: 'fix' },
      { id: 'custom', text: 'w', done: false, kind: 'fix' },
    ]).map((a) => a.id);
    assert.deepEqual(ids, ['a3', 'a2', 'a4', 'custom']);
  });

  it('reads markers only in the exact form Own It writes', () => {
    assert.deepEqual(readMarkers('x\n<!-- own-it:action incident=inc-1 item=a2 -->'), [{ incident: 'inc-1', item: 'a2' }]);
    assert.deepEqual(readMarkers('own-it:action incident= item=a2'), []);
    assert.deepEqual(readMarkers(null), []);
  });
});
