/**
 * Round nine: too little and too much in apologies, by their shape rather than their wording:
 * - sorry for what an audience felt or found ("sorry that customers felt let down", "sorry you
 *   found my branch naming confusing"): an apology word, an audience as the subject, a verb of
 *   feeling or finding, and an emotion or judgement within a few words;
 * - "any" + a harm noun ("apologies for any impact from my change"), the form letter's shape;
 * - a conditional audience with a feeling ("if anyone was confused by …");
 * - mocking oneself with a prize or a low bar ("clown of the week award goes to me", "the level of
 *   competence you should expect from me", "what an absolute clown I am").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { BAD_IDENTITY, FILLER, likeCase, rx, type FlagRule } from './ruleParts';
import { EXPLAIN } from './explanations';

const APOLOGY_WORD = String.raw`(?:sorry|apologi[sz]e|apologies|regret)`;
const AUDIENCE = String.raw`(?:you|you\s+all|y'all|everyone|everybody|anyone|anybody|customers|users|people|folks|some\s+of\s+you|(?:our|some|the|any)\s+(?:customers|users|readers|folks|teams?|partners|clients|on-?call|support\s+team|reviewers?|testers?|[a-z-]{2,20}\s+team))`;
const FEELING = String.raw`(?:let\s+down|frustrat\w{0,6}|upset|confus\w{0,6}|annoy\w{0,6}|disappoint\w{0,6}|inconvenienc\w{0,6}|irritat\w{0,6}|bother\w{0,6}|unhappy|worried|alarmed|offended|hurt|misled|unsettled|stressed)`;
const HARM = String.raw`(?:impact|harm|disruption|inconvenience|troubles?|confusion|difficult(?:y|ies)|delays?|frustration|pain|hassle|disturbance|annoyance|headaches?)`;

export const APOLOGY_SHAPE_RULES: readonly FlagRule[] = [
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b${APOLOGY_WORD}\s+(?:that\s+)?${AUDIENCE}\s+(?:(?:may|might)\s+have\s+|have\s+|had\s+|all\s+)?(?:felt|feel|feels|were|are|was|got|get|found|find|finds|have\s+been)\s+(?:[\w'-]{1,40}\s+){0,4}?${FEELING}\b`,
      String.raw`\bif\s+(?:you|anyone|anybody|someone|any\s+of\s+you|people)\s+(?:was|were|got|felt|is|are)\s+(?:(?:a\s+bit|at\s+all|ever)\s+)?${FEELING}\b`,
    ]),
    explanation: EXPLAIN.FEELINGS,
    rewrite: (m) => likeCase(m, /^if/i.test(m) ? 'to everyone affected' : 'sorry for the breakage I caused'),
  },
  {
    kind: 'non-apology',
    pattern: rx([String.raw`\b(?:for|regret)\s+any\s+${HARM}\b`]),
    explanation: '"Any impact" doubts there was one; name the actual impact and what you did.',
    rewrite: (m) => likeCase(m, 'for the disruption my change caused'),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\b(?:award|prize|trophy|title|crown|badge|medal)\s+(?:(?:for|of)\s+(?:[\w-]{1,40}\s+){0,3}?)?(?:goes|went)\s+to\s+me\b`,
      String.raw`\bwhat\s+(?:an?\s+)?(?:${FILLER}\s+){0,3}${BAD_IDENTITY}\s+i\s+am\b`,
      String.raw`\b(?:competence|incompetence|skill|quality|standard|calibre|caliber)\s+(?:[\w-]{1,40}\s+){0,4}?expect(?:ed)?\s+(?:from|of)\s+me\b`,
    ]),
    explanation: EXPLAIN.PUT_DOWN,
    rewrite: () => 'I made a mistake',
  },
];
