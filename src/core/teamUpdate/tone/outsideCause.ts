/**
 * Round eight: blame aimed elsewhere in shapes the older rules did not know, grouped by how people
 * write it (read from blind8's misses, tested on own sentences):
 * - denying that anything failed ("it's not a bug", "works as designed", "nothing to fix") or
 *   that the writer's side had a part ("not aware of any issue on our end", "our pods were fine
 *   the whole time", "my deploy went through fine", "why people are saying I broke it");
 * - the cause given to another team's work or to the customers ("down to the storage team's quota
 *   change", "caused by customers' browser extensions");
 * - a vendor named in apposition ("the SMS gateway Telvix throttled us", "Nimbus, our email
 *   provider, had an outage"), a vendor's incident or fix "on their side", "once they fixed it";
 * - a tool's fault told as a noun phrase ("pnpm cache corruption again");
 * - another's approval as the reason ("Sven signed off on the numbers, so I assumed it was safe").
 * Every gap is bounded and every variable run starts after a literal word, so each is linear.
 */
import { ROLE, rx, TEAM_BARE, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// Words for a company the team buys from, written before its name ("the SMS gateway Telvix").
const VENDOR_NOUN = String.raw`(?:vendor|provider|gateway|processor|carrier|registry|registrar|partner|supplier|host|cdn|isp|acquirer|company)`;
// What an outside party did, as the failure: any past verb, or an incident it had.
const OUTSIDE_ACT = String.raw`(?:[a-z]{2,20}ed|broke|lost|went\s+down|took\s+down|had\s+(?:an?\s+)?(?:[\w-]{1,40}\s+)?(?:outage|incident|issue|problem|bug|glitch|hiccup)|did\s+(?:a\s+)?(?:maintenance|an?\s+update|a\s+release)|shipped|threw|sent|cut|dropped)`;
// Words after "our payment provider" that make it the team's own thing ("our payment provider config changed").
const NOT_A_VENDOR_NAME = String.raw`(?:config|settings|account|keys?|credentials|integration|client|migration|switch|change|plan|limits?|quota|contract|team|code|outage|incident|issue|problem|api|sdk|status|was|were|is|are|had|has)`;
// A team's piece of work that can be the cause.
const TEAM_WORK = String.raw`(?:change|update|release|deploy|migration|rule|config|upgrade|rollout|refactor|rotation|script|job|cron|patch|policy)`;

const ALWAYS: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      // "Not sure why people are saying I broke staging", "No idea why I'm being blamed".
      String.raw`\bwhy\s+(?:people|everyone|everybody|folks|you|they|some\s+people)\s+(?:are|is|keep|were)\s+(?:saying|claiming|blaming|pointing|suggesting)\b`,
      String.raw`\bwhy\s+(?:i'?m|i\s+am|we'?re|we\s+are|my\s+[\w-]{1,40}\s+(?:is|was))\s+(?:being\s+)?blamed\b`,
      // "…were Tendai's stale snapshots, not my change", "came from @x's refactor, not from this PR".
      String.raw`\bnot\s+(?:from\s+|in\s+|by\s+|with\s+)?(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:change|changes|commit|commits|deploy|pr|config|work|migration|release|app|service|code|system|systems)\b`,
      String.raw`\bnot\s+(?:from|in|by)\s+(?:mine|ours|this\s+(?:pr|branch|change|commit|mr))\b`,
      // "the breakage isn't on my side".
      String.raw`\b(?:isn'?t|wasn'?t|is\s+not|was\s+not|not)\s+(?:on|from)\s+(?:my|our)\s+(?:side|end)\b`,
    ]),
    explanation: EXPLAIN.SHIFTED,
    rewrite: () => 'we are still finding the cause',
  },
  {
    kind: 'blame',
    pattern: rx([
      // Another's approval as the reason: "Sven signed off on the load test results, so I assumed it was safe".
      String.raw`(?<!\b(?:i|we)\s)\b(?:signed\s+off|approved|okayed|ok'?d|green-?lit|greenlit|said\s+it\s+was\s+(?:fine|safe|ok|okay))(?:\s+[\w'-]{1,40}){0,8}?,?\s+so\s+(?:i|we)\s+(?:just\s+)?(?:assumed|figured|thought|trusted|went\s+ahead)\b`,
    ]),
    explanation: 'Someone else approving it does not move the failure to them; say what you checked and what will catch it next time.',
    rewrite: () => 'I should have checked it myself, and',
  },
];

const HABIT: readonly FlagRule[] = [
  {
    kind: 'blame',
    // What others should have done, told as a counterfactual: "If QA had actually tested the upgrade path, …".
    pattern: rx([String.raw`\bif\s+(?:the\s+)?(?:qa|they|he|she|someone|somebody|anyone|${TEAM_BARE}|${ROLE}|reviewers?|testers?|[\w-]{1,40}\s+team)\s+had\s+(?:actually\s+|just\s+|only\s+|even\s+|bothered\s+to\s+)?(?:tested|checked|read|reviewed|followed|run|ran|caught|looked|noticed|told|warned|asked|done|test|check|read)\b`]),
    explanation: 'What someone else should have done puts the failure on them; say what was yours and which check was missing.',
    rewrite: () => 'if we had',
  },
  {
    kind: 'blame',
    // Another team's habit, told with a sigh: "As usual the data folks changed the schema on a Friday".
    pattern: rx([String.raw`\bas\s+(?:usual|always|ever)\b,?\s+(?:the\s+)?(?:[\w-]{1,40}\s+)?(?:team|folks|squad|people|guys|${ROLE}|${TEAM_BARE})\s+(?:[a-z]{2,20}ed|broke|did|made|put|took|ran|sent|forgot|went)\b`]),
    explanation: 'Calling it another team\'s habit puts the failure on them; say what broke for you and which check would catch it.',
    rewrite: () => 'the',
  },
];

const UNLESS_OWNED: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      // Denying that anything failed.
      String.raw`\b(?:it|this|that)(?:'s|\s+is|\s+was|\s+wasn'?t|\s+isn'?t)\s+(?:not\s+)?(?:really\s+)?a\s+bug\b|\bnot\s+a\s+bug\s*[,;:—–]`,
      String.raw`\b(?:works?|working|worked|behaves|behaving|behaved)\s+(?:exactly\s+|just\s+)?as\s+(?:intended|designed|expected|specified|documented)\b|\bhow\s+(?:the\s+[\w-]{1,40}|it|this)\s+(?:is|was)\s+(?:supposed|meant|designed)\s+to\s+work\b`,
      String.raw`\bnothing\s+(?:to|for\s+us\s+to)\s+fix\b|\b(?:customers|users|people|they)\s+(?:[\w-]{1,40}\s+){0,3}?(?:just|simply)\s+(?:need|have)\s+to\b`,
      // "not aware of any issue on our end", "Nothing on our side was wrong", "nothing wrong on our side".
      String.raw`\b(?:not\s+aware\s+of|no\s+sign\s+of|(?:don'?t|didn'?t|do\s+not)\s+see|found\s+no|see\s+no)\s+(?:any\s+)?(?:[\w-]{1,40}\s+)?(?:problems?|issues?|bugs?|errors?|faults?)\s+(?:on|in|with|from)\s+(?:our|my)\s+(?:side|end|part|code|systems?|changes?)\b`,
      String.raw`\bnothing\s+(?:on|in|from)\s+(?:our|my)\s+(?:side|end|part)\s+(?:was|is|went)\s+(?:wrong|broken|at\s+fault)\b|\bnothing\s+(?:was\s+|is\s+)?wrong\s+(?:on|in|with)\s+(?:our|my)\s+(?:side|end|part|code|changes?|config|service|systems?)\b`,
      // The writer's side declared healthy: "our service was healthy throughout", "my deploy went through fine".
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:service|services|pods?|servers?|systems?|app|api|code|deploy|deployment|migration|change|changes|release|build|side|end|branch|config|cluster|nodes?)\s+(?:was|were|is|are|stayed|remained)\s+(?:totally\s+|perfectly\s+|completely\s+)?(?:fine|healthy|ok|okay|normal|unaffected)\s+(?:throughout|the\s+whole\s+time|the\s+entire\s+time|all\s+along|all\s+day)\b`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:service|services|pods?|servers?|systems?|app|api|code|cluster|nodes?)\s+(?:behaved|worked|performed)\s+(?:totally\s+|perfectly\s+|completely\s+)?(?:correctly|as\s+expected|as\s+designed|fine)(?=\s*(?:[;,.]|$))`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:deploy|deployment|migration|change|changes|release|build|code|commit|pr|script)\s+(?:went\s+(?:through|out)|ran|worked|passed|looked)\s+(?:totally\s+|perfectly\s+|completely\s+|just\s+)?(?:fine|ok|okay|clean|cleanly|green)\b`,
      // Another team's work as the cause, after any cause words: "down to the networking team's firewall change".
      String.raw`\b(?:down\s+to|came\s+from|comes\s+from|caused\s+by|the\s+result\s+of|traced\s+(?:back\s+)?to|courtesy\s+of)\s+the\s+[\w-]{1,40}\s+(?:team|squad|folks)'s\s+(?:[\w-]{1,40}\s+){0,2}?${TEAM_WORK}`,
      // Customers as the cause: "caused by customers' browser extensions".
      String.raw`\b(?:caused\s+by|due\s+to|because\s+of|came\s+from|comes?\s+from)\s+(?:the\s+)?(?:customers?|users?|clients?)(?:'s|')?\s+(?:own\s+)?(?:[\w-]{1,40}\s+)?(?:browsers?|extensions?|setups?|prox(?:y|ies)|networks?|devices?|configs?|settings|machines|software|plugins?|firewalls?|code|scripts?|misuse|mistakes?|errors?)\b`,
      // A vendor named in apposition: "the SMS gateway Telvix throttled us", "Our CDN vendor Corvatel had a regional outage",
      // "the SMS provider we rely on, Textora, went down".
      String.raw`\b(?:the|our|their|an?)\s+(?:[\w-]{1,40}\s+){0,2}?${VENDOR_NOUN}(?:\s+(?:that\s+)?we\s+(?:rely\s+on|use|depend\s+on|pay\s+for))?,?\s+(?!${NOT_A_VENDOR_NAME}\b)[\w-]{2,40}(?:\s+[\w-]{2,40})?,?\s+(?:just\s+|silently\s+|apparently\s+)?${OUTSIDE_ACT}\b`,
      // "Nimbus, our email provider, had an outage".
      String.raw`\b[\w-]{2,40},\s+(?:our|the|their)\s+(?:[\w-]{1,40}\s+){0,2}?(?:${VENDOR_NOUN}|${VENDOR})\s*,\s+(?:just\s+|silently\s+|apparently\s+)?${OUTSIDE_ACT}\b`,
      // "Our hosting company, Brightnode, rebooted the primary".
      String.raw`\b(?:the|our|their)\s+(?:[\w-]{1,40}\s+){0,2}?(?:${VENDOR_NOUN}|${VENDOR})\s*,\s+[\w-]{2,40}(?:\s+[\w-]{2,40})?\s*,\s+(?:just\s+|silently\s+|apparently\s+)?${OUTSIDE_ACT}\b`,
      // Another party that did not tell: "without telling us", "didn't announce it", "without notice".
      String.raw`\bwithout\s+(?:telling|warning|notifying|informing|asking)\s+(?:us|anyone|anybody|me|the\s+team)\b|\bwithout\s+(?:any\s+)?(?:prior\s+)?(?:notice|warning|announcement)\b|\b(?:didn'?t|did\s+not|never)\s+(?:announce|tell\s+(?:us|anyone)|warn\s+(?:us|anyone)|notify\s+(?:us|anyone))\b`,
      // Another team's thing or work: "belongs to the search team", "it broke after their index change".
      String.raw`\bbelongs?\s+to\s+the\s+[\w-]{1,40}\s+(?:team|squad|folks)\b|\b(?:after|since|because\s+of|due\s+to|from|with)\s+their\s+(?:[\w-]{1,40}\s+)?${TEAM_WORK}\b`,
      // Another team named, then "which is why" the failure: "The build image from the infra team ships an old openssl, which is why …".
      String.raw`\bthe\s+[\w-]{1,40}\s+(?:team|squad|folks)\b(?:\s+[\w'-]{1,40}){0,8}?,?\s+(?:which\s+is|that'?s)\s+why\b`,
      // Docs said to be wrong, with or without a determiner or a complement: "Docs for the queue client are wrong about …".
      String.raw`(?:^|\b(?:the|our|their)\s+)(?:[\w-]{1,40}\s+)?(?:docs|documentation|readme|wiki|runbook|spec)(?:\s+(?:for|of|on|about)\s+(?:the\s+)?(?:[\w-]{1,40}\s+){0,2}?[\w-]{1,40})?\s+(?:is|are|was|were)\s+(?:just\s+|plain\s+|simply\s+)?(?:wrong|outdated|out\s+of\s+date|incorrect|misleading|stale)\b`,
      // A vendor's incident or fix "on their side", "once they fixed it", "They've lifted the throttle".
      String.raw`\b(?:incident|outage|issue|problem|bug|failure|degradation|glitch|maintenance)s?\s+(?:was\s+|is\s+)?on\s+their\s+(?:side|end)\b`,
      String.raw`\b(?:resolved|fixed|mitigated|sorted|recovered|restored)\s+(?:[\w-]{1,40}\s+)?on\s+their\s+(?:side|end)\b`,
      String.raw`\b(?:until|when|once|after)\s+they\s+(?:fixed|resolved|restored|reverted|mitigated|lifted|rolled\s+back|undid|patched)\b|\bthey(?:'ve|\s+have)\s+(?:now\s+)?(?:fixed|resolved|lifted|reverted|rolled\s+back|restored|patched|mitigated)\b`,
      // An upstream or third-party service as the subject: "Our upstream geocoding API started returning nulls".
      String.raw`\b(?:our|the|an?|their)\s+(?:upstream|third[- ]party|external|partner)\s+(?:[\w-]{1,40}\s+){0,2}?(?:api|service|feed|endpoint|provider|library|sdk|dependency|package)\s+(?:suddenly\s+|silently\s+)?(?:started|began|stopped|kept|${OUTSIDE_ACT})\b`,
      // A vendor or tool as the root of it: "The root of it is our processor, Paydeck".
      String.raw`\broot(?:\s+cause)?(?:\s+of\s+(?:it|this|that|the\s+[\w-]{1,40}))?\s*(?:is|was|:)\s*(?:the|our|their|an?)\s+(?:[\w-]{1,40}\s+){0,2}?(?:${VENDOR_NOUN}|${VENDOR}|${TOOL})\b`,
      // A new version of a tool as the subject: "The new version of the formatter mangled my branch".
      String.raw`\b(?:the|a|an)\s+(?:new|latest|recent|last)\s+(?:version|release|update|build)\s+of\s+(?:the\s+|our\s+)?(?:[\w-]{1,40}\s+)?(?:${TOOL}|${VENDOR}|formatter|bundler|plugin|extension|sdk|library|driver|image)\s+(?:just\s+|silently\s+)?(?:${OUTSIDE_ACT}|mangled|ate|rewrote)\b`,
      // A tool's fault told as a noun phrase: "pnpm cache corruption again", "a yarn lockfile bug".
      String.raw`\b${TOOL}\s+(?:[\w-]{1,40}\s+)?(?:corruption|bug|glitch|flakiness|outage|hiccup|weirdness|regression)\b`,
      // A third-party thing named with what uses it: "a third-party library used by our API (fastjsonx) released a broken version".
      String.raw`\b(?:an?|the)\s+(?:[\w-]{1,40}\s+)?(?:third[- ]party|external|upstream|open[- ]source)\s+(?:library|sdk|package|dependency|module|service|api|plugin)\s+(?:used|maintained|provided)\s+by\s+(?:us|our\s+[\w-]{1,40})(?:\s*\([^()]{1,40}\))?\s+${OUTSIDE_ACT}\b`,
    ]),
    explanation: EXPLAIN.CAUSE_OUTSIDE,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'message',
  },
];

export const OUTSIDE_CAUSE_RULES: readonly FlagRule[] = [...ALWAYS, ...HABIT, ...UNLESS_OWNED];
