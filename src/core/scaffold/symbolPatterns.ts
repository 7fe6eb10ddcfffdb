import { C_PATTERNS } from './cSymbols';
import type { DeclPattern } from './sharedShapes';
import type { Language, SymbolKind } from './types';


const ID = '[A-Za-z_$][\\w$]*';
const KEYWORDS = new Set([
  'if', 'for', 'foreach', 'while', 'switch', 'catch', 'return', 'new', 'throw', 'else', 'do', 'try', 'using', 'lock',
  'synchronized', 'function', 'typeof', 'await', 'yield', 'super', 'this', 'sizeof', 'nameof', 'when', 'fixed',
]);

export function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}

const TS: DeclPattern[] = [
  { re: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*(${ID})`), kind: 'function', group: 1 },
  { re: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?class\\s+(${ID})`), kind: 'class', group: 1 },
  { re: new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?interface\\s+(${ID})`), kind: 'interface', group: 1 },
  { re: new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?(?:const\\s+)?enum\\s+(${ID})`), kind: 'enum', group: 1 },
  { re: new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?(?:namespace|module)\\s+(${ID}(?:\\.${ID})*)\\s*\\{`), kind: 'module', group: 1 },
  {
    re: new RegExp(
      `^\\s*(?:export\\s+)?(?:const|let|var)\\s+(${ID})\\s*(?::[^=]+)?=\\s*(?:async\\s+)?(?:function\\b|(?:<[^>]*>\\s*)?(?:\\([^)]*\\)|${ID})\\s*(?::\\s*[^=]+)?=>|\\($)`,
    ),
    kind: 'function',
    group: 1,
  },
  {
    re: new RegExp(
      `^\\s*(?:(?:public|private|protected|static|readonly|override)\\s+)*(#?${ID})\\s*(?::[^=]+)?=\\s*(?:async\\s+)?(?:\\([^)]*\\)|${ID})\\s*(?::\\s*[^=]+)?=>`,
    ),
    kind: 'function',
    group: 1,
    memberOnly: true,
  },
  {
    re: new RegExp(`^\\s*(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set|accessor)\\s+)*\\*?\\s*(#?${ID})\\s*(?:<[^>]*>)?\\s*\\(`),
    kind: 'function',
    group: 1,
    memberOnly: true,
  },
];

const PYTHON: DeclPattern[] = [
  { re: /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/, kind: 'function', group: 1 },
  { re: /^\s*class\s+([A-Za-z_]\w*)/, kind: 'class', group: 1 },
];

const GO: DeclPattern[] = [
  { re: /^func\s+\(\s*(?:\w+\s+)?\*?\s*([A-Za-z_]\w*)(?:\[[^\]]*\])?\s*\)\s*([A-Za-z_]\w*)/, kind: 'method', group: 2, containerGroup: 1 },
  { re: /^func\s+([A-Za-z_]\w*)/, kind: 'function', group: 1 },
  { re: /^type\s+([A-Za-z_]\w*)(?:\[[^\]]*\])?\s+(struct|interface)\b/, kind: 'struct', group: 1, kindGroup: 2 },
];

const RUST: DeclPattern[] = [
  {
    re: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:default\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+([A-Za-z_]\w*)/,
    kind: 'function',
    group: 1,
  },
  { re: /^\s*(?:unsafe\s+)?impl\b(?:\s*<[^{]*?>)?\s+(?:[\w:]+(?:<[^{]*?>)?\s+for\s+)?(?:[\w]+::)*(\w+)/, kind: 'impl', group: 1 },
  { re: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+)?(struct|enum|trait|mod)\s+([A-Za-z_]\w*)/, kind: 'struct', group: 2, kindGroup: 1 },
];

const JAVA: DeclPattern[] = [
  {
    re: /^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\s+)*(class|interface|enum|record|@interface)\s+([A-Za-z_]\w*)/,
    kind: 'class',
    group: 2,
    kindGroup: 1,
  },
  {
    re: /^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|abstract|synchronized|native|default|strictfp)\s+)*(?:<[^>]+>\s+)?(?:[\w.$]+(?:<[^;{}()]*>)?(?:\[\])*\s+)?([A-Za-z_$][\w$]*)\s*\(/,
    kind: 'method',
    group: 1,
    memberOnly: true,
  },
];

const CSHARP: DeclPattern[] = [
  { re: /^\s*namespace\s+([\w.]+)/, kind: 'module', group: 1 },
  {
    re: /^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|private|protected|internal|static|sealed|abstract|partial|readonly|unsafe|new|file|ref)\s+)*(class|interface|struct|enum|record)(?:\s+(?:class|struct))?\s+([A-Za-z_]\w*)/,
    kind: 'class',
    group: 2,
    kindGroup: 1,
  },
  {
    re: /^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|private|protected|internal|static|virtual|override|abstract|sealed|async|extern|new|unsafe|partial|readonly)\s+)*(?:[\w.]+(?:<[^;{}()]*>)?\??(?:\[\])*\s+)?([A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(/,
    kind: 'method',
    group: 1,
    memberOnly: true,
  },
];

const RUBY: DeclPattern[] = [
  { re: /^\s*def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?|\[\]=?|[+\-*/<>=!~%&|^]+)/, kind: 'function', group: 1 },
  { re: /^\s*(class|module)\s+([A-Z][\w:]*)/, kind: 'class', group: 2, kindGroup: 1 },
];

const PHP: DeclPattern[] = [
  { re: /^\s*(?:(?:abstract|final|readonly)\s+)*(class|interface|trait|enum)\s+([A-Za-z_]\w*)/, kind: 'class', group: 2, kindGroup: 1 },
  { re: /^\s*(?:(?:public|protected|private|static|abstract|final)\s+)*function\s+&?\s*([A-Za-z_]\w*)/, kind: 'function', group: 1 },
];

export function patternsFor(language: Language): DeclPattern[] {
  switch (language) {
    case 'typescript':
    case 'javascript':
      return TS;
    case 'python':
      return PYTHON;
    case 'go':
      return GO;
    case 'rust':
      return RUST;
    case 'java':
      return JAVA;
    case 'csharp':
      return CSHARP;
    case 'ruby':
      return RUBY;
    case 'php':
      return PHP;
    case 'c':
    case 'cpp':
      return C_PATTERNS;
    default:
      return [];
  }
}

/** Maps a captured keyword (`struct`, `interface`, `trait`, `module`…) to a symbol kind. */
export function kindFromKeyword(keyword: string, fallback: SymbolKind): SymbolKind {
  switch (keyword) {
    case 'struct':
    case 'record':
      return 'struct';
    case 'interface':
    case '@interface':
      return 'interface';
    case 'enum':
      return 'enum';
    case 'trait':
      return 'trait';
    case 'mod':
    case 'module':
      return 'module';
    case 'class':
      return 'class';
    default:
      return fallback;
  }
}

export type { DeclPattern } from './sharedShapes';
