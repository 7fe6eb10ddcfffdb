/**
 * Round eleven: the failure put on another agent in shapes blind11's deflections used and the
 * older readers did not know:
 * - a passive whose doer is people by role or team, in acts that make them answerable ("was signed
 *   off by QA", "was requested by the compliance team", "a release that the QA sign-off missed");
 * - an act done "per / according to" a person's instructions or ticket (blame whatever is owned),
 *   or "according to the vendor's documentation" (deflects unless something is owned);
 * - the reader told it was theirs ("because of your config change, pls fix");
 * - a guess that points elsewhere ("My bet is the database provider is throttling us", "I doubt
 *   it's the deploy");
 * - a tool or product as the one misbehaving ("is Jest being flaky again", "X auto-imported the
 *   wrong module again, that's why …", "because Elasticsearch silently accepted …", "Apple really
 *   needs to catch up", "a known Kubernetes bug"), and a guide or step that "tells you to";
 * - the writer's part denied as "not by anything we did".
 * Every gap is bounded and each pattern starts on a literal word or a capital (linear on any input).
 */
import { ROLE, rx, TEAM_BARE, TEAM_WORD, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// People answerable for a decision: a role, a team by its name, or "the X team".
const PEOPLE = String.raw`(?:the\s+|our\s+|a\s+|an\s+)?(?:[\w-]{1,40}\s+)?(?:${ROLE}|${TEAM_BARE}|${TEAM_WORD}\s+(?:team|squad|folks|side)|[\w-]{1,40}\s+(?:team|squad))`;
// Acts that make their doer answerable for what failed (not "reviewed" or "caught", which help or guard).
// Changing something is answerable too ("was changed by the infra team without notice"); not the verbs that also
// repair ("removed / disabled / updated by the on-call engineer").
const ANSWERABLE = String.raw`(?:signed\s+off|approved|requested|asked\s+for|ordered|mandated|pushed\s+through|rushed\s+out|insisted\s+on|specified|demanded|changed|modified|edited|configured|reconfigured|renamed)`;
const WORK = String.raw`(?:change|changes|config|deploy|deployment|migration|commit|push|pr|merge|release|update|script|patch|rule|edit|bump|upgrade|refactor)`;
const OUTSIDE = String.raw`(?:${TOOL}|${VENDOR})`;
// Instructions an act can be done "per" (not "request" or "advice": "per Lena's request I added an alert" is a follow-up).
const INSTRUCTION = String.raw`(?:instructions|ticket|orders|say-so|spec|specs|direction|directions)`;
// Possessives that name a time, not a person: "per yesterday's request".
const NOT_A_SOURCE = String.raw`(?:yesterday|today|tonight|tomorrow|last\s+week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|everyone|the\s+customer)`;
const DOCS = String.raw`(?:documentation|docs|guide|runbook|readme|setup\s+guide|instructions|wiki)`;

export const OTHER_AGENT_RULES: readonly FlagRule[] = [
  {
    kind: 'blame',
    pattern: rx([
      String.raw`\b(?:was|were|got|had\s+been|has\s+been|have\s+been)\s+(?:all\s+|already\s+|explicitly\s+)?${ANSWERABLE}\s+by\s+${PEOPLE}(?![\w-])`,
      String.raw`\b(?:that|which)\s+(?:the\s+)?(?:${TEAM_BARE}|${ROLE}|reviewers?|review|[\w-]{1,40}\s+team)(?:'s)?\s+(?:(?:sign-?off|review|approval|check|testing)\s+)?(?:missed|approved|signed\s+off\s+on|let\s+through|waved\s+through|didn'?t\s+catch|did\s+not\s+catch|forgot\s+to|failed\s+to|neglected\s+to|never)\b`,
      // Round twelve: the reader's side as the doer ("because your admin changed the SSO settings").
      String.raw`\b(?:because|since|after|when)\s+your\s+(?:[\w-]{1,40}\s+)?(?:admin|admins|administrator|team|engineers?|developers?|devs?|it\s+department|ops|staff|colleagues?|manager|people|folks|users?|integration|script)\s+(?:[a-z]{2,20}ed|broke|did|set|ran|put|made|sent|took|forgot)\b`,
      String.raw`\b(?:per|according\s+to|as\s+per|on)\s+(?:(?!(?:${NOT_A_SOURCE})(?:'s|’s))@?[\w-]{1,40}(?:'s|’s)|(?:his|her|their)|the\s+(?:${ROLE}|[\w-]{1,40}\s+team)(?:'s|’s))\s+(?:[\w-]{1,40}\s+)?${INSTRUCTION}\b`,
      String.raw`\b(?:because\s+of|due\s+to|caused\s+by|from)\s+your\s+(?:[\w-]{1,40}\s+)?${WORK}\b|\byour\s+(?:[\w-]{1,40}\s+)?${WORK}\s+(?:broke|caused|took\s+down|is\s+(?:breaking|failing))\b`,
    ]),
    explanation: EXPLAIN.ON_OTHERS,
    rewrite: () => 'we missed this',
  },
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:not|wasn'?t|isn'?t|was\s+not|is\s+not)\s+(?:by|from|because\s+of|due\s+to|caused\s+by)\s+anything\s+(?:i|we)\s+(?:did|changed|shipped|deployed|touched)\b`,
      String.raw`\bi\s+(?:really\s+)?doubt\s+(?:it'?s|it\s+was|it\s+is|that\s+(?:it|this)\s+(?:was|is))\s+(?:the|my|our)\s+(?:[\w-]{1,40}\s+)?(?:deploy|deployment|release|change|changes|migration|code|config|pr)\b`,
    ]),
    explanation: EXPLAIN.SHIFTED,
    rewrite: () => 'we are still finding the cause',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // A guess that points elsewhere: "My bet is the database provider is throttling us", "probably upstream" (beside
      // the writer's own part, "probably the CDN made it worse" is context).
      String.raw`\b(?:my\s+(?:bet|guess|money)\s+is(?:\s+on)?|i\s+(?:bet|suspect|reckon)|probably|most\s+likely|presumably)\s+(?:that\s+)?(?:the\s+|our\s+|their\s+)?(?:[\w-]{1,40}\s+){0,2}?${OUTSIDE}\b`,
      String.raw`\b(?:is|was|it'?s)\s+(?:just\s+)?(?!(?:my|our|the|a|an|it|this|that)\b)[\w.-]{2,30}\s+being\s+(?:flaky|buggy|weird|broken|slow|dumb|stupid)\b`,
      // "X auto-imported the wrong module again, that's why …": another's act, again, as the reason.
      String.raw`(?:^|[.;:!]\s{1,3})(?!(?:i|we|my|our)\b)(?:[\w.-]{1,30}\s+){1,3}?(?:[a-z-]{2,30}ed|did\s+it|broke)\s+(?:[\w-]{1,40}\s+){0,5}?again,?\s+(?:that'?s|which\s+is|which\s+was)\s+why\b`,
      String.raw`\b(?!(?:i|we|you)\b)[\w-]{2,30}\s+(?:really\s+|seriously\s+|just\s+)?(?:needs?|has|have)\s+to\s+(?:catch\s+up|get\s+(?:their|its|it'?s)\s+act\s+together|sort\s+(?:their|its)\s+[\w-]{1,40}\s+out|do\s+better|step\s+up)\b`,
      String.raw`\b(?:step\s+\d{1,3}|the\s+(?:[\w-]{1,40}\s+)?${DOCS})\s+(?:tells|told|says|said|asks|asked|instructs|instructed)\s+(?:you|me|us|people|everyone)\s+to\b|\bfollowing\s+(?:the\s+)?(?:[\w-]{1,40}\s+)?${DOCS}\s+(?:to\s+the\s+letter\s+|exactly\s+)?(?:wipes|breaks|deletes|drops|corrupts|kills|erases)\b`,
    ]),
    explanation: EXPLAIN.CAUSE_OUTSIDE,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'message',
  },
  {
    // A defect located in another's product or service: deflects unless a sentence owns a part in the first person
    // (a safeguard added against it owns nothing, as for round ten's located faults).
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:is|was|'s)\s+(?:a\s+)?(?:known|documented|long-standing|open)\s+(?!(?:my|our)\b)(?:[\w-]{1,40}\s+){1,2}?(?:bug|issue|defect|regression|limitation|quirk)\b`,
      // Round twelve: "Is a bug of the plugin", "it's a bug in the client library".
      String.raw`\b(?:is|was|'s)\s+an?\s+(?:known\s+)?(?:bug|defect|regression|quirk)\s+(?:of|in|with)\s+(?:the|their)\s+(?:[\w-]{1,40}\s+)?(?:${OUTSIDE}|library|sdk|package|dependency|driver|client)\b`,
      String.raw`\b(?:according\s+to|per|following)\s+(?:the\s+)?(?:${OUTSIDE}(?:'s|’s)\s+)(?:[\w-]{1,40}\s+)?${DOCS}\b`,
      // "the secrets manager (Keystash) returned a stale version": a thing named by its brand, giving a bad result.
      String.raw`\b(?:the|our)\s+(?:[\w-]{1,40}\s+){0,2}?(?:manager|vendor|provider|sdk|library|registry|service|api|store)\s{0,3}\([\w .-]{2,30}\)\s+(?:returned|served|sent|gave|handed\s+back|dropped|rejected|lost)\b`,
      String.raw`\b(?:the|our|their)\s+(?:[\w-]{1,40}\s+)?${VENDOR}(?:'s|’s)\s+(?:[\w-]{1,40}\s+){0,2}?(?:went\s+to\s+(?:spam|junk)|bounced|got\s+lost|never\s+arrived|lapsed)\b`,
    ]),
    explanation: 'This puts the cause in another party\'s product without saying what was yours; say which part you own (a missing fallback, test or check).',
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    // A capitalised name after "because" is another's product or another person ("because Elasticsearch silently
    // accepted …"); case-sensitive, so "because I …" and sentence words are not read as names.
    kind: 'deflection',
    pattern: /\b(?:because|since)\s+(?!(?:I|We|My|Our|The|This|That|It|A|An)\b)[A-Z][\w.-]{1,30}\s+(?:(?:silently|just|simply|apparently|suddenly|quietly|randomly)\s+)?(?:[a-z]{2,20}ed|broke|threw|sent|gave|did|does|doesn'?t|didn'?t)\b/g,
    explanation: EXPLAIN.CAUSE_OUTSIDE,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'message',
  },
];
