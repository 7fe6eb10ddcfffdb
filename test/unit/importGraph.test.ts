import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The layering rules ARCHITECTURE.md states, checked on the source itself: no import circles
 * (type-only imports included), one module starts git, core never imports vscode, and the
 * webview UIs import only their protocol, shared UI code and Node-free core modules.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm;

function specifiers(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]);
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

const files = sourceFiles(src);
const graph = new Map(files.map((f) => [f, specifiers(f).map((s) => resolveLocal(f, s)).filter((t): t is string => t !== undefined)]));
const rel = (f: string) => path.relative(root, f).replace(/\\/g, '/');

/** Strongly connected components with more than one module (Tarjan), or a module importing itself. */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.map(rel).sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

describe('source layering (ARCHITECTURE.md rules)', () => {
  it('has no import circles under src/', () => {
    // Exit codes live in cli/exitCodes.ts, so no command imports cli/main.ts back.
    assert.deepEqual(circles(), []);
  });

  it('starts git from one module only: src/core/git/runner.ts', () => {
    const starters = files.filter((f) => specifiers(f).some((s) => s === 'simple-git' || s === 'child_process' || s === 'node:child_process')).map(rel);
    assert.deepEqual(starters, ['src/core/git/runner.ts']);
  });

  it('keeps vscode out of src/core and the VS Code git API inside src/git', () => {
    for (const f of files) {
      const r = rel(f);
      if (r.startsWith('src/core/')) assert.ok(!specifiers(f).includes('vscode'), `${r} imports vscode`);
      if (!r.startsWith('src/git/') && !r.startsWith('src/@types/')) {
        assert.ok(!/getExtension<GitExtension>|getExtension\('vscode\.git'\)/.test(fs.readFileSync(f, 'utf8')), `${r} reaches the VS Code git API outside src/git`);
      }
    }
  });

  it('lets no feature import another feature’s UI', () => {
    for (const f of files) {
      const r = rel(f);
      for (const target of graph.get(f) ?? []) {
        const t = rel(target);
        const ui = /^src\/webviews\/([^/]+)\/ui\//.exec(t);
        if (ui && ui[1] !== 'shared') assert.ok(r.startsWith(`src/webviews/${ui[1]}/ui/`), `${r} imports ${t}`);
        if (r.startsWith('src/prevention/') || r.startsWith('src/services/') || r.startsWith('src/core/')) {
          assert.ok(!t.startsWith('src/webviews/') && !t.startsWith('src/views/'), `${r} imports UI module ${t}`);
        }
        if (r.startsWith('src/commands/')) assert.ok(!/^src\/webviews\/[^/]+\/viewState\.ts$/.test(t), `${r} imports ${t}`);
      }
    }
  });
});
