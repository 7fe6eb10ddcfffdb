/**
 * Hostile repositories against the core and the CLI: payload-carrying messages, authors, refs and
 * file names, encodings, huge messages, option-looking strings, and a .git/config that names a
 * program for every hook git offers. Nothing of ours may run those programs, crash, or let a
 * repository string become a git option.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getCommitDetails } from '../../src/core/commits/commitDetails';
import { readIncidentFacts } from '../../src/core/facts/incidentFacts';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { newIncident } from '../../src/core/incidents/incidentFile';
import { commitSummaries, currentHead, isAncestor, recentCommits, resolveGitDirs } from '../../src/core/repo/repoQueries';
import { revertInProgress } from '../../src/core/revert/revertInProgress';
import { scanReverts } from '../../src/core/revert/revertScanner';
import { detectOne } from '../helpers/detectOne';
import { scanRevertsCached } from '../../src/core/revert/scanCache';
import type { RevertDetection } from '../../src/core/revert/types';
import { changedSymbols, planTestScaffold, writeScaffold } from '../../src/core/scaffold';
import {
  buildCli,
  commitSigned,
  createHostileRepo,
  HOSTILE_FILE_NAMES,
  PAYLOADS,
  plantPrograms,
  runCli,
  type HostileRepo,
  type ProgramMarkers,
} from '../helpers/hostileRepo';
import { makeTempDir } from '../helpers/tempRepo';

/** Terminal control: C0/C1 controls (ESC, BEL…) and bidi overrides/isolates. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function find(ds: RevertDetection[], sha: string): RevertDetection {
  const d = ds.find((x) => x.sha === sha);
  assert.ok(d, `no detection for ${sha}`);
  return d;
}

describe('hostile repository: core and CLI (real git)', function () {
  this.timeout(120_000);
  let h: HostileRepo;
  let markers: ProgramMarkers;
  let cli: { path: string; dispose(): void };
  let signed: string;

  before(async () => {
    cli = await buildCli();
    h = createHostileRepo();
    // From here on, the repository's own config names a program for fsmonitor, every hook,
    // textconv, diff.external, gpg and the pager, and re-encodes log output as latin1.
    markers = plantPrograms(h.repo);
    signed = commitSigned(h.repo, `Revert "${PAYLOADS.html} (#12)"\n\nThis reverts commit ${h.commits.htmlCulprit}.`);
  });
  beforeEach(() => markers.clear());
  afterEach(function () {
    // Every test runs under the hostile config: none of its programs may have run.
    if (this.currentTest?.state === 'passed') assert.deepEqual(markers.runs(), [], 'a repository-configured program ran');
  });
  after(() => {
    h?.repo.dispose();
    cli?.dispose();
  });

  it('links every hostile revert and keeps subjects exactly as committed (UTF-8, even with commitEncoding=latin1)', async () => {
    const started = Date.now();
    const found = await scanReverts(h.repo.path);
    const elapsed = Date.now() - started;
    const c = h.commits;
    const pairs: [string, string][] = [
      [c.htmlRevert, c.htmlCulprit],
      [c.ansiRevert, c.ansiCulprit],
      [c.latin1Revert, c.latin1Culprit],
      [c.invalidRevert, c.invalidCulprit],
      [c.longLineRevert, c.htmlCulprit],
      [c.hugeRevert, c.ansiCulprit],
      [signed, c.htmlCulprit],
    ];
    for (const [revert, culprit] of pairs) assert.deepEqual(find(found, revert).reverted, [culprit], `revert ${revert}`);
    assert.equal(find(found, c.htmlRevert).subject, `Revert "${PAYLOADS.html} (#12)"`);
    assert.equal(find(found, c.ansiRevert).subject, h.subjects.ansiRevert);
    assert.equal(find(found, c.latin1Revert).subject, 'Revert "Café crème"');
    // Bytes that are not UTF-8 come back as whatever git decodes them to, always as well-formed text.
    assert.match(find(found, c.invalidRevert).subject, /^Revert "Broken .+ bytes"$/);
    assert.ok(!LONE_SURROGATE.test(find(found, c.invalidRevert).subject));
    assert.equal(find(found, c.longLineRevert).subject.length, 'Revert ""'.length + 1024 * 1024);
    // git itself drops < and > from names; the rest of the payload is kept as text.
    assert.match(find(found, c.htmlRevert).author, /^img src="https:\/\/evil\.invalid\/x\.png" onerror=/);
    assert.ok(elapsed < 20_000, `scan took ${elapsed} ms`);
  });

  it('decodes a latin1-encoded commit and reads hostile commits through every core query', async () => {
    const latin1 = await getCommitDetails(h.repo.path, h.commits.latin1Culprit);
    assert.equal(latin1.subject, 'Café crème');
    const html = await getCommitDetails(h.repo.path, h.commits.htmlCulprit);
    assert.equal(html.subject, `${PAYLOADS.html} (#12)`);
    assert.deepEqual(html.files.map((f) => f.path), ['src/app.js']);
    const summaries = await commitSummaries(h.repo.path, [h.commits.ansiCulprit]);
    assert.equal(summaries.get(h.commits.ansiCulprit)?.subject, h.subjects.ansiCulprit);
    assert.ok((await recentCommits(h.repo.path, 50)).some((r) => r.subject === 'Café crème'));
    assert.equal(await currentHead(h.repo.path), signed);
    assert.ok(await isAncestor(h.repo.path, h.commits.htmlCulprit, signed));
    assert.ok((await resolveGitDirs(h.repo.path)).gitDir.endsWith('.git'));
    assert.equal((await revertInProgress(h.repo.path)).inProgress, false);
    const incident = newIncident({ title: PAYLOADS.html, culprits: [h.commits.htmlCulprit], revert: h.commits.htmlRevert }, new Date('2026-01-05T09:00:00Z'));
    const timeline = (await readIncidentFacts(h.repo.path, incident)).events;
    assert.ok(timeline.some((e) => e.text.includes(PAYLOADS.html)));
    const cached = await scanRevertsCached(h.repo.path, { cacheDir: makeTempDir('scan-cache-') });
    assert.ok(cached.detections.some((d) => d.sha === h.commits.latin1Revert && d.subject === 'Revert "Café crème"'));
  });

  it('scaffolds for hostile file names inside the repository, never overwriting, with no program run', async () => {
    const changes = await changedSymbols(h.repo.path, h.commits.hostileFiles);
    assert.deepEqual(changes.map((f) => f.path).sort(), HOSTILE_FILE_NAMES.map((n) => `src/${n}`).sort());
    for (const name of HOSTILE_FILE_NAMES) {
      const plan = await planTestScaffold(h.repo.path, h.commits.hostileFiles, { file: `src/${name}` });
      assert.ok(!path.posix.isAbsolute(plan.path) && !plan.path.split('/').includes('..'), plan.path);
      const written = await writeScaffold(h.repo.path, plan);
      const abs = path.join(h.repo.path, written);
      assert.ok(abs.startsWith(h.repo.path + path.sep) && fs.existsSync(abs), written);
      // A second plan for the same file finds the test the first one wrote.
      const again = await planTestScaffold(h.repo.path, h.commits.hostileFiles, { file: `src/${name}` });
      assert.equal(again.existing, written);
      assert.equal(await writeScaffold(h.repo.path, again), written);
    }
    // textconv would have replaced the patch: the symbols come from the real source.
    assert.ok(changes.every((f) => f.symbols.some((s) => s.name === 'hostile')));
  });

  it('never lets a repository string become a git option', async () => {
    const target = h.injectionTarget;
    const detection = await detectOne(h.repo.path, h.commits.optionRevert);
    assert.equal(detection?.evidence, 'none', 'option-looking "shas" and subjects link to nothing');
    await assert.rejects(detectOne(h.repo.path, `--output=${target}`));
    await assert.rejects(scanReverts(h.repo.path, { revRange: `--output=${target}` }));
    await assert.rejects(getCommitDetails(h.repo.path, `--output=${target}`));
    await assert.rejects(planTestScaffold(h.repo.path, `--output=${target}`));
    // Option-named refs exist; a scan over all of history walks past them harmlessly.
    assert.ok((await scanReverts(h.repo.path)).length > 0);
    const viaCli = runCli(cli.path, ['scaffold', 'test', '--print', '--', `--output=${target}`], h.repo);
    assert.equal(viaCli.status, 1, viaCli.stderr);
    assert.match(viaCli.stderr, /unknown commit/);
    const usage = runCli(cli.path, ['scaffold', 'test', `--output=${target}`], h.repo);
    assert.equal(usage.status, 2);
    assert.equal(fs.existsSync(target), false, 'git wrote the injected --output file');
  });

  it('CLI: tables carry no terminal control characters, JSON keeps the text, incidents list hostile titles', async () => {
    const table = runCli(cli.path, ['scan'], h.repo);
    assert.equal(table.status, 0, table.stderr);
    assert.ok(!TERMINAL_CONTROL.test(table.stdout), JSON.stringify(table.stdout.match(TERMINAL_CONTROL)));
    assert.ok(table.stdout.includes('Revert "Café crème"'));
    const json = runCli(cli.path, ['scan', '--json'], h.repo);
    assert.equal(json.status, 0, json.stderr);
    const subjects = json.stdout.trim().split('\n').map((l) => (JSON.parse(l) as RevertDetection).subject);
    assert.ok(subjects.includes(h.subjects.ansiRevert));

    const store = new IncidentStore(h.repo.path);
    for (const title of [PAYLOADS.ansi + PAYLOADS.rtl, PAYLOADS.html, '../../etc/passwd']) await store.create({ title });
    const list = runCli(cli.path, ['incidents'], h.repo);
    assert.equal(list.status, 0, list.stderr);
    assert.ok(!TERMINAL_CONTROL.test(list.stdout), JSON.stringify(list.stdout));
    assert.equal(list.stdout.trim().split('\n').length, 4);
    const scaffold = runCli(cli.path, ['scaffold', 'test', h.commits.htmlCulprit, '--print'], h.repo);
    assert.equal(scaffold.status, 0, scaffold.stderr);
  });
});
