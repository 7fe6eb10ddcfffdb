import * as assert from 'node:assert/strict';
import { culpritsForFinding, findFailedDeploys, incidentDraftForFinding } from '../../src/core/deploys';
import { TempRepo } from '../helpers/tempRepo';

/**
 * Reflog findings against a real local bare remote: Alice works in `alice`, Bob has a second
 * clone; pushes, force-pushes and fetches are the real git commands.
 */
describe('deploy findings from reflogs', function () {
  this.timeout(30000);
  let remote: TempRepo;
  let alice: TempRepo;
  let bob: TempRepo;
  let c1: string;
  let c2: string;
  let c3: string;

  beforeEach(() => {
    remote = TempRepo.create({ bare: true });
    alice = TempRepo.create();
    c1 = alice.commit('one', { 'a.txt': '1\n' });
    alice.git('remote', 'add', 'origin', remote.path);
    alice.git('push', '-q', '-u', 'origin', 'main');
    bob = TempRepo.clone(remote.path);
    c2 = alice.commit('two', { 'a.txt': '2\n' });
    c3 = alice.commit('three', { 'a.txt': '3\n' });
    alice.git('push', '-q', 'origin', 'main');
  });
  afterEach(() => {
    for (const r of [remote, alice, bob]) r.dispose();
  });

  it('reports a reset over pushed commits (medium), then high once the upstream was force-pushed too', async () => {
    alice.git('reset', '-q', '--hard', 'HEAD~2');
    let findings = await findFailedDeploys(alice.path);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    let f = findings[0];
    assert.equal(f.kind, 'reset-over-pushed');
    assert.equal(f.rule, 'reset-over-pushed');
    assert.equal(f.confidence, 'medium');
    assert.deepEqual(f.culprits, [c3, c2]);
    assert.equal(f.evidence.ref, 'refs/heads/main');
    assert.equal(f.evidence.upstream, 'refs/remotes/origin/main');
    assert.equal(f.evidence.fromSha, c3);
    assert.equal(f.evidence.toSha, c1);
    assert.equal(f.evidence.reflogMessage, 'reset: moving to HEAD~2');
    assert.deepEqual(f.evidence.ancestry, [
      { ancestor: c1, descendant: c3, isAncestor: true, mergeBase: c1 },
      { ancestor: c3, descendant: c3, isAncestor: true, mergeBase: c3 },
    ]);
    assert.match(f.evidence.sentence, /main was reset from [0-9a-f]{7} back to its ancestor [0-9a-f]{7} .*dropping 2 commit\(s\) that origin\/main still has\./);
    assert.deepEqual(await culpritsForFinding(alice.path, f), [c3, c2]);
    assert.equal(incidentDraftForFinding(f).title, 'main reset over pushed commits');

    alice.git('push', '-q', '--force', 'origin', 'main');
    findings = await findFailedDeploys(alice.path);
    f = findings.find((x) => x.kind === 'reset-over-pushed')!;
    assert.equal(f.confidence, 'high');
    assert.match(f.evidence.sentence, /the upstream has since been rewritten too/);
  });

  it('does not report resets over unpushed commits, or forward resets', async () => {
    alice.commit('four (local only)', { 'a.txt': '4\n' });
    alice.git('reset', '-q', '--hard', 'HEAD~1');
    alice.git('reset', '-q', '--hard', 'HEAD'); // no move
    alice.git('reset', '-q', '--hard', 'HEAD@{2}'); // forward again to the local-only commit
    assert.deepEqual(await findFailedDeploys(alice.path), []);
  });

  it('reports a forced update of a remote-tracking ref, proven by ancestry, with the dropped commits as culprits', async () => {
    bob.git('fetch', '-q'); // fast-forward: c1 → c3, not a finding
    assert.deepEqual(await findFailedDeploys(bob.path), []);
    alice.git('reset', '-q', '--hard', c1);
    const c4 = alice.commit('four, rewritten', { 'a.txt': '4\n' });
    alice.git('push', '-q', '--force', 'origin', 'main');
    bob.git('fetch', '-q');

    const findings = await findFailedDeploys(bob.path);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const f = findings[0];
    assert.equal(f.kind, 'forced-update');
    assert.equal(f.confidence, 'high');
    assert.equal(f.evidence.ref, 'refs/remotes/origin/main');
    assert.equal(f.evidence.fromSha, c3);
    assert.equal(f.evidence.toSha, c4);
    assert.match(f.evidence.reflogMessage ?? '', /forced-update/);
    assert.deepEqual(f.evidence.ancestry, [{ ancestor: c3, descendant: c4, isAncestor: false, mergeBase: c1 }]);
    assert.deepEqual(f.culprits, [c3, c2]);
    assert.match(f.evidence.sentence, /origin\/main was force-updated .* is not an ancestor of .* 2 commit\(s\) were removed upstream/);
    assert.equal(incidentDraftForFinding(f).title, 'origin/main rewritten upstream');

    // The window: a finding before `since` is left out.
    const later = new Date(Date.parse(f.date) + 1000).toISOString();
    assert.deepEqual(await findFailedDeploys(bob.path, { since: later }), []);
    // Alice's own reset over pushed commits shows up in her clone (her upstream was rewritten by her push).
    assert.deepEqual((await findFailedDeploys(alice.path)).map((x) => [x.kind, x.confidence]), [['reset-over-pushed', 'high']]);
  });
});
