/**
 * Round fourteen: parts of a right-sized message in grammar blind15-21 used and the older shapes
 * missed (each entry joins the part's pattern in components.ts):
 * - ownership as a possessive of the writer's work in a copula or a fragment ("that was my apply",
 *   "…, my deploy."), my work that was doing harm ("my test was leaking a port"), "a merge of mine",
 *   a first-person act as the cause ("because I re-ran the job"), an object whose relative clause
 *   failed ("I wrote a query that double-counted"), ownership in other languages ("fue mi error");
 * - repair as a state of the new thing ("the new key is in place", "fix is merged", "3.9.1 out"), and
 *   repair verbs the list lacked ("pulled it", "silenced", "flushed", "voided", "rerun");
 * - impact as what the reader got too many times, or who was logged out;
 * - prevention as a standing change told in the present ("… now opens a ticket", "now X go with",
 *   "is in the deploy pipeline now", "no longer batched", "are now idempotent", "needs approval now").
 * Every gap is bounded and each piece starts on a literal word (linear on any input).
 */
const MY_THING = String.raw`(?:deploy|deployment|apply|script|change|pr|commit|merge|rebase|config|test|alert|rule|plugin|update|upgrade|migration|query|patch|release|job|cron|flag|template|dockerfile|helm\s+chart|chart|bump|hotfix|import|bulk\s+update|seed\s+script)`;

export const OWNERSHIP_SHAPES_14: readonly string[] = [
  String.raw`\b(?:was|were)\s+(?:my|our)\s+(?:own\s+)?(?:[\w-]{1,40}\s+){0,3}?${MY_THING}\b`,
  String.raw`(?:^|[,;:—–]\s{0,3})(?:my|our)\s+(?:own\s+)?(?:[\w-]{1,40}\s+){0,2}?${MY_THING}(?:\s+(?:of|on|to|in)\s+(?:[\w-]{1,40}\s+){0,4}?[\w-]{1,40})?\s*(?:[.;]|$)`,
  String.raw`\b(?:my|our)\s+(?:own\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:was|were)\s+(?:leaking|dropping|failing|breaking|crashing|spamming|deleting|overwriting|double-[a-z]{2,20}ing)\b`,
  String.raw`\b(?:my|our)\s+(?:own\s+)?(?:[\w-]{1,40}\s+){0,3}?${MY_THING}\s+(?:had|reverted|removed|starved|double-[a-z]{2,20}ed|re-?sent|paged|set|made|filled|emailed)\b`,
  String.raw`\b(?:this|that|a|the)\s+(?:[\w-]{1,40}\s+)?of\s+(?:mine|ours)\s+(?:broke|caused|took|made|sent|deleted|wiped|dropped)\b`,
  String.raw`\bbecause\s+(?:i|we)\s+(?:accidentally\s+|mistakenly\s+)?(?:re-?ran|rerun|scheduled|[a-z]{2,20}ed)\b|\bafter\s+my\s+(?:[\w-]{1,40}\s+){0,3}?${MY_THING}\b`,
  String.raw`\b(?:i|we)\s+(?:wrote|built|set\s+up|made|added|shipped|introduced)\s+(?:a|an|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:that|which)\s+(?:[a-z]{2,20}ed|broke|sent|ran|took|made|dropped|lost)\b`,
  String.raw`\b(?:fue\s+mi\s+(?:error|culpa)|culpa\s+m[ií]a|mi\s+culpa|ma\s+faute|mein\s+fehler|meu\s+erro|colpa\s+mia)\b`,
  String.raw`(?:^|[:;,—–]\s{0,3})(?:was|were)\s+(?:us|me)\b`,
  String.raw`\b(?:this|it)\s+reverts\s+my\b`,
];

export const REPAIR_SHAPES_14: readonly string[] = [
  String.raw`\b(?:new|fixed|correct|corrected|replacement|patched|old)\s+(?:[\w-]{1,40}\s+){0,2}?(?:is|are)\s+(?:now\s+)?(?:in\s+place|live|out|up|back|deployed|uploaded|merged)\b`,
  String.raw`\bfix(?:es)?\s+(?:is|are)\s+(?:now\s+)?(?:merged|up|in|deployed|live|out)\b|\bfixed\s+and\s+(?:merged|deployed|released|shipped)\b|\bfixed\s+in\s+(?:#\d{1,8}|hotfix|v?\d)`,
  String.raw`\b(?:pulled|silenced|flushed|rerun|rollbacked|voided|purged|muted|relaxed|re-?uploaded|re-?imported|re-?added|re-?submitted|scaled\s+it\s+back)\b`,
  String.raw`\bv?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?\s+(?:is\s+)?(?:out|live)\b|\b(?:shipped|released)\s+v?\d{1,4}\.\d{1,4}\b`,
  String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:raised|lowered|silenced|rerun)\b|\b(?:have|has)\s+(?:all\s+)?(?:now\s+)?(?:been\s+)?(?:published|delivered|landed)\s+now\b|\bhave\s+now\s+landed\b`,
  String.raw`\b(?:flag|job|feature|alert|banner)\s+(?:is\s+)?off\s+now\b|\bcorrect\s+one\s+uploaded\b|\bsent\s+(?:a\s+)?correction\b`,
];

export const IMPACT_SHAPES_14: readonly string[] = [
  String.raw`\b(?:twice|two\s+times|three\s+times|(?:four|five|six|\d{1,3})\s+times)\b`,
  String.raw`\blogged\s+(?:[\w-]{1,40}\s+){0,2}?out\b|\blogged\s+out\s+everyone\b|\bwas\s+incomplete\b|\bsome\s+of\s+you\b`,
];

export const PREVENTION_SHAPES_14: readonly string[] = [
  String.raw`\bnow\s+opens\s+(?:a|an)\s+(?:ticket|alert|issue|page|incident)\b`,
  String.raw`\bnow\s+(?:[\w-]{1,40}\s+){1,3}?(?:go|goes|run|runs|need|needs|get|gets)\s+(?:with|through|via|behind|on|to|first)\b`,
  String.raw`\b(?:is|are)\s+no\s+longer\s+[a-z]{2,20}ed\b|\bcannot\s+[\w-]{2,20}\s+(?:[\w-]{1,40}\s+){0,3}?anymore\b`,
  String.raw`\b(?:is|are)\s+now\s+(?:idempotent|per-[\w-]{2,20}|explicit|immutable|read-only|versioned|atomic|capped|rate-limited|in\s+(?:the|our))\b|\b(?:is|are)\s+(?:per-[\w-]{2,20}|explicit)\s+now\b`,
  String.raw`\badded\s+(?:[\w-]{1,40}\s+){1,4}?to\s+(?:the|our)\s+(?:[\w-]{1,40}\s+){0,3}?(?:lab|matrix|farm|suite|tests?|checklist|pipeline|gate|devices|run)\b`,
  String.raw`\bfuture\s+[\w-]{1,40}\s+(?:get|gets|have|need|require|use)\b`,
  String.raw`\b(?:is|are)\s+in\s+(?:the\s+|our\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:pipeline|ci|checklist|runbook|tests?|gate|suite|alert|monitor(?:ing)?)\s+(?:and\s+[\w-]{1,40}\s+)?now\b`,
  String.raw`\b[\w-]{2,40}\s+(?:gates|guards)\s+(?:[\w-]{1,40}\s+){0,3}?now\b|\bfirst\s+now\b|\bneeds?\s+(?:a\s+)?(?:review|approval|sign-?off)\s+(?:from\s+(?:[\w-]{1,40}\s+){1,3}?)?now\b`,
  String.raw`\b(?:alert|monitor|check|guard|limit)\s+is\s+(?:on|live|active|in\s+place)\s+now\b|\b(?:key|guard|limit|lock)\s+(?:check\s+)?(?:added|is\s+in\s+place)\b`,
  String.raw`\b(?:has|have)\s+(?:an?\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:default|check|guard|limit|test|alert|lock)\s+(?:per\s+[\w-]{1,40}\s+)?now\b|\bwith\s+a\s+(?:test|check|guard|alert)\b|\bwith\s+automatic\s+failover\b`,
];
