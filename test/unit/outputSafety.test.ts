import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvCell, jsonText, markdownText, terminalText } from '../../src/cli/output';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { planTestScaffold } from '../../src/core/scaffold';
import { codeSafeText } from '../../src/core/scaffold/templates';
import { buildCli } from '../helpers/cli';
import { TempRepo } from '../helpers/tempRepo';

const ESC = '\u001b';
const HOSTILE = `${ESC}]0;pwned${ESC}\\ ${ESC}]52;c;Y2xpcA==\u0007 ${ESC}]8;;https://evil.invalid\u0007x \u009b2J \u202eevil [link](https://evil.invalid) ![px](https://evil.invalid/p.png)`;
const NOW = new Date('2026-01-05T09:00:00Z');

describe('output safety: generated code and every CLI format', function () {
  this.timeout(120_000);

  it('each format neutralises control, bidi, markup and formula text', () => {
    assert.doesNotMatch(terminalText(HOSTILE), /[\u0000-\u001f\u007f-\u009f\u202e]/);
    assert.equal(terminalText('x'.repeat(500), 200).length, 200);
    const json = jsonText({ s: HOSTILE });
    assert.doesNotMatch(json, /[\u0000-\u001f\u007f-\u009f\u202e]/);
    assert.match(json, /\\u009b/);
    assert.match(json, /\\u202e/);
    assert.deepEqual(JSON.parse(json), { s: HOSTILE }, 'the value is unchanged, only escaped');
    const md = markdownText(HOSTILE);
    assert.doesNotMatch(md, /(^|[^\\])\](\(|$)|(^|[^\\])!(\\)?\[|[\u0000-\u001f\u007f-\u009f]/, "no link or image markup stays active");
    assert.equal(csvCell('see;=WEBSERVICE("https://evil.invalid")'), '"see;=WEBSERVICE(""https://evil.invalid"")"');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('a\t@SUM(1)'), '"a\t@SUM(1)"');
  });

  it('code-safe text cannot end a comment or a line in any language', () => {
    const unsafe = `a\nimport os; os.system("x")\r\u2028b\u0085c ?> \\u000a d \u202e`;
    const safe = codeSafeText(unsafe);
    assert.doesNotMatch(safe, /[\n\r\u2028\u0085\u202e]|\?>|\\u/);
  });

  it('an incident file name with newlines and hostile subjects cannot inject code into a generated pytest file', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('init', { 'pyproject.toml': '[tool.pytest.ini_options]\n', 'app/calc.py': 'def add(a, b):\n    return a + b\n' });
      const culprit = repo.commit(`Break add ${ESC}]52;c;Y2xpcA==\u0007 \u202e`, { 'app/calc.py': 'def add(a, b):\n    return a - b\n' });
      const store = new IncidentStore(repo.path);
      const created = await store.create({ title: 'Add broke', culprits: [culprit] }, NOW);
      const evil = path.join(store.folderPath, '2026-01-05-x\nopen("MARKER","w").write("1")\n#.md');
      fs.renameSync(created.path, evil);
      const plan = await planTestScaffold(repo.path, culprit, { incidentPath: path.relative(repo.path, evil) });
      const lines = plan.content.split('\n');
      assert.match(plan.content, /Incident: docs\/incidents\/2026-01-05-x open/, 'the file name is kept, on one line');
      assert.ok(!lines.some((l) => l.startsWith('open(')), 'no line of code from the file name');
      assert.doesNotMatch(plan.content, /[\u001b\u0007\u202e]/);
    } finally {
      repo.dispose();
    }
  });

  it('the CLI prints no escape sequences in --print, tables, --json, --markdown, --csv or messages', async () => {
    const built = await buildCli();
    const repo = TempRepo.create();
    try {
      repo.commit('init', { 'package.json': JSON.stringify({ devDependencies: { mocha: '11' } }), 'lib/a.js': 'function a() {\n  return 1;\n}\nmodule.exports = { a };\n' });
      const culprit = repo.commit(`Change a ${HOSTILE}`, { 'lib/a.js': 'function a() {\n  return 2;\n}\nmodule.exports = { a };\n' });
      repo.revert(culprit);
      fs.mkdirSync(path.join(repo.path, 'docs', 'incidents'), { recursive: true });
      fs.writeFileSync(path.join(repo.path, 'docs', 'incidents', `2026-01-05-${ESC}]0;title${ESC}\\.md`), 'not an incident');
      const run = (...args: string[]) => spawnSync(process.execPath, [built.path, ...args], { cwd: repo.path, encoding: 'utf8', env: repo.env() });
      for (const args of [['scan'], ['scan', '--json'], ['metrics'], ['metrics', '--json'], ['metrics', '--markdown'], ['metrics', '--csv'], ['scaffold', 'test', culprit, '--print']]) {
        const r = run(...args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.doesNotMatch(r.stdout + r.stderr, /[\u001b\u0007\u009b\u202e]/, args.join(' '));
      }
      assert.doesNotMatch(run('metrics', '--markdown').stdout, /\]\(https|!\[px\]/);
    } finally {
      repo.dispose();
      built.dispose();
    }
  });
});
