/**
 * The rewrite of a failure told with no doer, fitted to its sentence: the passive turned active with its own
 * subject ("Search was broken for an hour" → "I broke search for an hour", "Some tests were accidentally
 * deleted" → "I accidentally deleted some tests"), "by me" where the subject cannot be found, the writer's
 * mistake where a mistake had no owner ("the result of an oversight" → "the result of my oversight"), and
 * otherwise the doer said after the sentence ("… went missing. That was my doing."). Bounded work per finding.
 */
import type { Sentence } from './sentences';
import type { ToneSuggestion } from './types';

const PASSIVE = /^(?:got|was|were|is|are|have\s+been|has\s+been|had\s+been)\s+((?:accidentally|mistakenly|inadvertently|unintentionally|somehow)\s+)?([a-z][a-z-]{1,30})((?:\s+(?:in\s+error|by\s+mistake|by\s+accident|accidentally|mistakenly|inadvertently|unintentionally)))?$/i;
const IRREGULAR: Readonly<Record<string, string>> = {
  broken: 'broke', overwritten: 'overwrote', written: 'wrote', run: 'ran', rerun: 'reran', done: 'did', taken: 'took',
  set: 'set', reset: 'reset', put: 'put', cut: 'cut', sent: 'sent', made: 'made', built: 'built', lost: 'lost', left: 'left',
};
const NOTICED = /^(?:some\s+|several\s+)?(errors?|issues?|problems?|failures?)\s+(?:(?:were|was)\s+)?(?:observed|detected|experienced|seen|identified|occurred|happened|arose)$/i;
const MISTAKES_MADE = /^(?:mistakes|errors|an\s+error|a\s+mistake|some\s+mistakes)\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+made$/i;
const EVENTS = /^(?:an?\s+)?(?:unfortunate|unlucky|unforeseen|regrettable|strange|odd)\s+(?:[\w-]{1,40}\s+)?(?:sequence|series|chain|combination|set|turn)\s+of\s+(?:events|circumstances)$|^perfect\s+storm$/i;
// "A typo was introduced", "An incorrect value was set": the subject inside the finding.
const WITH_SUBJECT = /^((?:[\w'\u2019-]{1,40}\s){1,6}?)(?:was|were|has\s+been|have\s+been|had\s+been|may\s+have\s+been|might\s+have\s+been|got)\s+((?:accidentally|mistakenly|inadvertently|incorrectly)\s+)?([a-z][a-z-]{1,30})$/i;
const UNOWNED_MISTAKE = /^(the\s+result\s+of|due\s+to|caused\s+by)\s+(?:an?\s+)?(oversight|mistake|error|misconfiguration|miscommunication)$/i;
// Where a clause starts: punctuation, a dash, or a joining word (the last one before the finding counts).
const CLAUSE_BREAK = /[,;:(\u2013\u2014]|\s-\s|\b(?:and|but|so|then|while|when|because|after|before|since)\s/gi;
// A subject is at most six words, so only the end of the text before the finding is read.
const SUBJECT_REACH = 300;
const SUBJECT = /^(?:[\w'\u2019#./-]{1,40}\s){0,5}[\w'\u2019#./-]{1,40}$/;
// Not a subject: a clause of its own ("which is how the bucket"), a raising verb ("appear to"), a pronoun that acts.
const NOT_A_SUBJECT = /\b(?:that|which|who|whom|what|how|is|are|was|were|to|appears?|appeared|seems?|seemed|i|we|you|he|she|there)\b/i;
// Another doer named after the passive ("was broken by the backend team"): the writer cannot claim it.
const BY_ANOTHER = /^\s+by\s+(?:someone|somebody|another|others|(?:the\s+|a\s+|an\s+)?(?:[\w-]{1,30}\s+){0,2}(?:team|folks|group|squad|crew|vendor|contractors?|agency|department|engineers?|developers?|devs?|manager|maintainers?)\b|[A-Z][a-z])/;
const MY_PART = 'My part in this: [what I changed or missed].';
const LOWER_FIRST = /^(?:The|Some|Our|My|All|A|An|This|These|Those|Several|Many|Most|Every|Each|Both|Two|Three|It)\b/;
const OBJECT_PRONOUN: Readonly<Record<string, string>> = { they: 'them', it: 'it', this: 'this', that: 'that', these: 'these', those: 'those' };

/** The no-doer rewrite fitted to its sentence; `found` is the finding's suggestion with its excerpt as the original. */
export function fitPassive(text: string, sentence: Sentence, withLead: ToneSuggestion): ToneSuggestion {
  // A lead ("; mistakes were made") stays where it is: the rewrite starts after it.
  const lead = /^[,;:\s]+/.exec(withLead.original)?.[0] ?? '';
  const found = { ...withLead, index: withLead.index + lead.length, original: withLead.original.slice(lead.length) };
  const atStart = found.index === sentence.index;
  const noticed = NOTICED.exec(found.original);
  if (noticed) return { ...found, replacement: `${atStart ? 'My' : 'my'} change caused ${noticed[1].toLowerCase()}` };
  const mistake = UNOWNED_MISTAKE.exec(found.original);
  if (mistake) return { ...found, replacement: `${mistake[1]} my ${mistake[2]}` };
  const after = text.slice(found.index + found.original.length, found.index + found.original.length + 80);
  if (BY_ANOTHER.test(after)) return afterSentence(text, sentence, MY_PART);
  if (MISTAKES_MADE.test(found.original)) return { ...found, replacement: 'I made a mistake' };
  if (EVENTS.test(found.original)) return { ...found, replacement: `${atStart ? 'A' : 'a'} mistake of mine` };
  const inside = WITH_SUBJECT.exec(found.original);
  const insidePast = inside ? pastOf(inside[3]) : undefined;
  if (inside && insidePast && !NOT_A_SUBJECT.test(inside[1])) return { ...found, replacement: `I ${inside[2] ?? ''}${insidePast} ${lowerFirst(inside[1].trim())}` };
  const passive = PASSIVE.exec(found.original);
  const past = passive ? pastOf(passive[2]) : undefined;
  if (passive && past) {
    const offset = Math.max(sentence.index, found.index - SUBJECT_REACH);
    const before = text.slice(offset, found.index);
    let from = offset === sentence.index ? 0 : before.length;
    for (const m of before.matchAll(CLAUSE_BREAK)) from = (m.index ?? 0) + m[0].length;
    const subject = before.slice(from).trim();
    const adverb = passive[1] ?? '';
    const tail = passive[3] ?? '';
    // "the bucket, which got deleted by mistake" → "the bucket, which I deleted by mistake".
    if (/^(?:which|that)$/i.test(subject)) {
      const start = offset + before.lastIndexOf(subject);
      return { index: start, original: text.slice(start, found.index + found.original.length), replacement: `${subject} I ${adverb}${past}${tail}` };
    }
    if (subject && SUBJECT.test(subject) && !NOT_A_SUBJECT.test(subject)) {
      const start = offset + before.indexOf(subject, from);
      const object = OBJECT_PRONOUN[subject.toLowerCase()] ?? lowerFirst(subject);
      return { index: start, original: text.slice(start, found.index + found.original.length), replacement: `I ${adverb}${past} ${object}${tail}` };
    }
    return { ...found, replacement: `${found.original.slice(0, found.original.length - tail.length)} by me${tail}` };
  }
  // Otherwise the doer is said after the sentence.
  return afterSentence(text, sentence, 'That was my doing.');
}

/** A sentence said after `sentence`: its closing mark, or its last word, takes the new sentence. */
function afterSentence(text: string, sentence: Sentence, said: string): ToneSuggestion {
  const end = sentence.index + sentence.text.trimEnd().length;
  const mark = /[.!?]$/.test(text.slice(sentence.index, end)) ? text.charAt(end - 1) : '';
  const lastWord = mark ? '' : (/\S+$/.exec(text.slice(sentence.index, end))?.[0] ?? '');
  return { index: end - (mark || lastWord).length, original: mark || lastWord, replacement: `${lastWord}${mark || '.'} ${said}` };
}

/** The past tense of a participle, or undefined when it is not one this knows. */
function pastOf(participle: string): string | undefined {
  const word = participle.toLowerCase();
  return IRREGULAR[word] ?? (/[a-z]ed$/.test(word) ? word : undefined);
}

/** "The build" → "the build" as an object; names and acronyms keep their case ("Search", "CI"). */
function lowerFirst(subject: string): string {
  return LOWER_FIRST.test(subject) ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
}
