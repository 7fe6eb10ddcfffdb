import type { Language } from './types';

/** A `{`, `}` or `;` outside strings and comments, with the nesting depth around it. */
export interface BraceEvent {
  line: number; // 0-based
  char: '{' | '}' | ';';
  /** Depth before a `{`, after a `}`, current for `;`. */
  depth: number;
}

export interface BraceMap {
  /** Brace depth at the start of each 0-based line. */
  depthAtLine: number[];
  events: BraceEvent[];
}

/**
 * A rough lexer for C-family languages: enough to match braces while skipping
 * strings and comments, which is what keeps a `}` inside a string from ending a function.
 */
export function scanBraces(text: string, language: Language): BraceMap {
  const depthAtLine: number[] = [0];
  const events: BraceEvent[] = [];
  let depth = 0;
  let line = 0;
  let i = 0;
  const n = text.length;
  const backtickStrings = language === 'typescript' || language === 'javascript' || language === 'go';
  const hashComments = language === 'php';
  const newline = (): void => {
    line++;
    depthAtLine.push(depth);
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\n') {
      newline();
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (hashComments && c === '#' && next !== '[') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') newline();
        i++;
      }
      i += 2;
    } else if (c === '"' || (c === '`' && backtickStrings) || c === "'") {
      if (c === "'" && language === 'rust' && !/^'(?:\\.[^']*|[^\\'])'/.test(text.slice(i, i + 12))) {
        i++; // a lifetime such as 'a, not a char literal
        continue;
      }
      const verbatim = language === 'csharp' && text[i - 1] === '@';
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && !verbatim && !(c === '`' && language === 'go')) i++;
        else if (text[i] === '\n') {
          if (c === '"' && language !== 'csharp' && language !== 'php' && language !== 'rust') break; // unterminated: recover at end of line
          newline();
        }
        i++;
      }
      i++;
    } else if (c === '{') {
      events.push({ line, char: '{', depth });
      depth++;
      i++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      events.push({ line, char: '}', depth });
      i++;
    } else if (c === ';') {
      events.push({ line, char: ';', depth });
      i++;
    } else {
      i++;
    }
  }
  return { depthAtLine, events };
}

/**
 * Last line (0-based) of a declaration starting on `start`: the line of the `}` closing its
 * first `{` at the declaration's depth, or of a `;` that ends it first (a signature or arrow expression).
 */
export function braceExtent(map: BraceMap, start: number, lastLine: number): number {
  const depth = map.depthAtLine[start] ?? 0;
  let k = firstEventAtOrAfter(map.events, start);
  for (; k < map.events.length; k++) {
    const e = map.events[k];
    if (e.depth !== depth) continue;
    if (e.char === ';') return e.line;
    if (e.char === '{') break;
  }
  if (k >= map.events.length) return start;
  for (k++; k < map.events.length; k++) {
    const e = map.events[k];
    if (e.char === '}' && e.depth === depth) return e.line;
  }
  return lastLine;
}

function firstEventAtOrAfter(events: BraceEvent[], line: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
