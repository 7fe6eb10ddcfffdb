import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runFormatter } from '../git/runner';
import type { Ecosystem } from './types';

/** How the generated JS/TS should look when no formatter is installed: read from the repo's config. */
export interface JsStyle {
  semi: boolean;
  singleQuote: boolean;
  /** `\t`, or a number of spaces. */
  indent: '\t' | number;
}

const DEFAULT_JS: JsStyle = { semi: true, singleQuote: true, indent: 2 };

const read = (abs: string): Promise<string | undefined> => fs.readFile(abs, 'utf8').catch(() => undefined);

function prettierOptions(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = parseYaml(text) as unknown; // JSON is YAML too
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `indent_style`/`indent_size` for files like `ext` from the nearest .editorconfig (simple sections only). */
async function editorconfigIndent(repo: string, root: string, ext: string): Promise<'\t' | number | undefined> {
  for (const dir of root ? [root, ''] : ['']) {
    const text = await read(path.join(repo, dir, '.editorconfig'));
    if (!text) continue;
    let applies = false;
    let found: '\t' | number | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      const section = /^\[(.*)\]$/.exec(line);
      if (section) {
        applies = section[1] === '*' || section[1].includes(ext) || section[1] === '*.*';
        continue;
      }
      if (!applies) continue;
      const kv = /^(indent_style|indent_size)\s*=\s*(\w+)/i.exec(line);
      if (!kv) continue;
      if (kv[1].toLowerCase() === 'indent_style' && kv[2].toLowerCase() === 'tab') found = '\t';
      if (kv[1].toLowerCase() === 'indent_size' && /^\d+$/.test(kv[2]) && found !== '\t') found = Number(kv[2]);
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The repo's JS style: Prettier config (file or package.json key), xo (tabs, no semicolons when configured), .editorconfig. */
export async function jsStyleOf(repo: string, root: string, ext: string): Promise<JsStyle> {
  const pkgText = await read(path.join(repo, root, 'package.json'));
  let pkg: Record<string, unknown> = {};
  try {
    pkg = pkgText ? (JSON.parse(pkgText) as Record<string, unknown>) : {};
  } catch {
    pkg = {};
  }
  let prettier: Record<string, unknown> | undefined = typeof pkg.prettier === 'object' && pkg.prettier ? (pkg.prettier as Record<string, unknown>) : undefined;
  for (const dir of root ? [root, ''] : ['']) {
    for (const name of ['.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml']) prettier ??= prettierOptions(await read(path.join(repo, dir, name)));
  }
  const devDeps = { ...(pkg.devDependencies as Record<string, string> | undefined), ...(pkg.dependencies as Record<string, string> | undefined) };
  const xo = 'xo' in devDeps ? ((typeof pkg.xo === 'object' && pkg.xo ? pkg.xo : {}) as Record<string, unknown>) : undefined;
  const style: JsStyle = { ...DEFAULT_JS };
  if (xo) {
    // xo's defaults: tabs, semicolons, single quotes.
    style.indent = typeof xo.space === 'number' ? xo.space : xo.space === true ? 2 : '\t';
    if (xo.semicolon === false) style.semi = false;
  }
  if (prettier) {
    if (prettier.semi === false) style.semi = false;
    // Prettier's own default is double quotes.
    style.singleQuote = prettier.singleQuote === true || (prettier.singleQuote === undefined && xo !== undefined);
    if (prettier.useTabs === true) style.indent = '\t';
    else if (typeof prettier.tabWidth === 'number') style.indent = prettier.tabWidth;
  }
  const ec = !prettier && !xo ? await editorconfigIndent(repo, root, ext) : undefined;
  if (ec !== undefined) style.indent = ec;
  return style;
}

/** Rewrites generated JS (two-space indent, semicolons, single quotes) into `style`. Only handles what the templates emit. */
export function applyJsStyle(content: string, style: JsStyle): string {
  return content
    .split('\n')
    .map((line) => {
      if (/^\s*\/\//.test(line)) return reindent(line, style.indent);
      let out = line;
      if (!style.singleQuote) out = out.replace(/'((?:[^'\\]|\\.)*)'/g, (_, body: string) => JSON.stringify(body.replace(/\\'/g, "'").replace(/\\\\/g, '\\')));
      if (!style.semi) out = out.replace(/;(\s*(\/\/.*)?)$/, '$1');
      return reindent(out, style.indent);
    })
    .join('\n');
}

function reindent(line: string, indent: '\t' | number): string {
  const lead = /^( {2})+/.exec(line)?.[0] ?? '';
  if (!lead || indent === 2) return line;
  const levels = lead.length / 2;
  return (indent === '\t' ? '\t'.repeat(levels) : ' '.repeat(levels * indent)) + line.slice(lead.length);
}

async function exists(abs: string): Promise<boolean> {
  return fs.access(abs).then(
    () => true,
    () => false,
  );
}

/** Python: the line length Black or Ruff is configured with (pyproject.toml, ruff.toml), else their 88. */
export async function pythonLineLength(repo: string, root: string): Promise<number> {
  for (const dir of [...new Set([root, ''])]) {
    const pyproject = (await read(path.join(repo, dir, 'pyproject.toml'))) ?? '';
    const section = /^\[tool\.(black|ruff)\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[2] ?? '';
    const ruff = (await read(path.join(repo, dir, 'ruff.toml'))) ?? (await read(path.join(repo, dir, '.ruff.toml'))) ?? '';
    const n = Number(/^\s*line-length\s*=\s*(\d+)/m.exec(section)?.[1] ?? /^\s*line-length\s*=\s*(\d+)/m.exec(ruff)?.[1]);
    if (n > 0) return n;
  }
  return 88;
}

export interface StyledText {
  content: string;
  /** What shaped it: the formatter run, the config read, or nothing. */
  by: string;
}

/**
 * The generated test in the repository's own style: its formatter when one is installed locally
 * (the repo's Prettier, gofmt, rustfmt, Black/Ruff or clang-format when the project configures them), else what its
 * config says (Prettier/xo options, .editorconfig). A formatter that fails leaves the text as generated.
 */
export async function styleGenerated(repo: string, root: string, relPath: string, ecosystem: Ecosystem, content: string): Promise<StyledText> {
  const cwd = path.join(repo, root);
  if (ecosystem === 'go') {
    const out = await runFormatter('gofmt', [], content, cwd);
    return out ? { content: out, by: 'gofmt' } : { content, by: 'as generated' };
  }
  if (ecosystem === 'rust') {
    const edition = /^\s*edition\s*=\s*"(\d+)"/m.exec((await read(path.join(cwd, 'Cargo.toml'))) ?? '')?.[1] ?? '2021';
    const out = await runFormatter('rustfmt', ['--emit', 'stdout', '--edition', edition], content, cwd);
    return out ? { content: out, by: 'rustfmt' } : { content, by: 'as generated' };
  }
  if (ecosystem === 'python') {
    // Formatters are configured in pyproject.toml, or only named as pre-commit hooks.
    const files = ['pyproject.toml', '.pre-commit-config.yaml', 'setup.cfg', 'tox.ini', 'noxfile.py', 'Makefile'];
    const project = (await Promise.all([...new Set([cwd, repo])].flatMap((d) => files.map((f) => read(path.join(d, f)))))).join('\n');
    if (/\[tool\.ruff\.format|ruff-format|\bid:\s*ruff-format|\bruff"?,?\s+"?format\b/.test(project)) {
      const out = await runFormatter('ruff', ['format', '--stdin-filename', relPath, '-'], content, repo);
      if (out) return { content: out, by: 'ruff format' };
    }
    // Ruff's formatter is Black-compatible: Black stands in when only it is installed.
    if (/\[tool\.black\]|psf\/black|\bid:\s*black\b|\[tool\.ruff\.format|ruff-format|\bruff"?,?\s+"?format\b/.test(project)) {
      const out = await runFormatter('black', ['-q', '--stdin-filename', relPath, '-'], content, repo);
      if (out) return { content: out, by: 'black' };
    }
    return { content, by: 'as generated' };
  }
  if (ecosystem === 'js') {
    for (const dir of root ? [root, ''] : ['']) {
      const bin = path.join(repo, dir, 'node_modules', '.bin', 'prettier');
      if (!(await exists(bin))) continue;
      const out = await runFormatter(bin, ['--stdin-filepath', relPath], content, repo);
      if (out) return { content: out, by: 'prettier' };
    }
    const style = await jsStyleOf(repo, root, path.extname(relPath));
    const same = style.semi === DEFAULT_JS.semi && style.singleQuote === DEFAULT_JS.singleQuote && style.indent === DEFAULT_JS.indent;
    return same ? { content, by: 'as generated' } : { content: applyJsStyle(content, style), by: 'repo config' };
  }
  if (ecosystem === 'c' && /\.(c|cc|cpp|cxx|h|hh|hpp|hxx)$/.test(relPath) && (await clangFormatConfigured(repo, relPath))) {
    // clang-format finds the project's .clang-format from the file's folder up; its default style is no project's.
    const out = await runFormatter('clang-format', [`--assume-filename=${relPath}`], content, repo);
    if (out) return { content: out, by: 'clang-format' };
  }
  return { content, by: 'as generated' };
}

/** A `.clang-format` (or `_clang-format`) in the file's folder or one above it, up to the repository's top. */
async function clangFormatConfigured(repo: string, relPath: string): Promise<boolean> {
  for (let dir = path.posix.dirname(relPath); ; dir = path.posix.dirname(dir)) {
    const at = dir === '.' ? '' : dir;
    if ((await exists(path.join(repo, at, '.clang-format'))) || (await exists(path.join(repo, at, '_clang-format')))) return true;
    if (at === '') return false;
  }
}
