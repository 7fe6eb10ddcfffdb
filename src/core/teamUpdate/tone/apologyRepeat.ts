/**
 * Round thirteen: the size of an apology and the writer's judgement of themself in shapes blind13
 * and blind14 used:
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
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { BAD_IDENTITY, FILLER, likeCase, rx, type FlagRule } from './ruleParts';

// An apology word in the languages and spellings the sets use.
const APOLOGY_WORD = String.raw`(?:sorry|sry|soz|apologies|perd[oó]n(?:a|e|en|ame|enme)?|disculp(?:a|as|e|en|enme)|lo\s+siento|lo\s+sentimos|entschuldigung(?:en)?|sorry\s+sorry|pardon|d[ée]sol[ée]e?s?|scusa(?:te)?)`;
const LY = String.raw`(?!(?:only|early|lately|recently|previously|initially|originally|finally|briefly|partly|mostly|likely)\b)[a-z]{3,20}ly`;
// What the writer says they lack "enough" of.
const ENOUGH = String.raw`(?:senior|experienced|smart|good|competent|careful|qualified|skilled|capable|responsible|mature|clever|reliable|trustworthy)`;

export const APOLOGY_REPEAT_RULES: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${APOLOGY_WORD}[\s,!.;-]{1,4}${APOLOGY_WORD}\b`,
      String.raw`\b(?:sorry|sry|soz|apologies)\s*(?:x|×)\s*\d{1,2}\b|\b(?:sorry|apologies)\s+times\s+(?:two|three|ten|a\s+(?:hundred|thousand|million)|\d{1,3})\b`,
      String.raw`\b${APOLOGY_WORD}\s+(?:otra\s+vez|de\s+nuevo|nochmal|noch\s+einmal|encore)\b`,
      String.raw`\b(?:mil|tausend|mille|cien|hundert|tante)\s+(?:disculpas|perdones|entschuldigungen|excuses|pardons|scuse)\b`,
      String.raw`\blo\s+(?:siento|sentimos)\s+(?:much[ií]simo|mucho|tanto|en\s+el\s+alma|de\s+verdad)\b`,
      String.raw`\bes\s+tut\s+(?:mir|uns)\s+(?:[a-zäöüß]{2,20}\s+){1,3}leid\b`,
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
      String.raw`\bi(?:'m|\s+am)\s+(?:just\s+|so\s+|really\s+|such\s+)?(?:${LY}\s+)?(?:bad|terrible|awful|hopeless|useless|rubbish|incompetent)\s+(?:at|with)\b`,
      String.raw`\bi(?:'m|\s+am)\s+(?:${LY}\s+|just\s+|really\s+)?the\s+(?:worst|most\s+(?:careless|useless|clueless|incompetent|forgetful|chaotic)|[a-z]{2,20}est)\s+(?:person|engineer|dev|developer|human|teammate|coder|programmer|employee|member)\s+(?:alive|ever|on\s+(?:earth|the\s+planet|this\s+team)|in\s+(?:the\s+)?(?:world|history|company|building))\b`,
      String.raw`\bi(?:'m|\s+am)\s+(?:${LY}\s+|just\s+|really\s+|still\s+)?not\s+${ENOUGH}\s+enough\b`,
    ]),
    explanation: 'Putting yourself down makes the update about you; say what broke and what changed.',
    rewrite: () => 'I made a mistake',
  },
];
