/**
 * Rewrites for findings: a part the blast radius needs but the message lacks gets one sentence
 * to add, and {@link applyToneSuggestion} applies any suggestion to the current text.
 */
import { fitPassive } from './passiveRewrite';
import { sentenceAt, type Sentence } from './sentences';
import type { ToneComponentName, ToneSuggestion } from './types';

/** The rewrite of a cause put on another party: a whole clause, so {@link fitSuggestion} gives it the rest of its sentence. */
export const NO_SAFEGUARD = 'we had no safeguard for this';

export const MISSING_PART: Partial<Record<ToneComponentName, { explanation: string; sentence: string }>> = {
  ownership: {
    explanation: 'Nobody owns it yet; say in the first person what you changed that broke it.',
    sentence: 'My change to [what you changed] caused this.',
  },
  impact: {
    explanation: 'Say who or what was affected, and for how long.',
    sentence: 'It affected [who] for [how long].',
  },
  repair: {
    explanation: 'Say what was done to fix it, so people know where things stand.',
    sentence: 'I reverted it in [commit]; it works again.',
  },
  prevention: {
    explanation: 'Say what will stop it happening again (a test, a check, an alert).',
    sentence: "I'm adding [a test or check] so this cannot happen again.",
  },
};

/** An insertion at the end of `text`, separated by a space or a line break as the text ends. */
export function appendSuggestion(text: string, sentence: string): ToneSuggestion {
  const trimmed = text.trimEnd();
  const sep = trimmed === '' ? '' : /[.!?]$/.test(trimmed) ? ' ' : '. ';
  return { index: text.length, original: '', replacement: `${sep}${sentence}` };
}

/** The word that links a cause to its failure at the start of a flagged excerpt ("because X", "; X", "due to X"). */
const CAUSE_LINK = /^(?:[;:,\u2013\u2014-]\s*|(?:because|since|as|cause|bc)\s+|(?:due|thanks|owing)\s+to\s+|caused\s+by\s+|from\s+)/i;

/**
 * Fits a finding's rewrite to its sentence, so applying it leaves a sentence that reads:
 * - {@link NO_SAFEGUARD} replaces the rest of its sentence from the cause on, keeping the link
 *   ("because" for "due to" and "caused by"): "Staging broke because Priya's migration dropped the
 *   table." → "Staging broke because we had no safeguard for this.";
 * - a name's "'s" goes with the name a possessive rewrite replaces ("Quillpost's CDN" → "our CDN");
 * - "We" and "Our" keep a capital only where the sentence starts;
 * - a failure told with no doer (`noDoer`: the passive-voice findings) is told with the writer as its doer
 *   ({@link fitPassive}).
 */
export function fitSuggestion(text: string, sentences: readonly Sentence[], found: ToneSuggestion, noDoer = false): ToneSuggestion {
  const sentence = sentenceAt(sentences, found.index);
  if (!sentence || found.original === '') return found;
  const s = wholeWord(text, ownWords(text, found));
  const atStart = s.index === sentence.index || /["\u201c(]\s*$/.test(text.slice(Math.max(sentence.index, s.index - 3), s.index));
  if (s.replacement.toLowerCase() === NO_SAFEGUARD) {
    let end = sentence.index + sentence.text.length;
    while (end > s.index && /[\s.!?\u2026]/.test(text.charAt(end - 1))) end--;
    if (end <= s.index) return s;
    const link = CAUSE_LINK.exec(s.original)?.[0] ?? '';
    const kept = link === '' ? '' : /^[;:,\u2013\u2014-]/.test(link) ? link : 'because ';
    const clause = atStart && kept === '' ? 'We had no safeguard for this' : NO_SAFEGUARD;
    return { index: s.index, original: text.slice(s.index, end), replacement: `${kept}${clause}` };
  }
  if (noDoer) return keepEdges(text, fitPassive(text, sentence, s));
  let { original, replacement } = s;
  if (/^(?:our|we)$/i.test(replacement)) {
    const possessive = /^(?:['\u2019]s|s?['\u2019])(?![\p{L}\p{N}])/u.exec(text.slice(s.index + original.length, s.index + original.length + 3));
    if (possessive && !/['\u2019]s?$/.test(original)) original += possessive[0];
    if (!atStart) replacement = replacement.toLowerCase();
    if (possessive || /['\u2019]s?$/.test(original)) replacement = atStart ? 'Our' : 'our';
  }
  return keepEdges(text, { index: s.index, original, replacement });
}

/**
 * A rewrite keeps the punctuation its original started or ended with (", not ours." → ", part of this may be
 * mine.") and never touches a word beside it: a space goes between where letters would meet.
 */
function keepEdges(text: string, s: ToneSuggestion): ToneSuggestion {
  let { replacement } = s;
  if (replacement === '') return s;
  const lead = /^[,;:]\s+/.exec(s.original)?.[0];
  if (lead && !/^[,;:.!?]/.test(replacement)) replacement = lead + replacement;
  const end = /[.!?]$/.exec(s.original)?.[0];
  if (end && !/[.!?]$/.test(replacement)) replacement += end;
  const letter = /^[\p{L}\p{N}]$/u;
  if (letter.test(text.charAt(s.index - 1)) && /^[\p{L}\p{N}]/u.test(replacement)) replacement = ` ${replacement}`;
  if (/[\p{L}\p{N}]$/u.test(replacement) && letter.test(text.charAt(s.index + s.original.length))) replacement += ' ';
  return replacement === s.replacement ? s : { ...s, replacement };
}

/**
 * The suggestion with its original as the text writes it: an agent read word by word ("Apple's iOS 18 1
 * keychain changes") is found again with what stood between its words ("iOS 18.1"), so Apply finds it.
 */
function ownWords(text: string, s: ToneSuggestion): ToneSuggestion {
  if (text.startsWith(s.original, s.index)) return s;
  let at = s.index;
  for (const [i, word] of s.original.split(/\s+/).entries()) {
    const gap = /^[^\p{L}\p{N}]{0,3}/u.exec(text.slice(at, at + 3))?.[0].length ?? 0;
    if (i > 0 ? !text.startsWith(word, at + gap) : !text.startsWith(word, at)) return s;
    at += (i > 0 ? gap : 0) + word.length;
  }
  return { ...s, original: text.slice(s.index, at) };
}

/** An original that starts inside a word ("'s on the frontend team" of "That's on …") starts with that word. */
function wholeWord(text: string, s: ToneSuggestion): ToneSuggestion {
  if (!/^['\u2019]/.test(s.original)) return s;
  const word = /[\p{L}\p{N}]+$/u.exec(text.slice(Math.max(0, s.index - 40), s.index))?.[0] ?? '';
  return word === '' ? s : { ...s, index: s.index - word.length, original: word + s.original };
}

export class StaleSuggestionError extends Error {
  override readonly name = 'StaleSuggestionError';
}

/**
 * Applies a suggestion to `text`. If the text moved since the check, the original words are
 * looked for again (nearest occurrence); an insertion goes at the end. @throws StaleSuggestionError
 */
export function applyToneSuggestion(text: string, s: ToneSuggestion): string {
  if (s.original === '') {
    const trimmed = text.trimEnd();
    const sep = trimmed === '' ? '' : /[.!?]$/.test(trimmed) ? ' ' : '. ';
    return `${trimmed}${sep}${s.replacement.trimStart().replace(/^\.\s*/, '')}`;
  }
  let at = text.slice(s.index, s.index + s.original.length) === s.original ? s.index : -1;
  if (at < 0) {
    const before = text.lastIndexOf(s.original, s.index);
    const after = text.indexOf(s.original, s.index);
    at = before < 0 ? after : after < 0 ? before : s.index - before <= after - s.index ? before : after;
  }
  if (at < 0) throw new StaleSuggestionError(`The text no longer contains "${s.original}"; check the tone again.`);
  return text.slice(0, at) + s.replacement + text.slice(at + s.original.length);
}
