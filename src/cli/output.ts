/**
 * The CLI frame every command shares: its I/O, its exit codes, and the ONE place text from a
 * repository (commit subjects, titles, file names, action items — anyone with push access
 * writes them) is made safe for each output format. New commands import from here:
 *
 *   terminalText(s, max?)  tables, --print and messages: no control or bidi characters, optional truncation
 *   terminalBlock(s)       multi-line text for the terminal (--print of a file): keeps \n and \t only
 *   jsonText(value)        --json: JSON with C0, C1, DEL, U+2028/2029 and bidi controls as \u escapes
 *   markdownText(s)        --markdown: markup, links and HTML escaped, one line
 *   csvCell(value)         --csv: RFC 4180 quoting; formula triggers neutralised anywhere a spreadsheet splits
 *   quotedName(s)          a file name inside a sentence: quoted and escaped
 *   textTable(head, rows)  the one table layout: cells through terminalText, cut at MAX_CELL_CHARS
 */

/** Exit codes shared by every CLI command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_A_REPO = 3;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

import { HotfixPatternError } from '../core/deploys/hotfixes';
import { TagPatternError } from '../core/deploys/tagPattern';
import { NotAGitRepositoryError } from '../core/git/createGit';
import { MAX_CELL_CHARS, terminalText } from '../core/text/safeText';

export { csvCell, jsonText, markdownText, MAX_CELL_CHARS, quotedName, terminalBlock, terminalText } from '../core/text/safeText';

/**
 * The table every command prints: a header row, then one row per item, columns two spaces apart
 * and padded to the widest cell; the last column is not padded. Every cell goes through
 * {@link terminalText} and is cut at {@link MAX_CELL_CHARS}, so no repository text can move the
 * cursor, reorder the line or fill the screen.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = [header, ...rows].map((row) => row.map((c) => terminalText(c, MAX_CELL_CHARS)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The exit of a repository command for an error it does not handle itself: not a repository
 * (3), a deploy-tag or hotfix pattern from the command line (2, with the command's usage when it
 * has one), anything else (1) — each with one line on stderr.
 */
export function exitForRepositoryError(io: CliIo, err: unknown, at: { command: string; repoPath: string; usage?: string }): number {
  if (err instanceof NotAGitRepositoryError) {
    io.stderr(`own-it: ${at.repoPath} is not a git repository. Run this inside a repository or pass its path.\n`);
    return EXIT_NOT_A_REPO;
  }
  if (at.usage !== undefined && (err instanceof TagPatternError || err instanceof HotfixPatternError)) {
    io.stderr(`own-it ${at.command}: ${err.message}\n${at.usage}`);
    return EXIT_USAGE;
  }
  io.stderr(`own-it: ${err instanceof Error ? err.message.trim() : String(err)}\n`);
  return EXIT_FAILURE;
}
