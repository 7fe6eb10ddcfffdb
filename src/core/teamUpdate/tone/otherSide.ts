/**
 * The failure put on the other side, in the grammar blind25-26 used and the rules did not read
 * (round seventeen):
 * - the writer's side cleared in more shapes ("My merge was fine.", "Not our incident.", "nothing
 *   was down on our side", "didn't touch it"), the failing thing given to someone else ("those red
 *   builds belong to someone else", "the job belongs to our billing platform group"), and another
 *   thing called "the real problem";
 * - after owning, "but" and another's thing as the subject that went wrong ("but their upgrade guide
 *   left out …", "but the vendor's file spec was ambiguous", "but it's Black's new default that
 *   reformatted …"), another's approval or request ("but the release-manager role signed it off",
 *   "but the change was requested by your own product team"), and the writer as one who only did
 *   what a source said ("exactly as the wiki page says", "implemented what was specified");
 * - where nothing is owned, an unknown product by name as the doer ("Postvane's outage delayed …",
 *   "because Textora resent them", "the Gradle daemon cache is just unreliable") and an update of
 *   another's software that changed its behaviour ("because the router OS update reorders …").
 * Every gap is bounded and each pattern starts on a literal word or a name (linear on any input).
 */
import { DOC } from './agentWords';
import { PARTY_NAME, rx, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// The writer's work or side, as the subject of "was fine".
const MY_SIDE = String.raw`(?:pr|change|changes|commit|commits|code|deploy|deployment|branch|push|merge|migration|config|release|part|side|end)`;
// A failure the writer says is not theirs.
const INCIDENT = String.raw`(?:incident|outage|problem|issue|bug|doing|mess)`;
// What a thing said to be faulty is called.
const FAULTY = String.raw`(?:ambiguous|wrong|unclear|incorrect|misleading|confusing|outdated|out\s+of\s+date|broken|buggy|flaky|unreliable|incomplete)`;
// Another's approval or request that the writer only carried out.
const APPROVED = String.raw`(?:signed|approved|requested|asked\s+for|specified|mandated|insisted|demanded|chose|picked|ordered)`;
// Something a product did wrong on its own.
const MISDID = String.raw`(?:duplicated|double-counted|double-sent|reordered|reorders|dropped|drops|wiped|mangled|overwrote|ignored|ignores|nuked|resent|re-sent)`;
// Whose the thing is, when it is not the writer's: a possessive that is not "my/our team's".
const OTHERS = String.raw`(?:their|your|(?:(?:the|our|their|your)\s+)?(?:(?!(?:my|our|i|we)\b)[\w-]{1,40}\s+){0,2}?(?!(?:team|my|our|own|everyone|everybody)(?:'s|’s))[\w-]{2,40}(?:'s|’s))`;

// No "I"/"we"/"my"/"our" later in the sentence (case-sensitive patterns): the writer claims no part of the cause.
const NO_WRITER_AFTER = String.raw`(?![^.!?]{0,120}\b(?:I|[Ww]e|[Mm]y|[Oo]ur)\b)`;

const UNOWNED_EXPLANATION = 'This makes another product the doer of the failure without saying what was yours; say which part you own (a missing check, fallback or pin).';

export const OTHER_SIDE_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:my|our)\s+(?:[\w-]{1,40}\s+)?${MY_SIDE}\s+(?:was|is)\s+(?:perfectly\s+|totally\s+|completely\s+)?(?:fine|ok|okay|clean|correct)\s*(?:[;.—–]|$)`,
      String.raw`\bnot\s+(?:our|my)\s+${INCIDENT}\s*(?:[.;!—–]|$)`,
      String.raw`\bnothing\s+(?:was|is|went)\s+(?:down|wrong|broken|changed)\s+on\s+(?:our|my)\s+(?:side|end)\b`,
      String.raw`(?:^|[.;:!]\s{0,3})(?:i\s+|we\s+)?(?:didn'?t|did\s+not|never)\s+(?:even\s+)?touch\s+(?:it|this|that|anything)\b`,
      String.raw`\b(?:belongs?|belonged)\s+to\s+(?:(?:someone|somebody)\s+else|another\s+(?:team|group|department|squad|project|service|repo)|other\s+teams?)\b`,
      String.raw`\b(?:belongs?|belonged)\s+to\s+(?:the|our|their)\s+(?:[\w-]{1,40}\s+){1,2}?(?:group|team|department|org|squad)\b`,
      String.raw`(?<!\b(?:my|our|i|we)\b[^;:.!?]{0,60})\b(?:is|was|are|were)\s+the\s+(?:real|actual|true)\s+(?:problem|issue)\b`,
    ]),
    explanation: EXPLAIN.DENIAL,
    rewrite: () => 'part of this may be mine',
  },
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\bbut\s+(?:it(?:'s|\s+is|\s+was)\s+)?${OTHERS}\s+(?:own\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:(?:is|was|are|were)\s+(?:so\s+|really\s+|just\s+)?${FAULTY}|(?:had|has)\s+(?:[\w-]{1,40}\s+){1,3}?set\s+to|left\s+out|omitted|(?:that|which)\s+(?!(?:i|we)\b)(?:[a-z]{3,20}ed|rewrote|broke|took|ate|made|wrote|threw))\b`,
      String.raw`\bbut\s+(?!(?:i|we|my|our)\b)(?:the\s+)?(?:[\w-]{1,40}\s+){0,3}?(?:was|were)\s+${APPROVED}(?:\s+off)?\s+by\s+(?!(?:me|us|my|our)\b)(?:your|their|the)\b`,
      String.raw`\bbut\s+(?!(?:i|we)\b)(?:the\s+|your\s+|their\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:role|process|department|group|manager|lead|owner|owners|pm|client|customer)\s+(?:had\s+)?${APPROVED}\b`,
      String.raw`\bexactly\s+as\s+(?:the|their|your)\s+(?:[\w-]{1,40}\s+){0,3}?(?:${DOC}|page|ticket|template)\s+(?:says|said|told|describes|described|shows|showed)\b`,
      String.raw`\bimplemented\s+(?:exactly\s+)?what\s+(?:was|we\s+were)\s+(?:specified|asked|requested|agreed|written|told)\b`,
    ]),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`(?:\bbecause|\bsince|\bcause:)\s+the\s+(?:[\w.-]{1,40}\s+){0,3}?(?:update|upgrade)\s+(?:now\s+)?(?:changed|changes|reorders|reordered|drops|dropped|duplicated|duplicates|broke|breaks|removed|removes|renamed|renames|resets)\b`,
    ]),
    explanation: UNOWNED_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    // Case matters: an unknown product or company by name as the doer, where nothing is owned.
    pattern: new RegExp(
      String.raw`(?:^|[.;:,]\s{0,3}|(?<=\s[—–-]\s{1,3}))${PARTY_NAME}(?:'s|’s)\s+(?:outage|incident|downtime|bug|regression|glitch)\s+(?:[a-z][\w-]{1,40}\s+)?(?:delayed|broke|caused|took|blocked|stopped|duplicated|dropped|hit)\b`,
      'g',
    ),
    explanation: UNOWNED_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'deflection',
    // Case matters: a named product's thing as the cause, with no "I"/"we" after it in the sentence ("… because
    // GitHub's default notification settings are broken", "- the Grafana alert migration duplicated every rule").
    pattern: new RegExp(
      [
        String.raw`\bbecause\s+(?:of\s+)?${PARTY_NAME}(?:'s|’s)?\s+(?:(?:default|own|new)\s+)?(?:[a-z][\w-]{1,40}\s+){0,3}?(?:(?:is|are|was|were)\s+(?:so\s+|really\s+|just\s+)?${FAULTY}|${MISDID})\b${NO_WRITER_AFTER}`,
        String.raw`(?:^|[.;:,]\s{0,3}|(?<=\s[—–-]\s{1,3}))the\s+${PARTY_NAME}\s+(?:[a-z][\w-]{1,40}\s+){0,3}?(?:(?:is|are|was|were)\s+(?:just\s+|so\s+|really\s+|notoriously\s+)?(?:unreliable|flaky|buggy|broken)|${MISDID})\b${NO_WRITER_AFTER}`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
];
