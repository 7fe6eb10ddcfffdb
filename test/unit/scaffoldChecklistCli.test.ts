import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, runCli } from '../helpers/hostileRepo';
import { TempRepo } from '../helpers/tempRepo';

describe('own-it scaffold checklist without an incident (real git, CLI)', function () {
  this.timeout(60_000);
  const repos: TempRepo[] = [];
  let cli: { path: string; dispose(): void };
  let repo: TempRepo;
  let culprit: string;
  before(async () => {
    cli = await buildCli();
  });
  beforeEach(() => {
    repo = TempRepo.create();
    repos.push(repo);
    repo.commit('init', { 'packages/runtime-core/src/a.ts': 'export const a = 1;\n', 'packages/runtime-core/src/b.ts': 'export const b = 1;\n', 'README.md': 'x\n' });
    culprit = repo.commit('Change both', { 'packages/runtime-core/src/a.ts': 'export const a = 2;\n', 'packages/runtime-core/src/b.ts': 'export const b = 2;\n' });
  });
  after(() => {
    repos.forEach((r) => r.dispose());
    cli.dispose();
  });

  it('creates the incident when none names the commit, links the items to it, and names the area after the common folder', () => {
    const r = runCli(cli.path, ['scaffold', 'checklist', culprit, '--item', 'Both exports are checked together'], repo);
    assert.equal(r.status, 0, r.stderr);
    const created = /created (docs\/incidents\/\d{4}-\d{2}-\d{2}-[\w-]+\.md)/.exec(r.stdout)?.[1];
    assert.ok(created, r.stdout);
    assert.match(fs.readFileSync(path.join(repo.path, created), 'utf8'), new RegExp(culprit));
    assert.match(r.stdout, /Created docs\/checklists\/runtime-core\.md: 1 item/);
    const text = fs.readFileSync(path.join(repo.path, 'docs/checklists/runtime-core.md'), 'utf8');
    assert.ok(text.includes(`([incident](../incidents/${path.posix.basename(created)}))`), text);
    // `incidents` lists the same file, and a second run links to it instead of creating another.
    const list = runCli(cli.path, ['incidents'], repo);
    assert.ok(list.stdout.includes(path.posix.basename(created, '.md')) || list.stdout.includes(created), list.stdout);
    const again = runCli(cli.path, ['scaffold', 'checklist', culprit, '--item', 'Another lesson'], repo);
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /created docs\/incidents/);
    assert.equal(fs.readdirSync(path.join(repo.path, 'docs/incidents')).length, 1);
  });

  it('--no-incident writes items without a link and creates no incident', () => {
    const r = runCli(cli.path, ['scaffold', 'checklist', culprit, '--item', 'Standalone item', '--no-incident'], repo);
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(repo.path, 'docs/checklists/runtime-core.md'), 'utf8'), /^- \[ \] Standalone item$/m);
    assert.equal(fs.existsSync(path.join(repo.path, 'docs/incidents')), false);
  });

  it('links from a pull request template are absolute blob links when the remote is known', () => {
    repo.commit('template', { '.github/pull_request_template.md': '## Checklist\n\n- [ ] Tests pass\n' });
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    const r = runCli(cli.path, ['scaffold', 'checklist', culprit, '--item', 'Exports reviewed'], repo);
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(path.join(repo.path, '.github/pull_request_template.md'), 'utf8');
    assert.match(text, /- \[ \] Exports reviewed \(\[incident\]\(https:\/\/github\.com\/acme\/shop\/blob\/main\/docs\/incidents\/\d{4}-\d{2}-\d{2}-[\w-]+\.md\)\)/);
  });
});
