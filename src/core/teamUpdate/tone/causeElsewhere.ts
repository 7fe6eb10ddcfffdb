/**
 * The cause put outside, in the grammar of the blind sets (classes, not phrases). In the shapes
 * blind15-21 used (round fourteen):
 * - a cause locator ("because", "due to", "caused by", "came from", "traces back to", "the root
 *   cause is", "Cause:", "originated at", "driven by", "is/was …") whose complement names another
 *   party or its thing: a possessive of someone not the writer ("the data team's job", "Paylume's
 *   backlog"), "the <noun> team/group/guild/folks", their/your, an upstream, a library, an SDK, a
 *   runner image, docs, a guide, a spec, a checklist, or an unknown Capitalised name; the same
 *   outside thing first, then "which is why" / "that's why" the failure;
 * - denials and "nothing on our side" in short shapes ("Wasn't us.", "nothing from my side",
 *   "did nothing wrong", "not a bug of ours", "please ask the data folks");
 * - the users blamed ("did it to themselves", "please update your browser", "please be more careful");
 * all only where the writer owns nothing in the first person (an agentless defect, "due to a bad
 * config", stays under-owned: it names no other party).
 * - Ownership, then a contrast that moves the cause ("I did X, but Printgrove sends …", "As for the
 *   cause, the data group owns that pipeline", "built by an agency we used"): deflecting even when owned.
 * In the shapes blind22 used (round fifteen):
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
import { rx, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

const LOCATOR = String.raw`(?:because(?:\s+of)?|due\s+to|caused\s+by|driven\s+by|(?:came|comes|coming|come)\s+from|traces?\s+back\s+to|traced\s+(?:back\s+)?to|originated\s+(?:at|in|from|with)|root\s+(?:cause|of\s+(?:it|this|that))\s*(?:is|was|:)(?:\s+that)?|cause\s*:|por\s+culpa\s+del?)`;
// Possessors that are not another party: times, pronouns, contractions of "is".
const NOT_POSSESSOR = String.raw`(?:it|that|what|there|here|who|he|she|let|one|everyone|everybody|nobody|someone|today|yesterday|tonight|tomorrow|night|week|weekend|day|month|year|morning|evening|afternoon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|my|our|this|team|company|project|world)`;
// Another party's thing: "the data science team's notebook job", "Kubernetes' new default", "your endpoint's firewall".
const OTHERS_THING = String.raw`(?:(?:the|a|an)\s+)?(?:(?!(?:my|our|i|we|me|us)\b)[\w-]{1,40}\s+){0,3}?(?!${NOT_POSSESSOR}(?:'|’))[\w-]{2,40}(?:'s|’s|s'|s’)(?=\s)`;
// Another party by kind: a team, an agency, an upstream, a library, docs that said it.
const OUTSIDE_NOUN = String.raw`(?:team|group|guild|folks|squad|department|rotation|agency|contractors?|vendor|provider|partners?|carrier|bank|clearing\s+house|isp|isps|upstream|library|sdk|(?:hosted\s+)?runner\s+image|hosted\s+runner|docs|documentation|guide|readme|spec|checklist|migration\s+notes|release\s+notes|${VENDOR})`;
const OUTSIDE = String.raw`(?:${OTHERS_THING}|(?:the|an?)\s+(?:(?!(?:my|our)\b)[\w-]{1,40}\s+){0,3}?${OUTSIDE_NOUN}\b|(?:their|your)\s+(?:own\s+)?[\w-]{2,40}|(?:the\s+)?(?:customers?|users?|partners?|clients?)\s+(?:themselves|own)\b|(?:equipo|team)\s+de\s+[\w-]{2,40})`;

// Capitalised names the index of a sentence may start with: not another party.
const CAPITAL_NAME = String.raw`(?!(?:I|I'|The|This|That|It|We|Our|My|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Staging|Production|Prod|Main|Summary|Cause|Fix)\b)[A-Z][a-z]{2,20}(?:[A-Z][a-z]{1,20})?`;

/** Only where nothing is owned in the first person. */
const EXPLANATION = 'This puts the cause on another party without saying what was yours; say which part you own (a missing check, pin or fallback).';

const UNOWNED: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b${LOCATOR}\s+${OUTSIDE}`,
      // The copula as the locator: "the outage was the firewall appliance's auto-update", "flaky main is jest's fake timers".
      String.raw`\b(?:was|were|is|are)\s+(?:just\s+|all\s+|again\s+|really\s+)?${OTHERS_THING}`,
      // The outside thing first, then "which is why" the failure.
      String.raw`^(?:the\s+)?(?:[\w-]{1,40}(?:'s|')?\s+){0,3}?(?:[\w-]{1,40}'s?|${OUTSIDE_NOUN}|image|defaults?)(?:\s+[\w'.-]{1,40}){0,8}?[,;]?\s+(?:which|that)(?:'s|\s+is|\s+was)\s+why\b`,
      // Denials in short shapes.
      String.raw`\b(?:wasn'?t|was\s+not|not|isn'?t)\s+(?:us|me|ours|mine)\b(?!\s+(?:who|that|to)\b)`,
      String.raw`\bnot\s+(?:my|our)\s+(?:team'?s\s+)?(?:service|problem|code|area|system|bug|fault|job)\b`,
      String.raw`\bnothing\s+(?:(?:has\s+)?changed\s+|failed\s+|went\s+wrong\s+|broke\s+)?(?:on|in|from)\s+(?:our|my)\s+(?:side|end|part|code|systems?|platform)\b|\bnot\s+from\s+anything\s+on\s+our\s+side\b`,
      String.raw`\b(?:did|does|do)\s+nothing\s+wrong\b|\bnothing\s+wrong\s+with\s+(?:my|our)\b|\bnot\s+a\s+(?:bug|issue|problem)\s+(?:of\s+ours|with\s+[\w-]{2,40}|in\s+our)\b`,
      String.raw`\b(?:handled|processed|served)\s+every\s+(?:request|call|event|payment)\s+correctly\b|\b(?:our\s+)?systems?\s+(?:were\s+)?healthy\s+(?:all|the\s+whole)\s+time\b|\bitself\s+works\s+fine\b|\bmust\s+be\s+your\b`,
      // Pointing elsewhere: "please ask the data folks", "please contact them", "Check with the data team".
      String.raw`\b(?:ask|contact|check\s+with|direct\s+(?:questions|them|it|any\s+questions)\s+to|talk\s+to)\s+(?:them|someone\s+else|the\s+(?:[\w-]{1,40}\s+){0,2}?(?:team|folks|group|processor|provider|vendor|bank|carrier|partner))\b`,
      // The users blamed.
      String.raw`\b[a-z]{2,20}ed\s+(?:it|the\s+[\w-]{1,40})\s+themselves\b|\bplease\s+(?:update|upgrade)\s+your\s+(?:browser|app|client|device|os)\b`,
      String.raw`\b(?:on|using|running)\s+(?:an?\s+)?(?:outdated|old|unsupported|ancient)\s+(?:browsers?|versions?|password\s+managers?|devices?|clients?)\b`,
      String.raw`\byour\s+(?:[\w-]{1,40}\s+){0,2}?(?:firewall|proxy|network|traffic|endpoint|setup|server)\s+(?:was|is|were|far|kept|blocks?|blocked|strips?|stripped|rejects?|rejected|exceeded)\b`,
      String.raw`\b(?:partners?|customers?|users?|clients?)\s+retry\s+too\b|\btheir\s+parser\s+is\b`,
      // Another team's or role's work named by "by" or "from", or its approval: "the package update by the platform team",
      // "the chart from infra team had a wrong default", "the DBA on duty approved running it".
      String.raw`\b(?:update|change|release|rollout|migration|upgrade|rule|config)\s+by\s+the\s+(?:[\w-]{1,40}\s+){0,3}?(?:team|group|folks|guild)\b|\bfrom\s+(?:the\s+)?[\w-]{1,40}\s+team\s+(?:had|has|was|is)\b`,
      String.raw`\bthe\s+(?:[\w-]{1,40}\s+){0,2}?(?:dba|on-?call|release\s+manager|manager|lead)\s+(?:on\s+duty\s+|on\s+call\s+)?(?:approved|signed\s+off|okayed)\b|\bnot\s+an\s+issue\s+with\s+[\w-]{2,40}\b`,
    ]),
    explanation: EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    // Case matters here: an unknown Capitalised name as the cause ("because Cachewell kept serving", "a WebView bug from Google",
    // "Postlark's queue was backed up", "Textfern outage").
    pattern: new RegExp(
      [
        String.raw`\b(?:[Bb]ecause(?:\s+of)?|[Dd]ue\s+to|[Cc]aused\s+by|[Cc]ame\s+from|[Cc]omes?\s+from|[Ff]rom|[Oo]f(?!\s+[A-Z][a-z]{2,20}(?:[A-Z][a-z]{1,20})?\s+(?:was|were|is|are)\b)|[Aa]t|[Ww]as|[Ww]ere|[Cc]ause:|[Cc]ause\s+was)\s+${CAPITAL_NAME}(?:'s|')?\s+(?:[a-z][\w-]{1,40}\s+){0,3}?(?:kept|went|was|were|is|are|sends?|sent|failed|broke|delays?|queue|outage|bug|incident|maintenance|rate|retrying|serving|had)\b`,
        String.raw`\b(?:is|was)\s+an?\s+(?:known\s+)?${CAPITAL_NAME}(?:\s+[\w-]{1,40}){0,3}?\s+(?:bug|issue|problem|regression|defect|outage)\b`,
        String.raw`\b(?:bug|problem|issue|outage)\s+(?:of|from|at|in)\s+${CAPITAL_NAME}\b`,
        String.raw`(?:^|[;:,]\s{0,3})${CAPITAL_NAME}(?:'s|')\s+(?:[a-z][\w-]{1,40}\s+){0,3}?(?:went\s+down|was\s+(?:slow|down|backed\s+up|flaky)|kept\s+[a-z]{2,20}ing|failed\s+to|duplicated|sends?\s+wrong|misbehaved)\b|(?:^|[;:,]\s{0,3})${CAPITAL_NAME}\s+(?:[A-Z][a-z]{1,20}\s+)?(?:outage|delays\s+caused|rate\s+limit)\b|[;:,]\s{0,3}${CAPITAL_NAME}\s+(?:went\s+down|was\s+(?:slow|down|backed\s+up|flaky)|kept\s+[a-z]{2,20}ing|failed\s+to|duplicated|sends?\s+wrong|misbehaved|outage|delays\s+caused|rate\s+limit)\b`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
];

/** Ownership, then a contrast that moves the cause: deflecting even where the writer owns the change. */
const MOVED_AFTER_OWNING: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      // The writer's work denied or called a bystander, and the failure called another's habit.
      String.raw`\b(?:isn'?t|wasn'?t|is\s+not|was\s+not)\s+(?:from|in|caused\s+by)\s+(?:this|my|our)\s+(?:pr|change|commit|branch|mr|deploy)\b|\bjust\s+happened\s+to\s+be\s+the\s+one\b|\bfalls\s+over\s+if\s+you\s+look\b`,
      String.raw`\bthat'?s\s+what\s+happens\s+when\s+(?:the\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:team|folks|group|people|they|vendors?|someone)\b`,
      // The users blamed outright, owned or not.
      String.raw`\bdid\s+(?:it|this)\s+to\s+themselves\b|\bplease\s+be\s+more\s+careful\b`,
      String.raw`\b(?:as\s+for\s+the\s+(?:[\w-]{1,40}\s+){0,2}?(?:cause|data|issue)|that\s+said|in\s+fairness|to\s+be\s+fair|for\s+(?:full\s+)?transparency)\s*,?\s+(?:the\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:team|group|guild|folks|department)\s+(?:owns?|signed\s+off)\b`,
      String.raw`\b(?:built|made|written|shipped|configured)\s+by\s+(?:an?|the)\s+(?:[\w-]{1,40}\s+)?(?:agency|contractor|vendor)\b|\bshipped\s+by\s+(?:nginx|the\s+vendor|upstream)\b`,
      String.raw`\bowns\s+that\s+(?:[\w-]{1,40}\s+)?(?:pipeline|table|service|system|job),?\s+not\s+us\b`,
      String.raw`\bis\s+the\s+(?:[\w-]{1,40}\s+)?(?:runbook|docs|checklist|spec|vendor)'s\s+(?:problem|fault)\b`,
      String.raw`\bbut\s+(?:the\s+)?(?:sales|support|marketing|finance|legal|ops)\s+(?:gave|told|sent|said)\b`,
      String.raw`\bbut\s+the\s+[\w-]{1,40}'s\s+(?:upstream\s+)?(?:docs|documentation|defaults?|spec)\b`,
      String.raw`\bon\s+their\s+side,?\s+which\s+they\b|\bthe\s+root\s+cause\s+was\s+[\w-]{2,40}\s+serving\b`,
      // Another's thing as what "actually broke it"; "in fairness"; the cause "though" or "however" moved.
      String.raw`\b(?:are|were)\s+what\s+(?:actually\s+|really\s+)?(?:broke|caused|wiped|took\s+down|killed)\b|\b(?:is|was)\s+what\s+(?:actually|really)\s+(?:broke|caused|wiped|took\s+down|killed)\b|\b(?:in\s+fairness|to\s+be\s+fair),?\s+(?:the|nobody|no\s+one|they|[\w-]{2,40}'s)\b`,
      String.raw`\broot\s+cause,?\s+(?:though|however),?\s+(?:is|was)\b|\b(?:underlying|real|actual)\s+(?:cause|issue|problem)\s+(?:however\s+|though\s+)?(?:is|was)\s+(?!(?:my|our|me|us|i|we)\b)(?:the\s+)?[\w-]{2,40}`,
      // Docs, a template or a guide said otherwise: "but the module's README says …", "exactly as the CoreDNS docs show".
      String.raw`\bbut\s+(?!(?:i|we)\b)(?:the\s+)?(?:[\w'-]{1,40}\s+){0,4}?(?:docs|documentation|readme|template|guide|spec|manual|changelog)\s+(?:[\w-]{1,40}\s+){0,3}?(?:says?|said|marks?|marked|lists?|listed|describes?|claims?|shows?|never\s+says)\b`,
      String.raw`\bexactly\s+as\s+(?:the\s+)?(?:[\w'-]{1,40}\s+){0,3}?(?:docs|documentation|readme|guide|runbook|spec)\s+(?:says?|shows?|describes?)\b|\b(?:nobody|no\s+one)\s+documents\b|\b(?:badly|poorly|never)\s+documented\b|\bguide\s+leaves\s+out\b`,
      // Another party should have caught it: "but the on-call rotation should have noticed", "but the DBA told me it's safe".
      String.raw`\bbut\s+(?!(?:i|we)\b)(?:the\s+)?(?:[\w'-]{1,40}\s+){0,4}?(?:told\s+me|should\s+have\s+(?:noticed|caught|checked)|was\s+supposed\s+to\s+(?:catch|check|stop)|changed\s+the\s+default)\b`,
      // Denials of having touched it, in any language, and a tool or its default called the culprit.
      String.raw`\bnicht\s+mein\s+fehler\b|\bno\s+(?:es|fue)\s+mi\s+(?:culpa|error)\b|\bpas\s+ma\s+faute\b|\bnever\s+touched\s+(?:them|it|that|those)\b|\bhaven'?t\s+(?:pushed|touched|committed)\s+(?:there|to\s+it|that)\s+since\b`,
      String.raw`\bdefaults?\s+(?:is|are)\s+(?:stupid|dumb|insane|broken|wrong)\b|\bneither\s+tells\s+you\b|(?<!\b(?:commit|message|title|description|comment|naming|name|note|notes)\s+(?:is|was|are|were)\s+(?:also\s+|just\s+|total\s+|complete\s+)?)\b(?:nonsense|shenanigans)\b|\bthe\s+[\w-]{1,40}\s+(?:team|group|folks)\s+maintains?\b|\bthat'?s\s+[\w-]{2,40}'s\s+(?:[\w-]{1,40}\s+){0,3}?doing\s+it\b`,
    ]),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
  {
    kind: 'deflection',
    // Round eighteen: not a named root cause the writer then owns a miss against ("…, and we didn't test empty rows against it").
    pattern: new RegExp(String.raw`\bbut\s+${CAPITAL_NAME}(?:'s)?\s+(?:[a-z][\w-]{1,40}\s+){0,2}?(?:sends?|sent|served|kept|gave|changed|broke|returned|returns|touched|turned|rewrote|swapped)\b|\b(?:[Yy]arn|[Pp]ip|[Nn]pm|[Hh]omebrew|GitHub|[Gg]it)(?:\s+[a-z][\w-]{1,40})?\s+(?:rewrote|swapped|turned)\b|\b[Tt]he\s+root\s+cause\s+was\s+${CAPITAL_NAME}\b(?![^.!?]{0,120}\b(?:I|[Ww]e)\s+(?:didn't|did\s+not|never|missed|forgot|should|failed|had\s+no)\b)`, 'g'),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
];

// CAPITAL_NAME's list, with "Status" (a status page) and without "I'".
const CAUSE_NAME = String.raw`(?!(?:I|The|This|That|It|We|Our|My|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Staging|Production|Prod|Main|Summary|Cause|Fix|Status)\b)[A-Z][a-z]{2,20}(?:[A-Z][a-z]{1,20})?`;

const UNOWNED_BLIND22: readonly FlagRule[] = [
  {
    kind: 'deflection',
    // Case matters: an unknown Capitalised name where the cause was.
    pattern: new RegExp(
      [
        String.raw`\b(?:backlog|outage|incident|delays?|maintenance|failure|slowdown|congestion)\s+(?:at|in|from|on)\s+${CAUSE_NAME}\b`,
        String.raw`\b(?:outage|incident|problem|issue|failure|slowdown)\s+was\s+(?:all\s+|really\s+|just\s+)?${CAUSE_NAME}\b(?!\s+(?:and|with)\s+(?:me|us)\b)`,
        String.raw`\b${CAUSE_NAME}(?:'s|’s)\s+(?:[a-z][\w-]{1,40}\s+){0,3}?(?:was|were)\s+(?:poorly|badly|never|not)\s+[a-z]{3,20}ed\b`,
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
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
];

export const CAUSE_ELSEWHERE_RULES: readonly FlagRule[] = [...UNOWNED, ...MOVED_AFTER_OWNING, ...UNOWNED_BLIND22, ...TOOL_AS_DOER];
