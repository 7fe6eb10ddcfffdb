import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncidentConflictError } from '../../src/core/incidents/errors';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { UnsafeFolderError } from '../../src/core/fs/safeFolder';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const NOW = new Date('2026-01-05T09:00:00Z');

describe('incident store', () => {
  let repo: TempRepo;
  let store: IncidentStore;

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'README.md': '# app\n' });
    store = new IncidentStore(repo.path);
  });
  afterEach(() => repo.dispose());

  it('creates YYYY-MM-DD-slug.md in docs/incidents and lists it', async () => {
    const created = await store.create({ title: 'Checkout button does nothing', culprits: ['a'.repeat(40)] }, NOW);
    assert.equal(created.relativePath, 'docs/incidents/2026-01-05-checkout-button-does-nothing.md');
    assert.equal(fs.readFileSync(created.path, 'utf8'), created.raw);
    assert.match(created.incident.id, /^INC-20260105-[0-9a-f]{4}$/);
    assert.equal(created.incident.status, 'open');
    assert.equal(created.incident.severity, 'sev3');
    assert.equal(created.incident.detected, NOW.toISOString());
    const { incidents, errors } = await store.list();
    assert.deepEqual(errors, []);
    assert.deepEqual(incidents.map((s) => s.incident), [created.incident]);
    assert.deepEqual(fs.readdirSync(path.dirname(created.path)), ['2026-01-05-checkout-button-does-nothing.md'], 'no temp files left behind');
  });

  it('never clobbers: clashing names get -2, -3, also when created concurrently', async () => {
    const first = await store.create({ title: 'Deploy failed' }, NOW);
    const rest = await Promise.all([1, 2, 3, 4].map(() => store.create({ title: 'Deploy failed' }, NOW)));
    const names = [first, ...rest].map((s) => path.basename(s.path)).sort();
    assert.deepEqual(names, ['2026-01-05-deploy-failed-2.md', '2026-01-05-deploy-failed-3.md', '2026-01-05-deploy-failed-4.md', '2026-01-05-deploy-failed-5.md', '2026-01-05-deploy-failed.md']);
    for (const s of [first, ...rest]) assert.equal(fs.readFileSync(s.path, 'utf8'), s.raw);
  });

  it('keeps hostile titles inside the folder with safe names', async () => {
    const titles = ['../../etc/passwd', 'CON', 'x'.repeat(300), '🔥 prod down \u202Eevil', '.git'];
    const created = await Promise.all(titles.map((title) => store.create({ title }, NOW)));
    const folder = fs.realpathSync(store.folderPath);
    for (const [i, s] of created.entries()) {
      assert.equal(fs.realpathSync(path.dirname(s.path)), folder);
      assert.match(path.basename(s.path), /^2026-01-05-[a-z0-9-]{1,70}\.md$/);
      assert.equal(s.incident.title, titles[i], 'the title itself is kept as written');
    }
    assert.ok(!fs.existsSync(path.join(repo.path, 'etc')));
    const { incidents } = await store.list();
    assert.equal(incidents.length, titles.length);
  });

  it('saves minimal changes and merges with a file changed on disk instead of overwriting it', async () => {
    const created = await store.create({ title: 'Login loop' }, NOW);
    const unchanged = await store.save(created, created.incident);
    assert.equal(unchanged.raw, created.raw);

    const next = { ...created.incident, status: 'mitigated' as const };
    const saved = await store.save(created, next);
    assert.equal(saved.raw, created.raw.replace('status: open', 'status: mitigated'));
    assert.equal(fs.readFileSync(created.path, 'utf8'), saved.raw);
    assert.notEqual(saved.version, created.version);
    assert.equal(saved.merged, false);

    // Someone else edits the file (an editor, a git pull) after we loaded `saved`.
    const theirs = saved.raw.replace('## Impact\n', '## Impact\n\nTheir words.\n');
    fs.writeFileSync(created.path, theirs);
    const mine = { ...saved.incident, severity: 'sev1' as const };
    const merged = await store.save(saved, mine);
    assert.equal(merged.merged, true);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.raw, theirs.replace('severity: sev3', 'severity: sev1'), 'their bytes plus my one change');
    assert.equal(fs.readFileSync(created.path, 'utf8'), merged.raw);
  });

  it('a field changed on both sides keeps both texts and reports the conflict', async () => {
    const created = await store.create({ title: 'Both', sections: { impact: 'Base words.' } }, NOW);
    fs.writeFileSync(created.path, created.raw.replace('Base words.', 'Their words.'));
    const saved = await store.save(created, { ...created.incident, sections: { ...created.incident.sections, impact: 'My words.' } });
    assert.deepEqual(saved.conflicts.map((c) => c.field), ['sections.impact']);
    assert.match(saved.incident.sections.impact, /^My words\.\n\n<!-- Own It kept both versions[^\n]*-->\n\nTheir words\.$/);
    assert.match(fs.readFileSync(created.path, 'utf8'), /My words\.[\s\S]*Their words\./);
  });

  it('reports a file that no longer parses as a conflict and leaves it untouched', async () => {
    const created = await store.create({ title: 'Broken' }, NOW);
    fs.writeFileSync(created.path, '---\nid: [x\n---\n');
    await assert.rejects(store.save(created, { ...created.incident, status: 'resolved' }), (err: unknown) => err instanceof IncidentConflictError && err.theirs.raw === '---\nid: [x\n---\n');
    assert.equal(fs.readFileSync(created.path, 'utf8'), '---\nid: [x\n---\n');
  });

  it('reports a deleted file as a conflict instead of recreating it silently', async () => {
    const created = await store.create({ title: 'Gone' }, NOW);
    fs.rmSync(created.path);
    await assert.rejects(store.save(created, { ...created.incident, status: 'resolved' }), (err: unknown) => err instanceof IncidentConflictError && err.theirs.raw === undefined);
  });

  it('lists good incidents next to malformed ones with file:line errors', async () => {
    const good = await store.create({ title: 'Good one' }, NOW);
    fs.writeFileSync(path.join(store.folderPath, '2026-01-06-bad-status.md'), good.raw.replace('status: open', 'status: closed'));
    fs.writeFileSync(path.join(store.folderPath, '2026-01-07-bad-yaml.md'), '---\nid: [x\n---\n');
    fs.writeFileSync(path.join(store.folderPath, 'README.md'), '# Incidents\n');
    const { incidents, errors } = await store.list();
    assert.deepEqual(incidents.map((s) => s.relativePath), [good.relativePath]);
    assert.deepEqual(errors.map((e) => e.file), ['docs/incidents/2026-01-07-bad-yaml.md', 'docs/incidents/2026-01-06-bad-status.md']);
    assert.match(errors[0].message, /^docs\/incidents\/2026-01-07-bad-yaml\.md:[23]: invalid YAML/);
    assert.equal(errors[1].message, 'docs/incidents/2026-01-06-bad-status.md:4: status must be one of open, mitigated, resolved');
    assert.equal(errors[1].line, 4);
  });

  it('finds an incident by full or abbreviated culprit or revert sha', async () => {
    const culprit = repo.commit('Add retry', { 'a.txt': '1' });
    const revert = repo.revert(culprit);
    const created = await store.create({ title: 'Retry storm', culprits: [culprit], revert }, NOW);
    assert.equal((await store.findByCommit(culprit))?.path, created.path);
    assert.equal((await store.findByCommit(revert.slice(0, 7)))?.path, created.path);
    assert.equal(await store.findByCommit('0000000'), undefined);
    assert.equal(await store.findByCommit('--all'), undefined);
  });

  it('returns no incidents when the folder does not exist yet', async () => {
    assert.deepEqual(await store.list(), { incidents: [], errors: [] });
  });

  describe('stays inside the repository', () => {
    it('rejects absolute, .. and .git folder settings with a clear error', () => {
      assert.throws(() => new IncidentStore(repo.path, '/tmp/incidents'), (e: unknown) => e instanceof UnsafeFolderError && /absolute/.test(e.message));
      assert.throws(() => new IncidentStore(repo.path, 'C:\\incidents'), UnsafeFolderError);
      assert.throws(() => new IncidentStore(repo.path, 'docs/../../outside'), (e: unknown) => e instanceof UnsafeFolderError && /\.\./.test(e.message));
      assert.throws(() => new IncidentStore(repo.path, '.git/incidents'), UnsafeFolderError);
      assert.throws(() => new IncidentStore(repo.path, '  '), UnsafeFolderError);
      assert.equal(new IncidentStore(repo.path, './notes\\incidents/').folder, 'notes/incidents');
    });

    it('refuses a folder that escapes through a symlink, and writes nothing outside', async () => {
      const outside = makeTempDir('outside-');
      fs.symlinkSync(outside, path.join(repo.path, 'docs'));
      await assert.rejects(store.create({ title: 'Escape' }, NOW), (e: unknown) => e instanceof UnsafeFolderError && /outside the repository/.test(e.message));
      await assert.rejects(store.list(), UnsafeFolderError);
      assert.deepEqual(fs.readdirSync(outside), [], 'mkdir -p did not follow the link');
      fs.rmSync(outside, { recursive: true, force: true });
    });

    it('allows a symlink that stays inside the repository', async () => {
      fs.mkdirSync(path.join(repo.path, 'notes'));
      fs.symlinkSync(path.join(repo.path, 'notes'), path.join(repo.path, 'docs'));
      const created = await store.create({ title: 'Inside' }, NOW);
      assert.ok(fs.existsSync(path.join(repo.path, 'notes', 'incidents', path.basename(created.path))));
    });

    it('refuses to load a file outside the incidents folder', async () => {
      await store.create({ title: 'Here' }, NOW);
      await assert.rejects(store.load('README.md'), UnsafeFolderError);
      await assert.rejects(store.load('docs/incidents/../../README.md'), UnsafeFolderError);
    });
  });

  it('says plainly when the folder is read-only', async function () {
    const folder = store.folderPath;
    fs.mkdirSync(folder, { recursive: true });
    const created = await store.create({ title: 'Before lock' }, NOW);
    // root ignores permission bits, so lock the folder with the immutable attribute instead.
    const asRoot = process.getuid?.() === 0;
    try {
      if (asRoot) execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
      else fs.chmodSync(folder, 0o555);
    } catch {
      this.skip();
    }
    try {
      await assert.rejects(store.create({ title: 'Locked' }, NOW), /Could not write the incident to docs\/incidents: permission denied — the folder is read-only/);
      await assert.rejects(store.save(created, { ...created.incident, status: 'resolved' }), /Could not write the incident to docs\/incidents\/2026-01-05-before-lock\.md: permission denied/);
      assert.equal(fs.readFileSync(created.path, 'utf8'), created.raw);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', folder]);
      else fs.chmodSync(folder, 0o755);
    }
  });

  it('writes untouched bytes back byte-identical (invalid UTF-8 included) and keeps the file mode', async () => {
    const created = await store.create({ title: 'Bytes', sections: { impact: 'Impact text.', rootCause: 'Cause text.' } }, NOW);
    const bytes = Buffer.concat([
      Buffer.from(created.raw.replace('Impact text.', 'Impact \u00e9 text ').split('Cause text.')[0], 'utf8'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' Latin-1 caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(created.raw.split('Cause text.')[1], 'utf8'),
    ]);
    fs.writeFileSync(created.path, bytes);
    fs.chmodSync(created.path, 0o600);
    const loaded = await store.load(created.path);
    const saved = await store.save(loaded, { ...loaded.incident, status: 'resolved' });
    const after = fs.readFileSync(created.path);
    const expected = Buffer.from(bytes.toString('latin1').replace('status: open', 'status: resolved'), 'latin1');
    assert.ok(after.equals(expected), 'only the status bytes changed');
    assert.equal(fs.statSync(created.path).mode & 0o777, 0o600);
    assert.equal(saved.incident.sections.rootCause.includes('\ufffd'), false, 'invalid bytes are not replaced by U+FFFD');
  });
});
