/**
 * Round eight: ownership in shapes the agent reader (agency.ts) misses, as grammar rather than
 * as verbs from a list:
 * - a plain (present) verb form for a past act, as non-native writers often use, in a clause that
 *   names an accident: "Yesterday I change the config and put 10 instead of 100", "I deploy the
 *   service with the wrong table" (not habits: "when I deploy", "I always merge");
 * - the writer's team named in apposition without commas: "We on platform broke the pipeline";
 * - owning in set phrases: "I take full responsibility", "I'm to blame", "we got it wrong", a
 *   cleft on the writer's work ("it was my script that wiped the cache").
 * Every pattern is anchored on a literal word with bounded gaps (linear on any input).
 */

// The writer, then an adverb at most, then a verb of doing in its plain form.
const PLAIN_ACT = /\b(?:i|we)\s+(?:(?:just|accidentally|mistakenly|also|then)\s+)?(?:change|deploy|push|merge|delete|drop|run|break|put|set|make|forget|ship|release|commit|remove|rename|upgrade|update|apply|type|paste|wipe|overwrite|skip|configure|migrate|send|copy|click|choose|select|enable|disable|restart|truncate|use|give|write|load)\s/gi;
// What makes that act an accident: a wrong thing, a swap, a mistake.
const ACCIDENT = /\b(?:wrong|instead\s+of|by\s+(?:mistake|accident)|accidentally|mistakenly|(?:the|a)\s+mistake|typo)\b/i;
// Words before the writer that make the act a habit, a plan or a condition: "when I deploy", "I always …".
const NOT_A_PAST_ACT = /\b(?:if|when|whenever|before|after|unless|until|once|every|each|always|usually|often|never|will|would|could|should|can|to|how|don'?t|do\s+not)\s+(?:[\w']{1,40}\s+)?$/i;
const CLAUSE_BREAK = /[;:—–]|,\s+(?:but|so)\s+/;
// "We on platform broke …", "we in the data team shipped …": the writer's own team between the subject and its act.
const WE_ON_TEAM = /\bwe\s+(?:on|in|at|from)\s+(?:the\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:team\s+|squad\s+)?(?:broke|took\s+down|brought\s+down|caused|introduced|shipped|pushed|deployed|merged|released|misconfigured|deleted|dropped|wiped|set|ran|made)\b/i;
const FAILURE_HINT = /\b(?:broke|broken|break\w*|fail\w*|down|outage|bugs?|buggy|wrong|bad|crash\w*|errors?|caused|mistakes?|typos?|regress\w*|reject\w*|dropp\w*|lost|mismatch\w*)\b/i;
// Owning in a set phrase.
const OWNING_PHRASE = new RegExp(
  [
    String.raw`\b(?:i|we)\s+(?:take|accept|bear)\s+(?:full\s+|complete\s+|total\s+)?(?:responsibility|the\s+blame|ownership)\b`,
    String.raw`\b(?:i|we)\s+(?:was|were)\s+(?:fully\s+|directly\s+|solely\s+)?responsible\b`,
    String.raw`\b(?:i'?m|i\s+am|we'?re|we\s+are|i\s+was|we\s+were)\s+(?:the\s+one\s+)?to\s+blame\b|\b(?:the\s+)?blame\s+(?:is|lies)\s+(?:with\s+)?(?:mine|ours|me|us)\b|\bblame\s+me\b`,
    // "We'd mis-set the TTL", "I misread the ticket": a verb that is itself a mistake.
    String.raw`\b(?:i|we)(?:'d|'ve|\s+had|\s+have)?\s+(?:(?:just|accidentally|also)\s+)?mis(?:-[a-z]{2,20}|(?!s)[a-z]{2,20})\b`,
    // The writer inside a relative clause on the thing that failed: "Our nightly job, which I wrote, double-charged …".
    String.raw`\b(?:my|our|the)\s+(?:[\w-]{1,40}\s+){0,3}?[\w-]{1,40},\s+which\s+(?:i|we)\s+(?:wrote|built|set\s+up|made|shipped|configured|[a-z]{2,20}ed)(?:\s+[\w-]{1,40}){0,3}?,\s+(?:[\w-]{1,40}\s+)?(?:[a-z-]{2,30}ed|broke|took|ran|sent|lost|wiped|made|dropped|deleted)\b`,
    // "A config push of mine cut off webhook delivery".
    String.raw`\b(?:a|an|the|that|this)\s+(?:[\w-]{1,40}\s+){0,2}?(?:change|commit|push|deploy|script|config|migration|query|rule|job|mistake|typo|bug|pr|patch|release|edit|setting)\s+of\s+(?:mine|ours)\b`,
    String.raw`\b(?:i|we)\s+got\s+(?:it|this|that|the\s+[\w-]{1,40}(?:\s+[\w-]{1,40})?)\s+wrong\b`,
    // Round nine: an omission of the writer's diligence: "we hadn't noticed", "we didn't act on it", "I never renewed it".
    String.raw`\b(?:i|we)\s+(?:had\s+not|hadn'?t|did\s+not|didn'?t|never|failed\s+to)\s+(?:(?:even|actually|properly|ever)\s+)?(?:noticed?|checked?|tested?|caught|catch|renew(?:ed)?|updated?|act(?:ed)?\s+on|verif(?:y|ied)|monitor(?:ed)?|validated?|pinned|pin|rotated?|back(?:ed)?\s+up|realized?|realised?|consider(?:ed)?)\b`,
    String.raw`\b(?:it|this|that)(?:'s|\s+is|\s+was)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+){0,2}?[\w-]{1,40}\s+(?:that|which)\s+(?:[\w-]{1,40}\s+)?(?:broke|caused|took|brought|killed|wiped|dropped|deleted|failed|[a-z]{2,20}ed)\b`,
    // Round sixteen: the writer's work and the failure as a pair of possessives ("our deploy, our outage", "my script,
    // my mess"); the writer at a post who let the failure through ("I was on call and missed the page"); the writer's
    // thing sent to the wrong place ("my test alert went to the real pager service"); a first-person act in German,
    // Spanish or French ("ich habe den cache geflusht", "yo rompí search", "j'ai supprimé").
    String.raw`\b(?:my|our)\s+[\w-]{2,20},\s+(?:my|our)\s+(?:outage|fault|mess|incident|mistake|problem|bug|breakage|screw-?up|doing|bad)\b`,
    String.raw`\b(?:i|we)\s+(?:was|were)\s+(?:[\w-]{1,40}\s+){1,5}?and\s+(?:then\s+)?(?:missed|forgot|slept\s+through|ignored|acked|snoozed|muted|overlooked|fell\s+asleep|skipped|didn'?t|never|mis[a-z]{3,20}ed|(?:[a-z]{2,20}ed|sent|ran|put|set|gave)\s+(?:[\w-]{1,40}\s+){0,5}?(?:the|a)\s+wrong)\b`,
    String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+){0,3}?(?:went|got\s+sent|was\s+sent|were\s+sent|posted|fired)\s+(?:out\s+)?(?:to|against|on|in)\s+(?:the\s+)?(?:real|wrong|live|production|prod|actual|public)\b`,
    String.raw`\b(?:ich|wir)\s+(?:habe|hab|haben)\s+(?:[\w-]{1,40}\s+){0,4}?ge[a-zäöüß]{2,20}(?:t|en)\b|\byo\s+(?!s[eé]\b)[a-záéíóúñ]{3,20}(?:[eé]|[ií])\b|\bj'ai\s+(?:[\w-]{1,40}\s+){0,2}?[a-z]{2,20}é\b`,
  ].join('|'),
  'i',
);
const NEGATED_BEFORE = /\b(?:not|never|no|\w{1,30}n't|if|whether|unless)\s+(?:[\w']{1,40}\s+)?$/i;

/** Every pattern this file runs, named, for the linear-time test. */
export const OWNERSHIP_GRAMMAR_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['ownership grammar: plain act', PLAIN_ACT],
  ['ownership grammar: accident', ACCIDENT],
  ['ownership grammar: not a past act', NOT_A_PAST_ACT],
  ['ownership grammar: clause break', CLAUSE_BREAK],
  ['ownership grammar: we on a team', WE_ON_TEAM],
  ['ownership grammar: failure hint', FAILURE_HINT],
  ['ownership grammar: owning phrase', OWNING_PHRASE],
  ['ownership grammar: negated before', NEGATED_BEFORE],
];

/** True when the sentence owns the failure in one of round eight's shapes. */
export function ownsInOtherShapes(sentence: string): boolean {
  const phrase = OWNING_PHRASE.exec(sentence);
  if (phrase && !NEGATED_BEFORE.test(sentence.slice(Math.max(0, phrase.index - 30), phrase.index))) return true;
  return sentence.split(CLAUSE_BREAK).some((clause) => plainPastAct(clause) || (WE_ON_TEAM.test(clause) && FAILURE_HINT.test(clause)));
}

/** "Yesterday I change the rate limit and put 10 instead of 100": a plain verb for a past accident. */
function plainPastAct(clause: string): boolean {
  if (!ACCIDENT.test(clause)) return false;
  for (const m of clause.matchAll(PLAIN_ACT)) {
    const at = m.index ?? 0;
    if (!NOT_A_PAST_ACT.test(clause.slice(Math.max(0, at - 30), at)) && ACCIDENT.test(clause.slice(at))) return true;
  }
  return false;
}
