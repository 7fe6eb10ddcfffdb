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
import { EXPLAIN } from './explanations';

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
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`(?<!\b(?:i|we)\s)\b(?:appears?|seems?|seemed|appeared)\s+to\s+have\s+(?:been\s+)?(?:[a-z]{2,20}ed|lost|vanished|disappeared|gone\s+missing|broken|gone)\b`,
      String.raw`\b(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]{2,20}ed|set|put|left|broken|turned\s+off)(?:\s+(?:up|out|over|around|about))?\s+at\s+some\s+point\b`,
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
    explanation: EXPLAIN.FEELINGS,
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
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'human-error',
    pattern: rx([String.raw`\bhuman\s+mistakes?\b|\bmenschliches\s+versagen\b|\berror\s+humano\b|\berreur\s+humaine\b|\berrore\s+umano\b`]),
    explanation: EXPLAIN.HUMAN_ERROR,
    rewrite: () => 'a missing check',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:apologies|sorry|regret\s+(?:it|any)?)\s+(?:[\w-]{1,40}\s+){0,3}?(?:whoever|anyone\s+who)\s+(?:might|may)\b`,
      String.raw`\bregret\s+it\s+if\b|\bregret\s+any\s+(?:[\w-]{1,40}\s+){0,2}?(?:may|might)\b|\bsorry\s+for\s+whatever\b|\bsorry\s+(?:that\s+)?you\s+had\s+a\s+bad\b|\betwaige\b`,
    ]),
    explanation: EXPLAIN.MAY_HAVE,
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

const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)days?`;
// When few are about: "at 2am", "on a Sunday", "during the night".
const QUIET_TIME = String.raw`(?:at\s+(?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|night|midnight|that\s+hour|that\s+time)|on\s+(?:a\s+)?(?:${WEEKDAY}|weekends?|the\s+weekend|holidays?)|during\s+(?:the\s+)?(?:night|weekend|holidays?|off-?hours|lunch)|(?:at|over)\s+lunch(?:time)?)`;
/** Words that tell a failure with no doer; toneCheck.ts drops them only where an owned sentence says "I" or "we". */
export const NO_DOER = 'Nothing here says who did it; say "I" (or "we", if the team did it together).';

// In the shapes blind23 and blind24 used (round sixteen), after the writer owned the failure:
// - the impact played down by grading it ("hardly a big deal", "barely an incident"), by calling it how a thing
//   always is ("that's just how main is on Fridays"), by saying nobody is about at that hour ("nobody searches at
//   2am"), or by calling it normal for the day ("honestly normal for a Tuesday"); none at the local radius;
// - regret for how readers felt ("sorry you all felt …", "to any customers who feel …", "came across as noisy to
//   some") or for what the writer's act "may have caused" after any gap;
// - the failure told with no doer even where "my branch" names whose it was: a passive of a setting verb
//   ("was accidentally set", "was left in my checkout", "got committed to my fork"), "ended up", "somewhere along
//   the line", "got truncated overnight somehow": unless a sentence the writer owns says "I" or "we".
const SHAPES_AFTER_OWNING: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:hardly|barely|scarcely)\s+(?:a|an|any)\s+(?:(?:big|real|major|huge|serious|proper)\s+)?(?:deal|incident|outage|problem|issue|disaster|emergency|crisis|catastrophe|drama|impact|blip|hiccup|glitch|bump|dent|ripple|scratch)\b`,
      String.raw`\bthat'?s\s+(?:just|simply)\s+(?:how|the\s+way)\s+(?:[\w-]{1,40}\s+){1,3}?(?:is|are|goes|go|works|work|rolls|runs)\b`,
      String.raw`\b(?:nobody|no\s+one|no-one|hardly\s+anyone|barely\s+anyone)\s+(?:really\s+|even\s+|actually\s+)?[a-z]{2,20}s\s+(?:[\w-]{1,40}\s+){0,2}?(?:${QUIET_TIME}|anyway)\b(?!\s+(?:because|since|as|after|when|so)\b)`,
      String.raw`\b(?:is|was|'s|are|were)\s+(?:honestly\s+|pretty\s+|basically\s+|totally\s+|fairly\s+|just\s+|kind\s+of\s+|quite\s+|to\s+be\s+)?(?:normal|typical|usual|standard|expected)\s+for\s+(?:(?:a|an)\s+[\w-]{2,20}(?:\s+[\w-]{2,20})?|${WEEKDAY}|weekdays|staging|us|this\s+team)\b|\bpar\s+for\s+the\s+course\b`,
      String.raw`\bnot\s+the\s+end\s+of\s+the\s+world\b|\bcould\s+have\s+been\s+(?:much\s+|a\s+lot\s+|far\s+|way\s+)?worse\b|\bhappens\s+to\s+(?:everyone|everybody|all\s+of\s+us|the\s+best\s+of\s+us)\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:sorry|apologi[sz]e|apologies|regret)\s+(?:[\w-]{1,40}\s+){0,4}?(?:you(?:\s+all)?|y'all|anyone|anybody|everyone|some(?:\s+of\s+you)?|those|who)\s+(?:may\s+have\s+|might\s+have\s+|has\s+|have\s+)?(?:felt|feel|feels|perceived)\b`,
      String.raw`\bcame\s+across\s+as\s+(?:[\w-]{1,40}\s+){0,2}?to\s+(?:some|others|a\s+few|people|you|certain|several)\b`,
      String.raw`\b(?:regret|sorry\s+for|apologi[sz]e\s+for|apologies\s+for)\s+any\s+(?:[\w-]{1,40}\s+){0,4}?(?:may|might|could)\s+have\s+caused\b`,
    ]),
    explanation: 'This apologises for how people felt or for what may have happened; apologise for what broke and for whom.',
    rewrite: () => 'sorry for the breakage I caused',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:was|were|got|has\s+been|had\s+been)\s+(?:accidentally\s+|mistakenly\s+|somehow\s+|apparently\s+)?(?:enabled|disabled|set|left|committed|pointed|flipped|bumped|activated|truncated|clobbered|wiped|misconfigured|turned\s+(?:on|off))\b(?!\s+(?:by|back|up\s+by)\b)`,
      String.raw`\bgot\s+(?:[\w-]{1,40}\s+){0,3}?[a-z]{2,20}ed\s+(?:[\w-]{1,40}\s+){0,2}?somehow\b|\bsomehow\s+(?:got|went|was|were|ended|became|changed)\b|(?<!\b(?:i|we)\s)\bsomehow\s+(?:lost|broke|dropped|deleted|wiped|reset|disappeared|vanished|stopped|corrupted)\b|\bchanged\s+itself\b`,
      // Round seventeen: broken by an indefinite act with no doer ("got broken by a commit", "ended up broken after some
      // changes").
      String.raw`\b(?:got|was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]{2,20}ed|broken|broke|taken\s+down|knocked\s+out)\s+(?:by|after|in|with)\s+(?:a|an|some|another|one\s+of\s+the|a\s+few|recent)\s+(?:[\w-]{1,40}\s+)?(?:commits?|changes?|updates?|push(?:es)?|merges?|tweaks?|edits?)\b(?!\s+(?:i|we|from\s+(?:me|us)|of\s+(?:mine|ours))\b)`,
      String.raw`\b(?:broken|broke|failing|red|down|stale|wrong)\s+after\s+(?:some|a\s+few|recent|a|an)\s+(?:[\w-]{1,40}\s+)?(?:changes|commits|updates|tweaks|edits|change|commit|update)\b(?!\s+(?:i|we|from\s+(?:me|us))\b)`,
      String.raw`\bended\s+up\s+(?:in|on|with|out\s+of|broken|[a-z]{2,20}ed)\b|\bsomewhere\s+along\s+the\s+(?:line|way)\b|\b(?:went|gone|go)\s+missing\b|\bgot\s+lost\b|\bthat\s+appeared\b`,
      String.raw`(?<!\b(?:i|we)\s)\b(?:appears?|seems?|seemed|appeared)\s+to\s+have\s+(?:been\s+|gotten\s+|got\s+)?(?:[a-z]{2,20}ed|lost|vanished|disappeared|gone\s+missing|broken|gone)\b`,
    ]),
    explanation: NO_DOER,
    rewrite: () => 'I did this',
    unlessOwned: 'firstPersonSubject',
  },
];

// In the shapes blind25 and blind26 used (round seventeen), after the writer owned the failure: the impact waved away by
// a shrug ("meh,", "whatever,"), called not counting or fine ("it doesn't really count", "a failed export once a
// quarter is fine", "no data that matters"), said to bother nobody ("won't bother anyone"), a thing said to be broken
// most of the time anyway ("CI is red half the week"), the people hit said to have just retried, or nobody said to be
// using it at a quiet time ("nobody was using it at lunch"); none at the local radius.
const SHAPES_WAVED_AWAY: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`[,;]\s*(?:meh|whatever|eh|oh\s+well|shrug)\s*[,.;!]|\b(?:meh|oh\s+well)[,.!]\s`,
      String.raw`\b(?:doesn'?t|does\s+not|didn'?t|did\s+not)\s+(?:really\s+|even\s+|actually\s+)?count\b(?!\s+(?:as|towards?|on|against)\b)|\b(?:doesn'?t|does\s+not)\s+really\s+matter\b`,
      String.raw`\b(?:no|nothing)\s+(?:[\w-]{1,40}\s+)?that\s+(?:really\s+|actually\s+)?(?:matters|counts)\b`,
      String.raw`\b(?:once|twice)\s+(?:a|per)\s+(?:day|week|month|quarter|year|sprint)\s+(?:is|was)\s+(?:totally\s+|perfectly\s+|honestly\s+|really\s+)?(?:fine|ok|okay|acceptable|nothing|no\s+big\s+deal)\b`,
      String.raw`\b(?:won'?t|will\s+not|wouldn'?t|would\s+not|didn'?t|did\s+not|shouldn'?t)\s+(?:have\s+)?(?:really\s+|even\s+)?(?:bother(?:ed)?|hurt|harm(?:ed)?|upset)\s+(?:anyone|anybody|many|most\s+(?:people|users|customers)|a\s+soul)\b(?!'s)`,
      String.raw`\b(?:is|are|goes|go|breaks|fails)\s+(?:red|down|broken|flaky|failing)\s+(?:half|most|all)\s+(?:of\s+)?the\s+(?:time|week|day|month)\b`,
      String.raw`\b(?:most|many|all)\s+(?:of\s+(?:them|the)\s+)?(?:users|people|customers|shoppers)\s+(?:just|simply)\s+(?:retried|refreshed|reloaded|waited|tried\s+again)\b`,
      String.raw`\b(?:nobody|no\s+one|no-one|hardly\s+anyone|barely\s+anyone)\s+(?:was|were|is|are)\s+(?:really\s+|even\s+|actually\s+)?[a-z]{2,20}ing\s+(?:[\w-]{1,40}\s+){0,2}?(?:${QUIET_TIME}|anyway)\b(?!\s+(?:because|since|as|after|when|so)\b)`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
];

// Round eighteen, in the shapes blind27 and blind28 used, after owning: the broken thing said to exist for breaking
// ("that's just what staging is for"), the failure called not worth mentioning, the people hit said to have just
// retried (any group, any demonstrative: "most of those customers just refreshed"), "low impact overall" as a closing
// verdict; "human error" in German or Portuguese; regret conditional on the reader having been hit ("sorry … if you
// were one of the users hit", "apologies if you were among those affected").
const SHAPES_FOR_WHAT_IT_IS: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\bthat(?:'?s|\s+is)\s+(?:just\s+|literally\s+|exactly\s+|kind\s+of\s+)?what\s+(?:[\w-]{1,40}\s+){1,2}?(?:is|are|exists?)\s+for\b`,
      String.raw`\b(?:barely|hardly|scarcely|not(?:\s+really|\s+even)?)\s+worth\s+(?:mentioning|noting|a\s+mention|flagging|reporting|writing\s+up|talking\s+about|the\s+fuss|a\s+(?:post-?mortem|retro|write-?up|ticket))\b`,
      String.raw`\b(?:most|many|all|the\s+rest)\s+(?:of\s+(?:them|the|those|these|our)\s+)?(?:users|people|customers|shoppers|clients|folks|buyers|callers|readers|partners|players|visitors|merchants)\s+(?:just|simply)\s+(?:[a-z-]{3,20}ed|tried\s+again|logged\s+(?:back\s+)?in|clicked\s+again|came\s+back|went\s+back|did\s+it\s+again)\b`,
      String.raw`\blow\s+impact\s+(?:overall|really|honestly|all\s+(?:in\s+all|things\s+considered)|in\s+the\s+end)\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'human-error',
    pattern: rx([String.raw`\bmenschliche[rn]?\s+(?:fehler|irrtum)\b|\berro\s+humano\b|\bfallo\s+humano\b|\bmenselijke\s+fout\b`]),
    explanation: EXPLAIN.HUMAN_ERROR,
    rewrite: () => 'a missing check',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      // "I'm sorry the on-call felt the pages were excessive": regret for what someone felt about the failure.
      String.raw`\b(?:sorry|apologi[sz]e|apologies)\s+(?:that\s+)?(?:the|our|some|my|a\s+few)\s+(?:[\w-]{1,40}\s+){0,2}?(?:felt|feels|perceived|found|thought)\s+(?:that\s+)?(?:the|it|this|my|our|we|they|there|these|those)\b`,
      String.raw`\b(?:sorry|apologi[sz]e|apologies|regret)\b[^.!?]{0,60}?\bif\s+you\s+(?:were|are|was|happened\s+to\s+be)\s+(?:one\s+of|among|part\s+of|affected|impacted|hit)\b`,
    ]),
    explanation: EXPLAIN.MAY_HAVE,
    rewrite: () => 'sorry for the breakage I caused',
  },
];

// "my change was the cause of the loop - cookie domain was set to …": the writer's work owned in a clause before the
// words, so they tell how it went wrong, not who did it.
const EARLIER_OWNER = /\b(?:my|our|mine|ours)\b[^;:—–]{0,200}?(?:\s[-–—]\s|[;:—–])/i;
export const PLAY_DOWN_PATTERNS: readonly (readonly [string, RegExp])[] = [['play-down: owner in an earlier clause', EARLIER_OWNER]];
export const ownedInEarlierClause = (sentence: string, at: number) => EARLIER_OWNER.test(sentence.slice(Math.max(0, at - 300), at));

export const PLAY_DOWN_RULES: readonly FlagRule[] = [...SHAPES_BLIND13_14, ...SHAPES_BLIND15_21, ...SHAPES_AFTER_OWNING, ...SHAPES_WAVED_AWAY, ...SHAPES_FOR_WHAT_IT_IS];
