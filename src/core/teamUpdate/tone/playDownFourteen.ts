/**
 * Round fourteen: too little, in shapes blind15-21 used:
 * - the impact played down by a clause about how little it matters ("nobody cares", "CI breaks all
 *   the time anyway", "most users retry anyway", "hardly worth a postmortem", "a blip, really",
 *   "no real drama", "within our terms"); none at the local radius;
 * - "human error" in other words and languages ("human mistake", "menschliches Versagen", "error humano");
 * - conditional or vague regret ("apologies to whoever might have been paged", "I regret it if …",
 *   "sorry for whatever confusion", "sorry you had a bad experience", "etwaige Unannehmlichkeiten");
 * - the failure told with no doer ("went missing", "got lost", "changed itself", "somehow got
 *   activated", "a typo that appeared"), only where the sentence is not owned in the first person.
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { PASSIVE_VOICE, rx, type FlagRule } from './ruleParts';

export const PLAY_DOWN_RULES_14: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:break|breaks|flake|flakes|fail|fails|falls?\s+over|goes?\s+down|go\s+down)\s+all\s+the\s+time\b`,
      String.raw`\b(?:nobody|no\s+one|no-one)\s+(?:really\s+)?(?:cares|reads\s+(?:these|them|it)|tests\s+on|should\s+rely\s+on)\b`,
      String.raw`\b(?:doesn'?t|does\s+not|didn'?t)\s+(?:really\s+)?matter\s+(?:much|a\s+lot)\b|\bnot\s+(?:a\s+)?(?:huge|big|real)\s+(?:deal|drama)\b|\bno\s+(?:real\s+|big\s+)?drama\b|\bnot\s+really\s+an?\s+(?:incident|outage)\b`,
      String.raw`\bnever\s+hurt\s+(?:anyone|anybody)\b|\bhardly\s+worth\s+(?:a|an|the)\b|\ba\s+blip,?\s+really\b|\bwhich\s+is\s+nothing\b|\bis\s+for\s+breaking\b|\bit'?s\s+(?:a\s+one-off|staging,)`,
      String.raw`\bimpact\s*:\s*negligible\b|\b(?:normal|usual|common)\s+in\s+the\s+industry\b|\bwithin\s+our\s+(?:terms|sla)\b|\bwell\s+(?:inside|within)\s+what\b|\bwouldn'?t\s+expect\s+any\s+real\s+impact\b|\bis\s+a\s+nice-to-have\b`,
      String.raw`\bpeople\s+can\s+(?:just\s+)?(?:tether|retry|wait|refresh)\b|\b(?:most|many)\s+(?:users|people|customers|shoppers)\s+(?:[\w-]{1,40}\s+){0,3}?anyway\b|\b(?:customers|users|people)\s+generally\s+ignore\b`,
    ]),
    explanation: 'This plays the impact down; say plainly who was affected and for how long, and let readers judge the size.',
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'human-error',
    pattern: rx([String.raw`\bhuman\s+mistakes?\b|\bmenschliches\s+versagen\b|\berror\s+humano\b|\berreur\s+humaine\b|\berrore\s+umano\b`]),
    explanation: '"Human error" names no cause; say which safeguard was missing (a test, a check, a review step).',
    rewrite: () => 'a missing check',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:apologies|sorry|regret\s+(?:it|any)?)\s+(?:[\w-]{1,40}\s+){0,3}?(?:whoever|anyone\s+who)\s+(?:might|may)\b`,
      String.raw`\bregret\s+it\s+if\b|\bregret\s+any\s+(?:[\w-]{1,40}\s+){0,2}?(?:may|might)\b|\bsorry\s+for\s+whatever\b|\bsorry\s+(?:that\s+)?you\s+had\s+a\s+bad\b|\betwaige\b`,
    ]),
    explanation: 'This apologises for what may have happened, not for what did; name what broke and for whom.',
    rewrite: () => 'sorry for the breakage I caused',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:went|gone|go)\s+(?:missing|poof)\b|\bgot\s+lost\b|\bchanged\s+itself\b|\bended\s+up\s+in\b|\bthat\s+appeared\b|\bsomehow\s+(?:got|went|was|were)\b|\bgot\s+(?:[\w-]{1,40}\s+){0,2}?(?:filled|activated)\s+somehow\b|\bgot\s+(?:its|a|the)\s+(?:[\w.-]{1,40}\s+)?committed\s+somehow\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: () => 'I did this',
    unlessOwned: 'sentence',
  },
];
