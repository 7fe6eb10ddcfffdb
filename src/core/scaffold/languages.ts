import type { Ecosystem, Language } from './types';

const BY_EXTENSION: Record<string, Language> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  cs: 'csharp',
  rb: 'ruby',
  php: 'php',
  c: 'c',
  // A header is C unless the project is C++; both share one ecosystem, so the guess only names it.
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  'c++': 'cpp',
  hh: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
};

export function languageOf(filePath: string): Language {
  const m = /\.([A-Za-z0-9]+|c\+\+)$/.exec(filePath);
  return (m && BY_EXTENSION[m[1].toLowerCase()]) || 'unknown';
}

export function ecosystemOf(language: Language): Ecosystem | undefined {
  switch (language) {
    case 'typescript':
    case 'javascript':
      return 'js';
    case 'c':
    case 'cpp':
      return 'c';
    case 'unknown':
      return undefined;
    default:
      return language;
  }
}

/** Files that are themselves tests (or not code worth testing) are never the target of a regression test. */
export function isTestFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  return (
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(base) ||
    /(^|\/)(__tests__|spec|tests?)\//.test(p) ||
    /^test_.*\.py$/.test(base) ||
    /_test\.(py|go|rb)$/.test(base) ||
    /_spec\.rb$/.test(base) ||
    /Tests?\.(java|cs|php)$/.test(base) ||
    /(^|_)(unit)?tests?\.(c|cc|cpp|cxx)$/.test(base) ||
    /^tests?_.*\.(c|cc|cpp|cxx|h|hpp)$/.test(base) ||
    /Tests?\.(cc|cpp|cxx)$/.test(base) ||
    // git-style suites keep C test helpers beside the shell tests (`t/helper/test-*.c`).
    /(^|\/)t\/(helper|unit-tests)\//.test(p)
  );
}
