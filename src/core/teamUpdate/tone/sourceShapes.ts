/**
 * Round ten: more ways a writer names the source of a failure or denies their own part, found as
 * classes where blind10's deflections passed (causeLink.ts reads the source phrase and classes it):
 * - a fault located in another: "caused by a failure at our cloud provider", "a bug in a
 *   third-party SDK" (the phrase after "at / in / from" is the source);
 * - a deficient thing from another: "incomplete documentation from PostHarbor";
 * - the failing thing owned by another: "an expired certificate that the security team owns";
 * - another's omission as the reason: "because QA never updates the fixtures";
 * - the responsibility handed over as a possessive: "I'd call this mostly theirs";
 * - denials in more shapes: "…, not me", "it wasn't the deploy", "no sign that our release had
 *   anything to do with it", "the timing is coincidental", "I don't think it was me", and the
 *   writer's work called harmless ("I only changed test files").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { TEAM_BARE } from './ruleParts';

export const WORK = String.raw`(?:change|changes|migration|deploy|deployment|code|commit|commits|pr|config|release|branch|script|fault|doing|bug|side|service|services|part)`;

const ENDS = String.raw`(?=\s*(?:[.,;:!—–]|$))`;
/** Denials of the writer's agency, added to causeLink.ts's DENIED. */
export const MORE_DENIALS: readonly string[] = [
  String.raw`(?:,|\b(?:and|but))\s+not\s+(?:me|us|mine|ours|(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK})${ENDS}`,
  String.raw`\b(?:wasn'?t|was\s+not|isn'?t|is\s+not|weren'?t|were\s+not)\s+the\s+(?:[\w-]{1,40}\s+)?(?:deploy|deployment|release|migration|change|changes|rollout|update)${ENDS}`,
  String.raw`\bno\s+(?:sign|signs|evidence|indication|reason\s+to\s+(?:think|believe))\s+(?:that\s+)?(?:my|our|the)\s+(?:[\w-]{1,40}\s+)?${WORK}\s+(?:had|has|was|is|caused|played)\b`,
  String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}\s+(?:had|has)\s+nothing\s+to\s+do\s+with\b`,
  String.raw`\b(?:timing|it|this|that)\s+(?:is|was)\s+(?:(?:just|purely|entirely|probably|likely)\s+)?(?:a\s+)?coinciden(?:tal|ce)\b`,
  String.raw`\b(?:don'?t|do\s+not)\s+think\s+(?:it|this|that)\s+(?:was|is)\s+(?:me|us|mine|ours)\b|\b(?:it|this|that)\s+(?:wasn'?t|was\s+not|isn'?t|is\s+not)\s+(?:me|us)${ENDS}`,
  // Round twelve: the failure itself denied ("We did not have an outage", "there was no double charge"; not "there was
  // no data loss", which bounds an owned failure).
  String.raw`\b(?:there\s+(?:was|were|has\s+been|have\s+been)\s+no|(?:we|i)\s+(?:did\s+not|didn'?t|have\s+not|haven'?t)\s+(?:have|had|experience|cause)\s+(?:an?|any))\s+(?:[\w-]{1,40}\s+)?(?:outage|downtime|incident|double\s+charge|overcharge|disruption)s?\b`,
  // Round twelve: the writer's work as the subject too ("my PR only touched docs").
  String.raw`\b(?:i|we|(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK})\s+only\s+(?:changed|touched|edited|updated|modified)\s+(?:the\s+|some\s+|a\s+few\s+)?(?:tests?|test\s+files|docs?|readme|comments?|css|copy|typos?|whitespace)\b`,
];

/** A fault located in another ("caused by a failure at X"): the source phrase starts at the match's end. */
export const FAULT_IN = /\b(?:caused\s+by|triggered\s+by|due\s+to|because\s+of|result\s+of|root\s+cause\s*(?:was|is|:))\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]{1,40}\s+)?(?:failures?|bugs?|outages?|issues?|problems?|errors?|defects?|regressions?|incidents?|faults?)\s+(?:at|in|inside|within|from|with|of)\s+/gi;
/** A deficient thing from another ("incomplete documentation from PostHarbor"). */
export const DEFECT_FROM = /\b(?:incomplete|wrong|bad|outdated|missing|broken|faulty|misleading|incorrect|stale|buggy|inaccurate)\s+(?:[\w-]{1,40}\s+){1,2}?(?:from|by)\s+/gi;
/** The failing thing owned by another: "a certificate that the security team owns". */
export const OWNED_BY = new RegExp(String.raw`\b(?:that|which)\s+(?:the\s+)?((?:[\w-]{1,40}\s+){0,2}?(?:team|squad|crew|folks)|${TEAM_BARE})\s+(?:owns|owned|maintains|maintained|manages|managed|looks\s+after|is\s+responsible\s+for|was\s+responsible\s+for)\b`, 'gi');
/** Another's omission as the reason: "because QA never updates …"; the source is read back from the negation (group 1). */
export const OMISSION_BECAUSE = /\bbecause\s+(?:the\s+)?(?:[\w-]{1,40}\s+){1,3}?(never|didn'?t|did\s+not|doesn'?t|does\s+not|don'?t|do\s+not|forgot\s+to|forgets\s+to|failed\s+to|fails\s+to|refused\s+to|won'?t)\s+[a-z]{2,20}/gi;
/** Responsibility handed over as a possessive: "I'd call this mostly theirs", "that's his". */
export const THEIRS = /\b(?:(?:call|consider|count)\s+(?:this|it|that)(?:\s+one)?|(?:it|this|that)(?:\s+one)?(?:'s|’s|\s+is|\s+was))\s+(?:(?:mostly|mainly|largely|partly|really|all|entirely|squarely)\s+)?(theirs|his|hers)\b/gi;

export const SOURCE_SHAPE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['source shapes: fault in', FAULT_IN],
  ['source shapes: defect from', DEFECT_FROM],
  ['source shapes: owned by', OWNED_BY],
  ['source shapes: omission because', OMISSION_BECAUSE],
  ['source shapes: theirs', THEIRS],
];
