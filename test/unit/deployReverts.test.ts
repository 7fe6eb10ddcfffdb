import * as assert from 'node:assert/strict';
import { culpritsForFinding, findFailedDeploys, findingTitle, incidentDraftForFinding, type DeployFinding } from '../../src/core/deploys';
import { spawnSync } from 'node:child_process';
import { buildCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';

const at = (iso: string): Date => new Date(iso);

describe('failed deploys: roll-forward by revert', function () {
  this.timeout(30000);
  let repo: TempRepo;
  let base: string;

  beforeEach(() => {
    repo = TempRepo.create();
    base = repo.commit('Add shipping quotes', { 'src/shipping.js': 'quote\n' }, undefined, at('2026-11-18T09:00:00Z'));
    tagAt('2026-11-18T10:00:00Z', 'deploy/prod/1', base);
  });
  afterEach(() => repo.dispose());

  const tagAt = (when: string, name: string, sha: string): void => void repo.gitAt(at(when), 'tag', '-a', name, '-m', `deploy ${name}`, sha);
  const revertAt = (when: string, sha: string): string => {
    repo.gitAt(at(when), 'revert', '--no-edit', sha);
    return repo.head();
  };
  const reverted = async (): Promise<DeployFinding[]> => (await findFailedDeploys(repo.path)).filter((f) => f.kind === 'revert-followup');

  it('names the deploy whose next deploy is a revert of its change, with the revert as evidence', async () => {
    const bad = repo.commit('Cache shipping quotes per cart', { 'src/shipping.js': 'cached quote\n' }, undefined, at('2026-11-20T08:40:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/2', bad);
    const revert = revertAt('2026-11-20T11:58:00Z', bad);
    tagAt('2026-11-20T12:05:00Z', 'deploy/prod/3', revert);

    const all = await findFailedDeploys(repo.path);
    assert.deepEqual(all.map((f) => f.kind), ['revert-followup'], 'a revert moving forward is no rollback, and only one finding');
    const [f] = all;
    assert.deepEqual([f.environment, f.failed?.tag, f.good?.tag, f.rule, f.confidence, f.date], ['prod', 'deploy/prod/2', 'deploy/prod/1', 'revert-deployed', 'high', '2026-11-20T12:05:00Z']);
    assert.deepEqual(f.culprits, [bad]);
    assert.equal(f.evidence.ref, 'refs/tags/deploy/prod/3');
    assert.deepEqual(f.evidence.reverts, [{ sha: revert, subject: 'Revert "Cache shipping quotes per cart"', reverted: [bad] }]);
    assert.equal(
      f.evidence.sentence,
      `deploy/prod/3 deployed ${revert.slice(0, 7)} "Revert "Cache shipping quotes per cart"", which reverts ${bad.slice(0, 7)} that deploy/prod/2 shipped in prod: deploy/prod/2 failed.`,
    );
    assert.equal(findingTitle(f), 'Reverted after deploy/prod/2 in prod');
    assert.deepEqual(await culpritsForFinding(repo.path, f), [bad]);

    const draft = incidentDraftForFinding(f);
    assert.deepEqual(draft.culprits, [bad]);
    assert.deepEqual(draft.deployRefs, ['refs/tags/deploy/prod/2', 'refs/tags/deploy/prod/1']);
    assert.match(draft.sections?.whatHappened ?? '', /rule revert-deployed, high confidence/);
  });

  it('is medium confidence when the next deploy also shipped other work, and blames only the reverted commits', async () => {
    const good = repo.commit('Show carrier name', { 'src/summary.js': 'carrier\n' }, undefined, at('2026-11-20T08:00:00Z'));
    const bad = repo.commit('Cache shipping quotes per cart', { 'src/shipping.js': 'cached\n' }, undefined, at('2026-11-20T08:40:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/2', bad);
    const revert = revertAt('2026-11-20T11:00:00Z', bad);
    const next = repo.commit('Add gift wrapping', { 'src/gift.js': 'wrap\n' }, undefined, at('2026-11-20T13:00:00Z'));
    tagAt('2026-11-20T14:00:00Z', 'deploy/prod/3', next);

    const [f, ...rest] = await reverted();
    assert.equal(rest.length, 0);
    assert.deepEqual([f.failed?.tag, f.confidence, f.culprits], ['deploy/prod/2', 'medium', [bad]]);
    assert.ok(!f.culprits.includes(good), 'the rest of the failed deploy is not blamed');
    assert.deepEqual(f.evidence.reverts?.map((r) => r.sha), [revert]);
  });

  it('matches a GitHub squash revert by its quoted subject when it names no sha', async () => {
    const bad = repo.commit('Cache shipping quotes per cart (#42)', { 'src/shipping.js': 'cached\n' }, undefined, at('2026-11-20T08:40:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/2', bad);
    const revert = repo.commit('Revert "Cache shipping quotes per cart (#42)" (#43)', { 'src/shipping.js': 'quote\n' }, undefined, at('2026-11-20T10:00:00Z'));
    tagAt('2026-11-20T10:30:00Z', 'deploy/prod/3', revert);
    const [f] = await reverted();
    assert.deepEqual([f?.failed?.tag, f?.culprits, f?.evidence.reverts?.[0].sha], ['deploy/prod/2', [bad], revert]);
  });

  it('does not blame a deploy for a revert of something it did not ship', async () => {
    // Reverted before any deploy shipped it: the change never went out.
    const never = repo.commit('Try a new carrier', { 'src/carrier.js': 'new\n' }, undefined, at('2026-11-19T08:00:00Z'));
    const undone = revertAt('2026-11-19T08:30:00Z', never);
    tagAt('2026-11-19T09:00:00Z', 'deploy/prod/2', undone);
    // Shipped by deploy 1 (two deploys back), reverted after deploy 3: deploy 3 did not ship it.
    const ok = repo.commit('Add order notes', { 'src/notes.js': 'notes\n' }, undefined, at('2026-11-20T08:00:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/3', ok);
    const old = revertAt('2026-11-20T10:00:00Z', base);
    tagAt('2026-11-20T11:00:00Z', 'deploy/prod/4', old);
    // A staging deploy of the same revert: deploys are compared within one environment only.
    tagAt('2026-11-19T09:30:00Z', 'deploy/staging/1', never);
    tagAt('2026-11-20T11:30:00Z', 'deploy/staging/2', old);

    const findings = await reverted();
    assert.deepEqual(findings.map((f) => [f.environment, f.failed?.tag]), [['staging', 'deploy/staging/1']], 'only staging shipped "Try a new carrier" and then its revert');
  });

  it('does not count a reapply as a revert of the deploy before it', async () => {
    const bad = repo.commit('Cache shipping quotes per cart', { 'src/shipping.js': 'cached\n' }, undefined, at('2026-11-20T08:40:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/2', bad);
    const revert = revertAt('2026-11-20T10:00:00Z', bad);
    tagAt('2026-11-20T10:30:00Z', 'deploy/prod/3', revert);
    const reapply = revertAt('2026-11-21T10:00:00Z', revert);
    tagAt('2026-11-21T10:30:00Z', 'deploy/prod/4', reapply);
    assert.deepEqual((await reverted()).map((f) => f.failed?.tag), ['deploy/prod/2']);
  });

  it('is reported by `own-it scan --deploys` with its rule', async function () {
    this.timeout(60000);
    const bad = repo.commit('Cache shipping quotes per cart', { 'src/shipping.js': 'cached\n' }, undefined, at('2026-11-20T08:40:00Z'));
    tagAt('2026-11-20T09:00:00Z', 'deploy/prod/2', bad);
    tagAt('2026-11-20T12:05:00Z', 'deploy/prod/3', revertAt('2026-11-20T11:58:00Z', bad));
    const cli = await buildCli();
    try {
      const out = spawnSync(process.execPath, [cli.path, 'scan', '--deploys', repo.path], { encoding: 'utf8', env: { ...repo.env(), GIT_DIR: undefined } });
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /revert-followup\s+prod\s+high\s+deploy\/prod\/2/);
      assert.match(out.stdout, /deploy\/prod\/2 failed\. \[revert-deployed\]/);
    } finally {
      cli.dispose();
    }
  });
});
