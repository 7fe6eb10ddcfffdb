import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { planTestScaffold, scaffoldStatus, writeScaffold, type TestScaffoldPlan } from '../../src/core/scaffold';
import type { TempRepo } from './tempRepo';

let parserReady: Promise<void> | undefined;

/** The syntax tree of `text` in `grammar` when it has errors, 'no tree' when none was made, undefined when it parses cleanly. */
export async function parseErrors(grammar: string, text: string): Promise<string | undefined> {
  const dir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
  parserReady ??= Parser.init({ locateFile: (f: string) => path.join(dir, f) });
  await parserReady;
  const parser = new Parser();
  parser.setLanguage(await Language.load(path.join(dir, `tree-sitter-${grammar}.wasm`)));
  const tree = parser.parse(text);
  if (!tree) return 'no tree';
  return tree.rootNode.hasError ? tree.rootNode.toString() : undefined;
}

/** Plans a new test file for `sha`, writes it, and checks it is pending with the cursor on the placeholder. */
export async function scaffoldAndWrite(repo: TempRepo, sha: string, opts: Parameters<typeof planTestScaffold>[2] = {}): Promise<TestScaffoldPlan> {
  const plan = await planTestScaffold(repo.path, sha, opts);
  assert.equal(plan.exists, false);
  assert.equal(await writeScaffold(repo.path, plan), plan.path);
  assert.equal(scaffoldStatus(plan.content), 'pending');
  assert.match(plan.content.split('\n')[plan.cursor.line], /OWN-IT-PLACEHOLDER/);
  return plan;
}
