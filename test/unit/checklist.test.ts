import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORY_ITEMS, normaliseItem, planChecklist, writeChecklist } from '../../src/core/scaffold';
import { TempRepo } from '../helpers/tempRepo';

const INCIDENT = 'docs/incidents/2026-01-05-config.md';

describe('checklist scaffold', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = TempRepo.create()));
  afterEach(() => repo.dispose());
  const read = (rel: string): string => fs.readFileSync(path.join(repo.path, rel), 'utf8');

  it('without a PR template, creates docs/checklists/<area>.md with a heading and linked items', async () => {
    const plan = await planChecklist(repo.path, { incidentPath: INCIDENT, category: 'config', lesson: 'Staging config is diffed against production', area: 'Billing API' });
    assert.equal(plan.path, 'docs/checklists/billing-api.md');
    assert.equal(plan.created, true);
    assert.deepEqual(plan.added, [...CATEGORY_ITEMS.config, 'Staging config is diffed against production']);
    await writeChecklist(repo.path, plan);
    const text = read(plan.path);
    assert.match(text, /^# Billing API checklist\n/);
    assert.match(text, /\n## Own It checklist\n\n- \[ \] /);
    assert.match(text, /- \[ \] Staging config is diffed against production \(\[incident\]\(\.\.\/incidents\/2026-01-05-config\.md\)\)\n$/);
  });

  it('adds under the existing "## Checklist" of a CRLF PR template, keeping CRLF and other sections; idempotent', async () => {
    const original = ['## Summary', '', 'What and why.', '', '## Checklist', '', '- [x] Tests added', '', '## Notes', '', 'None.'].join('\r\n') + '\r\n';
    repo.commit('init', { '.github/pull_request_template.md': original });
    const plan = await planChecklist(repo.path, { incidentPath: INCIDENT, lesson: 'Feature flag default is off', category: 'deploy' });
    assert.equal(plan.path, '.github/pull_request_template.md');
    assert.equal(plan.created, false);
    await writeChecklist(repo.path, plan);
    const text = read(plan.path);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'every line break is still CRLF');
    assert.ok(text.endsWith('\r\n'));
    const lines = text.split('\r\n');
    const notes = lines.indexOf('## Notes');
    const lesson = lines.findIndex((l) => l.startsWith('- [ ] Feature flag default is off ([incident](../docs/incidents/2026-01-05-config.md))'));
    assert.ok(lesson > lines.indexOf('- [x] Tests added') && lesson < notes, 'inside the Checklist section, before Notes');
    assert.equal(lines[notes - 1], '', 'the blank line before the next section is kept');
    assert.ok(text.startsWith('## Summary\r\n\r\nWhat and why.\r\n'));

    const again = await planChecklist(repo.path, { incidentPath: INCIDENT, lesson: '  feature flag default is OFF.  ', category: 'deploy' });
    assert.deepEqual(again.added, []);
    assert.equal(again.content, text);
    await writeChecklist(repo.path, again);
    assert.equal(read(plan.path), text);
  });

  it('uses the PULL_REQUEST_TEMPLATE folder (default.md), appends a section when missing, and keeps a missing final newline missing', async () => {
    repo.commit('init', {
      '.github/PULL_REQUEST_TEMPLATE/bugfix.md': '# Bugfix\n',
      '.github/PULL_REQUEST_TEMPLATE/default.md': '# Default\n\nDescribe the change.',
    });
    const plan = await planChecklist(repo.path, { incidentPath: INCIDENT, lesson: 'Check the rollout dashboard' });
    assert.equal(plan.path, '.github/PULL_REQUEST_TEMPLATE/default.md');
    assert.equal(plan.content, '# Default\n\nDescribe the change.\n\n## Own It checklist\n\n- [ ] Check the rollout dashboard ([incident](../../docs/incidents/2026-01-05-config.md))');
  });

  it('needs a category or a lesson; normalises items for comparison', async () => {
    await assert.rejects(planChecklist(repo.path, { incidentPath: INCIDENT }), /category or a lesson/);
    assert.equal(normaliseItem('- [x] **Run** the   migration twice. ([incident](../a.md))'), 'run the migration twice');
  });
});
