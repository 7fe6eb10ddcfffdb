/**
 * Who did it? One reading per sentence of the agent of the failure, from the sentence's
 * structure rather than from lists of blaming phrases: the subject of an act next to a failure
 * ("the intern set up my container wrong", "the backup tool, which the platform team chose,
 * skipped volumes"), the doer named after "by", "courtesy of" or "thanks to" ("was broken by the
 * merge tool"), the owner of the thing that failed ("Callum's config change", "Kubernetes'
 * autoscaler"), the doer of a relative clause ("the test Arjun wrote", "the flag I flipped"), a
 * question after the doer ("who approved this?", "whose idea was it"), and a denial that ties the
 * failure to the writer's work only to untie it ("not related to my deploy"). Each agent is the
 * writer's side (I, we, my, our team's) or another's (a person, a role, a team, a tool, a vendor,
 * a document); toneCheck.ts decides ownership and blame from that.
 * Words are read once, left to right; the few regular expressions are bounded and anchored.
 */
import { FAILURE, isPastVerb, NOT_AGENT } from './agency';
import { agentKind, blamesPeople } from './agentKind';
import { personWords } from './namedParty';
import { ACRONYM, ASKING, BREAK_IDIOM, CAMEL, CAUSE_MARK, CLAUSE_BREAK, CLEFT_PRONOUN, CLEFT_VERB, CLAUSE_REACH, DENIAL, DENIAL_CONCEDED, DETERMINER, FIRST_PERSON, GERUND, GROUP, HELPING, MALFUNCTION, NOT_A_DOING, NOT_AN_ACT, NOT_AN_OWNER, NOT_A_PERSON, OTHER_HEAD, OTHER_IN_PHRASE, PHRASE_END, PUNCT, QUESTION_OPEN, RESTORING, STATE_WORD, SUFFERED, TOKEN, namesOtherAfterOwner, namesOtherParty } from './agentWords';

export { CLAUSE_REACH, HELPING, FIRST_PERSON, FAILURE_AGENT_PATTERNS } from './agentWords';

export type AgentSide = 'self' | 'other';
export type AgentStructure = 'subject' | 'by' | 'possessive' | 'relative' | 'question' | 'denial';

export interface FailureAgent {
  side: AgentSide;
  structure: AgentStructure;
  /** The agent as written ("Arjun Mehta", "the merge tool", "who"). */
  who: string;
  /** Offset of `who` in the sentence. */
  at: number;
  /** A named person (a repository author, or a capitalised name in a doer's slot). */
  person: boolean;
}

export interface Token {
  text: string;
  lower: string;
  at: number;
  /** Written as an @mention: always a person, whatever its case. */
  mention?: boolean;
}



export function tokens(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((m) => {
    const at = m.index ?? 0;
    const token: Token = { text: m[0].replace(/’/g, "'"), lower: m[0].toLowerCase().replace(/’/g, "'"), at };
    return at > 0 && sentence.charAt(at - 1) === '@' ? { ...token, mention: true } : token;
  });
}

/** The agents of the failures a sentence tells of (none when it names no failure). */
export function failureAgents(sentence: string, people: readonly string[] = [], messageFails = false): FailureAgent[] {
  // An agent written as an @mention is quoted with its "@".
  return readFailureAgents(sentence, people, messageFails).map((a) => (a.at > 0 && sentence.charAt(a.at - 1) === '@' ? { ...a, who: `@${a.who}`, at: a.at - 1 } : a));
}

function readFailureAgents(sentence: string, people: readonly string[], messageFails: boolean): FailureAgent[] {
  const denial = DENIAL.exec(sentence);
  const out: FailureAgent[] = [];
  if (denial && !DENIAL_CONCEDED.test(sentence.slice(denial.index + denial[0].length, denial.index + denial[0].length + 40))) {
    out.push({ side: 'other', structure: 'denial', who: denial[0], at: denial.index, person: false });
  }
  const words = tokens(sentence);
  const names = personWords(people);
  const isQuestion = /\?\s*$/.test(sentence);
  const fails = failsIn(sentence);
  // A question after the doer ("who turned it off?", "whoever did this") may stand apart from the sentence that tells of the failure.
  if (!fails && !messageFails) return out;
  // Where the first failure word is, found once: "thanks to X" is a cause only after one.
  const firstFailure = FAILURE.exec(sentence)?.index ?? sentence.length;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    // Round eleven: "It was me who deleted it" is a cleft naming the writer, not a question after "tell me who".
    const cleft = k > 1 && CLEFT_PRONOUN.test(words[k - 1].lower) && CLEFT_VERB.test(words[k - 2].lower);
    const asked = !cleft && (isQuestion || (k > 0 && ASKING.test(words[k - 1].lower)));
    if (asked && QUESTION_OPEN.test(w.lower) && (w.lower === 'whose' || actAt(words, k + 1, 2) >= 0)) {
      out.push({ side: 'other', structure: 'question', who: w.text, at: w.at, person: false });
      continue;
    }
    if (w.lower === 'whoever' && actAt(words, k + 1, 1) >= 0) {
      out.push({ side: 'other', structure: 'question', who: w.text, at: w.at, person: false });
      continue;
    }
    if (!fails) continue;
    const possessive = /^(.+?)(?:'s|s')$/.exec(w.text);
    if (possessive) {
      const agent = possessiveOwner(words, k, possessive[1], names);
      if (agent) out.push(agent);
      continue;
    }
    if (w.lower === 'by' || (w.lower === 'of' && /^(?:courtesy|because)$/.test(words[k - 1]?.lower ?? '')) || (w.lower === 'to' && /^(?:thanks|due)$/.test(words[k - 1]?.lower ?? ''))) {
      const agent = byAgent(words, k, names, firstFailure);
      if (agent) out.push(agent);
      continue;
    }
    const subject = subjectAgent(words, k, names, sentence);
    if (subject) {
      out.push(subject);
      k = subject.end;
    }
  }
  return out;
}

/** True when the text names a failure: a failure word, a verb of malfunction or an idiom of breaking. */
export function failsIn(text: string): boolean {
  return FAILURE.test(text) || BREAK_IDIOM.test(text) || tokens(text).some((w) => MALFUNCTION.test(w.lower));
}

/** True for a capitalised word that names a person: an author's name, or any capitalised word in a doer's slot. */
function personAt(words: readonly Token[], k: number, names: ReadonlySet<string>, slot: boolean): boolean {
  const w = words[k];
  if (w?.mention) return !GROUP.test(w.lower.replace(/(?:'s|')$/, ''));
  if (!w || !/^\p{Lu}/u.test(w.text) || ACRONYM.test(w.text)) return false;
  const bare = w.lower.replace(/(?:'s|')$/, '');
  if (names.has(bare)) return true;
  // A product or a vendor is not a person: "GitHub's runner outage", "IntelliJ", "Stripe".
  if (CAMEL.test(w.text) || OTHER_HEAD.test(bare)) return false;
  return slot && k > 0 && !NOT_A_PERSON.test(w.text.replace(/(?:'s|')$/, ''));
}

/** The index of a past act within `reach` words of k (adverbs and "never"/"didn't" allowed before it), or -1. */
export function actAt(words: readonly Token[], k: number, reach: number, repairToo = false): number {
  for (let j = k; j < Math.min(words.length, k + reach + 1); j++) {
    const w = words[j].lower;
    const restores = RESTORING.test(w) && !(w === 'rolled' && words[j + 1]?.lower === 'out');
    if (isPastVerb(w) && !NOT_AGENT.has(w) && !NOT_AN_ACT.test(w) && (repairToo || !restores)) return j;
    if (MALFUNCTION.test(w)) return j;
    if (!(w.endsWith('ly') || /^(?:just|also|then|again|never|silently|apparently|already|somehow|itself)$/.test(w))) return -1;
  }
  return -1;
}

/** True when the clause around word k (split at ; : and dashes) names a failure: "I took it down; Priya helped" does not blame Priya. */
function failureInClause(words: readonly Token[], k: number, sentence: string): boolean {
  let from = k;
  while (from > Math.max(0, k - CLAUSE_REACH) && !CLAUSE_BREAK.test(words[from - 1].lower)) from--;
  let to = k;
  while (to + 1 < Math.min(words.length, k + CLAUSE_REACH) && !CLAUSE_BREAK.test(words[to + 1].lower)) to++;
  const clause = sentence.slice(words[from].at, words[to].at + words[to].text.length);
  return FAILURE.test(clause) || BREAK_IDIOM.test(clause) || words.slice(from, to + 1).some((w) => MALFUNCTION.test(w.lower));
}

/** True when the first verb within four words of k tells of a victim: "'s dashboard went blank", "'s build failed". */
function sufferedAfter(words: readonly Token[], k: number): boolean {
  for (let j = k; j < Math.min(words.length, k + 4); j++) {
    const w = words[j].lower;
    if (PUNCT.test(w)) return false;
    if (SUFFERED.test(w)) return true;
    if (isPastVerb(w) || MALFUNCTION.test(w)) return false;
  }
  return false;
}

/** True when a cause word stands just before k: "thanks to Callum's change", "because the DBA's job". */
function causeBefore(words: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    if (CAUSE_MARK.test(words[j].lower)) return true;
    if (PUNCT.test(words[j].lower)) return false;
  }
  return false;
}

/** True when a first-person word stands earlier in the same clause (the writer is its subject, the rest its object). */
function writerEarlier(words: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - CLAUSE_REACH); j--) {
    // "My branch won't compile because someone pushed …": a subordinator opens a clause with its own subject.
    if (/^(?:[;:—–]|because|since|although|though|whereas|but)$/.test(words[j].lower)) return false;
    if (FIRST_PERSON.test(words[j].lower)) return true;
  }
  return false;
}

/** "Arjun Mehta's migration", "the DBA's cron job", "our team's change": the owner of the thing that failed. */
function possessiveOwner(words: readonly Token[], k: number, owner: string, names: ReadonlySet<string>): FailureAgent | undefined {
  const lower = owner.toLowerCase();
  const prev = words[k - 1]?.lower ?? '';
  if (/^(?:team|squad)$/.test(lower) && /^(?:my|our)$/.test(prev)) return { side: 'self', structure: 'possessive', who: `${words[k - 1].text} ${owner}`, at: words[k - 1].at, person: false };
  if (NOT_AN_OWNER.test(lower) || (writerEarlier(words, k) && !causeBefore(words, k)) || /^(?:your|their|every|other|each)$/.test(prev)) return undefined;
  // "Restored from Chidi's local copy": what the repair was made from, not what failed.
  if (/^(?:from|with|using|via|off)$/.test(prev) && RESTORING.test(words[k - 2]?.lower ?? '')) return undefined;
  const first = k > 0 && personAt(words, k - 1, names, true) ? k - 1 : k;
  // At the start, "Pipeline's red" is "Pipeline is red": the owner needs a thing after it.
  const thing = words[k + 1]?.lower ?? '';
  const initialOwner = k === 0 && /^\p{Lu}/u.test(words[k].text) && !CAMEL.test(owner) && !OTHER_HEAD.test(lower) && !NOT_A_PERSON.test(owner) && !FAILURE.test(thing) && !STATE_WORD.test(thing);
  // "bc freya's migration": a known author's name written in lower case, right after a cause word.
  const person = personAt(words, k, names, true) || initialOwner || (names.has(lower) && causeBefore(words, k));
  const phrase = words.slice(Math.max(0, k - 2), k + 1).map((w) => w.lower).join(' ');
  if (!person && !CAMEL.test(owner) && !OTHER_IN_PHRASE.test(phrase)) return undefined;
  // "Wei's dashboard went blank": the owner's thing suffered the failure; only a cause word or an act makes it the agent.
  if (!causeBefore(words, k) && sufferedAfter(words, k + 1)) return undefined;
  const who = words.slice(first, k).map((w) => w.text).concat(owner).join(' ');
  return { side: 'other', structure: 'possessive', who, at: words[first].at, person: person && !OTHER_IN_PHRASE.test(lower) };
}

/** "was broken by the merge tool", "a bad commit by Lucía Ferreira", "courtesy of the wiki", "because of me". */
function byAgent(words: readonly Token[], k: number, names: ReadonlySet<string>, firstFailure: number): FailureAgent | undefined {
  const before = words[k - 1]?.lower ?? '';
  const doneBy = /^(?:courtesy|thanks|because|due)$/.test(before) || /^(?:caused|broken|introduced|made|written|pushed|merged|deployed|approved|set|done|triggered|started|wiped|deleted|dropped|overwritten|corrupted|locked)$/.test(before) || FAILURE.test(before);
  // Round nine: any other participle of an act too ("was updated by somebody"), not one that repairs, helps, reports,
  // tells of an effect or a feeling ("affected by", "confused by") or of a standing role ("reviewed by", "maintained by").
  const passive = isPastVerb(before) && !RESTORING.test(before) && !HELPING.test(before) && !NOT_AGENT.has(before) && !NOT_A_DOING.test(before);
  if (!doneBy && !passive) return undefined;
  // "by letting the SPF record lapse": a gerund says how, not who.
  if (GERUND.test(words[k + 1]?.text ?? '')) return undefined;
  const start = /^(?:the|a|an|some|one)$/.test(words[k + 1]?.lower ?? '') ? k + 2 : k + 1;
  let end = start;
  // "a faulty release from the payments squad": the phrase runs on through "from" and "of".
  while (end < Math.min(words.length, start + 6) && !PUNCT.test(words[end].lower) && !PHRASE_END.test(words[end].lower)) end++;
  if (end === start) return undefined;
  // "Thanks to Hiroshi for spotting it" credits; only a failure before it makes "thanks to" a cause.
  if (/^(?:courtesy|thanks)$/.test(before) && (words[end]?.lower === 'for' || firstFailure > words[k - 1].at)) return undefined;
  const phrase = words.slice(start, end);
  const who = words.slice(k + 1, end).map((w) => w.text).join(' ');
  // Round seventeen: "because of my broken linter config" is the writer's own tool; "our vendor" names another.
  // "human error by our platform team" tells the writer's own side vaguely, not another party.
  const humanError = words[k - 2]?.lower === 'human';
  if (FIRST_PERSON.test(phrase[0].lower)) return !humanError && namesOtherAfterOwner(phrase[0].lower, phrase.slice(1, 4).map((w) => w.lower).join(' ')) ? { side: 'other', structure: 'by', who, at: words[k + 1].at, person: false } : { side: 'self', structure: 'by', who, at: words[k + 1].at, person: false };
  const person = phrase.some((_, i) => personAt(words, start + i, names, true));
  // "due to a scheduler problem": a tool only naming a vague failure is no party.
  if (!person && !phrase.some((w) => CAMEL.test(w.text)) && !namesOtherParty(phrase.map((w) => w.lower)) && !blamesPeople(agentKind(who, 'other', false))) return undefined;
  return { side: 'other', structure: 'by', who, at: words[k + 1].at, person };
}

/** True when a noun phrase opened by a determiner ends just before k: "the quarantine list | I merged". */
function nounPhraseBefore(words: readonly Token[], k: number): boolean {
  const prev = words[k - 1]?.lower ?? '';
  if (!prev || PUNCT.test(prev) || PHRASE_END.test(prev) || FIRST_PERSON.test(prev) || isPastVerb(prev) || DETERMINER.test(prev)) return false;
  for (let j = k - 2; j >= Math.max(0, k - 5); j--) {
    if (DETERMINER.test(words[j].lower)) return true;
    if (PUNCT.test(words[j].lower) || PHRASE_END.test(words[j].lower)) return false;
  }
  return false;
}

/**
 * A doer as the subject of a past act in a sentence that names a failure: "the intern set up my
 * container wrong", "IntelliJ auto-imported the wrong package", "the tool, which X chose, skipped
 * volumes", and the doer of a relative clause: "the test Arjun Mehta wrote", "the flag I flipped".
 */
function subjectAgent(words: readonly Token[], k: number, names: ReadonlySet<string>, sentence: string): (FailureAgent & { end: number }) | undefined {
  const w = words[k];
  if ((w.lower === 'i' || w.lower === 'we') && nounPhraseBefore(words, k)) {
    const act = actAt(words, k + 1, 1, true);
    return act >= 0 ? { side: 'self', structure: 'relative', who: w.text, at: w.at, person: false, end: act } : undefined;
  }
  // A doer: an author's name, a listed class (role, team, tool, vendor, document), or a product named in camel case.
  let end = k;
  while (end < Math.min(words.length, k + 3) && personAt(words, end, names, false)) end++;
  const person = end > k;
  if (!person) {
    const phrase = words.slice(Math.max(0, k - 2), k + 1).map((x) => x.lower).join(' ');
    if (!CAMEL.test(w.text) && !OTHER_HEAD.test(phrase)) return undefined;
    // "builds that imported fromDataToStream broke": after a verb (not "the updated SDK") the name is its object.
    if (isPastVerb(words[k - 1]?.lower ?? '') && !/^(?:the|a|an|this|some|our|my|their|your|its)$/.test(words[k - 2]?.lower ?? '')) return undefined;
    end = k + 1;
  }
  // A short relative clause between the subject and its verb: ", which the platform team chose,".
  let verbFrom = end;
  if (words[verbFrom]?.lower === ',' && /^(?:which|who|that)$/.test(words[verbFrom + 1]?.lower ?? '')) {
    const close = words.slice(verbFrom + 2, verbFrom + 9).findIndex((x) => x.lower === ',');
    if (close >= 0) verbFrom += close + 3;
  }
  const act = actAt(words, verbFrom, 2);
  if (act < 0 || HELPING.test(words[act].lower) || !failureInClause(words, act, sentence)) return undefined;
  const relative = person && nounPhraseBefore(words, k);
  // A relative clause has its own subject: "my branch keeps failing on the test Arjun wrote".
  if (!relative && writerEarlier(words, k)) return undefined;
  // "The tests Wei wrote caught my bug": what the person made helped.
  if (relative && words.slice(act + 1, act + 6).some((x) => HELPING.test(x.lower))) return undefined;
  let first = k;
  while (!person && first > Math.max(0, k - 2) && !PUNCT.test(words[first - 1].lower) && !PHRASE_END.test(words[first - 1].lower) && !CAUSE_MARK.test(words[first - 1].lower)) first--;
  // "…pushed the wrong tag, so QA tested the wrong build": after "so" the subject bears the consequence.
  if (/^(?:so|hence|therefore)$/.test(words[first - 1]?.lower ?? '')) return undefined;
  // Round twelve: after a preposition the word is its object, not a subject ("a walking disaster with git -- rewrote …").
  if (/^(?:with|without|of|about|at|in|into|onto|near|using)$/.test(words[first - 1]?.lower ?? '')) return undefined;
  return { side: 'other', structure: relative ? 'relative' : 'subject', who: words.slice(first, end).map((x) => x.text).join(' '), at: words[first].at, person, end: act };
}
