import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language as Grammar, Parser, Tree } from '@vscode/tree-sitter-wasm';
import type { Language } from './types';

/**
 * Lazy loading of the tree-sitter grammars VS Code ships (@vscode/tree-sitter-wasm). Nothing here
 * runs until the first culprit's symbols are asked for: the runtime (~0.2 MB of wasm) and each
 * grammar are read then, once per process, from `dist/tree-sitter/` next to the bundle
 * (esbuild.js copies them there), or from the package itself when running unbundled (tests).
 * Any failure (a missing or corrupt file, an old Node without WebAssembly) is remembered and
 * answered with `undefined`, so callers fall back to the per-language patterns.
 */

/** Points the loader at another folder of `.wasm` files; for diagnosing a broken install. */
export const GRAMMAR_DIR_ENV = 'OWN_IT_GRAMMAR_DIR';

/** The grammar file (without `tree-sitter-` and `.wasm`) that parses a file of `language`. */
export function grammarFor(filePath: string, language: Language): string | undefined {
  switch (language) {
    case 'typescript':
      return /\.tsx$/i.test(filePath) ? 'tsx' : 'typescript';
    case 'csharp':
      return 'c-sharp';
    case 'javascript':
    case 'python':
    case 'go':
    case 'rust':
    case 'java':
    case 'ruby':
    case 'php':
      return language;
    default:
      return undefined;
  }
}

type TreeSitterModule = typeof import('@vscode/tree-sitter-wasm');

let runtime: Promise<TreeSitterModule | undefined> | undefined;
const parsers = new Map<string, Promise<Parser | undefined>>();

/** Folders that may hold the wasm files, the bundle's own first. */
function grammarDirs(): string[] {
  const override = process.env[GRAMMAR_DIR_ENV];
  if (override) return [override];
  const dirs = [path.join(__dirname, 'tree-sitter')];
  try {
    dirs.push(path.dirname(require.resolve('@vscode/tree-sitter-wasm')));
  } catch {
    // Bundled and installed: the package is not on disk, only the copies in dist/.
  }
  return dirs;
}

function fileIn(name: string): string | undefined {
  for (const dir of grammarDirs()) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

function loadRuntime(): Promise<TreeSitterModule | undefined> {
  runtime ??= (async () => {
    const wasm = fileIn('tree-sitter.wasm');
    if (!wasm) return undefined;
    const ts = await import('@vscode/tree-sitter-wasm');
    await ts.Parser.init({ locateFile: () => wasm });
    return ts;
  })().catch(() => undefined);
  return runtime;
}

/** A parser for `grammar`, or undefined when the runtime or that grammar cannot be loaded. */
function parserFor(grammar: string): Promise<Parser | undefined> {
  const file = fileIn(`tree-sitter-${grammar}.wasm`);
  if (!file) return Promise.resolve(undefined);
  let parser = parsers.get(file);
  if (!parser) {
    parser = (async () => {
      const ts = await loadRuntime();
      if (!ts) return undefined;
      const language: Grammar = await ts.Language.load(file);
      const p = new ts.Parser();
      p.setLanguage(language);
      return p;
    })().catch(() => undefined);
    parsers.set(file, parser);
  }
  return parser;
}

/**
 * Loads the runtime and the grammar for `filePath` ahead of its first parse (the incident panel
 * does this at idle for its culprit's files). True when that grammar is ready; false for a
 * language without one or when it cannot load (the patterns are used then, as for any parse).
 */
export async function prepareSyntax(filePath: string, language: Language): Promise<boolean> {
  const grammar = grammarFor(filePath, language);
  return grammar !== undefined && (await parserFor(grammar)) !== undefined;
}

/**
 * Parses `text` with the grammar for `filePath`, hands the tree to `read` and frees it (trees
 * live in wasm memory, not the JS heap). Undefined when no grammar loads or the parse fails.
 */
export async function withSyntaxTree<T>(text: string, filePath: string, language: Language, read: (tree: Tree) => T): Promise<T | undefined> {
  const grammar = grammarFor(filePath, language);
  if (!grammar) return undefined;
  const parser = await parserFor(grammar);
  if (!parser) return undefined;
  let tree: Tree | null = null;
  try {
    tree = parser.parse(text);
    return tree ? read(tree) : undefined;
  } catch {
    return undefined;
  } finally {
    tree?.delete();
  }
}
