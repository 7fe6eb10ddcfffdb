/**
 * The failure told with another party as the grammatical subject of the clause that caused it, while
 * the writer owns no cause (round eighteen). Read from the clause's shape, not from party names:
 * - a clause opened by a comma, semicolon, colon, dash or "because" whose subject is another's thing —
 *   a product by name ("the macOS update killed Docker", "Cause: Slack deprecated the old format"), or a
 *   possessive that is not the writer's ("Storybook's addon wiped the config", "your clinic's export sent
 *   duplicates", "the SRE team's new rules are far too sensitive") — with a transitive act on an object,
 *   a progressive act ("is stripping the header") or a faulty state as its predicate;
 * - the cause located at a named party ("due to degraded storage at Skyhollow", "came from … at Certly");
 * - the served people as the doers ("customers who … had cleared their storage themselves");
 * - the writer only following a document ("I followed the wiki page step by step and it dropped …",
 *   "The wiki needs fixing"), a denial of the writer's side ("not an issue on our side", "nothing needed
 *   from us"), the failure declared expected ("so the crash for those users is expected");
 * - after owning, the cause moved ("but … only because Figma exported the wrong assets", "the root cause
 *   is Pagesmith's renderer").
 * Rules that need nothing owned use `unlessOwned: 'cause'`: a sentence whose only first-person acts repair
 * ("I closed them", "We moved the database") owns no cause (see `repairOnly`).
 * Name patterns are case-sensitive; every gap is bounded and each pattern starts on a literal (linear).
 */
import { DOC, REPAIRED } from './agentWords';
import { NOT_NAME } from './namedAgent';
import { FAILURE_VERB, rx, TOOL, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

const DAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Ww]eek|[Mm]onth|[Yy]ear|[Mm]orning|[Nn]ight)`;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)`;
// A product or company by name: a capitalised word (or two), a brand written "macOS"/"GitHub", an optional version;
// not a sentence word or a month, and not a hyphenated name (the team's own services are written "heron-ledger").
const NAME = String.raw`(?!(?:${NOT_NAME}|${MONTH})\b)(?:[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20})?|[a-z]{1,6}[A-Z]{1,4}[a-z]{0,10})(?:\s+(?!(?:${NOT_NAME})\b)[A-Z][a-z]{1,20}){0,2}(?:\s+v?\d[\w.]{0,10})?(?![\w-])`;
// Another's possessive: not the writer's, a time's or everyone's ("Vite's", "the monitoring team's", "your clinic's").
// Another group by its kind ("the SRE team's", "the billing squad's"), never "our team's".
const OTHERS = String.raw`(?:(?!(?:[Mm]y|[Oo]ur|[Tt]he|[Aa]ll)\b)[A-Za-z][\w-]{1,30}\s+(?:team|squad|group|department)'s|(?!(?:[Mm]y|[Oo]ur|[Tt]oday|[Yy]esterday|[Tt]onight|[Tt]omorrow|${DAY}|${MONTH}|[Ee]veryone|[Ee]verybody|[Nn]obody|[Tt]eam|[Ii]t|[Tt]hat|[Ww]hat|[Ll]et|[Tt]here|[Hh]ere|[Ww]ho|[Ss]he|[Hh]e)'s)[A-Za-z][\w.-]{1,30}'s)`;
// Lower-case words of the subject's phrase before its verb: not a pronoun, an auxiliary or the writer's word.
const NOUNS = String.raw`(?:\s+(?!(?:i|we|my|our|me|us|you|he|she|they|it|is|was|are|were|has|had|have|and|but|or|so|then|that|which|who|for|on|in|at|to|of)\b)[a-z][\w-]{1,30}){0,3}?`;
const ADVERBS = String.raw`(?:\s+(?:just|silently|suddenly|quietly|apparently|also|again|randomly|then|has|had|have)){0,2}`;
// Verbs that tell of suffering, repairing, helping or reporting: their subject did not cause the failure.
const NOT_CAUSING = String.raw`(?:saved|rescued|protected|guarded|failed|crashed|stalled|errored|timed|stopped|died|lagged|degraded|flaked|hung|seemed|looked|used|needed|worked|succeeded|passed|helped|reported|noticed|flagged|spotted|caught|confirmed|warned|alerted|paged|escalated|responded|replied|answered|asked|agreed|suggested|mentioned|pointed|raised|released|published|announced|emailed|called|contacted|approved|reviewed|tested|waited|retried|refreshed|reloaded|started|${REPAIRED})`;
// A transitive act on an object, a progressive act on an object, or a faulty state.
const ACT = String.raw`(?!${NOT_CAUSING}\b)(?:(?:[a-z]{2,10}-)?[a-z]{2,20}ed|broke|ate|threw|took|wrote|rewrote|made|sent|cut|lost|dropped|shut|killed|hid|overrode|wiped|ran|blew\s+away)\s+(?!(?:to|for|on|in|at|by|with|up|out|over|back|again|twice|down|off|and|but|during|while|between|within|from|across|after|before|since|as|when|until|around|about|[a-z]{2,20}ly)\b)[\w"'-]{1,30}`;
const DOING = String.raw`(?:is|are|was|were)\s+(?!(?:getting|going|being|working|running|loading|coming|trying)\b)[a-z]{2,20}ing\s+(?:the|a|an|our|my|all|every|some|each|\d+)\b`;
const FAULTY_STATE = String.raw`(?:is|are|was|were)\s+(?:(?:far|way|much|just|so|really|simply|clearly|still)\s+){0,2}(?:too\s+[a-z]{3,20}|wrong|broken|buggy|flaky|unreliable|incorrect|misleading|outdated|out\s+of\s+date)\b`;
// No "after/because/since … my/our/I/we" later in the sentence: the writer's act is not told as the cause.
const NO_WRITER_CAUSE = String.raw`(?![^.!?]{0,100}\b(?:after|because|since|once|when|by)\s+(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us)\b)`;
// A clause inside the sentence (any capitalised word opens a sentence, so a bare name needs this lead).
const INNER_LEAD = String.raw`(?:[,;:—–]\s{0,3}|\b[Bb]ecause\s+(?:of\s+)?|\b[Ss]ince\s+)`;
const DET_REQUIRED = String.raw`(?:[Tt]he|[Yy]our|[Tt]heir|a|an|A|An)\s+(?:(?!(?:my|our|[Mm]y|[Oo]ur)\b)[A-Za-z][\w-]{1,30}\s+){0,2}?`;
const DET = String.raw`(?:${DET_REQUIRED})?`;

// The served people as doers: a past act of theirs with "themselves"/"their own" in the same clause; any plural noun
// that a "who" clause picks out ("Riders who saw wrong fares") is a group of them.
const SERVED = String.raw`(?:[Uu]sers?|[Cc]ustomers?|[Cc]lients?|[Mm]embers?|[Pp]atients|[Ss]ubscribers?|[Vv]isitors?|[Bb]uyers?|[Ss]hoppers?|[Tt]enants?)`;

const SUBJECT_EXPLANATION = 'This makes another party the subject of the act that caused the failure and owns nothing; say which part was yours (a missing check, pin or fallback).';

export const OTHER_SUBJECT_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "…, the macOS update killed Docker", "Cause: Slack deprecated the old webhook format", "because Figma exported …".
        String.raw`${INNER_LEAD}(?:[Tt]he\s+)?${NAME}(?:'s)?${NOUNS}${ADVERBS}\s+(?:${ACT}|${DOING}|${FAULTY_STATE})${NO_WRITER_CAUSE}`,
        // "…, after the VS Code extension auto-formatted the imports": a tool by its kind as the doer.
        String.raw`(?:${INNER_LEAD}|\b[Aa]fter\s+)[Tt]he\s+(?:[\w.-]{1,30}\s+){0,2}?${TOOL}${ADVERBS}\s+(?:${ACT}|${DOING})${NO_WRITER_CAUSE}`,
        // "… because your inventory plugin resubmitted each cart": the reader's or a third party's thing as the doer.
        String.raw`${INNER_LEAD}(?:[Yy]our|[Tt]heir)\s+(?:own\s+)?[a-z][\w-]{1,30}${NOUNS}${ADVERBS}\s+(?:${ACT}|${DOING})${NO_WRITER_CAUSE}`,
        // "…, Storybook's addon wiped the config", "the SRE team's new alert rules are way too sensitive".
        // At the sentence's start only with a determiner: "Bob's change caused it" is a person, whom the people finder names.
        String.raw`(?:${INNER_LEAD}${DET}|^${DET_REQUIRED})${OTHERS}${NOUNS}${ADVERBS}\s+(?:${ACT}|${DOING}|${FAULTY_STATE})${NO_WRITER_CAUSE}`,
        // "due to degraded storage at Skyhollow", "came from expired certificates at Certly".
        String.raw`\b(?:[Dd]ue\s+to|[Cc]aused\s+by|[Bb]ecause\s+of|came\s+from|comes?\s+from|[Tt]raced\s+(?:back\s+)?to)\s+(?:an?\s+|the\s+|some\s+)?(?:[a-z][\w-]{1,30}\s+){0,3}?(?:at|from|on|in|inside|with)\s+(?:the\s+)?${NAME}`,
        // "the sync failures come from older iPhones", "comes from a Google Play Services update".
        String.raw`\b(?:came|comes?|coming)\s+from\s+(?:an?\s+|the\s+|some\s+)?(?:[a-z][\w-]{1,30}\s+){0,2}?${NAME}`,
        // "Customers who saw empty carts had blocked cookies in their own browsers".
        String.raw`\b(?:${SERVED}|[A-Za-z][a-z]{2,20}s(?=\s+who\b))\s+(?:who\s+(?:[\w'-]{1,30}\s+){1,8}?)?(?:had\s+|have\s+)?(?!(?:${REPAIRED}|retried|refreshed|reloaded|noticed|reported|waited|saw|lost|got)\b)(?:[a-z]{2,20}ed|set|chose|ran|turned\s+off)\s+(?:[\w'-]{1,30}\s+){0,6}?(?:themselves|(?:in|on|from|with)\s+their\s+own)\b`,
        // "The wiki needs fixing".
        String.raw`\b[Tt]he\s+(?:[\w-]{1,30}\s+)?${DOC}(?:\s+page)?\s+needs?\s+(?:fixing|updating|correcting|an?\s+(?:update|fix|rewrite)|to\s+be\s+(?:fixed|updated|corrected))\b`,
        // "…, so the app crashing for those users is expected".
        String.raw`\bso\s+(?:[\w'-]{1,30}\s+){0,10}?(?:is|are|was|were)\s+(?:(?:entirely|totally|fully|completely|just|simply)\s+)?(?:expected|by\s+design)\b`,
      ].join('|'),
      'g',
    ),
    explanation: SUBJECT_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'cause',
  },
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "I did flip the flag, but testers only saw it because Figma exported the wrong assets".
        String.raw`\bbut\s+(?:[\w'-]{1,30}\s+){0,12}?(?:only\s+)?because\s+(?:[Tt]he\s+)?(?:${NAME}(?:'s)?|${DET}${OTHERS})${NOUNS}${ADVERBS}\s+(?:${ACT}|${DOING}|${FAULTY_STATE})${NO_WRITER_CAUSE}`,
        // "the root cause is Pagesmith's renderer", with no later "we didn't …".
        String.raw`\b(?:real\s+|actual\s+|underlying\s+)?(?:root\s+)?cause\s+(?:is|was)\s+(?:${NAME}'s|(?:the|our)\s+(?:vendor|provider|partner|supplier|library)'s)\s+[a-z][\w-]{1,30}(?![^.!?]{0,120}\b(?:I|[Ww]e)\s+(?:didn't|did\s+not|never|missed|forgot|should|failed|had\s+no)\b)`,
        // "…; the platform team's setup script is clearly broken", "but honestly the vendor's SDK is just wrong".
        String.raw`(?:[;—–]\s{0,3}|\bbut\s+)(?:(?:honestly|frankly|really|tbh),?\s+)?${DET}${OTHERS}${NOUNS}\s+(?:is|are|was|were)\s+(?:clearly|obviously|simply|just|plainly)\s+(?:broken|buggy|wrong|flaky|unreliable|at\s+fault|to\s+blame)\b`,
        // "the temp files are the test framework's problem": the failing thing handed to another's responsibility.
        String.raw`\b(?:is|are|was|were)\s+(?:really\s+|entirely\s+|clearly\s+|honestly\s+|just\s+)?(?:the\s+)?(?:[A-Za-z][\w-]{1,30}\s+)?${OTHERS}\s+(?:own\s+)?(?:problem|fault|issue|bug|responsibility|mess)\b`,
        // "Keyhold should not be timing out like that": another product told what it should not do.
        String.raw`\b(?:${NAME}|[Tt]hey|[Tt]he\s+(?:vendor|provider|partner|supplier|library|framework))\s+(?:should\s+(?:not|never)|shouldn't)\s+(?:be\s+[a-z]{2,20}ing|have\s+[a-z]{2,20}(?:ed|en))\b`,
        // "… waved it through so I assumed it had been tested": the writer leaning on another's approval.
        String.raw`\b(?:waved|let|signed|approved|passed|reviewed|green-?lit|ok'?d|okayed|said|told|merged)\b[^.;!?]{0,60}?\bso\s+(?:I|we)\s+(?:just\s+)?(?:assumed|figured|trusted|took\s+it)\s+(?:that\s+)?(?:it|this|that|the\s+[\w-]{1,30})\s+(?:had\s+been|has\s+been|was|were)\s+(?:tested|checked|reviewed|safe|fine|ok|okay|verified)\b`,
        // "I followed the wiki page step by step and it dropped …": the writer only did what a document said.
        String.raw`\b(?:I|[Ww]e)\s+followed\s+(?:the|their|your|its)\s+(?:[\w-]{1,30}\s+){0,2}?(?:${DOC}|page|instructions|steps)(?:\s+page)?\s+(?:(?:step\s+by\s+step|exactly|to\s+the\s+letter|as\s+written|word\s+for\s+word)\b|,?\s*and\s+it\s+(?:${FAILURE_VERB}|[a-z]{2,20}ed)\b)(?![^.!?]{0,80}\b(?:but|except|skipped|missed|forgot|wrong\s+step)\b)`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
  {
    kind: 'deflection',
    pattern: rx([
      // "This is not an issue on our side", "nothing needed from us".
      String.raw`\b(?:not|isn't|wasn't|is\s+not|was\s+not)\s+(?:an?\s+|the\s+)?(?:issue|problem|bug|fault|error|incident)\s+(?:on|with|in|from|at)\s+(?:our|my)\s+(?:side|end)\b`,
      // "Our service was green the whole time" (any thing of the writer's, fine all along), "Everything on our end behaved correctly".
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,30}\s+){0,2}?(?:was|were|is|are|stayed|remained)\s+(?:green|healthy|fine|up|ok|okay)\s+(?:the\s+(?:whole|entire)\s+time|throughout|all\s+along)\b`,
      String.raw`\b(?:everything|all)\s+on\s+(?:our|my)\s+(?:end|side)\s+(?:behaved|worked|ran|performed|was)\s+(?:correctly|fine|normally|as\s+(?:expected|designed|intended)|ok|okay)\b`,
      // "aren't from anything I did".
      String.raw`(?:(?:\bnot|n't)\s+(?:from|caused\s+by|due\s+to|because\s+of|related\s+to)|\bnothing\s+to\s+do\s+with|\bunrelated\s+to)\s+anything\s+(?:I|we)\s+(?:did|changed|pushed|touched|ran|merged|deployed)\b`,
      String.raw`\bnothing\s+(?:(?:is|was)\s+)?(?:needed|required|to\s+(?:do|fix|change))\s+(?:from|on|by)\s+(?:us|me|our\s+(?:side|end)|my\s+(?:side|end))\b`,
    ]),
    explanation: EXPLAIN.DENIAL,
    rewrite: () => 'part of this may be mine',
  },
];

// First-person acts: "I closed them", "We've de-duplicated the queue", "we then moved the database"; deleting the extras
// ("I deleted the duplicates") is a repair, deleting anything else may be the cause.
const FIRST_PERSON_ACT = /\b(?:i|we)(?:'ve|\s+have|\s+had|'d)?\s+(?:(?:just|also|then|quickly|already|manually|now|immediately)\s+)?((?:failed|switched)\s+over|(?:deleted|removed|cleared|closed|dropped|merged)\s+(?:them|those|the\s+(?:duplicates?|dupes|extras?|copies|stray\s+[\w-]{1,30}))|[a-z][\w-]{1,30})/gi;
const REPAIR_ACT = new RegExp(String.raw`^(?:${REPAIRED}|closed|moved|switched|swapped|de-?duplicated|de-?duped|corrected|cleaned|bumped|pinned|renewed|regenerated|reimported|re-imported|rotated|throttled|re-?warmed|filed|(?:failed|switched)\s+over|(?:deleted|removed|cleared|closed|dropped|merged)\s+(?:them|those|the\s+(?:duplicates?|dupes|extras?|copies|stray\s+[\w-]{1,30})))$`, 'i');
// Owning words that need no act: "my bad", "on me", "mine", "my/our X broke …".
const OWNS_WITHOUT_ACT = new RegExp(String.raw`\b(?:(?:my|our)\s+(?:bad|fault|mistake|doing|error|oversight)|on\s+(?:me|us)|mine|ours|(?:my|our)\s+(?:[\w-]{1,30}\s+){0,2}?${FAILURE_VERB})\b`, 'i');

/** True when a sentence's first-person acts all repair and it owns nothing else: it owns no cause. */
export function repairOnly(text: string): boolean {
  const acts = [...text.matchAll(FIRST_PERSON_ACT)].map((m) => m[1]);
  return acts.length > 0 && acts.every((a) => REPAIR_ACT.test(a)) && !OWNS_WITHOUT_ACT.test(text);
}

/** Every pattern this file runs, named, for the linear-time test. */
export const OTHER_SUBJECT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['other subject: first-person act', FIRST_PERSON_ACT],
  ['other subject: repair act', REPAIR_ACT],
  ['other subject: owns without an act', OWNS_WITHOUT_ACT],
];
