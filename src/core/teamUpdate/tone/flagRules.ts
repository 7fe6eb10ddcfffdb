/**
 * Word patterns that flag a draft, each with one rewrite: too much (piled-up or intensified
 * apologies, self-deprecation) and too little (non-apologies, passive voice without an agent,
 * "human error", playing the impact down). Deflection and blame are in deflectionRules.ts.
 */
import { DEFLECTION_RULES } from './deflectionRules';
import { APOLOGY_SHAPE_RULES } from './apologyShapes';
import { BAD_IDENTITY, FILLER, INTENSIFIER, likeCase, PASSIVE_VOICE, rx, type FlagRule } from './ruleParts';
import { PROPORTION_RULES } from './proportionShapes';
import { WORTH_RULES } from './worthShapes';
import { OTHER_AGENT_RULES } from './otherAgentShapes';
import { NAMED_AGENT_RULES } from './namedAgent';
import { APOLOGY_SIZE_RULES } from './apologySize';
import { OTHER_DOER_RULES } from './otherDoer';
import { PLAY_DOWN_RULES } from './playDown';
import { CAUSE_ELSEWHERE_RULES } from './causeElsewhere';
import { GRADED_IMPACT_RULES } from './gradedImpact';
import { EXPLAIN } from './explanations';

export { FAILURE_VERB, likeCase, type FlagRule } from './ruleParts';

export { PASSIVE_VOICE } from './ruleParts';

// Round nine: "I regret …" is an apology too, so "I regret …, I truly regret it" is counted twice.
export const APOLOGY = /\b(?:sorry|sry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|i\s+(?:truly\s+|deeply\s+|really\s+|sincerely\s+|genuinely\s+)?regret)\b/gi;

// Round sixteen: a sentence that claims the one before it ("The thumbnails were broken since Tuesday. That was my resize
// PR."): the passive there is told, then owned, so it hides no doer.
export const CLAIMS_THE_LAST = /^\W{0,3}(?:that|this|it)(?:'s|\s+was|\s+is|\s+were)\s+(?:all\s+)?(?:my|our|me|us|mine|ours|on\s+(?:me|us)|(?:a|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:i|we)\s+(?:made|shipped|pushed|deployed|merged|did|wrote|ran))\b/i;

// Nouns for a mistake, and adjectives that make any noun one ("a bad rebase").
const MISTAKE_NOUN = String.raw`(?:errors?|mistakes?|typos?|bugs?|regressions?|oversights?)`;
const BAD_THING = String.raw`(?:(?:bad|broken|wrong|incorrect|faulty|buggy|invalid)\s+[\w-]+)`;

const TOO_MUCH: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${INTENSIFIER}(?:,?\s+${INTENSIFIER}){0,3},?\s+(?:sorry|apologi[sz]e)\b`,
      // Round twelve: "I can't begin to apologise enough", "can never say sorry enough".
      String.raw`\bcan(?:'|no)?t\s+(?:(?:begin|start|even)\s+to\s+|ever\s+)?(?:apologi[sz]e|say\s+sorry)\s+enough\b|\bcan\s+never\s+(?:apologi[sz]e|say\s+sorry)\s+enough\b`,
      // Round twelve: an apology that says it is said again ("Again, I apologise", "sorry again for the noise").
      String.raw`(?<!\b(?:it|them|this|that|one|him|her)\s)\b(?:again|once\s+(?:more|again)),?\s+(?:(?:i|we)\s+(?:(?:am|'m|are|'re)\s+)?)?(?:sorry|apologi[sz]e)\b|\b(?:sorry|apologi[sz]e|apologies)\s+(?:once\s+)?again\b|\b(?:apologi[sz]e|apologies)\s+once\s+more\b`,
      String.raw`\bbeyond\s+sorry\b`,
      String.raw`\b(?:apologi[sz]e|sorry)\s+(?:so\s+)?(?:unreservedly|profusely|wholeheartedly|unconditionally|deeply|sincerely|enormously|immensely)\b`,
      String.raw`\b(?:sincerest|deepest|sincere|massive|profound|humble|huge|heartfelt|big|thousand|million)\s+apologies\b`,
      String.raw`\bfrom\s+the\s+bottom\s+of\s+(?:my|our)\s+hearts?\b|\bwith\s+all\s+(?:my|our)\s+hearts?\b`,
      String.raw`\b(?:please\s+)?forgive\s+(?:me|us)\b`,
      // Round eleven: a plain "mea culpa" owns (blind3, blind11); its big or doubled form is the over-apology.
      String.raw`\b(?:full|complete|total|huge|big|massive)\s+mea\s+culpa\b|\bmea\s+maxima\s+culpa\b|\bmea\s+culpa[\s,!.]{1,3}mea\s+culpa\b`,
      // Round seven: drawn-out or stacked apologies ("sooo sorry", "sry sry sry"), pardons by the thousand,
      // and an apology to every reader one by one.
      // Round eight: sorrow beyond words ("Words can't express how sorry I am").
      String.raw`\bwords\s+(?:can'?t|cannot|could\s+never)\s+(?:express|describe)\b|\bhow\s+(?:very\s+|truly\s+|deeply\s+)?sorry\s+i\s+am\b`,
      String.raw`\bs{1,3}o{3,12}\s+sorry\b|\b(?:sorry|sry)[\s,!.]{1,3}(?:sorry|sry)\b`,
      String.raw`\b(?:thousand|million|many)\s+pardons\b|\bbeg\s+(?:your|everyone'?s)\s+(?:pardon|forgiveness)\b`,
      // Round eight: a stacked "my bad" ("my bad my bad, broke the build").
      String.raw`\bmy\s+bad[\s,!.]{1,3}my\s+bad\b`,
      String.raw`\bto\s+each\s+and\s+every\s+(?:one|single)\b|\b(?:apologi[sz]e|sorry)\s+(?:[\w-]{1,40}\s+){1,8}?(?:profusely|unreservedly|wholeheartedly)\b`,
    ]),
    explanation: EXPLAIN.ONE_SORRY,
    rewrite: (m) => likeCase(m, /apolog/i.test(m) ? 'apologies' : /culpa|forgive|heart/i.test(m) ? 'my mistake' : 'sorry'),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi(?:'?m| am)\s+(?:${FILLER}\s+){0,3}${BAD_IDENTITY}(?![\w-])`,
      // Unfit to be trusted with the work: "why anyone lets me near a keyboard", "I don't deserve", "I should be fired".
      String.raw`\bwhy\s+(?:anyone|anybody|they|you|people|you\s+all)\s+(?:still\s+)?(?:lets?|allows?|trusts?|hired|keeps?)\s+me\b`,
      String.raw`\b(?:nobody|no\s+one|no-one)\s+should\s+(?:ever\s+)?(?:trust|let|allow|hire)\s+me\b`,
      String.raw`\bi\s+(?:really\s+|honestly\s+|truly\s+|probably\s+|clearly\s+)?(?:don'?t|do\s+not)\s+deserve\b|\bi\s+(?:should|ought\s+to|deserve\s+to)\s+(?:honestly\s+|really\s+|probably\s+|just\s+)?(?:be|get)\s+(?:fired|sacked|banned|demoted)\b`,
      // Round twelve: "every single person who …", "every one of you".
      String.raw`\bi(?:'ve|\s+have)?\s+(?:failed|disappointed|betrayed|let\s+down)\s+(?:you|everyone|everybody|all\s+of\s+you|every\s+(?:single\s+)?(?:one|person|customer|user|teammate|colleague|client)|(?:all\s+)?(?:our|my|the)\s+(?:customers|users|team|teammates|colleagues|company|clients))\b`,
      // Round twelve: any word of what the writer is ("I feel like an absolute fraud", "I honestly feel unfit"), and shame as a noun.
      String.raw`\bfeel(?:ing)?\s+(?:like\s+)?(?:${FILLER}\s+){0,3}${BAD_IDENTITY}(?![\w-])`,
      String.raw`\b(?:so\s+much|such|deep|utter|nothing\s+but|full\s+of|burning\s+with)\s+shame\b`,
      String.raw`\b(?:so|really|incredibly|unbelievably|such an?)\s+(?:stupid|dumb|idiotic)\b`,
      String.raw`\b(?:complete\s+|total\s+)?(?:stupid|dumb|idiotic|rookie|silly|boneheaded|amateur|noob)\s+(?:mistake|error|move|thing|hour)\b`,
      String.raw`\b(?:terrible|awful|hopeless|useless|bad)\s+at\s+(?:this|my job|everything|git|coding|deploys?|rebasing|merging)\b`,
      String.raw`\bmy bad,?\s+i\s+always\b`,
      String.raw`\bi\s+always\s+(?:break|mess|screw|ruin)\b`,
      String.raw`\bi\s+(?:clearly\s+|really\s+|honestly\s+|obviously\s+|probably\s+|just\s+)?(?:shouldn'?t|should not)\s+be\s+(?:allowed|trusted)\b`,
      // Round seven: names the writer invites ("call me the world's worst on-call"), idioms of a bad memory,
      // and wondering aloud why one is still employed ("I don't know how I keep getting hired").
      String.raw`\bcall\s+me\s+(?:${FILLER}\s+){0,3}${BAD_IDENTITY}(?![\w-])`,
      // Round eight: apologising for what one is ("Apologies for being useless today").
      String.raw`\bfor\s+being\s+(?:${FILLER}\s+){0,3}${BAD_IDENTITY}(?![\w-])`,
      String.raw`\b(?:brain|memory|attention\s+span)\s+of\s+a\s+(?:goldfish|gnat|sieve)\b|\bgoldfish\s+(?:brain|memory)\b`,
      String.raw`\b(?:don'?t|do\s+not)\s+know\s+(?:how|why)\s+(?:i|they|you|anyone)\s+(?:still\s+|even\s+)?(?:keep|still|even|haven'?t\s+fired|put\s+up\s+with)\b|\bhow\s+(?:i'?m|i\s+am)\s+still\s+(?:employed|here|hired|allowed)\b`,
      // Round twelve: wondering how one got the job at all ("I don't know how I passed the interview").
      String.raw`\b(?:know|wonder|idea)\s+how\s+i\s+(?:ever\s+|even\s+|somehow\s+)?(?:passed|got\s+(?:through|past|hired|in)|got\s+(?:this|the)\s+job|made\s+it\s+(?:through|past))\b`,
      // Round twelve: a mind that is not working ("my brain is mush today").
      String.raw`\bmy\s+(?:brain|head|mind)\s+(?:is|was|'s|feels|felt)\s+(?:(?:${FILLER})\s+){0,2}(?:mush|fried|toast|porridge|jelly|soup|scrambled|useless|broken|not\s+working|switched\s+off|on\s+holiday)\b`,
      // Round twelve: a basic skill the writer says they lack ("apparently I can't count to 24").
      String.raw`\b(?:apparently|clearly|obviously|evidently)\s+i\s+(?:can'?t|cannot|can\s+not)\s+(?:even\s+)?(?:count|read|spell|type|add|tell\s+(?:time|left\s+from\s+right)|do\s+(?:basic\s+)?(?:math|maths|arithmetic))\b|\bi\s+can'?t\s+even\s+(?:count|read|spell|type)\b`,
      String.raw`\bi\s+can'?t\s+do\s+anything\s+right\b`,
      String.raw`\bwhat\s+was\s+i\s+thinking\b`,
      String.raw`\bi\s+feel\s+(?:so\s+|very\s+|really\s+)?(?:terrible|awful|horrible|bad|sick|dreadful)\b`,
      String.raw`\b(?:shame\s+on\s+me|i\s+let\s+(?:everyone|everybody|you\s+all|the\s+team|you)\s+down|can'?t\s+believe\s+i\s+(?:did|missed|broke|let|pushed|merged)|can'?t\s+stop\s+thinking\s+about)\b`,
      String.raw`\bworst\s+(?:engineer|developer|dev|coder|teammate)\b`,
      // The writer as the one who always breaks things: "the person who breaks everything", "classic me".
      String.raw`\bwho\s+(?:always\s+|just\s+)?(?:breaks|ruins|wrecks|messes\s+up|screws\s+up)\s+everything\b|\bclassic\s+me\b`,
    ]),
    explanation: 'Putting yourself down does not help anyone; state what broke and what you changed so it cannot recur.',
    rewrite: (m) => likeCase(m, /^what/i.test(m) ? 'I missed this' : 'I made a mistake'),
  },
];

const TOO_LITTLE: readonly FlagRule[] = [
  {
    kind: 'human-error',
    pattern: /\bhuman[\s-]+errors?\b/gi,
    explanation: EXPLAIN.HUMAN_ERROR,
    rewrite: (m) => likeCase(m, 'a missing check'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:mistakes|errors|an error|a mistake|some mistakes)\s+(?:were|was|have been|has been|had been)\s+made\b`,
      String.raw`\b(?:a|an|the|some|several|two|three|a\s+few)\s+(?:${MISTAKE_NOUN}|${BAD_THING}|(?:error|mistake|bug|change|commit|regression|bad deploy))\s+(?:was|were|has\s+been|have\s+been|had\s+been|may\s+have\s+been|might\s+have\s+been|got)\s+(?:accidentally\s+|mistakenly\s+|inadvertently\s+|incorrectly\s+)?(?:made|introduced|pushed|deployed|merged|shipped|committed|applied|set|added)\b`,
      // A wrong thing done with no doer, whatever the verb: "an incorrect merge was performed", "a wrong environment variable was set".
      // Round thirteen: not across a conjunction ("I pushed a wrong file and everyone got requested": another clause).
      String.raw`\b(?:a|an|some|several)\s+${BAD_THING}(?:\s+(?!and\b|but\b|so\b)[\w-]+){0,3}\s+(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:accidentally\s+|mistakenly\s+|inadvertently\s+)?(?:[a-z-]{2,}ed|set|done|run|put|made|sent|built|written)\b`,
      String.raw`\b(?:${MISTAKE_NOUN}|${BAD_THING})\s+(?:(?:was|were)\s+)?(?:happened|occurred|ended\s+up|slipped\s+(?:in|into|through)|crept\s+in|got\s+(?:in|into|through))\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: (m) => likeCase(m, /made/i.test(m) ? 'I made a mistake' : 'I pushed a change that broke this'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      // Round ten: not what someone thought or feared ("thinking their own changes were broken").
      String.raw`(?<!\b(?:thinking|thought|believing|believed|assuming|assumed|fearing|feared|worried|wondering|suspecting|suspected)\s(?:[\w'-]{1,40}\s){0,5})\b(?:got|was|were|have\s+been|has\s+been)\s+(?:accidentally\s+|mistakenly\s+|inadvertently\s+)?(?:deleted|dropped|broken|wiped|removed|overwritten|misconfigured)\b`,
      // Any act in the passive, marked as a mistake: "was force-pushed in error", "were reset by mistake".
      String.raw`\b(?:got|was|were|have\s+been|has\s+been)\s+(?:[a-z-]{2,}ed|set|reset|run|rerun|put|cut|sent|made|done|built|written|overwritten)\s+(?:in\s+error|by\s+mistake|by\s+accident|accidentally|mistakenly|inadvertently|unintentionally)\b`,
      String.raw`\b(?:errors?|issues?|problems?|failures?)\s+(?:were|was)\s+(?:observed|detected|experienced|seen|identified)\b`,
      String.raw`\b(?:the\s+result\s+of|due\s+to|caused\s+by)\s+(?:an?\s+)?(?:oversight|mistake|error|misconfiguration|miscommunication)\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: () => 'I broke this',
    unlessOwned: 'sentence',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:sorry|apologi[sz]e|apologies)\s+if\b`,
      String.raw`\bif\s+(?:you|anyone|anybody|someone|any\s+of\s+you)\s+(?:\w+\s+){0,6}?(?:affected|impacted|inconvenienced|bothered|upset|experienced)\b`,
      String.raw`\b(?:to\s+)?whoever\s+(?:was|were|got)\s+(?:affected|impacted)\b`,
      // The writer's own work, but its effect doubted: "if my stash mishap held up our pairing".
      String.raw`\bif\s+(?:my|our|this|that)\s+(?:[\w-]+\s+){0,4}?(?:held\s+up|affected|impacted|inconvenienced|bothered|delayed|blocked|disrupted|slowed\s+down|caused\s+(?:any|some))\b`,
      String.raw`\bany\s+(?:customers|users|people|one)\s+who\s+(?:experienced|were\s+affected|had)\b`,
      // Round seven: the effect on anyone doubted in other words ("If my draft PR pinged anyone", "…, if anyone.",
      // "to whoever might have been affected").
      String.raw`\bif\s+(?:my|our|this|that|it)\s+(?:[\w-]{1,40}\s+){0,4}?(?:[a-z]{2,20}ed|hit|woke|broke|caught|cost)\s+(?:anyone|anybody|someone|you|people)\b`,
      String.raw`,\s*if\s+(?:anyone|anybody|any)(?:\s+[a-z]{2,20})?\s*(?:[.!]|$)`,
      // Round twelve: any verb of meeting the failure after the doubt ("to whoever may have run into this").
      String.raw`\b(?:anyone|anybody|whoever|those|people|everyone)\s+(?:who\s+)?(?:might|may|could)\s+have\s+(?:been\s+(?:affected|impacted|inconvenienced|bothered|disrupted|hit)|run\s+into|hit|noticed|seen|experienced|encountered|lost|had)\b`,
      // Round eight: whether anyone even saw it, then an apology: "If anyone noticed my branch's CI going red, sorry".
      String.raw`\bif\s+(?:you|anyone|anybody|someone)(?:'s|\s+(?:noticed|saw|spotted|hit|ran\s+into|lost|had))\b[^.!?]{0,80}?\b(?:sorry|apologies)\b`,
    ]),
    explanation: 'A conditional apology ("if anyone was affected") doubts the impact; say who was affected and apologise plainly.',
    rewrite: (m) => likeCase(m, /^(?:sorry|apolog)/i.test(m) ? 'sorry that' : 'to everyone affected'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:for|regret)\s+any\s+(?:inconvenience|confusion|trouble|problems|issues|disruption)(?:\s+(?:this|that|it)\s+(?:may|might|could)\s+have\s+caused|\s+caused)?\b`,
      String.raw`\bany\s+(?:inconvenience|confusion|trouble|problems|issues|disruption)\s+(?:this|that|it)\s+(?:may|might|could)\s+have\s+caused\b`,
      String.raw`\bwho\s+feel\s+inconvenienced\b`,
      String.raw`\b(?:we|i)\s+regret\s+that\b|\b(?:it|this|that)(?:'s|\s+is|\s+was)\s+(?:very\s+|deeply\s+|most\s+)?regrettable\b`,
    ]),
    explanation: '"Any inconvenience this may have caused" is a form letter; name the actual impact and what you did.',
    rewrite: (m) => likeCase(m, /regret/i.test(m) ? 'are sorry for the disruption we caused' : 'for the disruption my change caused'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:regrettably|unfortunately),?\s+(?:[^\s.!?]+\s+){0,10}?(?:occurred|happened|took place|arose|experienced|ended\s+up)\b`,
      String.raw`\bdue\s+to\s+an?\s+(?:unforeseen|unexpected)\s+(?:issue|problem|error)\b`,
      String.raw`\b(?:issue|problem|error|incident|outage|glitch|disruption)\s+(?:occurred|arose|took\s+place)\b`,
      String.raw`\bmay\s+have\s+(?:experienced|noticed|seen|encountered|been\s+(?:affected|impacted))\b`,
    ]),
    explanation: 'This reports the failure as weather ("an outage occurred"); say what you changed that caused it.',
    rewrite: () => 'My change caused this',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\bsorry\s+(?:that\s+)?(?:you|anyone|people)\s+(?:feel|felt|are\s+upset|were\s+upset|are\s+frustrated)\b`,
      String.raw`\b(?:anyone|those|people)\s+(?:who|whose)\s+(?:feel|felt|feelings|was\s+upset|were\s+upset|got\s+upset)\b`,
      String.raw`\b(?:anyone|someone|you)\s+felt\s+(?:frustrated|upset|annoyed|hurt)\b`,
      String.raw`\bfeelings\s+(?:were|got)\s+hurt\b`,
      String.raw`\bsorry\s+(?:that\s+)?(?:you|anyone|people|everyone)\s+(?:were|are|got|have\s+been|felt)\s+(?:so\s+|a\s+bit\s+)?(?:upset|frustrated|annoyed|bothered|confused|offended|disappointed|inconvenienced)\b`,
    ]),
    explanation: 'This apologises for how people feel, not for what happened; apologise for the breakage itself.',
    rewrite: (m) => likeCase(m, 'sorry for the breakage I caused'),
  },
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:no|not\s+a|not\s+that\s+(?:a\s+)?|not\s+such\s+a)\s*big\s+deal\b`,
      String.raw`\b(?:isn'?t|is\s+not|wasn'?t|was\s+not|aren'?t|weren'?t)\s+(?:really\s+|that\s+|such\s+|exactly\s+)?(?:a\s+)?(?:big\s+deal|that\s+bad|(?:real|serious|major)\s+(?:problem|issue))\b`,
      String.raw`\bnothing\s+(?:serious|major|to\s+worry\s+about|dramatic|too\s+bad)\b`,
      String.raw`\b(?:tiny|small|little|minor|brief|quick|trivial)\s+(?:blip|hiccup|glitch|wobble|thing)\b`,
      // Round twelve: a size word put last ("Small problem only"), an idiom of a negligible amount ("basically a rounding
      // error"), readers told not to worry ("nobody needs to worry"), and fate owned as routine ("these things happen").
      String.raw`\b(?:tiny|small|little|minor|trivial)\s+(?:problem|issue|thing|one|glitch|blip)\s+only\b`,
      String.raw`\b(?:a|just\s+a|basically\s+a|only\s+a|practically\s+a)\s+rounding\s+error\b|\ba\s+drop\s+in\s+the\s+(?:ocean|bucket)\b|\bwithin\s+(?:the\s+)?noise\b`,
      String.raw`\b(?:nobody|no\s+one|no-one)\s+(?:needs|has|had)\s+to\s+worry\b|\bno\s+(?:need|reason)\s+(?:for\s+(?:anyone|concern)\s+)?to\s+worry\b`,
      String.raw`\b(?:these\s+things\s+happen|(?:stuff|things)\s+happens?)\b`,
      String.raw`\b(?:just|only)\s+a\s+(?:blip|hiccup|glitch|wobble)\b`,
      String.raw`\bonly\s+(?:affected\s+|hit\s+)?(?:a\s+few|a\s+handful|a\s+couple|a\s+small\s+number|a\s+tiny\s+number)\b`,
      String.raw`\ba\s+limited\s+number\s+of\b`,
      String.raw`\b(?:barely|hardly)\s+(?:anyone|anybody|noticeable|noticed|affected)\b`,
      String.raw`\bnot\s+(?:a\s+)?(?:huge|big|major|real)\s+(?:issue|problem|impact)\b`,
      String.raw`\bno\s+(?:real\s+)?(?:harm|damage)\s+done\b`,
      // Round seven: the outage called a non-event, or its scope made small ("only the EU region").
      String.raw`\bit\s+happens\b(?!\s+(?:when|if|because|every|each|only|again))`,
      String.raw`\bnon-?(?:event|issue)\b|\b(?:only|just)\s+(?:the\s+)?[\w-]{1,40}\s+region\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: (m) => (/only|limited|barely|hardly/i.test(m) ? '[how many]' : /blip|hiccup|glitch|wobble|thing/i.test(m) ? likeCase(m, 'an outage of [how long]') : ''),
    notLocal: true,
  },
];

export const FLAG_RULES: readonly FlagRule[] = [...TOO_MUCH, ...DEFLECTION_RULES, ...TOO_LITTLE, ...APOLOGY_SHAPE_RULES, ...PROPORTION_RULES, ...WORTH_RULES, ...OTHER_AGENT_RULES, ...NAMED_AGENT_RULES, ...APOLOGY_SIZE_RULES, ...OTHER_DOER_RULES, ...PLAY_DOWN_RULES, ...GRADED_IMPACT_RULES, ...CAUSE_ELSEWHERE_RULES];
