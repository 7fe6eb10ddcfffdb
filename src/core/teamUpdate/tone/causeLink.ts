/**
 * Round nine: the source of a failure, read from the words that link the failure to it. Where
 * failureAgent.ts reads the doer of an act ("X broke Y", "broken by X"), this reads the other ways
 * a writer says where a failure came from or whose it is, and classes the source the same way
 * (the writer, a person, a role, a team, an outside party, nobody):
 *
 * - a cause link: "came from / was from / started with / traces back to" + source ("the 500s were
 *   from my alias swap", "it came from the payments team's branch", "is coming from Pushwell");
 * - a charge: "it's on X", "sits / lies / rests with X", "on their say-so", "exactly as X wrote
 *   it", "X is what made it …" — handing the responsibility over, which counts whatever is owned;
 * - an authority that was wrong: "per X's docs … should have", "the runbook was wrong", "the
 *   README documents the wrong algorithm";
 * - another's trouble: "Cloudnimbus had issues", "the Docker Desktop update changed …";
 * - someone inside a group as the doer ("someone on the frontend team thought …");
 * - a guess at another ("Probably infra.");
 * - a denial of the writer's agency ("it wasn't my migration", "no issue in our services", "we did
 *   not do any change"), which also takes back the sentence's apparent ownership.
 *
 * The source phrase is read as words (at most six, up to punctuation or a word that ends a phrase);
 * every regular expression is bounded and listed for the linear-time test.
 */
import { agentKind, blamesPeople } from './agentKind';
import { ACRONYM, CAMEL, HELPING, FIRST_PERSON, NOT_A_PERSON, NOT_AN_OWNER, PHRASE_END, PUNCT, namesOtherAfterOwner, namesOtherParty } from './agentWords';
import { tokens, type FailureAgent, type Token } from './failureAgent';
import { DEFECT_FROM, FAULT_IN, MORE_DENIALS, OMISSION_BECAUSE, OWNED_BY, SOURCE_SHAPE_PATTERNS, THEIRS, WORK } from './sourceShapes';

/** A linked source; `charge` when the words hand the responsibility over (counts whatever is owned). */
export type LinkedAgent = FailureAgent & {
  charge: boolean;
  /**
   * Round ten: a fault located in another party ("a bug in a third-party SDK"): counts unless a sentence owns a
   * part in the first person; a safeguard added against another's fault owns nothing.
   */
  located?: boolean;
};

const CAUSE_LINK = /\b(?:(?:came|comes|coming|come|stems?|stemmed|originated|originates|originate|was|were|is|are|(?:must|might|may|could)\s+(?:be|have\s+(?:been|come)))\s+(?:all\s+|entirely\s+|directly\s+|really\s+)?from|(?:started|starts|began|begins)\s+with|(?:traces?|traced|goes|went|leads?|led)\s+back\s+to)\s+/gi;
const CHARGE_LINK = /\b(?:(?:sits|sat|lies|lay|rests|rested)\s+(?:squarely\s+|firmly\s+|really\s+)?with|(?:it|that|this|which)(?:'s|’s|\s+is|\s+was)\s+(?:(?:all|honestly|really|squarely|entirely|partly|mostly)\s+)?on|(?:exactly|just|precisely)\s+as\s+(?=(?:[\w@-]{1,40}\s+){1,4}?(?:wrote|said|told|documented|specified|asked|instructed|described|designed)\b)|on\s+(?=(?:their|his|her|[\w@-]{1,40}(?:'s|’s|'))\s+(?:say-so|say\s+so|orders|instructions|advice|request|word)\b))\s*/gi;
// "per Vantory's docs, … should have": an authority whose claim did not hold.
const AUTHORITY = /\b(?:per|according\s+to)\s+/gi;
const BROKEN_PROMISE = /\b(?:should(?:'ve|\s+have)\s+(?:had|been|made|caused|done)|supposed\s+to|meant\s+to|was\s+safe|is\s+safe|no\s+effect)\b/i;
// "the runbook was wrong", "the README documents the wrong hash algorithm": a source that was wrong.
const WRONG_CLAIM = /(?<=[\w'’])\s+(?:(?:was|is|were|are)\s+(?:(?:just|simply|plainly|also)\s+)?(?:wrong|incorrect|outdated|out\s+of\s+date|misleading|inaccurate)|(?:documents|documented|says|said|lists|listed|recommends|recommended|specifies|specified|states|stated|claims|claimed|gives|gave|shows|showed)\s+(?:[\w-]{1,40}\s+){0,4}?(?:wrong|incorrect|outdated|bad))\b/gi;
// "Cloudnimbus had issues": another's trouble (the writer who "had an outage" is only its victim).
const TROUBLE = /(?<=[\w'’])\s+(?:had|has|was\s+having|is\s+having)\s+(?:(?:some|an?|major|regional|big|the|its|their)\s+){0,2}(?:issues?|problems?|outage|incident|trouble|downtime|hiccups?|blips?|degradation)\b/gi;
// "the Docker Desktop update changed …": a named product's new version as the doer.
const PRODUCT_UPDATE = /\b(?:[Tt]he\s+|[Tt]his\s+|[Tt]hat\s+|[Mm]y\s+|[Oo]ur\s+)?((?:[A-Z][\w.-]{1,40}\s+){1,3})(?:update|upgrade|release|patch|version|sdk)\s+(?:(?:silently|quietly|apparently|just)\s+)?(?:changed|broke|removed|dropped|renamed|switched|reset|disabled|deprecated|moved)\b/g;
// "someone on the frontend team", "a dev from the data squad": a member of a group.
const MEMBER = /\b(?:(?:someone|somebody)\s+(?:on|in|from|at)\s+(?:the\s+)?((?:[\w-]{1,40}\s+){0,2}?(?:team|squad|folks|side|crew)|[\w-]{1,40}(?:\s+[\w-]{1,40})?)|(?:one|a\s+(?:dev|developer|person|member|guy|engineer))\s+(?:on|in|from|of|at)\s+(?:the\s+)?((?:[\w-]{1,40}\s+){0,2}?(?:team|squad|folks|side|crew)))\s+(?:(?:apparently|just|then|clearly)\s+)?([a-z]{2,30}ed|thought|did|made|broke|put|sent|took|ran|wrote|let)\b/gi;
// Verbs of reporting: "someone on the call pointed out …", "somebody from support asked".
const REPORTING = /^(?:asked|noticed|pointed|reported|said|told|mentioned|saw|found|confirmed|suggested|replied|answered|wondered|called|pinged|messaged|emailed|posted|commented)$/;
// "Probably infra.": a guess at another, as a whole sentence.
const GUESS = /^(?:probably|likely|most\s+likely|maybe|must\s+be|has\s+to\s+be|gotta\s+be|prob|def)\s+((?:[\w@'-]{1,40}\s+){0,4}[\w@'-]{1,40})\W{0,3}$/i;
// "X's template is what made it look like that": a cleft naming the cause.
const CLEFT = /(?<=[\w'’])\s+(?:is|was|'s|’s)\s+what\s+(?:made|caused|broke|did|triggered|started|led\s+to|messed)\b/gi;
// "The vendor's new release is responsible", "my config change was to blame": the source named by its predicate.
const RESPONSIBLE = /(?<=[\w'’])\s+(?:is|was|are|were)\s+(?:(?:entirely|fully|solely|partly|clearly|squarely)\s+)?(?:responsible|to\s+blame|at\s+fault|the\s+culprit)\b/gi;
// The writer's agency denied: "it wasn't my migration", "no issue in our services", "we did not do any change".
const DENIED = new RegExp([
  String.raw`\b(?:wasn'?t|was\s+not|isn'?t|is\s+not|weren'?t|were\s+not)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}(?=\s*(?:[.,;:!—–]|$))`,
  String.raw`\bno\s+(?:issues?|problems?|errors?|bugs?|faults?|changes?)\s+(?:(?:was|were)\s+)?(?:found\s+)?(?:in|with|on|from)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}\b`,
  String.raw`\b(?:i|we)\s+(?:did\s+not|didn'?t|have\s+not|haven'?t)\s+(?:do|make|deploy|push|change|touch|release|ship)\s+(?:any|anything)\b`,
  ...MORE_DENIALS,
].join('|'), 'i');
// "no problem on our side at first, then realised my deploy broke it": a denial the sentence takes back.
const TAKEN_BACK = /^[^.;]{0,80}?\b(?:then|but|until|turns\s+out|actually|however)\b[^.;]{0,60}?\b(?:my|our|i|we)\b/i;
const BARE_MINE = /^(?:(?:that(?:'s|\s+was|\s+one's)|it(?:'s|\s+was)|all)\s+)?mine\W{0,3}$/i;

/** Every pattern this file runs, named, for the linear-time test. */
export const CAUSE_LINK_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['cause link: link', CAUSE_LINK],
  ['cause link: charge', CHARGE_LINK],
  ['cause link: authority', AUTHORITY],
  ['cause link: broken promise', BROKEN_PROMISE],
  ['cause link: wrong claim', WRONG_CLAIM],
  ['cause link: trouble', TROUBLE],
  ['cause link: product update', PRODUCT_UPDATE],
  ['cause link: member of a group', MEMBER],
  ['cause link: reporting verb', REPORTING],
  ['cause link: guess', GUESS],
  ['cause link: cleft', CLEFT],
  ['cause link: responsible', RESPONSIBLE],
  ['cause link: denied', DENIED],
  ['cause link: bare mine', BARE_MINE],
  ['cause link: denial taken back', TAKEN_BACK],
  ...SOURCE_SHAPE_PATTERNS,
];

// Words a source phrase may run through ("one of our junior engineers", "my refactor of the resize path").
const RUNS_ON = /^(?:of)$/;
const MAX_WORDS = 6;

/** The sources this sentence links a failure to. `fails`: the message names a failure (cause links need one). */
export function linkedAgents(sentence: string, people: readonly string[], fails: boolean): LinkedAgent[] {
  const names = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3));
  const words = tokens(sentence);
  const out: LinkedAgent[] = [];
  const after = (end: number, charge: boolean) => {
    const agent = sourceAfter(words, firstWordFrom(words, end), names, charge);
    if (agent) out.push(agent);
  };
  for (const m of sentence.matchAll(CHARGE_LINK)) after((m.index ?? 0) + m[0].length, true);
  // "Mine.", "The red builds this week: mine." — the writer's claim as a whole clause.
  let clauseAt = 0;
  for (const clause of sentence.split(/[:;—–]/)) {
    const lead = clause.length - clause.trimStart().length;
    if (BARE_MINE.test(clause.trim())) out.push({ side: 'self', structure: 'subject', who: clause.trim().replace(/\W+$/, ''), at: clauseAt + lead, person: false, charge: false });
    clauseAt += clause.length + 1;
  }
  const guess = GUESS.exec(sentence);
  if (guess && fails) after(guess.index + guess[0].lastIndexOf(guess[1]), false);
  // "According to X's docs the retries were supposed to stop": the broken promise is the failure.
  if (BROKEN_PROMISE.test(sentence)) for (const m of sentence.matchAll(AUTHORITY)) after((m.index ?? 0) + m[0].length, false);
  // Round ten: a denial says by itself that something failed ("webpack's cache did it, not me").
  const denied = deniedAt(sentence);
  if (denied) out.push({ side: 'other', structure: 'denial', who: denied[0], at: denied.index, person: false, charge: false });
  if (!fails) {
    for (const m of sentence.matchAll(CLEFT)) pushBefore(out, words, m.index ?? 0, names, true);
    return out;
  }
  for (const m of sentence.matchAll(CAUSE_LINK)) after((m.index ?? 0) + m[0].length, false);
  // Round ten (sourceShapes.ts): a fault located in another, a deficient thing from another, the failing thing
  // owned by another, another's omission as the reason, and the responsibility handed over as "theirs".
  const located = (end: number) => {
    const agent = sourceAfter(words, firstWordFrom(words, end), names, false);
    if (agent) out.push({ ...agent, located: true });
  };
  for (const m of sentence.matchAll(FAULT_IN)) located((m.index ?? 0) + m[0].length);
  for (const m of sentence.matchAll(DEFECT_FROM)) located((m.index ?? 0) + m[0].length);
  for (const m of sentence.matchAll(OWNED_BY)) out.push({ side: 'other', structure: 'by', who: m[1].trim(), at: (m.index ?? 0) + m[0].indexOf(m[1]), person: false, charge: false });
  for (const m of sentence.matchAll(OMISSION_BECAUSE)) pushBefore(out, words, (m.index ?? 0) + m[0].lastIndexOf(m[1]), names, false, true);
  for (const m of sentence.matchAll(THEIRS)) out.push({ side: 'other', structure: 'subject', who: m[1], at: (m.index ?? 0) + m[0].lastIndexOf(m[1]), person: false, charge: true });
  for (const m of sentence.matchAll(WRONG_CLAIM)) pushBefore(out, words, m.index ?? 0, names, false);
  for (const m of sentence.matchAll(RESPONSIBLE)) pushBefore(out, words, m.index ?? 0, names, false);
  for (const m of sentence.matchAll(TROUBLE)) pushBefore(out, words, m.index ?? 0, names, false, true, true);
  for (const m of sentence.matchAll(CLEFT)) pushBefore(out, words, m.index ?? 0, names, true);
  for (const m of sentence.matchAll(PRODUCT_UPDATE)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    if (at > 0 && !/^(?:my|our)\s/i.test(m[0])) out.push({ side: 'other', structure: 'subject', who: m[1].trim(), at, person: false, charge: false });
  }
  for (const m of sentence.matchAll(MEMBER)) {
    // "someone on the call pointed out …", "somebody from support asked": reporting or helping is no act.
    const verb = m[3].toLowerCase();
    if (REPORTING.test(verb) || HELPING.test(verb)) continue;
    const group = m[1] ?? m[2];
    const at = (m.index ?? 0);
    const who = m[0].slice(0, m[0].indexOf(group) + group.length);
    out.push({ side: 'other', structure: 'subject', who, at, person: false, charge: true });
  }
  return out;
}

/** True when the sentence denies the writer's agency ("it wasn't my migration"): its own "my X" does not own. */
export function deniesAgency(sentence: string): boolean {
  return deniedAt(sentence) !== undefined;
}

/** The denial of the writer's agency in the sentence, unless the sentence takes it back. */
function deniedAt(sentence: string): RegExpExecArray | undefined {
  const denied = DENIED.exec(sentence);
  if (!denied) return undefined;
  const end = denied.index + denied[0].length;
  return TAKEN_BACK.test(sentence.slice(end, end + 160)) ? undefined : denied;
}

/** True when the linked agent counts as blame whatever the message owns. */
export function chargesOthers(a: LinkedAgent): boolean {
  return a.side === 'other' && (a.charge ? a.structure !== 'denial' : blamesPeople(agentKind(a.who, a.side, a.person)));
}

/** The source phrase ending just before `end` (a subject read backwards to a determiner or a clause start). */
function pushBefore(out: LinkedAgent[], words: readonly Token[], end: number, names: ReadonlySet<string>, charge: boolean, othersOnly = false, initialName = false): void {
  const last = firstWordFrom(words, end) - 1;
  let first = last;
  while (first > 0 && last - first < MAX_WORDS - 1 && !PUNCT.test(words[first - 1].lower) && !PHRASE_END.test(words[first - 1].lower) && !/^(?:the|a|an|per|honestly|but|though|apparently|turns|out)$/.test(words[first].lower)) first--;
  if (first < 0 || last < first) return;
  if (/^(?:the|a|an)$/.test(words[first].lower)) first++;
  // "Nothing on our side was wrong": a negated source is no source.
  if (words.slice(Math.max(0, first - 3), first).some((w) => /^(?:nothing|no|not|none|never)$/.test(w.lower))) return;
  // A name that opens the sentence ("Brightwave had issues") counts where the predicate is another's trouble.
  const agent = classify(words.slice(first, last + 1), initialName ? Math.max(1, first) : first, names, charge);
  if (agent && !(othersOnly && agent.side === 'self')) out.push(agent);
}

/** The index of the first word at or after `offset` (binary search, so many links in one long sentence stay linear). */
function firstWordFrom(words: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The source phrase starting at word k. */
function sourceAfter(words: readonly Token[], k: number, names: ReadonlySet<string>, charge: boolean): LinkedAgent | undefined {
  if (k >= words.length) return undefined;
  let start = k;
  if (/^(?:the|a|an|some)$/.test(words[start]?.lower ?? '')) start++;
  let end = start;
  while (end < Math.min(words.length, start + MAX_WORDS) && !PUNCT.test(words[end].lower) && (!PHRASE_END.test(words[end].lower) || RUNS_ON.test(words[end].lower)) && words[end].lower !== 'not') end++;
  if (end === start) return undefined;
  return classify(words.slice(start, end), start, names, charge);
}

/** Classes a source phrase: the writer, a person, another by kind (role, team, outside party), or nobody. */
function classify(phrase: readonly Token[], start: number, names: ReadonlySet<string>, charge: boolean): LinkedAgent | undefined {
  const first = phrase[0];
  const lowers = phrase.map((w) => w.lower);
  // An @mention is quoted with its "@".
  const agent = (side: 'self' | 'other', who: string, person: boolean): LinkedAgent =>
    first.mention ? { side, structure: charge ? 'subject' : 'by', who: `@${who}`, at: first.at - 1, person, charge } : { side, structure: charge ? 'subject' : 'by', who, at: first.at, person, charge };
  if (FIRST_PERSON.test(first.lower) || /^(?:mine|ours)$/.test(first.lower)) {
    const rest = lowers.slice(1, 4).join(' ');
    // "my linter config" is the writer's own tool; "our vendor", "my team's" … name another party.
    if (namesOtherAfterOwner(first.lower, rest)) return agent('other', phrase.slice(0, 4).map((w) => w.text).join(' '), false);
    return agent('self', phrase.map((w) => w.text).join(' '), false);
  }
  // The owner in a possessive ("the payments team's branch", "Greta's template", "Vantory's docs").
  const owns = phrase.findIndex((w) => /(?:'s|’s|s')$/.test(w.text));
  const head = owns >= 0 ? phrase.slice(0, owns + 1) : phrase;
  const headText = head.map((w) => w.text).join(' ').replace(/(?:'s|’s|')$/, '');
  const bare = headText.toLowerCase();
  if (owns >= 0 && NOT_AN_OWNER.test(bare)) return undefined;
  if (/^(?:their|they|them|his|her|he|she)$/.test(first.lower)) return agent('other', first.text, false);
  const named = head.find((w) => w.mention || names.has(w.lower.replace(/(?:'s|’s|')$/, '')));
  if (named) return agent('other', headText, true);
  // "a scheduler issue": a tool only naming a vague failure is no party.
  if (namesOtherParty(lowers) || blamesPeople(agentKind(headText, 'other', false))) return agent('other', headText, false);
  const capital = head.find((w, i) => /^\p{Lu}/u.test(w.text) && !ACRONYM.test(w.text) && !NOT_A_PERSON.test(w.text.replace(/(?:'s|’s|')$/, '')) && (i > 0 || start > 0));
  if (capital) return agent('other', headText, charge && !CAMEL.test(capital.text) && head.length <= 2);
  return undefined;
}
