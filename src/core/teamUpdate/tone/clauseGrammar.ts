/**
 * Round eighteen: clause grammar the first-person agent reader (agency.ts) uses, found where
 * right-sized updates in blind15-28 were called under-owned:
 * - a clock time ("at 14:02") or a date with "May" ("on 3 May") inside a clause is neither a clause
 *   break nor the modal verb that makes a clause conditional;
 * - the writer's act, then "and" with what it did as the subject of a failure, or the writer's
 *   omission with no new subject, says the act caused it (a repair verb then owns the failure).
 * Every gap is bounded and each piece starts on a literal word (linear on any input).
 */

// A colon inside a clock time ("at 14:02") does not end a clause.
export const AGENT_CLAUSE_BREAK = /[;—–]|(?<!\d):|:(?!\d)/;
const CLOCK_TIME = /(\d):(\d)/g;
// "on 3 May", "May 3rd": the month, not the modal verb (which makes a clause conditional).
const MONTH_MAY = /(\b\d{1,2}(?:st|nd|rd|th)?\s+)may\b|\bmay(?=\s+\d{1,2}(?:st|nd|rd|th)?\b)()/g;

// "I rotated the key and didn't update the worker": an omission right after the writer's act names the failure.
export const OMISSION_AFTER_ACT = /\band\s+(?:then\s+)?(?:didn'?t|did\s+not|never|failed\s+to|forgot\s+to)\s+[a-z]/i;
// The writer's act, then "and" with what it did as the subject of a failure ("I updated the print server
// and it dropped every job", "we bumped the image and every build failed"): the act is the cause, not the repair.
export const CONSEQUENCE = /\band\s+(?:then\s+)?(?:(?:it|they|that|this)\s+(?:then\s+|also\s+|just\s+|promptly\s+|immediately\s+)?|(?:the|every|all|each|some|most|many|half|our|my)\s+(?:[\w'-]{1,40}\s+){0,5}?)(?:(?:broke|failed(?!\s+(?:over|back)\b)|crashed|errored|froze|hung|stalled|timed\s+out|ran\s+out|backed\s+up|piled\s+up|went\s+(?:down|dark|red|offline)|could\s*n[o']?t|couldn'?t|kept\s+(?:failing|crashing)|stopped\s+[a-z]{2,20}ing)\b|(?:dropped|lost|deleted|wiped|rejected|blocked|broke)\s+(?:every|all|each|the|some|a|an|our|their|its|half|\d)|got\s+(?:[\w-]{1,40}\s+){0,3}?(?:twice|\d{1,4}\s+times|duplicates?)\b)/i;

/** A clause with its clock times and "May" dates made plain words (one token each, never a modal). */
export const plainClauseText = (clause: string) => clause.replace(CLOCK_TIME, '$1$2').replace(MONTH_MAY, '$1month');

export const CLAUSE_GRAMMAR_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['clause grammar: consequence', CONSEQUENCE],
  ['clause grammar: clock time', CLOCK_TIME],
  ['clause grammar: month may', MONTH_MAY],
  ['clause grammar: agent clause break', AGENT_CLAUSE_BREAK],
  ['clause grammar: omission after an act', OMISSION_AFTER_ACT],
];
