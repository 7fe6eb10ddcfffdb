/**
 * A fast reader for the YAML front matter Own It itself writes, used when listing thousands of
 * incidents (the `yaml` Document parse is ~0.1 ms a file, 90% of the listing time).
 *
 * It reads only a strict subset, line by line, and answers `undefined` for anything outside it,
 * so the caller falls back to the full parser. The subset is what `serializeIncident` writes:
 *
 *     key: scalar            key: []            key:              key:
 *                                                 - scalar          - key: scalar
 *                                                                     key: scalar
 *
 * with plain, 'single' or "double" quoted scalars on one line. Comments, blank lines, block or
 * multi-line scalars, flow collections, anchors, tags, tabs, CR, duplicate keys and unusual
 * characters all fall back. Plain scalars resolve as in the core schema of `yaml`
 * (node_modules/yaml/dist/schema/core): only strings and booleans are answered here.
 * Equivalence with the full parser is checked by test/unit/simpleFrontMatter.test.ts.
 */

export type SimpleScalar = string | boolean;
export type SimpleValue = SimpleScalar | SimpleScalar[] | Map<string, SimpleScalar>[];

/** Characters that stay literal in every scalar style; anything else (controls, NEL, U+2028/9, BOM…) falls back. */
const UNSAFE_CHAR = /[^\x20-\x7e\u00a0-\u2027\u202a-\ufefe\uff00-\ufffd]/;
/** A plain scalar must not start with an indicator or a space. */
const PLAIN_FIRST = /^[^-?:,[\]{}#&*!|>'"%@` ]/;
/** Core schema: a plain scalar matching one of these is null, a number or a boolean, not a string. */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_NUMBER = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEX: Record<string, RegExp> = { x: /^[0-9a-fA-F]{2}$/, u: /^[0-9a-fA-F]{4}$/, U: /^[0-9a-fA-F]{8}$/ };
const DQ_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** One scalar that fills the rest of a line; undefined when it is not a string or boolean in the subset. */
export function readScalar(src: string): SimpleScalar | undefined {
  if (src === '' || UNSAFE_CHAR.test(src)) return undefined;
  if (src[0] === '"') return doubleQuoted(src);
  if (src[0] === "'") return singleQuoted(src);
  if (!PLAIN_FIRST.test(src) || src.endsWith(' ') || src.endsWith(':') || src.includes(': ') || src.includes(' #')) return undefined;
  if (CORE_BOOL.test(src)) return src[0] === 't' || src[0] === 'T';
  if (CORE_NULL.test(src) || CORE_NUMBER.some((re) => re.test(src))) return undefined;
  return src;
}

function doubleQuoted(src: string): string | undefined {
  let out = '';
  for (let i = 1; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"') return i === src.length - 1 ? out : undefined;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = src[++i];
    const simple = next === undefined ? undefined : DQ_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = src.slice(i + 1, i + 1 + length);
    if (length === 0 || !HEX[next].test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += length;
  }
  return undefined; // not closed on this line
}

function singleQuoted(src: string): string | undefined {
  let out = '';
  for (let i = 1; i < src.length; i++) {
    if (src[i] !== "'") out += src[i];
    else if (src[i + 1] === "'") out += src[++i];
    else return i === src.length - 1 ? out : undefined;
  }
  return undefined;
}

/** `key: rest` (rest may be empty when the key ends the line); undefined when the line is not that. */
function keyLine(line: string): { key: string; rest: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon);
  if (!KEY.test(key) || CORE_NULL.test(key) || CORE_BOOL.test(key)) return undefined;
  if (colon === line.length - 1) return { key, rest: '' };
  if (line[colon + 1] !== ' ') return undefined;
  return { key, rest: line.slice(colon + 2) };
}

/**
 * The top-level fields of `yaml` (the text between the `---` lines), or undefined when the text is
 * outside the subset and the full parser must read it.
 */
export function readSimpleFrontMatter(yaml: string): Map<string, SimpleValue> | undefined {
  if (yaml.includes('\r') || yaml.includes('\t') || !yaml.endsWith('\n')) return undefined;
  const lines = yaml.split('\n');
  lines.pop();
  const fields = new Map<string, SimpleValue>();
  let i = 0;
  while (i < lines.length) {
    const head = keyLine(lines[i++]);
    if (!head || fields.has(head.key)) return undefined;
    if (head.rest === '[]') {
      fields.set(head.key, []);
      continue;
    }
    if (head.rest !== '') {
      const value = readScalar(head.rest);
      if (value === undefined) return undefined;
      fields.set(head.key, value);
      continue;
    }
    const list = readList(lines, i);
    if (!list) return undefined;
    fields.set(head.key, list.items);
    i = list.next;
  }
  return fields;
}

/** A block sequence at indent 2 starting at `lines[start]`: all scalars or all one-level mappings. */
function readList(lines: string[], start: number): { items: SimpleScalar[] | Map<string, SimpleScalar>[]; next: number } | undefined {
  const scalars: SimpleScalar[] = [];
  const maps: Map<string, SimpleScalar>[] = [];
  let i = start;
  while (i < lines.length && lines[i].startsWith('  - ')) {
    const item = lines[i++].slice(4);
    const first = keyLine(item);
    if (!first) {
      const value = readScalar(item);
      if (value === undefined || maps.length > 0) return undefined;
      scalars.push(value);
      continue;
    }
    if (scalars.length > 0) return undefined;
    const map = new Map<string, SimpleScalar>();
    for (let entry: typeof first | undefined = first; ; entry = keyLine(lines[i++].slice(4))) {
      if (!entry || map.has(entry.key)) return undefined;
      const value = readScalar(entry.rest);
      if (value === undefined) return undefined;
      map.set(entry.key, value);
      if (!(i < lines.length && lines[i].startsWith('    ') && lines[i][4] !== ' ')) break;
    }
    maps.push(map);
  }
  // `key:` followed by no item is null in YAML, not an empty list: the full parser decides.
  if (i === start) return undefined;
  return { items: maps.length > 0 ? maps : scalars, next: i };
}
