import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWindowsReservedName, MAX_SLUG_LENGTH, slugify } from '../../src/core/incidents/slug';

const RUNS = Number(process.env.OWN_IT_FUZZ_RUNS ?? 200);
const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('incident slugs', () => {
  it('turns ordinary titles into readable slugs', () => {
    assert.equal(slugify('Checkout button does nothing'), 'checkout-button-does-nothing');
    assert.equal(slugify('  Revert "Add retry to payments" (#123)  '), 'revert-add-retry-to-payments-123');
    assert.equal(slugify('R&D build @ 5pm'), 'r-and-d-build-at-5pm');
  });

  it('neutralises path tricks', () => {
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('..\\..\\windows\\system32'), 'windows-system32');
    assert.equal(slugify('.hidden'), 'hidden');
    assert.equal(slugify('trailing dots... '), 'trailing-dots');
    assert.equal(slugify('..'), 'incident');
    assert.equal(slugify('/'), 'incident');
  });

  it('avoids Windows device names', () => {
    for (const name of ['CON', 'nul', 'Com1', 'LPT9', 'aux', 'PRN.']) {
      const slug = slugify(name);
      assert.ok(!isWindowsReservedName(slug), `${name} -> ${slug}`);
      assert.match(slug, /-incident$/);
    }
    assert.equal(slugify('console'), 'console');
    assert.ok(isWindowsReservedName('nul.md'));
  });

  it('bounds the length, preferring a word boundary', () => {
    const long = 'word '.repeat(60) + 'x'.repeat(300);
    const slug = slugify(long);
    assert.ok(slug.length <= MAX_SLUG_LENGTH, String(slug.length));
    assert.ok(!slug.endsWith('-'));
    assert.equal(slug, 'word-'.repeat(12).slice(0, -1));
    assert.equal(slugify('x'.repeat(300)).length, MAX_SLUG_LENGTH);
  });

  it('transliterates accents and drops what it cannot spell', () => {
    assert.equal(slugify('Crème brûlée für Straße'), 'creme-brulee-fur-strasse');
    assert.equal(slugify('Łódź outage'), 'lodz-outage');
    assert.equal(slugify('🔥🔥🔥'), 'incident');
    assert.equal(slugify('deploy 🔥 broke'), 'deploy-broke');
    assert.equal(slugify('\u202Egnp.exe\u202C login'), 'gnp-exe-login');
    assert.equal(slugify('שגיאה בפריסה'), 'incident');
    assert.equal(slugify('ﬁle ２'), 'file-2');
  });

  it('always yields a short, safe, idempotent slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (title) => {
        const slug = slugify(title);
        assert.match(slug, SAFE);
        assert.ok(slug.length <= MAX_SLUG_LENGTH + '-incident'.length);
        assert.ok(!isWindowsReservedName(slug));
        assert.equal(slugify(slug), slug);
      }),
      { numRuns: RUNS },
    );
  });
});
