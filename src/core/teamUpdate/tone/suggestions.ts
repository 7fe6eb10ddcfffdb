/**
 * Rewrites for findings: a part the blast radius needs but the message lacks gets one sentence
 * to add, and {@link applyToneSuggestion} applies any suggestion to the current text.
 */
import type { ToneComponentName, ToneSuggestion } from './types';

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
