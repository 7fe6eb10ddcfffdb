/**
 * Restored tests must not stop a whole suite from loading: a test that uses a name the culprit's
 * file declared or imported, which today's file no longer has (a helper constant the revert kept
 * out, an import of code that is gone), would fail at import time for every test in the file.
 */

const DECLARATIONS: RegExp[] = [
  // JS/TS: const/let/var/function/class, default and named imports, destructured requires.
  /^\s*(?:export\s+)?(?:const|let|var|function\*?|class|async\s+function)\s+([A-Za-z_$][\w$]*)/gm,
  /^\s*import\s+([A-Za-z_$][\w$]*)\s*(?:,|\s+from\b)/gm,
  /^\s*import\s+\*\s+as\s+([A-Za-z_$][\w$]*)/gm,
  // Python: top-level assignments, defs and classes, `import x`, `import x as y`.
  /^([A-Za-z_]\w*)\s*=/gm,
  /^(?:async\s+)?def\s+([A-Za-z_]\w*)/gm,
  /^class\s+([A-Za-z_]\w*)/gm,
  /^import\s+[\w.]+\s+as\s+(\w+)/gm,
  /^import\s+(\w+)/gm,
  // Go: package-level func/var/const/type.
  /^(?:func|var|const|type)\s+([A-Za-z_]\w*)/gm,
];

const LISTS: RegExp[] = [
  /^\s*import\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from/gm,
  /^\s*(?:const|let|var)\s+\{([^}]*)\}\s*=\s*require\(/gm,
  /^from\s+[\w.]+\s+import\s+\(?([^)\n]*)\)?/gm,
];

/** Names a file declares or imports at its top level (roughly: enough to see one go missing). */
export function declaredNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const re of DECLARATIONS) for (const m of text.matchAll(re)) names.add(m[1]);
  for (const re of LISTS) {
    for (const m of text.matchAll(re)) {
      for (const part of m[1].split(',')) {
        const name = /(?:\bas\s+|:\s*)?([A-Za-z_$][\w$]*)\s*$/.exec(part.trim())?.[1];
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** Names the culprit's file had, the restored lines use, and `today` (with the restored lines) lacks. */
export function missingNames(culpritText: string, restoredLines: readonly string[], today: string): string[] {
  const had = declaredNames(culpritText);
  const has = declaredNames(today);
  // String contents and Python string prefixes (`u'…'`, `b"…"`) are not names.
  const code = restoredLines.join('\n').replace(/\b[rRbBuUfF]{1,2}(?=['"])/g, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
  const used = new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return [...had].filter((n) => used.has(n) && !has.has(n)).sort();
}
