/**
 * One test case added to an existing test file, where a maintainer would put it: at the end of the
 * `describe`/class that holds the file's tests (the one named after the subject when there is one),
 * in the file's own indentation, quotes and semicolons. Pure text in, text out: no file access.
 */
import { codeSafeText } from './templates';
import { PLACEHOLDER_MARKER, type Cursor, type TestFramework, type TestStyle } from './types';

export interface CaseInput {
  framework: TestFramework;
  style: TestStyle;
  /** Names the case and is matched against `describe`/class titles to pick the right block. */
  subject: string;
  /** The case's title when not `<subject> no longer breaks`. */
  title?: string;
  /** PascalCase and snake_case of the case name (Go/Java and Python/Ruby identifiers). */
  pascal: string;
  snake: string;
  /** Comment lines above the case (no comment markers). */
  header: string[];
  /** The failure message; carries the placeholder marker. */
  message: string;
  /** Python: the formatter's line length. */
  lineLength?: number;
}

export interface CaseInserted {
  content: string;
  /** The placeholder line of the new case. */
  cursor: Cursor;
  /** Where the case went, for the person: `describe('parse')`, `class TestParse`, `end of file`. */
  into: string;
}

const indentOf = (line: string): string => (/^[ \t]*/.exec(line) ?? [''])[0];
const blank = (line: string | undefined): boolean => line === undefined || line.trim() === '';
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The language's test declarations, the token that closes a block, and how it comments. */
const SHAPES: Partial<Record<TestFramework, { test: RegExp; block?: RegExp; close?: RegExp; comment: string }>> = {
  jest: { test: /^\s*(it|test)(\.\w+)*\s*\(/, block: /^\s*describe(\.\w+)*\s*\(\s*(['"`])(.*?)\2/, close: /^\s*[})]/, comment: '//' },
  vitest: { test: /^\s*(it|test)(\.\w+)*\s*\(/, block: /^\s*describe(\.\w+)*\s*\(\s*(['"`])(.*?)\2/, close: /^\s*[})]/, comment: '//' },
  mocha: { test: /^\s*(it|test)(\.\w+)*\s*\(/, block: /^\s*(describe|suite|context)(\.\w+)*\s*\(\s*(['"`])(.*?)\3/, close: /^\s*[})]/, comment: '//' },
  'node:test': { test: /^\s*(it|test)(\.\w+)*\s*\(/, block: /^\s*(describe|suite)(\.\w+)*\s*\(\s*(['"`])(.*?)\3/, close: /^\s*[})]/, comment: '//' },
  ava: { test: /^\s*test(\.\w+)*\s*\(/, comment: '//' },
  pytest: { test: /^\s*(async\s+)?def\s+test\w*\s*\(/, block: /^\s*class\s+(\w+)/, comment: '#' },
  unittest: { test: /^\s*(async\s+)?def\s+test\w*\s*\(/, block: /^\s*class\s+(\w+)/, comment: '#' },
  go: { test: /^func\s+Test\w*\s*\(/, comment: '//' },
  rspec: { test: /^\s*(it|specify|example)\b/, block: /^\s*(RSpec\.)?(describe|context)\s+(['"]?)(.*?)\3?\s+do\b/, close: /^\s*end\b/, comment: '#' },
  minitest: { test: /^\s*def\s+test_\w*|^\s*(it|test)\s+['"]/, block: /^\s*class\s+(\w+)/, close: /^\s*end\b/, comment: '#' },
  junit4: { test: /^\s*@Test\b/, block: /^\s*(public\s+|final\s+|abstract\s+)*class\s+(\w+)/, close: /^\s*}/, comment: '//' },
  junit5: { test: /^\s*@(Test|ParameterizedTest)\b/, block: /^\s*(public\s+|final\s+|abstract\s+)*class\s+(\w+)/, close: /^\s*}/, comment: '//' },
};

/** Whether Own It knows how to add a case to this framework's files. */
export function canAddCase(framework: TestFramework): boolean {
  return SHAPES[framework] !== undefined;
}

interface Spot {
  /** 0-based line the case is inserted before (lines.length for the end of the file). */
  at: number;
  indent: string;
  into: string;
  /** The line of a test the case imitates (its callee, quotes, visibility). */
  model?: string;
}

/** The end of the block named after the subject, else of the block holding the last test, else the end of the file. */
function findSpot(lines: string[], framework: TestFramework, subject: string): Spot | undefined {
  const shape = SHAPES[framework];
  if (!shape) return undefined;
  const tests = lines.map((l, i) => (shape.test.test(l) ? i : -1)).filter((i) => i >= 0);
  if (tests.length === 0) return undefined;
  const bare = subject.split('.').pop() ?? subject;
  const word = new RegExp(`(^|[^A-Za-z0-9_])${escapeRe(bare)}($|[^A-Za-z0-9_])`, 'i');
  // Class-based suites name the block after the subject: `TestTotal`, `TotalTest`, `TotalTests`.
  const cap = escapeRe(bare.charAt(0).toUpperCase() + bare.slice(1));
  const className = new RegExp(`\\bTest${cap}\\b|\\b${cap}Tests?\\b`);
  const names = (l: string): boolean => word.test(l.replace(/^\s*\w+[\s.(]*/, '')) || className.test(l);
  const named = shape.block ? lines.findIndex((l) => shape.block?.test(l) === true && names(l)) : -1;
  const python = framework === 'pytest' || framework === 'unittest';
  // The test inside the named block, or the file's last test, sets the indentation.
  const inNamed = named >= 0 ? tests.filter((t) => t > named && indentOf(lines[t]).length > indentOf(lines[named]).length && !endsBefore(lines, named, t, python, shape.close)) : [];
  const anchor = inNamed.length > 0 ? inNamed[inNamed.length - 1] : tests[tests.length - 1];
  const indent = indentOf(lines[anchor]);
  const model = lines[anchor];
  const container = enclosingBlock(lines, anchor, shape.block);
  const into = container === undefined ? 'end of file' : blockLabel(lines[container]);
  if (indent === '') return { at: trimEnd(lines, lines.length), indent, into: 'end of file', model };
  if (python) {
    // No closing token: the block ends where a line is indented less than its tests.
    let k = anchor + 1;
    for (; k < lines.length; k++) if (!blank(lines[k]) && indentOf(lines[k]).length < indent.length) break;
    return { at: trimEnd(lines, k), indent, into, model };
  }
  for (let k = anchor + 1; k < lines.length; k++) {
    if (blank(lines[k])) continue;
    if (indentOf(lines[k]).length < indent.length) return shape.close?.test(lines[k]) ? { at: k, indent, into, model } : undefined;
  }
  return undefined;
}

/** `describe('math')`, `class TestShop(unittest.TestCase)`, `RSpec.describe Cart`: the block as a person names it. */
function blockLabel(line: string): string {
  const call = /^\s*([\w.]+\s*\(\s*(['"`]).*?\2)/.exec(line);
  return call ? `${call[1]})` : line.trim().replace(/\s*(\{|\bdo|:)\s*$/, '');
}

/** Whether the block opened at `open` closed before line `t` (a dedent to its level or less). */
function endsBefore(lines: string[], open: number, t: number, python: boolean, close: RegExp | undefined): boolean {
  const level = indentOf(lines[open]).length;
  for (let k = open + 1; k < t; k++) {
    if (blank(lines[k]) || indentOf(lines[k]).length > level) continue;
    if (python || (close?.test(lines[k]) ?? true)) return true;
  }
  return false;
}

function enclosingBlock(lines: string[], anchor: number, block: RegExp | undefined): number | undefined {
  if (!block) return undefined;
  const level = indentOf(lines[anchor]).length;
  for (let k = anchor - 1; k >= 0; k--) if (block.test(lines[k]) && indentOf(lines[k]).length < level) return k;
  return undefined;
}

/** Index after the last non-blank line before `end`. */
function trimEnd(lines: string[], end: number): number {
  let k = end;
  while (k > 0 && blank(lines[k - 1])) k--;
  return k;
}

/** One indentation step of the file: what its nested lines add to their parent's indentation. */
function indentUnit(lines: string[]): string {
  if (lines.some((l) => l.startsWith('\t'))) return '\t';
  const widths = lines.map((l) => indentOf(l).length).filter((n) => n > 0);
  const smallest = widths.length ? Math.min(...widths) : 2;
  return ' '.repeat(smallest === 1 ? 2 : Math.min(smallest, 8));
}

const single = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const double = (s: string): string => JSON.stringify(s);

/** The case's lines (without the header), at no indentation; `\u0000` marks the placeholder line. */
function caseLines(c: CaseInput, spot: Spot, text: string, unit: string): string[] | undefined {
  const skipped = c.style === 'skipped';
  const model = spot.model ?? '';
  const title = c.title ?? `${c.subject} no longer breaks`;
  const P = '\u0000';
  switch (c.framework) {
    case 'jest':
    case 'vitest':
    case 'mocha':
    case 'node:test':
    case 'ava': {
      const callee = /^\s*(it|test)\b/.exec(model)?.[1] ?? 'it';
      const q = /\(\s*"/.test(model) && !/\(\s*'/.test(model) ? double : single;
      // No semicolons when the file closes its calls without them (Prettier `semi: false`, standard).
      const semi = /^\s*\}\)\s*$/m.test(text) && !/^\s*\}\);\s*$/m.test(text) ? '' : ';';
      const ava = c.framework === 'ava';
      const param = ava ? (/\(\s*t\s*\)\s*=>/.test(text) || !/\bt\s*=>/.test(text) ? '(t)' : 't') : '()';
      return [
        `${callee}${skipped ? '.skip' : ''}(${q(title)}, ${param} => {`,
        `${P}${unit}${ava ? `t.fail(${q(c.message)})` : `throw new Error(${q(c.message)})`}${semi}`,
        `})${semi}`,
      ];
    }
    case 'pytest':
    case 'unittest': {
      const method = spot.indent !== '' && /\(\s*self\b/.test(text.split('\n').find((l) => /^\s*def\s+test/.test(l) && indentOf(l) === spot.indent) ?? '');
      // `self.fail` exists on unittest's TestCase only; a plain pytest class has no such method.
      const self = method && /\bTestCase\b/.test(spot.into);
      const hasPytest = /^\s*import pytest\b|^\s*from pytest import\b/m.test(text);
      if (skipped && !hasPytest && !self) return undefined;
      const width = (c.lineLength ?? 88) - spot.indent.length - unit.length;
      const call = (callee: string, arg: string, mark = ''): string[] =>
        `${callee}(${arg})`.length <= width ? [`${mark}${unit}${callee}(${arg})`] : [`${unit}${callee}(`, `${mark}${unit}${unit}${arg}`, `${unit})`];
      const quoted = (c.message.match(/"/g)?.length ?? 0) > (c.message.match(/'/g)?.length ?? 0) ? single(c.message) : double(c.message);
      const skip = skipped ? [self ? `@unittest.skip(${quoted})` : `@pytest.mark.skip(reason=${quoted})`] : [];
      if (skipped && self && !/^\s*import unittest\b/m.test(text)) return undefined;
      return [
        ...skip,
        `def test_regression_${c.snake}(${method ? 'self' : ''}):`,
        ...call(self ? 'self.fail' : hasPytest ? 'pytest.fail' : 'raise AssertionError', quoted, P),
      ];
    }
    case 'go':
      if (!/"testing"/.test(text)) return undefined;
      return [`func TestRegression${c.pascal}(t *testing.T) {`, ...(skipped ? [`\tt.Skip(${double(c.message)})`] : []), `${P}\tt.Fatal(${double(c.message)})`, '}'];
    case 'rspec':
      return [`it ${single(title)}${skipped ? `, skip: ${single(c.message)}` : ''} do`, `${P}${unit}raise ${single(c.message)}`, 'end'];
    case 'minitest':
      if (/^\s*(it|test)\s+['"]/.test(model)) return [`it ${single(title)} do`, ...(skipped ? [`${unit}skip ${single(c.message)}`] : []), `${P}${unit}flunk ${single(c.message)}`, 'end'];
      return [`def test_regression_${c.snake}`, ...(skipped ? [`${unit}skip ${single(c.message)}`] : []), `${P}${unit}flunk ${single(c.message)}`, 'end'];
    case 'junit4':
    case 'junit5': {
      if (skipped) return undefined;
      const publicCount = text.match(/^\s*public\s+void\s+\w+\s*\(/gm)?.length ?? 0;
      const isPublic = c.framework === 'junit4' || publicCount > (text.match(/^\s*void\s+\w+\s*\(/gm)?.length ?? 0);
      return ['@Test', `${isPublic ? 'public ' : ''}void regression${c.pascal}() {`, `${P}${unit}throw new AssertionError(${double(c.message)});`, '}'];
    }
    default:
      return undefined;
  }
}

/**
 * `text` with a failing (or skipped) placeholder case added where a maintainer would add it, or
 * undefined when the file has no test to learn the place and shape from (a new file fits then).
 */
export function insertCase(text: string, input: CaseInput): CaseInserted | undefined {
  const c: CaseInput = { ...input, subject: codeSafeText(input.subject), ...(input.title ? { title: codeSafeText(input.title) } : {}), header: input.header.map(codeSafeText), message: codeSafeText(input.message) };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const spot = findSpot(lines, c.framework, c.subject);
  if (!spot) return undefined;
  const unit = indentUnit(lines);
  const body = caseLines(c, spot, text, unit);
  if (!body) return undefined;
  const shape = SHAPES[c.framework];
  const comment = shape?.comment ?? '//';
  const python = c.framework === 'pytest' || c.framework === 'unittest';
  // PEP 8 (and Black/Ruff): two blank lines around a top-level function, one inside a class.
  const topLevelPython = python && spot.indent === '';
  const gap = topLevelPython ? ['', ''] : blank(lines[spot.at - 1]) || /[{(:]\s*$|\bdo\s*$/.test(lines[spot.at - 1] ?? '') ? [] : [''];
  const added = [...gap, ...c.header.map((h) => `${comment} ${h}`), ...body].map((l) => {
    if (l === '') return l;
    const marked = l.startsWith('\u0000');
    return `${marked ? '\u0000' : ''}${spot.indent}${marked ? l.slice(1) : l}`;
  });
  const head = topLevelPython ? lines.slice(0, trimEnd(lines, spot.at)) : lines.slice(0, spot.at);
  const tail = lines.slice(spot.at);
  const after = python && tail.length > 0 && !blank(tail[0]) ? (topLevelPython ? ['', ''] : ['']) : [];
  const all = [...head, ...added, ...after, ...tail];
  const line = all.findIndex((l) => l.startsWith('\u0000'));
  const out = all.map((l) => (l.startsWith('\u0000') ? l.slice(1) : l));
  const cursorLine = line >= 0 ? line : Math.max(0, out.findIndex((l, i) => i >= head.length && l.includes(PLACEHOLDER_MARKER)));
  return { content: `${out.join(eol)}${eol}`, cursor: { line: cursorLine, column: indentOf(out[cursorLine] ?? '').length }, into: spot.into };
}
