/**
 * The failure placed at another party's door by grammar the other rules did not read:
 * - another party's thing in a faulty state: "the catalog feed from our partner was malformed", "because the
 *   sheet that feeds it had duplicate rows" — the failing thing is marked as coming from outside ("from" a
 *   vendor or an outside team, or "that feeds" the writer's thing) and is the subject of a faulty state; or the failing thing was made by an outside group ("was set up by the ops rotation");
 * - the cause located at the reader's or a third party's thing: "due to the traffic from your campaign";
 * - the blame located on a party: "the outage is entirely on Sendlark", "squarely on the vendor";
 * - a denial of the writer's side as a clause of its own: "Nothing wrong on our end, …"; the failure declared intended
 *   ("works this way by design") or dated before the writer's act ("flaky long before I touched it");
 * - the writer only applying another's document: "Following Quentin's runbook to the letter is how …";
 * - after owning, the problem named as another party: "but the problem with payments was the bank partner".
 * Rules that need nothing owned use `unlessOwned: 'cause'` (a repair alone owns no cause). Every gap is bounded
 * and each pattern starts on a literal word (linear on any input).
 */
import { DOC } from './agentWords';
import { NOT_NAME } from './namedAgent';
import { ROLE, rx, TEAM_BARE, TEAM_WORD, VENDOR, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// Another party by kind (a vendor, a role, an outside team), never the writer's own team.
const PARTY = String.raw`(?:${VENDOR}|${ROLE}|${TEAM_BARE}|(?:${TEAM_WORD}|(?!(?:our|my|the|whole|entire|same|own)\b)[a-z][\w-]{1,30})\s+(?:team|squad|department|folks)|(?:${TEAM_WORD}|${TEAM_BARE}|on-?call)\s+rotation)`;
// A product or company by name, case-sensitive: not a sentence word.
const NAME = String.raw`(?!(?:${NOT_NAME})\b)[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20})?`;
// A faulty state of a thing or its contents.
const FAULTY = String.raw`(?:malformed|corrupt(?:ed)?|garbled|truncated|invalid|wrong|broken|bad|stale|incomplete|missing\s+[a-z]{2,20}|full\s+of\s+[a-z]{2,20}|out\s+of\s+date|outdated)`;
const CONTENT = String.raw`(?:(?:duplicate|duplicated|stale|bad|corrupt|corrupted|malformed|invalid|wrong|missing|empty|broken|garbage|junk|null)\s+(?:[a-z]{2,20}\s+)?(?:rows?|records?|entries|values?|data|ids?|prices?|fields?|lines?|timestamps?|dates?))`;
// No writer's act told as the cause later in the sentence.
const NO_WRITER_CAUSE = String.raw`(?![^.!?]{0,100}\b(?:after|because|since|when|by)\s+(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us)\b)`;

const SOURCE_EXPLANATION = 'This puts the failure on another party\'s input without saying what was yours; say which check on it you lacked.';

export const OTHER_SOURCE_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "the catalog feed from our partner was malformed", "The address data from the billing team was stale".
        String.raw`\b(?:from|by|of)\s+(?:(?:our|the|their|a|an)\s+)?(?:[a-z][\w-]{1,30}\s+)?${PARTY}\s+(?:(?:was|were|is|are|had\s+been)\s+(?:(?:just|simply|clearly|completely|partly|all)\s+)?${FAULTY}|(?:had|has|contained|sent)\s+${CONTENT})\b${NO_WRITER_CAUSE}`,
        // "because the ops sheet that feeds it had duplicate rows": an upstream source named by what it feeds.
        String.raw`\b(?:[Bb]ecause|[Ss]ince|[Aa]s)\s+(?:the|their)\s+(?:[\w-]{1,30}\s+){0,3}?(?:that|which)\s+feeds?\s+(?:it|us|them|(?:the|our)\s+[\w-]{1,30})\s+(?:(?:was|were|is|are)\s+${FAULTY}|(?:had|has|contained|sent)\s+${CONTENT})\b${NO_WRITER_CAUSE}`,
        // "the cleanup job was set up by the ops rotation": the failing thing made by an outside group, told in the passive.
        String.raw`\b(?:was|were|got|had\s+been)\s+(?:(?:originally|first|all)\s+)?(?:set\s+up|configured|created|written|added|scheduled|built|changed|introduced|made)\s+by\s+(?:the|their|an?)\s+(?:[a-z][\w-]{1,30}\s+)?${PARTY}\b${NO_WRITER_CAUSE}`,
        // "due to the traffic from your campaign": the cause located at the reader's or a third party's thing.
        String.raw`\b(?:[Dd]ue\s+to|[Cc]aused\s+by|[Bb]ecause\s+of)\s+(?:the\s+|an?\s+|some\s+)?(?:[a-z][\w-]{1,30}\s+){1,3}?(?:from|of|by|in)\s+(?:your|their)\s+(?:own\s+)?[a-z][\w-]{1,30}${NO_WRITER_CAUSE}`,
        // "The email outage is entirely on Sendlark", "squarely on the payment provider".
        String.raw`\b(?:is|was|are|were|'s)\s+(?:entirely|squarely|all|fully|completely|totally|100%|wholly)\s+on\s+(?:(?:the|our|their)\s+)?(?:${NAME}\b|${PARTY}\b|their\s+(?:side|end))`,
      ].join('|'),
      'g',
    ),
    explanation: SOURCE_EXPLANATION,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'cause',
  },
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "Yes we made the deploy, but the problem with payments was the bank partner".
        String.raw`\bbut\s+(?:(?:really|honestly|actually)\s+)?the\s+(?:real\s+|actual\s+|underlying\s+)?(?:problem|issue|cause|culprit|fault)\s+(?:(?:with|in|for|behind)\s+(?:[\w-]{1,30}\s+){1,3}?)?(?:was|is)\s+(?:(?:really|actually|clearly)\s+)?(?:the|our|their)\s+(?:[a-z][\w-]{1,30}\s+)?${PARTY}\b`,
        // "Following Quentin's runbook to the letter is how the jobs got dropped".
        String.raw`(?:^|[,;:—–]\s{0,3})(?:[Ff]ollowing|[Aa]pplying|[Uu]sing|[Rr]unning)\s+(?:the|their|your|its|[A-Za-z][\w.-]{1,30}'s)\s+(?:[\w'-]{1,30}\s+){0,3}?(?:${DOC}|page|instructions|steps|playbook|checklist)\s+(?:(?:step\s+by\s+step|exactly|to\s+the\s+letter|as\s+written|word\s+for\s+word)\b)`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLAIN.MOVED,
    rewrite: () => NO_SAFEGUARD,
  },
  {
    kind: 'deflection',
    pattern: rx([
      // "It behaves this way by design", "the export is working as designed": the failure declared intended (not "working as intended now").
      String.raw`\b(?:is|was|are|were|behaves|behaved|works|worked|working|functions|functioned)\s+(?:(?:this\s+way|like\s+this|exactly|entirely|fully)\s+)?(?:by\s+design|as\s+(?:designed|intended|specified))(?![^.!?;,]{0,20}\b(?:now|again|once)\b)`,
    ]),
    explanation: EXPLAIN.DENIAL,
    rewrite: () => 'part of this may be mine',
    unlessOwned: 'cause',
  },
  {
    kind: 'deflection',
    pattern: rx([
      // "flaky long before I touched it", "already failing before my change landed": the failure dated before the writer's act.
      String.raw`\b(?:flaky|broken|red|failing|unstable|down|timing\s+out|slow)\s+(?:long\s+|well\s+|way\s+|already\s+)?before\s+(?:i|we|my|our)\s+(?:(?!(?:fix|revert|rollback|patch|hotfix)\b)[\w-]{1,30}\s+)?(?:touched|changed|came|joined|landed|merged|pushed|deployed|started|arrived|edited|got\s+(?:there|here|to\s+it))\b(?!\s+(?:the|a|my|our)\s+(?:fix|revert|rollback|patch|hotfix)\b)(?![^.!?]{0,80}\bbut\b)`,
    ]),
    explanation: EXPLAIN.DENIAL,
    rewrite: () => 'part of this may be mine',
  },
  {
    kind: 'deflection',
    // "Nothing wrong on our end, our API answered every request": the writer's side cleared as a clause of its own.
    pattern: /(?:^|[.;:—–]\s{0,3})(?:[Nn]othing|[Nn]o\s+(?:issues?|problems?|faults?))\s+(?:(?:was|is)\s+)?(?:wrong|broken|amiss|off)?\s*(?:on|at|with)\s+(?:our|my)\s+(?:side|end)(?=\s*(?:[,;:—–.!]|$))(?![^.!?]{0,80}\b(?:but|until|then|turned\s+out|except)\b)/g,
    explanation: EXPLAIN.DENIAL,
    rewrite: () => 'part of this may be mine',
  },
];
