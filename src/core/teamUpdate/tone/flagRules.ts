/**
 * Word patterns that flag a draft, each with one rewrite. Every gap inside a pattern is bounded
 * ({0,N}) and no quantified group can match the same text two ways, so each pattern runs in
 * linear time (the tone check's regex test compares a 0.5 MB and a 1 MB input).
 */
import type { ToneFlagKind } from './types';

export interface FlagRule {
  kind: ToneFlagKind;
  pattern: RegExp;
  explanation: string;
  /** The concrete rewrite of the matched words. */
  rewrite: (matched: string) => string;
}

/** Keeps a rewrite capitalised when the words it replaces were. */
export function likeCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

const rx = (parts: readonly string[]) => new RegExp(parts.join('|'), 'giu');

export const APOLOGY = /\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies))\b/giu;

const INTENSIFIER = String.raw`(?:so|really|terribly|deeply|incredibly|extremely|awfully|truly|very|massively|profoundly)`;

export const FAILURE_VERB = String.raw`(?:broke|breaks|broken|caused|causes|introduced|forgot|forgets|missed|misses|messed up|screwed up|pushed|merged|deployed|shipped|approved|skipped|ran|did(?:n'?t| not)|should(?:'?ve| have)|failed to|dropped|deleted|took down|brought down|changed)`;

export const FLAG_RULES: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      String.raw`\b${INTENSIFIER}(?:,?\s+${INTENSIFIER}){0,3},?\s+sorry\b`,
      String.raw`\bcan(?:'|no)?t\s+apologi[sz]e\s+enough\b`,
      String.raw`\bbeyond\s+sorry\b`,
      String.raw`\b(?:sincerest|deepest|sincere|massive|profound|humble)\s+apologies\b`,
    ]),
    explanation: 'One plain "sorry" is enough; intensifying it makes the message about you instead of the fix.',
    rewrite: (m) => likeCase(m, /apolog/i.test(m) ? 'apologies' : 'sorry'),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi(?:'?m| am)\s+(?:such\s+|a\s+total\s+|a\s+complete\s+|so\s+|an?\s+|the\s+)*(?:idiot|moron|fool|clown|disaster|failure|mess|stupid|dumb|incompetent|useless|hopeless|worst)\b`,
      String.raw`\b(?:so|really|incredibly|unbelievably|such an?)\s+(?:stupid|dumb|idiotic)\b`,
      String.raw`\b(?:complete\s+|total\s+)?(?:stupid|dumb|idiotic|rookie|silly|boneheaded)\s+(?:mistake|error|move|thing)\b`,
      String.raw`\b(?:terrible|awful|hopeless|useless|bad)\s+at\s+(?:this|my job|everything|git|coding|deploys?|rebasing|merging)\b`,
      String.raw`\bmy bad,?\s+i\s+always\b`,
      String.raw`\bi\s+always\s+(?:break|mess|screw|ruin)\b`,
      String.raw`\bi\s+(?:shouldn'?t|should not)\s+be\s+(?:allowed|trusted)\b`,
      String.raw`\bi\s+can'?t\s+do\s+anything\s+right\b`,
      String.raw`\bwhat\s+was\s+i\s+thinking\b`,
      String.raw`\bi\s+feel\s+(?:terrible|awful|horrible|so bad|sick)\b`,
    ]),
    explanation: 'Putting yourself down does not help anyone; state what broke and what you changed so it cannot recur.',
    rewrite: (m) => likeCase(m, /^what/i.test(m) ? 'I missed this' : 'I made a mistake'),
  },
  {
    kind: 'deflection',
    pattern: rx([
      String.raw`\b(?:not|wasn'?t|isn'?t|was not|is not)\s+(?:really\s+|entirely\s+|totally\s+)?(?:my|our)\s+fault\b`,
      String.raw`\b(?:it|that)\s+(?:wasn'?t|was not)\s+me\b`,
      String.raw`\bnot\s+ours\b`,
      String.raw`\b(?:was|is)\s+(?:someone|somebody)\s+else(?:'s)?\b`,
      String.raw`\b(?:someone|somebody)\s+else(?:'s)?\s+(?:\w+\s+)?${FAILURE_VERB}`,
      String.raw`\bwhoever\s+(?:\w+\s+){0,6}?(?:should|broke|caused|forgot|wrote|set up)\b`,
      String.raw`\bshould(?:'?ve|\s+have)\s+been\s+caught\b`,
      String.raw`\b(?:nobody|no one|no-one)\s+(?:told|warned|reviewed|tested|checked)\b`,
      String.raw`\b(?:qa|ci|the tests?|testers?|reviewers?|the reviewers?|code review|the code review|the review|ops|the ops team|devops|sre)\s+(?:should(?:'?ve|\s+have)\s+(?:caught|flagged|noticed|seen)|missed|didn'?t\s+catch|failed\s+to\s+catch|signed\s+off|approved)\b`,
      String.raw`\bworks\s+on\s+my\s+machine\b`,
      String.raw`\b(?:out\s+of\s+(?:my|our)\s+hands|beyond\s+(?:my|our)\s+control)\b`,
      String.raw`\bnothing\s+(?:we|i)\s+could\s+(?:have\s+)?do(?:ne)?\b`,
      String.raw`\bi\s+(?:was\s+)?(?:just|only)\s+(?:following|followed|doing\s+what|did\s+what|wrote)\b`,
      String.raw`\btechnically\s+(?:\w+\s+){0,3}?(?:worked|was\s+(?:fine|correct))\b`,
      String.raw`\ba\s+\w+\s+problem,?\s+not\s+a\s+\w+\s+problem\b`,
      String.raw`\b(?:shouldn'?t|should not)\s+be\s+expected\s+to\b`,
      String.raw`\b(?:made|caused)\s+by\s+the\s+(?:[\w-]+\s+)?team\b`,
    ]),
    explanation: 'This shifts responsibility away from the change you made; say what you changed and what you are doing about it.',
    rewrite: (m) => likeCase(m, /caught|missed|approved|signed|review/i.test(m) ? 'our checks did not catch it' : 'my change was part of this'),
  },
  {
    kind: 'blame',
    pattern: rx([
      String.raw`\b(?:their|your|his|her|\w+'s)\s+fault\b`,
      String.raw`\bblame\s+(?:on\s+)?(?:the|them|him|her|you)\b`,
      String.raw`\b(?:they|he|she)\s+${FAILURE_VERB}`,
      String.raw`\bthe\s+(?:other|[\w-]+)\s+team(?:'s)?\s+(?:\w+\s+)?${FAILURE_VERB}`,
      String.raw`\b(?:this|that|it)(?:'s|\s+is|\s+was)\s+on\s+the\s+[\w-]+\s+team\b`,
      String.raw`\bbecause\s+of\s+(?:them|him|her|the other team)\b`,
      String.raw`\b(?:was\s+)?caused\s+by\s+(?:the|a|an)\s+(?:vendor|third[- ]party|upstream|provider|cloud provider)\b`,
    ]),
    explanation: 'Putting the cause on others makes people defensive; say what was yours and which safeguard was missing.',
    rewrite: (m) => likeCase(m, 'we missed this'),
  },
  {
    kind: 'human-error',
    pattern: /\bhuman[\s-]+errors?\b/giu,
    explanation: '"Human error" names no cause; say which safeguard was missing (a test, a check, a review step).',
    rewrite: (m) => likeCase(m, 'a missing check'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:mistakes|errors|an error|a mistake|some mistakes)\s+(?:were|was|have been|has been|had been)\s+made\b`,
      String.raw`\b(?:a|an|the|some)\s+(?:error|mistake|bug|change|commit|regression|bad deploy)\s+(?:was|were|has been|had been|may have been|might have been)\s+(?:made|introduced|pushed|deployed|merged|shipped)\b`,
      String.raw`\b(?:got|was|were)\s+(?:accidentally\s+)?(?:deleted|dropped|broken|wiped)\b`,
    ]),
    explanation: 'Passive voice hides who did it; say "I" (or "we", if the team did it together).',
    rewrite: (m) => likeCase(m, /made/i.test(m) ? 'I made a mistake' : 'I pushed a change that broke this'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:sorry|apologi[sz]e|apologies)\s+if\b`,
      String.raw`\bif\s+(?:you|anyone|anybody|someone|any\s+of\s+you)\s+(?:\w+\s+){0,6}?(?:affected|impacted|inconvenienced|bothered|upset)\b`,
      String.raw`\b(?:to\s+)?whoever\s+(?:was|were|got)\s+(?:affected|impacted)\b`,
      String.raw`\bany\s+(?:customers|users|people|one)\s+who\s+(?:experienced|were\s+affected|had)\b`,
    ]),
    explanation: 'A conditional apology ("if anyone was affected") doubts the impact; say who was affected and apologise plainly.',
    rewrite: (m) => likeCase(m, /^(?:sorry|apolog)/i.test(m) ? 'sorry that' : 'to everyone affected'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:for|regret)\s+any\s+(?:inconvenience|confusion|trouble|problems|issues|disruption)(?:\s+(?:this|that|it)\s+(?:may|might|could)\s+have\s+caused|\s+caused)?\b`,
      String.raw`\bany\s+(?:inconvenience|confusion|trouble|problems|issues|disruption)\s+(?:this|that|it)\s+(?:may|might|could)\s+have\s+caused\b`,
      String.raw`\bwho\s+feel\s+inconvenienced\b`,
    ]),
    explanation: '"Any inconvenience this may have caused" is a form letter; name the actual impact and what you did.',
    rewrite: (m) => likeCase(m, /^regret/i.test(m) ? 'are sorry for the disruption we caused' : 'for the disruption my change caused'),
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:regrettably|unfortunately),?\s+(?:[^\s.!?]+\s+){0,10}?(?:occurred|happened|took place|arose|experienced)\b`,
      String.raw`\bdue\s+to\s+an?\s+(?:unforeseen|unexpected)\s+(?:issue|problem|error)\b`,
      String.raw`\bmay\s+have\s+(?:experienced|been\s+(?:affected|impacted))\b`,
    ]),
    explanation: 'This reports the failure as weather ("an outage occurred"); say what you changed that caused it.',
    rewrite: () => 'My change caused this',
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\bsorry\s+(?:that\s+)?(?:you|anyone|people)\s+(?:feel|felt|are\s+upset|were\s+upset|are\s+frustrated)\b`,
      String.raw`\b(?:anyone|those|people)\s+(?:who|whose)\s+(?:feel|felt|feelings)\b`,
      String.raw`\b(?:anyone|someone|you)\s+felt\s+(?:frustrated|upset|annoyed|hurt)\b`,
      String.raw`\bfeelings\s+(?:were|got)\s+hurt\b`,
    ]),
    explanation: 'This apologises for how people feel, not for what happened; apologise for the breakage itself.',
    rewrite: (m) => likeCase(m, 'sorry for the breakage I caused'),
  },
];
