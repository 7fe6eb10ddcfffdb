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
};

export function languageOf(filePath: string): Language {
  const m = /\.([A-Za-z0-9]+)$/.exec(filePath);
  return (m && BY_EXTENSION[m[1].toLowerCase()]) || 'unknown';
}

export function ecosystemOf(language: Language): Ecosystem | undefined {
  switch (language) {
    case 'typescript':
    case 'javascript':
      return 'js';
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
    /Tests?\.(java|cs|php)$/.test(base)
  );
}
