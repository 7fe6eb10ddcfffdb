import type { DeclPattern, SymbolExtent } from './sharedShapes';
import type { SymbolKind } from './types';

/**
 * Declarations of a C or C++ file: functions (return type and name may sit on different lines,
 * GNU style), `Class::method` definitions, inline methods in a class body, prototypes in headers,
 * and struct/class/union/enum bodies. A line pattern cannot see a signature spread over lines,
 * so this reads the code with comments, strings and preprocessor lines blanked out and classifies
 * the text in front of each `{` or `;` at file, namespace or class level.
 */
export function cSymbols(text: string): SymbolExtent[] {
  const code = maskNonCode(text);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  interface Scope {
    /** Declarations are read only directly inside the file, a namespace, `extern "C"` or a class. */
    open: boolean;
    className?: string;
    symbol?: SymbolExtent;
  }
  const scopes: Scope[] = [{ open: true }];
  const out: SymbolExtent[] = [];
  let headerStart = 0;
  let parens = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    if (parens > 0 || (c !== '{' && c !== '}' && c !== ';')) continue;
    const scope = scopes[scopes.length - 1];
    const header = code.slice(headerStart, i);
    const start = headerStart + (/\S/.exec(header)?.index ?? 0);
    headerStart = i + 1;
    if (c === '}') {
      const closed = scopes.length > 1 ? scopes.pop() : undefined;
      if (closed?.symbol) closed.symbol.end = lineAt(i);
      continue;
    }
    const decl = scope.open ? classify(header, scope.className) : undefined;
    if (c === ';') {
      // A prototype (in a header, usually): a function whose body lives elsewhere.
      if (decl && (decl.kind === 'function' || decl.kind === 'method')) out.push({ ...decl, line: lineAt(start), end: lineAt(i) });
      continue;
    }
    const symbol = decl ? { ...decl, line: lineAt(start), end: lineAt(i) } : undefined;
    if (symbol) out.push(symbol);
    const transparent = scope.open && /(?:^|[\s;])(?:namespace(?:\s+[\w:]+)?|extern\s*"\s*")\s*$/.test(stripNoise(header));
    const isClass = decl !== undefined && decl.kind !== 'function' && decl.kind !== 'method';
    scopes.push({ open: transparent || isClass, ...(isClass ? { className: decl.name } : {}), ...(symbol ? { symbol } : {}) });
  }
  return out.sort((a, b) => a.line - b.line);
}

type Declared = Omit<SymbolExtent, 'line' | 'end'>;

const NOT_NAMES = new Set([
  'if', 'for', 'while', 'switch', 'return', 'sizeof', 'catch', 'do', 'else', 'case', 'typedef', 'decltype', 'alignof', 'static_assert', '_Static_assert',
  // A function pointer (`static int (*handler)(int);`) puts a type word right before its `(`.
  'int', 'char', 'void', 'long', 'short', 'unsigned', 'signed', 'float', 'double', 'bool', 'auto', 'const', 'struct', 'union', 'enum',
]);

/** Attributes and access labels that may stand before a declaration without being part of it. */
function stripNoise(header: string): string {
  return header
    .replace(/__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)/g, ' ')
    .replace(/__declspec\s*\([^()]*\)|alignas\s*\([^()]*\)|\[\[[^\]]*\]\]/g, ' ')
    .replace(/\b(?:public|private|protected)\s*:(?!:)/g, ' ')
    .trim();
}

/** What the text before a `{` (or `;`) declares, if it is a function or a named type. */
function classify(rawHeader: string, inClass: string | undefined): Declared | undefined {
  const header = stripNoise(rawHeader);
  if (header === '' || /^(?:template\s*<[^>]*>\s*)?$/.test(header)) return undefined;
  const fn = functionName(header);
  if (fn) {
    const parts = fn.qualified.split('::').filter(Boolean);
    const name = parts[parts.length - 1] ?? fn.qualified;
    const owner = parts.length > 1 ? parts[parts.length - 2] : inClass;
    // Without a return type only a constructor or destructor may be declared, and only as a member.
    if (!fn.hasType && !(owner && (name === owner || name === `~${owner}`))) return undefined;
    if (NOT_NAMES.has(name)) return undefined;
    return owner ? { name, kind: 'method', container: owner } : { name, kind: 'function' };
  }
  if (/=/.test(header.replace(/\boperator\s*[^\s(]+/g, ''))) return undefined; // an initialiser: `int x[] = {`
  const type = /\b(class|struct|union|enum)\b(?:\s+(?:class|struct))?\s+(?:[A-Za-z_]\w*\s+)*?([A-Za-z_]\w*)\s*(?:final\s*)?(?::(?!:)[^{]*)?$/.exec(header);
  if (!type) return undefined;
  const kind: SymbolKind = type[1] === 'class' ? 'class' : type[1] === 'enum' ? 'enum' : 'struct';
  return inClass ? { name: type[2], kind, container: inClass } : { name: type[2], kind };
}

/** Words that may stand before a name without being its type (`static DEFINE_MUTEX(lock);` declares no function). */
const SPECIFIERS = /\b(?:static|inline|extern|const|volatile|register|virtual|explicit|constexpr|consteval|friend|__inline|__inline__|template\s*<[^]*>)\s*/g;

/**
 * The declared name in front of the parameter list: the identifier before the first `(` that is
 * not inside template arguments, with whether a return type stands before it.
 */
function functionName(header: string): { qualified: string; hasType: boolean } | undefined {
  let angle = 0;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (c === '<') angle++;
    else if (c === '>') angle = Math.max(0, angle - 1);
    else if (c === '(' && angle === 0) {
      const before = header.slice(0, i);
      if (/[=]/.test(before.replace(/\boperator\s*[^\s\w(]+\s*$/, ''))) return undefined; // `int x = f(1);`
      const named = /((?:[A-Za-z_]\w*::)*operator\s*[^\s\w(]+|(?:[A-Za-z_]\w*(?:<[^<>]*>)?::)*~?[A-Za-z_]\w*)\s*$/.exec(before);
      if (!named || !header.includes(')', i)) return undefined;
      const type = before.slice(0, named.index).replace(SPECIFIERS, ' ').trim();
      const qualified = named[1].replace(/<[^<>]*>/g, '').replace(/\s+/g, '');
      return { qualified, hasType: /[A-Za-z_*&>]/.test(type) };
    }
  }
  return undefined;
}

/** Comments, string and char literals and preprocessor lines become spaces; offsets and newlines stay. */
export function maskNonCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (lineStart && c === '#') {
      // A directive runs to the end of the line, longer with backslash continuations.
      let j = i;
      while (j < text.length && !(text[j] === '\n' && text[j - 1] !== '\\')) j++;
      blank(i, j);
      i = j;
      continue;
    }
    if (c !== ' ' && c !== '\t') lineStart = false;
    if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < text.length && !(text[j] === '\n' && text[j - 1] !== '\\')) j++;
      blank(i, j);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? text.length : end + 2;
      blank(i, j);
      i = j;
    } else if (c === '"' || (c === "'" && !/[0-9A-Fa-f]/.test(text[i - 1] ?? ''))) {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else i++;
  }
  return out.join('');
}

/** For git's hunk headers (`@@ … @@ static int foo(struct bar *b,`): one line, best effort. */
export const C_PATTERNS: DeclPattern[] = [
  { re: /^(?:[A-Za-z_][\w\s*&:<>,]*?[\s*&])(?:[A-Za-z_]\w*::)*?([A-Za-z_]\w*)::(~?[A-Za-z_]\w*)\s*\(/, kind: 'method', group: 2, containerGroup: 1 },
  { re: /^(?:[A-Za-z_][\w\s*&:<>,]*?[\s*&])([A-Za-z_]\w*)\s*\(/, kind: 'function', group: 1 },
  { re: /^\s*(?:typedef\s+)?(class|struct|union|enum)\s+([A-Za-z_]\w*)\s*(?:final\s*)?(?::[^:]|\{|$)/, kind: 'struct', group: 2, kindGroup: 1 },
];
