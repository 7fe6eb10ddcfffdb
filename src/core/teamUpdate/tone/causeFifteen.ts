/**
 * Round fifteen (#18): the cause put outside in the grammar blind22 used (classes, not phrases):
 * - a cause placed at an unknown Capitalised name ("a backlog at Parcelwick", "the outage was Skyvault"),
 *   or that name's thing called poorly done ("Skyvault's notice was badly worded");
 * - "Cause:" and an upstream or a provider with no article ("Cause: upstream mail relay");
 * - "no action needed on our side" as the closing denial;
 * - another party's work as the source: "the runbook the contractor left us", "the policy the DBA group
 *   wrote didn't …", "its maintainer never added …";
 * - the users blamed for ignoring a warning ("users who saw it had ignored the upgrade prompt");
 * all only where the writer owns nothing in the first person; and a tool called the doer after owning
 * the fix ("the IDE auto-import did this"), deflecting even when the fix is owned.
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { rx, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';

const NAME = String.raw`(?!(?:I|The|This|That|It|We|Our|My|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Staging|Production|Prod|Main|Summary|Cause|Fix|Status)\b)[A-Z][a-z]{2,20}(?:[A-Z][a-z]{1,20})?`;
const EXPLANATION = 'This puts the cause on another party without saying what was yours; say which part you own (a missing check, pin or fallback).';

const UNOWNED: readonly FlagRule[] = [
  {
    kind: 'deflection',
    // Case matters: an unknown Capitalised name where the cause was.
    pattern: new RegExp(
      [
        String.raw`\b(?:backlog|outage|incident|delays?|maintenance|failure|slowdown|congestion)\s+(?:at|in|from|on)\s+${NAME}\b`,
        String.raw`\b(?:outage|incident|problem|issue|failure|slowdown)\s+was\s+(?:all\s+|really\s+|just\s+)?${NAME}\b(?!\s+(?:and|with)\s+(?:me|us)\b)`,
        String.raw`\b${NAME}(?:'s|’s)\s+(?:[a-z][\w-]{1,40}\s+){0,3}?(?:was|were)\s+(?:poorly|badly|never|not)\s+[a-z]{3,20}ed\b`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\bcause\s*:\s+(?:an?\s+|the\s+)?(?:upstream|third[- ]party|external|vendor)\b|\bcause\s*:\s+(?:[\w-]{1,40}\s+){0,2}?(?:provider|vendor|partner|carrier)\b`,
      String.raw`\bno\s+(?:action|changes?|fix)\s+(?:is\s+)?(?:required|needed)\s+(?:on|from)\s+(?:our|my)\s+(?:side|end|part)\b`,
      // Another party's work as the source: "the runbook the ops consultant left us", "the policy the DBA group wrote".
      String.raw`\bthe\s+(?:[\w-]{2,40}\s+){1,2}?the\s+(?:[\w-]{1,40}\s+){0,2}?(?:team|group|folks|guild|consultants?|contractors?|agency|vendor|dba)\s+(?:wrote|left(?:\s+us)?|set\s+up|gave\s+us|built|handed\s+(?:us|over))\b`,
      String.raw`\b(?:its|the)\s+(?:maintainers?|owners?|authors?)(?:,\s+[A-Za-z]{2,20},)?\s+(?:never|didn'?t|did\s+not|forgot\s+to)\b`,
      // The users blamed for a warning they skipped.
      String.raw`\b(?:users?|customers?|clients?|people)\s+(?:who\s+(?:[\w-]{1,40}\s+){1,4}?)?had\s+(?:ignored|dismissed|skipped)\s+(?:the|our|a)\b`,
    ]),
    explanation: EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
];

/** A tool called the doer, then the writer's denial of having done it: deflecting even with the fix owned. */
const TOOL_AS_DOER: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:we|i)\s+did\s+everything\s+right\b`,
      String.raw`\bthe\s+(?:ide|editor|linter|formatter|auto-?import(?:er)?|autocomplete|ide\s+auto-?import|code\s+generator)\s+did\s+(?:this|that|it)\b(?=[^.!?]{0,40}\bi'?d\s+never\b)`,
    ]),
    explanation: 'Owning the change and then moving its cause to another party reads as deflection; say what you will change.',
    rewrite: () => NO_SAFEGUARD,
  },
];

export const CAUSE_FIFTEEN_RULES: readonly FlagRule[] = [...UNOWNED, ...TOOL_AS_DOER];
