/**
 * A named person or product that is in the message without being blamed: spoken to ("Sorry,
 * Zofia - my rebase dropped your commits", "PR reply: Ingrid, you were right"), cleared by the
 * writer ("Keyhold didn't fail us", "nothing was wrong on Pagesmith's side", "Postlane was fine"),
 * or with the writer while the writer did it ("while Callum was pairing with me"). The naming flag
 * for such a name reads as blame where the message puts none; agentFlags.ts asks these first.
 * Each pattern is anchored at one end of a short window and every gap is bounded (linear).
 */

// A short label the message may open with ("PR comment:", "handoff:"), but not one that names a cause.
const LABEL = String.raw`(?:(?!(?:root\s+)?cause|culprit|blame|why|who)[a-z][a-z ]{0,24}:\s{1,3})?`;
// Apology words in the languages the sets use, each of which a name can be spoken to after.
const APOLOGY_WORDS = String.raw`(?:sorry|apologies|my\s+apologies|leid|perd[oó]n|lo\s+siento|d[ée]sol[ée]e?|gomen(?:nasai)?|sumimasen|desculpa|scusa|mi\s+dispiace|przepraszam)`;
// Before a name spoken to: the sentence start (after a label), a greeting, or an apology and its intensifiers.
const SPOKEN_LEAD = new RegExp(
  String.raw`^\W{0,3}(${LABEL})((?:(?:hey|hi|hello|dear|thanks|heads\s+up|fyi|so|really|terribly|incredibly|truly|very|deeply|furchtbar|mucho|tut\s+mir|es|[a-z]{3,20}ly|${APOLOGY_WORDS}|i'?m|i\s+am)[\s,]{1,3}){0,5})$`,
  'i',
);
// After it: a comma, a colon, a spaced dash, or the writer (or "you") speaking at once.
const SPOKEN_TAIL = /^(?:\s*[,:—–]|\s+-\s|\s+(?:i|i'm|i've|im|my|we|we're|you|you're|you've)\b)/i;
// After a label alone ("handoff: Amara, I owe you"), only the writer or "you" at once: "Cause: Tom, our on-call, …" is no address.
const SPOKEN_TAIL_AFTER_LABEL = /^(?:\s*[,:—–]\s{0,3}|\s+-\s+|\s+)(?:i|i'm|i've|im|we|we're|you|you're|you've)\b/i;
// A name between commas in a sentence that apologises, not followed by a verb: "the spam from my fork, Diego, and apologies again".
const BETWEEN_COMMAS_LEAD = /,\s{0,3}$/;
const BETWEEN_COMMAS_TAIL = /^\s{0,3},\s{0,3}(?!(?:who|which|[a-z]{2,20}ed|broke|ran|did|had|was|were|is|made|took|forgot|left|wrote|pushed|sent)\b)/i;
const APOLOGISES = new RegExp(String.raw`\b(?:${APOLOGY_WORDS}|apologi[sz]e|owe\s+you)\b`, 'i');

// A name that ends the clause spoken to, after a comma ("sorry if my setup slowed our session, Deepa; reinstalled").
const CLAUSE_END = /^\s{0,3}(?:[;.!?]|$)/;
// A product the writer owns ("my local Postgres"), not a person; "my colleague Aiko" is still a person.
const OWNED_THING = /\b(?:my|our)\s+(?:(?!(?:colleague|teammate|coworker|co-worker|friend|manager|lead|intern|boss|reviewer|pair|buddy)\b)[a-z][\w-]{1,30}\s+)?$/;
// Cleared: the name's own predicate says it did nothing wrong.
const CLEARED_AFTER =
  /^(?:'s|’s|')?\s+(?:[a-z][\w-]{1,30}\s+){0,2}?(?:(?:didn'?t|did\s+not|never)\s+(?:fail|break|cause|do\s+anything\s+wrong)|did\s+nothing\s+wrong|(?:was|were|is|are|has\s+been|had\s+been)\s+(?:fine|healthy|ok|okay|innocent|up|not\s+(?:at\s+fault|the\s+(?:cause|problem)|to\s+blame))\b|(?:behaved|worked|performed|did)\s+(?:exactly\s+)?(?:as|what)\s+(?:configured|expected|designed|documented|intended|(?:we|i)\s+(?:told|asked|configured|set))\b)/i;
// "nothing was wrong on Pagesmith's side", "no fault at Skyvale".
const CLEARED_BEFORE = /\b(?:nothing\s+(?:was\s+|went\s+)?wrong|no\s+(?:fault|problem|issue|bug)s?|not\s+(?:a|an)\s+(?:[\w-]{1,30}\s+)?(?:problem|issue|bug|fault))\s+(?:was\s+)?(?:on|at|with|in|from)\s+$/i;
// "The network outage was Skyvane's, but the missing failover was ours": the writer's part conceded after it.
const CONCEDED_AFTER = /^(?:'s|’s|')?[^.!?]{0,80}?\bbut\s+(?:[\w-]{1,30}\s+){0,5}?(?:(?:was|is|were|are)\s+(?:ours|mine|on\s+(?:us|me))|(?:we|i)\s+(?:configured|set\s+it|set\s+up|deployed|shipped|pushed|broke|caused|missed|forgot))\b/i;
// With the writer while the writer did it: "while Callum was pairing with me", "as Ana sat with us".
// Round eighteen: hit by the writer's act told first ("My PR deleted the fixtures; Femi's and Mei's suites failed"): a
// possessive name whose thing only suffered, after a clause whose subject is the writer or the writer's work.
const HIT_AFTER_WRITER = /\b(?:I|[Ww]e|[Mm]y\s+[\w-]{1,30}|[Oo]ur\s+[\w-]{1,30})\s+(?:[a-z]{2,20}ly\s+)?(?:[a-z]{2,20}ed|broke|wiped|took|ran|ate|overwrote)\b[^.!?]{0,80}[;,—–]\s{0,3}(?:[A-Z][\w-]{1,30}(?:'s|’s)\s+(?:and|&)\s+)?$/;
const ONLY_SUFFERED = /^(?:'s|’s)\s+(?:(?:and|&)\s+[A-Z][\w-]{1,30}(?:'s|’s)\s+)?(?:[a-z][\w-]{1,30}\s+){0,2}?(?:failed|crashed|errored|hung|stalled|timed\s+out|went\s+(?:red|down|blank)|stopped\s+working|were\s+(?:blocked|broken|red)|was\s+(?:blocked|broken|red))\b/;
const WITH_WRITER = /^\s+(?:was|were|sat|had\s+been)\s+(?:[a-z]{2,20}ing\s+)?(?:with|next\s+to)\s+(?:me|us)\b/i;

export const NOT_BLAMED_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['not blamed: spoken lead', SPOKEN_LEAD],
  ['not blamed: spoken tail', SPOKEN_TAIL],
  ['not blamed: spoken tail after a label', SPOKEN_TAIL_AFTER_LABEL],
  ['not blamed: between commas lead', BETWEEN_COMMAS_LEAD],
  ['not blamed: between commas tail', BETWEEN_COMMAS_TAIL],
  ['not blamed: apologises', APOLOGISES],
  ['not blamed: clause end', CLAUSE_END],
  ['not blamed: owned thing', OWNED_THING],
  ['not blamed: cleared after', CLEARED_AFTER],
  ['not blamed: cleared before', CLEARED_BEFORE],
  ['not blamed: conceded after', CONCEDED_AFTER],
  ['not blamed: with the writer', WITH_WRITER],
  ['not blamed: hit after the writer', HIT_AFTER_WRITER],
  ['not blamed: only suffered', ONLY_SUFFERED],
];

// How far either side of a name is read.
const REACH = 160;

/** True when the name at `at` in the sentence is spoken to, cleared, or only with the writer. */
export function notBlamed(sentence: string, at: number, name: string): boolean {
  const before = sentence.slice(Math.max(0, at - REACH), at);
  const after = sentence.slice(at + name.length, at + name.length + REACH);
  const lead = at <= REACH ? SPOKEN_LEAD.exec(before) : null;
  if (lead && (lead[1] && !lead[2] ? SPOKEN_TAIL_AFTER_LABEL : SPOKEN_TAIL).test(after)) return true;
  if (BETWEEN_COMMAS_LEAD.test(before) && BETWEEN_COMMAS_TAIL.test(after) && APOLOGISES.test(sentence.slice(0, at + REACH))) return true;
  if (BETWEEN_COMMAS_LEAD.test(before) && CLAUSE_END.test(after) && APOLOGISES.test(sentence.slice(0, at))) return true;
  if (OWNED_THING.test(before)) return true;
  if (ONLY_SUFFERED.test(after) && HIT_AFTER_WRITER.test(before)) return true;
  return CLEARED_AFTER.test(after) || CLEARED_BEFORE.test(before) || CONCEDED_AFTER.test(after) || WITH_WRITER.test(after);
}
