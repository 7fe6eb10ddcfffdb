import * as assert from 'node:assert/strict';
import { mergeTimeline } from '../../src/core/commits/timeline';
import { readIncidentFacts } from '../../src/core/facts/incidentFacts';
import { BOB, TempRepo } from '../helpers/tempRepo';

const refs = (culprits: string[], revert?: string) => ({ culprits, deployRefs: [], ...(revert ? { revert } : {}) });

describe('timeline from git facts', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'a.txt': 'a\n' });
  });
  afterEach(() => repo.dispose());

  it('derives authored, landed, deployed and reverted events, each with its source, using the deploy tag pattern', async () => {
    const culprit = repo.commit('Add cache', { 'a.txt': 'b\n' }, BOB);
    repo.git('tag', 'deploy/2026-01-05', culprit);
    repo.git('tag', 'unrelated', culprit);
    const revert = repo.revert(culprit);
    repo.git('tag', 'deploy/2026-01-06', revert);
    const { events } = await readIncidentFacts(repo.path, refs([culprit], revert), { tagPattern: 'deploy/*' });
    assert.deepEqual(events.map((e) => [e.source, e.text]), [
      ['git', `${BOB.name} authored ${culprit.slice(0, 7)} “Add cache”`],
      ['git', `${culprit.slice(0, 7)} landed on main`],
      ['deploy', `deploy/2026-01-05 deployed ${culprit.slice(0, 7)}`],
      ['git', `Alice Example reverted ${culprit.slice(0, 7)} in ${revert.slice(0, 7)}`],
      ['deploy', `deploy/2026-01-06 deployed the revert ${revert.slice(0, 7)}`],
    ]);
  });

  it('uses only the configured pattern (default deploy/*/*), and the first matching tag by date', async () => {
    const culprit = repo.commit('Add cache', { 'a.txt': 'b\n' });
    repo.git('tag', 'v1.0', culprit);
    repo.git('tag', 'deploy/2026-01-05', culprit);
    const none = await readIncidentFacts(repo.path, refs([culprit]));
    assert.equal(none.events.filter((e) => e.source === 'deploy').length, 0, 'deploy/2026-01-05 does not match deploy/*/*');
    repo.git('tag', '-a', '-m', 'first', 'deploy/prod/1', culprit);
    repo.commit('later', { 'c.txt': 'c\n' });
    repo.git('tag', '-a', '-m', 'second', 'deploy/prod/2');
    const withTags = await readIncidentFacts(repo.path, refs([culprit]));
    assert.deepEqual(withTags.events.filter((e) => e.source === 'deploy').map((e) => e.text), [`deploy/prod/1 deployed ${culprit.slice(0, 7)}`]);
    assert.equal(withTags.culprits[0].deploy?.tag, 'deploy/prod/1');
  });

  it('lists culprits that are not in the repository instead of failing', async () => {
    const facts = await readIncidentFacts(repo.path, refs(['0123456789abcdef0123456789abcdef01234567']));
    assert.deepEqual(facts.events, []);
    assert.equal(facts.missingCulprits.length, 1);
  });

  it('merges manual events in time order and remembers their index', () => {
    const events = [
      { at: '2099-01-01T00:00:00Z', text: 'Postmortem held', source: 'manual' as const },
      { at: '2000-01-01T00:00:00Z', text: 'Long ago', source: 'manual' as const },
    ];
    const all = mergeTimeline([{ at: '2026-01-05T09:00:00Z', text: 'Incident opened', source: 'own-it', auto: true }], events);
    assert.deepEqual(all.map((e) => e.text), ['Long ago', 'Incident opened', 'Postmortem held']);
    assert.equal(all[0].manualIndex, 1);
    assert.equal(all[2].manualIndex, 0);
    assert.equal(all[2].auto, false);
  });

  it('keeps rows with unparseable dates in their given order', () => {
    const merged = mergeTimeline([{ at: 'soon', text: 'a', source: 'git', auto: true }], [{ at: 'later', text: 'b', source: 'manual' }]);
    assert.deepEqual(merged.map((e) => e.text), ['a', 'b']);
  });
});
