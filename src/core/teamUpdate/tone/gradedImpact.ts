/**
 * Too little, told by grading the impact, the doer or the apology's reach rather than by a missing part:
 * - the impact graded as next to nothing by the writer's own judgement: a grade adjective as the predicate of
 *   the failure ("a wrong symbol for 46 minutes is cosmetic", "it's cosmetic really", "was basically trivial"),
 *   the impact put at about zero ("the real impact was close to nil", "impact was near zero"), or the failure
 *   called a small share after a comparison ("60 out of 80,000 is a rounding issue"); none at the local radius;
 * - the doer named by a role's error instead of the missing safeguard ("Root cause: operator error", "engineer
 *   error", "user error on our side"): "human error" in other words;
 * - an apology whose reach is made conditional on how far anyone was bothered ("To the extent my commit bothered
 *   anyone, I apologize", "Insofar as …, apologies"; not "to the extent possible").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { rx, type FlagRule } from './ruleParts';
import { EXPLAIN } from './explanations';

// What the writer calls the impact when grading it down.
const SMALL_GRADE = String.raw`(?:cosmetic|negligible|trivial|harmless|immaterial|insignificant|inconsequential|academic|a\s+non-?issue|a\s+rounding\s+(?:error|issue))`;
// Adverbs that may stand before the grade ("purely cosmetic", "honestly trivial").
const GRADE_ADVERB = String.raw`(?:(?:really|basically|purely|just|only|mostly|largely|honestly|essentially|practically|effectively|entirely|totally|pretty\s+much|more\s+or\s+less|kind\s+of|at\s+worst|at\s+most)\s+){0,2}`;
// Nothing measured: "nil", "zero", "none".
const NOTHING = String.raw`(?:nil|zero|nothing|none|0)`;
// A role whose error is named as the cause.
const ERR_ROLE = String.raw`(?:operator|engineer|developer|user|admin|administrator|pilot|keyboard|manual|personnel|staff)`;

export const GRADED_IMPACT_RULES: readonly FlagRule[] = [
  {
    kind: 'minimizing',
    pattern: rx([
      // "a wrong symbol for 46 minutes is cosmetic", "so it's cosmetic really"; not "a cosmetic bug" (an attributive adjective).
      String.raw`\b(?:is|was|'s|are|were|seems|seemed|looks|looked|felt)\s+${GRADE_ADVERB}${SMALL_GRADE}(?=\s*(?:[.,;:!?]|$|\s+(?:really|honestly|anyway|and|but|so|since|because|at\s+(?:worst|most)|in\s+the\s+end|for\s+(?:most|all|the|our|everyone|anyone|users|customers))\b))`,
      // "the real impact was close to nil", "impact was near zero", "actual damage was about nothing".
      String.raw`\b(?:impact|damage|harm|effect|fallout)\s+(?:was|is|were|has\s+been)\s+(?:(?:really|honestly|basically|effectively|practically)\s+)?(?:close\s+to|near(?:ly)?|about|around|pretty\s+much|basically|essentially|effectively|virtually|practically)\s+${NOTHING}\b`,
      // "60 customers out of 80,000 is a rounding issue".
      // The grade on its own after a discourse adverb ("Honestly harmless, …", "Realistically trivial.").
      String.raw`(?:^|[.;:!?,]\s{0,3})(?:honestly|frankly|realistically|truthfully|really|basically|ultimately)[,]?\s+(?:pretty\s+|fairly\s+|quite\s+)?${SMALL_GRADE}\b`,
      // The broken thing called small or internal by what it is ("it's just the internal dashboard", "it's just us",
      // "it's a beta, crashes are expected"), the failure called expected of such a thing, or nothing to worry over.
      String.raw`\b(?:it'?s|it\s+is|it\s+was|that'?s|this\s+is|this\s+was)\s+(?:only\s+|just\s+)(?:us|internal|(?:the\s+|an?\s+|our\s+)?(?:internal|beta|alpha|demo|preview|test|admin|docs?|status|team|prototype|hobby|side)(?:\s+[\w-]{2,30})?)(?=\s*(?:[.,;:!?]|$|\s+(?:so|and|anyway|really)\b))|\b(?:it'?s|it\s+is|it\s+was)\s+(?:a|an)\s+(?:beta|alpha|preview|prototype|demo)\s*[,;]`,
      String.raw`\b(?:crashes|errors|bugs|failures|outages|glitches|hiccups|breakages|flakes|blips)\s+(?:are|were)\s+(?:(?:to\s+be|kind\s+of|sort\s+of|fully|totally|entirely)\s+)?expected\b`,
      String.raw`\bnot\s+(?:exactly|really|quite|even)\s+(?:a|an)\s+(?:disaster|catastrophe|crisis|tragedy|emergency|big\s+deal|end\s+of\s+the\s+world)\b|\b(?:nobody|no\s+one|no-one)(?:'s|\s+is|\s+will|'ll)\s+(?:going\s+to\s+|gonna\s+)?lose\s+(?:any\s+|much\s+)?sleep\b`,
      String.raw`\bout\s+of\s+(?:~\s?)?\d[\d,.]{0,9}\s*(?:k|m)?\s+(?:[\w-]{1,40}\s+){0,2}?(?:is|was|are|were)\s+${GRADE_ADVERB}(?:nothing|noise|tiny|a\s+rounding|${SMALL_GRADE})`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'human-error',
    pattern: rx([String.raw`\b${ERR_ROLE}\s+(?:errors?|mistakes?|slip-?ups?)\b(?!\s+(?:page|message|screen|dialog|banner|code|rate|log|toast|state)s?\b)`]),
    explanation: '"Operator error" names no cause; say which safeguard was missing (a test, a check, a review step).',
    rewrite: () => 'a missing check',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:to\s+the\s+extent|to\s+whatever\s+extent|insofar\s+as|in\s+so\s+far\s+as|inasmuch\s+as)\b(?!\s+(?:possible|practical|feasible|we\s+(?:can|could)|i\s+(?:can|could)))[^.!?]{0,140}?\b(?:apologi[sz]e|apologies|sorry|regret)\b`,
      String.raw`\b(?:apologi[sz]e|apologies|sorry|regret)\b[^.!?]{0,60}?\b(?:to\s+the\s+extent|to\s+whatever\s+extent|insofar\s+as|in\s+so\s+far\s+as)\b(?!\s+(?:possible|practical|feasible))`,
    ]),
    explanation: 'This apologises only as far as anyone minded; apologise for what broke and for whom.',
    rewrite: () => 'sorry for the breakage I caused',
  },
];
