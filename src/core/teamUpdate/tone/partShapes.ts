/**
 * Round eight: the parts of an apology (components.ts) in more shapes, found where right-sized
 * updates were called under-owned because a part they have was not seen:
 * - prevention as a labelled list ("Follow-ups:", "Action items:"), "from now", a default
 *   changed for the safe option ("made dry-run the default"), a gate, prompt or validator added,
 *   something added to CI, a check changed to behave differently ("changed the health check to
 *   ignore resolver errors"), a control told in telegraph style ("env vars now validated at
 *   boot"), and a guarantee after the writer's act ("split the states so one apply can't touch
 *   both" — not "so customers can't log in", which is impact: a failure word before it vetoes);
 * - impact as a compact duration ("1h10m"), a stretch of the day ("over the weekend",
 *   "overnight"), or any group of people it hit ("for US customers", "API clients failed").
 * Round fourteen, in the grammar blind15-21 used and the older shapes missed:
 * - ownership as a possessive of the writer's work in a copula or a fragment ("that was my apply",
 *   "…, my deploy."), my work that was doing harm ("my test was leaking a port"), "a merge of mine",
 *   a first-person act as the cause ("because I re-ran the job"), an object whose relative clause
 *   failed ("I wrote a query that double-counted"), ownership in other languages ("fue mi error");
 * - repair as a state of the new thing ("the new key is in place", "fix is merged", "3.9.1 out"), and
 *   repair verbs the list lacked ("pulled it", "silenced", "flushed", "voided", "rerun");
 * - impact as what the reader got too many times, or who was logged out;
 * - prevention as a standing change told in the present ("… now opens a ticket", "now X go with",
 *   "is in the deploy pipeline now", "no longer batched", "are now idempotent", "needs approval now").
 * Round fifteen, in the grammar blind22 used:
 * - ownership: the writer left something of theirs in a harmful state ("I left the admin port open"),
 *   a first-person act in the plain present ("I push the search change and …"), the problem called the
 *   writer's thing ("the problem was our cache warmer"), "after my key rotation";
 * - impact as a counted group with an approximation ("for roughly 70 translators");
 * - prevention as an added check that stops the job by itself ("added a size check that halts the upload").
 * Every gap is bounded and each piece starts on a literal word (linear on any input).
 */
import { REPAIR_STATES } from './partStates';

export const PREVENTION_SHAPES: readonly string[] = [
  // Round seventeen: "now" after a standing verb ("rate limit changes go now through review"), and a safeguard added to
  // every instance of the act ("added a dedupe key to every send"; not "added a broken header to every request").
  String.raw`\b(?:go|goes|run|runs|pass|passes|route|routes|need|needs|require|requires|get|gets|sit|sits)\s+now\s+(?:through|via|behind|past|with)\b`,
  String.raw`\badd(?:ed|ing|s)?\s+(?:(?!(?:broken|wrong|bad|faulty|bug|bugs|typo|invalid|stray|extra|duplicate)\b)[^\s.!?]{1,40}\s+){1,6}?to\s+(?:every|each)\s+[\w-]{2,30}\b`,
  // A labelled list naming a safeguard ("Follow-ups: a load test …"; not "Action items: none identified").
  String.raw`\b(?:action\s+items?|actions|follow-?ups?|next\s+steps|remediations?|preventive\s+actions?)\s*:\s*(?:[^\s.!?]{1,40}\s+){0,6}?(?:tests?|checks?|alerts?|gates?|canar(?:y|ies)|limits?|backoff|lint\w*|validation|reviews?|monitor\w*|drills?|guards?|retries|timeouts?|fallbacks?|stages?|quotas?|runbooks?|playbooks?|alarms?)\b`,
  String.raw`\bfrom\s+now\b|\bfrom\s+today\s+on\b`,
  String.raw`\bmade\s+(?:[\w-]{1,40}\s+){1,3}?the\s+default\b|\b(?:is|are)\s+now\s+the\s+default\b|\bnow\s+default(?:s|ed)?\s+to\b`,
  String.raw`\badd(?:ed|ing|s)?\s+(?:[^\s.!?]{1,40}\s+){0,6}?(?:constraints?|unique\s+index(?:es)?|gates?|prompts?|confirmations?|validators?|guardrails?|drills?|soak|allowlists?|preflight|limits?|caps?|timeouts?|circuit\s+breakers?|kill\s+switch(?:es)?|feature\s+flags?|approvals?)\b`,
  String.raw`\badd(?:ed|ing|s)?\s+(?:[^\s.!?]{1,40}\s+){0,8}?to\s+(?:ci|the\s+ci|the\s+pipeline|the\s+(?:pr\s+)?checks|the\s+(?:test\s+)?suite|the\s+smoke\s+tests?|the\s+checklist|the\s+runbook)\b`,
  String.raw`\b(?:changed|switched|set|configured|updated|tuned)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:checks?|alerts?|monitors?|alarms?|scripts?|pipelines?|jobs?|workflows?|hooks?|probes?|rules?)\s+to\s+(?:ignore|require|refuse|reject|block|fail|check|verify|validate|page|alert|wait|retry|keep|skip|warn|stop|run)\b`,
  // Round twelve: also a standing obligation ("now the migration must pass on a copy of production data").
  String.raw`\bnow\s+(?:the|our|my|every|each|all|any)\s+(?:[\w-]{1,40}\s+){0,2}?(?:asks|checks|requires|refuses|blocks|rejects|validates|verifies|confirms|prompts|warns|alerts|pages|waits|needs|runs|has|gets|must|can\s+only|has\s+to|have\s+to)\b`,
  String.raw`\bnow\s+(?:validated|checked|tested|verified|enforced|required|blocked|gated|linted|reviewed|monitored|canaried|pinned|locked|capped|limited|throttled|automated|scripted|alerted\s+on)\b`,
  // Round nine: the writer's standing practice ("We now load-test pool changes"; not "we now know the cause"), a thing
  // now inside a safeguard ("Safari is now in the pre-release browser matrix"), a change made since ("we've since
  // enabled origin fallback"), and what now happens by itself ("notices now open a ticket automatically").
  String.raw`\b(?:we|i)\s+now\s+(?:always\s+|also\s+)?(?!(?:know|think|believe|see|understand|suspect|expect|hope|need|want|plan|realize|realise|agree|have\s+to)\b)[a-z][a-z-]{1,30}\b`,
  String.raw`\b(?:is|are)\s+now\s+(?:in|included\s+in|covered\s+by|listed\s+in|tracked\s+in|added\s+to)\s+(?:the|our|every|each)\s+(?:[\w-]{1,40}\s+){0,3}?(?:matrix|suite|checklist|pipeline|ci|tests?|canary|runbook|rotation|monitoring|alerts?|dashboard|gate|review|inventory|registry)\b`,
  // Round ten: a thing put inside a safeguard ("added Android 11 to the pre-release device farm run", "added the gateway
  // to the module's prevent_destroy list"), a safeguard at the end of a longer list of what was added, a thing moved
  // to an automatic or managed form ("moved the certificate to auto-renewal"), a safeguard attached "with an expiry
  // alert", and a thing made to check ("made the key lookup check the environment").
  String.raw`\badd(?:ed|ing|s)?\s+(?:[^\s.!?]{1,40}\s+){0,8}?to\s+(?:the|our|its|their|every|each|all)\s+(?:[\w'-]{1,40}\s+){0,4}?(?:runs?|matrix|farm|suites?|checks?|tests?|pipelines?|gates?|checklists?|lists?|polic(?:y|ies)|rules?|alerts?|monitoring|canary|smoke\s+tests?)\b`,
  String.raw`\badd(?:ed|ing|s)?\s+(?:[^\s.!?]{1,40}\s+){1,10}?(?:and|plus)\s+(?:an?\s+|the\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:steps?|tests?|checks?|alerts?|gates?|guards?|locks?|lint|canary|validation)\b`,
  String.raw`\b(?:moved|switched|migrated|put|changed)\s+(?:[\w-]{1,40}\s+){0,4}?(?:to|onto|on)\s+(?:an?\s+)?(?:[\w-]{1,40}\s+)?(?:auto-?[a-z]{3,20}|automatic\s+[a-z]{3,20}|managed\s+[a-z]{3,20})\b|\bwith\s+(?:an?|the)\s+(?!(?:failing|bad|broken|flaky|wrong|red|noisy|missing)\b)(?:[\w-]{1,40}\s+){1,2}?(?:alert|alarm)\b`,
  String.raw`\bmade\s+(?:the\s+|our\s+|every\s+|each\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:check|verify|validate|refuse|reject|require|ask|confirm)\s+(?:the|that|for|whether|if|a|an|every|each)\b`,
  String.raw`\b(?:i|we)(?:'ve|\s+have)\s+since\s+(?:[a-z]{2,20}ed|set\s+up|put|built|made|turned\s+on)\b|\bnow\s+(?:[\w-]{1,40}\s+){0,4}?automatically\b`,
  // Round eleven: a standing order of steps ("template changes are now sent to a test number … before release", "we now
  // apply permission changes to a canary bucket first"), a safeguard as the object of a standing verb ("deploys now
  // render a snapshot test"), a safeguard the team now has ("now we have an alert if …"), a safeguard set up now
  // ("we've now set up automatic failover"), and a rehearsal on a schedule ("and test it monthly").
  String.raw`\bnow\s+(?:[\w-]{1,40}\s+){1,8}?(?:before|ahead\s+of)\s+(?:(?:each|every|any|the|a)\s+)?(?:release|merge|deploy|deploying|merging|releasing|rollout|cutover|launch|going\s+live|shipping|prod|production)\b|\bnow\s+(?:[\w-]{1,40}\s+){1,8}?first(?=\s*(?:[.,;!]|$))`,
  String.raw`\bnow\s+(?!(?:pass|passes|passing|fail|fails|failing|break|breaks|breaking)\b)[a-z]{2,20}\s+(?:an?|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:tests?|checks?|canary|gate|eval|lint|alerts?|alarms?)\b`,
  String.raw`\bnow\s+(?:we|i|there)\s+(?:have|has|is|are|get)\s+(?:an?|the)\s+(?:[\w-]{1,40}\s+){0,3}?(?:alert|alarm|test|check|gate|canary|lint|guard|monitor|review|limit)s?\b|\b(?:i|we)(?:'ve|\s+have)\s+now\s+(?:set\s+up|put\s+in|built|made|added|turned\s+on)\b`,
  // Round twelve: a standing test the writer runs, told in the present ("we load-test it with injected latency").
  String.raw`\b(?:we|i)\s+(?:also\s+|always\s+)?(?:load-?test|stress-?test|chaos-?test|soak-?test|fuzz|canary|rehearse|drill)\s+(?:it|them|this|that|the\s+[\w-]{1,40}|every\s+[\w-]{1,40})\s+(?:with|against|under|on|before|after|every|each|weekly|daily|nightly|monthly)\b`,
  String.raw`\b(?:test|check|verify|rehearse|drill|exercise)\s+(?:it|them|this|that|the\s+[\w-]{1,40})\s+(?:monthly|weekly|daily|nightly|quarterly|regularly|every\s+(?:week|month|day|quarter|sprint|release))\b`,
  // Round thirteen: a plural subject's standing behaviour ("cleanups now skip active workspaces", "template changes now
  // produce a sample PDF"; not the verbs that only say it works again), and what a thing no longer does to other data
  // ("the sync no longer touches currency fields").
  String.raw`\b[a-z][\w-]{2,30}s\s+now\s+(?:always\s+|only\s+|also\s+)?(?!(?:work|load|pass|return|respond|show|succeed|resolve|render|build|compile|start|boot|open|display|send|arrive|sync|appear|look|seem|are|have|get|see|know|come|can|will|feel|run\s+fine)\b)[a-z]{3,20}\b`,
  String.raw`\bno\s+longer\s+(?:touches|touch|writes|write|overwrites|overwrite|changes|change|deletes|delete|modifies|modify|edits|edit|accepts|accept|allows|allow|relies|rely|depends|depend|reads|read|uses|use)\b`,
  // One source of truth ("the tax rate now comes from a single table"), a thing now shown where someone watches ("paused
  // jobs now show on the on-call dashboard"), and a thing moved apart from what it watches ("moved the checks to a
  // separate region").
  String.raw`\bnow\s+(?:comes?|lives?|is\s+read)\s+from\s+(?:a|one|the)\s+(?:single|shared|central|canonical)\b`,
  String.raw`\bnow\s+(?:show|shows|appear|appears)\s+(?:up\s+)?(?:on|in)\s+(?:the|our|a)\s+(?:[\w-]{1,40}\s+){0,2}?(?:dashboard|board|report|alerts?\s+channel)\b`,
  String.raw`\bmoved\s+(?:the\s+|our\s+)?(?:[\w-]{1,40}\s+){0,2}?to\s+(?:a\s+)?(?:separate|different|dedicated|independent|isolated)\s+(?:region|cluster|host|account|server|machine|zone|provider)\b`,
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
  String.raw`\badded\s+(?:a|an)\s+(?:[\w-]{1,40}\s+){0,3}?(?:that|which)\s+(?:blocks|stops|fails|halts|rejects|pages|catches|refuses)\b`,
];

// Round nine: a plan to think about it is not a safeguard ("will be reviewing our processes to prevent a recurrence",
// "I'll write up options").
export const VAGUE_PLAN = /\b(?:review|reviewing|revisit|revisiting|look\s+(?:into|at)|looking\s+(?:into|at)|evaluate|evaluating|assess|assessing|discuss|discussing|think\s+about|thinking\s+about|explore|exploring|write\s+up|writing\s+up)\s+(?:(?:our|the|some|a\s+few|possible|any|all)\s+)?(?:[\w-]{1,40}\s+)?(?:process(?:es)?|procedures?|practices?|options|ideas|approach(?:es)?|next\s+steps|improvements?|what\s+happened|lessons)\b(?:\s+(?:to\s+(?:prevent|avoid)\s+(?:a\s+|any\s+|further\s+|future\s+)?(?:recurrences?|repeats?|repetition|this|similar\s+[\w-]{1,40})|going\s+forward))?/gi;

// "so one apply can't touch both", "so traffic can't be routed to a cold pool".
const GUARANTEE = /\bso\s+(?:that\s+)?(?:(?:a|an|one|the|no|any|every)\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:can'?t|cannot|can\s+no\s+longer|won'?t\s+be\s+able|will\s+(?:never|no\s+longer|always)|(?:now\s+|always\s+)?waits?\s+(?:for|until)|(?:now\s+)?only\s+(?:runs?|starts?|fires?|ships?|goes?)\s+(?:after|once|when|if))\b/i;
// …after an act of the writer's, and with no failure named before it (then it tells of the impact).
// Round eighteen: also "re-ran", and an act with its "I" dropped after a comma ("I re-ran it, and added a trigger so …").
const WRITER_ACT = /\b(?:i|we)(?:'ve|\s+have)?\s+(?:also\s+|now\s+)?(?:[a-z]{2,20}ed|re-[a-z]{2,12}|split|set|made|put|built|rewrote|moved|added)\b|[,;]\s{0,3}(?:and\s+)?(?:added|built|set\s+up|introduced|put\s+in)\s/i;
const FAILURE_BEFORE = /\b(?:broke|broken|break\w*|fail\w*|down|outage|bugs?|buggy|wrong|bad|crash\w*|errors?|caused|mistakes?|locked|lockout|stuck|lost|delet\w*|wip\w*)\b/i;

export const REPAIR_SHAPES: readonly string[] = [
  ...REPAIR_STATES,
  // "Re-cut it at 14:00": re- before an irregular past; "Refunds went out this morning".
  String.raw`\bre-(?:cut|set|ran|run|built|did|done|sent|wrote|written|made|put|split|bound|hung|shot)\b`,
  String.raw`\b(?:refunds?|credits?|corrections?|fix(?:es)?|re-?sends?)\s+(?:went|have\s+gone|has\s+gone|were\s+sent|are\s+going|were\s+issued|have\s+been\s+issued)(?:\s+out)?\b`,
  // Round nine: verbs that clear out what the failure left ("purged the stale queue", "Capped retries at 6 hours").
  String.raw`\b(?:purged|flushed|evicted|invalidated|capped)\b`,
  // Round ten: the state restored, told of any subject ("everything's back", "service's back"), a new version that fixes
  // it ("3.4.1 fixes it"), and the right thing now in place ("now correct branch is deployed").
  String.raw`\b[\w-]{2,40}(?:'s|’s|'re|’re)\s+(?:now\s+|all\s+)?back\b(?!\s+(?:to\s+square|in\s+the))|\b(?:v?\d{1,4}(?:\.\d{1,4}){1,3}|release|version|patch|hotfix|update|build|pr|commit)\s+(?:now\s+)?(?:fixes|resolves|corrects)\s+(?:it|this|that|them|the\s+(?:issue|bug|problem|crash|error))\b`,
  String.raw`\b(?:shipped|released|published|deployed|pushed|rolled\s+out)\s+(?:version\s+)?v?\d{1,4}(?:\.\d{1,4}){1,3}\s+(?:without|with\s+(?:the|a)\s+fix|that\s+fixes|which\s+fixes|to\s+fix)\b`,
  // Round eleven: a new version put out from the right source ("I've published v2.3.1 from main").
  String.raw`\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|now\s+)?(?:published|released|shipped|cut|tagged|pushed|deployed)\s+(?:a\s+(?:new|fixed|corrected)\s+(?:version|release|build)|v?\d{1,4}(?:\.\d{1,4}){1,3})\s+(?:from|off|on\s+top\s+of|built\s+from)\b`,
  String.raw`\b(?:the\s+)?(?:correct|right|fixed|good|previous|old|working)\s+(?:[\w-]{1,40}\s+){0,2}?(?:is|are)\s+(?:now\s+)?(?:deployed|live|running|in\s+place|out|installed|released|back)\b`,
  // Round twelve: a new version out ("4.12.1 is live"), and a setting now at a new value ("The timeout is now 10s").
  String.raw`\bv?\d{1,4}(?:\.\d{1,4}){1,3}\s+(?:is|are)\s+(?:now\s+)?(?:live|out|released|available|rolling\s+out|in\s+the\s+(?:app\s+|play\s+)?store)\b`,
  String.raw`\b(?:timeouts?|limits?|ttl|thresholds?|caps?|intervals?|retention|pool\s+size|batch\s+size|quotas?|max[\w-]{0,20})\s+(?:is|are)\s+now\s+(?:set\s+to\s+|back\s+(?:to|at)\s+)?~?\d`,
  // Round thirteen: a numbered or follow-up change that fixes it ("Follow-up PR #812 fixes it", "The follow-up commit
  // fixes the order"), the missing piece put in ("We added the timeout"), and every affected thing now set right ("All
  // 212 delayed payouts are paid", "all refunds are through").
  String.raw`\b(?:commit|pr|patch|mr|change|release|build)\s+(?:#?\d{1,7}\s+)?(?:now\s+)?(?:fixes|restores|repairs|corrects)\b`,
  String.raw`\b(?:i|we)(?:'ve|\s+have)?\s+added\s+the\s+(?:missing\s+)?(?:[\w-]{1,40}\s+)?(?:timeout|index|retry|limit|guard|lock|constraint|validation|header|null\s+check)\b`,
  String.raw`\b(?:all|every)\s+(?:[\d,]+\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:are|were|have\s+been|is|has\s+been)\s+(?:now\s+)?(?:paid|sent|delivered|restored|through|processed|back|fixed|refunded|re-?sent|renewed|recovered|corrected)\b`,
  String.raw`\b(?:new|fixed|correct|corrected|replacement|patched|old)\s+(?:[\w-]{1,40}\s+){0,2}?(?:is|are)\s+(?:now\s+)?(?:in\s+place|live|out|up|back|deployed|uploaded|merged)\b`,
  String.raw`\bfix(?:es)?\s+(?:is|are)\s+(?:now\s+)?(?:merged|up|in|deployed|live|out)\b|\bfixed\s+and\s+(?:merged|deployed|released|shipped)\b|\bfixed\s+in\s+(?:#\d{1,8}|hotfix|v?\d)`,
  String.raw`\b(?:pulled|silenced|flushed|rerun|rollbacked|voided|purged|muted|relaxed|re-?uploaded|re-?imported|re-?added|re-?submitted|scaled\s+it\s+back)\b`,
  String.raw`\bv?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?\s+(?:is\s+)?(?:out|live)\b|\b(?:shipped|released)\s+v?\d{1,4}\.\d{1,4}\b`,
  String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:raised|lowered|silenced|rerun)\b|\b(?:have|has)\s+(?:all\s+)?(?:now\s+)?(?:been\s+)?(?:published|delivered|landed)\s+now\b|\bhave\s+now\s+landed\b`,
  String.raw`\b(?:flag|job|feature|alert|banner)\s+(?:is\s+)?off\s+now\b|\bcorrect\s+one\s+uploaded\b|\bsent\s+(?:a\s+)?correction\b`,
  // Round sixteen: an act that undoes ("Unarchived it", "unpublished the post"), the extra things taken away ("I
  // cancelled the duplicate", "merged the duplicates"), a value put back ("raised it again", "dropped it to 5%"), a
  // service bounced, a state that is done now ("It has been sent now", "all paid", "Reindex finished"), the right
  // thing sent to those hit ("mailed each of them the right figure"), and the repair in German or Spanish.
  String.raw`\bun(?!(?:expect|limit|affect|relat|notic|detect|chang|authori[sz]|test|resolv|handl|monitor|check|answer|schedul|plann|report|assign|us|verifi|support|releas|merg|deploy|block)ed\b)[a-z]{3,20}ed\s+(?:it|them|the|my|our|all|every|that|this|those)\b`,
  String.raw`\b(?:cancell?ed|merged|removed|deleted|purged|cleaned\s+up|deduplicated|de-?duped|closed|archived)\s+(?:the|those|these|all(?:\s+the)?|both|every)\s+(?:[\w-]{1,40}\s+)?(?:duplicates?|dupes|copies|extras?|extra\s+[\w-]{1,40}|stray\s+[\w-]{1,40}|fake\s+[\w-]{1,40}|test\s+[\w-]{1,40}s)\b|(?<!\b(?:accidentally|mistakenly|wrongly|inadvertently)\s)\b(?:deleted|removed|cancell?ed|purged)\s+(?:them|those|these)\b(?!\s+(?:by\s+(?:mistake|accident)|accidentally))`,
  String.raw`\b(?:raised|lowered|increased|reduced|dropped|bumped|set|turned|moved|changed|switched)\s+(?:it|them)\s+(?:back\b|again\b|to\s+(?:its|the\s+(?:old|previous|original|default))\b)|\b(?:dropped|lowered|reduced|raised)\s+(?:it|them)\s+to\s+~?\d`,
  String.raw`\b(?:is|are|'s|'re)\s+(?:now\s+)?(?!(?:broken|down|failing|red|slow|stuck|flaky|wrong|empty|missing|late|erroring|crashing|offline|unavailable|affected|happening|gone|out)\b)[a-z]{3,20}\s+again\b`,
  String.raw`\b(?:bounced|rebooted|reloaded|power-?cycled|cycled|respawned)\s+(?:the|it|them|our|my|every|all|each)\b`,
  String.raw`\b(?:has|have)\s+been\s+(?:[a-z]{2,20}ed|sent|paid|done|run|rerun|redone|rebuilt)\s+now\b|(?:^|[,;:]\s{0,3})all\s+(?:paid|sent|delivered|processed|refunded|restored|caught\s+up)\b|\b(?:all|every)\s+(?:[\w-]{1,40}\s+){0,2}?went\s+out\b(?!\s+(?:twice|again|wrong))`,
  String.raw`\b(?:re-?(?!lease|quest|port|cord|sult|view|try|ad\b)[a-z]{3,20}|backfill|rebuild|rollback|restore|recovery|replay|resync|roll-?back)\s+(?:has\s+|is\s+)?(?:finished|completed|complete|done)\b`,
  String.raw`\b(?:mailed|emailed|sent|messaged|re-?sent|gave|issued)\s+(?:[\w-]{1,40}\s+){0,4}?(?:the|a|an)\s+(?:right|correct|corrected|fixed|updated|accurate)\s+[\w-]{2,20}\b`,
  String.raw`\b(?:lo|la|los|las)\s+(?:volv[ií]\s+a\s+[a-z]{3,20}(?:ar|er|ir)|revert[ií]|arregl[eé]|restaur[eé]|correg[ií]|borr[eé])\b|\b(?:habe|haben|hab)\s+(?:es|ihn|sie|das|den|die)\s+(?:[\w-]{1,40}\s+)?(?:zur[üu]ckgesetzt|zur[üu]ckgerollt|repariert|behoben|wiederhergestellt|korrigiert)\b`,
  // Round seventeen: a thing pointed, renamed or scaled back ("pointed the bot back at its sandbox", "the seed user is
  // renamed back"), a correction sent to those hit ("We emailed a correction", "issued a corrected invoice"), and the
  // writer's own test or stray thing taken away, told in the perfect ("I've deleted the test rule").
  String.raw`\b(?:pointed|re-?pointed|renamed|swapped|scaled|dial(?:l)?ed|routed|wired|synced|copied|migrated|repointed)\s+(?:[\w-]{1,40}\s+){0,3}?back\b|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?!(?:pushed|held|set|kicked|hit|fought|called|sent|bounced|knocked|pulled|pushed|cut|scaled|rolled)\b)[a-z]{3,20}ed\s+back\b`,
  String.raw`\b(?:sent|emailed|mailed|posted|published|issued|pushed)\s+(?:out\s+)?(?:a|the)\s+(?:[\w-]{1,40}\s+)?(?:correction|retraction|corrected\s+[\w-]{2,20}|correcting\s+[\w-]{2,20})\b`,
  String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|since\s+|already\s+|just\s+)?(?:deleted|removed|pulled|taken\s+down|unpublished)\s+(?:the|that|those|my|our)\s+(?:[\w-]{1,40}\s+)?(?:test|temporary|temp|stray|extra|duplicate|debug|bad|broken|wrong|faulty|offending)\b`,
];

export const IMPACT_SHAPES: readonly string[] = [
  // Round seventeen: the reader's own thing hit ("the report export you scheduled failed", "the wrong totals on your
  // March invoice").
  String.raw`\b(?:wrong|incorrect|missing|duplicated?|failed|late|stale|double)\s+(?:[\w-]{1,40}\s+){0,2}?(?:on|in|for|to)\s+your\b|\byou\s+(?:[a-z]{2,20}ed\s+|set\s+up\s+|ran\s+|sent\s+)(?:[\w-]{1,40}\s+)?(?:failed|broke|crashed|stalled|bounced|was\s+(?:wrong|late|lost|dropped|rejected|empty)|were\s+(?:wrong|late|lost|dropped|rejected|empty))\b`,
  // Round twelve: wrong content delivered to readers ("report emails went out with the previous week's data").
  String.raw`\b(?:went\s+out|were\s+(?:sent|shown|served|delivered)|was\s+(?:sent|shown|served|delivered)|showed|displayed|served)\s+(?:with\s+)?(?:the\s+|an?\s+)?(?:previous|wrong|old|stale|outdated|incorrect|empty|blank|last\s+(?:week|month|year)'s|yesterday'?s)\b`,
  // Round eleven: a share of any group ("4% of visitors", "a fifth of API clients").
  String.raw`\b\d{1,3}(?:\.\d{1,3})?\s?%\s+of\s+(?:(?:the|our|all|their)\s+)?[a-z]|\b(?:a|one|two|three)\s+(?:half|third|quarter|fifth|tenth)s?\s+of\s+(?:(?:the|our|all|their)\s+)?[a-z]`,
  String.raw`\b\d{1,3}h(?:\s?\d{1,2}m(?:in)?)?\b`,
  String.raw`\b(?:over|during|for|all|through)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:weekend|night|morning|afternoon|evening|day)\b|\bovernight\b`,
  String.raw`\bfor\s+(?:[\w-]{1,40}\s+){0,2}?(?:users|customers|clients|tenants|partners|merchants|subscribers|developers|teams|shoppers|buyers|sellers|drivers|patients|students)\b`,
  String.raw`\b(?:users|customers|clients|tenants|partners|merchants|subscribers)\s+(?:failed|couldn'?t|could\s+not|were\s+unable|got|saw|lost|received|had\s+to|were\s+(?:charged|logged|locked|shown|sent))\b`,
  // Round thirteen: a count of anything the failure hit ("charged 212 subscriptions", "6,000 readers"), a client error
  // code ("hit a 404", "got 429s"), every one of a group ("for every shopper"), a failure on every run ("failed every
  // night"), wrong content told with its verb ("listed the wrong amount"), and most of a day.
  String.raw`(?:~\s?\d|\b\d)[\d,.]*\s+(?:[\w-]+\s+)?(?:subscriptions?|shipments?|parcels?|checkouts?|renewals?|sign-?ups?|logins?|installs?|downloads?|pdfs?|readers?|subscribers?|shoppers?|visitors?|partners?|devices?|calls?|cards?|refunds?|payouts?|bookings?|carts?|purchases?|searches|queries|patients|students|players|guests|members)\b`,
  String.raw`\b(?:a|an|got|hit|saw|served|serving)\s+4\d\d\b|\b4\d\d(?:s|'s)(?!\w)|\b4\d\d\s+(?:errors?|responses?)\b`,
  String.raw`\b(?:every|each)\s+(?:single\s+)?(?:shopper|reader|buyer|visitor|subscriber|merchant|partner|customer|user|client|player|driver|guest|member|tenant|account)\b`,
  String.raw`\bfailed\s+(?:every|each)\s+(?:night|day|morning|evening|hour|run|time|week)\b`,
  String.raw`\b(?:listed|showed|charged|sent|billed|displayed|printed|quoted|emailed)\s+(?:[\w-]{1,40}\s+){0,3}?(?:the\s+|a\s+)?wrong\s+(?:[\w-]{1,40}\s+)?(?:amounts?|prices?|totals?|currency|currencies|dates?|address(?:es)?|customers?|recipients?|tax|balances?|figures|accounts?)\b`,
  String.raw`\bfor\s+(?:most|all|much|part|half)\s+of\s+(?:the\s+)?(?:day|night|morning|afternoon|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  // A message that went to the wrong person ("belonged to another customer"), and content that came out wrong.
  String.raw`\b(?:belonged|belongs|went|was\s+sent|were\s+sent)\s+to\s+(?:another|a\s+different|the\s+wrong)\s+(?:customer|user|account|tenant|client|merchant|person|recipient)\b`,
  String.raw`\bcame\s+out\s+(?:with\s+)?(?:every|all|the\s+wrong|wrong|blank|empty|missing|broken|garbled)\b`,
  String.raw`\b(?:twice|two\s+times|three\s+times|(?:four|five|six|\d{1,3})\s+times)\b`,
  String.raw`\blogged\s+(?:[\w-]{1,40}\s+){0,2}?out\b|\blogged\s+out\s+everyone\b|\bwas\s+incomplete\b|\bsome\s+of\s+you\b`,
  String.raw`\bfor\s+(?:about|around|roughly|some|nearly|almost|over)\s+\d[\d,]{0,8}\s+[a-z]{3,20}s\b`,
  // Round sixteen: the impact named with the person hit ("your invoices had wrong VAT", "the quote you sent your client
  // had last year's prices"), a count as the object of the failure ("duplicated 43 contacts", "roughly 4,800 of
  // them"), and anyone on a plan or using a thing.
  String.raw`\b(?:your|their)\s+(?:[\w-]{1,40}\s+){0,4}?(?:had|got|showed|were|was|came\s+with|arrived\s+with)\s+(?:the\s+|an?\s+)?(?:wrong|last\s+year's|old|outdated|stale|incorrect|missing|duplicated?|broken|empty|bad)\b`,
  String.raw`\b(?:duplicated|double-[a-z]{2,20}ed|deleted|dropped|lost|corrupted|overwrote|emailed|charged|mailed|billed|re-?sent)\s+(?:(?:roughly|about|around|nearly|over|some|~)\s*)?\d[\d,]{0,8}\s+(?:[\w-]{1,40}\s+)?[a-z-]{2,20}s\b|\b(?:roughly|about|around|nearly|some|over|~)\s*\d[\d,]{0,8}\s+of\s+them\b`,
  String.raw`\bfor\s+(?:anyone|everyone|anybody)\s+(?:on|using|who|in|with)\b`,
];

export const PART_SHAPE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['part shapes: guarantee', GUARANTEE],
  ['part shapes: writer act', WRITER_ACT],
  ['part shapes: failure before', FAILURE_BEFORE],
  ['part shapes: vague plan', VAGUE_PLAN],
];

/** A guarantee after the writer's own act, not a consequence of the failure: "I've split the states so one apply can't touch both". */
export function guaranteeAfterAct(text: string): boolean {
  const m = GUARANTEE.exec(text);
  if (!m) return false;
  const before = text.slice(Math.max(0, m.index - 160), m.index);
  return WRITER_ACT.test(before) && !FAILURE_BEFORE.test(before);
}

// The writer's own work, named in a possessive ("my deploy", "our migration").
const MY_THING = String.raw`(?:deploy|deployment|apply|script|change|pr|commit|merge|rebase|config|test|alert|rule|plugin|update|upgrade|migration|query|patch|release|job|cron|flag|template|dockerfile|helm\s+chart|chart|bump|hotfix|import|bulk\s+update|seed\s+script|webhook|hook|workflow|pipeline|trigger|worker|mapping|setting|override|rollout|schedule|fixture|filter)`;

export const OWNERSHIP_SHAPES: readonly string[] = [
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
  String.raw`\b(?:i|we)\s+left\s+(?:a|an|the|my|our)\s+(?:[\w-]{1,40}\s+){0,3}?(?:enabled|open|running|exposed|unlocked|public|switched\s+on|turned\s+on)\b`,
  // Only as a sentence's first words: "When I deploy the wrong branch …" is a habit, not an act.
  String.raw`(?:^|[.;:!?]\s{1,3})i\s+(?:deploy|push|merge|ship|rollback|delete|drop)\s+(?:the|my|a)\s+(?:[\w-]{1,40}\s+){0,2}?(?:change|release|migration|script|update|build|commit|branch|table|index)\b`,
  String.raw`\b(?:problem|issue|bug|fault)\s+was\s+(?:my|our)\s+(?:own\s+)?[\w-]{2,40}`,
  String.raw`\bafter\s+my\s+(?:[\w-]{1,40}\s+){0,2}?(?:rotation|cutover|rollout|restart|reindex|cleanup|switch|rename)\b`,
];
