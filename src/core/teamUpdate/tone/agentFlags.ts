/**
 * Ownership and blame decided from the agent of each failure (failureAgent.ts): a sentence whose
 * failure the writer did owns it; another's agent is blame, always when it is a named person, a
 * question after the doer or a denial, otherwise only when nothing in the message is owned (a
 * vendor's outage next to "our retry logic, which I wrote, resubmitted charges" is context). The
 * same reading says when a named person is not the agent at all — spoken to ("Kwame, heads up"),
 * hit by the writer's act ("my deploy overwrote Rafael's branch") or only reporting it ("when
 * Arjun asked why") — so the people finder's flag for that name is dropped.
 */
import { actAt, CLAUSE_REACH, failureAgents, failsIn, FIRST_PERSON, HELPING, tokens, type FailureAgent } from './failureAgent';
import { NOT_AGENT } from './agency';
import type { Sentence } from './sentences';
import type { ToneFlag } from './types';
import { agentKind, blamesPeople } from './agentKind';
import { chargesOthers, linkedAgents, type LinkedAgent } from './causeLink';
import { NOT_BLAMED_PATTERNS, notBlamed } from './notBlamed';

export interface AgentReading {
  sentence: Sentence;
  agents: (FailureAgent | LinkedAgent)[];
}

// "if my change broke anything", "that might be from my rename": a hedge before the writer's agency.
// Characters before the writer's agency read for a hedge (a bound, so many agents in one long sentence stay linear).
const HEDGE_REACH = 160;
const HEDGE = /\b(?:if|unless|whether|might|may|maybe|perhaps|possibly|probably|could)\b/i;
// Greeting or apology words a name can be spoken to after: "Terribly sorry, Kwame and Olga:".
const ADDRESS_LEAD = /^\W{0,3}(?:(?:hey|hi|hello|dear|thanks|so|really|terribly|very|truly|heads\s+up|sorry|apologies|my\s+apologies)[\s,]{1,3}){0,3}(?:@?[A-Z][a-z]{1,40}\s+(?:and|&)\s+)?$/i;
// Round eleven: a name set off by a comma after an apology, thanks or "you" is spoken to ("I owe you an apology, Felix, …").
// Round nineteen: a capitalised word as the modifier of a thing ("due to a Keycloak realm setting") names a product, not a person;
// a gerund after it makes it the doer ("caused by Mapnest returning stale data").
const NAME_AS_MODIFIER = /^(?:(?:a|an|the|some|one)\s+)?[A-Z][\w.-]{1,30}\s+(?![a-z]{1,30}ing\b)[a-z][\w-]{1,30}(?:\s+[a-z][\w-]{1,30}){0,3}$/;
// …unless the thing is a failure ("a Geoplot incident", "Keyhold latency"): that is the product's own failure, told as the cause.
const FAILURE_NOUN = /\b(?:incident|incidents|outage|outages|latency|issue|issues|bug|bugs|problem|problems|error|errors|failure|failures|downtime|degradation|slowness|glitch|hiccup|disruption|regression|blip)\b/;
const VOCATIVE_LEAD = /\b(?:apology|apologies|sorry|thanks|thank\s+you|you)\s{0,3},\s{0,3}$/i;
// What follows a name spoken to: a comma or colon, another name, or the writer's own words.
// "that part was not ours, but our retry logic …": a denial that concedes the writer's part.
const VERDICT_BLAME = new Set<ToneFlag['kind']>(['deflection', 'blame', 'naming-people']);
// Session sixteen: a role or party the writer says is themself, up to two words after the flagged words.
const SELF_NAMED = /^(?:\s{1,3}[\w-]{1,30}){0,2}?(?:\s{0,3}\(\s{0,3}(?:me|myself|us|ourselves|i\.e\.\s+me|that'?s\s+me|that\s+(?:is|was)\s+me)\s{0,3}\)|\s{0,3},?\s{1,3}(?:who|which|that)\s+(?:was|is|were|are)\s+(?:me|us|myself)\b|\s{1,3}[—–-]\s{0,3}(?:me|myself)\b|\s{0,3},\s{0,3}(?:i\.e\.|namely|aka)\s+(?:me|us|myself)\b)/i;
const CONCEDED = /^\W{0,3}but\s+(?:[\w-]+\s+){0,4}?(?:my|our|i|we)\b/i;
const OWN_VERB = /^(?:should|shouldn't|would|could|must|did|didn't|had|has|was|is|never|also|just|wrote|[a-z]{1,40}ed)$/;
const ADDRESS_TAIL = /^(?:\s+\p{Lu}\p{Ll}+)?(?:\s+(?:and|&)\s+@?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)?(?:\s*[,:—–]|\s+(?:I|I'm|I've|My|my|We|we|we're|We're)\b)/u;

// Round thirteen: "due to a misconfigured load balancer": a thing someone set up wrong names no agent (under-owned).
const SET_UP_WRONG = /^(?:an?\s+|the\s+)?mis[a-z]{2,20}ed\b/i;
// Round thirteen: a name between a comma and a colon is spoken to ("We owe you a straight answer, Oksana: …").
const COMMA_BEFORE = /,\s{0,3}$/;
const COLON_AFTER = /^\s{0,3}:/;

// Session sixteen: the writer inside another agent's phrase; the cause put on the writer after that agent; a possessive
// that is the object of a verb ("blocking QA's regression pass"): the party was hit, it did not act.
// The writer with a verb and more after it is a clause of its own ("staging I flushed the shared Redis"); "the guide we
// followed" only says whose the thing is.
const WRITER_IN = /(?:^|\s)(?:i|we)\s+[\w'-]{1,40}\s+[\w'-]{1,40}/i;
const CAUSE_REACH = 160;
const CAUSE_IS_WRITER = /^[^;:.!?]{0,140}?(?:(?<!\b(?:not|n't|never)\s{1,3})\b(?:because(?:\s+of)?|since|as|due\s+to|after|once)\s+(?:i|we|my|our)\b|\)?\s+(?:was|were)\s+(?:all\s+|entirely\s+)?(?:my|our)\s+(?:[\w-]{1,30}\s+)?(?:change|config|push|deploy|deployment|commit|merge|migration|query|script|release|rule|mistake|fault|doing)\b)/i;
const OBJECT_OF_VERB = /\b[a-z]{2,20}(?:ing|ed)\s{1,3}$/i;
/** Every pattern this file runs, named, for the linear-time test. */

export const AGENT_FLAG_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['agent flags: set up wrong', SET_UP_WRONG],
  ['agent flags: comma before', COMMA_BEFORE],
  ['agent flags: colon after', COLON_AFTER],
  ['agent flags: hedge', HEDGE],
  ['agent flags: address lead', ADDRESS_LEAD],
  ['agent flags: address tail', ADDRESS_TAIL],
  ['agent flags: vocative lead', VOCATIVE_LEAD],
  ['agent flags: name as modifier', NAME_AS_MODIFIER],
  ['agent flags: failure noun', FAILURE_NOUN],
  ['agent flags: own verb', OWN_VERB],
  ['agent flags: denial conceded', CONCEDED],
  ['agent flags: self named', SELF_NAMED],
  ['agent flags: writer in the phrase', WRITER_IN],
  ['agent flags: cause is the writer', CAUSE_IS_WRITER],
  ['agent flags: object of a verb', OBJECT_OF_VERB],
  ...NOT_BLAMED_PATTERNS,
];

const EXPLANATION: Record<'person' | 'question' | 'denial' | 'other', string> = {
  person: 'This names a person as the one who caused the failure; say what the team changed and which safeguard was missing.',
  question: 'Asking who did it puts the failure on a person; say what broke and which check would have caught it.',
  denial: 'This ties the failure to your work only to deny it; say what you checked and what you are doing to help.',
  other: 'This makes someone or something else the agent of the failure without saying what was yours; say which part you own (a missing check, test or fallback).',
};

export function readAgents(sentences: readonly Sentence[], people: readonly string[]): AgentReading[] {
  const messageFails = sentences.some((s) => failsIn(s.text));
  // Round nine: the sources the sentence links its failure to ("came from …", "it's on …") join the doers.
  return sentences.map((sentence) => ({ sentence, agents: [...failureAgents(sentence.text, people, messageFails), ...linkedAgents(sentence.text, people, messageFails)] }));
}

/** Offsets of sentences in which the writer is the agent of a failure, not hedged. */
export function ownedByAgent(readings: readonly AgentReading[]): Set<number> {
  const out = new Set<number>();
  for (const { sentence, agents } of readings) {
    if (agents.some((a) => a.side === 'self' && !HEDGE.test(sentence.text.slice(Math.max(0, a.at - HEDGE_REACH), a.at)))) out.add(sentence.index);
  }
  return out;
}

/**
 * Blame and deflection flags from other agents; `messageOwned` silences the ones that only lack ownership, and
 * `ownedInFirstPerson` (a sentence owns a part, not only a safeguard named) the faults located in another.
 */
export function agentFlags(readings: readonly AgentReading[], messageOwned: boolean, ownedInFirstPerson = messageOwned): ToneFlag[] {
  const flags: ToneFlag[] = [];
  for (const { sentence, agents } of readings) {
    for (const a of agents) {
      if (a.side !== 'other' || SET_UP_WRONG.test(a.who) || (a.person && (notBlamed(sentence.text, a.at, a.who) || (NAME_AS_MODIFIER.test(a.who) && !FAILURE_NOUN.test(a.who))))) continue;
      // Session sixteen: a phrase with the writer in it is no other party, and another party whose act the sentence then
      // puts down to the writer ("finance quoted the wrong figure because I forgot the conversion") is the affected one.
      if (a.structure !== 'denial' && (WRITER_IN.test(a.who) || CAUSE_IS_WRITER.test(sentence.text.slice(a.at + a.who.length, a.at + a.who.length + CAUSE_REACH)))) continue;
      if (a.structure === 'possessive' && OBJECT_OF_VERB.test(sentence.text.slice(Math.max(0, a.at - 24), a.at))) continue;
      const always = 'charge' in a ? chargesOthers(a) : blamesPeople(agentKind(a.who, a.side, a.person)) || a.structure === 'question' || a.structure === 'denial';
      if (!always && ('located' in a && a.located ? ownedInFirstPerson : messageOwned)) continue;
      const index = sentence.index + a.at;
      const why = a.person ? 'person' : a.structure === 'question' || a.structure === 'denial' ? a.structure : 'other';
      const replacement = a.structure === 'possessive' ? 'our' : a.structure === 'denial' ? 'part of this may be mine' : 'we';
      flags.push({
        kind: a.person ? 'naming-people' : a.structure === 'question' ? 'blame' : 'deflection',
        excerpt: a.who,
        explanation: EXPLANATION[why],
        index,
        suggestion: { index, original: a.who, replacement: a.structure === 'question' ? 'we' : replacement },
      });
    }
  }
  return flags;
}


/**
 * True when a denial flag is followed at once by the writer's own part ("not ours, but our retry logic…"), or a
 * party named in blame is the writer ("human error by the on-call engineer, who was me", "our ops engineer (me)").
 */
export function concededDenial(text: string, flag: ToneFlag): boolean {
  const end = flag.index + flag.excerpt.length;
  if (flag.kind !== 'missing-beat' && VERDICT_BLAME.has(flag.kind) && SELF_NAMED.test(text.slice(end, end + 60))) return true;
  return flag.kind === 'deflection' && CONCEDED.test(text.slice(end, end + 40));
}

/**
 * True when the person named at `at` in the sentence is not the agent: spoken to, the object of
 * the writer's act, or the subject of a verb that only reports ("asked", "noticed").
 */
export function notTheAgent(sentence: string, at: number, name: string): boolean {
  // A window around the name, so that many names in one long sentence stay linear.
  const from = Math.max(0, at - CLAUSE_REACH * 8);
  const text = sentence.slice(from, at + name.length + 80);
  const before = sentence.slice(0, at);
  const after = text.slice(at - from + name.length);
  if (before.length < 80 && ADDRESS_LEAD.test(before) && ADDRESS_TAIL.test(after)) return true;
  if (VOCATIVE_LEAD.test(before.slice(-40)) && ADDRESS_TAIL.test(after)) return true;
  if (COMMA_BEFORE.test(before.slice(-8)) && COLON_AFTER.test(after)) return true;
  // Session sixteen: spoken to in more shapes, cleared by the writer, or only with the writer (notBlamed.ts).
  if (notBlamed(sentence, at, name)) return true;
  return notTheAgentIn(text, at - from, name);
}

function notTheAgentIn(sentence: string, at: number, name: string): boolean {
  const words = tokens(sentence);
  const k = words.findIndex((w) => w.at >= at + name.length);
  const next = words[k]?.lower.replace(/^'s$/, '') ?? '';
  if (next && NOT_AGENT.has(next) && next !== 'was' && next !== 'were' && next !== 'had') return true;
  // "the tests Oskar wrote caught it": what the person made helped.
  if (words.slice(k + 1, k + 6).some((w) => HELPING.test(w.lower)) && actAt(words, k, 1, true) >= 0) return true;
  // A name with its own verb is a subject: "I approved it, but Hiroshi wrote it". Round twelve: not a possessive name,
  // whose next word belongs to the thing owned ("I wiped your and Emeka's seeded accounts").
  if (OWN_VERB.test(next) && !/^['’]s\b/.test(sentence.slice(at + name.length))) return false;
  // The object of the writer's own act in the same clause: "my deploy … overwrote Rafael Sousa's branch".
  for (let j = words.findIndex((w) => w.at >= at) - 1; j >= 0; j--) {
    if (/^(?:[;:—–]|but|although|though|while|whereas)$/.test(words[j].lower)) return false;
    if (FIRST_PERSON.test(words[j].lower) && words[j].lower !== 'me' && words[j].lower !== 'us') {
      return words.slice(j + 1).some((w, i) => w.at < at && actAt(words, j + 1 + i, 0) >= 0);
    }
  }
  return false;
}

/** A sentence whose failure was done "by" another, with no "I" or "we" in it: its "my X" is what was hit. */
export function victimOnly(reading: AgentReading): boolean {
  const { sentence, agents } = reading;
  if (!agents.some((a) => a.side === 'other' && a.structure === 'by') || agents.some((a) => a.side === 'self')) return false;
  return !tokens(sentence.text).some((w) => /^(?:i|we|i've|we've|i'd|we'd|i'm|we're)$/.test(w.lower));
}
