import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { cPlacement } from './cPlacement';
import { isTypeModule, jsImport, jsModuleSystem } from './jsImports';
import { moduleBaseName, pascalCase } from './naming';
import { findFiles, learnRubyHelper, learnRubyName, learnTestDir, mostCommon } from './testLayout';
import type { Placement, PlacementInput } from './sharedShapes';

const posix = path.posix;



async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

const stripExt = (p: string): string => p.replace(/\.[^./]+$/, '');
const relImport = (fromDir: string, to: string): string => {
  const r = posix.relative(fromDir, to);
  return r.startsWith('.') ? r : `./${r}`;
};
const numbered = (n: number, sep = '-'): string => (n > 1 ? `${sep}${n}` : '');

/** Where the test goes and how it reaches the changed code, following the ecosystem and this repo's habits. */
export async function placeTest(input: PlacementInput): Promise<Placement> {
  const { framework, file, sourceText, symbol } = input;
  const root = framework.root;
  const srcDir = posix.dirname(file);
  const base = moduleBaseName(file);
  const owner = symbol?.container ?? symbol?.name;
  const classBase = pascalCase(symbol?.container ?? base);
  switch (framework.ecosystem) {
    case 'js': {
      const dir = await jsTestDir(input);
      const suffix = (await jsSuffix(input)) ?? 'test';
      const ext = input.language === 'typescript' ? (file.endsWith('.tsx') ? 'tsx' : 'ts') : posix.extname(file).slice(1) || 'js';
      const moduleSystem = await jsModuleSystem(input.repoRoot, root, file, sourceText);
      const imp = jsImport({ fromDir: dir, file, language: input.language, moduleSystem, sourceText, symbol, typeModule: await isTypeModule(input.repoRoot, root) });
      return { dir, fileName: (n) => `${base}.regression${numbered(n)}.${suffix}.${ext}`, className: () => '', imports: imp.lines, reference: imp.reference, moduleSystem };
    }
    case 'python': {
      const pyFiles = await findFiles(input.repoRoot, root, /^test_.*\.py$|_test\.py$/);
      const dir = learnTestDir(pyFiles, file) ?? (await isDir(path.join(input.repoRoot, root, 'test')) ? posix.join(root, 'test') : posix.join(root, 'tests'));
      return {
        dir,
        fileName: (n) => `test_${base.replace(/\W/g, '_')}_regression${numbered(n, '_')}.py`,
        className: (n) => `${classBase}Regression${n > 1 ? n : ''}Test`,
        imports: pythonImport(root, file, owner, dir),
        moduleSystem: 'esm',
      };
    }
    case 'go': {
      const pkg = /^\s*package\s+(\w+)/m.exec(sourceText)?.[1] ?? 'main';
      // A file behind a build constraint is only compiled with it: the test keeps the same constraint.
      const tag = /^\/\/go:build .+$/m.exec(sourceText.split(/^package\s/m)[0] ?? '')?.[0];
      return { dir: srcDir, fileName: (n) => `${base}_regression${numbered(n, '_')}_test.go`, className: () => '', imports: [], packageName: pkg, moduleSystem: 'esm', ...(tag ? { preamble: [tag, ''] } : {}) };
    }
    case 'rust':
      return rustPlacement(input, base);
    case 'c':
      return cPlacement(input);
    case 'java': {
      const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(sourceText)?.[1];
      const dir = posix.join(root, 'src/test/java', ...(pkg ? pkg.split('.') : []));
      const cls = pascalCase(symbol?.container ?? (symbol?.kind === 'class' ? symbol.name : base));
      return { dir, fileName: (n) => `${cls}Regression${n > 1 ? n : ''}Test.java`, className: (n) => `${cls}Regression${n > 1 ? n : ''}Test`, imports: [], packageName: pkg, moduleSystem: 'esm' };
    }
    case 'ruby': {
      const rspec = framework.framework === 'rspec';
      const rbTests = await findFiles(input.repoRoot, root, rspec ? /_spec\.rb$/ : /^(test_|spec_).*\.rb$|_test\.rb$/);
      const rel = posix.relative(root, file).replace(/^lib\//, '');
      const fallback = posix.join(root, rspec ? 'spec' : 'test');
      const sub = learnTestDir(rbTests, file) ?? (posix.dirname(rel) === '.' ? fallback : posix.join(fallback, posix.dirname(rel)));
      const req = `require_relative '${relImport(sub, stripExt(file)).replace(/^\.\//, '')}'`;
      const helper = await learnRubyHelper(input.repoRoot, rbTests, sub);
      const name = learnRubyName(rbTests, rspec);
      return {
        dir: sub,
        fileName: (n) => name(base, n),
        className: (n) => `${classBase}Regression${n > 1 ? n : ''}Test`,
        imports: helper ? [helper, req] : [req],
        moduleSystem: 'esm',
      };
    }
    case 'php': {
      const ns = /^\s*namespace\s+([\w\\]+)\s*;/m.exec(sourceText)?.[1];
      const cls = /^\s*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+(\w+)/m.exec(sourceText)?.[1];
      const dir = posix.join(root, (await isDir(path.join(input.repoRoot, root, 'test'))) && !(await isDir(path.join(input.repoRoot, root, 'tests'))) ? 'test' : 'tests');
      const testNs = await phpTestNamespace(input.repoRoot, root);
      const name = pascalCase(cls ?? base);
      return {
        dir,
        fileName: (n) => `${name}Regression${n > 1 ? n : ''}Test.php`,
        className: (n) => `${name}Regression${n > 1 ? n : ''}Test`,
        imports: cls ? [`use ${ns ? `${ns}\\` : ''}${cls};`] : [],
        packageName: testNs,
        moduleSystem: 'esm',
      };
    }
    case 'csharp': {
      const ns = /^\s*namespace\s+([\w.]+)/m.exec(sourceText)?.[1];
      const projectName = posix.basename(root) || 'Tests';
      return {
        dir: root,
        fileName: (n) => `${classBase}Regression${n > 1 ? n : ''}Tests.cs`,
        className: (n) => `${classBase}Regression${n > 1 ? n : ''}Tests`,
        imports: ns ? [`using ${ns};`] : [],
        packageName: projectName.replace(/[^\w.]/g, '_'),
        moduleSystem: 'esm',
      };
    }
  }
}

/** Follows where this package's tests already live: next to a test named after the file, a mirrored or nearest test folder. */
async function jsTestDir(input: PlacementInput): Promise<string> {
  const root = input.framework.root;
  const tests = await findFiles(input.repoRoot, root, /\.(test|spec)\.[cm]?[jt]sx?$/);
  const learned = learnTestDir(tests, input.file);
  if (learned !== undefined) return learned;
  for (const d of ['test', 'tests', '__tests__']) if (await isDir(path.join(input.repoRoot, root, d))) return posix.join(root, d);
  // Mocha only looks in ./test unless configured; the other runners find *.test.* files anywhere.
  return input.framework.framework === 'mocha' ? posix.join(root, 'test') : posix.dirname(input.file);
}

const PY_IDENT = /^[A-Za-z_]\w*$/;

/**
 * How a Python test reaches the changed module: `from pkg.mod import X` when every folder is an
 * importable name, else by path through importlib (hyphenated scripts, files outside packages).
 */
function pythonImport(root: string, file: string, owner: string | undefined, testDir: string): string[] {
  const relToRoot = posix.relative(root, file).replace(/^src\//, '');
  const parts = stripExt(relToRoot).replace(/\/__init__$/, '').split('/');
  if (file.endsWith('.py') && parts.every((p) => PY_IDENT.test(p))) {
    const mod = parts.join('.');
    return [owner ? `from ${mod} import ${owner}` : `import ${mod}`];
  }
  const up = posix.relative(testDir, file);
  const alias = (parts[parts.length - 1] ?? 'module').replace(/\W/g, '_').replace(/^(\d)/, '_$1');
  return [
    'import importlib.util',
    'import pathlib',
    '',
    `_spec = importlib.util.spec_from_file_location(${JSON.stringify(alias)}, pathlib.Path(__file__).resolve().parent / ${JSON.stringify(up)})`,
    `${alias} = importlib.util.module_from_spec(_spec)`,
    `_spec.loader.exec_module(${alias})`,
  ];
}

async function jsSuffix(input: PlacementInput): Promise<string | undefined> {
  const tests = await findFiles(input.repoRoot, input.framework.root, /\.(test|spec)\.[cm]?[jt]sx?$/);
  return mostCommon(tests.map((t) => (/\.spec\./.test(t) ? 'spec' : 'test')));
}

async function phpTestNamespace(repoRoot: string, root: string): Promise<string | undefined> {
  try {
    const composer = JSON.parse((await readRepoText(repoRoot, path.join(root, 'composer.json'))) ?? '') as { 'autoload-dev'?: { 'psr-4'?: Record<string, string> } };
    const map = composer['autoload-dev']?.['psr-4'] ?? {};
    const hit = Object.entries(map).find(([, dir]) => /^tests?\/?$/.test(dir));
    return hit ? hit[0].replace(/\\+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Integration tests in `tests/` can only reach public items of a library crate, through public modules. */
async function rustPlacement(input: PlacementInput, base: string): Promise<Placement> {
  const root = input.framework.root;
  const dir = posix.join(root, 'tests');
  const read = (rel: string): Promise<string | undefined> => readRepoText(input.repoRoot, path.join(root, rel)).catch(() => undefined);
  const cargo = (await read('Cargo.toml')) ?? '';
  const libName = /\[lib\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(cargo)?.[1] ?? /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
  const crate = libName?.replace(/-/g, '_');
  const imports: string[] = [];
  const lib = await read('src/lib.rs');
  const rel = posix.relative(posix.join(root, 'src'), input.file);
  const item = input.symbol?.kind === 'method' ? input.symbol.container : input.symbol?.name;
  // A staticlib/cdylib-only crate builds no Rust library an integration test could `use`.
  const crateTypes = /\[lib\][^[]*?\bcrate-type\s*=\s*\[([^\]]*)\]/.exec(cargo)?.[1];
  const linkable = crateTypes === undefined || /"(lib|rlib)"/.test(crateTypes);
  if (crate && linkable && lib !== undefined && item && !rel.startsWith('..')) {
    const segments = stripExt(rel).split('/').filter((s) => s !== 'mod');
    const modules = rel === 'lib.rs' ? [] : segments;
    let parentText = lib;
    let parentDir = '';
    let publicPath = true;
    for (const m of modules) {
      if (!new RegExp(`^\\s*pub\\s+mod\\s+${m}\\s*[;{]`, 'm').test(parentText)) {
        publicPath = false;
        break;
      }
      parentDir = posix.join(parentDir, m);
      parentText = (await read(`src/${parentDir}.rs`)) ?? (await read(`src/${parentDir}/mod.rs`)) ?? '';
    }
    const itemPublic = new RegExp(`^\\s*pub\\s+(?:(?:const|async|unsafe)\\s+)*(?:fn|struct|enum|trait|type)\\s+${item}\\b`, 'm').test(input.sourceText);
    if (publicPath && itemPublic) imports.push(`use ${[crate, ...modules, item].join('::')};`);
  }
  return { dir, fileName: (n) => `${base}_regression${numbered(n, '_')}.rs`, className: () => '', imports, moduleSystem: 'esm' };
}

export type { Placement, PlacementInput } from './sharedShapes';
