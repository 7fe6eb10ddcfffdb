import * as assert from 'node:assert/strict';
import type { Incident } from '../../src/core/incidents/model';
import { buildAutoTimeline, buildTimeline, mergeTimeline } from '../../src/core/commits/timeline';
import { BOB, TempRepo } from '../helpers/tempRepo';

function incident(partial: Partial<Incident>): Incident {
  return {
    id: '2026-01-05-x',
    title: 'x',
    status: 'open',
    severity: 'sev3',
    detected: '2026-01-06T10:00:00Z',
    culprits: [],
    deployRefs: [],
    actions: [],
    events: [],
    sections: { whatHappened: '', impact: '', rootCause: '', lessons: { wentWell: '', wentWrong: '', gotLucky: '' }, teamUpdate: '' },
    ...partial,
  };
}

describe('timeline', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'a.txt': 'a\n' });
  });
  afterEach(() => repo.dispose());

  it('derives culprit, deploy tag, revert and opened events with their sources', async () => {
    const culprit = repo.commit('Add cache', { 'a.txt': 'b\n' }, BOB);
    repo.git('tag', 'deploy/2026-01-05', culprit);
    repo.git('tag', 'unrelated', culprit);
    const revert = repo.revert(culprit);
    repo.git('tag', 'deploy/2026-01-06', revert);
    const auto = await buildAutoTimeline(repo.path, incident({ culprits: [culprit], revert }));
    const rows = auto.map((e) => [e.source, e.text]);
    assert.deepEqual(rows, [
      ['git', `${BOB.name} authored ${culprit.slice(0, 7)} “Add cache”`],
      ['deploy', `deploy/2026-01-05 deployed ${culprit.slice(0, 7)}`],
      ['git', `Alice Example committed the revert ${revert.slice(0, 7)}`],
      ['deploy', `deploy/2026-01-06 deployed the revert ${revert.slice(0, 7)}`],
      ['own-it', 'Incident opened'],
    ]);
    assert.ok(auto.every((e) => e.auto));
  });

  it('only picks the first deploy tag that contains the culprit, and only matching patterns', async () => {
    const culprit = repo.commit('Add cache', { 'a.txt': 'b\n' });
    repo.git('tag', 'v1.0', culprit);
    const auto = await buildAutoTimeline(repo.path, incident({ culprits: [culprit] }));
    assert.equal(auto.filter((e) => e.source === 'deploy').length, 0);
    repo.git('tag', '-a', '-m', 'first', 'release/1', culprit);
    repo.commit('later', { 'c.txt': 'c\n' });
    repo.git('tag', '-a', '-m', 'second', 'release/2');
    const withTags = await buildAutoTimeline(repo.path, incident({ culprits: [culprit] }), { deployTagPatterns: ['release/*'] });
    assert.deepEqual(withTags.filter((e) => e.source === 'deploy').map((e) => e.ref), ['release/1']);
  });

  it('skips culprits that are not in the repository instead of failing', async () => {
    const auto = await buildAutoTimeline(repo.path, incident({ culprits: ['0123456789abcdef0123456789abcdef01234567'] }));
    assert.deepEqual(auto.map((e) => e.source), ['own-it']);
  });

  it('merges manual events in time order and remembers their index', async () => {
    const culprit = repo.commit('Add cache', { 'a.txt': 'b\n' });
    const events = [
      { at: '2099-01-01T00:00:00Z', text: 'Postmortem held', source: 'manual' as const },
      { at: '2000-01-01T00:00:00Z', text: 'Long ago', source: 'manual' as const },
    ];
    const all = await buildTimeline(repo.path, incident({ culprits: [culprit], events }));
    assert.equal(all[0].text, 'Long ago');
    assert.equal(all[0].manualIndex, 1);
    assert.equal(all[all.length - 1].text, 'Postmortem held');
    assert.equal(all[all.length - 1].manualIndex, 0);
    assert.equal(all[all.length - 1].auto, false);
  });

  it('keeps rows with unparseable dates in their given order', () => {
    const merged = mergeTimeline([{ at: 'soon', text: 'a', source: 'git', auto: true }], [{ at: 'later', text: 'b', source: 'manual' }]);
    assert.deepEqual(merged.map((e) => e.text), ['a', 'b']);
  });
});
