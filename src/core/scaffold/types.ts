/** Shared shapes of the Prevention core: what a commit changed, which framework tests it, what to write. */

export type Language = 'typescript' | 'javascript' | 'python' | 'go' | 'rust' | 'java' | 'csharp' | 'ruby' | 'php' | 'c' | 'cpp' | 'unknown';

/** 1-based, inclusive line range in a file. */
export interface LineRange {
  start: number;
  end: number;
}

export type SymbolKind = 'function' | 'method' | 'class' | 'interface' | 'struct' | 'enum' | 'trait' | 'impl' | 'module';

export interface ChangedSymbol {
  name: string;
  kind: SymbolKind;
  /** 1-based line of the declaration in the file at the culprit commit (0 when only the hunk header named it). */
  line: number;
  /** Name of the enclosing class / impl / module, when there is one. */
  container?: string;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Repository-relative path at the commit (the old path for a deleted file). */
  path: string;
  /** Previous path of a renamed file. */
  oldPath?: string;
  status: ChangeStatus;
  language: Language;
  /** Number of added and removed lines. */
  added: number;
  removed: number;
  /** Lines of the new file the diff touched (a pure deletion marks the line it happened after). */
  ranges: LineRange[];
  symbols: ChangedSymbol[];
}

export type TestFramework =
  | 'jest'
  | 'vitest'
  | 'mocha'
  | 'node:test'
  | 'ava'
  | 'pytest'
  | 'unittest'
  | 'go'
  | 'cargo'
  | 'junit4'
  | 'junit5'
  | 'rspec'
  | 'minitest'
  | 'phpunit'
  | 'xunit'
  | 'nunit'
  | 'mstest'
  /** git-style shell suites: `t/tNNNN-*.sh` sourcing `test-lib.sh` (or a project's own copy of it). */
  | 'shell-suite'
  | 'sharness'
  | 'gtest'
  | 'catch2'
  | 'unity';

export type Ecosystem = 'js' | 'python' | 'go' | 'rust' | 'java' | 'ruby' | 'php' | 'csharp' | 'c';

export interface DetectedFramework {
  framework: TestFramework;
  ecosystem: Ecosystem;
  /** Repository-relative folder of the project that declares it ('' for the repository root). */
  root: string;
  /** The file (or fact) that gave it away, for explaining the choice. */
  evidence: string;
  /** Java build tool, when known. */
  buildTool?: 'maven' | 'gradle';
  /** Repository-relative folder of the tests themselves, when detection found it (C and C++ suites). */
  testDir?: string;
}

export type TestStyle = 'failing' | 'skipped';

/** The marker a scaffolded test keeps until someone writes the real test. */
export const PLACEHOLDER_MARKER = 'OWN-IT-PLACEHOLDER';

/** 0-based position, as editors count. */
export interface Cursor {
  line: number;
  column: number;
}

export interface TestScaffoldPlan {
  /** Repository-relative path (forward slashes) where the test belongs. */
  path: string;
  content: string;
  /** Where to put the caret: on the placeholder line. */
  cursor: Cursor;
  /** True when `path` already exists; `alternative` is then the same test at a free numbered sibling. */
  exists: boolean;
  alternative?: { path: string; content: string; cursor: Cursor };
  framework: DetectedFramework;
  /** The file and symbol the test is about, as they are in today's tree. */
  target: { file: string; symbol?: ChangedSymbol };
  /** Full sha of the culprit the test is about. */
  culprit: string;
  /** Set when the caller named a revert: its sha (the plan is about the commit it reverted, `culprit`). */
  revert?: string;
  /** The culprit's path of the target when it lives elsewhere today. */
  movedFrom?: string;
  /** An Own It test for the same subject and culprit (or incident) already exists here: open it, write nothing. */
  existing?: string;
  /** What gave the new test its style: a formatter (`prettier`, `gofmt`, …), `repo config`, or `as generated`. */
  styledBy?: string;
  /** What the person must add to a build file so the new test is built and run (C and C++), or how it is collected. */
  registration?: string;
  /** The file is a script the runner executes directly (shell suites): written with mode 0755. */
  executable?: boolean;
  /** The same test as a new case in the existing test file for the changed module: what a maintainer would do. */
  append?: SpecEdit;
}

/** An edit of an existing test file: the whole new text, and the file as it was when planned. */
export interface SpecEdit {
  path: string;
  content: string;
  cursor: Cursor;
  /** The block the case went into (`describe('parse')`, `class TestShop`, `end of file`). */
  into: string;
  /** The text the edit was planned from; an editor applies the edit only to this text. */
  original: string;
  /** Identity of the file as read; the write is refused when it no longer matches. */
  stat: { ino: number; size: number; mtimeMs: number };
  /** What shaped the whole file after the edit (the repo's formatter), when it ran. */
  styledBy?: string;
}
