import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SymbolExtent } from './sharedShapes';
import type { Language, SymbolKind } from './types';

/**
 * The declarations of a file read from its tree-sitter syntax tree: the same shape as the pattern
 * scanner's (symbols.ts), top level and directly inside classes, impls, traits and modules. A
 * function's body is never entered: a helper declared inside a function is local to it, and a
 * regression test can only reach the function around it. Declarations inside other statements
 * (callbacks passed to calls, `if` blocks of a JS file) are skipped for the same reason, except
 * in Python, where module-level `if`/`try` blocks commonly define the public functions, and in a
 * JS file wrapped whole in an IIFE or UMD factory, whose body is the file's top level.
 */

/** What a node declares, if anything, and whether its body holds members to read. */
interface Declaration {
  name: string;
  kind: SymbolKind;
  /** The node whose named children are the members (a class body), when it is a container. */
  members?: Node;
  /** Set when the declaration names its own owner (a Go receiver, `Foo.prototype.bar = …`). */
  container?: string;
  /** An owner given in code (`res.status = …`) makes this a method even outside a class. */
  ownMethod?: boolean;
}

const CONTAINERS: ReadonlySet<SymbolKind> = new Set(['class', 'interface', 'struct', 'enum', 'trait', 'impl', 'module']);
const JS_FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);

/** Nodes that only group declarations: their children are read as if they stood in their place. */
const PASS_THROUGH: Record<string, ReadonlySet<string>> = {
  js: new Set(['program', 'export_statement', 'class_body', 'statement_block', 'expression_statement', 'ambient_declaration', 'object']),
  python: new Set([
    'module', 'block', 'decorated_definition', 'if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement',
  ]),
  go: new Set(['source_file', 'type_declaration']),
  rust: new Set(['source_file', 'declaration_list']),
  java: new Set(['program', 'class_body', 'interface_body', 'enum_body', 'enum_body_declarations']),
  csharp: new Set(['compilation_unit', 'declaration_list']),
  ruby: new Set(['program', 'body_statement', 'singleton_class']),
  php: new Set(['program', 'namespace_definition', 'compound_statement', 'declaration_list']),
};

function family(language: Language): string {
  return language === 'typescript' || language === 'javascript' ? 'js' : language;
}

const field = (node: Node, name: string): Node | null => node.childForFieldName(name);
const named = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => c !== null);

/** The bare type name of a Go receiver or a Rust impl (`*Store[T]` → Store, `fmt::Display for Wrapper<T>` → Wrapper). */
function typeName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'type_identifier' || node.type === 'identifier') return node.text;
  const inner = field(node, 'name') ?? field(node, 'type');
  if (inner && inner.id !== node.id) return typeName(inner);
  return node.descendantsOfType('type_identifier')[0]?.text;
}

/** The owner named by the object of `owner.name = …`: `Foo.prototype` → Foo, `res` → res, `module.exports` → none. */
function ownerOf(object: Node): string | undefined {
  const text = object.text;
  if (text === 'exports' || text === 'module.exports' || text === 'this') return undefined;
  if (object.type === 'identifier') return text;
  if (object.type === 'member_expression') {
    const property = field(object, 'property')?.text;
    const base = field(object, 'object');
    if (property === 'prototype' && base) return ownerOf(base);
    return property;
  }
  return undefined;
}

/** `a.b = function …`, `exports.x = () => …`, `module.exports = function name() …`, `exports = module.exports = …`. */
function jsAssignment(node: Node): Declaration | undefined {
  let right = field(node, 'right');
  while (right?.type === 'assignment_expression') right = field(right, 'right');
  const left = field(node, 'left');
  if (!right || left?.type !== 'member_expression') return undefined;
  const object = field(left, 'object');
  const property = field(left, 'property')?.text;
  const exportsItself = left.text === 'module.exports';
  if (right.type === 'object' && (exportsItself || left.text === 'exports')) return { name: '', kind: 'module', members: right };
  const isFunction = JS_FUNCTION_VALUES.has(right.type);
  if (!isFunction && right.type !== 'class') return undefined;
  const ownName = field(right, 'name')?.text;
  const name = exportsItself ? ownName : property;
  if (!name) return undefined;
  const owner = exportsItself || !object ? undefined : ownerOf(object);
  if (!isFunction) return { name, kind: 'class', members: field(right, 'body') ?? undefined };
  return { name, kind: owner ? 'method' : 'function', ...(owner ? { container: owner, ownMethod: true } : {}) };
}

function jsDeclaration(node: Node): Declaration | undefined {
  const name = field(node, 'name')?.text;
  switch (node.type) {
    case 'function_declaration':
    case 'generator_function_declaration':
      return name ? { name, kind: 'function' } : undefined;
    case 'class_declaration':
    case 'abstract_class_declaration':
    case 'class':
      return name ? { name, kind: 'class', members: field(node, 'body') ?? undefined } : undefined;
    case 'interface_declaration':
      return name ? { name, kind: 'interface' } : undefined;
    case 'enum_declaration':
      return name ? { name, kind: 'enum' } : undefined;
    case 'internal_module':
    case 'module':
      return name ? { name, kind: 'module', members: field(node, 'body') ?? undefined } : undefined;
    case 'method_definition':
      return name ? { name, kind: 'method' } : undefined;
    case 'public_field_definition':
    case 'field_definition':
    case 'pair': {
      const value = field(node, 'value');
      const key = (field(node, 'name') ?? field(node, 'property') ?? field(node, 'key'))?.text;
      return key && value && JS_FUNCTION_VALUES.has(value.type) ? { name: key, kind: 'method' } : undefined;
    }
    case 'assignment_expression':
      return jsAssignment(node);
    default:
      return undefined;
  }
}

/** `const f = () => …`, `let C = class {…}`, `const api = { get() {…} }`: one per declarator. */
function jsVariables(node: Node): { node: Node; declaration: Declaration }[] {
  const out: { node: Node; declaration: Declaration }[] = [];
  for (const declarator of named(node).filter((c) => c.type === 'variable_declarator')) {
    const name = field(declarator, 'name');
    const value = field(declarator, 'value');
    if (name?.type !== 'identifier' || !value) continue;
    if (JS_FUNCTION_VALUES.has(value.type)) out.push({ node: declarator, declaration: { name: name.text, kind: 'function' } });
    else if (value.type === 'class') out.push({ node: declarator, declaration: { name: name.text, kind: 'class', members: field(value, 'body') ?? undefined } });
    // An object literal is a namespace of functions only when it holds some (`const api = { get() {…} }`), not plain data.
    else if (value.type === 'object' && named(value).some((m) => jsDeclaration(m) !== undefined)) {
      out.push({ node: declarator, declaration: { name: name.text, kind: 'module', members: value } });
    }
  }
  return out;
}

function declarationOf(node: Node, language: Language): Declaration | undefined {
  const name = field(node, 'name')?.text;
  const body = field(node, 'body') ?? undefined;
  switch (family(language)) {
    case 'js':
      return jsDeclaration(node);
    case 'python':
      if (node.type === 'function_definition') return name ? { name, kind: 'function' } : undefined;
      return node.type === 'class_definition' && name ? { name, kind: 'class', members: body } : undefined;
    case 'go':
      if (node.type === 'function_declaration' && name) return { name, kind: 'function' };
      if (node.type === 'method_declaration' && name) {
        const receiver = typeName(field(node, 'receiver'));
        return { name, kind: 'method', ...(receiver ? { container: receiver, ownMethod: true } : {}) };
      }
      if (node.type === 'type_spec' && name) {
        const shape = field(node, 'type')?.type;
        if (shape === 'struct_type') return { name, kind: 'struct' };
        if (shape === 'interface_type') return { name, kind: 'interface' };
      }
      return undefined;
    case 'rust':
      return rustDeclaration(node, name, body);
    case 'java':
    case 'csharp':
      return classLike(node, name, body);
    case 'ruby':
      if ((node.type === 'method' || node.type === 'singleton_method') && name) return { name, kind: 'function' };
      if ((node.type === 'class' || node.type === 'module') && name) return { name, kind: node.type, members: body };
      return undefined;
    case 'php':
      if ((node.type === 'function_definition' || node.type === 'method_declaration') && name) return { name, kind: 'function' };
      return classLike(node, name, body);
    default:
      return undefined;
  }
}

function rustDeclaration(node: Node, name: string | undefined, body: Node | undefined): Declaration | undefined {
  switch (node.type) {
    case 'function_item':
      return name ? { name, kind: 'function' } : undefined;
    case 'impl_item': {
      const type = typeName(field(node, 'type'));
      return type ? { name: type, kind: 'impl', members: body } : undefined;
    }
    case 'trait_item':
      return name ? { name, kind: 'trait', members: body } : undefined;
    case 'mod_item':
      return name ? { name, kind: 'module', members: body } : undefined;
    case 'struct_item':
    case 'union_item':
      return name ? { name, kind: 'struct' } : undefined;
    case 'enum_item':
      return name ? { name, kind: 'enum' } : undefined;
    default:
      return undefined;
  }
}

/** Java, C# and PHP type declarations and their members. */
function classLike(node: Node, name: string | undefined, body: Node | undefined): Declaration | undefined {
  if (!name) return undefined;
  switch (node.type) {
    case 'class_declaration':
    case 'trait_declaration':
      return { name, kind: node.type === 'trait_declaration' ? 'trait' : 'class', members: body };
    case 'interface_declaration':
    case 'annotation_type_declaration':
      return { name, kind: 'interface', members: body };
    case 'enum_declaration':
      return { name, kind: 'enum', members: body };
    case 'record_declaration':
    case 'struct_declaration':
      return { name, kind: 'struct', members: body };
    case 'namespace_declaration':
      return { name, kind: 'module', members: body };
    case 'method_declaration':
    case 'constructor_declaration':
    case 'compact_constructor_declaration':
      return { name, kind: 'method' };
    default:
      return undefined;
  }
}

/** Every declaration of the tree, outermost first, in the pattern scanner's shape. */
export function treeSymbols(tree: Tree, language: Language): SymbolExtent[] {
  const pass = PASS_THROUGH[family(language)];
  if (!pass) return [];
  const out: SymbolExtent[] = [];
  const visit = (node: Node, parent: { name: string; kind: SymbolKind } | undefined): void => {
    if (parent === undefined && node.type === 'call_expression' && family(language) === 'js') {
      for (const body of wrapperBodies(node)) for (const child of named(body)) visit(child, undefined);
      return;
    }
    const found: { node: Node; declaration: Declaration }[] =
      node.type === 'lexical_declaration' || node.type === 'variable_declaration' ? jsVariables(node) : [];
    const declaration = found.length === 0 ? declarationOf(node, language) : undefined;
    if (declaration) found.push({ node, declaration });
    if (found.length === 0) {
      if (pass.has(node.type)) for (const child of named(node)) visit(child, parent);
      return;
    }
    for (const { node: at, declaration: d } of found) {
      // `module.exports = { … }` is a list of the file's functions, not a symbol of its own.
      if (d.name === '') {
        if (d.members) for (const child of named(d.members)) visit(child, undefined);
        continue;
      }
      const inContainer = parent !== undefined && CONTAINERS.has(parent.kind);
      const member = inContainer && parent.kind !== 'module';
      const kind: SymbolKind = d.kind === 'function' && member ? 'method' : d.kind === 'method' && !member && !d.ownMethod && !inContainer ? 'function' : d.kind;
      const container = d.container ?? (inContainer ? parent.name : undefined);
      const start = statementStart(at);
      const end = at.endPosition.column === 0 && at.endPosition.row > start ? at.endPosition.row - 1 : at.endPosition.row;
      out.push({ name: d.name, kind, line: start + 1, end: end + 1, ...(container ? { container } : {}) });
      if (d.members && CONTAINERS.has(d.kind)) for (const child of named(d.members)) visit(child, { name: d.name, kind: d.kind });
    }
  };
  visit(tree.rootNode, undefined);
  return out;
}

const unwrap = (node: Node | null): Node | null => (node?.type === 'parenthesized_expression' ? unwrap(named(node)[0] ?? null) : node);

/**
 * The bodies of a top-level IIFE or UMD wrapper (`(function () { … })()`, `(function (root, factory)
 * { … })(this, function (exports) { … })`, `(function () { … }).call(this)`): what they declare is
 * the file's API. Only a call of a function written in place qualifies, so callbacks passed to
 * `app.get(…)` or `describe(…)` stay closed.
 */
function wrapperBodies(call: Node): Node[] {
  let callee = unwrap(field(call, 'function'));
  if (callee?.type === 'member_expression' && ['call', 'apply'].includes(field(callee, 'property')?.text ?? '')) callee = unwrap(field(callee, 'object'));
  if (!callee || !JS_FUNCTION_VALUES.has(callee.type)) return [];
  const args = named(field(call, 'arguments') ?? call)
    .map(unwrap)
    .filter((a): a is Node => a !== null && JS_FUNCTION_VALUES.has(a.type));
  return [callee, ...args].map((f) => field(f, 'body')).filter((b): b is Node => b?.type === 'statement_block');
}

/** A declaration's first line includes its decorators, `export` and the statement that holds an assignment. */
function statementStart(node: Node): number {
  let top = node;
  for (let p = node.parent; p && ['decorated_definition', 'export_statement', 'expression_statement', 'lexical_declaration', 'variable_declaration'].includes(p.type); p = p.parent) top = p;
  return top.startPosition.row;
}
