import * as assert from 'node:assert/strict';
import { readIncidentFacts } from '../../src/core/facts/incidentFacts';
import { authorNames } from '../../src/core/repo/repoQueries';
import { newIncident } from '../../src/core/incidents/incidentFile';
import { IncidentFactsCache } from '../../src/services/incidentFactsCache';
import { commitCardsState, readGitFacts, startCommitCards } from '../../src/webviews/incident/viewState';
import { emitter } from '../helpers/eventSource';
import { TempRepo } from '../helpers/tempRepo';

describe('incident facts shared by panels: read once, kept until the repository changes', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let culprit: string;
  let revert: string;
  let reads: string[];
  const repoEvents = emitter<{ root: string }>();
  const settingEvents = emitter<void>();
  let cache: IncidentFactsCache;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add cart', { 'src/cart.js': 'export const total = 0;\n' });
    culprit = repo.commit('Cache cart totals', { 'src/cart.js': 'export const total = cached();\n' });
    revert = repo.revert(culprit);
    reads = [];
    cache = new IncidentFactsCache(
      { onDidChangeRepository: repoEvents.event, onDidChangeSettings: settingEvents.event },
      {
        facts: (root, incident) => {
          reads.push(`facts ${incident.culprits.join(',')}`);
          return readIncidentFacts(root, incident);
        },
        authors: (root) => {
          reads.push('authors');
          return authorNames(root);
        },
      },
    );
  });
  afterEach(() => {
    cache.dispose();
    repo.dispose();
  });

  it('answers a second panel for the same commits from the first read, and reads again after a repository event', async () => {
    const incident = newIncident({ title: 'Cart totals wrong', culprits: [culprit], revert });
    const options = { incidentFacts: (root: string, i: typeof incident) => cache.incidentFacts(root, i), authors: (root: string) => cache.repositoryAuthors(root) };
    const first = await readGitFacts(repo.path, incident, options);
    const second = await readGitFacts(repo.path, { ...incident, title: 'Another title, same commits' }, options);
    assert.equal(second.facts.culprits[0].details.sha, culprit);
    assert.deepEqual(reads, [`facts ${culprit}`, 'authors'], 'one read of each for two panels');
    assert.equal(first.facts.revert?.details.sha, revert);
    repoEvents.fire({ root: '/some/other/repository' });
    await readGitFacts(repo.path, incident, options);
    assert.equal(reads.length, 2, 'another repository moving keeps these facts');
    repo.git('update-ref', 'refs/remotes/origin/main', revert);
    repoEvents.fire({ root: repo.path });
    const after = await readGitFacts(repo.path, incident, options);
    assert.deepEqual(reads.slice(2), [`facts ${culprit}`, 'authors']);
    assert.equal(after.facts.revert?.placement.remoteBranches[0], 'origin/main', 'the new remote branch is seen');
  });

  it('does not keep a failed read', async () => {
    const unknown = newIncident({ title: 'Unknown', culprits: [], revert: 'f'.repeat(40) });
    let fail = true;
    const failing = new IncidentFactsCache(
      { onDidChangeRepository: repoEvents.event, onDidChangeSettings: settingEvents.event },
      {
        facts: (root, incident) => (fail ? Promise.reject(new Error('git is gone')) : readIncidentFacts(root, incident)),
        authors: () => Promise.resolve([]),
      },
    );
    await assert.rejects(failing.incidentFacts(repo.path, unknown), /git is gone/);
    fail = false;
    const facts = await failing.incidentFacts(repo.path, unknown);
    assert.equal(facts.revert, undefined);
    failing.dispose();
  });
});

describe('the panel drawn from its commit cards before the git facts', function () {
  this.timeout(60000);
  let repo: TempRepo;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add cart', { 'src/cart.js': 'export const total = 0;\n' });
  });
  afterEach(() => repo.dispose());

  it('shows the culprit with its files and the revert, claims nothing about where they are, and lists a missing culprit', async () => {
    const culprit = repo.commit('Cache cart totals', { 'src/cart.js': 'export const total = cached();\n' });
    const revert = repo.revert(culprit);
    const missing = 'e'.repeat(40);
    const incident = newIncident({ title: 'Cart totals wrong', culprits: [culprit, missing], revert });
    const started = startCommitCards(repo.path, incident, {});
    const cards = await started.cards;
    const facts = await readGitFacts(repo.path, incident, { details: started.details });
    assert.equal(facts.culprits[0], cards.culprits[0], 'the facts reuse the cards\' read of the commit');
    const state = commitCardsState({ path: '/x.md', relativePath: 'x.md', incident, version: 'v1' }, repo.path, cards);
    assert.equal(state.culprits[0].sha, culprit);
    assert.deepEqual(state.culprits[0].files.map((f) => f.path), ['src/cart.js']);
    assert.equal(state.revert?.sha, revert);
    assert.deepEqual(state.missingCulprits.map((m) => m.sha), [missing]);
    assert.ok(state.timeline.some((e) => e.text.includes(`authored ${culprit.slice(0, 7)}`)), JSON.stringify(state.timeline));
    assert.ok(state.timeline.some((e) => e.text.includes(`reverted ${culprit.slice(0, 7)}`)), JSON.stringify(state.timeline));
    assert.ok(!state.timeline.some((e) => /landed on|merged into|deployed/.test(e.text)), 'no landing or deploy before the facts');
    assert.deepEqual(state.facts, [], 'the facts list waits for git');
    assert.equal(state.teamUpdate.draft, '', 'no draft scaled to a reach not known yet');
    assert.match(state.blast.reason, /^Reading where the commits are/);
  });
});
