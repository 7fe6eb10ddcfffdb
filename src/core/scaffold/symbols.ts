import { braceExtent, scanBraces, type BraceMap } from './braceScanner';
import { cSymbols } from './cSymbols';
import { isKeyword, kindFromKeyword, patternsFor, type DeclPattern } from './symbolPatterns';
import { withSyntaxTree } from './treeSitter';
import type { SymbolExtent } from './sharedShapes';
import { treeSymbols } from './treeSymbols';
import type { ChangedSymbol, Language, LineRange, SymbolKind } from './types';


const CONTAINER_KINDS: ReadonlySet<SymbolKind> = new Set(['class', 'interface', 'struct', 'enum', 'trait', 'impl', 'module']);
const BRACE_LANGUAGES: ReadonlySet<Language> = new Set(['typescript', 'javascript', 'go', 'rust', 'java', 'csharp', 'php']);

interface Candidate {
  name: string;
  kind: SymbolKind;
  line: number; // 0-based
  end: number; // 0-based
  memberOnly: boolean;
  container?: string;
}

/** Every declaration the per-language patterns recognise, outermost first, with containers filled in. */
export function allSymbols(text: string, language: Language): SymbolExtent[] {
  if (language === 'c' || language === 'cpp') return cSymbols(text);
  const patterns = patternsFor(language);
  if (patterns.length === 0) return [];
  const lines = text.split(/\r?\n/);
  const braces = BRACE_LANGUAGES.has(language) ? scanBraces(text, language) : undefined;
  const candidates: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = matchLine(lines[i], patterns);
    if (!found) continue;
    const end = extentOf(lines, i, language, braces);
    candidates.push({ ...found, line: i, end });
  }
  return nest(candidates, lines, braces);
}

/**
 * The declarations of a file: from its tree-sitter syntax tree where the language's grammar loads
 * and parses it, else from the per-language patterns (`allSymbols`). A tree with syntax errors
 * that yields nothing (a dialect the grammar does not know) also falls back to the patterns.
 */
export async function declaredSymbols(text: string, filePath: string, language: Language): Promise<SymbolExtent[]> {
  const fromTree = await withSyntaxTree(text, filePath, language, (tree) => {
    const found = treeSymbols(tree, language);
    return found.length === 0 && tree.rootNode.hasError ? undefined : found;
  });
  return fromTree ?? allSymbols(text, language);
}

/**
 * The innermost declarations that contain any line of `ranges` (1-based, inclusive).
 * A change inside a method reports the method (with its class as container); a change
 * between methods reports the class.
 */
export function symbolsFromText(text: string, language: Language, ranges: readonly LineRange[]): ChangedSymbol[] {
  return symbolsInRanges(allSymbols(text, language), ranges);
}

/**
 * Same as `symbolsFromText`, for symbols that came from elsewhere (the syntax tree, an editor's
 * symbol provider). Ordered by what the change is most about: symbols with some lines kept come
 * before symbols whose every line changed (a helper added, rewritten or moved whole, such as a
 * one-liner moved next to its caller), and within each group the most changed lines come first;
 * ties keep file order.
 */
export function symbolsInRanges(symbols: readonly SymbolExtent[], ranges: readonly LineRange[]): ChangedSymbol[] {
  const touched = new Map<string, { symbol: SymbolExtent; lines: number; order: number }>();
  for (const range of ranges) {
    // Changed lines are bounded per range so a huge generated file cannot make this quadratic.
    const last = Math.min(range.end, range.start + 2000);
    for (let line = range.start; line <= last; line++) {
      let best: SymbolExtent | undefined;
      for (const s of symbols) {
        if (s.line <= line && s.end >= line && (!best || s.line > best.line || (s.line === best.line && s.end < best.end))) best = s;
      }
      if (!best) continue;
      const key = `${best.container ?? ''}\u0000${best.name}\u0000${best.line}`;
      const seen = touched.get(key);
      if (seen) seen.lines++;
      else touched.set(key, { symbol: best, lines: 1, order: touched.size });
    }
  }
  const whole = (t: { symbol: SymbolExtent; lines: number }): number => Number(t.lines >= t.symbol.end - t.symbol.line + 1);
  return [...touched.values()]
    .sort((a, b) => whole(a) - whole(b) || b.lines - a.lines || a.order - b.order)
    .map(({ symbol: { end: _end, ...symbol } }) => symbol);
}

/** Reads one declaration from a single line of text, such as the context git prints after a hunk header. */
export function symbolFromLine(line: string, language: Language): { name: string; kind: SymbolKind; container?: string } | undefined {
  const found = matchLine(line, patternsFor(language));
  return found && !found.memberOnly ? { name: found.name, kind: found.kind, container: found.container } : undefined;
}

function matchLine(line: string, patterns: DeclPattern[]): Omit<Candidate, 'line' | 'end'> | undefined {
  for (const p of patterns) {
    const m = p.re.exec(line);
    if (!m) continue;
    const name = m[p.group];
    if (!name || isKeyword(name)) continue;
    const kind = p.kindGroup ? kindFromKeyword(m[p.kindGroup], p.kind) : p.kind;
    const container = p.containerGroup ? m[p.containerGroup] : undefined;
    return { name, kind, memberOnly: p.memberOnly ?? false, ...(container ? { container } : {}) };
  }
  return undefined;
}

function indentOf(line: string): number {
  const m = /^[ \t]*/.exec(line);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

function extentOf(lines: string[], start: number, language: Language, braces: BraceMap | undefined): number {
  if (braces) return braceExtent(braces, start, lines.length - 1);
  const indent = indentOf(lines[start]);
  if (language === 'ruby') {
    if (/\bend\s*$/.test(lines[start]) || /^\s*def\s+[^(=\s]+(?:\([^)]*\))?\s*=\s*\S/.test(lines[start])) return start;
    for (let i = start + 1; i < lines.length; i++) {
      if (indentOf(lines[i]) === indent && /^\s*end\b/.test(lines[i])) return i;
    }
  }
  // Indentation: the block ends before the next non-blank line indented no deeper than the header
  // (closing brackets of a multi-line signature do not end it).
  let last = start;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '') continue;
    if (indentOf(l) <= indent && !/^\s*[)\]}]/.test(l)) break;
    last = i;
  }
  return last;
}

/** Keeps declarations at a structural position (top level or directly in a container) and links containers. */
function nest(candidates: Candidate[], lines: string[], braces: BraceMap | undefined): SymbolExtent[] {
  const stack: Candidate[] = [];
  const out: SymbolExtent[] = [];
  for (const c of candidates) {
    while (stack.length > 0 && stack[stack.length - 1].end < c.line) stack.pop();
    const parent = stack[stack.length - 1];
    const parentIsContainer = parent !== undefined && CONTAINER_KINDS.has(parent.kind);
    if (parent && !parentIsContainer) continue; // nested in a function: a local helper, not a symbol of the file
    if (c.memberOnly && !parentIsContainer) continue;
    if (braces && !directlyInside(c, parent, braces)) continue;
    if (!braces && parent && indentOf(lines[c.line]) <= indentOf(lines[parent.line])) continue;
    let kind = c.kind;
    if (kind === 'function' && parentIsContainer && parent.kind !== 'module') kind = 'method';
    const container = c.container ?? (parentIsContainer ? parent.name : undefined);
    const accepted: Candidate = { ...c, kind, ...(container ? { container } : {}) };
    stack.push(accepted);
    out.push({ name: accepted.name, kind, line: c.line + 1, end: c.end + 1, ...(container ? { container } : {}) });
  }
  return out;
  function directlyInside(c: Candidate, parent: Candidate | undefined, map: BraceMap): boolean {
    const depth = map.depthAtLine[c.line] ?? 0;
    if (!parent) return depth === 0;
    return depth === (map.depthAtLine[parent.line] ?? 0) + 1;
  }
}


export type { SymbolExtent } from './sharedShapes';
