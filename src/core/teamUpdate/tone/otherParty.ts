/**
 * Another party as the doer, in the grammar blind15-24 used and the earlier rules did not read
 * (session sixteen):
 * - the writer's work denied in more shapes ("my PR didn't cause it", "nothing in my change",
 *   "flaky before I touched it", "my service wasn't involved", "our service was healthy") and in
 *   more languages ("Das war nicht unser Fehler");
 * - a department, another team or the people served as the subject of the act that caused the
 *   failure ("Support escalated this too late", "finance sat on the approval", "the mobile team is
 *   sending expired tokens", "those users typed the wrong code"), the failure called intended
 *   ("by design"), and a party acting on its own thing ("the bank changed its routing", "a backlog
 *   on their side") — only where the writer owns nothing in the first person;
 * - a thing not the writer's put first as the reason ("the template from the docs is what wiped my
 *   db", "Hiro's hook is why my branch lost work"), and a tool acting wrongly on its own ("the
 *   update nuked my volumes", "Dependabot ignores the settings file");
 * - after owning, the cause moved: the other party acted "without notice", "despite our request",
 *   on an IP range "which we had announced", "though only because …", "but the root cause is …".
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { DOC, REPAIRED } from './agentWords';
import { PARTY_NAME, rx, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// The writer's work, as the subject of a denial.
const WORK = String.raw`(?:pr|change|changes|commit|commits|code|deploy|deployment|branch|push|merge|migration|config|release|service|services|platform|system|systems|api|app|part|side|team)`;
// Departments and other teams that act ("Support", "product", "the mobile team", "IT").
// A bare "team" or "folks" is often the writer's own ("the team is checking"): another team is named by a qualifier.
const DEPARTMENT = String.raw`(?:support|product|sales|legal|finance|accounting|marketing|procurement|security|compliance|ops|devops|sre|qa|infra|platform|design|leadership|management|the\s+business|(?:the\s+|their\s+|your\s+)?(?!(?:the|a|an|our|my|whole|entire|same|this|that)\b)(?:[\w-]{1,40}\s+){1,2}?(?:team|department|squad|folks|group))`;
// The people served, as a group that acts.
const SERVED = String.raw`(?:users?|customers?|clients?|partners?|merchants?|shoppers?|tenants?|manufacturers?|carriers?|banks?|vendors?)`;
// Acts of another that cause a failure: a past or present verb, a progressive, or a few irregular pasts; not noticing or suffering.
const NOT_AN_ACT = String.raw`(?:${REPAIRED}|checked|checking|tested|testing|looked|looking|investigated|investigating|reviewed|reviewing|verified|working|worked|trying|tried|waiting|waited|helping|monitoring|watching|debugging|handling|noticed|reported|flagged|spotted|caught|asked|raised|pinged|helped|confirmed|mentioned|complained|emailed|called|messaged|alerted|warned|paged|needed|used|affected|impacted|experienced|received|started|stopped|lost|saw|got|were|was|had|has|is|are)`;
const ACT = String.raw`(?:(?!${NOT_AN_ACT}\b)[a-z]{3,20}ed|(?:is|are|was|were|keeps?|kept)\s+(?!(?:being|getting)\b)(?!${NOT_AN_ACT}\b)[a-z]{3,20}ing|sat\s+on|wrote|sent|made|took|gave|chose|forgot|broke|left|did\s+not|didn'?t|never|owns?)`;
// Verbs of a user's own error.
// A cause then put on the writer in the same clause ("… after my change broke the signature"): the party only reacted.
const WRITER_CAUSE_AFTER = String.raw`(?![^.!?;]{0,80}\b(?:because|since|once|after|when|as)\s+(?:i|we|my|our)\b)`;
// Acts that only tell who was affected ("customers who clicked the link") are an error only with a wrong object.
// The writer's own omission conceded in the same sentence ("… and we never updated our job"): the writer owns its part.
const OMISSION_CONCEDED = String.raw`(?![^.!?]{0,120}\b(?:and|but)\s+(?:we|i)\s+(?:never|didn'?t|did\s+not|hadn'?t|had\s+not|forgot|missed|failed)\b)`;
const USER_ERROR = String.raw`(?:(?:typed|entered|clicked|deleted|disabled|chose|picked|used)\s+(?:(?:the|an?|their)\s+)?(?:wrong|old|invalid|expired|incorrect|outdated)\b|ignored|skipped|misused|misconfigured|(?:did\s+not|didn'?t|never)\s+(?:follow|read|update|upgrade|install|check|enable)|retry\s+too|retried\s+too|keep\s+retrying)`;
// Things a tool does wrong on its own, and states of a thing that is faulty.
const MALFUNCTIONS = String.raw`(?:nuked|nukes|clobbered|clobbers|mangled|mangles|ignores|ignored|overrode|overrides|rewrote|rewrites|misbehaved|misbehaves|disagree|disagrees|ate|eats|wiped|wipes|trashed|deleted|deletes)`;
// Words of a thing being done to ("the linter config got deleted"): the thing is the victim, not the doer.
const DONE_TO = String.raw`(?:got|get|gets|was|were|been|is|are|being|had)`;
const FAULTY = String.raw`(?:confusing|misleading|unclear|broken|buggy|flaky|too\s+(?:low|high|small|short|tight|aggressive|strict))`;

const UNOWNED_EXPLANATION = 'This makes another party the doer of the failure without saying what was yours; say which part you own (a missing check, fallback or pin).';
const DENIAL_EXPLANATION = 'This denies your part before showing what happened; say what you checked and what was yours, if anything.';

export const OTHER_PARTY_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}\s+(?:didn'?t|did\s+not|doesn'?t|does\s+not|never|couldn'?t|could\s+not)\s+(?:cause|break|touch|trigger|do)\s+(?:it|this|that|anything)\b`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}\s+(?:wasn'?t|was\s+not|isn'?t|is\s+not|weren'?t|were\s+not)\s+(?:even\s+)?(?:involved|the\s+cause|at\s+fault|related|part\s+of\s+(?:it|this|that))\b`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:service|services|platform|system|systems|api|app|side)\s+(?:was|were|is|are)\s+(?:perfectly\s+|completely\s+)?(?:healthy|fine|green|working)\s*[;,.—–-]`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:service|platform|system|api|app|code)\s+did\s+nothing\s+wrong\b|\bnothing\s+(?:in|from)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?${WORK}\b`,
      String.raw`\bnot\s+(?:by|from|due\s+to)\s+anything\s+(?:we|i)\s+(?:ran|did|changed|deployed|pushed|touched|shipped)\b`,
      String.raw`\b(?:flaky|broken|failing|red|down|slow)\s+(?:long\s+|well\s+)?before\s+(?:i|we)\s+(?:touched|changed|merged|pushed|opened|started)\b`,
      String.raw`\b(?:nicht\s+(?:mein|unser)\s+fehler|nicht\s+unsere\s+schuld|no\s+(?:es|fue)\s+(?:nuestra\s+culpa|culpa\s+nuestra|nuestro\s+error)|pas\s+(?:notre|de\s+notre)\s+faute|n[aã]o\s+(?:[eé]|foi)\s+(?:minha|nossa)\s+culpa|niet\s+(?:mijn|onze)\s+(?:schuld|fout)|non\s+[eè]\s+colpa\s+nostra)\b`,
    ]),
    explanation: DENIAL_EXPLANATION,
    rewrite: () => 'part of this may be mine',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // A department or another team as the subject of the act: "Support escalated this too late", "the mobile team is sending …".
      String.raw`\b(?:because|since|as|after)\s+(?!(?:my|our)\b)${DEPARTMENT}\s+(?:(?:just|then|also|apparently|again|only)\s+)?${ACT}\b${WRITER_CAUSE_AFTER}`,
      String.raw`(?:^|[,;:—–]\s{0,3}|\b(?:so|and|that)\s+)(?!(?:my|our)\b)${DEPARTMENT}\s+(?:(?:just|then|also|apparently|again|only)\s+)?${ACT}\b${WRITER_CAUSE_AFTER}(?=[^.!?;]{0,80}?(?:\btoo\s+(?:late|early|soon)\b|\b(?:wrong|expired|stale|invalid|broken|bad)\b|\bwithout\b|\bbefore\s+(?:it|we|the\s+fix)\b|\bthis\s+way\b|,?\s+so\s+)|\s*(?:[.;,]|$))`,
      String.raw`\b(?:was|were|got|had\s+been)\s+[a-z]{3,20}ed\s+by\s+the\s+(?:[\w-]{1,40}\s+){0,2}?(?:team|group|department|vendor|provider)(?:'s|’s)`,
      String.raw`\b(?:was|were|got|had\s+been)\s+[a-z]{3,20}ed\s+by\s+(?:the\s+)?(?:ops|security|infra|platform|support|finance|legal|procurement|(?:[\w-]{1,40}\s+)?(?:team|department))\b`,
      // The cause located with another party: "was down to our SMS vendor", "lies with the carrier's label API".
      String.raw`\b(?:(?:was|is|came|comes)\s+(?:entirely\s+|all\s+|squarely\s+)?down\s+to|(?:lies|lay|sits|sat|rests|rested)\s+with)\s+(?:the\s+|our\s+|their\s+|an?\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:${VENDOR}|vendor|provider|partner|carrier|bank|maintainers?|${DEPARTMENT}|[\w-]{2,40}(?:'s|’s))`,
      // Another source's thing said to be faulty: "the onboarding script from the platform repo is out of date".
      String.raw`\b(?:from|by|in)\s+(?:the|a|an|their)\s+(?:[\w-]{1,40}\s+){0,2}?(?:repo|repository|team|group|vendor|provider|partner|upstream|library|template|wiki|docs)\s+(?:is|are|was|were)\s+(?:so\s+|really\s+|badly\s+)?(?:out\s+of\s+date|outdated|stale|wrong|broken|buggy|confusing|misleading)\b`,
      // A tool "being" itself: "Jenkins being Jenkins" (beside the writer's own part it only plays the failure down).
      String.raw`\b([a-z][\w-]{1,30})\s+being\s+\1\b`,
      // The fix handed to the people served: "they need to update".
      String.raw`\b(?:they|users|customers|clients|you)\s+(?:just\s+)?(?:need|needs|have|has)\s+to\s+(?:update|upgrade|reinstall|clear|restart|log\s+out|re-?login)\b`,
      // The people served, by their own error: "those users typed the wrong code", "partners retry too aggressively".
      String.raw`\b(?:those|the|these|some|a\s+few|many|most)?\s{0,3}${SERVED}\s+(?:who\s+(?:[\w'-]{1,40}\s+){1,6}?)?${USER_ERROR}\b${WRITER_CAUSE_AFTER}`,
      // The failure called intended, or put on another.
      String.raw`\b(?:are|is|was|were|'re|'s)\s+(?:working\s+|behaving\s+)?(?:by\s+design|as\s+designed|working\s+as\s+intended)\b`,
      String.raw`\b(?:that|this|it)(?:'s|\s+is|\s+was)\s+(?:all\s+|really\s+)?on\s+(?:the\s+)?(?:[\w-]{1,40}\s+)?(?:${SERVED}|${VENDOR}|makers?|maintainers?)\b`,
      // A party acting on its own thing: "the bank changed its routing", "switching their file encoding", "on their side".
      String.raw`(?<!\b(?:i|we)\s+(?:[\w'-]{1,40}\s+){0,3})\b(?:changed|switched|switching|changing|moved|renamed|rotated|deprecated|removed|migrated|updated|upgraded|altered)\s+(?:its|their)\s+(?:own\s+)?[\w-]{2,40}\b`,
      String.raw`\b(?:a|an)\s+(?:[\w-]{1,40}\s+)?(?:backlog|outage|incident|problem|issue|bug|delay)\s+on\s+(?:their|its)\s+(?:side|end)\b`,
      String.raw`\bheavy\s+(?:usage|use|load|traffic)\s+(?:from|by)\s+(?:a|one|an?\s+single)\s+(?:[\w-]{1,40}\s+){0,2}?(?:customer|client|tenant|partner|user)\b`,
      // A vendor's or tool's bug by name: "the firewall vendor firmware bug".
      String.raw`\b(?:${VENDOR}|vendor|upstream)\s+(?:[\w-]{1,40}\s+)?(?:bug|regression|defect)\b`,
      // Something not the writer's as the reason, first: "X is what wiped my db", "X is why my branch lost work".
      String.raw`(?:^|(?<=[;:]\s{1,3})|(?<=\s[—–-]\s{1,3}))(?!(?:my|our|i|we)\b)(?:the\s+)?(?:[\w'’-]{1,40}\s+){0,6}?(?:is|was|are|were)\s+(?:what\s+(?:(?:[a-z]{3,20}ed|broke|took)\s+(?:[\w-]{1,40}\s+){0,3}?(?:my|our|the|it|this|that)\b|set\s+(?:it|this|that|them)\s+off\b)|why\s+(?:[\w-]{1,40}\s+){0,3}?(?:my|our|the|it|this|that)\b)`,
      // A tool or another's thing acting wrongly: "the update nuked my volumes", "Dependabot ignores the settings file".
      String.raw`(?:^|[,;:—–]\s{0,3}|\b(?:because|since|as|so)\s+)(?!(?:my|our|i|we)\b)(?:the\s+)?(?:[\w'’-]{1,40}\s+){0,3}?(?:${TOOL}|update|upgrade|template|hook|chart|console|sandbox|image|refactor|health\s+check)(?:'s)?\s+(?:(?!${DONE_TO}\b)[\w-]{1,40}\s+){0,3}?(?:${MALFUNCTIONS}|(?:is|was|are|were)\s+(?:so\s+|really\s+|just\s+)?${FAULTY})\b`,
      String.raw`\bbecause\s+(?!(?:my|our)\b)(?:the\s+)?(?:(?!(?:i|we|my|our)\b)[\w'’-]{1,40}\s+){0,5}?(?:is|are|was|were)\s+(?:so\s+|really\s+)?(?:confusing|misleading|unclear|too\s+(?:low|high|small|short|tight|aggressive|strict))\b`,
      String.raw`\b(?:${TOOL}|[\w-]{1,40})\s+and\s+(?:our|the|my)\s+(?:[\w-]{1,40}\s+)?(?:${TOOL})\s+disagree\b`,
    ]),
    explanation: UNOWNED_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    // Owned or not, a cause clause whose subject is another's thing acting wrongly or another party changing its own
    // thing ("because Dependabot ignores the settings file", "because our bank changed its routing"), or a thing
    // another person owns put first as the reason ("Hiro's hook is why my branch lost work").
    pattern: rx([
      String.raw`\b(?:because|since)\s+(?!(?:my|our|i|we)\b)(?:the\s+)?(?:(?!(?:i|we|my|our)\b)[\w'’-]{1,40}\s+){0,3}?(?:${TOOL})(?:'s)?\s+(?:(?!${DONE_TO}\b)[\w-]{1,40}\s+){0,2}?${MALFUNCTIONS}\b`,
      String.raw`\b(?:because|since|as|after)\s+(?:the|our|their|a|an)\s+(?:[\w-]{1,40}\s+){0,2}?(?:${VENDOR}|bank|carrier|provider|vendor|partner|maintainers?|registry|sandbox)\s+(?:changed|switched|moved|renamed|rotated|deprecated|removed|migrated|updated|upgraded|altered)\s+(?:its|their)\b${OMISSION_CONCEDED}`,
      String.raw`(?:^|(?<=[;:]\s{1,3})|(?<=\s[—–-]\s{1,3}))(?!(?:my|our|its|it)\b)[\w-]{2,40}(?:'s|’s)\s+(?:[\w-]{1,40}\s+){0,3}?(?:is|was|are|were)\s+(?:what\s+(?:(?:[a-z]{3,20}ed|broke|took)\b|set\s+(?:it|this|that|them)\s+off\b)|why\s+(?:my|our)\b)`,
    ]),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
  {
    kind: 'deflection',
    // Case matters: an unknown product or company by name, acting wrongly or named with a bug ("Skyvale's network in
    // Frankfurt went down", "the Glyphcraft rendering bug").
    pattern: new RegExp(
      [
        String.raw`(?:^|[;:,]\s{0,3}|(?<=\s[—–-]\s{1,3}))${PARTY_NAME}(?:'s|’s)\s+(?:[\w-]{1,40}\s+){0,3}?(?:went\s+down|was\s+down|crashed|failed|broke|stalled|duplicated|timed\s+out)\b`,
        String.raw`\b[Tt]he\s+${PARTY_NAME}\s+(?:[a-z][\w-]{1,40}\s+)?(?:bug|regression|outage|defect)\b`,
      ].join('|'),
      'g',
    ),
    explanation: UNOWNED_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    // Case matters: "IT" the department, not "it".
    pattern: /\b(?:(?:was|were|got|had\s+been)\s+[a-z]{3,20}ed\s+by\s+IT|IT\s+(?:[a-z]{3,20}ed|pushed|forced|rolled\s+out))\b/g,
    explanation: UNOWNED_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // The other party acted without telling the writer.
      String.raw`(?<!\b(?:i|we)\b[^;:!?]{0,100})\bwithout\s+(?:any\s+|a\s+|prior\s+|advance\s+)?(?:notice|notifying\s+(?:us|anyone)|warning(?:\s+us)?|telling\s+(?:us|anyone)|consulting\s+(?:us|anyone)|asking\s+(?:us|anyone)|(?:a\s+)?(?:deprecation|changelog|migration)\s+(?:note|notice|entry|warning|period))\b${WRITER_CAUSE_AFTER}`,
      // The writer did its part and the other did not.
      String.raw`\bdespite\s+(?:our|my)\s+(?:[\w-]{1,40}\s+){0,2}?(?:request|requests|warning|warnings|notice|ticket|tickets|announcement|reminders?|instructions?)\b`,
      String.raw`\b(?:which|that|as)\s+(?:we|i)\s+(?:had\s+|have\s+)?(?:announced|documented|communicated|published|flagged|warned\s+(?:about|of))\b`,
      String.raw`\b(?:we|i)\s+implemented\s+(?:it|this|that|them)\s+(?:exactly\s+)?as\s+(?:written|specified|documented)\b`,
      String.raw`\b(?:longer|more|less|other)\s+than\s+(?:its|their)\s+(?:own\s+)?(?:documentation|docs|sla|contract|spec)\s+(?:promises?|says?|guarantees?|states?)\b`,
      // After owning, the cause moved: "though only because …", "but the root cause is that …", "had no business touching".
      String.raw`\b(?:though|although|but)\s+only\s+because\s+(?!(?:i|we|my|our)\b)`,
      String.raw`\bbut\s+(?:the\s+)?(?:root|real|actual|underlying)\s+(?:cause|issue|problem)\s+(?:is|was)\s+(?:that\s+)?(?!(?:my|our|i|we|me|us)\b)`,
      String.raw`\bhad\s+no\s+business\s+[a-z]{2,20}ing\b`,
      String.raw`(?<!\b(?:my|our|i|we)\b[^;:!?]{0,60})\b(?:is|was|are|were)\s+the\s+(?:real|actual|true|main)\s+culprits?\b|\bthe\s+(?:real|actual|true|main)\s+culprit\s+(?:is|was)\s+(?!(?:my|our|me|us|i|we)\b)`,
      String.raw`\bbut\s+(?!(?:i|we)\b)(?:the\s+)?(?:[\w'-]{1,40}\s+){0,3}?(?:${DOC}|template|manual|checklist|ticket)\s+(?:[\w-]{1,40}\s+){0,2}?(?:lists?|listed|tells?|told|recommends?|recommended|includes?)\b`,
      String.raw`\b(?:questions|complaints|tickets)\s+(?:about\s+(?:[\w-]{1,40}\s+){1,2}?)?(?:should|must|can)\s+(?:go|be\s+(?:directed|sent))\s+to\s+(?!(?:us|me)\b)`,
    ]),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
];
