import * as assert from 'node:assert/strict';
import { changedSymbols, parseUnifiedDiff, symbolsFromText, NotAGitRepositoryError, UnknownCommitError } from '../../src/core/scaffold';
import { makeTempDir, TempRepo } from '../helpers/tempRepo';

const names = (syms: { name: string; container?: string }[]): string[] => syms.map((s) => (s.container ? `${s.container}.${s.name}` : s.name));

describe('scaffold: diff parsing', () => {
  it('reads hunk headers, counts, contexts, renames and deletions', () => {
    const patch = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1..2 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,2 +3,3 @@ export function parse(text: string) {',
      '-x',
      '-y',
      '+x',
      '+y',
      '+z',
      '@@ -10 +11,0 @@ class Foo {',
      '-gone',
      'diff --git a/old name.py b/new name.py',
      'similarity index 90%',
      'rename from old name.py',
      'rename to new name.py',
      '--- a/old name.py\t',
      '+++ b/new name.py\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/gone.go b/gone.go',
      'deleted file mode 100644',
      '--- a/gone.go',
      '+++ /dev/null',
      '@@ -1,4 +0,0 @@',
      'diff --git "a/caf\\303\\251.rb" "b/caf\\303\\251.rb"',
      '--- "a/caf\\303\\251.rb"',
      '+++ "b/caf\\303\\251.rb"',
      '@@ -0,0 +1 @@',
      '+x',
    ].join('\n');
    const files = parseUnifiedDiff(patch);
    assert.deepEqual(
      files.map((f) => [f.path, f.status, f.added, f.removed]),
      [
        ['src/a.ts', 'modified', 3, 3],
        ['new name.py', 'renamed', 1, 1],
        ['gone.go', 'deleted', 0, 4],
        ['café.rb', 'modified', 1, 0],
      ],
    );
    assert.deepEqual(files[0].newRanges, [
      { start: 3, end: 5 },
      { start: 11, end: 11 },
    ]);
    assert.deepEqual(files[0].contexts.map((c) => c.text), ['export function parse(text: string) {', 'class Foo {']);
    assert.equal(files[1].oldPath, 'old name.py');
    assert.deepEqual(files[2].oldRanges, [{ start: 1, end: 4 }]);
  });
});

describe('scaffold: symbols from text', () => {
  it('TypeScript: functions, const arrows, classes and their methods, innermost wins', () => {
    const text = [
      'import x from "y";', // 1
      'export function top(a: number): number {', // 2
      '  const s = "}";', // 3
      '  return a;', // 4
      '}', // 5
      'export const arrow = async (b: string): Promise<string> => {', // 6
      '  return b;', // 7
      '};', // 8
      'export class Store {', // 9
      '  private items: string[] = [];', // 10
      '  add(item: string): void {', // 11
      '    if (item) {', // 12
      '      this.items.push(item);', // 13
      '    }', // 14
      '  }', // 15
      '  static async load(): Promise<Store> {', // 16
      '    return new Store();', // 17
      '  }', // 18
      '}', // 19
    ].join('\n');
    const at = (line: number): string[] => names(symbolsFromText(text, 'typescript', [{ start: line, end: line }]));
    assert.deepEqual(at(4), ['top']);
    assert.deepEqual(at(7), ['arrow']);
    assert.deepEqual(at(13), ['Store.add']);
    assert.deepEqual(at(10), ['Store']);
    assert.deepEqual(at(17), ['Store.load']);
    assert.deepEqual(at(1), []);
    const add = symbolsFromText(text, 'typescript', [{ start: 12, end: 12 }])[0];
    assert.deepEqual(add, { name: 'add', kind: 'method', line: 11, container: 'Store' });
  });

  it('Python: indentation extents, methods of classes, multi-line signatures', () => {
    const text = ['class Cart:', '    def total(', '        self,', '    ):', '        return 1', '', 'def helper():', '    def inner():', '        pass', '    return 2', ''].join('\n');
    assert.deepEqual(names(symbolsFromText(text, 'python', [{ start: 5, end: 5 }])), ['Cart.total']);
    assert.deepEqual(names(symbolsFromText(text, 'python', [{ start: 9, end: 10 }])), ['helper'], 'nested defs belong to their function');
  });

  it('Go, Rust, Java, C#, Ruby and PHP declarations', () => {
    const go = 'package x\n\nfunc (s *Server) Handle(w int) {\n\tif w > 0 {\n\t}\n}\n\nfunc Plain() {}\n';
    assert.deepEqual(names(symbolsFromText(go, 'go', [{ start: 4, end: 4 }])), ['Server.Handle']);
    const rust = "pub struct P;\n\nimpl<'a> Display for P {\n    fn fmt(&self) -> u8 {\n        let c = '}';\n        1\n    }\n}\n";
    assert.deepEqual(names(symbolsFromText(rust, 'rust', [{ start: 6, end: 6 }])), ['P.fmt']);
    const java = 'package a;\n\npublic class Prices {\n    @Override\n    public static List<String> total(int a) {\n        return null;\n    }\n}\n';
    assert.deepEqual(names(symbolsFromText(java, 'java', [{ start: 6, end: 6 }])), ['Prices.total']);
    const cs = 'namespace Shop\n{\n    public class Cart\n    {\n        public async Task<int> Total(int a)\n        {\n            return a;\n        }\n    }\n}\n';
    assert.deepEqual(names(symbolsFromText(cs, 'csharp', [{ start: 7, end: 7 }])), ['Cart.Total']);
    const rb = 'module Shop\n  class Cart\n    def total?(items)\n      items.sum\n    end\n  end\nend\n';
    assert.deepEqual(names(symbolsFromText(rb, 'ruby', [{ start: 4, end: 4 }])), ['Cart.total?']);
    const php = "<?php\nclass Calc\n{\n    public function sum(array $a): int\n    {\n        # a } in a comment\n        return 1;\n    }\n}\n";
    assert.deepEqual(names(symbolsFromText(php, 'php', [{ start: 7, end: 7 }])), ['Calc.sum']);
  });
});

describe('scaffold: changedSymbols on real commits', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = TempRepo.create()));
  afterEach(() => repo.dispose());

  it('names the changed functions and methods, per file, with counts', async () => {
    repo.commit('init', {
      'src/a.ts': 'export function one() {\n  return 1;\n}\n\nexport function two() {\n  return 2;\n}\n',
      'lib/b.py': 'class B:\n    def run(self):\n        return 1\n',
      'README.md': 'hi\n',
    });
    const sha = repo.commit('change', {
      'src/a.ts': 'export function one() {\n  return 1;\n}\n\nexport function two() {\n  return 22;\n}\n',
      'lib/b.py': 'class B:\n    def run(self):\n        return 2\n',
      'README.md': 'hello\n',
    });
    const files = await changedSymbols(repo.path, sha.slice(0, 8));
    const byPath = new Map(files.map((f) => [f.path, f]));
    assert.deepEqual(names(byPath.get('src/a.ts')!.symbols), ['two']);
    assert.equal(byPath.get('src/a.ts')!.language, 'typescript');
    assert.deepEqual([byPath.get('src/a.ts')!.added, byPath.get('src/a.ts')!.removed], [1, 1]);
    assert.deepEqual(names(byPath.get('lib/b.py')!.symbols), ['B.run']);
    assert.deepEqual(byPath.get('README.md')!.symbols, []);
  });

  it('handles the root commit, a deleted file and a pure deletion inside a function', async () => {
    const root = repo.commit('root', { 'x.go': 'package x\n\nfunc Keep() int {\n\ta := 1\n\treturn a\n}\n', 'y.go': 'package x\n\nfunc Gone() {}\n' });
    assert.deepEqual(names((await changedSymbols(repo.path, root)).find((f) => f.path === 'x.go')!.symbols), ['Keep']);
    repo.git('rm', '-q', 'y.go');
    const sha = repo.commit('remove', { 'x.go': 'package x\n\nfunc Keep() int {\n\treturn 1\n}\n' });
    const files = await changedSymbols(repo.path, sha);
    assert.deepEqual(names(files.find((f) => f.path === 'x.go')!.symbols), ['Keep']);
    const gone = files.find((f) => f.path === 'y.go')!;
    assert.equal(gone.status, 'deleted');
    assert.deepEqual(names(gone.symbols), ['Gone']);
  });

  it('refuses a non-repository, an unknown commit and option-like revisions', async () => {
    await assert.rejects(changedSymbols(makeTempDir('plain-'), 'HEAD'), NotAGitRepositoryError);
    repo.commit('init', { a: '1' });
    await assert.rejects(changedSymbols(repo.path, 'deadbeef'), UnknownCommitError);
    await assert.rejects(changedSymbols(repo.path, '--output=/tmp/x'), UnknownCommitError);
  });
});
