/**
 * Too little, told by playing the impact down or the failure with no doer. In the shapes blind13
 * and blind14 used (round thirteen):
 * - the impact played down by a clause of its own: the failure as the price of speed ("the cost
 *   of moving fast"), as how things are ("that's just how CI is sometimes"), a small word for the
 *   mistake ("a little whoopsie"), "just staging", "nothing really important", "within what we'd
 *   consider normal noise", "low priority", "low impact", "a minor annoyance at worst", "an hour of
 *   sign-ups on a Sunday is nothing", "traffic was low anyway", readers told not to worry about
 *   it; none at the local radius, where nobody else was affected;
 * - the failure told with no doer at the local radius: things that "seem to have vanished", a
 *   flag that "was left on", tests "disabled at some point";
 * - sorry for what readers heard or felt ("sorry to hear that …", "has felt unreliable to some of
 *   you").
 * In the shapes blind15-21 used (round fourteen):
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
import { type FlagRule, PASSIVE_VOICE, rx } from './ruleParts';

const SHAPES_BLIND13_14: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:just\s+|simply\s+)?the\s+(?:cost|price)\s+of\s+(?:moving\s+fast|doing\s+business|progress|shipping\s+fast|speed|velocity|innovation)\b`,
      String.raw`\bthat'?s\s+(?:just\s+|simply\s+)?how\s+(?:it\s+goes|(?:[\w-]{1,40}\s+)?(?:is|are|goes|works)\s+sometimes)\b`,
      String.raw`\b(?:little|tiny|small|minor|wee|teeny)\s+(?:whoopsie|oopsie|whoops|oops|boo-?boo|snafu|mishap|slip-?up|goof)\b`,
      String.raw`\b(?:it\s+was|it'?s|it\s+is|that\s+was|that'?s)\s+(?:just|only)\s+(?:staging|qa|dev|test|sandbox|the\s+(?:staging|qa|dev|test|sandbox)\s+[\w-]{1,40})\b`,
      String.raw`\bnothing\s+(?:really\s+|very\s+|too\s+|that\s+)?(?:important|critical|significant|valuable)\b`,
      String.raw`\bwithin\s+(?:[\w'-]{1,40}\s+){1,5}?noise\b|\b(?:so|hence|thus)\s+(?:it'?s\s+|it\s+is\s+)?low\s+(?:priority|impact)\b|\bit'?s\s+low\s+impact\b`,
      String.raw`\b(?:a\s+)?(?:minor|small|mild|slight)\s+(?:annoyance|inconvenience|nuisance|irritation)\s+at\s+(?:worst|most)\b`,
      String.raw`\b(?:minutes?|hours?|an\s+hour|days?)\s+of\s+(?:[\w-]{1,40}\s+){1,5}?(?:is|was|are|were)\s+(?:really\s+|honestly\s+|basically\s+|practically\s+)?(?:nothing|not\s+much|no\s+big\s+deal)\b`,
      String.raw`\b(?:traffic|usage|load|volume)\s+was\s+(?:pretty\s+|really\s+|quite\s+|very\s+)?(?:low|light|quiet|tiny|small)\s+anyway\b`,
      String.raw`\b(?:don'?t|do\s+not|no\s+need\s+to)\s+worry\s+about\s+it\b`,
    ]),
    explanation: 'This plays the impact down; say plainly who was affected and for how long, and let readers judge the size.',
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`(?<!\b(?:i|we)\s)\b(?:appears?|seems?|seemed|appeared)\s+to\s+have\s+(?:been\s+)?(?:[a-z]{2,20}ed|lost|vanished|disappeared|gone\s+missing|broken|gone)\b`,
      String.raw`\b(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]{2,20}ed|set|put|left|broken|turned\s+off)\s+at\s+some\s+point\b`,
      String.raw`\b(?:was|were|got|had\s+been)\s+left\s+(?:on|enabled|running|active|behind)\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: () => 'I did this',
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\bsorry\s+to\s+hear\s+(?:that|about)\b`,
      String.raw`\bfelt\s+(?:[\w-]{1,40}\s+){0,2}?to\s+(?:some\s+of\s+you|some\s+(?:people|users|folks|teams)|you|people|users)\b`,
    ]),
    explanation: 'This apologises for how people felt, not for what happened; apologise for the breakage itself.',
    rewrite: () => 'sorry for the breakage I caused',
  },
];

const SHAPES_BLIND15_21: readonly FlagRule[] = [
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

export const PLAY_DOWN_RULES: readonly FlagRule[] = [...SHAPES_BLIND13_14, ...SHAPES_BLIND15_21];
