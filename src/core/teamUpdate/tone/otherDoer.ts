/**
 * Round thirteen: denials and another doer in shapes blind13 and blind14 used:
 * - the writer's work denied at the start of a clause ("Wasn't my deploy that broke QA", "not my
 *   branch,"), declared clean ("Nothing wrong with my PR", "our service was up the whole time"),
 *   "don't look at me", "somebody else must have pushed", a denial in another language ("no es
 *   culpa mia");
 * - the writer's own act conceded, then the cause handed to a document ("yes, but the module docs
 *   say …", "so that's where the gap is") or to an instruction ("X tells you to …, so that's why");
 * - another as the one who did it ("she's the one who …", "take it up with her", "told me it was
 *   reviewed", "that's their call", "that's on the infra rotation");
 * - customers as the doers of their own trouble ("users who deleted them themselves", "locked
 *   themselves out");
 * - a tool, vendor or named thing whose act is the reason ("Inkpress rendered the invoices wrong,
 *   which is why …", "npm's registry was serving a broken tarball, that's why …"), the reader's
 *   own systems as the subject ("Your identity provider changed its certificate"), and a named
 *   root cause after the writer's part ("But the root cause was Edgeflow caching …").
 * Every gap is bounded and each pattern starts on a literal word or a capital (linear).
 */
import { rx, TOOL, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

const MY_WORK = String.raw`(?:change|changes|code|commit|commits|pr|deploy|deployment|config|branch|release|migration|push|merge|script|work|fork|build)`;
const DOC = String.raw`(?:docs|documentation|readme|checklist|runbook|guide|spec|wiki|instructions|playbook)`;
// A name, as in namedAgent.ts, but only where a lead word has already placed a subject.
const NAME = String.raw`(?!(?:I|We|My|Our|The|This|That|It|A|An|Your|Their)\b)[A-Z][\w.-]{1,30}(?:\s+[A-Z][\w.-]{1,30}){0,2}`;
const OUTSIDE_LC = String.raw`(?:${TOOL}|${VENDOR})`;
const YOUR_SIDE = String.raw`(?:firewall|network|proxy|vpn|identity\s+provider|sso|idp|gateway|provider|it\s+(?:team|department)|admins?|security\s+team|dns|certificate|integration|servers?)`;

export const OTHER_DOER_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`(?:^|[.!?;,]\s{0,3})(?:wasn'?t|isn'?t|was\s+not|is\s+not|not)\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?${MY_WORK}(?:\s+that\b|\s*(?:[.,;!]|$))`,
      String.raw`\bnothing\s+(?:was\s+|is\s+)?wrong\s+with\s+(?:my|our)\s+(?:[\w-]{1,40}\s+)?${MY_WORK}\b`,
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?(?:service|services|api|app|site|systems?|servers?|cluster)\s+(?:was|were|stayed|remained)\s+up\s+(?:the\s+whole\s+time|the\s+entire\s+time|throughout|all\s+along|all\s+day)\b`,
      String.raw`\bdon'?t\s+look\s+at\s+(?:me|us)\b|(?:^|[.!?;]\s{1,3})not\s+(?:me|us)\s*,`,
      String.raw`\b(?:someone|somebody)\s+else\s+(?:must|might|may|could)\s+have\s+[a-z]{2,20}\b`,
      String.raw`\bno\s+es\s+(?:mi\s+culpa|culpa\s+m[ií]a)\b|\bnicht\s+meine\s+schuld\b|\bpas\s+ma\s+faute\b|\bnon\s+[eè]\s+colpa\s+mia\b`,
      // The writer's act conceded, then the cause handed to a document or a place.
      String.raw`\bbut\s+the\s+(?:[\w-]{1,40}\s+){0,2}?${DOC}(?:\s+(?:from|by|of)\s+the\s+[\w-]{1,40}(?:\s+[\w-]{1,40})?)?\s+(?:say|says|said|claimed|claims|stated|doesn'?t\s+mention|didn'?t\s+mention|never\s+mentions?|don'?t\s+mention)\b`,
      String.raw`\bso\s+that'?s\s+where\s+the\s+(?:gap|problem|issue|fault|blame|bug|mistake)\s+(?:is|was|lies|lay|rests|sits|came\s+from)\b`,
      String.raw`\b(?:tells|told|says|said|asks|asked)\s+(?:(?:you|me|us|people|everyone)\s+)?to\b(?:[^.!?]|\.\d){0,80}?\bso\s+that'?s\s+why\b`,
    ]),
    explanation: EXPLAIN.SHIFTED,
    rewrite: () => 'we are still finding the cause',
  },
  {
    kind: 'blame',
    pattern: rx([
      String.raw`\b(?:he|she|they)(?:'s|\s+is|\s+was|'re|\s+are|\s+were)\s+the\s+ones?\s+who\b`,
      String.raw`\btake\s+it\s+up\s+with\s+(?!(?:me|us)\b)(?:him|her|them|the\s+[\w-]{1,40}\s+team|@?[\w-]{2,30})\b`,
      String.raw`\b(?!(?:i|we)\b)[\w@-]{2,40}\s+(?:told|assured|promised)\s+(?:me|us)\s+(?:that\s+)?(?:it|this|the\s+[\w-]{1,40})\s+(?:was|had\s+been|is)\s+(?:already\s+)?(?:reviewed|tested|fine|safe|ok|okay|approved|checked)\b`,
      String.raw`\b(?:is|was|'s|are|were)\s+(?:really\s+|honestly\s+|clearly\s+|just\s+)?their\s+(?:call|decision|department|lookout)\b`,
      String.raw`\b(?:that|this|it)(?:'s|\s+is|\s+was)\s+(?:all\s+|entirely\s+|squarely\s+)?on\s+the\s+(?:[\w-]{1,40}\s+)?(?:rotation|on-?call|squad|crew|department)\b`,
    ]),
    explanation: EXPLAIN.ON_OTHERS,
    rewrite: () => 'we missed this',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // The writer's product declared fine ("The app's fine; old devices are the problem").
      String.raw`(?:^|[.;:]\s{0,3})(?:the|our)\s+(?:app|service|site|api|system|backend|product)(?:'s|\s+is|\s+was)\s+(?:totally\s+|perfectly\s+|completely\s+|just\s+)?fine\s*[;,—–]`,
      String.raw`\b(?:users?|customers?|clients?|people|those\s+(?:users|customers|accounts))\s+(?:who\s+)?(?:[a-z]{2,20}ed|broke|locked|lost|deleted|wiped|shut)\s+(?:(?:it|them|their\s+(?:own\s+)?[\w-]{1,40})\s+)?themselves\b`,
    ]),
    explanation: 'This puts the cause on the people affected or declares your side fine; say what on our side let it happen.',
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "Inkpress rendered the invoices wrong last week, which is why …", "npm's registry was serving a broken tarball, that's why".
        String.raw`(?:^|[,;:(—–]\s*)(?:the\s+)?(?:${NAME}|${OUTSIDE_LC})(?:'s)?(?:\s+[a-z][\w-]{1,30}){0,2}?\s+(?:[a-z]{2,20}ed|broke|threw|sent|lost|(?:was|were)\s+[a-z]{2,20}ing)\b(?:\s+[\w'-]{1,40}){0,8}?,?\s+(?:that'?s|which\s+(?:is|was))\s+why\b`,
        // "The product team insisted on shipping it on a Friday": another team's decision as the cause.
        String.raw`(?:^|[,;:(—–]\s*|\b(?:because|since|after|when)\s+)[Tt]he\s+(?:[\w-]{1,40}\s+)?(?:team|leadership|management|execs|business|squad)\s+(?:insisted\s+on|demanded|forced\s+(?:us|me|it)|overruled|pushed\s+(?:us|me)\s+to|made\s+(?:us|me))\b`,
        // "Your identity provider changed its certificate".
        String.raw`(?:^|[,;:(—–]\s*|\b(?:because|since|after|when)\s+)[Yy]our\s+(?:[\w-]{1,40}\s+)?${YOUR_SIDE}\s+(?:(?:just|silently|suddenly|has|had)\s+)?(?:[a-z]{2,20}ed|broke|threw|sent|dropped)\b`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLAIN.OUTSIDE_PARTY,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    // "…, and we've added a purge. But the root cause was Edgeflow caching our responses": after the writer's part, a
    // named root cause takes it back.
    kind: 'deflection',
    pattern: /\b[Bb]ut\s+the\s+(?:real\s+|actual\s+|true\s+)?(?:root\s+)?cause\s+(?:was|is)\s+(?:the\s+)?(?!(?:I|We|My|Our|The|This|That|It|A|An)\b)[A-Z][\w.-]{1,30}\b/g,
    explanation: EXPLAIN.SHIFTED,
    rewrite: () => 'part of the cause was',
  },
];
