import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { NotAGitRepositoryError } from '../../src/core/git/createGit';
import {
  compileTagPattern,
  culpritsForFinding,
  findDeploys,
  findFailedDeploys,
  incidentDraftForFinding,
  TagPatternError,
  type DeployFinding,
} from '../../src/core/deploys';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const at = (iso: string): Date => new Date(iso);
/** The sha of the commit with subject "Fix(api)- typo, way later". */
const custom0 = (repo: TempRepo): string => repo.git('rev-parse', 'deploy/prod/3^{commit}');

describe('deploy tag pattern', () => {
  it('takes the environment from the first wildcard, and puts one-wildcard patterns in "default"', () => {
    const p = compileTagPattern('deploy/*/*');
    assert.equal(p.refGlob, 'refs/tags/deploy/*/*');
    assert.equal(p.matchTag('deploy/prod/2026-01-05'), 'prod');
    assert.equal(p.matchTag('deploy/prod'), undefined);
    assert.equal(p.matchTag('deploy/prod/a/b'), undefined, '* does not cross /');
    assert.equal(p.matchTag('deploy//x'), undefined, 'an empty environment is no environment');
    assert.equal(compileTagPattern('deploy/*/**').matchTag('deploy/prod/a/b'), 'prod');
    const flat = compileTagPattern('deploy-*');
    assert.equal(flat.matchTag('deploy-42'), 'default');
    assert.equal(flat.matchTag('deploy.42'), undefined, '. is literal');
    assert.equal(compileTagPattern('refs/tags/v*-*').matchTag('v1.2-canary'), '1.2');
  });

  it('rejects patterns git could read differently, or that match one tag only', () => {
    for (const bad of ['', 'deploy', 'deploy/[ab]/*', '--points-at=x*', 'a b*', 'deploy/../*', 'x\\*']) {
      assert.throws(() => compileTagPattern(bad), TagPatternError, bad);
    }
  });
});

describe('deploys from tags', function () {
  this.timeout(30000);
  let repo: TempRepo;
  let c1: string, c2: string, c3: string, side: string;

  beforeEach(() => {
    repo = TempRepo.create();
    c1 = repo.commit('one', { 'src/a.ts': '1\n' }, undefined, at('2026-01-10T10:00:00Z'));
    c2 = repo.commit('two', { 'src/a.ts': '2\n' }, undefined, at('2026-01-11T10:00:00Z'));
    c3 = repo.commit('three', { 'src/b.ts': '3\n' }, undefined, at('2026-01-12T10:00:00Z'));
    repo.git('checkout', '-q', '-b', 'side', c1);
    side = repo.commit('side work', { 'side.ts': 's\n' }, undefined, at('2026-01-12T12:00:00Z'));
    repo.git('checkout', '-q', 'main');
  });
  afterEach(() => repo.dispose());

  const tagAt = (when: string, name: string, sha: string): void => void repo.gitAt(at(when), 'tag', '-a', name, '-m', `deploy ${name}`, sha);

  it('reads annotated (tagger date) and lightweight (committer date) tags, ordered by tag time', async () => {
    repo.git('tag', 'deploy/prod/1', c1); // lightweight: 2026-01-10T10:00
    tagAt('2026-01-13T09:00:00Z', 'deploy/prod/3', c3);
    tagAt('2026-01-11T12:00:00Z', 'deploy/staging/1', c2);
    // An annotated tag of an OLD commit made late sorts by its tagger date, not its commit's date.
    tagAt('2026-01-12T11:00:00Z', 'deploy/prod/2', c1);
    repo.git('tag', 'release/1', c3);
    repo.git('tag', 'deploy/prod-only', c3);
    const deploys = await findDeploys(repo.path);
    assert.deepEqual(
      deploys.map((d) => [d.tag, d.environment, d.sha, d.date, d.annotated]),
      [
        ['deploy/prod/1', 'prod', c1, '2026-01-10T10:00:00Z', false],
        ['deploy/staging/1', 'staging', c2, '2026-01-11T12:00:00Z', true],
        ['deploy/prod/2', 'prod', c1, '2026-01-12T11:00:00Z', true],
        ['deploy/prod/3', 'prod', c3, '2026-01-13T09:00:00Z', true],
      ],
    );
    assert.deepEqual(
      (await findDeploys(repo.path, { tagPattern: 'release/*' })).map((d) => [d.tag, d.environment]),
      [['release/1', 'default']],
    );
  });

  it('peels tags of tags, dates a tag without a tagger by its commit, skips tags of trees, and reads past long messages', async () => {
    tagAt('2026-01-11T11:00:00Z', 'inner', c2);
    // A tag of the annotated tag: it deploys c2, dated by the OUTER tag.
    tagAt('2026-01-13T08:00:00Z', 'deploy/prod/2', 'inner');
    // A tag object without a tagger line (very old tools), written by hand: dated by its commit.
    const bare = execFileSync('git', ['hash-object', '-t', 'tag', '-w', '--stdin', '--literally'], {
      cwd: repo.path,
      input: `object ${c3}\ntype commit\ntag deploy/staging/1\n\nno tagger\n`,
      encoding: 'utf8',
    }).trim();
    repo.git('update-ref', 'refs/tags/deploy/staging/1', bare);
    repo.git('tag', '-a', '-m', 'a tree', 'deploy/prod/tree', `${c3}^{tree}`);
    // A message longer than one chunk of git's output (multi-byte text), between two deploys.
    const long = `${'déploiement ✓ '.repeat(20_000)}\n`;
    repo.write('.git/long-message.txt', long);
    repo.gitAt(at('2026-01-12T09:00:00Z'), 'tag', '-a', 'deploy/prod/1', '-F', '.git/long-message.txt', c1);
    tagAt('2026-01-13T09:00:00Z', 'deploy/prod/3', c3);
    assert.deepEqual(
      (await findDeploys(repo.path)).map((d) => [d.tag, d.sha, d.date, d.annotated]),
      [
        ['deploy/prod/1', c1, '2026-01-12T09:00:00Z', true],
        ['deploy/staging/1', c3, '2026-01-12T10:00:00Z', true],
        ['deploy/prod/2', c2, '2026-01-13T08:00:00Z', true],
        ['deploy/prod/3', c3, '2026-01-13T09:00:00Z', true],
      ],
    );
    // The same deploys drive the rules: prod went c1 → c2 → c3, all forward.
    assert.deepEqual((await findFailedDeploys(repo.path)).filter((f) => f.kind === 'rollback'), []);
  });

  it('marks the deploy rolled back from as failed, by same commit or by ancestry; roll-forwards are normal', async () => {
    repo.git('tag', 'deploy/prod/1', c1);
    tagAt('2026-01-12T11:00:00Z', 'deploy/prod/2', c3); // roll-forward
    tagAt('2026-01-12T13:00:00Z', 'deploy/prod/3', c1); // rollback to a deployed commit
    tagAt('2026-01-12T15:00:00Z', 'deploy/prod/4', c3); // roll-forward again after the fix: not a rollback
    tagAt('2026-01-12T10:30:00Z', 'deploy/staging/1', c3);
    tagAt('2026-01-12T14:00:00Z', 'deploy/staging/2', c2); // never deployed here, but an ancestor of c3
    tagAt('2026-01-12T16:00:00Z', 'deploy/staging/3', side); // diverged history: neither rule applies
    tagAt('2026-01-12T17:00:00Z', 'deploy/staging/4', side); // same commit again: a redeploy

    const findings = await findFailedDeploys(repo.path);
    assert.deepEqual(
      findings.map((f) => [f.kind, f.environment, f.failed?.tag, f.good?.tag, f.rule, f.confidence, f.date]),
      [
        ['rollback', 'staging', 'deploy/staging/1', 'deploy/staging/2', 'ancestor-of-previous', 'medium', '2026-01-12T14:00:00Z'],
        ['rollback', 'prod', 'deploy/prod/2', 'deploy/prod/3', 'same-commit-as-earlier', 'high', '2026-01-12T13:00:00Z'],
      ],
    );
    const [staging, prod] = findings;
    assert.deepEqual(prod.culprits, [c3, c2]);
    assert.deepEqual(staging.culprits, [c3]);
    assert.match(prod.evidence.sentence, /deploy\/prod\/3 re-deployed .* the commit deploy\/prod\/1 shipped, right after deploy\/prod\/2/);
    assert.deepEqual(staging.evidence.ancestry, [
      { ancestor: c3, descendant: c2, isAncestor: false, mergeBase: c2 },
      { ancestor: c2, descendant: c3, isAncestor: true, mergeBase: c2 },
    ]);
    assert.deepEqual(await culpritsForFinding(repo.path, prod), [c3, c2]);
    assert.deepEqual(await culpritsForFinding(repo.path, prod, { max: 1 }), [c3]);

    const draft = incidentDraftForFinding(prod);
    assert.equal(draft.title, 'Rollback of deploy/prod/2 in prod');
    assert.deepEqual(draft.culprits, [c3, c2]);
    assert.deepEqual(draft.deployRefs, ['refs/tags/deploy/prod/2', 'refs/tags/deploy/prod/3']);
    assert.ok(draft.events?.every((e) => e.source === 'deploy'));

    const since = await findFailedDeploys(repo.path, { since: '2026-01-12T13:30:00Z' });
    assert.deepEqual(since.map((f) => f.failed?.tag), ['deploy/staging/1']);
  });

  it('marks a deploy followed by a hotfix commit or branch as suspect, within the window only', async () => {
    tagAt('2026-01-12T11:00:00Z', 'deploy/prod/1', c3);
    const fix = repo.commit('hotfix: guard against empty cart', { 'src/b.ts': '3b\n' }, undefined, at('2026-01-12T14:00:00Z'));
    repo.commit('Fix(api)- typo, way later', { 'src/b.ts': '3c\n' }, undefined, at('2026-01-14T14:00:00Z'));
    tagAt('2026-01-12T15:00:00Z', 'deploy/prod/2', fix);
    tagAt('2026-01-15T09:00:00Z', 'deploy/prod/3', repo.head());
    // A hotfix branch whose tip was committed 2h after deploy 3; its subject is ordinary.
    repo.git('checkout', '-q', '-b', 'hotfix/login');
    repo.commit('guard login', { 'src/login.ts': 'x\n' }, undefined, at('2026-01-15T11:00:00Z'));
    repo.git('checkout', '-q', 'main');
    // Prefixed words are not hotfixes: "fixture" or "prefix:" do not match the default pattern.
    repo.commit('fixtures: more data', {}, undefined, at('2026-01-15T10:00:00Z'));

    const findings = (await findFailedDeploys(repo.path)).filter((f) => f.kind === 'hotfix-followup');
    assert.deepEqual(
      findings.map((f) => [f.failed?.tag, f.good?.tag, f.rule, f.confidence, f.date]),
      [
        ['deploy/prod/3', 'deploy/prod/2', 'hotfix-branch', 'low', '2026-01-15T11:00:00Z'],
        ['deploy/prod/1', undefined, 'hotfix-commit', 'high', '2026-01-12T14:00:00Z'],
      ],
    );
    const hotfixes = findings[1].evidence.hotfixes ?? [];
    assert.deepEqual(hotfixes.map((h) => [h.sha, h.subject, h.hoursAfterDeploy]), [[fix, 'hotfix: guard against empty cart', 3]]);
    assert.equal(findings[0].evidence.hotfixes?.[0].branch, 'hotfix/login');
    assert.deepEqual(findings[0].culprits, [custom0(repo)], 'good..failed: the typo fix deploy 3 added to deploy 2');

    const narrow = (await findFailedDeploys(repo.path, { hotfixWindowHours: 1 })).filter((f) => f.kind === 'hotfix-followup');
    assert.deepEqual(narrow, []);
    const custom = await findFailedDeploys(repo.path, { hotfixPattern: '^Fix\\(api\\)', hotfixWindowHours: 72 });
    assert.deepEqual(
      custom.filter((f) => f.kind === 'hotfix-followup').map((f) => [f.failed?.tag, f.evidence.hotfixes?.map((h) => h.subject ?? h.branch)]),
      [['deploy/prod/3', ['hotfix/login']], ['deploy/prod/2', ['Fix(api)- typo, way later']]],
    );
  });

  it('fails clearly for a non-repository, a bad pattern and a bad hotfix regex; an empty repository has no deploys', async () => {
    const plain = makeTempDir('plain-');
    try {
      await assert.rejects(findDeploys(plain), NotAGitRepositoryError);
      await assert.rejects(findFailedDeploys(plain), NotAGitRepositoryError);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    await assert.rejects(findDeploys(repo.path, { tagPattern: 'deploy' }), TagPatternError);
    await assert.rejects(findFailedDeploys(repo.path, { hotfixPattern: '(' }), /hotfix pattern "\(" is not a valid regular expression/);
    const empty = TempRepo.create();
    try {
      assert.deepEqual(await findDeploys(empty.path), []);
      const none: DeployFinding[] = await findFailedDeploys(empty.path);
      assert.deepEqual(none, []);
    } finally {
      empty.dispose();
    }
  });
});
