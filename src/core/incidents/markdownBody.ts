/**
 * The Markdown body of an incident file, split into `## ` sections so that one section can be
 * replaced without touching any other byte (hand-written sections and prose survive saves).
 */

export interface BodySection {
  /** Heading text after `## ` (or `### ` inside Lessons), as written. */
  heading: string;
  /** The whole heading line including its line ending. */
  headingLine: string;
  /** Everything after the heading line up to the next heading of the same level. */
  content: string;
}

export interface SplitBody {
  /** Text before the first heading of the level (title, notes): kept verbatim. */
  preamble: string;
  sections: BodySection[];
}

/** Splits on ATX headings of exactly `level` hashes, ignoring lines inside fenced code blocks. */
export function splitSections(text: string, level: number): SplitBody {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const heading = new RegExp(`^ {0,3}#{${level}}[ \\t]+(.*?)[ \\t]*#*[ \\t]*\\r?\\n?$`);
  let fence: string | undefined;
  const out: SplitBody = { preamble: '', sections: [] };
  for (const line of lines) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1];
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    }
    const match = fence === undefined && !fenceMatch ? heading.exec(line) : null;
    if (match) {
      out.sections.push({ heading: match[1], headingLine: line, content: '' });
    } else if (out.sections.length > 0) {
      out.sections[out.sections.length - 1].content += line;
    } else {
      out.preamble += line;
    }
  }
  return out;
}

export function joinSections(body: SplitBody): string {
  return body.preamble + body.sections.map((s) => s.headingLine + s.content).join('');
}

/** Case- and punctuation-insensitive heading key: "Root cause & contributing factors:" → "root cause and contributing factors". */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The prose of a section as the model holds it: without the blank lines around it. */
export function sectionValue(content: string): string {
  return content.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

/**
 * Section content for a value, in the layout Own It writes: a blank line after the heading,
 * the text, and a blank line before the next heading (none after the last one).
 */
export function renderContent(value: string, isLast: boolean, eol: string): string {
  if (value === '') return isLast ? '' : eol;
  return `${eol}${value.replace(/\r?\n/g, eol)}${eol}${isLast ? '' : eol}`;
}

export function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Ensures the text before a newly appended section ends with a blank line. */
export function withTrailingBlankLine(text: string, eol: string): string {
  if (text === '') return text;
  const trimmed = text.replace(/(?:\r?\n)+$/, '');
  return `${trimmed}${eol}${eol}`;
}
