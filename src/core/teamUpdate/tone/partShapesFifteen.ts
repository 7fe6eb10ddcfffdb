/**
 * Round fifteen (#18): parts of a right-sized message in grammar blind22 used and the older shapes
 * missed (each entry joins the part's pattern in components.ts):
 * - ownership: the writer left something of theirs in a harmful state ("I left the admin port open"),
 *   a first-person act in the plain present ("I push the search change and …"), the problem called the
 *   writer's thing ("the problem was our cache warmer"), "after my key rotation";
 * - impact as a counted group with an approximation ("for roughly 70 translators");
 * - prevention as an added check that stops the job by itself ("added a size check that halts the upload").
 * Every gap is bounded and each piece starts on a literal word (linear on any input).
 */
export const OWNERSHIP_SHAPES_15: readonly string[] = [
  String.raw`\b(?:i|we)\s+left\s+(?:a|an|the|my|our)\s+(?:[\w-]{1,40}\s+){0,3}?(?:enabled|open|running|exposed|unlocked|public|switched\s+on|turned\s+on)\b`,
  // Only as a sentence's first words: "When I deploy the wrong branch …" is a habit, not an act.
  String.raw`(?:^|[.;:!?]\s{1,3})i\s+(?:deploy|push|merge|ship|rollback|delete|drop)\s+(?:the|my|a)\s+(?:[\w-]{1,40}\s+){0,2}?(?:change|release|migration|script|update|build|commit|branch|table|index)\b`,
  String.raw`\b(?:problem|issue|bug|fault)\s+was\s+(?:my|our)\s+(?:own\s+)?[\w-]{2,40}`,
  String.raw`\bafter\s+my\s+(?:[\w-]{1,40}\s+){0,2}?(?:rotation|cutover|rollout|restart|reindex|cleanup|switch|rename)\b`,
];

export const IMPACT_SHAPES_15: readonly string[] = [
  String.raw`\bfor\s+(?:about|around|roughly|some|nearly|almost|over)\s+\d[\d,]{0,8}\s+[a-z]{3,20}s\b`,
];

export const PREVENTION_SHAPES_15: readonly string[] = [
  String.raw`\badded\s+(?:a|an)\s+(?:[\w-]{1,40}\s+){0,3}?(?:that|which)\s+(?:blocks|stops|fails|halts|rejects|pages|catches|refuses)\b`,
];
