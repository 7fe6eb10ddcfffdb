import type { RenderInput } from './sharedShapes';
import { cBody } from './cTemplates';


export interface Rendered {
  content: string;
  /** 0-based line of the placeholder statement and the column where it starts. */
  cursor: { line: number; column: number };
}

const js = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const dq = (s: string): string => JSON.stringify(s);
const sq = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A Python string as Black and Ruff write it: double quotes, unless that needs more escapes. */
const py = (s: string): string => ((s.match(/"/g)?.length ?? 0) > (s.match(/'/g)?.length ?? 0) ? sq(s) : dq(s));
/** `callee(arg)` at `indent`, split the way Black and Ruff split a call that passes the line length. */
function pyCall(r: RenderInput, indent: string, callee: string, arg: string, cursor = ''): string[] {
  const one = `${indent}${callee}(${arg})`;
  return one.length <= (r.lineLength ?? 88) ? [`${cursor}${one}`] : [`${indent}${callee}(`, `${cursor}${indent}    ${arg}`, `${indent})`];
}

function comment(prefix: string, lines: string[]): string[] {
  return lines.map((l) => (l ? `${prefix} ${l}` : prefix));
}

/**
 * Text from the repository (commit subjects, incident titles and file names) ends up inside
 * comments and string literals. Anything that could end a comment or a line there goes: C0/C1
 * controls and DEL (a newline ends a `#` or `//` comment), U+2028/U+2029 (line terminators in
 * JavaScript), NEL, bidi controls (source that reads differently than it runs), `?>` (ends a
 * PHP `//` comment) and backslash-u (Java decodes `\u000a` before it lexes, even in comments).
 * Quotes and backslashes are then escaped per language by the string helpers above.
 */
export function codeSafeText(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\?>/g, '? >')
    .replace(/\\u/gi, '\\ u');
}

function safeInput(r: RenderInput): RenderInput {
  return {
    ...r,
    subject: codeSafeText(r.subject),
    title: codeSafeText(r.title),
    header: r.header.map(codeSafeText),
    message: codeSafeText(r.message),
    imports: r.imports.map(codeSafeText),
    ...(r.harness ? { harness: { ...r.harness, frameworkLines: r.harness.frameworkLines.map(codeSafeText) } } : {}),
  };
}

/** Renders the test file; the placeholder line carries the marker and is where the cursor goes. */
export function renderTest(input: RenderInput): Rendered {
  const r = safeInput(input);
  const marked = body(r);
  const line = Math.max(0, marked.findIndex((l) => l.startsWith(CURSOR)));
  const lines = marked.map((l) => (l.startsWith(CURSOR) ? l.slice(CURSOR.length) : l));
  return { content: `${lines.join('\n')}\n`, cursor: { line, column: (/^\s*/.exec(lines[line]) ?? [''])[0].length } };
}

/** Prefix (stripped before output) of the line the cursor should land on. */
const CURSOR = '\u0000';

function body(r: RenderInput): string[] {
  const skipped = r.style === 'skipped';
  const ref = r.reference;
  switch (r.framework) {
    case 'shell-suite':
    case 'sharness':
    case 'gtest':
    case 'catch2':
    case 'unity':
      return cBody(r, CURSOR);
    case 'mocha':
    case 'jest':
    case 'vitest':
    case 'node:test': {
      const head: string[] = [];
      if (r.framework === 'vitest') head.push(r.moduleSystem === 'esm' ? "import { describe, it } from 'vitest';" : "const { describe, it } = require('vitest');");
      if (r.framework === 'node:test') head.push(r.moduleSystem === 'esm' ? "import { describe, it } from 'node:test';" : "const { describe, it } = require('node:test');");
      return [
        ...comment('//', r.header),
        ...head,
        ...r.imports,
        '',
        `describe(${js(`Regression: ${r.title}`)}, () => {`,
        `  it${skipped ? '.skip' : ''}(${js(`${r.subject} no longer breaks`)}, () => {`,
        ...(ref ? [`    void ${ref}; // call ${ref} with the input that broke, then assert what should happen`] : []),
        `${CURSOR}    throw new Error(${js(r.message)});`,
        '  });',
        '});',
      ];
    }
    case 'ava':
      return [
        ...comment('//', r.header),
        r.moduleSystem === 'esm' ? "import test from 'ava';" : "const test = require('ava');",
        ...r.imports,
        '',
        `test${skipped ? '.skip' : ''}(${js(`Regression: ${r.title} — ${r.subject} no longer breaks`)}, (t) => {`,
        ...(ref ? [`  void ${ref}; // call ${ref} with the input that broke, then assert what should happen`] : []),
        `${CURSOR}  t.fail(${js(r.message)});`,
        '});',
      ];
    case 'pytest':
      return [
        ...comment('#', r.header),
        'import pytest',
        ...(r.imports.length ? ['', ...r.imports] : []),
        '',
        '',
        ...(skipped ? pyCall(r, '', '@pytest.mark.skip', `reason=${py(r.message)}`) : []),
        `def test_regression_${r.snake}():`,
        ...pyCall(r, '    ', 'pytest.fail', py(r.message), CURSOR),
      ];
    case 'unittest':
      return [
        ...comment('#', r.header),
        'import unittest',
        ...(r.imports.length ? ['', ...r.imports] : []),
        '',
        '',
        `class ${r.className}(unittest.TestCase):`,
        ...(skipped ? pyCall(r, '    ', '@unittest.skip', py(r.message)) : []),
        `    def test_regression_${r.snake}(self):`,
        ...pyCall(r, '        ', 'self.fail', py(r.message), CURSOR),
        '',
        '',
        'if __name__ == "__main__":',
        '    unittest.main()',
      ];
    case 'go':
      return [
        ...comment('//', r.header),
        `package ${r.packageName ?? 'main'}`,
        '',
        'import "testing"',
        '',
        `func TestRegression${r.pascal}(t *testing.T) {`,
        ...(skipped ? [`\tt.Skip(${dq(r.message)})`] : []),
        `${CURSOR}\tt.Fatal(${dq(r.message)})`,
        '}',
      ];
    case 'cargo':
      return [
        ...comment('//', r.header),
        ...(r.imports.length ? ['#[allow(unused_imports)]', ...r.imports, ''] : []),
        '#[test]',
        ...(skipped ? [`#[ignore = ${dq(r.message)}]`] : []),
        `fn regression_${r.snake}() {`,
        `${CURSOR}    panic!(${dq(r.message.replace(/[{}]/g, (c) => c + c))});`,
        '}',
      ];
    case 'junit5':
    case 'junit4': {
      const five = r.framework === 'junit5';
      const vis = five ? '' : 'public ';
      return [
        ...comment('//', r.header),
        ...(r.packageName ? [`package ${r.packageName};`, ''] : []),
        five ? 'import static org.junit.jupiter.api.Assertions.fail;' : 'import static org.junit.Assert.fail;',
        '',
        ...(skipped ? [five ? 'import org.junit.jupiter.api.Disabled;' : 'import org.junit.Ignore;'] : []),
        five ? 'import org.junit.jupiter.api.Test;' : 'import org.junit.Test;',
        ...r.imports,
        '',
        `${vis}class ${r.className} {`,
        '    @Test',
        ...(skipped ? [`    @${five ? 'Disabled' : 'Ignore'}(${dq(r.message)})`] : []),
        `    ${vis}void regression${r.pascal}() {`,
        `${CURSOR}        fail(${dq(r.message)});`,
        '    }',
        '}',
      ];
    }
    case 'rspec':
      return [
        ...comment('#', r.header),
        ...r.imports,
        '',
        `RSpec.describe ${sq(`Regression: ${r.title}`)} do`,
        `  it ${sq(`${r.subject} no longer breaks`)}${skipped ? `, skip: ${sq(r.message)}` : ''} do`,
        `${CURSOR}    raise ${sq(r.message)}`,
        '  end',
        'end',
      ];
    case 'minitest':
      return [
        ...comment('#', r.header),
        "require 'minitest/autorun'",
        ...r.imports,
        '',
        `class ${r.className} < Minitest::Test`,
        `  def test_regression_${r.snake}`,
        ...(skipped ? [`    skip ${sq(r.message)}`] : []),
        `${CURSOR}    flunk ${sq(r.message)}`,
        '  end',
        'end',
      ];
    case 'phpunit':
      return [
        '<?php',
        '',
        ...comment('//', r.header),
        ...(r.packageName ? ['', `namespace ${r.packageName};`] : []),
        '',
        'use PHPUnit\\Framework\\TestCase;',
        ...r.imports,
        '',
        `final class ${r.className} extends TestCase`,
        '{',
        `    public function testRegression${r.pascal}(): void`,
        '    {',
        ...(skipped ? [`        $this->markTestSkipped(${sq(r.message)});`] : []),
        `${CURSOR}        $this->fail(${sq(r.message)});`,
        '    }',
        '}',
      ];
    case 'xunit':
    case 'nunit':
    case 'mstest': {
      const using = { xunit: 'using Xunit;', nunit: 'using NUnit.Framework;', mstest: 'using Microsoft.VisualStudio.TestTools.UnitTesting;' }[r.framework];
      const classAttr = { xunit: [], nunit: ['    [TestFixture]'], mstest: ['    [TestClass]'] }[r.framework];
      const attrs =
        r.framework === 'xunit'
          ? [skipped ? `        [Fact(Skip = ${dq(r.message)})]` : '        [Fact]']
          : r.framework === 'nunit'
            ? ['        [Test]', ...(skipped ? [`        [Ignore(${dq(r.message)})]`] : [])]
            : ['        [TestMethod]', ...(skipped ? [`        [Ignore(${dq(r.message)})]`] : [])];
      const fail = r.framework === 'xunit' ? `Assert.True(false, ${dq(r.message)});` : `Assert.Fail(${dq(r.message)});`;
      return [
        ...comment('//', r.header),
        using,
        ...r.imports,
        '',
        `namespace ${r.packageName ?? 'Tests'}`,
        '{',
        ...classAttr,
        `    public class ${r.className}`,
        '    {',
        ...attrs,
        `        public void Regression${r.pascal}()`,
        '        {',
        `${CURSOR}            ${fail}`,
        '        }',
        '    }',
        '}',
      ];
    }
  }
}

export type { RenderInput } from './sharedShapes';
