/**
 * Round ten: too much and too little by the size the writer gives things, found where blind10's
 * messages passed as right-sized:
 * - an apology or regret made bigger than one plain one: an intensifier before "regret" for any
 *   subject ("we deeply regret"), a big apology as a noun ("I owe everyone a huge apology");
 * - the writer as the cause of all trouble ("I am the reason we can't have nice things");
 * - the impact made small by the writer: a small count with "just" ("just a few hundred requests
 *   failed"), the impact called limited or minimal (not "limited to the EU region", which is its
 *   scope), readers who "probably didn't notice";
 * - regret for what readers felt ("we regret the confusion …"), the formal form of round nine's
 *   "sorry you felt";
 * - a mistake in the plural with no doer and no determiner ("Errors were introduced into …").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { BIG, INTENSIFIER, likeCase, PASSIVE_VOICE, rx, type FlagRule } from './ruleParts';
import { EXPLAIN } from './explanations';

const AFFECTED = String.raw`(?:requests|calls|users|customers|people|folks|clients|orders|jobs|messages|emails|pages|accounts|builds|payments|sessions|records|rows|tenants|shoppers|merchants)`;
const FELT = String.raw`(?:confusion|frustration|upset|annoyance|worry|concern|alarm|distress|disappointment|inconvenience|irritation|stress)`;

export const PROPORTION_RULES: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b(?:we|i)\s+(?:${INTENSIFIER}\s+){1,3}regret\b`,
      String.raw`\b(?:an?|my|our)\s+(?:${INTENSIFIER}\s+)?${BIG}\s+apology\b`,
    ]),
    explanation: EXPLAIN.BIGGER_SORRY,
    rewrite: (m) => likeCase(m, /regret/i.test(m) ? 'we are sorry for' : 'an apology'),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([String.raw`\b(?:i(?:'m|\s+am)\s+)?(?:the\s+reason|why)\s+(?:we|you|nobody|no\s+one|the\s+team)\s+(?:can'?t|cannot|don'?t|do\s+not)\s+have\s+nice\s+things\b`]),
    explanation: EXPLAIN.PUT_DOWN,
    rewrite: () => 'I made a mistake',
  },
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:just|merely|only)\s+(?:a\s+)?(?:few|handful|couple|small\s+number|tiny\s+number)(?:\s+(?:of|dozen|hundred|thousand)){0,2}\s+(?:[\w-]{1,40}\s+)?${AFFECTED}\b`,
      // A measured impact called nothing: "35 minutes is nothing", "a few hundred errors is not much".
      String.raw`\b(?:minutes?|mins?|hours?|seconds?|${AFFECTED}|errors|failures)\s+(?:is|was|are|were)\s+(?:(?:really|honestly|basically|practically)\s+)?(?:nothing|not\s+much|not\s+a\s+lot|no\s+time)\b`,
      String.raw`\b(?:real-world\s+|real\s+|actual\s+|overall\s+|customer\s+|user\s+|business\s+)?impact\s+(?:was|is|has\s+been|were|remained|stayed)\s+(?:(?:very|fairly|pretty|quite|really|relatively|rather|probably)\s+)?(?:limited|minimal|small|negligible|low|minor|tiny|modest)\b(?!\s+to\b)`,
      String.raw`\b(?:most|many|the\s+majority)\s+(?:of\s+)?(?:(?:our|the|them|those)\s+)?(?:${AFFECTED}\s+)?(?:probably\s+|likely\s+)?(?:didn'?t|did\s+not|never|won'?t|wouldn'?t|may\s+not|might\s+not)\s+(?:have\s+)?(?:even\s+)?notice[sd]?\b|\bprobably\s+(?:didn'?t|did\s+not|won'?t|never)\s+(?:even\s+)?notice[sd]?\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'non-apology',
    pattern: rx([String.raw`\b(?:we|i)\s+(?:(?:truly|deeply|sincerely|really)\s+)?regret\s+(?:the|any|all\s+the)\s+${FELT}\b`]),
    explanation: 'This regrets how people felt, not what happened; apologise for the breakage itself.',
    rewrite: (m) => likeCase(m, 'we are sorry for the breakage'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`(?:^|[.!?;:]\s{0,3})(?:several\s+|multiple\s+|two\s+|three\s+|some\s+)?(?:errors|mistakes|bugs|typos|regressions|bad\s+values|wrong\s+values)\s+(?:were|have\s+been|had\s+been|got)\s+(?:accidentally\s+|mistakenly\s+|inadvertently\s+)?(?:introduced|made|added|pushed|committed|written|put|deployed)\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: () => 'I introduced errors',
  },
];
