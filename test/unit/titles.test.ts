import * as assert from 'node:assert/strict';
import { slugify } from '../../src/core/incidents/slug';
import { incidentTitle, isDerivedTitle, unwrapRevertSubject } from '../../src/core/incidents/titles';

describe('incident titles', () => {
  it('strips nested Revert "…", Reapply "…" and revert: wrappers down to the culprit subject', () => {
    assert.equal(unwrapRevertSubject('Revert "fix(runtime-core): keep hooks (#15094)" (#15100)'), 'fix(runtime-core): keep hooks (#15094)');
    assert.equal(unwrapRevertSubject('Revert "Revert "Add cache""'), 'Add cache');
    assert.equal(unwrapRevertSubject('Reapply "Revert "Add cache""'), 'Add cache');
    assert.equal(unwrapRevertSubject('revert: feat(api): add limits'), 'feat(api): add limits');
    assert.equal(unwrapRevertSubject('revert(api): "x"'), '"x"');
    assert.equal(unwrapRevertSubject('Revert to the old parser'), 'Revert to the old parser', 'a "revert to" is not a wrapper');
    assert.equal(unwrapRevertSubject('  Add   cache '), 'Add cache');
  });

  it('is the symptom when known, else "<culprit subject> reverted", and its slug never says reverted-revert', () => {
    const title = incidentTitle({ revertSubject: 'Revert "fix(runtime-core): keep hooks (#15094)" (#15100)' });
    assert.equal(title, 'fix(runtime-core): keep hooks (#15094) reverted');
    assert.equal(slugify(title), 'fix-runtime-core-keep-hooks-15094-reverted');
    assert.equal(incidentTitle({ culpritSubject: 'Add cache', revertSubject: 'Revert "Add cache"' }), 'Add cache reverted');
    assert.equal(incidentTitle({ symptom: 'Checkout does nothing', culpritSubject: 'Add cache', revertSubject: 'Revert "Add cache"' }), 'Checkout does nothing');
    assert.equal(incidentTitle({ culpritSubject: 'Add cache' }), 'Add cache', 'no revert: the commit itself');
  });

  it('knows a derived title from a symptom', () => {
    assert.equal(isDerivedTitle('Add cache reverted', ['Add cache']), true);
    assert.equal(isDerivedTitle('Reverted: Revert "Add cache"', ['Add cache']), true);
    assert.equal(isDerivedTitle('Checkout does nothing', ['Add cache']), false);
  });
});
