/**
 * Finds the parts of an apology in a message, sentence by sentence: who did it (ownership), why
 * it broke (explanation), who or what it hit (impact), one plain apology (regret), what was done
 * (repair) and what stops a recurrence (prevention). Word patterns, bounded gaps only.
 */
import { AGENCY_PATTERNS, FAILURE, firstPersonAct, firstPersonAgent, REPAIR_VERB, startsWithOtherAgent } from './agency';
import { guaranteeAfterAct, IMPACT_SHAPES, OWNERSHIP_SHAPES, PART_SHAPE_PATTERNS, PREVENTION_SHAPES, REPAIR_SHAPES, VAGUE_PLAN } from './partShapes';
import { IMPACT_STATES, OWNERSHIP_STATES, PART_STATE_PATTERNS, PREVENTION_STATES, repairFragment } from './partStates';
import type { Sentence } from './sentences';
import type { ToneComponentName } from './types';

const rx = (parts: readonly string[]) => new RegExp(parts.join('|'), 'i');

const FIRST_PERSON_VERB = String.raw`(?:broke|break|caused|cause|introduced|shipped|deployed|pushed|merged|made|took|brought|messed|screwed|forgot|missed|deleted|wiped|force-pushed|committed|dropped|filled|skipped|removed|released|rolled\s+out|misconfigured|(?:did\s+not|didn'?t)(?!\s+(?:break|cause|touch|do\s+(?:it|this|that|anything)|(?:have|experience|see)\s+(?:an?|any)\s+(?:[\w-]{1,40}\s+)?(?:outage|downtime|incident|disruption|double\s+charge|overcharge)s?\b|lose\s+(?:any|a\s+single)\b))|should\s+have|should'?ve|own|take\s+responsibility|am\s+responsible|'m\s+responsible|am\s+the\s+one|'m\s+the\s+one|set|renamed|ran|applied|overwrote|let|undid|typo'?d|mis[a-z]{3,20}ed|double-[a-z]{2,20}ed|over-?charged|under-?estimated|overlooked)`;
const WORK = String.raw`(?:hotfix|change|changes|commit|commits|push|deploy|deployment|release|merge|pr|migration|refactor|config|typo|code|script|test|bump|cron|workflow|dependency|branch|rollout|helm|patch|query|mistake|team's|side|fix|upgrade|edit|flag|default|setting|rule|template|job|banner|parser|schema|index|maintenance)`;
// "in error" says how a thing was done ("was force-pushed in error"), not that something failed.
const FAILURE_WORD = String.raw`(?:rejected|overwrote|broke|broken|break|caused|cause|fail|failed|fails|crash|crashed|down|(?<!\bin\s)errors?|wrong|outage|bug|red|took|made|locked|filled|wiped|sent|logged|showed|skipped|timed|slow|doubled|tripled|leaked|expired|instead|overran|ran\s+over|ran\s+long)`;

const PATTERNS: Record<ToneComponentName, RegExp> = {
  ownership: rx([
    String.raw`\b(?:i|we)(?:'ve|\s+have)?(?:\s*\([^)]{0,40}\)|\s+(?:on|in|from)\s+(?:the\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:team|squad|crew|side))?\s+(?:(?:just|accidentally|also|mistakenly|apparently|then|actually|both|all)\s+)?${FIRST_PERSON_VERB}\b`,
    String.raw`\b(?:my|our)\s+(?:[\w:-]+\s+){0,3}?${WORK}\b(?:\s+[^\s.!?]+){0,8}?\s+${FAILURE_WORD}`,
    // Round twelve: the failing thing held the writer's work ("build 2291 contained my change to …").
    String.raw`\b(?:caused\s+by|because\s+of|because|by|was|is|contained|included|carried|bundled)\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}?${WORK}\b`,
    // Round ten: any act done "by me" ("run by me", "approved by us").
    String.raw`\b(?:[a-z]{2,20}ed|made|done|broken|written|run|built|set|put|sent|shipped)\s+by\s+(?:me|us|myself)\b`,
    // Round seven: the cause is a thing the writer did, in a relative clause: "caused by an index rebuild we started".
    String.raw`\b(?:caused\s+by|due\s+to|because\s+of|came\s+from|the\s+result\s+of)\s+(?:a|an|the|one)\s+(?:[\w-]{1,40}\s+){0,3}?(?:i|we)\s+(?:had\s+|just\s+)?(?:[a-z]{2,20}ed|made|ran|wrote|built|sent|set|put|began|did)\b`,
    // "Sorry for breaking staging": the apology names the writer's act.
    String.raw`\b(?:sorry|apologi[sz]e|apologies)\s+(?:[\w-]+\s+){0,4}?for\s+(?:breaking|taking\s+down|bringing\s+down|causing|deleting|wiping|pushing|merging|deploying|shipping|killing)\b`,
    // Round eleven: also with what it is the cause of ("Root cause of last night's email delay: we, …").
    String.raw`\b(?:cause|root\s+cause)(?:\s+of\s+(?:[\w'’-]{1,40}\s+){0,5}?[\w'’-]{1,40})?:\s+(?:my|our|i|we)\b`,
    String.raw`\b(?:on\s+(?:me|us)|my\s+bad|mea\s+(?:maxima\s+)?culpa|(?:my|our)\s+mistake|my\s+fault|our\s+fault|our\s+bad|our\s+error|was\s+(?:mine|ours)|were\s+(?:mine|ours)|owning\s+this|we\s+own|i\s+own|i'?m\s+the\s+one|i\s+am\s+the\s+one)\b`,
    String.raw`\b(?:that|this|it)\s+(?:[\w-]+\s+){0,2}?was\s+(?:me|us)\b`,
    // Round twelve: the writer's past act on the wrong thing (round eighteen: a phrasal verb too, "scaled down the wrong pool"), as its object or after a preposition ("I rotated the wrong
    // key", "because I reset offsets on the wrong group"); not a habit ("when I deploy the wrong branch"), a verb of
    // having or finding ("we got the wrong numbers"), or a relative clause ("the guide we followed documents the wrong …").
    String.raw`\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|accidentally\s+|mistakenly\s+)?(?!(?:got|received|saw|found|noticed|thought|knew|heard|were|was|had)\b)(?:[a-z-]{2,18}ed|ran|set|reset|put|sent|built|took|made|hit|cut|shut|wrote|chose|gave|brought|kept|left|rebuilt|rewrote|tore|drove|read)\s+(?:(?:down|up|out|off|back|away)\s+)?(?:(?:[\w-]{1,40}\s+){0,3}?(?:on|in|to|into|onto|from|at|against|for|with|of|over)\s+)?(?:the|a)\s+wrong\b`,
    // Round seven: an omission of the writer's own: "I never set up a secondary DNS", "we never tested the restore".
    String.raw`\b(?:i|we)\s+never\s+(?:set\s+up|added|tested|checked|configured|built|wrote|planned|updated|documented|moved|enabled|considered|validated|verified|monitored|rehearsed|reviewed)\b`,
    // Round seven: the decision or the bug named as the writer's in a short aside: "(my team, my call)", "our cron parser, our bug;", "(mine, written Tuesday)".
    String.raw`\b(?:my|our)\s+(?:call|decision|design|idea|bug|doing|oversight|responsibility)(?=\s*(?:[.,;:)!—–]|$))|\(\s*(?:mine|ours)\b|\(\s*(?:my|our)\s+(?:[\w-]{1,40}\s+){0,2}?${WORK}\s*[),;]`,
    // Round thirteen: the writer in brackets as the role ("Our on-call (me) missed the page"), the "I" dropped after an
    // apology ("sorry, broke the QA env"), and a missing safeguard owned ("we had no alert on consumer lag").
    String.raw`\b(?:our|the)\s+(?:[\w-]{1,40}\s+){0,2}?\(\s*(?:me|myself|us|that'?s\s+me|that\s+was\s+me)\s*\)`,
    String.raw`\b(?:sorry|apologies|oops|whoops|my\s+bad|ugh)\s*[,:;!-]{1,3}\s*(?:broke|pushed|merged|deployed|messed\s+up|took\s+down|committed|shipped|introduced|caused|deleted|wiped|nuked|force-pushed)\b`,
    String.raw`\b(?:i|we)\s+(?:had|have)\s+no\s+(?:[\w-]{1,40}\s+){0,2}?(?:alert|alerting|test|tests|check|checks|monitor|monitoring|alarm|fallback|backup|guard|limit|timeout|canary)\b`,
    // My work as the subject of a second, coordinated verb of failure ("my hotfix went to staging … and overwrote it"), and
    // a first-person act in Spanish or German ("yo hice el deploy", "ich habe … gelöscht").
    String.raw`\b(?:my|our)\s+(?:[\w:-]+\s+){0,3}?${WORK}\s+(?:[a-z]{2,20}ed|went|ran|got|hit)\b[^.!?;]{0,80}?\band\s+(?:broke|overwrote|wiped|deleted|took\s+down|crashed|dropped|corrupted|killed|blocked)\b`,
    String.raw`\byo\s+(?:hice|romp[ií]|borr[ée]|sub[ií]|cambi[ée]|puse|desplegu[ée])(?=[\s,.;:!?]|$)|\bich\s+habe\s+(?:[\w-]{1,40}\s+){0,4}?(?:kaputt\s+gemacht|gel[öo]e?scht|gepusht|deployed|zerschossen|überschrieben|ueberschrieben)\b`,
    // Chat style drops the "I": "Broke main, reverted." / "total amateur move: pushed straight to main".
    // Round eighteen: not after a label that says what was done about it ("Fix: shipped 4.0.3" is the repair).
    String.raw`(?:^|(?<!\b(?:fix|fixes|fixed|resolution|repair|remediation|mitigation|mitigations|solution|workaround|action|actions)\s{0,2})[:;—–]\s+)(?:broke|pushed|merged|deployed|messed\s+up|took\s+down|committed|shipped|introduced|caused|deleted|wiped|nuked|force-pushed)\b(?!(?:\s+(?:it|them|that|this|now|again|all|everything))?\s*[.!]?\s*$)`,
    ...OWNERSHIP_SHAPES,
    ...OWNERSHIP_STATES,
  ]),
  explanation: rx([
    String.raw`\b(?:because|caused\s+by|the\s+cause|root\s+cause|cause:|due\s+to|the\s+reason|why:|turned\s+out|resulted?\s+(?:in|from)|the\s+result\s+of)\b`,
    String.raw`\bsince\s+(?:the|it|my|our|every)\b`,
    String.raw`\bwhich\s+(?:meant|locked|retried|caused|made|broke)\b`,
    String.raw`\b(?:missing|typo|wrong|instead\s+of|assumption|depended\s+on|misconfiguration|without\s+(?:checking|testing|rebasing|concurrently))\b`,
    String.raw`\bso\s+(?:every|the|those|about|all)\b`,
  ]),
  impact: rx([
    String.raw`\b(?:could\s*n[o']?t|couldn'?t|unable\s+to|unavailable|outage|downtime|(?<!human[\s-])errors?|5\d\d(?:s)?|timed?\s+out|failing|slow|delayed|delay|blocked|crash(?:ed|es)?|stale|duplicate|lost|disappeared|did\s+not\s+arrive|locked\s+out|rejected|empty|affected|impacted|piled\s+up|twice\s+as\s+long|late|wrong\s+(?:prices|invoices|numbers)|latency|p9\d|double-[a-z]{2,20}ed)\b`,
    String.raw`\b\d+\s*ms\b|\b(?:were|was)\s+hit\b`,
    String.raw`\b(?:was|were|went|is)\s+(?:down|red)\b|\btook\s+[\w-]+(?:\s+[\w-]+){0,2}\s+down\b|\bdown\s+for\b`,
    String.raw`\bfor\s+(?:about\s+|around\s+|roughly\s+|~\s?|nearly\s+|over\s+|almost\s+)?(?:\d+|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty|half\s+an)\s*-?\s*(?:min(?:ute)?s?|hours?|h|days?|seconds?)\b`,
    String.raw`\b\d+\s*-?\s*(?:min(?:ute)?s?|hours?)\b`,
    String.raw`\bbetween\s+\d|\bfrom\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+(?:to|until)\b|\d{1,2}:\d\d\s*(?:–|-|to)\s*\d`,
    String.raw`\b(?:all|every|some|many|enterprise|mobile|ios|android|sso|the)\s+(?:[\w-]+\s+)?(?:users?|customers?|partners?|tenants?|accounts?|merchants?|clients?|subscribers?|members?|visitors?)\b`,
    String.raw`\bfor\s+everyone\b`,
    String.raw`(?:~\s?\d|\b\d)[\d,.]*\s*%?\s+(?:of\s+)?(?:[\w-]+\s+)?(?:users?|customers?|orders?|accounts?|tickets?|requests?|people|tenants?|merchants?|payments?|emails?|invoices?|messages?|posts?|files?|records?|rows?|jobs?|builds?|transfers?|events?|uploads?|reports?|sessions?|documents?|items?|charges?|transactions?|exports?|deliveries|notifications?)\b`,
    // A labelled "Impact:" line addresses impact even while it is still being confirmed.
    String.raw`^\W{0,3}impact\W{0,3}:`,
    ...IMPACT_SHAPES,
    ...IMPACT_STATES,
  ]),
  regret: /\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|i\s+regret|we\s+regret)\b/i,
  repair: rx([
    String.raw`\b(?:revert(?:ed|ing)?|roll(?:ed|ing)?\s+(?:[\w-]+\s+){0,2}?back|rollback|fixed|restored|redeployed|re-deployed|hotfix(?:ed)?(?!\s+(?:[a-z]{2,20}ed|overwrote|broke|took|wiped|hid|ran|sent|brought|made))|patched|resolved|mitigated|recovered|reset|undid|undone|re-?seeded|rebuilt|refunded|reissued|backfilled|cleared|pinned|corrected|removed|drained|rotated|regenerated|cleaned|rewrote|re-?ran|killed|switched|reinstalled|addressed|warmed|restarted(?!\s+(?:for\s+(?:about\s+|around\s+|nearly\s+|over\s+)?(?:\d|an?\b|half|several|a\s+few)|every|repeatedly|constantly|in\s+a\s+loop|over\s+and)))\b`,
    String.raw`\b(?:back\s+up|back\s+to\s+normal|(?:pass(?:es|ing)?|work(?:s|ing)?|runs?|running|loads?|loading|processing|green|up|online|healthy|stable|flowing|succeed(?:s|ing)?|deploy(?:s|ing)?|sending|syncing)\s+again|green\s+now|is\s+back|it's\s+back|got\s+it\s+back|carried\s+on|errors\s+stopped|fix\s+has\s+been\s+deployed|released\s+a\s+fix|shipped\s+a\s+fix|pushed\s+a\s+fix|a\s+fix\s+in|fixing\s+it|working\s+on\s+a\s+fix|fix\s+is\s+out|fix:|added\s+the\s+(?:missing\s+)?index)\b`,
    String.raw`\b(?:put|added|brought|turned|flipped|switched|set|changed|moved)\s+(?:[\w-]+\s+){0,3}back\b`,
    // A repair told as a state or as under way: "it's quarantined", "I'm rewriting it today".
    String.raw`\b(?:it'?s|it\s+is|they'?re|they\s+are|(?:is|are)\s+now)\s+(?:quarantined|disabled|isolated|paused|turned\s+off|switched\s+off|hidden)\b`,
    // Round seven: a repair told as a state, as under way for any subject, in the present, or as a thing sent:
    // "tenant is usable again", "they're redeploying from the previous chart", "2.3.1 restores it", "A correction went out".
    String.raw`\b(?:usable|available|reachable|accessible|normal|correct|clean)\s+again\b|\b(?:work|works|working)\s+(?:again\s+)?since\b`,
    String.raw`\b(?:'re|'s|is|are)\s+(?:now\s+)?(?:redeploying|restoring|rebuilding|recovering|reverting|rolling\s+back|re-?running|replaying|draining|catching\s+up)\b`,
    String.raw`\b(?:re-?sent|re-?written|re-?done|reversed|credited|compensated|reimbursed|honou?red|replayed|re-?processed|normali[sz]ed|restores|reverts|undoes|rolls\s+back)\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?updated\b`,
    String.raw`\b(?:correction|fix|patch|hotfix|retraction)\s+(?:went\s+(?:out|live)|is\s+(?:out|live)|was\s+sent)\b`,
    String.raw`\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:now\s+|already\s+)?(?:rewriting|fixing|patching|reverting|rolling\s+back|restoring|redeploying|re-?running|backfilling)\b`,
    String.raw`\b(?:deployed|released|pushed|shipped|merged)\s+(?:a|the)\s+(?:[\w-]+\s+)?fix\b|\b(?:renewed|re-?applied|re-?enabled|re-?created|recreated|re-[a-z]{3,}ed|redid|replaced|stopped\s+the|disabled\s+the|unblocked|(?:failed|switched|cut)\s+over|made\s+a\s+new\s+one|ran\s+(?:it|them|the\s+[\w-]+)\s+(?:again|now|by\s+hand|manually))\b`,
    // "I have pushed it now": a perfect act that is done now (the failure was owned before it).
    String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:just\s+|now\s+|also\s+)?(?:[a-z]+ed|put|set|made|done|run|sent|built|rewritten|redone|undone)\b(?:\s+[\w-]+){0,4}?\s+(?:now|again|back)\b`,
    ...REPAIR_SHAPES,
  ]),
  prevention: rx([
    String.raw`\b(?:regression\s+test|prevention:|to\s+prevent|from\s+now\s+on|going\s+forward|next\s+time|never\s+again|what\s+changes:)`,
    String.raw`\bso\s+(?:this|it)\s+(?:can'?t|cannot|won'?t|doesn'?t|gets)\b`,
    // A guarantee about every case from now on: "so each message can only be sent once", "so no job can write there".
    String.raw`\bso\s+(?:each|every|no|any)\s+(?:[\w-]+\s+){1,3}?(?:can\s+only|can'?t|cannot|won'?t|will\s+never|never)\b`,
    // A state that is now different, told as a participle or a present verb: "the key is now fetched at runtime",
    // "we've now configured a secondary origin", "jobs now write to a separate schema" (a repair state is not one).
    String.raw`\b(?:is|are|(?:i|we)(?:'ve|\s+have))\s+now\s+(?!(?:restored|fixed|resolved|recovered|reverted|rolled|redeployed|re-?enabled|deployed|stabili[sz]ed|unblocked|cleared|merged|released|patched)\b)[a-z]+ed\b`,
    String.raw`\bnow\s+(?:writes?|reads?|fetch(?:es)?|retr(?:y|ies)|includes?|falls?\s+back|loads?|pulls?)\s+(?:to|from|at|the|a|an|every|each|on|with)\b`,
    String.raw`\badd(?:ed|ing|s)?\s+(?:[^\s.!?]+\s+){0,6}?(?:tests?|checks?|alerts?|lint|guard|canary|matrix|checklist|review\s+step|smoke\s+test|backup|provider|note|monitor(?:ing|s)?|validation|dry[- ]run|runbook|rollback|fallback|failover|idempotency\s+key|rate\s+limit)\b`,
    String.raw`\b(?:will|'ll|going\s+to|plan\s+to)\s+(?:now\s+|also\s+)?(?:add|test|watch|run|require|check|write|gate|automate|script|enforce|monitor|alert|set\s+up|introduce|block|pin|document|review)\b`,
    String.raw`\b(?:are|am|'re|'m)\s+(?:now\s+|also\s+)?(?:adding|writing|requiring|gating|automating|scripting|enforcing|setting\s+up|introducing)\s+(?:an?|the|more|new|some|automated|extra|[\w-]+\s+)?(?:[\w-]+\s+)?(?:tests?|checks?|alerts?|lint|guard|canary|gate|review|validation|monitoring|step|rollback|fallback|failover)\b`,
    String.raw`\bnow\s+(?:[\w-]+\s+){1,3}?(?:checks?|verif(?:y|ies)|validates?|requires?|refuses?|blocks?|rejects?|gates?)\s+(?:that|whether|if|for|the|a|an|every|each)\b`,
    String.raw`\bwill\s+(?:now\s+|also\s+|always\s+)?(?:be|get)\s+(?:canaried|tested|reviewed|gated|checked|validated|staged|monitored|linted|dry-run)\b`,
    // Round twelve: "only" or "always" may stand between ("alias swaps now only go through the reindex script").
    String.raw`\bnow\s+(?:only\s+|always\s+)?(?:refuses?|blocks?|stops?|fails?|checks?|requires?|runs?|go(?:es)?|ships?|needs?|carry|carries|deploys?|has|have|renews?|waits?|must|uses?|validates?|rejects?|alerts?|pages?|warns?|verif(?:y|ies)|gets?|gates?|tests?|pins?|locks?)\b`,
    String.raw`\b(?:is|are)\s+now\s+(?:scripted|checked|tested|validated|automated|required|blocked|gated|monitored|reviewed|covered|alerted\s+on)\b`,
    // Round seven: a safeguard told as a standing state or a standing behaviour ("Alias swaps are now done by a script",
    // "the reset flow is now part of the smoke test", "the deploy script now asks for confirmation", "has a test now"),
    // as a labelled next step, as a second approver, as what future work will do, as a thing made automatic or
    // impossible, or as something added.
    String.raw`\b(?:is|are)\s+now\s+(?:done|run|made|kept|built|handled|part\s+of|behind|mandatory|required|automatic|impossible|covered|a\s+single|the\s+only)\b`,
    // Any present verb after "now" is a standing behaviour, except verbs that only say the thing works again.
    String.raw`\bnow\s+(?!(?:works|loads|passes|returns|responds|shows|succeeds|resolves|renders|builds|compiles|starts|boots|opens|displays|sends|arrives|syncs|appears|looks|seems|is|has|was|comes|goes|lets|reads)\b)[a-z]{3,20}(?:es|s)\b|\bnow\s+(?:does|ask|prompt|confirm|compare|record|track|log|make|enforce|list|publish|throttle|limit|cap|dedupe|refuse|answer|route|fall\s+back|retry|alert|page|warn)\b|\bnow\s+pass(?:es)?\s+(?:a|an|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:linter|check|test|gate|review)\b`,
    String.raw`\bnow\s+[a-z]{2,20}s\s+(?:[\w-]{1,40}\s+){0,4}?and\s+(?:asks|prompts|confirms|checks|refuses|blocks|requires|waits|alerts|pages|warns)\b|\b(?:is|are)\s+now\s+(?:resolved|fixed|set|read|loaded|fetched)\s+(?:from|by|via|through|at)\b`,
    String.raw`\bnow\s+(?:the|all|every|each)\s+(?:[\w-]{1,40}\s+){0,3}?(?:is|are)\s+(?:[a-z]{2,20}ed|(?:taken|kept|built|read|set|made|done|run|held|sent|written|drawn|shown)\s+(?:from|by|in|at|via|through|before|only|per|on))\b`,
    String.raw`\b(?:tests?|checks?|matrix|suite|linter|alerts?|gate|review|canary)\s+now\s*(?:[.;,!]|$)`,
    String.raw`\b(?:a|an)\s+(?:[\w-]{1,40}\s+){0,3}?(?:check|alert|test|lint|gate|canary)\s+(?:every|on\s+every|on\s+each|per|before|that|which)\b`,
    String.raw`\bneeds?\s+(?:a\s+)?(?:second|two|another|extra)\s+(?:approvers?|reviewers?|reviews?|approvals?|sign-?offs?|pair\s+of\s+eyes)\b`,
    String.raw`\b(?:future|all\s+future|every\s+future)\s+[\w-]{1,40}(?:\s+[\w-]{1,40})?\s+will\b|\bmak(?:e|es|ing)\s+(?:[\w-]{1,40}\s+){0,3}?(?:automatic|mandatory|required|impossible)\b`,
    String.raw`\b(?:is|are)\s+no\s+longer\s+(?:in|on|stored|kept|possible|allowed|hardcoded|hard-coded|reachable|accessible)\b|\bcan\s+no\s+longer\b|\bthe\s+only\s+way\b`,
    String.raw`\b(?:put|wrote|created|introduced)\s+(?:a|an)\s+(?:new\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:tests?|checks?|alerts?)\b|\b(?:tests?|checks?|alerts?|step|gate|validation|monitoring)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?added\b`,
    String.raw`\b(?:there's|there\s+is)\s+now\b|\bwith\s+an\s+alert\b|\btesting\s+it\b|\bmonitoring\s+has\s+been\s+improved\b|\bimproved\s+(?:monitoring|alerting)\b`,
    ...PREVENTION_SHAPES,
    ...PREVENTION_STATES,
  ]),
};

// A resolution to be careful is not a safeguard: "Next time I'll double-check before deploying."
const VAGUE_RESOLVE = /\b(?:i'?ll|i\s+will|we'?ll|we\s+will|i'?m\s+going\s+to|we'?re\s+going\s+to)\s+(?:(?:try|make\s+sure|remember)\s+(?:to\s+)?)?(?:double-?check|triple-?check|be\s+(?:more\s+|extra\s+|much\s+more\s+)?(?:careful|mindful|attentive)|pay\s+(?:more\s+|closer\s+)?attention|take\s+more\s+care|try\s+harder|slow\s+down)\b/gi;
// Clause breaks, and ", and" (which starts a clause of its own: "We reverted it, and the job now checks …"),
// and "and" before a second past act ("We raised the limit and added a chart test").
const CLAUSE_OR_AND = /[;:—–]|,\s+and\s+|\s+and\s+(?=(?:then\s+)?[a-z]{2,20}ed\b)/i;
// A "Prevention:" label, dropped with a resolve to be careful (showsPrevention).
const PREVENTION_LABEL = /\bprevention\s*:/gi;
const WHEN_WORDS = /\b(?:next\s+time|going\s+forward|from\s+now(?:\s+on)?|in\s+(?:the\s+)?future)\b/gi;

// "I reverted my change X. It caused …": the owner and the failure can sit in two sentences.
const MY_WORK = new RegExp(String.raw`\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?${WORK}\b`, 'i');
const IT_FAILED = new RegExp(String.raw`^(?:it|this|that|which)\s+(?:[\w-]+\s+){0,2}?${FAILURE_WORD}`, 'i');

// The listed ownership words, all matches, each checked for a hedge just before it ("if I broke anything").
const OWNERSHIP_ALL = new RegExp(PATTERNS.ownership.source, 'gi');
const HEDGED_BEFORE = /\b(?:if|unless|whether|whoever|in\s+case|not|never|no|nothing|\w{1,30}n't|maybe|probably|possibly|perhaps|kind\s+of|sort\s+of)\s+(?:[\w']+\s+)?$/i;
// What stands before a main clause's subject: nothing, punctuation or a conjunction.
const MAIN_CLAUSE_LEAD = /(?:^|[,;:—–]|\b(?:and|then|so|now|also|but))\s*$/i;
// …or just after it: "mostly my fault i guess".
const HEDGED_AFTER = /^\W{0,3}(?:i\s+guess|i\s+suppose|i\s+think|maybe|probably|perhaps)\b/i;

/** True when the sentence owns the failure in the first person, not hedged or denied (listed words or the agency rule). */
function ownsIn(text: string): boolean {
  // A thanks clause is not about the failure; the sentence's other clauses can still own it
  // ("Thanks @mei for catching it — the broken build was from my merge").
  const sentence = isCredit(text) ? withoutCredit(text) : text;
  if (!sentence) return false;
  for (const m of sentence.matchAll(OWNERSHIP_ALL)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (HEDGED_BEFORE.test(sentence.slice(Math.max(0, at - 24), at)) || HEDGED_AFTER.test(sentence.slice(end, end + 16)) || (startsWithOtherAgent(m[0]) && !WRITER_IN_BRACKETS.test(m[0]))) continue;
    // Round eight: a listed verb that repairs, in a main clause ("We've removed the SDK"), owns only where a failure
    // is named; in a relative clause it names the cause ("This restores the null check I removed").
    if (REPAIR_VERB.has(m[0].toLowerCase().split(/\s+/).pop() ?? '') && MAIN_CLAUSE_LEAD.test(sentence.slice(Math.max(0, at - 24), at)) && !FAILURE.test(sentence)) continue;
    // Round ten: shipping a new version without the fault or with the fix is the repair ("We've shipped 6.2.1 without it").
    if (NEW_VERSION_AFTER.test(sentence.slice(end, end + 80))) continue;
    return true;
  }
  return firstPersonAgent(sentence);
}

// Round thirteen: "Our on-call (me)": a role is the writer's own when the writer is named in brackets after it.
const WRITER_IN_BRACKETS = /\(\s*(?:me|myself|us|that'?s\s+me|that\s+was\s+me)\s*\)/i;

// "shipped 6.2.1 without it", "released v3.1 with the fix": a new version that repairs, after the verb.
export const NEW_VERSION_AFTER = /^\s+(?:version\s+)?v?\d{1,4}(?:\.\d{1,4}){1,3}\s+(?:without|with\s+(?:the|a)\s+fix|that\s+fixes|which\s+fixes|to\s+fix)\b/i;

// "Thanks to my typo" is irony about the writer's own work, not credit.
const CREDIT = /\b(?:thanks(?!\s+to\s+(?:my|our)\b)|thank\s+you|kudos|shout-?out|credit\s+to)\b/i;

const CLAUSE_BREAK = /[;:—–]/;

// "Thanks Priya for spotting that": the thanks itself, up to what was caught.
const CREDIT_LEAD = /\b(?:thanks|thank\s+you|kudos|shout-?out|credit)\s+(?:to\s+)?(?:[@\w'.-]+\s+){0,3}?for\s+[a-z]+ing\s+(?:that\s+)?/i;

/** A sentence without its thanks: clauses that thank are dropped, or cut to what follows "for catching that". */
function withoutCredit(sentence: string): string {
  return sentence
    .split(CLAUSE_BREAK)
    .map((c) => (CREDIT.test(c) ? c.replace(CREDIT_LEAD, '\u0000') : c))
    .map((c) => (c.includes('\u0000') ? c.slice(c.indexOf('\u0000') + 1) : c))
    .filter((c) => c.trim() && !CREDIT.test(c))
    .join('; ');
}

/** Sentences that credit someone (thanks, kudos): their thanks is not about the failure (people there are not blamed). */
export function isCredit(sentence: string): boolean {
  return CREDIT.test(sentence);
}

// Round fourteen: a repair asked of others or put off is not one yet ("Can someone roll it back?", "Will revert after standup").
const REPAIR_NOT_DONE = /^(?=[^?]{0,400}\?\s*$)[^?]{0,400}?\b(?:someone|somebody|anyone|you)\b|^(?:i\s+)?will\s+(?:revert|roll\s+back|fix|restore)\b|\bstill\s+looking\s+into\s+(?:a|the)\s+(?:proper\s+)?fix\b/i;

/** Every pattern this file runs, named, for the linear-time test. */
export const COMPONENT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ...Object.entries(PATTERNS).map(([name, re]) => [name, re] as const),
  ['my work', MY_WORK],
  ['it failed', IT_FAILED],
  ['credit', CREDIT],
  ['clause break', CLAUSE_BREAK],
  ['credit lead', CREDIT_LEAD],
  ['ownership, all matches', OWNERSHIP_ALL],
  ['hedged before', HEDGED_BEFORE],
  ['hedged after', HEDGED_AFTER],
  ['main clause lead', MAIN_CLAUSE_LEAD],
  ['new version after', NEW_VERSION_AFTER],
  ['writer in brackets', WRITER_IN_BRACKETS],
  ['repair not done', REPAIR_NOT_DONE],
  ['vague resolve', VAGUE_RESOLVE],
  ['clause or and', CLAUSE_OR_AND],
  ['when words', WHEN_WORDS],
  ['prevention label', PREVENTION_LABEL],
  ...PART_SHAPE_PATTERNS,
  ...PART_STATE_PATTERNS,
  ...AGENCY_PATTERNS,
];

/** Offsets of the sentences whose words own the failure in the first person (a thanks clause never does; the rest of its sentence can). */
export function ownedSentences(sentences: readonly Sentence[]): Set<number> {
  const out = new Set<number>();
  sentences.forEach((s, i) => {
    if (ownsIn(s.text) || (i + 1 < sentences.length && MY_WORK.test(s.text) && IT_FAILED.test(sentences[i + 1].text))) out.add(s.index);
  });
  return out;
}

/** True when some sentence shows the part (the part's own words only). */
export function showsPart(sentences: readonly Sentence[], name: ToneComponentName): boolean {
  return sentences.some((s) => (name === 'prevention' ? preventionWords(s.text) : PATTERNS[name].test(s.text)));
}

/** The prevention words, or a guarantee after the writer's act (partShapes.ts). */
function preventionWords(text: string): boolean {
  return PATTERNS.prevention.test(text) || guaranteeAfterAct(text);
}

/** The first sentence showing each part, or undefined. `regretOk` rejects non-apology sentences. */
export function findComponents(sentences: readonly Sentence[], regretOk: (s: Sentence) => boolean): Record<ToneComponentName, Sentence | undefined> {
  const found = {} as Record<ToneComponentName, Sentence | undefined>;
  for (const name of Object.keys(PATTERNS) as ToneComponentName[]) {
    found[name] = sentences.find((s) => (name === 'ownership' ? ownsIn(s.text) : name === 'prevention' ? showsPrevention(s.text) : PATTERNS[name].test(s.text) && (name !== 'regret' || regretOk(s)) && (name !== 'repair' || !REPAIR_NOT_DONE.test(s.text))));
  }
  found.ownership ??= sentences.find((s, i) => i + 1 < sentences.length && MY_WORK.test(s.text) && IT_FAILED.test(sentences[i + 1].text));
  // After the opening clause (which states the failure), an act of the writer's with no failure words is what was
  // done; a clause that says what will stop a recurrence ("we've added cache invalidation tests") is not a repair.
  found.repair ??= sentences.find((s, i) => firstPersonAct(withoutPrevention(s.text), i === 0) || repairFragment(s.text, i));
  return found;
}

/** True when the sentence names a safeguard, not only a resolution to be careful. */
function showsPrevention(text: string): boolean {
  if (!preventionWords(text)) return false;
  VAGUE_RESOLVE.lastIndex = 0;
  VAGUE_PLAN.lastIndex = 0;
  if (!VAGUE_RESOLVE.test(text) && !VAGUE_PLAN.test(text)) return true;
  // "Prevention: I'll double-check regions going forward.": a label over a resolve to be careful names no safeguard.
  return preventionWords(text.replace(VAGUE_RESOLVE, ' ').replace(VAGUE_PLAN, ' ').replace(WHEN_WORDS, ' ').replace(PREVENTION_LABEL, ' '));
}

/** The sentence with its prevention clauses blanked (kept as a word, so the first clause stays first). */
function withoutPrevention(text: string): string {
  if (!preventionWords(text)) return text;
  return text
    .split(CLAUSE_OR_AND)
    .map((c) => (preventionWords(c) ? ' x ' : c))
    .join(';');
}
