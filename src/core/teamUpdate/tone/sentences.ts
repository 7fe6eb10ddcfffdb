/**
 * Splits a message into sentences in one pass, keeping offsets. A sentence ends at `.`, `!` or
 * `?` followed by whitespace, or at a line break; "10:05" and "v1.2" stay whole.
 */
export interface Sentence {
  text: string;
  index: number;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, index: start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** The sentence that contains offset `index` (binary search over sorted sentences). */
export function sentenceAt(sentences: readonly Sentence[], index: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (index < s.index) hi = mid - 1;
    else if (index >= s.index + s.text.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}
