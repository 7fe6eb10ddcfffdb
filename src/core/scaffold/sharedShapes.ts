/**
 * Shapes shared by the generic scaffold modules (symbols, placement, templates) and their
 * language-specific parts (C suites, tree-sitter symbols). They live here so that neither side
 * imports the other: the generic modules call into the specific ones, never the reverse.
 */
import type { ChangedSymbol, DetectedFramework, Language, SymbolKind, TestFramework, TestStyle } from './types';

/**
 * One way a declaration starts a line. `group` is the capture holding the name;
 * `memberOnly` patterns are loose (`name(...)`) and only trusted directly inside a class body;
 * `containerGroup` names the owner for declarations that say it themselves (Go receivers).
 */
export interface DeclPattern {
  re: RegExp;
  kind: SymbolKind;
  group: number;
  memberOnly?: boolean;
  containerGroup?: number;
  /** For patterns whose kind is picked from a captured keyword. */
  kindGroup?: number;
}

/** A declaration with the lines it spans (1-based, inclusive). */
export interface SymbolExtent extends ChangedSymbol {
  end: number;
}

/** How a C/C++ test is built: what the template needs beyond the common fields. */
export interface CHarness {
  /** The lines that load the framework: `. ./test-lib.sh`, `#include <gtest/gtest.h>`. */
  frameworkLines: string[];
  /** Unity: the line that opens the file's own `main` (`int main(void)`), when the siblings have one (no generated runner). */
  unityMain?: string;
  /** C89 projects have no `//` comments: the header goes in a block comment unless the siblings use `//`. */
  blockComments?: boolean;
  /** Unity: the file defines `setUp`/`tearDown` (older Unity has no weak defaults). */
  unityFixtures?: boolean;
}

export interface PlacementInput {
  repoRoot: string;
  framework: DetectedFramework;
  /** Repository-relative path of the changed source file. */
  file: string;
  language: Language;
  symbol?: ChangedSymbol;
  /** The source file's text (as committed), to read its package/namespace/exports. */
  sourceText: string;
}

export interface Placement {
  /** Repository-relative folder of the test. */
  dir: string;
  /** File name for attempt n (1 = the plain name, 2+ = numbered siblings). */
  fileName(n: number): string;
  /** Test class name matching fileName(n), for frameworks that need one. */
  className(n: number): string;
  imports: string[];
  reference?: string;
  packageName?: string;
  moduleSystem: 'esm' | 'cjs';
  /** Lines that must open the test file (a Go build constraint the source file has). */
  preamble?: string[];
  /** C and C++: how the test loads its framework. */
  harness?: CHarness;
}

/** Everything a template needs; placement and import resolution happen before rendering. */
export interface RenderInput {
  framework: TestFramework;
  style: TestStyle;
  /** File extension family for JS (TypeScript gets types-free code anyway). */
  moduleSystem: 'esm' | 'cjs';
  /** Human name of what is tested, e.g. `Parser.parseConfig`. */
  subject: string;
  /** A readable test title naming the incident. */
  title: string;
  /** Identifier-safe PascalCase of the subject, e.g. `ParseConfig`. */
  pascal: string;
  /** snake_case of the subject. */
  snake: string;
  /** Class name for class-based frameworks, matching the file name. */
  className: string;
  /** Comment lines for the header (no comment markers). */
  header: string[];
  /** The placeholder failure message (contains the marker). */
  message: string;
  /** Ready-made import/require/use lines for the changed code (may be empty). */
  imports: string[];
  /** An identifier the body mentions so strict compilers do not flag the import as unused. */
  reference?: string;
  /** Go package / Java package / C# namespace / PHP namespace of the test. */
  packageName?: string;
  /** Python: the formatter's line length (Black and Ruff default to 88). */
  lineLength?: number;
  /** C and C++: how the test loads its framework, learned from the suite's other tests. */
  harness?: CHarness;
}
