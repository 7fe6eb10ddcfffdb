import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/commands/commandIds';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents?: string[];
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: { commands: { command: string; category?: string }[] };
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

describe('extension manifest', () => {
  it('contributes exactly the commands the command table registers', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, [...COMMAND_IDS].sort());
  });

  it('puts every command in the "Own It" category', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Own It', c.command);
  });

  it('never activates on "*"', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });

  it('targets a VS Code no newer than 1.139 with matching @types/vscode', () => {
    const engine = manifest.engines.vscode.replace(/^[\^~]/, '');
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    const minor = (v: string) => Number(v.split('.')[1]);
    assert.ok(minor(engine) <= 139, `engine ${engine}`);
    assert.ok(minor(types) <= minor(engine), `@types/vscode ${types} newer than engine ${engine}`);
  });
});

describe('src/core stays free of VS Code', () => {
  it('no file under src/core or the CLI imports "vscode"', () => {
    const files = [...filesUnder(path.join(root, 'src/core')), ...filesUnder(path.join(root, 'src/cli')), path.join(root, 'src/cli.ts')];
    const offenders = files.filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });
});
