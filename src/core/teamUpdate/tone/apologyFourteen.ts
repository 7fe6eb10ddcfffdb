/**
 * Round fourteen: too much, in shapes blind15-21 used:
 * - an apology said twice in another language or intensified there ("Verzeihung, Verzeihung",
 *   "lo siento, de verdad lo siento", "lo siento tantísimo", "es tut mir wirklich, wirklich leid");
 * - the writer declared unfit or a hazard ("I shouldn't have merge rights", "can't read a stack
 *   trace to save my life", "I'm a one-man outage", "the dumbest engineer in this company",
 *   "docker and me should be kept apart by law").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { rx, type FlagRule } from './ruleParts';

const FOREIGN_APOLOGY = String.raw`(?:verzeihung|entschuldigung|gomen(?:nasai)?|sumimasen|perd[oó]n|desculpa|scusa|scusami|pardon|lo\s+siento)`;

export const APOLOGY_RULES_14: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${FOREIGN_APOLOGY}[\s,!.-]{1,3}(?:de\s+verdad\s+|really\s+)?${FOREIGN_APOLOGY}\b`,
      String.raw`\blo\s+siento\s+(?:tant[ií]simo|much[ií]simo|mucho)\b|\blo\s+sentimos\s+(?:profundamente|much[ií]simo|mucho)\b`,
      String.raw`\btut\s+(?:mir|uns)\s+(?:[a-z]{2,20},?\s+){0,3}?(?:wirklich|furchtbar|schrecklich|sehr|unglaublich|unendlich)\s+leid\b`,
      String.raw`\bsorry\s+beyond\s+(?:measure|words)\b|\b(?:we\s+are|we'?re)\s+(?:so\s+|truly\s+|deeply\s+)?mortified\b`,
    ]),
    explanation: 'One plain "sorry" is enough; intensifying it makes the message about you instead of the fix.',
    rewrite: () => 'sorry',
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi\s+(?:[a-z]{2,20}ly\s+)?(?:shouldn'?t|should\s+not|don'?t|do\s+not)\s+(?:have|deserve|get)\s+(?:merge|commit|push|deploy|prod|production|admin|release)\s+(?:rights|access|permissions?)\b`,
      String.raw`\bto\s+save\s+my\s+life\b`,
      String.raw`\bi(?:'?m|\s+am)\s+(?:[a-z]{2,20}ly\s+|really\s+)?(?:a|an)\s+(?:[\w-]{1,40}\s+){0,2}?(?:danger|outage|generator|menace|hazard)\b`,
      String.raw`\b(?:dumbest|stupidest|clumsiest|most\s+stupid|most\s+careless)\s+(?:[\w-]{1,40}\s+)?(?:engineer|person|developer|dev|human|member|one)\b`,
      String.raw`\b(?:we|i)\s+(?:were|was|am|are|'m|'re)\s+(?:so\s+|really\s+)?(?:stupid|dumb|idiots)\b|\b(?:catastrophically|unbelievably|incredibly|embarrassingly)\s+(?:stupid|dumb)\b`,
      String.raw`\band\s+me\s+(?:should\s+be\s+kept\s+apart|,?\s*bad\s+combination|don'?t\s+mix)\b|\bi'?m\s+not\s+ready\s+for\s+(?:release|on-?call|prod|production|deploy)\b`,
    ]),
    explanation: 'Running yourself down does not help the reader; say what broke and what you changed.',
    rewrite: () => '',
  },
];
