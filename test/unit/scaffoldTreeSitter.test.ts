import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedSymbols, planTestScaffold } from '../../src/core/scaffold';
import { useBuiltCli } from '../helpers/cli';
import { runCli } from '../helpers/hostileRepo';
import { makeTempDir, useTempRepos, type TempRepo } from '../helpers/tempRepo';

const MOCHA_PKG = JSON.stringify({ devDependencies: { mocha: '11' } });
const WASM_DIR = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');

const label = (s: { name: string; container?: string }): string => (s.container ? `${s.container}.${s.name}` : s.name);

/** One file before and after a culprit, and the symbol a maintainer would name for the change. */
interface Case {
  language: string;
  file: string;
  before: string;
  after: string;
  expected: string;
}

// Each shape is one the line patterns read wrongly or not at all (noted per case), or the plain
// form of a language whose patterns already cope: the grammar must agree with them there.
const CASES: Case[] = [
  {
    language: 'JavaScript: an assigned named function expression (`res.status = function status`), patterns find nothing',
    file: 'lib/response.js',
    before: "'use strict';\nvar res = Object.create(null);\nres.status = function status(code) {\n  this.statusCode = code;\n  return this;\n};\nres.send = function send(body) {\n  this.body = body;\n  return this;\n};\nmodule.exports = res;\n",
    after: "'use strict';\nvar res = Object.create(null);\nres.status = function status(code) {\n  this.statusCode = Number(code);\n  return this;\n};\nres.send = function send(body) {\n  this.body = body;\n  return this;\n};\nmodule.exports = res;\n",
    expected: 'res.status',
  },
  {
    language: 'JavaScript: a prototype method',
    file: 'lib/queue.js',
    before: 'function Queue() {\n  this.items = [];\n}\nQueue.prototype.push = function (x) {\n  this.items.push(x);\n};\nmodule.exports = Queue;\n',
    after: 'function Queue() {\n  this.items = [];\n}\nQueue.prototype.push = function (x) {\n  if (x !== undefined) this.items.push(x);\n};\nmodule.exports = Queue;\n',
    expected: 'Queue.push',
  },
  {
    language: 'JavaScript: a function inside a UMD wrapper, which the patterns see as nested',
    file: 'lib/umd.js',
    before: "(function (root, factory) {\n  factory(root.lib = {});\n})(this, (function (exports) {\n  'use strict';\n  function pad(s) {\n    return ' ' + s;\n  }\n  exports.pad = pad;\n}));\n",
    after: "(function (root, factory) {\n  factory(root.lib = {});\n})(this, (function (exports) {\n  'use strict';\n  function pad(s) {\n    return '  ' + s;\n  }\n  exports.pad = pad;\n}));\n",
    expected: 'pad',
  },
  {
    language: 'TypeScript: a method of an object literal, patterns find nothing',
    file: 'src/api.ts',
    before: 'export const api = {\n  load(id: string): string {\n    return id;\n  },\n  save(id: string): void {\n    console.log(id);\n  },\n};\n',
    after: 'export const api = {\n  load(id: string): string {\n    return id.trim();\n  },\n  save(id: string): void {\n    console.log(id);\n  },\n};\n',
    expected: 'api.load',
  },
  {
    language: 'TSX: a component returning JSX',
    file: 'src/Button.tsx',
    before: 'export function Button(props: { label: string }) {\n  return <button>{props.label}</button>;\n}\n',
    after: 'export function Button(props: { label: string }) {\n  return <button type="button">{props.label}</button>;\n}\n',
    expected: 'Button',
  },
  {
    language: 'Python: a docstring holding `def` at column 0, which the patterns take for a function',
    file: 'pkg/text.py',
    before: 'class Formatter:\n    def render(self, value):\n        """Render a value.\n\nExample:\ndef helper(): pass\n        """\n        out = str(value)\n        return out\n',
    after: 'class Formatter:\n    def render(self, value):\n        """Render a value.\n\nExample:\ndef helper(): pass\n        """\n        out = str(value).strip()\n        return out\n',
    expected: 'Formatter.render',
  },
  {
    language: 'Go: a method on a generic type',
    file: 'calc/stack.go',
    before: 'package calc\n\ntype Stack[T any] struct {\n\titems []T\n}\n\nfunc (s *Stack[T]) Push(v T) {\n\ts.items = append(s.items, v)\n}\n',
    after: 'package calc\n\ntype Stack[T any] struct {\n\titems []T\n}\n\nfunc (s *Stack[T]) Push(v T) {\n\ts.items = append([]T{v}, s.items...)\n}\n',
    expected: 'Stack.Push',
  },
  {
    language: 'Rust: a trait impl with a where clause',
    file: 'src/lib.rs',
    before: 'pub struct Wrapper<T>(pub T);\n\nimpl<T: std::fmt::Display> std::fmt::Display for Wrapper<T>\nwhere\n    T: Clone,\n{\n    fn fmt(&self, f: &mut std::fmt::Formatter<\'_>) -> std::fmt::Result {\n        write!(f, "{}", self.0)\n    }\n}\n',
    after: 'pub struct Wrapper<T>(pub T);\n\nimpl<T: std::fmt::Display> std::fmt::Display for Wrapper<T>\nwhere\n    T: Clone,\n{\n    fn fmt(&self, f: &mut std::fmt::Formatter<\'_>) -> std::fmt::Result {\n        write!(f, "[{}]", self.0)\n    }\n}\n',
    expected: 'Wrapper.fmt',
  },
  {
    language: 'Java: a method whose generic return type spans two lines',
    file: 'src/main/java/demo/Index.java',
    before: 'package demo;\n\nimport java.util.*;\n\npublic class Index {\n    public Map<String,\n            List<Integer>> build(String text) {\n        Map<String, List<Integer>> out = new HashMap<>();\n        out.put(text, new ArrayList<>());\n        return out;\n    }\n}\n',
    after: 'package demo;\n\nimport java.util.*;\n\npublic class Index {\n    public Map<String,\n            List<Integer>> build(String text) {\n        Map<String, List<Integer>> out = new HashMap<>();\n        out.put(text.trim(), new ArrayList<>());\n        return out;\n    }\n}\n',
    expected: 'Index.build',
  },
  {
    language: 'C#: a method of a class in a namespace',
    file: 'src/Shop/Cart.cs',
    before: 'namespace Shop\n{\n    public class Cart\n    {\n        public decimal Total(decimal[] prices)\n        {\n            decimal sum = 0;\n            foreach (var p in prices) sum += p;\n            return sum;\n        }\n    }\n}\n',
    after: 'namespace Shop\n{\n    public class Cart\n    {\n        public decimal Total(decimal[] prices)\n        {\n            decimal sum = 0;\n            foreach (var p in prices) sum += p;\n            return System.Math.Round(sum, 2);\n        }\n    }\n}\n',
    expected: 'Cart.Total',
  },
  {
    language: 'Ruby: a heredoc holding `end`, which the patterns take for the end of the method',
    file: 'lib/greeter.rb',
    before: 'class Greeter\n  def greet(name)\n    text = <<~EOS\n      Hello\n  end\n    EOS\n    text + name\n  end\nend\n',
    after: 'class Greeter\n  def greet(name)\n    text = <<~EOS\n      Hello\n  end\n    EOS\n    text + name.strip\n  end\nend\n',
    expected: 'Greeter.greet',
  },
  {
    language: 'PHP: a method of a final class',
    file: 'src/Cart.php',
    before: '<?php\nnamespace Shop;\n\nfinal class Cart\n{\n    public function total(array $prices): float\n    {\n        return array_sum($prices);\n    }\n}\n',
    after: '<?php\nnamespace Shop;\n\nfinal class Cart\n{\n    public function total(array $prices): float\n    {\n        return round(array_sum($prices), 2);\n    }\n}\n',
    expected: 'Cart.total',
  },
];

/** A folder of wasm files with the runtime but `grammar` broken (`corrupt`) or absent. */
function brokenGrammarDir(grammar: string, how: 'corrupt' | 'missing'): string {
  const dir = makeTempDir('grammars-');
  fs.symlinkSync(path.join(WASM_DIR, 'tree-sitter.wasm'), path.join(dir, 'tree-sitter.wasm'));
  if (how === 'corrupt') fs.writeFileSync(path.join(dir, `tree-sitter-${grammar}.wasm`), 'not a wasm module');
  return dir;
}

function culprit(repo: TempRepo, c: Pick<Case, 'file' | 'before' | 'after'>, extra: Record<string, string> = {}): string {
  repo.commit('init', { ...extra, [c.file]: c.before });
  return repo.commit('change', { [c.file]: c.after });
}

describe('scaffold: symbols from tree-sitter grammars (real git)', function () {
  this.timeout(60_000);
  const make = useTempRepos();
  const cli = useBuiltCli();

  for (const c of CASES) {
    it(`${c.language} → ${c.expected}`, async () => {
      const repo = make();
      const sha = culprit(repo, c);
      const [file] = await changedSymbols(repo.path, sha);
      assert.equal(file.path, c.file);
      assert.deepEqual(file.symbols.map(label), [c.expected]);
    });
  }

  it('an object literal of plain data is not a symbol; one holding functions is their container', async () => {
    const repo = make();
    const sha = culprit(repo, {
      file: 'lib/config.js',
      before: 'const defaults = {\n  timeout: 5,\n};\nconst api = {\n  get: function () {\n    return defaults.timeout;\n  },\n};\nmodule.exports = { defaults, api };\n',
      after: 'const defaults = {\n  timeout: 10,\n};\nconst api = {\n  get: function () {\n    return defaults.timeout * 2;\n  },\n};\nmodule.exports = { defaults, api };\n',
    });
    const [file] = await changedSymbols(repo.path, sha);
    assert.deepEqual(file.symbols.map(label), ['api.get']);
  });

  it('prefers the function whose body changed over a one-line helper that only moved', async () => {
    const repo = make();
    const before = 'function total(items) {\n  let sum = 0;\n  for (const i of items) sum += i;\n  return sum;\n}\nfunction clamp(x) { return Math.max(0, x); }\nmodule.exports = { total, clamp };\n';
    const after = 'function clamp(x) { return Math.max(0, x); }\nfunction total(items) {\n  let sum = 0;\n  for (const i of items) sum += i;\n  return clamp(sum);\n}\nmodule.exports = { total, clamp };\n';
    const sha = culprit(repo, { file: 'lib/cart.js', before, after }, { 'package.json': MOCHA_PKG });
    const [file] = (await changedSymbols(repo.path, sha)).filter((f) => f.path === 'lib/cart.js');
    assert.deepEqual(file.symbols.map(label), ['total', 'clamp']);
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.target.symbol?.name, 'total');
  });

  it('the built CLI loads the grammars next to its bundle; with a corrupt grammar it falls back to the patterns', async () => {
    const repo = make();
    const sha = culprit(repo, CASES[0], { 'package.json': MOCHA_PKG });
    const parsed = runCli(cli.path, ['scaffold', 'test', sha, '--print'], repo);
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.match(parsed.stdout, /Own It regression test for res\.status \(lib\/response\.js\)/);

    const fallback = runCli(cli.path, ['scaffold', 'test', sha, '--print'], repo, { env: { OWN_IT_GRAMMAR_DIR: brokenGrammarDir('javascript', 'corrupt') } });
    assert.equal(fallback.status, 0, fallback.stderr);
    assert.match(fallback.stdout, /Own It regression test for /);
    assert.doesNotMatch(fallback.stdout, /res\.status/, 'the patterns cannot read `res.status = function status`: the grammar was not used');
  });

  it('a missing grammar falls back to the patterns, which still name an ordinary function', async () => {
    const repo = make();
    const sha = culprit(repo, {
      file: 'lib/calc.js',
      before: 'function add(a, b) {\n  return a + b;\n}\nvar res = {};\nres.status = function status(code) {\n  return code;\n};\nmodule.exports = { add, res };\n',
      after: 'function add(a, b) {\n  return b + a;\n}\nvar res = {};\nres.status = function status(code) {\n  return Number(code);\n};\nmodule.exports = { add, res };\n',
    });
    const saved = process.env.OWN_IT_GRAMMAR_DIR;
    process.env.OWN_IT_GRAMMAR_DIR = brokenGrammarDir('javascript', 'missing');
    try {
      const [file] = await changedSymbols(repo.path, sha);
      assert.deepEqual(file.symbols.map(label), ['add']);
    } finally {
      if (saved === undefined) delete process.env.OWN_IT_GRAMMAR_DIR;
      else process.env.OWN_IT_GRAMMAR_DIR = saved;
    }
    const [parsed] = await changedSymbols(repo.path, sha);
    assert.deepEqual(parsed.symbols.map(label), ['add', 'res.status']);
  });
});
