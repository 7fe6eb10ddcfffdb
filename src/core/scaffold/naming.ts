/** Identifier casing for generated test names. */
export const pascalCase = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('') || 'Code';
export const snakeCase = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase() || 'code';

/**
 * Files that stand for the module named by their folder (`src/wasi/mod.rs` is the `wasi` module,
 * `attr/__init__.py` the `attr` package): a test named after them says `wasi`, not `mod`.
 */
export const MODULE_FILE = /(^|\/)(mod\.rs|__init__\.py)$/;

/** The name a test file for `file` starts with: the module's name, without the extension. */
export function moduleBaseName(file: string): string {
  const parts = file.split('/');
  const last = parts[parts.length - 1] ?? file;
  if (MODULE_FILE.test(last) && parts.length > 1) return parts[parts.length - 2];
  return last.replace(/\.[^.]+$/, '');
}

/** How a file-level target is named in a test: its folder too when the file is a module file. */
export function fileSubject(file: string): string {
  const parts = file.split('/');
  return MODULE_FILE.test(file) && parts.length > 1 ? parts.slice(-2).join('/') : (parts[parts.length - 1] ?? file);
}
