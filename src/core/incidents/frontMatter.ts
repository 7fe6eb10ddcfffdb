/**
 * Reads and edits the YAML front matter of an incident file through the `yaml` Document API,
 * so that comments, key order, quoting and keys Own It does not know survive every save.
 */
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { IncidentProblem } from './errors';

export interface FrontMatterSplit {
  /** Everything before the YAML text: the opening `---` line (and a BOM, if any). */
  open: string;
  yaml: string;
  /** The closing `---` (or `...`) line. */
  close: string;
  body: string;
  /** 1-based file line on which the YAML text starts. */
  yamlFirstLine: number;
}

/** Splits `---\n<yaml>\n---\n<body>`; undefined when the file does not start with front matter. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const open = /^(\uFEFF?---[ \t]*\r?\n)/.exec(text);
  if (!open) return undefined;
  const start = open[1].length;
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  closing.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = closing.exec(text)) !== null) {
    if (match.index >= start && (match.index === start || text[match.index - 1] === '\n')) {
      return {
        open: open[1],
        yaml: text.slice(start, match.index),
        close: match[0],
        body: text.slice(match.index + match[0].length),
        yamlFirstLine: 2,
      };
    }
  }
  return undefined;
}

/** A parsed front matter block with line-aware accessors that collect problems instead of throwing. */
export class FrontMatterReader {
  readonly problems: IncidentProblem[] = [];
  readonly doc: Document;
  private readonly lines = new LineCounter();
  private readonly map: YAMLMap | undefined;

  constructor(
    yaml: string,
    private readonly firstLine: number,
  ) {
    this.doc = parseDocument(yaml, { lineCounter: this.lines, keepSourceTokens: false, uniqueKeys: true });
    // An unclosed flow collection nested N deep is N identical errors from the parser: say it once.
    const seen = new Set<string>();
    for (const err of this.doc.errors) {
      const problem = { line: (err.linePos?.[0]?.line ?? 1) + firstLine - 1, message: `invalid YAML: ${firstSentence(err.message)}` };
      const key = `${problem.line}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.problems.push(problem);
    }
    if (this.doc.errors.length === 0) {
      if (isMap(this.doc.contents)) this.map = this.doc.contents;
      else this.problems.push({ line: firstLine, message: 'front matter must be a YAML mapping of fields (key: value)' });
    }
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  lineOf(node: Node | Pair | null | undefined): number {
    const range = node && ('range' in node ? node.range : isPair(node) ? (node.key as Node | null)?.range : undefined);
    if (!range) return this.firstLine;
    return this.lines.linePos(range[0]).line + this.firstLine - 1;
  }

  problem(node: Node | Pair | null | undefined, message: string): void {
    this.problems.push({ line: this.lineOf(node), message });
  }

  pair(key: string): Pair | undefined {
    return this.map?.items.find((p) => isScalar(p.key) && p.key.value === key);
  }

  string(key: string, required: boolean): string | undefined {
    const pair = this.pair(key);
    if (!pair || pair.value == null || (isScalar(pair.value) && pair.value.value == null)) {
      if (required) this.problem(pair ?? this.map, `missing required field ${key}`);
      return undefined;
    }
    return this.scalarString(pair.value as Node, key);
  }

  /** Strings only: an unquoted sha like 1234567 parses as a number and would lose leading zeros. */
  scalarString(node: Node, label: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.problem(node, `${label} must be a text value${isScalar(node) && typeof node.value === 'number' ? ' (put it in quotes)' : ''}`);
    return undefined;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T | undefined {
    const pair = this.pair(key);
    const value = this.string(key, fallback === undefined);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(pair?.value as Node, `${key} must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  timestamp(key: string, required: boolean): string | undefined {
    const value = this.string(key, required);
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      this.problem(this.pair(key)?.value as Node, `${key} must be a date and time like 2026-01-05T09:30:00Z`);
      return undefined;
    }
    return value;
  }

  /** A sequence field; a missing key is an empty list. */
  seq(key: string): Node[] {
    const pair = this.pair(key);
    if (!pair || pair.value == null || (isScalar(pair.value) && pair.value.value == null)) return [];
    if (isSeq(pair.value)) return pair.value.items as Node[];
    this.problem(pair.value as Node, `${key} must be a list`);
    return [];
  }

  stringList(key: string): string[] {
    const out: string[] = [];
    this.seq(key).forEach((node, i) => {
      const value = this.scalarString(node, `${key}[${i}]`);
      if (value !== undefined) out.push(value);
    });
    return out;
  }
}

/** A mapping inside a list (an action item, a timeline event), read with the same line-aware checks. */
export function mapFields(reader: FrontMatterReader, node: Node, label: string): Map<string, Node> | undefined {
  if (!isMap(node)) {
    reader.problem(node, `${label} must be a mapping of fields (key: value)`);
    return undefined;
  }
  const fields = new Map<string, Node>();
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.value != null && !(isScalar(pair.value) && pair.value.value == null)) {
      fields.set(String(pair.key.value), pair.value as Node);
    }
  }
  return fields;
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export type PlainValue = string | boolean | number | PlainValue[] | { [key: string]: PlainValue | undefined } | undefined;

/**
 * Applies the difference between `before` and `after` to `doc`, touching only what changed:
 * scalars are edited in place (keeping their comments and quoting), lists and mappings
 * element by element (keeping unknown keys inside action items), new keys are appended.
 */
export function applyChanges(doc: Document, path: (string | number)[], before: PlainValue, after: PlainValue): void {
  if (deepEqual(before, after)) return;
  const node = path.length === 0 ? doc.contents : (doc.getIn(path, true) as unknown);
  if (after === undefined) {
    doc.deleteIn(path);
    return;
  }
  if (Array.isArray(after) && isSeq(node) && Array.isArray(before) && !(node.flow && node.items.length === 0)) {
    const common = Math.min(node.items.length, after.length);
    for (let i = 0; i < common; i++) applyChanges(doc, [...path, i], before[i], after[i]);
    for (let i = node.items.length - 1; i >= after.length; i--) node.items.splice(i, 1);
    for (let i = common; i < after.length; i++) node.items.push(doc.createNode(after[i]));
    return;
  }
  if (isPlainObject(after) && isMap(node) && isPlainObject(before)) {
    for (const key of Object.keys({ ...before, ...after })) applyChanges(doc, [...path, key], before[key], after[key]);
    return;
  }
  if (isScalar(node) && !Array.isArray(after) && !isPlainObject(after)) {
    node.value = after;
    return;
  }
  doc.setIn(path, doc.createNode(after));
}

function isPlainObject(v: PlainValue): v is { [key: string]: PlainValue | undefined } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: PlainValue, b: PlainValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}
