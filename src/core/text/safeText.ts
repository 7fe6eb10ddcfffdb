/**
 * The one sanitizer for text from a repository (commit subjects, titles, file names, action
 * items — anyone with push access writes them) in each output format. Pure, so core formatters
 * (metrics Markdown/CSV) and the CLI frame (src/cli/output.ts) share it.
 */

/** Subjects longer than this are cut in tables (the whole text stays in --json). */
export const MAX_CELL_CHARS = 200;

// C0 and C1 controls, DEL, line/paragraph separators, and the bidi controls that reorder what a
// terminal or editor shows ("Trojan Source").
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string, max?: number): string {
  const clean = text.replace(UNSAFE, ' ');
  return max !== undefined && clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function terminalBlock(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, ' ');
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of Markdown text: markup characters, links/images ([ and ] escaped, so a "(" can never follow a link text) and HTML cannot take effect. */
export function markdownText(text: string): string {
  return text
    .replace(UNSAFE, ' ')
    .replace(/[\\`*_[\]#|~!<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * A CSV field. Spreadsheets split on `,` or `;` (locale) or tab, and run a field that starts with
 * = + - @ as a formula; so a field is quoted when it holds any separator, quote or line break
 * (it then stays one field), and gets a leading apostrophe when it starts with a trigger.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",;\t|\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function quotedName(name: string): string {
  return jsonText(name);
}
