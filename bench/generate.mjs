// Builds synthetic repositories with `git fast-import`: a linear main line with regular
// --no-ff merges of two-commit side branches, realistic message lengths, ~1% reverts in every
// format the detector supports, and a manifest of the detections a correct scan must report.
//
// Commit shas are needed inside revert messages before git has written anything, so this
// script hashes blobs, trees and commits itself (SHA-1 object format, flat tree) and the
// manifest is checked against git afterwards (a few rev-parse calls).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng, startFastImport } from './fastImport.mjs';

/** Bump when the generated history changes: repositories are reused by size + this version. */
export const GENERATOR_VERSION = 3;

const FILES = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`).sort();
const AUTHORS = [
  ['Alice Example', 'alice@example.com'],
  ['Bob Example', 'bob@example.com'],
  ['Chen Wei', 'chen@example.com'],
  ['Dana Smith', 'dana@example.com'],
];
const VERBS = ['Add', 'Fix', 'Update', 'Remove', 'Refactor', 'Handle', 'Improve', 'Document', 'Speed up', 'Simplify'];
const THINGS = ['price rounding', 'cart totals', 'session cookie', 'login redirect', 'retry budget', 'cache warmer', 'search index', 'currency formatting', 'audit log', 'feature flag for checkout', 'invoice PDF export', 'rate limiter', 'timezone handling', 'webhook signature check', 'pagination cursor'];
const TAILS = ['', '', '', ' in the API', ' for EU customers', ' when the queue is empty', ' behind a flag', ' on slow networks', ' for legacy accounts'];
const SCOPES = ['cart', 'auth', 'api', 'ui', 'billing', 'search'];
const BODY_WORDS = 'the a request handler returns value when customer order total cache miss retries before after timeout flag config migration index query slow path because users reported errors under load this change keeps behaviour for existing callers'.split(' ');
/** Messages that pass git's candidate filter but are not reverts: the parser must reject them. */
const DECOYS = ['Fix revert button alignment on the settings page', 'Document how to roll back a deploy', 'Add test for reapply logic in the queue', 'Rename revertable flag to undoable'];

function sha1(buf) {
  return createHash('sha1').update(buf).digest();
}

function objectId(type, body) {
  return sha1(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]));
}

export function repoDir(benchDir, size, { noReverts = false } = {}) {
  return path.join(benchDir, '.repos', `${noReverts ? 'clean' : 'mixed'}-${size}-g${GENERATOR_VERSION}.git`);
}

/**
 * Generates (or reuses) a bare repository with `size` commits. Returns { dir, manifest }.
 * The manifest lists every planted revert: { sha, kind, reverted, evidence, format }.
 */
export async function ensureRepo(benchDir, size, { noReverts = false, log = console.log } = {}) {
  const dir = repoDir(benchDir, size, { noReverts });
  const manifestFile = `${dir}.manifest.json`;
  if (fs.existsSync(path.join(dir, 'HEAD')) && fs.existsSync(manifestFile)) {
    return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', dir]);
  const started = Date.now();
  const manifest = await writeHistory(dir, size, noReverts);
  execFileSync('git', ['-C', dir, 'gc', '-q', '--prune=now'], { stdio: 'ignore' });
  verifyManifest(dir, manifest);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  log(`[bench] generated ${path.basename(dir)}: ${manifest.commits} commits, ${manifest.reverts.length} planted reverts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, manifest };
}

async function writeHistory(dir, size, noReverts) {
  const { write, finish } = startFastImport(dir);

  const random = rng(size * 7919 + (noReverts ? 1 : 0));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const contents = new Map(FILES.map((f) => [f, `${f}\n`]));
  const blobIds = new Map(FILES.map((f) => [f, objectId('blob', Buffer.from(contents.get(f)))]));
  let clock = Date.parse('2012-01-01T00:00:00Z') / 1000;
  let mark = 0;
  let count = 0;
  let pr = 100;
  let head; // hex sha of main's tip
  const recent = []; // recent plain commits on main: { sha, subject, file, before, after, parent }
  const reverts = [];
  const recentReverts = [];

  // Subject links find the nearest ancestor with that subject (or `subject (#N)`), so an
  // original is only planted when no later commit repeats its subject.
  const lastSeen = new Map();
  const baseSubject = (s) => s.replace(/ \(#\d+\)$/, '');
  const treeId = () => {
    const parts = [];
    for (const f of FILES) parts.push(Buffer.from(`100644 ${f}\0`), blobIds.get(f));
    return objectId('tree', Buffer.concat(parts)).toString('hex');
  };

  /** One commit on `ref`: sets files, returns its sha. Dates strictly increase in output order. */
  const marks = new Map(); // sha -> mark, for `from`/`merge` (fast-import resolves marks, not pending shas)
  const commit = async (ref, parents, message, changes) => {
    clock += 60 + Math.floor(random() * 600);
    const [name, email] = pick(AUTHORS);
    const m = ++mark;
    let out = `commit ${ref}\nmark :${m}\nauthor ${name} <${email}> ${clock} +0000\ncommitter ${name} <${email}> ${clock} +0000\ndata ${Buffer.byteLength(message)}\n${message}`;
    if (parents.length > 1) out += `merge :${marks.get(parents[1])}\n`;
    for (const [file, content] of Object.entries(changes)) {
      contents.set(file, content);
      blobIds.set(file, objectId('blob', Buffer.from(content)));
      out += `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}`;
    }
    const header = `tree ${treeId()}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${name} <${email}> ${clock} +0000\ncommitter ${name} <${email}> ${clock} +0000\n\n`;
    const sha = objectId('commit', Buffer.concat([Buffer.from(header), Buffer.from(message)])).toString('hex');
    await write(out + '\n');
    marks.set(sha, m);
    lastSeen.set(message.split('\n')[0], count);
    lastSeen.set(baseSubject(message.split('\n')[0]), count);
    count++;
    return sha;
  };

  const subjectLine = () => {
    const s = `${pick(VERBS)} ${pick(THINGS)}${pick(TAILS)}`;
    return random() < 0.3 ? `${pick(['feat', 'fix', 'chore', 'perf'])}(${pick(SCOPES)}): ${s.toLowerCase()}` : s;
  };
  const body = () => {
    if (random() < 0.4) return '';
    const lines = 1 + Math.floor(random() * 5);
    const out = [];
    for (let i = 0; i < lines; i++) out.push(Array.from({ length: 8 + Math.floor(random() * 6) }, () => pick(BODY_WORDS)).join(' '));
    return `\n\n${out.join('\n')}`;
  };
  const edit = (file) => `${contents.get(file)}${count} ${pick(BODY_WORDS)}\n`.split('\n').slice(-6).join('\n');

  const plain = async () => {
    const file = pick(FILES);
    const before = contents.get(file);
    let subject = subjectLine();
    if (random() < 0.25) subject = `${subject} (#${++pr})`;
    if (!noReverts && random() < 0.002) subject = pick(DECOYS);
    const after = edit(file);
    const at = count;
    // The root commit creates every file (the hashed tree always lists all of them).
    const changes = head ? { [file]: after } : { ...Object.fromEntries(contents), [file]: after };
    const sha = await commit('refs/heads/main', head ? [head] : [], `${subject}${body()}\n`, changes);
    recent.push({ sha, subject, file, before, after, at });
    if (recent.length > 40) recent.shift();
    head = sha;
  };

  const merge = async () => {
    // A side branch of two commits from main's tip, merged back with --no-ff.
    const base = head;
    const n = ++pr;
    await write(`reset refs/heads/side\nfrom :${marks.get(base)}\n\n`);
    let side = base;
    const touched = {};
    for (let i = 0; i < 2; i++) {
      const file = pick(FILES);
      touched[file] = edit(file);
      side = await commit('refs/heads/side', [side], `${subjectLine()}${body()}\n`, { [file]: touched[file] });
    }
    // fast-import gives a commit its first parent's tree plus the listed changes, so the merge
    // lists the side branch's files to get the merged tree.
    const message = `Merge pull request #${n} from acme/feature-${n}\n\n${subjectLine()}\n`;
    const sha = await commit('refs/heads/main', [base, side], message, touched);
    head = sha;
    return { sha, firstParent: base, subject: `Merge pull request #${n} from acme/feature-${n}` };
  };

  const plantRevert = async (format, lastMerge) => {
    if (format === 'merge') {
      if (!lastMerge) return false;
      // Restores main's tree before the merge: every file back to the first parent's content is
      // not tracked here, so the revert touches one file; merges are exempt from partial checks.
      const file = pick(FILES);
      const msg = `Revert "${lastMerge.subject}"\n\nThis reverts commit ${lastMerge.sha}, reversing\nchanges made to ${lastMerge.firstParent}.\n`;
      const sha = await commit('refs/heads/main', [head], msg, { [file]: edit(file) });
      head = sha;
      reverts.push({ sha, format, kind: 'revert', reverted: [lastMerge.sha], evidence: 'merge-parent' });
      return 'merge';
    }
    if (format === 'reapply') {
      const r = recentReverts.pop();
      if (!r) return false;
      const msg = `Reapply "${r.originalSubject}"\n\nThis reverts commit ${r.sha}.\n`;
      const sha = await commit('refs/heads/main', [head], msg, { [r.file]: edit(r.file) });
      head = sha;
      reverts.push({ sha, format, kind: 'reapply', reverted: [r.sha], evidence: 'sha' });
      return true;
    }
    // The original: a plain commit a few commits back whose subject is unique and not itself revert-like.
    const candidates = recent.filter(
      (c) => !c.used && !DECOYS.includes(c.subject) && lastSeen.get(c.subject) === c.at && lastSeen.get(baseSubject(c.subject)) === c.at,
    );
    const original = format === 'squash' ? candidates.find((c) => / \(#\d+\)$/.test(c.subject)) : candidates[candidates.length - 1 - Math.floor(random() * Math.min(5, candidates.length))];
    if (!original) return false;
    original.used = true;
    const { sha: o, subject, file } = original;
    let msg;
    let evidence = 'sha';
    switch (format) {
      case 'git':
        msg = `Revert "${subject}"\n\nThis reverts commit ${o}.\n`;
        break;
      case 'reference':
        msg = `Stop shipping the ${pick(THINGS)} change, it broke checkout\n\nThis reverts commit ${o.slice(0, 12)} (${subject}, 2024-05-01).\n`;
        break;
      case 'squash': {
        msg = `Revert "${subject}" (#${++pr})\n\nReverts acme/shop#${subject.match(/#(\d+)\)$/)[1]}\n`;
        evidence = 'subject-exact';
        break;
      }
      case 'conventional':
        msg = `revert: ${subject}\n\n${pick(BODY_WORDS)} ${pick(BODY_WORDS)} broke production\n`;
        evidence = 'subject-exact';
        break;
      case 'hg':
        msg = `Backed out changeset ${o.slice(0, 12)}\n\nBacked out changeset ${o.slice(0, 12)} (${subject.slice(0, 30)})\n`;
        break;
      default:
        throw new Error(format);
    }
    // The revert puts the file back the way the original found it (same paths: a full revert).
    const sha = await commit('refs/heads/main', [head], msg, { [file]: `${contents.get(file)}# undo ${count}\n` });
    head = sha;
    reverts.push({ sha, format, kind: 'revert', reverted: [o], evidence });
    recentReverts.push({ sha, file, originalSubject: subject });
    if (recentReverts.length > 10) recentReverts.shift();
    return true;
  };

  const FORMATS = ['git', 'git', 'reference', 'squash', 'conventional', 'reapply', 'merge', 'hg'];
  let lastMerge;
  while (count < size) {
    const r = random();
    if (count > 60 && r < 0.012 && !noReverts) {
      const planted = await plantRevert(FORMATS[reverts.length % FORMATS.length], lastMerge);
      if (planted === 'merge') lastMerge = undefined;
      if (planted) continue;
    }
    if (count > 3 && r > 0.96 && size - count > 3) lastMerge = await merge();
    else await plain();
  }
  await finish();
  execFileSync('git', ['-C', dir, 'update-ref', '-d', 'refs/heads/side']);
  return { version: GENERATOR_VERSION, commits: count, head, reverts: reverts.reverse() };
}

/** The hashes computed here must be the ones git wrote: check HEAD and a sample of reverts. */
function verifyManifest(dir, manifest) {
  const head = execFileSync('git', ['-C', dir, 'rev-parse', 'refs/heads/main'], { encoding: 'utf8' }).trim();
  if (head !== manifest.head) throw new Error(`generator hashed HEAD ${manifest.head} but git wrote ${head}`);
  const sample = manifest.reverts.filter((_, i) => i % Math.max(1, Math.floor(manifest.reverts.length / 20)) === 0);
  for (const r of sample) execFileSync('git', ['-C', dir, 'cat-file', '-e', `${r.sha}^{commit}`]);
  const branches = execFileSync('git', ['-C', dir, 'branch', '--list'], { encoding: 'utf8' });
  if (branches.includes('side')) throw new Error('side branch left behind');
}
