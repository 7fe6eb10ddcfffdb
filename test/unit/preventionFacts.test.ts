import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newIncident, type ActionItem } from '../../src/core/incidents';
import { CATEGORY_ITEMS, PLACEHOLDER_MARKER, planChecklist, writeChecklist } from '../../src/core/scaffold';
import {
  checklistItemsFor,
  deriveIncident,
  filesChangedBetween,
  filesChangedBy,
  isRecentIncident,
  linkedTestStatus,
  linkedTestStatuses,
  revertedShas,
} from '../../src/prevention/incidentFacts';
import { changeReminderText, reappliedSubject, reapplyText, reapplyVerdict } from '../../src/prevention/reminderText';
import { TempRepo } from '../helpers/tempRepo';

const DAY = 24 * 60 * 60 * 1000;

describe('prevention facts: linked tests, checklists and culprit files', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = TempRepo.create()));
  afterEach(() => repo.dispose());

  describe('linked test status', () => {
    it('is pending with the placeholder, done without it, missing when the file is gone or outside the repository', async () => {
      repo.write('test/a.test.js', `throw new Error('${PLACEHOLDER_MARKER}: write me');\n`);
      repo.write('test/b.test.js', "test('b', () => {});\n");
      assert.equal(await linkedTestStatus(repo.path, 'test/a.test.js'), 'pending');
      assert.equal(await linkedTestStatus(repo.path, 'test/b.test.js'), 'done');
      assert.equal(await linkedTestStatus(repo.path, 'test/c.test.js'), 'missing');
      fs.writeFileSync(path.join(path.dirname(repo.path), 'outside.test.js'), "test('x', () => {});\n");
      assert.equal(await linkedTestStatus(repo.path, '../outside.test.js'), 'missing');
      assert.equal(await linkedTestStatus(repo.path, 'test'), 'missing', 'a folder is not a test');
    });

    it('derives done for linked test actions from the file and leaves every other action as stored', async () => {
      repo.write('test/a.test.js', `// ${PLACEHOLDER_MARKER}\n`);
      repo.write('test/b.test.js', '// written\n');
      const actions: ActionItem[] = [
        { text: 'a', kind: 'test', done: true, path: 'test/a.test.js' },
        { text: 'b', kind: 'test', done: false, path: 'test/b.test.js' },
        { text: 'c', kind: 'test', done: true, path: 'test/gone.test.js' },
        { text: 'unlinked test', kind: 'test', done: true },
        { text: 'checklist', kind: 'checklist', done: false, path: 'test/a.test.js' },
      ];
      const incident = newIncident({ title: 'X', actions });
      const derived = await deriveIncident(repo.path, incident);
      assert.deepEqual(
        derived.actions.map((a) => a.done),
        [false, true, false, true, false],
      );
      assert.deepEqual(incident.actions.map((a) => a.done), [true, false, true, true, false], 'the input is not mutated');
      assert.deepEqual(await linkedTestStatuses(repo.path, actions), { 'test/a.test.js': 'pending', 'test/b.test.js': 'done', 'test/gone.test.js': 'missing' });
      const plain = newIncident({ title: 'Y', actions: [{ text: 'fix', kind: 'fix', done: false }] });
      assert.equal(await deriveIncident(repo.path, plain), plain);
    });
  });

  it('counts open incidents and those resolved in the last 30 days as recent', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    assert.equal(isRecentIncident(newIncident({ title: 'open' }), now), true);
    assert.equal(isRecentIncident(newIncident({ title: 'mitigated', status: 'mitigated' }), now), true);
    assert.equal(isRecentIncident(newIncident({ title: 'r', status: 'resolved', resolved: new Date(now.getTime() - 10 * DAY).toISOString() }), now), true);
    assert.equal(isRecentIncident(newIncident({ title: 'r', status: 'resolved', resolved: new Date(now.getTime() - 31 * DAY).toISOString() }), now), false);
    assert.equal(isRecentIncident(newIncident({ title: 'r', status: 'resolved' }), now), false, 'resolved without a date');
  });

  it('reads only the checklist items that link back to this incident', async () => {
    const mine = 'docs/incidents/2026-01-05-config.md';
    const other = 'docs/incidents/2026-01-06-other.md';
    await writeChecklist(repo.path, await planChecklist(repo.path, { incidentPath: mine, category: 'config', lesson: 'Diff staging config against production', area: 'config' }));
    await writeChecklist(repo.path, await planChecklist(repo.path, { incidentPath: other, lesson: 'Someone else’s lesson', area: 'config' }));
    const actions: ActionItem[] = [
      { text: 'Checklist', kind: 'checklist', done: true, path: 'docs/checklists/config.md' },
      { text: 'Checklist', kind: 'checklist', done: true, path: 'docs/checklists/config.md' },
      { text: 'Missing', kind: 'checklist', done: true, path: 'docs/checklists/missing.md' },
      { text: 'Escape', kind: 'checklist', done: true, path: '../etc/passwd' },
    ];
    const found = await checklistItemsFor(repo.path, mine, actions);
    assert.deepEqual(found, [{ path: 'docs/checklists/config.md', items: [...CATEGORY_ITEMS.config, 'Diff staging config against production'] }]);
    assert.deepEqual(await checklistItemsFor(repo.path, other, actions), [{ path: 'docs/checklists/config.md', items: ['Someone else’s lesson'] }]);
    assert.deepEqual(await checklistItemsFor(repo.path, 'docs/incidents/none.md', actions), []);
  });

  it('lists the files a commit changed, including a root commit and names with spaces, and nothing for unknown or option-like revisions', async () => {
    const first = repo.commit('init', { 'README.md': '# x\n', 'src/a b.js': 'a\n' });
    const second = repo.commit('change', { 'src/pay.js': 'pay\n', 'src/a b.js': 'a2\n' });
    assert.deepEqual((await filesChangedBy(repo.path, first)).sort(), ['README.md', 'src/a b.js']);
    assert.deepEqual((await filesChangedBy(repo.path, second)).sort(), ['src/a b.js', 'src/pay.js']);
    assert.deepEqual(await filesChangedBy(repo.path, 'deadbeefdeadbeef'), []);
    assert.deepEqual(await filesChangedBy(repo.path, '--output=/tmp/x'), []);
    const third = repo.commit('more', { 'docs/c.md': 'c\n' });
    assert.deepEqual((await filesChangedBetween(repo.path, first, third)).sort(), ['docs/c.md', 'src/a b.js', 'src/pay.js']);
    assert.deepEqual((await filesChangedBetween(repo.path, undefined, first)).sort(), ['README.md', 'src/a b.js']);
    assert.deepEqual(await filesChangedBetween(repo.path, '-x', third), []);
  });

  it('lists a merge commit’s files against its first parent', async () => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'side.txt': 's\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'main.txt': 'm\n' });
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'side');
    assert.deepEqual(await filesChangedBy(repo.path, repo.head()), ['side.txt']);
  });

  it('follows a revert back to the commit it reverted', async () => {
    repo.commit('init', { 'a.txt': 'a\n' });
    const bad = repo.commit('bad', { 'a.txt': 'b\n' });
    const revert = repo.revert(bad);
    assert.deepEqual(await revertedShas(repo.path, revert), [bad]);
    assert.deepEqual(await revertedShas(repo.path, bad), []);
  });
});

describe('prevention reminder text', () => {
  const checklists = [{ path: 'docs/checklists/config.md', items: ['one', 'two', 'three', 'four'] }];

  it('names the file, the incident and at most three checklist items', () => {
    assert.equal(
      changeReminderText(['src/pay.ts'], { title: 'Payments failed', checklists, tests: [] }),
      'You\'re changing src/pay.ts, touched by incident "Payments failed". Checklist: one; two; three (+1 more).',
    );
    assert.equal(
      changeReminderText(['a.ts', 'b.ts', 'c.ts'], { title: 'T', checklists: [], tests: [{ path: 'test/t.test.ts', status: 'pending' }] }, 1),
      'You\'re changing a.ts, b.ts and 1 more, touched by incident "T". It has no checklist yet. Its regression test test/t.test.ts is still a placeholder. (1 other incident touched them too.)',
    );
  });

  it('says whether a re-applied change has its regression test', () => {
    assert.equal(reapplyVerdict([]), 'none');
    assert.equal(reapplyVerdict([{ status: 'missing' }]), 'none');
    assert.equal(reapplyVerdict([{ status: 'done' }, { status: 'pending' }]), 'placeholder');
    assert.equal(
      reapplyText('Add cache', [{ path: 'test/cache.test.ts', status: 'pending' }]),
      'You re-applied "Add cache". Its regression test test/cache.test.ts is still a placeholder — write it before this ships.',
    );
    assert.equal(reapplyText('Add cache', [{ path: 'test/cache.test.ts', status: 'done' }]), 'You re-applied "Add cache". It has a regression test (test/cache.test.ts, written).');
    assert.equal(reapplyText('Add cache', []), 'You re-applied "Add cache". It has no regression test yet. Scaffold one?');
  });

  it('finds the original subject inside reapply and revert-of-revert messages', () => {
    assert.equal(reappliedSubject('Reapply "Add cache"'), 'Add cache');
    assert.equal(reappliedSubject('Revert "Revert "Add cache""'), 'Add cache');
    assert.equal(reappliedSubject('Revert^2 "Add cache"'), 'Add cache');
    assert.equal(reappliedSubject('Add cache'), 'Add cache');
  });
});
