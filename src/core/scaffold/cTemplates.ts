import type { RenderInput } from './sharedShapes';

/** A shell word in single quotes: a `'` inside ends the quote, so it is written as `'\''`. */
const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** A C/C++ string literal: JSON's escapes are C's, and `??` cannot start a trigraph. */
const cq = (s: string): string => JSON.stringify(s).replace(/\?\?/g, '?\\?');
/** A `//` comment line must not end in a backslash: C would splice the next line into the comment. */
const lineComment = (lines: string[]): string[] => lines.map((l) => (l ? `// ${l}`.replace(/\\+\s*$/, '') : '//'));
/** A block comment for C89 code; a star-slash in the text would end it early. */
const blockComment = (lines: string[]): string[] => ['/*', ...lines.map((l) => (l ? ` * ${l.replace(/\*\//g, '* /')}` : ' *')), ' */'];

/**
 * Tests for C and C++ suites. `cursor` prefixes the line the caret goes to (the placeholder).
 * Shell suites use `test_expect_failure`: the runner reports a known breakage, not a failure,
 * so the rest of the suite stays green until the real test replaces the placeholder.
 */
export function cBody(r: RenderInput, cursor: string): string[] {
  const skipped = r.style === 'skipped';
  const load = r.harness?.frameworkLines ?? [];
  const cComment = r.harness?.blockComments ? blockComment : lineComment;
  switch (r.framework) {
    case 'shell-suite':
    case 'sharness':
      return [
        '#!/bin/sh',
        '#',
        ...r.header.map((l) => (l ? `# ${l}` : '#')),
        '#',
        '',
        `test_description=${shq(`Regression: ${r.title}`)}`,
        '',
        ...(load.length > 0 ? load : ['. ./test-lib.sh']),
        '',
        // A prerequisite nobody sets skips the test: the skipped style.
        `test_expect_failure ${skipped ? 'OWN_IT_PENDING ' : ''}${shq(`${r.subject} no longer breaks`)} '`,
        `${cursor}\t# ${r.message.replace(/'/g, `'\\''`)}`,
        '\tfalse',
        "'",
        '',
        'test_done',
      ];
    case 'gtest':
      return [
        ...cComment(r.header),
        ...load,
        ...r.imports,
        '',
        `TEST(${r.pascal}Regression, ${skipped ? 'DISABLED_' : ''}NoLongerBreaks) {`,
        `${cursor}  FAIL() << ${cq(r.message)};`,
        '}',
      ];
    case 'catch2':
      return [
        ...cComment(r.header),
        ...load,
        ...r.imports,
        '',
        `TEST_CASE(${cq(`Regression: ${r.title}: ${r.subject} no longer breaks`)}, ${cq(skipped ? '[.][regression]' : '[regression]')}) {`,
        `${cursor}  FAIL(${cq(r.message)});`,
        '}',
      ];
    case 'unity': {
      const fn = `test_regression_${r.snake}`;
      return [
        ...cComment(r.header),
        ...load,
        ...r.imports,
        '',
        ...(r.harness?.unityFixtures ? ['void setUp(void) {}', 'void tearDown(void) {}', ''] : []),
        // With its own main the test is file-local (`-Wmissing-prototypes` builds reject an undeclared global).
        `${r.harness?.unityMain ? 'static ' : ''}void ${fn}(void)`,
        '{',
        `${cursor}  ${skipped ? 'TEST_IGNORE_MESSAGE' : 'TEST_FAIL_MESSAGE'}(${cq(r.message)});`,
        '}',
        ...(r.harness?.unityMain ? ['', r.harness.unityMain, '{', '  UNITY_BEGIN();', `  RUN_TEST(${fn});`, '  return UNITY_END();', '}'] : []),
      ];
    }
    default:
      return [];
  }
}
