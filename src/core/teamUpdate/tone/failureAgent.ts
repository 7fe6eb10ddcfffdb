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
import { ROLE, TEAM_BARE, TEAM_WORD, TOOL, VENDOR } from './ruleParts';

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
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:()—–?!]/gu;
const PUNCT = /^[,;:()—–?!]$/;
// Words that end a noun phrase: conjunctions, relative words, prepositions of place or time.
const PHRASE_END = /^(?:and|or|but|so|which|that|who|whose|when|while|because|since|in|on|at|for|during|to|into|with|after|before|is|was|were|are|has|had|have|will|would)$/;
// Documents a writer follows: blaming them puts the cause outside the team.
const DOC = String.raw`(?:documentation|docs|wiki|readme|runbook|spec|specs|guide|instructions|changelog|release\s+notes)`;
const OTHER_WORDS = String.raw`(?:${TOOL}|${VENDOR}|${ROLE}|${TEAM_BARE}|(?:${TEAM_WORD}|[\w-]+)\s+(?:team|squad|side|folks|guys)|${DOC}|someone|somebody|they|he|she|tool|plugin|extension|registry|mirror)`;
const OTHER_IN_PHRASE = new RegExp(String.raw`(?:^|\s)${OTHER_WORDS}(?:'s|')?(?=\s|$)`, 'i');
// …as the head of the phrase (its last word): "the merge tool", not "the tool config".
const OTHER_HEAD = new RegExp(String.raw`(?:^|\s)${OTHER_WORDS}$`, 'i');
const DETERMINER = /^(?:the|a|an|this|that|some)$/;
const CLAUSE_BREAK = /^[;:—–]$/;
// Verbs whose subject suffers the failure or is in a state: "Wei's dashboard went blank", "Tom's build failed".
const SUFFERED = /^(?:went|failed|crashed|stopped|died|hung|errored|timed|was|were|is|are|got|showed|turned|looked|became|kept|stayed|lost)$/;
// How far (in words) a clause is read either side of a word: longer clauses are rare, and the bound keeps each sentence's reading linear.
export const CLAUSE_REACH = 40;
// Verbs of helping and noticing: their subject helped with the failure, it did not cause it.
export const HELPING = /^(?:helped|caught|spotted|flagged|reported|paired|pointed|saved|unblocked|warned|alerted|paged|escalated|raised|debugged|traced|diagnosed|investigated)$/;
// A product named in camel case ("IntelliJ", "GitHub"): a tool or a vendor, never a person.
const CAMEL = /\p{Ll}\p{Lu}/u;
// Words after "X's" that make it "X is" or "X has": "Pipeline's been red", "Prod's back".
const STATE_WORD = /^(?:been|not|still|now|back|a|an|the|all|up|fine|gone|going|getting|green|ok|okay|live|out|over|done|fixed|working)$/;
export const FIRST_PERSON = /^(?:i|we|i've|we've|i'd|we'd|me|us|my|our|myself|ourselves)$/;
// Verbs of malfunction: the doer of one is the agent of the failure even with no other failure word.
// Verbs that put things back: their doer repaired the failure ("Priya reverted it"). Narrower than the
// agency reader's repair verbs: "the bot switched off the job", "PyCharm rewrote my config" are acts.
const RESTORING = /^(?:reverted|rolled|fixed|restored|resolved|recovered|patched|hotfixed|mitigated|redeployed|re-deployed|unblocked|rebuilt|refunded|reissued|backfilled|corrected|reran|re-ran|reinstalled|re-enabled|reenabled|recreated|re-created|redid|undid)$/;
// Idioms of breaking that are more than one word: "fell over", "blew up", "nobody could log in".
const BREAK_IDIOM = /\b(?:(?:nothing|nobody|no\s+one|no-one)\s+(?:could|was\s+able\s+to)|fell\s+over|fell\s+apart|blew\s+up|went\s+(?:sideways|dark|haywire)|misbehav\w*|malfunction\w*)\b/i;
const MALFUNCTION = /^(?:misbehaved|malfunctioned|glitched|flaked|choked|nuked|clobbered|mangled|borked|trashed|wrecked|ruined|skipped|dropped|ate|swallowed|ignored)$/;
// Past forms that tell of a victim or a state, not of an act.
const NOT_AN_ACT = /^(?:was|were|been|had|failed|crashed|went|died|stopped|hung|errored|fell|timed|expired|degraded|broken|got|did|became|came|seemed|looked)$/;
// Possessives that name a time or everyone, not a doer: "yesterday's deploy", "everyone's builds".
const NOT_AN_OWNER = /^(?:it|that|what|let|there|here|he|she|who|where|how|today|yesterday|tonight|tomorrow|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|everyone|everybody|nobody|anyone|one|other|customers|users|people|service|team|company|world|sprint|quarter|day|hour|minute)$/;
// Words before a doer that say it caused the failure.
const CAUSE_MARK = /^(?:because|since|after|by|from|blame|courtesy|thanks|due|via)$/;
// Capitalised words that are not people (sentence openers, products of the team itself, months…).
const NOT_A_PERSON = /^(?:I|We|The|A|An|This|That|It|Our|My|Your|Their|So|And|But|Then|Sorry|Thanks|FYI|Fyi|Hey|Hi|Status|Update|Impact|Summary|Incident|Postmortem|Root|Cause|Prevention|Fix|Fixed|Staging|Production|Prod|Main|Master|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|UTC|EU|US|UI|API|CI|CD|QA|PR|DB|Nice|Great|Well|Whose|Who|Dear|Best|Please)$/;
const QUESTION_OPEN = /^(?:who|whose)$/;
// "…is not related to my deploy", "nothing to do with our change": a denial tied to the writer's work.
const DENIAL = /(?:\bnot|n't|\bnever)\s+(?:[\w-]+\s+){0,2}?(?:related\s+to|caused\s+by|due\s+to|because\s+of|connected\s+to|linked\s+to|from)\s+(?:my|our|me|us)\b|\b(?:nothing\s+to\s+do\s+with|unrelated\s+to|independent\s+of)\s+(?:my|our|me|us)\b/i;
const DENIAL_CONCEDED = /^\s*,?\s*but\s+(?:my|our|i|we)\b/i;

/** Every pattern this file runs, named, for the linear-time test. */
export const FAILURE_AGENT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['agent: token', TOKEN],
  ['agent: other in phrase', OTHER_IN_PHRASE],
  ['agent: other as head', OTHER_HEAD],
  ['agent: determiner', DETERMINER],
  ['agent: clause break', CLAUSE_BREAK],
  ['agent: suffered', SUFFERED],
  ['agent: helping verb', HELPING],
  ['agent: camel case', CAMEL],
  ['agent: state word', STATE_WORD],
  ['agent: denial', DENIAL],
  ['agent: denial conceded', DENIAL_CONCEDED],
  ['agent: not a person', NOT_A_PERSON],
  ['agent: malfunction', MALFUNCTION],
  ['agent: restoring verb', RESTORING],
  ['agent: idiom of breaking', BREAK_IDIOM],
  ['agent: not an owner', NOT_AN_OWNER],
];

export function tokens(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((m) => ({ text: m[0].replace(/’/g, "'"), lower: m[0].toLowerCase().replace(/’/g, "'"), at: m.index ?? 0 }));
}

/** The agents of the failures a sentence tells of (none when it names no failure). */
export function failureAgents(sentence: string, people: readonly string[] = [], messageFails = false): FailureAgent[] {
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
    if (isQuestion && QUESTION_OPEN.test(w.lower) && (w.lower === 'whose' || actAt(words, k + 1, 2) >= 0)) {
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

/** Lower-case words of the repository's authors' names (first and last), three letters or more. */
function personWords(people: readonly string[]): Set<string> {
  return new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3));
}

/** True for a capitalised word that names a person: an author's name, or any capitalised word in a doer's slot. */
function personAt(words: readonly Token[], k: number, names: ReadonlySet<string>, slot: boolean): boolean {
  const w = words[k];
  if (!w || !/^\p{Lu}/u.test(w.text)) return false;
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
    if (isPastVerb(w) && !NOT_AGENT.has(w) && !NOT_AN_ACT.test(w) && (repairToo || !RESTORING.test(w))) return j;
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
    if (/^[;:—–]$/.test(words[j].lower)) return false;
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
  const first = k > 0 && personAt(words, k - 1, names, true) ? k - 1 : k;
  // At the start, "Pipeline's red" is "Pipeline is red": the owner needs a thing after it.
  const thing = words[k + 1]?.lower ?? '';
  const initialOwner = k === 0 && /^\p{Lu}/u.test(words[k].text) && !CAMEL.test(owner) && !OTHER_HEAD.test(lower) && !NOT_A_PERSON.test(owner) && !FAILURE.test(thing) && !STATE_WORD.test(thing);
  const person = personAt(words, k, names, true) || initialOwner;
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
  if (!doneBy) return undefined;
  const start = /^(?:the|a|an|some|one)$/.test(words[k + 1]?.lower ?? '') ? k + 2 : k + 1;
  let end = start;
  // "a faulty release from the payments squad": the phrase runs on through "from" and "of".
  while (end < Math.min(words.length, start + 6) && !PUNCT.test(words[end].lower) && !PHRASE_END.test(words[end].lower)) end++;
  if (end === start) return undefined;
  // "Thanks to Hiroshi for spotting it" credits; only a failure before it makes "thanks to" a cause.
  if (/^(?:courtesy|thanks)$/.test(before) && (words[end]?.lower === 'for' || firstFailure > words[k - 1].at)) return undefined;
  const phrase = words.slice(start, end);
  const who = words.slice(k + 1, end).map((w) => w.text).join(' ');
  if (FIRST_PERSON.test(phrase[0].lower)) return /^(?:my|our)$/.test(phrase[0].lower) && OTHER_IN_PHRASE.test(phrase.slice(1, 3).map((w) => w.lower).join(' ')) ? { side: 'other', structure: 'by', who, at: words[k + 1].at, person: false } : { side: 'self', structure: 'by', who, at: words[k + 1].at, person: false };
  const person = phrase.some((_, i) => personAt(words, start + i, names, true));
  if (!person && !phrase.some((w) => CAMEL.test(w.text)) && !OTHER_IN_PHRASE.test(phrase.map((w) => w.lower).join(' '))) return undefined;
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
  return { side: 'other', structure: relative ? 'relative' : 'subject', who: words.slice(first, end).map((x) => x.text).join(' '), at: words[first].at, person, end: act };
}
