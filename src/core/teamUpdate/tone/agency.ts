/**
 * First-person agency: does a sentence say "I (or we, or my change) did it"? Word lists of
 * ownership verbs miss most ways of saying it ("my change to the ticket form dropped
 * attachments", "I accidentally revoked the token"), so this reads the sentence as words: a
 * first-person subject ("I", "we", "my X", "our X"), then within a few words a past-tense or
 * perfect verb (any regular "-ed" form or a common irregular one), in a clause that also names
 * a failure, a change or an accident (or a sentence that apologises). Not when the clause is negated ("I didn't break it"),
 * conditional ("if I broke anything"), or the "my/our X" is a person, a team, a vendor or a tool
 * ("our intern pushed it"). Verbs that report, feel or repair ("we noticed", "I reverted") need
 * stronger words: an accident or an omission ("by mistake", "without updating the worker").
 * One pass over the words; every regular expression here is linear (bounded gaps, anchored).
 */
import { OWNERSHIP_GRAMMAR_PATTERNS, ownsInOtherShapes } from './ownershipGrammar';
import { AGENT_CLAUSE_BREAK, CLAUSE_GRAMMAR_PATTERNS, CONSEQUENCE, OMISSION_AFTER_ACT, plainClauseText } from './clauseGrammar';
import { ROLE, TEAM_BARE, TOOL, VENDOR } from './ruleParts';

const CLAUSE_BREAK = /[;:—–]/;
const APOLOGY_WORD = /\b(?:sorry|apologi[sz]e|apologies|apology)\b/i;
// Tokens: words (with inner apostrophes and hyphens) and the punctuation that ends a clause.
const TOKEN = /[a-z0-9][a-z0-9'’-]*|[,;:()—–]/gi;

const IRREGULAR = new Set(
  `broke broken took taken made ran set put let hit cut left lost forgot forgotten sent built wrote written gave given did done
   brought caught told held kept meant read led fell found had hid hidden knew drove chose froze threw shook shut split spread stuck
   struck tore torn wore reset overwrote overwritten undid mistook misread overrode overridden rewrote reran redid began begun became came
   went gone quit dealt dug blew blown bit swept spun shot shown stood upset typo'd spelt spilt burnt`.split(/\s+/),
);
// "-ed" words that are not past verbs.
const NOT_PAST = new Set(['need', 'needed', 'seed', 'speed', 'feed', 'bed', 'red', 'shed', 'embed', 'bleed', 'breed', 'hundred', 'used', 'based', 'related', 'supposed', 'expected', 'advanced', 'limited', 'detailed', 'dedicated', 'shared', 'unexpected']);
// Verbs that report, feel, talk or wait: "we noticed errors" does not own them.
export const NOT_AGENT = new Set(
  `noticed saw seen found realized realised learned learnt heard discovered detected observed identified investigated looked
   checked confirmed verified watched monitored told asked posted pinged paged messaged emailed notified informed contacted called
   spoke talked discussed apologized apologised thanked hoped wanted tried thought believed expected felt got received experienced
   suffered faced encountered agreed waited opened filed escalated reached joined was were been had started lost followed
   dug combed traced bisected grepped analysed analyzed audited searched skimmed scanned researched profiled measured`.split(/\s+/),
);
// Past verbs that are the failure itself, not an act of repair.
const NOT_AN_ACT = new Set(['broke', 'broken', 'caused', 'forgot', 'forgotten', 'missed', 'introduced', 'made', 'left', 'lost', 'did', 'done', 'went', 'gone', 'came', 'fell', 'became', 'began', 'begun', 'hoped', 'wanted', 'tried', 'had']);
// Verbs that usually describe the repair or the safeguard: they own the failure only with strong words.
export const REPAIR_VERB = new Set(
  `reverted rolled fixed restored redeployed re-deployed hotfixed patched resolved mitigated recovered reset undid reseeded rebuilt
   refunded reissued backfilled cleared pinned corrected removed drained rotated regenerated cleaned rewrote reran killed switched
   reinstalled addressed warmed restarted reapplied re-applied reenabled re-enabled recreated re-created redid replaced stopped
   disabled unblocked flipped moved added updated improved deleted contacted paused scaled`.split(/\s+/),
);
// Round sixteen: verbs that usually report are acts where their clause says the act went wrong ("I had joined the
// table twice", "we paged the whole team by mistake", "I emailed the wrong list"); "we noticed the wrong totals" is not.
const REPORTED_ACT = new Set(['posted', 'pinged', 'paged', 'messaged', 'emailed', 'notified', 'contacted', 'called', 'joined', 'opened', 'filed', 'checked', 'started', 'escalated', 'told', 'asked']);
const WENT_WRONG = /\b(?:twice|three\s+times|by\s+(?:mistake|accident)|accidentally|mistakenly|inadvertently|instead\s+of|the\s+wrong|a\s+wrong)\b/i;
// Verbs whose subject suffers the failure ("our build failed"), for a "my/our X" subject.
const VICTIM_VERB = new Set(['failed', 'crashed', 'expired', 'went', 'died', 'stopped', 'hung', 'errored', 'fell', 'timed', 'collapsed', 'degraded', 'lost', 'suffered', 'experienced', 'got', 'was', 'were', 'blew', 'froze', 'stalled', 'choked', 'flaked']);
// Words allowed between the subject and its verb ("I (platform) have just accidentally pushed").
const BETWEEN = new Set(['just', 'also', 'then', 'both', 'all', 'have', 'has', "'ve", 'had', 'myself', 'ourselves', 'actually', 'apparently', 'already', 'originally', 'initially', 'earlier', 'again', 'somehow', 'probably', 'basically', 'still', 'even']);
const NEGATION = new Set(['not', 'never', "didn't", 'didnt', "haven't", "hasn't", "wasn't", "weren't", 'no', "don't", "can't", "couldn't", "won't", 'nobody']);
// Round eight: reported claims too ("people are saying I broke staging").
const CONDITION = new Set(['if', 'unless', 'whether', 'case', 'might', 'may', 'could', 'would', 'should', 'maybe', 'perhaps', 'whoever', 'saying', 'claiming', 'suggesting', 'accusing', 'insisting']);
// An "our X" that is somebody else: a person, a team, a vendor or a tool.
const OTHER_AGENT = new RegExp(String.raw`^(?:${ROLE}|${TEAM_BARE}|${VENDOR}|${TOOL}|colleagues?|teammates?|coworkers?|co-workers?|managers?|lead|boss|reviewers?|testers?|engineers?|developers?|devs?|staff|folks|people|on-call|oncall|team|customers?|users?|pm|cto|ceo)$`, 'i');
// Words that name a failure or an accident, and words that name a change; with an apology, the
// neighbourhood an act must be in to own something.
const FAILURE_WORDS = String.raw`break\w*|broke|broken|fail\w*|errors?|down|outage|bugs?|buggy|wrong|bad|red|crash\w*|drop\w*|lost|delet\w*|wip\w*|spam\w*|duplicat\w*|twice|instead\s+of|missing|without|stale|flaky|throttl\w*|slow\w*|time[sd]?\s+out|timing\s+out|timeouts?|5\d\d|unavailable|block\w*|lock\w*|hid|hidden|revok\w*|corrupt\w*|leak\w*|expos\w*|incident|problems?|issues?|mistakes?|typos?|regress\w*|overw\w*|by\s+(?:mistake|accident)|accident\w*|mistaken\w*|inadvertent\w*|careless\w*|badly|empty|offline|(?:clobber|nuk|botch|goof|fat-finger|trash|mangl|bork)\w*|(?:mess|screw)(?:ed)?\s+up|unreachable|unresponsive|went\s+dark|because|caused|sorry|apologi\w+|forg[eo]t\w*|overlook\w*|expired|couldn'?t|unable|mismatch\w*|double-[a-z]{2,20}|(?:fell|keeled|toppled)\s+over|ran\s+out|reject\w*|oom\w*|could\s+not|destroy\w*|truncat\w*|already\s+(?:gone\s+out|been\s+(?:sent|paid|processed|delivered)|sent|paid|delivered)|(?:\d{1,4}|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+times`;
const CHANGE_WORDS = String.raw`change[sd]?|commits?|deploy\w*|release[sd]?|merge[sd]?|migrations?|config\w*|schema|script|rollout|upgrade[sd]?|flag|rules?|policy|threshold|cron|renam\w*|bump\w*`;
export const FAILURE = new RegExp(String.raw`\b(?:${FAILURE_WORDS}|${CHANGE_WORDS}|sev\d?)\b`, 'i');
const FAILURE_ONLY = new RegExp(String.raw`\b(?:${FAILURE_WORDS})\b`, 'i');
// Round twelve: a thing that stopped working, told as "no longer …" ("the generated code no longer compiled").
const NO_LONGER = /\bno\s+longer\s+[a-z]{2,20}\b/i;
// Strong words: an accident, an omission, a stated cause or consequence.
const STRONG = /\b(?:without|instead\s+of|by\s+(?:mistake|accident)|accidentally|mistakenly|inadvertently|badly|incorrectly|wrongly|carelessly|prematurely|twice|because|which\s+(?:broke|caused|meant|made)|so\s+(?:[\w-]+\s+){1,5}?(?:failed|broke|stopped|went|were|was|couldn'?t|could\s+not|can'?t|cannot|lost)|causing|root\s+cause|(?:the|one)\s+reason|is\s+that|and\s+(?:then\s+)?(?:forgot|missed|skipped|overlooked|broke|dropped|left\s+out|didn'?t|did\s+not|never|failed\s+to))\b/i;
// A first-person owner named in a few words: "is mine", "were on me", "I was the one who".
const OWNED_PHRASE = /\b(?:(?:is|was|were|are|'s)\s+(?:all\s+|entirely\s+)?(?:mine|ours|me|on\s+(?:me|us)|(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:fault|doing|mistake|typo|bug|error|change|commit|merge|deploy|push|config|call))|(?:i|we)\s+(?:was|were|am|are|'m|'re)\s+the\s+ones?\s+(?:who|that)|(?:is|was|were|are|'s)\s+down\s+to\s+(?:me|us)|(?:i|we)\s+(?:was|were)\s+(?:too\s+|a\s+bit\s+)?(?:careless|sloppy|hasty|rushed|in\s+a\s+hurry))\b/i;
// A cause that is the writer's own work: "traces back to my cookie change", "are from my folder rename".
const MINE_AS_CAUSE = /\b(?:caused\s+by|because\s+of|due\s+to|down\s+to|back\s+to|traced\s+to|on\s+account\s+of|owing\s+to|thanks\s+to|from|by|(?:bug|typo|mistake|error|flaw)\s+in)\s+$/i;
const OWNED_PHRASE_DENIED = /(?:\bnot|n't|\bnever)\s+(?:all\s+|entirely\s+)?(?:mine|ours|me|on\s+(?:me|us)|my\s+(?:fault|doing)|our\s+(?:fault|doing))\b/i;

// "behind my back", "to our users": a possessive after a preposition is not a subject.
const PREPOSITION = /^(?:by|of|to|for|from|with|in|on|at|about|into|onto|behind|under|over|through|after|before|during|against|across|via|within|without|than|like|back)$/;

// Verbs after which "by my/our X" names a user or an owner, not a cause.
const USED_BY = /^(?:used|maintained|owned|hosted|provided|called|consumed|required|needed|loaded|imported|shared|trusted|relied|run|read|depended)$/;

// A noun for a piece of work: after it, a tool or team word is only a modifier ("my Terraform change").
// Round sixteen: what a tool is run as ("my Terraform apply", "my Helm chart", "my Jenkins run").
const WORK_NOUN = /^(?:changes?|commits?|config\w*|scripts?|migrations?|deploy\w*|prs?|modules?|upgrades?|bumps?|rules?|setup|plan|files?|jobs?|edits?|fix|patch|refactor|query|workflow|values|apply|applies|runs?|commands?|push|pushes|rollouts?|imports?|syncs?|cleanup|templates?|charts?|manifests?|tasks?|hooks?)$/;

/** Every pattern this file runs, named, for the linear-time test. */
// Round ten: a new version shipped without the fault or with the fix is the repair, not the failure ("We've shipped
// 6.2.1 without it"; not "we shipped 5.12.0 with a crash").
export const NEW_VERSION_FIX = /\b(?:shipped|released|published|deployed|pushed|rolled\s+out)\s+(?:version\s+)?v?\d{1,4}(?:\.\d{1,4}){1,3}\s+(?:without|with\s+(?:the|a)\s+fix|that\s+fixes|which\s+fixes|to\s+fix)\b/i;

export const AGENCY_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['agency: token', TOKEN],
  ['agency: new version fix', NEW_VERSION_FIX],
  ['agency: clause break', CLAUSE_BREAK],
  ['agency: apology word', APOLOGY_WORD],
  ['agency: other agent', OTHER_AGENT],
  ['agency: work noun', WORK_NOUN],
  ['agency: preposition', PREPOSITION],
  ['agency: failure word', FAILURE],
  ['agency: failure only', FAILURE_ONLY],
  ['agency: mine as cause', MINE_AS_CAUSE],
  ['agency: strong word', STRONG],
  ...CLAUSE_GRAMMAR_PATTERNS,
  ['agency: no longer', NO_LONGER],
  ['agency: owned phrase', OWNED_PHRASE],
  ['agency: owned phrase denied', OWNED_PHRASE_DENIED],
  ['agency: used by', USED_BY],
  ['agency: went wrong', WENT_WRONG],
  ...OWNERSHIP_GRAMMAR_PATTERNS,
];

/** True when words[j] is a person, a team, a vendor or a tool, not a modifier of the writer's work. */
function otherAgentAt(words: readonly string[], j: number): boolean {
  return OTHER_AGENT.test(words[j].replace(/'s$/, '')) && !WORK_NOUN.test(words[j + 1] ?? '');
}

/** True for "my/our" followed (within two words) by a person, a team, a vendor or a tool: "our contractor pushed". */
export function startsWithOtherAgent(phrase: string): boolean {
  const words = phrase.toLowerCase().match(TOKEN) ?? [];
  if (words[0] !== 'my' && words[0] !== 'our') return false;
  return [1, 2].some((j) => j < words.length && words[j] !== 'team' && otherAgentAt(words, j));
}

/** True for a past-tense or perfect verb form ("mis-set", "misspelt": an irregular form after "mis"). */
export function isPastVerb(word: string): boolean {
  if (IRREGULAR.has(word)) return true;
  // Round eighteen: an irregular past done again ("re-ran", "re-sent").
  if (word.startsWith('re-') && IRREGULAR.has(word.slice(3))) return true;
  if (word.startsWith('mis') && IRREGULAR.has(word.slice(word.startsWith('mis-') ? 4 : 3))) return true;
  return word.length > 4 && word.endsWith('ed') && !NOT_PAST.has(word);
}

/** True when the sentence has a first-person agent of a past act next to a failure or change. */
export function firstPersonAgent(sentence: string): boolean {
  if (OWNED_PHRASE.test(sentence) && !OWNED_PHRASE_DENIED.test(sentence)) return true;
  if (ownsInOtherShapes(sentence)) return true;
  const apology = APOLOGY_WORD.test(sentence);
  // The failure must be in the act's own clause ("the CDN cached the wrong page; we purged it" owns nothing).
  return clauses(sentence, AGENT_CLAUSE_BREAK).some((clause) => {
    if (!apology && !FAILURE.test(clause) && !OMISSION_AFTER_ACT.test(clause)) return false;
    const strong = STRONG.test(clause) || CONSEQUENCE.test(clause);
    const words = wordsOf(clause);
    for (let i = 0; i < words.length; i++) {
      if (ownWorkAsCause(words, i)) return true;
      const start = subjectEnd(words, i);
      if (start < 0 || conditional(words, i)) continue;
      const pronoun = words[i] !== 'my' && words[i] !== 'our';
      const verb = verbAfter(words, start, pronoun, WENT_WRONG.test(clause));
      if (verb === undefined || (!pronoun && sufferedIt(words, verb, start))) continue;
      if (pronoun && ((REPAIR_VERB.has(verb) && !strong) || NEW_VERSION_FIX.test(clause))) continue;
      // Round twelve: an upgrade owns only where its clause names a failure ("we upgraded the compiler and the code no
      // longer compiled"); after another's defect, "We upgraded the library and added pool monitoring" is the repair.
      if (pronoun && verb === 'upgraded' && !strong && !FAILURE_ONLY.test(clause) && !NO_LONGER.test(clause)) continue;
      return true;
    }
    return false;
  });
}

/**
 * A repair or a safeguard told as an act: a clause without failure words whose subject is "I"
 * or "we" (or, chat style, nobody) and whose verb is a past or perfect act that is not a report
 * ("I've added redirects for the old paths", "Isolated it.", "We reindexed from the snapshot").
 * `afterFirstClause`: only clauses after the first count (the message's opening states the failure).
 */
export function firstPersonAct(sentence: string, afterFirstClause = false): boolean {
  return clauses(sentence).some((clause, index) => {
    if ((afterFirstClause && index === 0) || FAILURE_ONLY.test(clause)) return false;
    const words = wordsOf(clause);
    if (words.length > 0 && isPastVerb(words[0]) && !NOT_AGENT.has(words[0]) && !NOT_AN_ACT.has(words[0])) return true;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!(w === 'i' || w === 'we' || w === "i've" || w === "we've") || conditional(words, i)) continue;
      const verb = verbAfter(words, i + 1, true);
      if (verb !== undefined && !NOT_AN_ACT.has(verb)) return true;
    }
    return false;
  });
}

/** Clauses split at semicolons, colons and dashes (commas join too much to split on); the agent reader keeps clock times whole. */
function clauses(sentence: string, breaks: RegExp = CLAUSE_BREAK): string[] {
  return sentence.split(breaks).filter((c) => c.trim().length > 0);
}

function wordsOf(clause: string): string[] {
  return (plainClauseText(clause.toLowerCase()).match(TOKEN) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** "…traces back to my cookie change": the writer's own work named as the cause. */
function ownWorkAsCause(words: readonly string[], i: number): boolean {
  if ((words[i] !== 'my' && words[i] !== 'our') || i === 0) return false;
  const before = words.slice(Math.max(0, i - 4), i);
  // "not because of my code" denies it; "that may be from my script" only guesses.
  if (!MINE_AS_CAUSE.test(before.slice(-3).join(' ') + ' ') || before.some((w) => NEGATION.has(w) || w.endsWith("n't") || CONDITION.has(w))) return false;
  // "were deleted from my working copy": after a participle "from" names a place, not a cause.
  if (before[before.length - 1] === 'from' && before.length > 1 && isPastVerb(before[before.length - 2]) && before[before.length - 2] !== 'came') return false;
  // "a library used by our API": after a verb of using, "by" names who uses it, not a cause.
  if (before[before.length - 1] === 'by' && USED_BY.test(before[before.length - 2] ?? '')) return false;
  // The phrase ends at punctuation ("from my merge, sorry"); a person in it is someone else's work.
  for (let j = i + 1; j < Math.min(words.length, i + 5) && !/^[,;:()—–]$/.test(words[j]); j++) {
    if (OTHER_AGENT.test(words[j].replace(/'s$/, ''))) return false;
  }
  if (/^[,;:()—–]$/.test(words[i + 1] ?? ',')) return false;
  return i + 1 < words.length;
}

/**
 * Where the verb search starts when a first-person subject begins at `i`, or -1: "I", "we",
 * "I've", "we've" (not "I'm", "we'll": present and future), or "my/our" and a noun phrase of at
 * most four words that is not another agent.
 */
function subjectEnd(words: readonly string[], i: number): number {
  const w = words[i];
  // "We, the mobile team, shipped …": a short apposition between the subject and its verb.
  if (w === 'we' && words[i + 1] === ',') {
    const close = words.slice(i + 2, i + 7).indexOf(',');
    if (close > 0) return i + 3 + close;
  }
  if (w === 'i' || w === 'we' || w === "i've" || w === "we've" || w === "i'd" || w === "we'd") return i + 1;
  if (w !== 'my' && w !== 'our') return -1;
  // After a preposition or a verb, "my X" is an object ("to our users", "the linter auto-fixed my imports").
  // "after/before my X <verb>" opens a clause with its own subject ("after my cleanup job deleted …").
  const prev = i > 0 ? words[i - 1] : '';
  if (prev && ((PREPOSITION.test(prev) && prev !== 'after' && prev !== 'before') || REPAIR_VERB.has(prev) || isPastVerb(prev))) return -1;
  let afterPreposition = false;
  // Round eighteen: up to nine words ("my change to the shared docker base image dropped curl").
  for (let j = i + 1; j < Math.min(words.length, i + 10); j++) {
    // "my rename of the user column": a person after a preposition is not the head of the phrase.
    afterPreposition ||= PREPOSITION.test(words[j]);
    if (otherAgentAt(words, j) && !/^(?:team|ai)$/.test(words[j]) && !afterPreposition) return -1;
    if (/^(?:[,;:()—–]|and|but|so|or|while|when)$/.test(words[j]) || CONDITION.has(words[j])) return -1;
    if (/^(?:that|which|who)$/.test(words[j])) return j + 1 < words.length && isPastVerb(words[j + 1]) ? j + 1 : -1;
    // After "a/an/the" a participle is an adjective ("my imports into a broken state").
    if (j > i + 1 && /^(?:a|an|the)$/.test(words[j - 1])) continue;
    // "my scratch branch was force-pushed": a passive names no doer.
    if (isPastVerb(words[j]) && /^(?:was|were|been|got|is|are)$/.test(words[j - 1])) return -1;
    if (j > i + 1 && (isPastVerb(words[j]) || words[j] === 'has' || words[j] === 'had' || words[j] === 'have')) return j;
  }
  return -1;
}

/**
 * "our sync broke.", "my build failed": the thing named was hit, it did nothing. A failure verb
 * with no object (the sentence or clause ends, or a time or place follows) tells of a victim.
 */
function sufferedIt(words: readonly string[], verb: string, from: number): boolean {
  if (VICTIM_VERB.has(verb)) return true;
  if (verb !== 'broke' && verb !== 'broken') return false;
  const at = from + words.slice(from, from + 8).indexOf(verb);
  const next = words[at + 1];
  return next === undefined || /^(?:[,;:()—–]|and|but|for|on|in|at|after|when|again|because|during|overnight|yesterday|today|this|last|around|while|so)$/.test(next);
}

/** A conditional or hedged clause: "if I broke anything", "whoever merged". */
function conditional(words: readonly string[], i: number): boolean {
  for (let j = Math.max(0, i - 3); j < i; j++) {
    if (CONDITION.has(words[j])) return true;
    if (/^[,;:()—–]$/.test(words[j])) return false;
  }
  return false;
}

/** The past or perfect verb after a subject, skipping a parenthesis, adverbs and auxiliaries; undefined when negated or absent. */
function verbAfter(words: readonly string[], from: number, pronoun: boolean, wentWrong = false): string | undefined {
  let j = from;
  if (words[j] === '(') {
    // A short parenthesis only ("we (platform) pushed"); looking no further keeps one pass linear.
    const close = words.slice(j, j + 7).indexOf(')');
    if (close < 0) return undefined;
    j += close + 1;
  }
  for (let seen = 0; j < words.length && seen < 4; j++, seen++) {
    const w = words[j];
    if (NEGATION.has(w) || w.endsWith("n't") || CONDITION.has(w) || w === 'only') return undefined;
    if ((w === 'had' || w === 'has' || w === 'have') && j + 1 < words.length && isPastVerb(words[j + 1])) continue;
    if (isPastVerb(w)) {
      if (pronoun && NOT_AGENT.has(w) && !(wentWrong && REPORTED_ACT.has(w))) return undefined;
      if (!pronoun && (w === 'was' || w === 'were' || w === 'been')) return undefined;
      return w;
    }
    if (!pronoun && (w === 'had' || w === 'has')) return w;
    if (!BETWEEN.has(w) && !w.endsWith('ly')) return undefined;
  }
  return undefined;
}
