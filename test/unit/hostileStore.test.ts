/**
 * Incident files from hostile titles and paths, and writes that fail: the store never writes
 * outside its folder, never overwrites, always produces a valid file name, and a failed save
 * leaves the file as it was with an error that says what to do.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnsafeFolderError } from '../../src/core/fs/safeFolder';
import { IncidentConflictError } from '../../src/core/incidents/errors';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { isWindowsReservedName, MAX_SLUG_LENGTH } from '../../src/core/incidents/slug';
import { HOSTILE_NAMES } from '../helpers/hostileRepo';
import { makeTempDir } from '../helpers/tempRepo';

const NOW = new Date('2026-01-05T09:00:00Z');
const VALID_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A tiny tmpfs (root only); undefined where mounting is not allowed. */
function mountTmpfs(options: string): string | undefined {
  const dir = makeTempDir('tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
}

describe('incident store under hostile names and failing disks', () => {
  let sandbox: string;
  let root: string;
  beforeEach(() => {
    // The repository sits inside a sandbox folder so a write that escapes it is caught.
    sandbox = makeTempDir('store-sandbox-');
    root = path.join(sandbox, 'repo');
    fs.mkdirSync(root);
  });
  afterEach(() => fs.rmSync(sandbox, { recursive: true, force: true }));

  it('every hostile title becomes a valid, bounded file name inside the folder, and nothing is overwritten', async () => {
    const store = new IncidentStore(root);
    const written: string[] = [];
    for (const title of HOSTILE_NAMES) {
      for (let copy = 0; copy < 2; copy++) {
        const s = await store.create({ title }, NOW);
        const name = path.basename(s.path);
        assert.match(name, VALID_NAME, JSON.stringify(title));
        assert.ok(name.length <= '2026-01-05-'.length + MAX_SLUG_LENGTH + '-99.md'.length, name);
        assert.ok(!isWindowsReservedName(name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')), name);
        assert.equal(path.dirname(s.path), path.join(root, 'docs', 'incidents'));
        assert.ok(!written.includes(s.path), `${name} was written twice`);
        written.push(s.path);
        assert.equal((await store.load(s.relativePath)).incident.title, title);
      }
    }
    // Each earlier file still holds its own title: nothing was overwritten.
    const { incidents, errors } = await store.list();
    assert.deepEqual(errors, []);
    assert.equal(incidents.length, HOSTILE_NAMES.length * 2);
    assert.deepEqual(files(sandbox), written.map((p) => path.relative(sandbox, p)).sort());
  });

  it('refuses folders and files outside the incidents folder, symlinks included', async () => {
    for (const folder of ['../outside', '/etc', 'docs/../..', '.git/incidents', 'C:\\x', '..\\..', '']) {
      assert.throws(() => new IncidentStore(root, folder), UnsafeFolderError, folder);
    }
    const store = new IncidentStore(root);
    await store.create({ title: 'real' }, NOW);
    const secret = path.join(sandbox, 'secret.md');
    fs.writeFileSync(secret, '---\ntitle: secret\n---\n');
    for (const p of ['../secret.md', secret, 'docs/incidents/../../../secret.md', '/etc/passwd']) {
      await assert.rejects(store.load(p), UnsafeFolderError, p);
    }
    // A planted symlink that looks like an incident file is neither listed nor read.
    fs.symlinkSync(secret, path.join(store.folderPath, '2026-01-01-link.md'));
    assert.deepEqual((await store.list()).incidents.map((s) => s.incident.title), ['real']);
    await assert.rejects(store.load('docs/incidents/2026-01-01-link.md'), UnsafeFolderError);
    // A folder that is a symlink out of the repository is refused before anything is written.
    const out = path.join(sandbox, 'elsewhere');
    fs.mkdirSync(out);
    fs.symlinkSync(out, path.join(root, 'notes'));
    await assert.rejects(new IncidentStore(root, 'notes/incidents').create({ title: 'x' }, NOW), UnsafeFolderError);
    assert.deepEqual(fs.readdirSync(out), []);
  });

  it('a file or its whole folder removed under an open incident (branch switch): save reports a conflict that keeps my text', async () => {
    // The repository is reached through a symlink, as on macOS (/tmp -> /private/tmp).
    const linkedRoot = path.join(sandbox, 'linked');
    fs.symlinkSync(root, linkedRoot);
    const store = new IncidentStore(linkedRoot);
    const stored = await store.create({ title: 'Moved by a checkout' }, NOW);
    const mine = { ...stored.incident, sections: { ...stored.incident.sections, impact: 'Typed before the checkout.' } };

    fs.rmSync(stored.path);
    await assert.rejects(store.load(stored.relativePath), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
    const deleted = await store.save(stored, mine).then(
      () => assert.fail('saved over a deleted file'),
      (e: unknown) => e,
    );
    assert.ok(deleted instanceof IncidentConflictError);
    assert.equal(deleted.theirs.raw, undefined);
    assert.match(deleted.mine, /Typed before the checkout\./);

    fs.rmSync(store.folderPath, { recursive: true });
    await assert.rejects(store.load(stored.relativePath), (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && /folder docs\/incidents was removed/.test(e.message));
    const gone = await store.save(stored, mine).then(
      () => assert.fail('saved into a removed folder'),
      (e: unknown) => e,
    );
    assert.ok(gone instanceof IncidentConflictError, String(gone));
    assert.match(gone.message, /was deleted after it was opened; nothing was saved/);
    assert.match(gone.mine, /Typed before the checkout\./);
  });

  it('disk full while saving: the file keeps its old bytes, no temp file is left, the error says what to do', async function () {
    const disk = mountTmpfs('size=64k');
    if (!disk) return this.skip();
    try {
      const store = new IncidentStore(disk);
      const stored = await store.create({ title: 'Disk full' }, NOW);
      const before = fs.readFileSync(stored.path, 'utf8');
      const next = { ...stored.incident, sections: { ...stored.incident.sections, whatHappened: 'x'.repeat(200 * 1024) } };
      await assert.rejects(store.save(stored, next), /Could not write the incident to .*: the disk is full; free some space and save again\. Nothing was changed\./);
      assert.equal(fs.readFileSync(stored.path, 'utf8'), before);
      assert.deepEqual(fs.readdirSync(store.folderPath), [path.basename(stored.path)]);
      // Creating a new incident on the full disk fails the same way and leaves no partial file.
      fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(0));
      await assert.rejects(store.create({ title: 'y', deployRefs: ['z'.repeat(200 * 1024)] }, NOW), /the disk is full/);
      assert.deepEqual(fs.readdirSync(store.folderPath), [path.basename(stored.path)]);
    } finally {
      unmount(disk);
    }
  });

  it('read-only file system while saving: the file is untouched and the error says so', async function () {
    const disk = mountTmpfs('size=1m');
    if (!disk) return this.skip();
    try {
      const store = new IncidentStore(disk);
      const stored = await store.create({ title: 'Read only' }, NOW);
      const before = fs.readFileSync(stored.path, 'utf8');
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const next = { ...stored.incident, title: 'Changed' };
      await assert.rejects(store.save(stored, next), /the file system is read-only; save again once it is writable\. Nothing was changed\./);
      assert.equal(fs.readFileSync(stored.path, 'utf8'), before);
    } finally {
      unmount(disk);
    }
  });
});
