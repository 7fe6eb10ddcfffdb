/**
 * Round fifteen (#18): the size of an apology or of the impact, in shapes blind22 used:
 * - an apology multiplied ("a thousand times sorry", "hundertmal Entschuldigung") or said again to a
 *   second audience ("I apologise to the ops group, and again to Priya herself") → over-apologetic;
 * - the impact waved away in a closing word or a comparison ("…, whatever.", "basically noise") → under-owned.
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { rx, type FlagRule } from './ruleParts';

export const SIZE_RULES_15: readonly FlagRule[] = [
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
    explanation: 'This plays the impact down; say plainly who was affected and for how long, and let readers judge the size.',
    rewrite: () => '',
    notLocal: true,
  },
];
