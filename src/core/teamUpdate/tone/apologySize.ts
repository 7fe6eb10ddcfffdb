/**
 * The size of an apology and the writer's judgement of themself. In the shapes blind13 and blind14
 * used (round thirteen):
 * - an apology word said twice or more in a row in any language or spelling ("perdon perdon",
 *   "disculpen, disculpen", "soz soz soz"), counted ("sorry x2"), or said again in another
 *   language ("lo siento otra vez");
 * - a foreign apology made bigger ("Tausend Entschuldigungen", "mil disculpas", "lo sentimos
 *   muchisimo", "es tut mir so unendlich leid": any word between "tut mir" and "leid" intensifies);
 * - an English apology made bigger by words the older lists lacked: an adjective before the noun
 *   ("profuse apologies", "my utmost apologies", "my most sincere and wholehearted apologies"), an
 *   "-ly" adverb after "so" ("so ridiculously sorry"), "more sorry than we can say";
 * - the writer's judgement of themself with an adverb before "am" ("I really am a walking
 *   incident"), a superlative ("the clumsiest person alive"), "not senior enough", "embarrassingly
 *   bad at", "honestly have no business".
 * In the shapes blind15-21 used (round fourteen):
 * - an apology said twice in another language or intensified there ("Verzeihung, Verzeihung",
 *   "lo siento, de verdad lo siento", "lo siento tantísimo", "es tut mir wirklich, wirklich leid");
 * - the writer declared unfit or a hazard ("I shouldn't have merge rights", "can't read a stack
 *   trace to save my life", "I'm a one-man outage", "the dumbest engineer in this company",
 *   "docker and me should be kept apart by law").
 * In the shapes blind22 used (round fifteen), the size of an apology or of the impact:
 * - an apology multiplied ("a thousand times sorry", "hundertmal Entschuldigung") or said again to a
 *   second audience ("I apologise to the ops group, and again to Priya herself") → over-apologetic;
 * - the impact waved away in a closing word or a comparison ("…, whatever.", "basically noise") → under-owned.
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { BAD_IDENTITY, FILLER, type FlagRule, likeCase, rx } from './ruleParts';
import { EXPLAIN } from './explanations';

// An apology word in the languages and spellings the sets use.
const APOLOGY_WORD = String.raw`(?:sorry|sry|soz|apologies|perd[oó]n(?:a|e|en|ame|enme)?|disculp(?:a|as|e|en|enme)|lo\s+siento|lo\s+sentimos|entschuldigung(?:en)?|sorry\s+sorry|pardon|d[ée]sol[ée]e?s?|scusa(?:te)?)`;
const LY = String.raw`(?!(?:only|early|lately|recently|previously|initially|originally|finally|briefly|partly|mostly|likely)\b)[a-z]{3,20}ly`;
// What the writer says they lack "enough" of.
const ENOUGH = String.raw`(?:senior|experienced|smart|good|competent|careful|qualified|skilled|capable|responsible|mature|clever|reliable|trustworthy)`;

const SHAPES_BLIND13_14: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${APOLOGY_WORD}[\s,!.;-]{1,4}${APOLOGY_WORD}\b`,
      String.raw`\b(?:sorry|sry|soz|apologies)\s*(?:x|×)\s*\d{1,2}\b|\b(?:sorry|apologies)\s+times\s+(?:two|three|ten|a\s+(?:hundred|thousand|million)|\d{1,3})\b`,
      String.raw`\b${APOLOGY_WORD}\s+(?:otra\s+vez|de\s+nuevo|nochmal|noch\s+einmal|encore)\b`,
      String.raw`\b(?:mil|tausend|mille|cien|hundert|tante)\s+(?:disculpas|perdones|entschuldigungen|excuses|pardons|scuse)\b`,
      String.raw`\blo\s+(?:siento|sentimos)\s+(?:much[ií]simo|mucho|tanto|en\s+el\s+alma|de\s+verdad|un\s+mont[oó]n|un\s+mundo|horrores|con\s+toda\s+el\s+alma)\b`,
      String.raw`\bes\s+tut\s+(?:mir|uns)\s+(?:(?!(?:auch|das|nicht|es)\b)[a-zäöüß]{2,20},?\s+){1,4}leid\b`,
      String.raw`\b(?:profuse|utmost|endless|countless|abject|unreserved|wholehearted|effusive|deepest|sincerest)\s+apolog(?:y|ies)\b`,
      String.raw`\b(?:my|our)\s+most\s+[a-z]{3,20}(?:,?\s+(?:and\s+)?[a-z]{3,20}){0,2}\s+apolog(?:y|ies)\b`,
      String.raw`\b(?:am|are|'m|'re|is|was|were|feel|felt)\s+(?:so|very|really|truly|just|too)\s+${LY}\s+sorry\b`,
      // An apology counted again: "the team deserves an apology from me, and Lena deserves a second one".
      String.raw`\bapolog(?:y|ies)\b[^.!?]{0,80}?\b(?:a\s+second|another)\s+(?:one|apology)\b`,
      String.raw`\bmore\s+sorry\s+than\s+(?:i|we)\s+(?:can|could)\s+(?:say|express|put\s+into\s+words)\b|\bsorrier\s+than\s+(?:i|we)\s+(?:can|could)\b`,
    ]),
    explanation: 'One plain "sorry" is enough; repeating or enlarging it makes the message about you instead of the fix.',
    rewrite: (m) => likeCase(m, 'sorry'),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi\s+(?:really|truly|genuinely|honestly|just|clearly|officially|literally|obviously|apparently)\s+am\s+(?:${FILLER}\s+){0,3}${BAD_IDENTITY}(?![\w-])`,
      String.raw`\bi\s+(?:really|truly|genuinely|honestly|just|clearly|officially|literally)\s+am\s+(?:the|a)\s+weak(?:est)?\s+link\b|\bthe\s+weakest\s+link\b`,
      String.raw`\bi\s+(?:${LY}\s+|just\s+|really\s+)(?:have|had)\s+no\s+business\s+(?:[a-z]{2,20}ing|anywhere|near|on|with)\b`,
      String.raw`\bi(?:'m|\s+am)\s+(?:just\s+|so\s+|really\s+|such\s+)?(?:${LY},?\s+){0,2}(?:bad|terrible|awful|hopeless|useless|rubbish|incompetent)\s+(?:at|with)\b`,
      String.raw`\bi(?:'m|\s+am)\s+(?:${LY}\s+|just\s+|really\s+)?the\s+(?:worst|most\s+(?:careless|useless|clueless|incompetent|forgetful|chaotic)|[a-z]{2,20}est)\s+(?:person|engineer|dev|developer|human|teammate|coder|programmer|employee|member)\s+(?:alive|ever|on\s+(?:earth|the\s+planet|this\s+team)|in\s+(?:the\s+)?(?:world|history|company|building))\b`,
      String.raw`\bi(?:'m|\s+am)\s+(?:${LY}\s+|just\s+|really\s+|still\s+)?not\s+${ENOUGH}\s+enough\b`,
    ]),
    explanation: EXPLAIN.PUT_DOWN,
    rewrite: () => 'I made a mistake',
  },
];

// Portuguese in every person ("desculpa", "desculpe", "desculpem") and "perdão".
const FOREIGN_APOLOGY = String.raw`(?:verzeihung|entschuldigung|gomen(?:nasai)?|sumimasen|perd[oó]n|perd[aã]o|desculp(?:a|e|em|as)|scusa|scusami|pardon|lo\s+siento)`;

const SHAPES_BLIND15_21: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${FOREIGN_APOLOGY}[\s,!.-]{1,3}(?:de\s+verdad\s+|really\s+)?${FOREIGN_APOLOGY}\b`,
      String.raw`\blo\s+siento\s+(?:tant[ií]simo|much[ií]simo|mucho)\b|\blo\s+sentimos\s+(?:profundamente|much[ií]simo|mucho)\b`,
      // Any word between "tut mir" and "leid" but the ones that add or deny ("auch", "das", "nicht") intensifies it.
      String.raw`\btut\s+(?:mir|uns)\s+(?:(?!(?:auch|das|nicht|es)\b)[a-z\u00e4\u00f6\u00fc\u00df]{2,20},?\s+){1,3}leid\b`,
      // A Portuguese apology made bigger: "desculpem mesmo", "muitas desculpas", "mil desculpas".
      String.raw`\bdesculp(?:a|e|em)\s+(?:mesmo|muito|de\s+verdade)\b|\b(?:muitas|mil|sinceras)\s+desculpas\b`,
      String.raw`\bsorry\s+beyond\s+(?:measure|words)\b|\b(?:we\s+are|we'?re)\s+(?:so\s+|truly\s+|deeply\s+)?mortified\b`,
    ]),
    explanation: EXPLAIN.ONE_SORRY,
    rewrite: () => 'sorry',
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi\s+(?:[a-z]{2,20}ly\s+)?(?:shouldn'?t|should\s+not|don'?t|do\s+not)\s+(?:have|deserve|get)\s+(?:merge|commit|push|deploy|prod|production|admin|release)\s+(?:rights|access|permissions?)\b`,
      String.raw`\bto\s+save\s+my\s+life\b`,
      // The writer as the one least fit ("I'm the last person who should have deploy rights").
      String.raw`\bi(?:'m|\s+am)\s+(?:(?:honestly|clearly|truly|really|probably|literally)\s+)?the\s+last\s+(?:person|engineer|one|dev|developer)\s+(?:who|that)\s+should\b`,
      String.raw`\bi(?:'?m|\s+am)\s+(?:[a-z]{2,20}ly\s+|really\s+)?(?:a|an)\s+(?:[\w-]{1,40}\s+){0,2}?(?:danger|outage|generator|menace|hazard)\b`,
      String.raw`\b(?:dumbest|stupidest|clumsiest|most\s+stupid|most\s+careless)\s+(?:[\w-]{1,40}\s+)?(?:engineer|person|developer|dev|human|member|one)\b`,
      String.raw`\b(?:we|i)\s+(?:were|was|am|are|'m|'re)\s+(?:so\s+|really\s+)?(?:stupid|dumb|idiots)\b|\b(?:catastrophically|unbelievably|incredibly|embarrassingly)\s+(?:stupid|dumb)\b`,
      String.raw`\band\s+me\s+(?:should\s+be\s+kept\s+apart|,?\s*bad\s+combination|don'?t\s+mix)\b|\bi'?m\s+not\s+ready\s+for\s+(?:release|on-?call|prod|production|deploy)\b`,
    ]),
    explanation: EXPLAIN.RUN_DOWN,
    rewrite: () => '',
  },
];

const SHAPES_BLIND22: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b(?:tausendmal|hundertmal|(?:a\s+)?(?:thousand|hundred|million)\s+times|mil\s+veces|mille\s+fois|mille\s+volte)\s+(?:sorry|entschuldigung|perd[oó]n|pardon|d[ée]sol[ée]e?|scusa)\b`,
      String.raw`\b(?:apologi[sz]e|sorry)\s+to\s+(?:[\w-]{1,40}\s+){1,4}?(?:[\w-]{1,40},?\s+)and\s+again\s+to\b`,
    ]),
    explanation: 'One plain apology is enough; saying it again or multiplying it puts the focus on you rather than the fix.',
    rewrite: () => 'sorry',
  },
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`[,;]\s{0,3}whatever\s*[.!]?\s*$`,
      String.raw`\b(?:basically|just|mostly|pretty\s+much)\s+(?:noise|a\s+rounding\s+error|nothing)\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
];

// An insult a person is called, not a state of things: "what a clown" is self-judgement, "what a mess" describes the incident.
const INSULT = String.raw`(?:idiot|moron|fool|clown|muppet|dummy|dunce|buffoon|numpty|donkey|goofball|klutz|amateur|loser|fraud|imp[oa]stor|joke|menace|liability)`;
// What a writer calls themself, not the incident: "what a disaster" describes the day, "I'm a disaster" the writer.
const SELF_LABEL = String.raw`(?:${INSULT}|hazard|catastrophe|disaster|wrecking\s+ball|train\s+wreck|walking\s+disaster|danger\s+to\s+(?:society|myself|everyone)|mess|curse|jinx)`;
// A mistake noun the writer grades as the worst of their own ("the most incompetent thing I've done").
const OWN_ACT = String.raw`(?:thing|mistake|move|blunder|screw-?up|stunt|error)`;

// In the shapes blind23 and blind24 used (round sixteen): the apology declared too small for what it is
// ("no apology feels big enough", "there are no words for how sorry we are"), said from the heart or
// intensified in another language ("Ich entschuldige mich vielmals", "mis más sinceras disculpas"), and the
// writer judged by an exclamation, a rhetorical question, a comparison with a better engineer, or a
// superlative of their own act.
const SHAPES_SIZE_AND_WORTH: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\bno\s+(?:apology|words?|sorry)\s+(?:(?:ever|really|truly)\s+)?(?:feels?|is|are|seems?|(?:will|would|could|can)\s+(?:ever\s+)?be)\s+(?:(?:ever|really|quite|nearly|big|large|good)\s+){0,2}(?:enough|adequate|sufficient)\b`,
      // The apology said to fall short and said again ("say it again because once isn't enough").
      String.raw`\bonce\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not)\s+(?:nearly\s+)?enough\b|\b(?:say|said)\s+(?:it|sorry)\s+(?:again|twice)\s+(?:because|since|as)\b`,
      String.raw`\bno\s+(?:apology|amount\s+of\s+(?:apologi[sz]ing|sorry))\s+(?:that\s+)?(?:(?:could|can|would|will)\s+(?:ever\s+)?)?(?:make\s+up\s+for|undo|cover|excuse|make\s+(?:this|it)\s+right)\b`,
      String.raw`\b(?:there\s+are\s+)?no\s+words\s+(?:for|to\s+(?:say|express|describe|convey))\s+how\s+(?:sorry|bad|terrible|awful|ashamed)\b|\bwords\s+(?:can(?:'?t|not)|could(?:n'?t|\s+not)|fail\s+to)\s+(?:express|describe|say|convey)\s+how\s+(?:sorry|bad|terrible|ashamed)\b`,
      // The writer unable to say how sorry they are ("I cannot begin to express how sorry we are").
      String.raw`\b(?:i|we)\s+(?:can(?:'?t|not)|could(?:n'?t|\s+not)|(?:will|would)\s+never\s+be\s+able\s+to)\s+(?:even\s+)?(?:begin\s+to\s+)?(?:express|say|describe|convey|tell\s+you|put\s+into\s+words)\s+how\s+(?:(?:very|truly|deeply|terribly)\s+)?(?:sorry|bad|terrible|awful|ashamed|much\s+(?:i|we)\s+regret)\b`,
      String.raw`\bentschuldigen?\s+(?:mich|uns)\s+(?:[a-zäöüß]{2,20}\s+){0,2}?(?:vielmals|tausendmal|zutiefst|aufrichtig|nochmals|von\s+herzen|in\s+aller\s+form)\b`,
      String.raw`\b(?:mis|nuestras)\s+m[aá]s\s+(?:sinceras|profundas|humildes)\s+disculpas\b|\bde\s+todo\s+coraz[oó]n\b|\bvon\s+(?:ganzem\s+)?herzen\b|\bde\s+tout\s+c(?:œ|oe)ur\b`,
    ]),
    explanation: 'One plain apology is enough; saying that no apology is big enough makes the message about you rather than the fix.',
    rewrite: () => 'sorry',
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\b(?:i'?m|i\s+am|we'?re|we\s+are|i\s+feel|i\s+was)\s+(?:so\s+|just\s+|truly\s+|honestly\s+)?beyond\s+(?:embarrassed|mortified|ashamed|gutted|devastated|humiliated)\b`,
      String.raw`\bwhat\s+(?:a|an)\s+(?:(?:total|complete|absolute|utter|proper|real)\s+)?${INSULT}\b`,
      // The writer calling themself one: "I'm a wrecking ball this week", "I'm honestly a menace with migrations".
      String.raw`\bi(?:'m|\s+am)\s+(?:(?:honestly|clearly|truly|really|just|officially|basically|such|apparently|definitely|literally)\s+){0,2}(?:an?\s+)?(?:(?:total|complete|absolute|utter|proper|real|one-(?:person|man|woman))\s+)?${SELF_LABEL}\b`,
      String.raw`\b(?:the\s+reason|why)\s+(?:[\w-]{1,40}\s+){0,3}?can'?t\s+have\s+nice\s+things\b`,
      String.raw`\b(?:have|had)\s+no\s+(?:idea|clue)\s+what\s+i'?m\s+doing\b|\bdon'?t\s+know\s+what\s+i'?m\s+doing\b`,
      String.raw`\bsomeone\s+(?:(?:much|far|a\s+lot)\s+)?(?:more\s+(?:competent|capable|careful|qualified|experienced|senior|responsible)|better|smarter|less\s+(?:careless|clumsy))\s+than\s+(?:me|us)\b`,
      String.raw`\bwhat\s+(?:kind|sort)\s+of\s+(?:engineer|developer|dev|person|human|coder|programmer|teammate|team|idiot|professional)\s+(?:[a-z]{2,20}s|does|would|forgets)\b`,
      String.raw`\b(?:most\s+(?:incompetent|stupid|careless|idiotic|embarrassing|boneheaded|amateurish|clueless|brainless)|dumbest|stupidest|sloppiest|silliest|clumsiest)\s+${OWN_ACT}\s+(?:i|we)(?:'ve|\s+have)?\s+(?:ever\s+)?(?:done|made|pulled|committed)\b`,
    ]),
    explanation: EXPLAIN.RUN_DOWN,
    rewrite: () => '',
  },
];

// Round eighteen, in the shapes blind27 and blind28 used: an adverb heading the apology with no verb before it
// ("Mortifyingly sorry, …", "Spectacularly sorry"), a Spanish or Portuguese apology verb with a superlative or a
// "-mente" adverb ("sinto muitíssimo", "lamentamos profundamente"), and the writer judged in an exclamation with "how"
// ("I can't believe how stupid I was"), also in German or Spanish ("Ich bin so ein Trottel").
const SHAPES_ADVERB_AND_EXCLAMATION: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      // Not a discourse adverb before a comma ("Lastly, sorry for the noise").
      String.raw`(?:^|[.;:!?,]\s{0,3})(?:${LY},?\s+)?(?!(?:lastly|firstly|secondly|thirdly|additionally|separately|personally|anyway)\b)${LY}\s+sorry\b`,
      String.raw`\b(?:siento|sentimos|lamento|lamentamos|sinto|sentimos)\s+(?:(?:much|muit)[ií]s{1,2}imo|tant[ií]s{1,2}imo|[a-záéíóúñ]{3,15}mente)\b`,
    ]),
    explanation: EXPLAIN.ONE_SORRY,
    rewrite: () => 'sorry',
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bhow\s+(?:${FILLER}\s+){0,2}${BAD_IDENTITY}\s+(?:i|we)\s+(?:was|am|were|are|'ve\s+been|have\s+been|had\s+been|can\s+be)\b`,
      // The writer's self-label in German or Spanish ("Ich bin so ein Trottel", "soy un desastre").
      String.raw`\bich\s+bin\s+(?:so\s+|echt\s+|wirklich\s+|ja\s+|total\s+|einfach\s+)?(?:ein|eine)\s+(?:(?:totaler|kompletter|echter|riesiger|absoluter)\s+)?(?:trottel|idiot|depp|vollidiot|esel|dummkopf|katastrophe|versager|chaot|volltrottel|anf[äa]nger)\b|\b(?:soy|somos)\s+(?:un|una|unos)\s+(?:(?:completo|total|verdadero)\s+)?(?:idiota|desastre|payaso|in[úu]til|tonto|torpe|inepto)s?\b|\bqu[ée]\s+(?:idiota|torpe|in[úu]til|tonto)\s+(?:soy|fui)\b`,
    ]),
    explanation: EXPLAIN.RUN_DOWN,
    rewrite: () => '',
  },
];

export const APOLOGY_SIZE_RULES: readonly FlagRule[] = [...SHAPES_BLIND13_14, ...SHAPES_BLIND15_21, ...SHAPES_BLIND22, ...SHAPES_SIZE_AND_WORTH, ...SHAPES_ADVERB_AND_EXCLAMATION];
