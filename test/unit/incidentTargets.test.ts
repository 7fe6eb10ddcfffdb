import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveIncidentFile } from '../../src/services/incidentTargets';
import { detectOne } from '../helpers/detectOne';
import { TempRepo } from '../helpers/tempRepo';

const FOLDER = 'docs/incidents';

describe('find-or-create incident (services/incidentTargets)', () => {
  let repo: TempRepo;
  let culprit: string;
  let revert: string;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'price.ts': 'export const round = (n: number) => n;\n' });
    culprit = repo.commit('Round prices to whole dollars', { 'price.ts': 'export const round = (n: number) => Math.round(n);\n' });
    revert = repo.revert(culprit);
  });
  afterEach(() => repo.dispose());

  const incidentFiles = () => fs.readdirSync(path.join(repo.path, FOLDER)).filter((f) => f.endsWith('.md'));

  it('opens one incident when the same revert is asked for twice at once (a double click)', async () => {
    const detection = await detectOne(repo.path, revert);
    assert.ok(detection, 'the revert is detected');
    const target = { kind: 'revert', repoRoot: repo.path, detection } as const;
    const [a, b, c] = await Promise.all([resolveIncidentFile(target, FOLDER), resolveIncidentFile(target, FOLDER), resolveIncidentFile(target, FOLDER)]);
    assert.equal(a, b);
    assert.equal(a, c);
    assert.deepEqual(incidentFiles(), [path.basename(a)]);
    assert.equal(await resolveIncidentFile(target, FOLDER), a, 'asked again later: the same file');
  });

  it('opens one incident when the revert and its culprit commit are asked for at once', async () => {
    const detection = await detectOne(repo.path, revert);
    assert.ok(detection);
    const [fromRevert, fromCommit] = await Promise.all([
      resolveIncidentFile({ kind: 'revert', repoRoot: repo.path, detection }, FOLDER),
      resolveIncidentFile({ kind: 'commit', repoRoot: repo.path, sha: culprit.slice(0, 10) }, FOLDER),
    ]);
    assert.equal(fromRevert, fromCommit);
    assert.equal(incidentFiles().length, 1);
  });

  it('opens one incident when the revert row and the revert commit picked by hand are asked for at once', async () => {
    const detection = await detectOne(repo.path, revert);
    assert.ok(detection);
    // "New Incident" on the revert commit itself opens the incident for what it reverted, as the row does.
    const [fromRow, fromPick] = await Promise.all([
      resolveIncidentFile({ kind: 'revert', repoRoot: repo.path, detection }, FOLDER),
      resolveIncidentFile({ kind: 'commit', repoRoot: repo.path, sha: revert }, FOLDER),
    ]);
    assert.equal(fromRow, fromPick);
    assert.equal(incidentFiles().length, 1);
  });

  it('a failed attempt does not block the next one: both callers get the error, a later call creates the file', async () => {
    const detection = await detectOne(repo.path, revert);
    assert.ok(detection);
    const target = { kind: 'revert', repoRoot: repo.path, detection } as const;
    // A file where the incidents folder should be: creating the incident fails.
    fs.mkdirSync(path.join(repo.path, 'docs'));
    fs.writeFileSync(path.join(repo.path, FOLDER), 'not a folder');
    const results = await Promise.allSettled([resolveIncidentFile(target, FOLDER), resolveIncidentFile(target, FOLDER)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    fs.rmSync(path.join(repo.path, FOLDER));
    const created = await resolveIncidentFile(target, FOLDER);
    assert.deepEqual(incidentFiles(), [path.basename(created)]);
  });
});
