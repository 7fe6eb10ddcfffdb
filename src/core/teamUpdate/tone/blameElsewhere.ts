/**
 * Round seven: blame aimed elsewhere in shapes the older deflection rules did not know, found by
 * reading the misses of three blind sets and grouped by how people write it, not by message:
 * - questions about others' diligence ("Did nobody read the migration before approving?",
 *   "Can someone explain why security rotated …?");
 * - another's habit or job ("every time ops touches the load balancer", "QA keeps changing the
 *   test data", "she should look at why it wasn't tested", "the reviewer should have spotted");
 * - doing exactly what someone or something said ("exactly as the wiki says", "we implemented
 *   exactly what was written", "X told me the tests were flaky and to ignore them");
 * - the writer's own part made small ("I just said yes");
 * - sarcasm about another's work ("thanks to Zainab's "quick fix"", "Well done, backend team");
 * - a cause or subject outside, unless the message owns a part: a cleft ("it's the pre-commit
 *   hook that's broken"), "it wasn't us", an outside thing's issue as the subject ("An issue with
 *   our upstream hosting provider caused …"), a named outage as the root cause, a spec as the
 *   source, a hand-off ("waiting for them to fix it", "asked them to fix it").
 * Every gap is bounded and every variable run starts after a literal word, so each pattern is linear.
 */
import { FAILURE_VERB, ROLE, rx, TEAM_BARE, TEAM_WORD, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// Another team or role as a bare subject: "ops", "QA", "the design system team", "security", "the reviewer".
const OTHERS = String.raw`(?:the\s+)?(?:${TEAM_BARE}|${TEAM_WORD}\s+(?:team|side|folks)|(?!(?:our|my|your)\s)[\w-]{1,40}\s+team|(?:[\w-]{1,40}\s+)?${ROLE}|reviewers?|testers?)`;
// Things outside the writer that round seven's sets named: hooks, caches, toolchains, libraries.
const OUTSIDE_TOOL = String.raw`(?:${TOOL}|${VENDOR}|(?:pre-commit\s+)?hooks?|toolchain|library|orm|sdk|driver|plugin|extension)`;
// …and, in a cleft only ("it was the Actions cache"), things that may be the team's own.
const OUTSIDE_THING = String.raw`(?:${OUTSIDE_TOOL}|cache|runtime|image|api)`;
// Documents one follows.
const DOC = String.raw`(?:the|our|their)\s+(?:[\w-]{1,40}\s+)?(?:wiki|docs|documentation|readme|spec|specs|runbook|guide|instructions|ticket|release\s+notes)`;
// Where a clause starts: a sentence start, punctuation, or a subordinator.
const LEAD = String.raw`(?:^|[,;:—–(]\s*|\b(?:because|bc|since|as|when|after|but|and|honestly|then|regrettably|unfortunately|why|how)\s+)`;

const ALWAYS: readonly FlagRule[] = [
  {
    kind: 'blame',
    pattern: rx([
      // Questions about others' diligence.
      String.raw`\b(?:why|how)\s+(?:did|didn'?t|does|doesn'?t|has|hasn'?t|had)\s+(?:nobody|no\s+one|no-one|anyone|anybody)\b`,
      String.raw`\b(?:did|does|has|had)\s+(?:nobody|no\s+one|no-one)\s+(?:(?:on|in|from)\s+the\s+(?:[\w-]{1,40}\s+){1,2}(?:team|side)\s+)?(?:even\s+|actually\s+|ever\s+)?(?:read|review|test|check|notice|catch|look|see|think|bother|run|approve|verify)\b`,
      String.raw`\bdid\s+(?:anyone|anybody)\s+(?:even|actually|bother|ever)\b`,
      String.raw`\b(?:can|could)\s+(?:someone|somebody|anyone|anybody)\s+explain\s+why\b`,
      String.raw`\bwhy\s+(?:on\s+earth\s+)?${OTHERS}\s+(?:would|decided|thought|keeps?|[a-z]{3,20}ed)\b`,
      // Another's habit: "every time ops touches the load balancer", "because QA keeps changing the data".
      String.raw`\b(?:every\s+time|each\s+time|whenever)\s+(?:${OTHERS}|they|he|she)\s+(?:touch|change|deploy|push|update|upgrade|rotate|edit|ship|run|merge|release)(?:es|s|ed)?\b`,
      // Round ten: not after "so" (the subject bears the consequence) nor "kept getting / being …" (it suffered it).
      String.raw`(?<!\bso\s{1,3})\b(?:${OTHERS}|they|he|she)\s+(?:keeps?|kept)\s+(?:on\s+)?(?!getting\b|being\b)[a-z]{3,20}ing\b`,
      // Another's job to look into it: "She should probably look at why it wasn't tested".
      String.raw`\b(?:he|she|they|${OTHERS})\s+(?:should|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:probably\s+|really\s+|maybe\s+)?(?:look\s+(?:at|into)|figure\s+out|explain|answer\s+for|be\s+more\s+careful)\b`,
      String.raw`\b(?:the\s+)?(?:reviewers?|approvers?|testers?|qa|${ROLE})\s+should(?:'?ve|\s+have)\s+(?:spotted|caught|flagged|noticed|seen|found|checked|tested|read|blocked|stopped|asked|warned)\b`,
      // Sarcasm about another's work.
      String.raw`\bthanks\s+to\s+(?:the\s+|our\s+|my\s+)?[\w-]{1,40}'s\s+["“'‘]`,
      // Scare quotes on another's work: "you "optimized" my imports", "their "fix"".
      String.raw`\b(?:you|they|he|she|their|his|her|your|(?:the\s+)?${OUTSIDE_TOOL}|the\s+${ROLE})\s+["“][a-z-]{2,30}["”]`,
    ]),
    explanation: 'This puts the failure on someone else; say what broke, what was yours and which check would have caught it.',
    rewrite: () => 'we missed this',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // Doing exactly what a document or a person said.
      String.raw`\bexactly\s+(?:as|like|what)\s+(?:${DOC}\s+(?:says?|said|told\s+(?:me|us)|describes?|described)|(?:it\s+)?(?:was|were)\s+(?:written|specified|asked|requested|documented|described))\b`,
      String.raw`\b(?:told|assured|promised)\s+(?:me|us)\s+(?:that\s+)?(?:[\w-]{1,40}\s+){0,6}?(?:was|were|is|are)\s+(?:fine|safe|ok|okay|flaky|harmless|expected)\b`,
      String.raw`\btold\s+(?:me|us)\s+(?:[\w-]{1,40}\s+){1,8}?to\s+(?:ignore|skip|merge|ship|push|deploy|bypass|disable)\b`,
      // The writer's part made small: "I just said yes", "I only clicked approve".
      String.raw`\b(?:i|we)\s+(?:just|only|merely)\s+(?:said\s+["“]?(?:yes|ok|okay|sure|go)|watched|clicked|nodded|agreed|pressed|approved\s+(?:it|what))\b`,
      // Asking whoever owns it to fix it.
      String.raw`\bwhoever\s+owns\s+(?:it|this|that)\b`,
    ]),
    explanation: 'This shifts responsibility to the source you followed; say what you changed and what you are doing about it.',
    rewrite: () => 'I should have checked',
  },
];

/**
 * The writer's own work declared fine, or denied as the cause: "my branch is fine, it's the hook",
 * "it wasn't my change that broke it". Such a sentence does not own the failure (its "my branch …
 * broken" is a denial), so toneCheck.ts drops it from the owned sentences.
 */
export const DISOWNS = new RegExp([
  String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:branch|change|changes|code|commit|commits|pr|deploy|config|setup|part|side|build|release)\s+(?:is|was|are|were)\s+(?:totally\s+|perfectly\s+|completely\s+)?(?:fine|ok|okay|correct|innocent|not\s+the\s+(?:problem|cause|culprit))(?=\s*(?:[.,;:!—–]|$))`,
  String.raw`\b(?:it|this|that)\s+(?:wasn'?t|isn'?t|was\s+not|is\s+not)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:change|changes|code|commit|pr|deploy|config|branch|release)\s+that\b`,
].join('|'), 'i');

const UNLESS_OWNED: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      // Praise that is sarcasm in a message that owns nothing: "Well done, backend team 👏 three hours of broken staging".
      String.raw`\b(?:well\s+done|great\s+job|good\s+job|nice\s+(?:job|work|one)|bravo)\s*,?\s+(?:the\s+)?(?:[\w-]{1,40}\s+)?(?:team|folks|guys|people|${TEAM_BARE})\b`,
      String.raw`\b(?:truly|really)\s+a\s+masterclass\b|\blove\s+that\s+for\s+(?:me|us)\b`,
      DISOWNS.source,
      // A cleft that points elsewhere: "it's the pre-commit hook that's broken", "it was the Actions cache".
      String.raw`\b(?:it|this)(?:'s|\s+is|\s+was)\s+(?:the|their|your)\s+(?:[\w-]{1,40}\s+){0,2}?${OUTSIDE_THING}(?:\s+(?:that|which)(?:'s|\s+is|\s+was|\s+were)?\s+(?:broken|wrong|at\s+fault|the\s+problem|buggy|flaky|failing|down|broke|caused)|\s*(?:[.!]|$))`,
      // "it wasn't us", "this isn't an incident".
      String.raw`\b(?:it|this|that)\s+(?:wasn'?t|isn'?t|was\s+not|is\s+not)\s+(?:us|me|mine|ours|on\s+(?:us|me)|an?\s+incident|our\s+(?:problem|issue|bug|fault))\b`,
      // Customers who should have read the notes.
      String.raw`\bif\s+(?:customers|users|people|they|you|anyone)\s+(?:had\s+)?(?:read|followed|checked|updated|looked\s+at)\b`,
      // An outside thing's trouble as the subject: "An issue with our upstream hosting provider caused …".
      String.raw`\b(?:an?|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:outage|issue|problem|incident|bug|failure|update|error|regression|glitch|disruption)\s+(?:at|in|on|from|with|of)\s+(?:the|our|their|an?)\s+(?:[\w-]{1,40}\s+){0,2}?${OUTSIDE_TOOL}(?:\s+(?:[\w-]{1,40}\s+)?we\s+use)?\s+(?:caused|led\s+to|resulted\s+in|broke|took\s+down|triggered)\b`,
      String.raw`\bcaused\s+by\s+(?:an?|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:outage|issue|problem|bug|failure|regression|glitch)\s+(?:at|in|on|from|with|of)\s+(?:the|our|their|an?)\s+(?:[\w-]{1,40}\s+){0,2}?${OUTSIDE_TOOL}\b`,
      // A named outage as the root cause: "Root cause was the Ostrava Mail outage".
      String.raw`\broot\s+cause\s*(?:was|is|:)\s*(?:an?|the)\s+(?:[\w-]{1,40}\s+){1,3}?(?:outage|downtime|incident)\b`,
      // An outside thing (or its update) as the subject of the failure, after a lead or a parenthesis:
      // "Regrettably the CDN provider (Corvid) misrouted traffic", "The Go toolchain update broke my build".
      String.raw`${LEAD}(?:the|their|an?)\s+(?:[\w-]{1,40}\s+){0,2}?${OUTSIDE_TOOL}(?:\s*\([^()]{1,40}\))?(?:\s+(?:update|upgrade|release|change|bump|patch|version))?\s+(?:just\s+|silently\s+|apparently\s+)?(?:${FAILURE_VERB}|mis[a-z]{3,20}ed|let\s+(?:it|this|that)\s+through|failed|ate|returned\s+(?:duplicates|garbage|errors))`,
      String.raw`\b(?:because|bc|since)\s+(?:the|their)\s+[\w-]{1,40}'s\s+(?:api|sdk|servers?|service|endpoint|system|platform|feed|webhook)s?\s+(?:${FAILURE_VERB}|returned|sent|failed|went\s+down)`,
      // A tool that should have flagged it: "it should've flagged the unused import" after naming the tool.
      String.raw`\b(?:it|they)\s+should(?:'?ve|\s+have)\s+(?:flagged|caught|blocked|warned|stopped)\b`,
      // "on" another: "the broken preview environments are on the design system team", "this one really is on our hosting provider".
      String.raw`\b(?:is|was|are|were|'s)\s+(?:all\s+|entirely\s+|really\s+|squarely\s+)?on\s+(?:(?:the|their)\s+(?:[\w-]{1,40}\s+){0,3}?(?:team|side|folks|${VENDOR}|${ROLE})|our\s+(?:[\w-]{1,40}\s+){0,2}?${VENDOR})(?=\s*(?:[.,;:!—–]|$))`,
      // A spec or doc as the source: "came from the spec Product gave us".
      String.raw`\b(?:caused\s+by|due\s+to|came\s+from|because\s+of|bc)\s+${DOC}\b`,
      // Handing the fix over: "Waiting for them to fix it upstream", "We've asked them to fix it".
      String.raw`\bwaiting\s+(?:on|for)\s+(?:them|upstream|the\s+(?:[\w-]{1,40}\s+)?(?:team|vendor|provider|maintainers))\s+to\b`,
      String.raw`\basked\s+(?:them|the\s+(?:[\w-]{1,40}\s+)?(?:vendor|provider|maintainers|team))\s+to\s+(?:fix|look|explain)\b`,
      String.raw`\b(?:opened|filed|raised)\s+(?:a\s+)?(?:ticket|case|support\s+request)\s+with\b`,
    ]),
    explanation: EXPLAIN.CAUSE_OUTSIDE,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'message',
  },
];

/** Patterns used outside the flag rules, for the linear-time test. */
export const BLAME_ELSEWHERE_PATTERNS: readonly (readonly [string, RegExp])[] = [['blame elsewhere: disowns', DISOWNS]];

export const BLAME_ELSEWHERE_RULES: readonly FlagRule[] = [...ALWAYS, ...UNLESS_OWNED];
