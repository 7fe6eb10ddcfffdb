/**
 * Round thirteen: too little, in shapes blind13 and blind14 used:
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
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { PASSIVE_VOICE, rx, type FlagRule } from './ruleParts';

export const PLAY_DOWN_RULES: readonly FlagRule[] = [
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
