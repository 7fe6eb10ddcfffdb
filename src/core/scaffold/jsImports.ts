import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { pascalCase } from './naming';
import type { ChangedSymbol, Language } from './types';

const posix = path.posix;

/** ESM when the file itself uses import/export syntax, the extension says so, or the package is `"type": "module"`. */
/** True when the package's package.json says `"type": "module"`. */
export async function isTypeModule(repoRoot: string, pkgRoot: string): Promise<boolean> {
  try {
    const pkg = JSON.parse((await readRepoText(repoRoot, path.join(pkgRoot, 'package.json'))) ?? '') as { type?: string };
    return pkg.type === 'module';
  } catch {
    return false;
  }
}

export async function jsModuleSystem(repoRoot: string, pkgRoot: string, file: string, sourceText: string): Promise<'esm' | 'cjs'> {
  if (/\.mjs$|\.mts$/.test(file)) return 'esm';
  if (/\.cjs$|\.cts$/.test(file)) return 'cjs';
  if (/\.tsx?$/.test(file)) return 'esm';
  if (await isTypeModule(repoRoot, pkgRoot)) return 'esm';
  return /^\s*(import\s[^(]|export\s)/m.test(sourceText) ? 'esm' : 'cjs';
}

export interface JsImport {
  lines: string[];
  /** The identifier the test mentions until the real test calls it. */
  reference?: string;
}

function exportStyle(name: string, text: string): 'named' | 'default' | 'cjs-default' | 'none' {
  const n = name.replace(/[$]/g, '\\$');
  if (new RegExp(`^\\s*export\\s+default\\s+(?:async\\s+)?(?:function\\s*\\*?|(?:abstract\\s+)?class)\\s+${n}\\b`, 'm').test(text)) return 'default';
  if (new RegExp(`^\\s*export\\s+default\\s+${n}\\s*;?\\s*$`, 'm').test(text)) return 'default';
  if (new RegExp(`^\\s*export\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\s*\\*?|(?:abstract\\s+)?class|const|let|var|enum|interface)\\s+${n}\\b`, 'm').test(text)) return 'named';
  if (new RegExp(`export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`).test(text)) return 'named';
  if (new RegExp(`module\\.exports\\s*=\\s*${n}\\s*;?\\s*$`, 'm').test(text)) return 'cjs-default';
  if (new RegExp(`(?:module\\.)?exports\\.${n}\\s*=|module\\.exports\\s*=\\s*\\{[^}]*\\b${n}\\b`).test(text)) return 'named';
  return 'none';
}

/**
 * The import of the changed symbol (or of its class for a method) from the test folder.
 * TypeScript drops the extension unless the package is ESM (NodeNext wants `.js`); plain JS keeps it.
 */
export function jsImport(opts: {
  fromDir: string;
  file: string;
  language: Language;
  moduleSystem: 'esm' | 'cjs';
  sourceText: string;
  symbol?: ChangedSymbol;
  typeModule: boolean;
}): JsImport {
  const { fromDir, file, language, moduleSystem, sourceText, symbol } = opts;
  let spec = posix.relative(fromDir, file);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  if (language === 'typescript') {
    const emitted: Record<string, string> = { '.ts': opts.typeModule ? '.js' : '', '.tsx': opts.typeModule ? '.js' : '', '.mts': '.mjs', '.cts': '.cjs' };
    spec = spec.replace(/\.(tsx?|mts|cts)$/, (ext) => emitted[ext] ?? '');
  }
  const name = symbol ? (symbol.kind === 'method' && symbol.container ? symbol.container : symbol.name) : undefined;
  const style = name ? exportStyle(name, sourceText) : 'none';
  const esm = moduleSystem === 'esm';
  if (name && (style === 'named' || style === 'default' || style === 'cjs-default')) {
    if (!esm) return { lines: [style === 'named' ? `const { ${name} } = require('${spec}');` : `const ${name} = require('${spec}');`], reference: name };
    return { lines: [style === 'named' ? `import { ${name} } from '${spec}';` : `import ${name} from '${spec}';`], reference: name };
  }
  // Not exported: import the module as a whole, so the test file still points at the code it covers.
  const mod = pascalCase(posix.basename(file).replace(/\..*$/, ''));
  const alias = mod[0].toLowerCase() + mod.slice(1);
  return { lines: [esm ? `import * as ${alias} from '${spec}';` : `const ${alias} = require('${spec}');`], reference: alias };
}
