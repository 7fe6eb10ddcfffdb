import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factLines } from '../../src/core/facts/factLines';
import { ownsTheChange, readIncidentFacts } from '../../src/core/facts/incidentFacts';
import { teamUpdateViewOf } from '../../src/core/facts/teamUpdateView';
import { prepareIncident, teamUpdateFromFacts } from '../../src/core/facts/prepareIncident';
import { newIncident } from '../../src/core/incidents/incidentFile';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';
import { ALICE, BOB, TempRepo } from '../helpers/tempRepo';

const refs = (culprits: string[], revert?: string) => ({ culprits, deployRefs: [], ...(revert ? { revert } : {}) });

/** A work clone of a bare upstream that already has `main`, so origin/HEAD is set as in a real clone. */
function clonedWithUpstream(): { work: TempRepo; cleanup: () => void } {
  const seed = TempRepo.create();
  seed.commit('initial', { 'src/app.ts': 'export const a = 1;\n' });
  const bare = TempRepo.clone(seed.path, ['--bare']);
  const work = TempRepo.clone(bare.path);
  work.git('config', 'user.name', ALICE.name);
  work.git('config', 'user.email', ALICE.email);
  return { work, cleanup: () => [work, bare, seed].forEach((r) => r.dispose()) };
}

describe('incident facts from git', function () {
  this.timeout(30000);

  it('names the default branch the revert landed on, not another branch that also contains it', async () => {
    const { work, cleanup } = clonedWithUpstream();
    try {
      const culprit = work.commit('fix(runtime): keep hooks (#12)', { 'src/app.ts': 'export const a = 2;\n' }, BOB);
      const revert = work.revert(culprit);
      work.git('push', '-q', 'origin', 'main');
      // Branches that sort before "main" and contain the revert: the old guess picked one of them.
      work.git('push', '-q', 'origin', 'main:edison/fix-keepalive', 'main:alpha/topic');
      work.git('fetch', '-q', 'origin');
      const facts = await readIncidentFacts(work.path, refs([culprit], revert));
      assert.deepEqual(facts.defaultBranch, { name: 'main', ref: 'origin/main', source: 'origin/HEAD' });
      assert.equal(facts.revert?.placement.placement, 'default');
      assert.equal(facts.revert?.placement.remoteBranches[0], 'origin/main');
      assert.match(facts.blast.reason, /^The revert is on origin\/main, the default branch/);
      const draft = teamUpdateFromFacts(newIncident({ title: 'x reverted', culprits: [culprit], revert }), facts);
      assert.equal(draft.subject, 'Heads-up: I reverted the change "fix(runtime): keep hooks" (#12) on main');
      assert.doesNotMatch(draft.text, /edison|alpha/);
    } finally {
      cleanup();
    }
  });

  it('tells whose commit it is from user.email, through the mailmap', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      const bobs = repo.commit('Tune cache TTL', { 'a.txt': 'b\n' }, BOB);
      const old = { name: 'Alice Old', email: 'alice@old.example' };
      const alices = repo.commit('Add cache', { 'a.txt': 'c\n' }, old);
      repo.git('config', 'user.email', ALICE.email);
      let facts = await readIncidentFacts(repo.path, refs([bobs, alices]));
      assert.deepEqual(facts.culprits.map((c) => c.mine), [false, false]);
      repo.write('.mailmap', `${ALICE.name} <${ALICE.email}> <${old.email}>\n`);
      facts = await readIncidentFacts(repo.path, refs([bobs, alices]));
      assert.deepEqual(facts.culprits.map((c) => c.mine), [false, true]);
      assert.equal(facts.culprits[1].details.authorName, ALICE.name, 'the mailmapped name is the one stated');
      const you = factLines(facts).find((l) => l.label === `Culprit ${alices.slice(0, 7)} author`);
      assert.equal(you?.value, `${ALICE.name} <${ALICE.email}> — you`);
    } finally {
      repo.dispose();
    }
  });

  it('finds the default branch from init.defaultBranch, then main or master, without a remote', async () => {
    const repo = TempRepo.create({ branch: 'trunk' });
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.git('branch', 'master');
      assert.equal((await readIncidentFacts(repo.path, refs([]))).defaultBranch?.source, 'master');
      repo.git('config', 'init.defaultBranch', 'trunk');
      assert.deepEqual((await readIncidentFacts(repo.path, refs([]))).defaultBranch, { name: 'trunk', ref: 'trunk', source: 'init.defaultBranch' });
    } finally {
      repo.dispose();
    }
  });

  it('a revert only on this machine is local; a pushed culprit with an unpushed revert is team', async () => {
    const { work, cleanup } = clonedWithUpstream();
    try {
      const culprit = work.commit('Add cache', { 'src/app.ts': 'export const a = 3;\n' });
      const revert = work.revert(culprit);
      let facts = await readIncidentFacts(work.path, refs([culprit], revert));
      assert.equal(facts.revert?.placement.placement, 'local');
      assert.equal(facts.blast.radius, 'local');
      assert.equal(factLines(facts).find((l) => l.label.endsWith('is') && l.label.startsWith('Revert'))?.value, 'only on this machine (not on any remote branch)');
      work.git('push', '-q', 'origin', `${culprit}:refs/heads/main`);
      work.git('fetch', '-q', 'origin');
      facts = await readIncidentFacts(work.path, refs([culprit], revert));
      assert.equal(facts.blast.radius, 'team');
      assert.equal(facts.blast.reason, 'The broken change is on origin/main, the default branch; the revert is only on this machine so far.');
    } finally {
      cleanup();
    }
  });

  it("a teammate's change on main, reverted here and not pushed yet: the draft says so and passes its own tone check", async () => {
    const { work, cleanup } = clonedWithUpstream();
    try {
      const culprit = work.commit('fix(utils): use the crypto module (#6788)', { 'src/app.ts': 'export const a = 4;\n' }, BOB);
      work.git('push', '-q', 'origin', 'main');
      const revert = work.revert(culprit);
      work.git('fetch', '-q', 'origin');
      const facts = await readIncidentFacts(work.path, refs([culprit], revert));
      assert.equal(facts.blast.radius, 'team');
      assert.equal(ownsTheChange(facts), false, "Bob's change is not the sender's to own, though the sender reverted it");
      const incident = newIncident({ title: 'x reverted', culprits: [culprit], revert });
      const view = teamUpdateViewOf(incident, facts, (text, owns) => checkTone(text, { radius: facts.blast.radius, ownsTheChange: owns }));
      assert.doesNotMatch(view.draftPlain, /pushed the revert|pick up the revert/);
      assert.match(view.draftPlain, /What I did: I reverted it in [0-9a-f]{7}; the revert is not on main yet\. Once it is, pull main again to pick it up\./);
      assert.match(view.draftPlain, /^Heads-up: the change "fix\(utils\): use the crypto module" \(#6788\) on main is being reverted/);
      assert.doesNotMatch(view.draftPlain, /\bmy change/i);
      assert.deepEqual([view.tone.verdict, view.tone.flags], ['right-sized', []], view.draftPlain);
      assert.equal(view.note, 'The broken change reached a shared branch, so teammates may have pulled it. A short note in the team channel is enough.');
      // Once pushed, the draft says it was.
      work.git('push', '-q', 'origin', 'main');
      work.git('fetch', '-q', 'origin');
      const pushed = teamUpdateFromFacts(incident, await readIncidentFacts(work.path, refs([culprit], revert)));
      assert.match(pushed.text, /I reverted it in [0-9a-f]{7} and pushed the revert\. If you pulled in between, pull main again/);
    } finally {
      cleanup();
    }
  });

  it('a culprit on no branch (its branch deleted) is not said to have landed anywhere', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.git('checkout', '-q', '-b', 'topic');
      const orphan = repo.commit('Experiment', { 'a.txt': 'x\n' });
      repo.git('checkout', '-q', 'main');
      repo.git('branch', '-q', '-D', 'topic');
      const facts = await readIncidentFacts(repo.path, refs([orphan]));
      assert.equal(facts.culprits[0].placement.onDefault, false);
      assert.equal(facts.culprits[0].landing, undefined);
      assert.deepEqual(facts.events.map((e) => e.text), [`${ALICE.name} authored ${orphan.slice(0, 7)} “Experiment”`]);
    } finally {
      repo.dispose();
    }
  });

  it('a culprit deeper in a merged branch landed with the merge, not when it was committed (psf/requests fd13816d01)', async () => {
    // Found by the fact check: the culprit was not the merged branch's tip, and
    // `rev-list --first-parent --ancestry-path` found no descendant, so it was said to be committed on main.
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.git('checkout', '-q', '-b', 'feature');
      const culprit = repo.commit('Fix for response with BOM', { 'b.txt': 'b\n' });
      repo.commit('Follow-up on the same branch', { 'b.txt': 'bb\n' });
      repo.git('checkout', '-q', 'main');
      repo.commit('Other work', { 'c.txt': 'c\n' });
      repo.gitAs(ALICE, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      const merge = repo.head();
      repo.commit('Later work', { 'd.txt': 'd\n' });
      const landing = (await readIncidentFacts(repo.path, refs([culprit]))).culprits[0].landing;
      assert.deepEqual([landing?.sha, landing?.viaMerge], [merge, true]);
    } finally {
      repo.dispose();
    }
  });

  it('a culprit merged with a merge commit landed when the merge was committed', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.git('checkout', '-q', '-b', 'feature');
      const culprit = repo.commit('Add cache', { 'b.txt': 'b\n' });
      repo.git('checkout', '-q', 'main');
      repo.commit('Other work', { 'c.txt': 'c\n' });
      repo.gitAs(ALICE, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      const merge = repo.head();
      const facts = await readIncidentFacts(repo.path, refs([culprit]));
      const landing = facts.culprits[0].landing;
      assert.equal(landing?.sha, merge);
      assert.equal(landing?.viaMerge, true);
      assert.equal(Date.parse(landing?.at ?? ''), Date.parse(repo.git('log', '-1', '--format=%cI', merge)));
      assert.ok(facts.events.some((e) => e.text === `${culprit.slice(0, 7)} merged into main by ${merge.slice(0, 7)}`));
    } finally {
      repo.dispose();
    }
  });
});

describe('prepareIncident (the file Open Incident and `own-it incident new` create)', function () {
  this.timeout(30000);

  it('titles a revert "<culprit subject> reverted", opens it now, and writes the git timeline and the draft', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      const culprit = repo.commit('fix(core): keep hooks (#12)', { 'a.txt': 'b\n' }, BOB);
      const revert = repo.revert(culprit);
      repo.git('config', 'user.email', ALICE.email);
      const now = new Date('2026-12-02T10:00:00Z');
      const { draft, facts } = await prepareIncident(repo.path, { sha: revert }, { now });
      assert.equal(draft.title, 'fix(core): keep hooks (#12) reverted');
      assert.deepEqual(draft.culprits, [culprit]);
      assert.equal(draft.revert, revert);
      assert.equal(draft.detected, now.toISOString(), 'opened now, not at the revert date');
      assert.deepEqual(draft.events?.map((e) => e.source), ['git', 'git', 'git']);
      assert.match(draft.sections?.teamUpdate ?? '', /the change "fix\(core\): keep hooks" \(#12\)/);
      assert.doesNotMatch(draft.sections?.teamUpdate ?? '', /my change/);
      assert.equal(facts.culprits[0].mine, false);
    } finally {
      repo.dispose();
    }
  });

  it('uses the symptom as the title when given, and a plain commit as its own culprit', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      const culprit = repo.commit('Bind checkout handler lazily', { 'a.txt': 'b\n' });
      const plain = await prepareIncident(repo.path, { sha: culprit.slice(0, 8) });
      assert.equal(plain.draft.title, 'Bind checkout handler lazily');
      assert.deepEqual(plain.draft.culprits, [culprit]);
      assert.equal(plain.draft.revert, undefined);
      const withSymptom = await prepareIncident(repo.path, { sha: culprit }, { symptom: 'Checkout button does nothing' });
      assert.equal(withSymptom.draft.title, 'Checkout button does nothing');
      await assert.rejects(prepareIncident(repo.path, { sha: 'deadbeef' }), /unknown commit "deadbeef"|Not a commit in this repository: deadbeef/);
      assert.ok(!fs.existsSync(path.join(repo.path, 'docs')), 'preparing writes nothing');
    } finally {
      repo.dispose();
    }
  });
});
