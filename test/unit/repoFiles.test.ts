import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRepoFile, UnsafeFileError, writeRepoFile } from '../../src/core/fs/repoFiles';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { findIncidentForCommit, NothingSurvivesError, planTestScaffold } from '../../src/core/scaffold';
import { linkedTestStatus } from '../../src/prevention/incidentFacts';
import { buildCli } from '../helpers/cli';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const NOW = new Date('2026-01-05T09:00:00Z');
const SECRET = '[http "https://example.invalid/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n';

/** A promise that rejects when `work` takes longer than `ms` (a read of /dev/stdin or a FIFO would hang). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms))]);
}

describe('one safe way to read and write repository files', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let outside: string;
  let culprit: string;

  beforeEach(() => {
    repo = TempRepo.create();
    outside = path.join(makeTempDir('outside-'), 'secret.txt');
    fs.writeFileSync(outside, 'OUTSIDE SECRET\n');
    repo.commit('init', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), 'lib/config.js': 'function parseConfig(t) {\n  return JSON.parse(t);\n}\nmodule.exports = { parseConfig };\n' });
    culprit = repo.commit('Trim config', { 'lib/config.js': 'function parseConfig(t) {\n  return JSON.parse(t.trim());\n}\nmodule.exports = { parseConfig };\n' });
    fs.appendFileSync(path.join(repo.path, '.git', 'config'), SECRET);
  });
  afterEach(() => repo.dispose());

  it('refuses symlinks out of the repository or into .git, FIFOs, devices and files over the cap, with a clear message', async () => {
    const link = (name: string, target: string) => fs.symlinkSync(target, path.join(repo.path, name));
    link('out.txt', outside);
    link('gitconfig.md', '.git/config');
    link('zero.js', '/dev/zero');
    link('stdin.js', '/dev/stdin');
    execFileSync('mkfifo', [path.join(repo.path, 'pipe.js')]);
    fs.writeFileSync(path.join(repo.path, 'big.txt'), Buffer.alloc(2048, 97));
    const reason = (p: Promise<unknown>) => p.then(() => 'read', (err: unknown) => (err instanceof UnsafeFileError ? err.reason : String(err)));
    assert.equal(await reason(readRepoFile(repo.path, 'out.txt')), 'outside');
    assert.equal(await reason(readRepoFile(repo.path, 'gitconfig.md')), 'outside');
    assert.equal(await reason(readRepoFile(repo.path, 'zero.js')), 'outside');
    assert.equal(await within(3000, reason(readRepoFile(repo.path, 'stdin.js'))), 'outside');
    assert.equal(await within(3000, reason(readRepoFile(repo.path, 'pipe.js'))), 'notRegular');
    await assert.rejects(readRepoFile(repo.path, 'big.txt', { maxBytes: 1024 }), /"big\.txt" is larger than/);
    assert.equal(await readRepoFile(repo.path, 'missing.txt'), undefined);
    // Writing: a symlink is refused and left as it is; the file it points to is untouched.
    await assert.rejects(writeRepoFile(repo.path, 'out.txt', 'x'), /symbolic link/);
    assert.ok(fs.lstatSync(path.join(repo.path, 'out.txt')).isSymbolicLink());
    assert.equal(fs.readFileSync(outside, 'utf8'), 'OUTSIDE SECRET\n');
  });

  it('scaffold checklist never reads or replaces a PR template that links to .git/config', async () => {
    const built = await buildCli();
    try {
      await new IncidentStore(repo.path).create({ title: 'Config broke', culprits: [culprit] }, NOW);
      fs.mkdirSync(path.join(repo.path, '.github'));
      fs.symlinkSync('../.git/config', path.join(repo.path, '.github', 'pull_request_template.md'));
      for (const extra of [['--print'], []]) {
        const r = spawnSync(process.execPath, [built.path, 'scaffold', 'checklist', culprit, '--item', 'Check config', ...extra], { cwd: repo.path, encoding: 'utf8', env: repo.env() });
        assert.doesNotMatch(r.stdout + r.stderr, /extraheader|c2VjcmV0/, 'the credential header is never shown');
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /pull_request_template\.md" points outside the repository/);
      }
      assert.ok(fs.lstatSync(path.join(repo.path, '.github', 'pull_request_template.md')).isSymbolicLink(), 'the link was not replaced');
      assert.match(fs.readFileSync(path.join(repo.path, '.git', 'config'), 'utf8'), /extraheader/);
    } finally {
      built.dispose();
    }
  });

  it("the scaffold's incident reader and source read do not follow links out, and /dev/stdin does not hang", async () => {
    const store = new IncidentStore(repo.path);
    const real = await store.create({ title: 'Config broke', culprits: [culprit] }, NOW);
    // An "incident" that is a link to a file outside: its text must not reach the generated test.
    fs.writeFileSync(outside, fs.readFileSync(real.path, 'utf8').replace('Config broke', 'OUTSIDE SECRET'));
    fs.rmSync(real.path);
    fs.symlinkSync(outside, real.path);
    assert.equal(await findIncidentForCommit(repo.path, culprit), undefined);
    // The culprit's source file replaced by a link to /dev/stdin: the scaffold finishes at once, without
    // reading it (today's tree has no readable file there, so it says nothing survives instead of hanging).
    fs.rmSync(path.join(repo.path, 'lib/config.js'));
    fs.symlinkSync('/dev/stdin', path.join(repo.path, 'lib/config.js'));
    const plan = await within(
      10_000,
      planTestScaffold(repo.path, culprit).catch((err: unknown) => {
        if (err instanceof NothingSurvivesError) return undefined;
        throw err;
      }),
    );
    assert.doesNotMatch(JSON.stringify(plan ?? {}), /OUTSIDE SECRET/);
  });

  it('a linked test that is a link to /dev/zero or a FIFO is reported missing, quickly', async () => {
    fs.mkdirSync(path.join(repo.path, 'test'));
    fs.symlinkSync('/dev/zero', path.join(repo.path, 'test', 'zero.test.js'));
    execFileSync('mkfifo', [path.join(repo.path, 'test', 'fifo.test.js')]);
    assert.equal(await within(3000, linkedTestStatus(repo.path, 'test/zero.test.js')), 'missing');
    assert.equal(await within(3000, linkedTestStatus(repo.path, 'test/fifo.test.js')), 'missing');
  });
});
