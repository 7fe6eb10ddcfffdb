/**
 * Deflection: words that shift the failure off the writer. Some always do ("not my fault",
 * "QA should have caught it", "the intern pushed it"); others only when nobody owns anything —
 * a vendor, a tool or a documentation gap named as the cause is fine next to "we had no
 * fallback, that part was ours" or "we're adding a status check", and deflecting without either.
 */
import { BLAME_ELSEWHERE_RULES } from './blameElsewhere';
import { OUTSIDE_CAUSE_RULES } from './outsideCause';
import { OTHER_PARTY_RULES } from './otherParty';
import { OTHER_SIDE_RULES } from './otherSide';
import { OTHER_SOURCE_RULES } from './otherSource';
import { OTHER_SUBJECT_RULES } from './otherSubject';
import { REPAIRED } from './agentWords';
import { FAILURE_VERB, likeCase, ROLE, rx, TEAM_BARE, TEAM_WORD, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// What an outside agent is said to have done, as the subject of the failure.
// Round eighteen: not a verb of helping ("Git's stash saved me").
const OUTSIDE_DID = String.raw`(?!(?:saved|helped|rescued|caught|spotted|flagged|warned|alerted)\b)(?:${FAILURE_VERB}|(?:[a-z]+-)?[a-z]{2,}ed\b|ate|rewrote|wrote|threw|made|put|hid|took|cut|reset|overrode|decided|picked|upgraded|updated|auto-?merged|suggested|gave|sent|let\s+(?:it|this|that)\s+through|had\s+an?\s+(?:[\w-]+\s+)?(?:hiccup|glitch|outage|issue|problem|bug|incident|blip|bad\s+day)|(?:is|was|are|were)\s+(?:clearly\s+|just\s+|probably\s+)?(?:broken|flaky|buggy|wrong|down|at\s+fault|to\s+blame)|being\s+flaky|went\s+down|failed|flaked|crashed|does\s+(?:this|that)|rejected|expired|silently|never\s+(?:said|told|mentioned))`;
// A determiner before the agent ("the linter", "our vendor", "someone on the QA side").
const DET = String.raw`(?:the|a|an|our|their|my|some|one\s+of\s+the|someone\s+(?:on|from|in)\s+the|somebody\s+(?:on|from|in)\s+the)`;
// Words between such a subject and its verb ("Jenkins just decided"); a noun there means the tool is
// only a modifier ("the linter config got deleted" is about a config).
// Round twelve: and the perfect's auxiliary ("The IDE has put the wrong import").
const ADVERB = String.raw`(?:just|then|also|apparently|silently|suddenly|clearly|somehow|again|randomly|accidentally|automatically|probably|itself|has|have|had)`;
const OUTSIDE = String.raw`(?:${TOOL}|${VENDOR})`;
// The writer's own work, in a denial: "not because of my code", "wasn't a deploy from us".
const MY_WORK = String.raw`(?:code|change|changes|commit|commits|deploy|deployment|pr|side|end|work|config|release|migration|part|stuff|service)`;
// A docs-like source the writer followed ("the README never mentions", "the docs said it was safe").
const DOCS = String.raw`(?:the|our|their)\s+(?:[\w-]+\s+)?(?:requirements?|specs?|docs|documentation|readme|wiki|guide|instructions|ticket|runbook|story)(?:\s+(?:for|of|on)\s+the\s+(?:[\w-]+\s+)?[\w-]+)?`;
// Session sixteen: words before a number that make it a count ("the 200 queued emails"), not a product's version.
const COUNT_WORD = String.raw`(?:the|a|an|our|my|their|all|about|over|under|some|first|last|only|those|these|another|around|nearly|almost)`;
// Verbs of wanting or knowing: "they didn't ask for" says what the receiver wanted, not what they failed to do.
const WISH_VERB = String.raw`(?:ask|want|need|expect|request|order|sign\s+up|opt\s+in|agree|choose|consent|mean|know)`;
// Verbs of noticing, reporting or repairing: a team that "noticed", "reported" or "restarted" it did not cause it.
const NOTICING = String.raw`(?:${REPAIRED}|noticed|reported|flagged|spotted|caught|asked|escalated|raised|pinged|helped|confirmed|mentioned|complained|emailed|called|messaged|alerted|warned|paged)`;
const PEOPLE_BY_ROLE = String.raw`(?:${ROLE}|${TEAM_BARE}|${TEAM_WORD}\s+(?:team|side|folks|people|guys)|(?:[\w-]+\s+)?team)`;

const ALWAYS: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:not|wasn'?t|isn'?t|was not|is not)\s+(?:really\s+|entirely\s+|totally\s+)?(?:my|our)\s+fault\b`,
      String.raw`\b(?:wasn'?t|was\s+not)\s+me\b`,
      String.raw`\b(?:i|we)\s+(?:(?:did\s+not|didn'?t|never)\s+(?:break|cause|touch)|never\s+(?:broke|caused|touched))\b`,
      String.raw`\bnot\s+(?:ours|mine)\b`,
      String.raw`\bnot\s+(?:my|our)\s+(?:problem|bug|code|issue|doing|responsibility|call)\b`,
      String.raw`\b(?:(?:is|'s|was)\s+not|isn'?t|wasn'?t)\s+on\s+(?:me|us)\b`,
      // Round twelve: "not something I did", and "Not me." said on its own.
      String.raw`\bnothing\s+(?:i|we)\s+did\b|\bnot\s+(?:something|anything)\s+(?:i|we)\s+(?:did|changed|touched|caused|broke)\b|(?:^|[.!?;]\s{1,3})not\s+(?:me|us)\s*(?:[.!]|$)`,
      // Round twelve: an act done because someone said so ("because Thabo said to"; not "because I said").
      String.raw`\b(?:because|since|cause|bc|as)\s+(?!(?:i|we)\b)(?:[\w@-]{1,40}\s+){1,2}?(?:said|told\s+(?:me|us))\s+(?:to|so)\b`,
      String.raw`\b(?:was|is)\s+(?:someone|somebody)\s+else(?:'s)?\b`,
      String.raw`\b(?:someone|somebody)\s+else(?:'s)?\s+(?:\w+\s+)?${FAILURE_VERB}`,
      String.raw`\bwhoever\s+(?:\w+\s+){0,6}?(?:should|broke|caused|forgot|wrote|set up|configured|touched|changed|edited|merged|pushed)\b`,
      String.raw`\bshould(?:'?ve|\s+have)\s+been\s+caught\b`,
      // Round nine: not after the writer as the subject of the same clause ("we tracked it in a spreadsheet nobody checked").
      String.raw`(?<!\b(?:we|i)\s+(?:[\w'-]{1,40}\s+){1,8})\b(?:nobody|no one|no-one)\s+(?:told|warned|reviewed|tested|checked|documented|mentioned|informed)\b`,
      String.raw`\b${DOCS}\s+(?:never|didn'?t|did\s+not|doesn'?t|does\s+not|don'?t|do\s+not)\s+(?:says?|said|mentions?|mentioned|specif(?:y|ies|ied)|warns?|warned|covers?|covered|explains?|explained|documents?|documented)\b`,
      String.raw`\b(?:qa|ci|the tests?|testers?|reviewers?|the reviewers?|code review|the code review|the review|ops|the ops team|devops|sre)\s+(?:should(?:'?ve|\s+have)\s+(?:caught|flagged|noticed|seen)|missed|didn'?t\s+catch|failed\s+to\s+catch|signed\s+off|approved)\b`,
      String.raw`\b(?:the|our|their)\s+(?:[\w-]+\s+)?${TOOL}\s+should(?:'?ve|\s+have)\s+(?:caught|flagged|noticed|blocked|prevented|stopped)\b`,
      // Round ten: not "it only ran on my machine", which tells the failure (the thing did not run elsewhere); round
      // twelve: nor "it never ran on my machine" (the failure again).
      String.raw`(?<!\b(?:only|just|never|not)\s{1,3})\b(?:works|worked|passed|passes|runs|ran)\s+(?:fine\s+)?on\s+my\s+(?:machine|laptop|box|branch|end|side|env|environment)\b`,
      String.raw`\balready\s+(?:red|broken|failing|down)\s+(?:when|before)\s+(?:i|we)\b`,
      String.raw`\b(?:out\s+of\s+(?:my|our)\s+hands|beyond\s+(?:my|our)\s+control)\b`,
      String.raw`\bnothing\s+(?:we|i)\s+(?:can|could)\s+(?:have\s+)?do(?:ne)?\b`,
      String.raw`\bi\s+(?:was\s+)?(?:just|only)\s+(?:following|followed|doing\s+what|did\s+what|wrote)\b`,
      String.raw`\b(?:i|we)\s+(?:was|were)\s+told\s+to\b|\btold\s+(?:me|us)\s+to\b`,
      String.raw`\btechnically\s+(?:\w+\s+){0,3}?(?:worked|was\s+(?:fine|correct))\b`,
      String.raw`\ba\s+\w+\s+problem,?\s+not\s+a\s+\w+\s+problem\b`,
      String.raw`\b(?:shouldn'?t|should not)\s+be\s+expected\s+to\b`,
      String.raw`\b(?:made|caused)\s+by\s+the\s+(?:[\w-]+\s+)?team\b`,
      String.raw`\bblame\s+(?:it\s+on\s+)?(?:the|them|him|her|you|${OUTSIDE})\b`,
    ]),
    explanation: EXPLAIN.SHIFTED,
    rewrite: (m) => likeCase(m, /caught|missed|approved|signed|review/i.test(m) ? 'our checks did not catch it' : 'my change was part of this'),
  },
  {
    kind: 'blame',
    pattern: rx([
      // A name of up to 40 letters: an open-ended \w+ ran across a whole 1 MB word before failing.
      String.raw`\b(?:their|your|his|her|\w{1,40}'s)\s+fault\b`,
      // Session sixteen: not what the receiver wanted or knew ("an email they didn't ask for").
      String.raw`\b(?:they|he|she)\s+(?!(?:did(?:n'?t|\s+not))\s+${WISH_VERB}\b)${FAILURE_VERB}`,
      // Not the writer's own team named in apposition: "We on the data team broke the export".
      // Round nineteen: not the team as the object of a preposition, the ones affected ("logins for the QA team were broken").
      String.raw`(?<!\b(?:we|us|for|to|of|with|on|in|from|at|affecting|hitting)\s+)\bthe\s+(?:other|[\w-]+)\s+team(?:'s)?\s+(?:(?!(?:was|were|is|are|got|been|being)\b)\w+\s+)?${FAILURE_VERB}`,
      String.raw`\b(?:is|was|'s|are|were)\s+(?:all\s+|entirely\s+|really\s+|squarely\s+)?on\s+(?:the\s+[\w-]+\s+(?:team|side|folks)|them|him|her|whoever|ops|qa)\b`,
      String.raw`\bthe\s+[\w-]+\s+team\s+(?:owns|should\s+own)\s+(?:this|that|it)\b`,
      String.raw`\bbecause\s+of\s+(?:them|him|her|the other team)\b`,
      // Another team's problem or job: "the flaky test is QA's problem", "that's their job".
      String.raw`\b(?:is|was|'s|are|were)\s+(?:really\s+|honestly\s+|clearly\s+|just\s+)?(?:their|(?:${TEAM_BARE}|the\s+[\w-]+\s+team)'s)\s+(?:problem|issue|job|responsibility|mess|bug)\b`,
      String.raw`\b(?:was\s+)?caused\s+by\s+(?:the|a|an)\s+(?:vendor|third[- ]party|upstream|provider|cloud provider)\b`,
      // People by role, as the ones who did it: "the intern pushed", "it was the new guy who forgot".
      String.raw`\b${DET}\s+(?:[\w-]+\s+)?${ROLE}(?:'s\s+(?:[\w-]+\s+)?|\s+)(?:who\s+)?(?:(?:just|accidentally|apparently|then|also|never)\s+)?(?:${FAILURE_VERB}|wrote|gave|told)\b`,
      // Round seventeen: "human error by our team" is the writer's own team, told vaguely (under-owned), not another party.
      String.raw`\b(?:mistake|error|fault|bug|typo|commit|change|push|pr|merge|deploy|migration|patch|config)\s+(?:of|by|from)\s+(?!our\b)${DET}\s+(?:[\w-]+\s+)?${PEOPLE_BY_ROLE}\b`,
      String.raw`(?<!\bhuman\s{1,3})\b(?:mistake|error|fault|bug|typo|commit|change|push|pr|merge|deploy|migration|patch|config)\s+(?:of|by|from)\s+our\s+(?!(?:own\s+|whole\s+|entire\s+)?team\b)(?:[\w-]+\s+)?${PEOPLE_BY_ROLE}\b`,
      String.raw`\b(?:made|introduced|caused|broken|pushed|merged|written|deployed)\s+by\s+${DET}\s+(?:[\w-]+\s+)?(?:${ROLE}|${TEAM_WORD}\s+(?:team|side))\b`,
      String.raw`\b(?:because|since)\s+(?:the\s+)?(?:${TEAM_BARE}|${TEAM_WORD}\s+(?:team|side|folks))\s+(?:${FAILURE_VERB}|gave|told|wrote|[a-z]{3,}ed)\b`,
      // Round twelve: any named team's omission as the reason ("because the analytics team not cleaned their tables").
      String.raw`\b(?:because|since)\s+the\s+(?!(?:whole|entire)\b)[\w-]{1,40}\s+(?:team|squad)\s+(?:never|not|didn'?t|did\s+not|forgot\s+to|failed\s+to|neglected\s+to)\s+[a-z]{2,20}`,
      // Guessing at someone else as the cause: "must be the infra folks", "has to be the on-call person".
      String.raw`\b(?:must|has\s+to|gotta)\s+(?:be|have\s+been)\s+(?:the\s+|some\s+)?(?:[\w-]+\s+)?(?:${ROLE}|team|folks|side|people|guys)\b`,
      String.raw`\b(?:someone|somebody)\s+(?:on|from|in)\s+the\s+[\w-]+\s+(?:team|side)\s+(?:${FAILURE_VERB}|wrote|gave|told)\b`,
    ]),
    explanation: EXPLAIN.ON_OTHERS,
    rewrite: (m) => likeCase(m, 'we missed this'),
  },
];

const UNLESS_OWNED: readonly FlagRule[] = [
  {
    kind: 'deflection',
    // Denial, unless the same sentence owns a part ("no problem on our side at first, then I found my deploy broke it").
    pattern: rx([
      // "not because of my code", "not a bug in my code", "wasn't a deploy from us".
      String.raw`\b(?:not|wasn'?t|isn'?t|was\s+not|is\s+not)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:bug|problem|issue|fault|error|deploy|deployment|change|commit|push|release)\s+)?(?:because\s+of|due\s+to|caused\s+by|from|in|with|by)\s+(?:(?:my|our)\s+(?:[\w-]+\s+)?${MY_WORK}|us|me)\b`,
      String.raw`\b(?:no|nothing)\s+(?:[\w-]+\s+)?(?:problems?|issues?|bugs?|errors?|faults?|wrong)\s+(?:on|in|with|from)\s+(?:our|my)\s+(?:side|end|part|code|systems?|changes?|logs|metrics|dashboards|traces)\b`,
      // Round twelve: the writer's own records said to be clean ("Not seeing anything in our logs").
      String.raw`\b(?:not\s+seeing|(?:don'?t|do\s+not|can'?t|cannot)\s+see|(?:didn'?t|did\s+not)\s+(?:see|find))\s+anything\s+(?:wrong\s+|unusual\s+|odd\s+|suspicious\s+)?(?:in|on|from)\s+(?:our|my)\s+(?:[\w-]{1,40}\s+)?(?:logs|side|end|metrics|dashboards|traces|monitoring|code|changes|deploys?)\b`,
      // Round twelve: "weren't broken by my change".
      String.raw`\b(?:not|wasn'?t|weren'?t|isn'?t|aren'?t|was\s+not|were\s+not|is\s+not|are\s+not)\s+(?:broken|caused|affected|triggered|taken\s+down|brought\s+down)\s+by\s+(?:(?:my|our)\s+(?:[\w-]+\s+)?${MY_WORK}|us|me)\b`,
      // "nothing changed on my side", "Nothing was changed on our end".
      String.raw`\bnothing\s+(?:was\s+|has\s+been\s+|had\s+)?(?:changed|touched|deployed|different)\s+(?:on|in|from)\s+(?:our|my)\s+(?:side|end|part)\b`,
      // "This isn't a regression from my PR".
      String.raw`\b(?:not|wasn'?t|isn'?t|was\s+not|is\s+not)\s+a\s+regression\s+(?:from|in|by|of)\s+(?:my|our)\b`,
    ]),
    explanation: 'This denies a part before showing what happened; say what you checked and what was yours, if anything.',
    rewrite: () => 'we are still finding the cause',
    unlessOwned: 'sentence',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // A tool or vendor as the subject of the failure: "Jenkins decided to deploy…", "the merge tool picked…".
      // Session sixteen: not the team's own tool ("our scheduler ran in UTC"); "our vendor" is still outside.
      String.raw`(?:^|[,;:—–(]\s*|\b(?:because|since|as|when|after|but|and|honestly|then)\s+)(?!(?:our|my)\s+(?:[\w-]+\s+){0,2}?${TOOL}\b)(?:${DET}\s+)?(?:[\w-]+(?:'s)?\s+){0,2}${OUTSIDE}(?:'s)?\s+(?:${ADVERB}\s+){0,2}${OUTSIDE_DID}`,
      // …or any named software at a version: "Node 22 changed the behavior", "after Postgres 16 dropped …".
      String.raw`(?:^|[,;:—–(]\s*|\b(?:because|since|as|when|after|but|and|honestly|then)\s+)(?!(?:pr|build|commit|release|version|step|job|test|sprint|incident|ticket|issue|line|day|week|run|${COUNT_WORD})\b)[a-z][\w.-]{1,30}\s+v?\d+(?:\.\d+){0,3}\s+(?:${ADVERB}\s+){0,2}${OUTSIDE_DID}`,
      // …or a team or role deciding it: "Product insisted on shipping", "and the design team changed the tokens".
      String.raw`(?:^|[,;:—–(]\s*|\b(?:because|since|as|when|after|but|and|then)\s+)(?:the\s+)?(?:${TEAM_BARE}|product|design|legal|leadership|sales|finance|execs|the\s+business|${TEAM_WORD}\s+(?:team|side|folks|people)|(?:[\w-]+\s+)?${ROLE})\s+(?:${ADVERB}\s+){0,2}(?:insisted|decided|demanded|forced|rushed|wanted|made\s+us|asked\s+(?:us|me)\s+to|${FAILURE_VERB}|(?!${NOTICING}\b)[a-z]{3,}ed)\b`,
      // …or a docs-like source the writer followed: "the docs said the flag was safe to remove", "the spec was unclear".
      String.raw`\b${DOCS}\s+(?:said|says|say|claimed|claims|stated|states|suggested|implied|told\s+(?:me|us))\b`,
      String.raw`\b${DOCS}\s+(?:was|were|is|are)\s+(?:just\s+|really\s+|totally\s+)?(?:unclear|wrong|outdated|out\s+of\s+date|incomplete|ambiguous|misleading|vague|confusing)\b`,
      // …or a vendor's or tool's thing as the subject: "our vendor's SDK update changed the default".
      String.raw`(?:^|[,;:—–(]\s*|\b(?:because|since|as|when|after|but|and|honestly|then)\s+)(?:${DET}\s+)?(?:[\w-]+\s+)?${OUTSIDE}'s\s+(?:[\w-]+\s+){0,2}?${OUTSIDE_DID}`,
      // …or the writer's part declared fine: "my change was fine."
      String.raw`\b(?:my|our)\s+(?:[\w-]+\s+)?${MY_WORK}\s+(?:was|is|were|are)\s+(?:totally\s+|perfectly\s+|completely\s+)?(?:fine|ok|okay|correct|good|innocent)(?=\s*(?:[.,;!]|$))`,
      // …or as the cause: "because of the CDN", "came from the backup tool", "this was a SendGrid issue".
      // Round thirteen: not a thing someone set up wrong ("due to a misconfigured load balancer" names no agent: under-owned).
      // Round seventeen: not the writer's own tool ("because of my broken bot script"), nor a generic tool only naming a
      // vague failure ("due to a scheduler issue": no party is named).
      String.raw`\b(?:caused\s+by|due\s+to|came\s+from|because\s+of|the\s+result\s+of|thanks\s+to)\s+(?!my\b)(?:${DET}\s+)?(?:(?!mis[a-z]{2,20}ed\b)[\w-]+\s+)?(?<!\bmis[a-z]{2,20}ed\s)(?:${VENDOR}\b|${TOOL}\b(?!\s+(?:issue|problem|glitch|error|hiccup|failure)s?\b))`,
      String.raw`\b(?:caused\s+by|due\s+to|came\s+from|because\s+of|the\s+result\s+of)\s+(?:${DET}\s+)?(?:[\w-]+\s+){0,2}(?:outage|issue|problem|incident|bug|failure|change|update|error|misconfiguration|regression|glitch)\s+(?:at|in|on|from|with|by|of)\s+(?:${DET}\s+)?(?:[\w-]+\s+)?${OUTSIDE}\b`,
      // Another team's work as the subject or the cause: "the security team's new rule blocked", "since the platform
      // team's change to the base image", "the template from the platform team is what broke".
      String.raw`\bthe\s+[\w-]+\s+team's\s+(?:[\w-]+\s+){0,3}?(?:${OUTSIDE_DID}|blocked|rejected)`,
      String.raw`\b(?:since|after|because\s+of|due\s+to)\s+the\s+[\w-]+\s+team's\s+(?:[\w-]+\s+)?(?:change|update|release|deploy|migration|rule|config|upgrade|rollout|refactor)`,
      String.raw`\bfrom\s+the\s+[\w-]+\s+team\s+(?:is\s+what\s+|just\s+)?${FAILURE_VERB}`,
      // Handing the fix to others: "Waiting on them.", "someone should talk to them", "ask infra", "Datadog needs to explain this".
      String.raw`\b(?:waiting\s+on|(?:someone|somebody)\s+(?:should|needs\s+to|has\s+to)\s+(?:talk|speak)\s+to|ask)\s+(?:them|${TEAM_BARE}|infra|the\s+[\w-]+\s+team)\s*(?:[.!,;]|$)`,
      String.raw`\b(?:${OUTSIDE}|they)\s+(?:needs?|has|have)\s+to\s+(?:explain|answer\s+for|own)\s+(?:this|that|it)\b`,
      String.raw`\bupstream\s+(?:bug|issue|problem|regression)\b`,
      // Round twelve: the writer as the object of another's limit ("the sandbox silently rate-limited us").
      String.raw`\b(?:silently\s+|suddenly\s+|quietly\s+)?(?:rate-?limited|throttled|blocked|banned|suspended|blacklisted|deprioriti[sz]ed|cut\s+off)\s+us\b`,
      // Round twelve: a thing switched off by a team, where nothing is owned ("the export was switched off by the finance
      // team"); beside owned work it may be the mitigation.
      String.raw`\b(?:was|were|got|had\s+been)\s+(?:switched|turned|shut)\s+(?:off|down)\s+by\s+(?:the\s+)?(?:${TEAM_BARE}|(?:${TEAM_WORD}|[\w-]{1,40})\s+(?:team|squad|folks))\b`,
      // Round twelve: fate as the cause deflects only where nothing is owned; beside "we shipped a release that broke
      // …" it plays the failure down (flagRules.ts, minimizing).
      String.raw`\b(?:these\s+things\s+happen|(?:stuff|things)\s+happens?|does\s+(?:this|that)\s+sometimes)\b`,
      String.raw`\b(?:this|that|it)(?:'s|\s+is|\s+was)\s+(?:really\s+|honestly\s+|clearly\s+|just\s+)?an?\s+(?:documentation|docs|testing|test|process|qa|infra|infrastructure|tooling|vendor|ops|requirements?|product|communication|ci|environment|cloud|platform|network|networking|hardware|hosting|provider|dns|isp)\s+(?:problem|issue|failure|thing|outage)\b`,
    ]),
    explanation: EXPLAIN.CAUSE_OUTSIDE,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'message',
  },
];

export const DEFLECTION_RULES: readonly FlagRule[] = [...ALWAYS, ...UNLESS_OWNED, ...BLAME_ELSEWHERE_RULES, ...OUTSIDE_CAUSE_RULES, ...OTHER_PARTY_RULES, ...OTHER_SIDE_RULES, ...OTHER_SUBJECT_RULES, ...OTHER_SOURCE_RULES];
