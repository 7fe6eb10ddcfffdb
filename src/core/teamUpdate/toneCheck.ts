/**
 * A tone check for a message about something you broke. The right-sized message owns the
 * mistake with "I", apologises once at most, names the missing safeguard rather than a person,
 * and does not beat itself up. Pattern based on purpose: it must be predictable, explainable
 * in one line, and never send the text anywhere.
 */

export type ToneFlagKind = 'over-apology' | 'self-deprecation' | 'deflection' | 'blame' | 'naming-people' | 'human-error';
export type ToneVerdict = 'right-sized' | 'over-apologetic' | 'deflecting';

export interface ToneFlag {
  kind: ToneFlagKind;
  /** The matched words, as written. */
  excerpt: string;
  /** One practical line: what to say instead. */
  explanation: string;
  /** Offset of the excerpt in the checked text. */
  index: number;
}

export interface ToneResult {
  verdict: ToneVerdict;
  flags: ToneFlag[];
}

interface Rule {
  kind: ToneFlagKind;
  pattern: RegExp;
  explanation: string;
}

const APOLOGY = /\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies))\b/gi;

// Words that start sentences or name things, not people, so "The deploy broke" is not blame.
const NOT_A_NAME = new Set(
  `I We You He She It They This That These Those The A An Our My Your Their His Her Its There Here What Which Who Why When Where How
   Nothing Nobody Someone Somebody Everyone Everything Something Anything Today Yesterday Tonight Monday Tuesday Wednesday Thursday Friday
   Saturday Sunday Production Prod Staging Main Master Release CI CD QA API UI Git GitHub GitLab Jenkins Docker Kubernetes Revert Reverting
   Heads Impact Update Status Summary Fix Then After Before Once If But And So Also Unfortunately Luckily Initially Later Finally Please
   Checkout Login Search Payments Deploy Deployment Build Migration Config Commit Change PR Tests Test Monitoring Alerting`
    .split(/\s+/)
    .filter(Boolean),
);

const FAILURE_VERB = String.raw`(?:broke|breaks|broken|caused|causes|introduced|forgot|forgets|missed|misses|messed up|screwed up|pushed|merged|deployed|shipped|did(?:n'?t| not)|should(?:'?ve| have)|failed to|dropped|deleted|took down|brought down)`;
const WORK_NOUN = String.raw`(?:change|changes|commit|commits|pr|pull request|code|config|deploy|deployment|push|merge|migration|script|patch|branch|fix)`;

const RULES: Rule[] = [
  {
    kind: 'over-apology',
    pattern: /\b(?:(?:so|terribly|deeply|incredibly|extremely|awfully)\s+){1,3}sorry\b(?:\s+(?:so\s+)?sorry\b)?|\bsorry,?\s+sorry\b|\bcan(?:'|no)?t\s+apologi[sz]e\s+enough\b|\bbeyond\s+sorry\b/gi,
    explanation: 'One plain "sorry" is enough; intensifying it makes the message about you instead of the fix.',
  },
  {
    kind: 'self-deprecation',
    pattern: new RegExp(
      [
        String.raw`\bi(?:'?m| am)\s+(?:such\s+|a\s+total\s+|a\s+complete\s+|so\s+|an?\s+)*(?:idiot|moron|fool|clown|disaster|failure|mess|stupid|dumb|incompetent|useless|hopeless|the worst)\b`,
        String.raw`\b(?:so|really|incredibly|unbelievably|such an?)\s+(?:stupid|dumb|idiotic)\b`,
        String.raw`\b(?:stupid|dumb|idiotic|rookie|silly|boneheaded)\s+(?:mistake|error|move|thing)\b`,
        String.raw`\b(?:terrible|awful|hopeless|useless|bad)\s+at\s+(?:this|my job|everything|git|coding|deploys?)\b`,
        String.raw`\bmy bad,?\s+i\s+always\b`,
        String.raw`\bi\s+always\s+(?:break|mess|screw|ruin)\b`,
        String.raw`\bi\s+(?:shouldn'?t|should not)\s+be\s+(?:allowed|trusted)\b`,
        String.raw`\bi\s+can'?t\s+do\s+anything\s+right\b`,
        String.raw`\bwhat\s+was\s+i\s+thinking\b`,
        String.raw`\bi\s+feel\s+(?:terrible|awful|horrible|so bad)\b`,
      ].join('|'),
      'gi',
    ),
    explanation: 'Putting yourself down does not help anyone; state what broke and what you changed so it cannot recur.',
  },
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        String.raw`\b(?:not|wasn'?t|isn'?t|was not|is not)\s+(?:really\s+|entirely\s+|totally\s+)?my\s+fault\b`,
        String.raw`\b(?:it|that)\s+(?:wasn'?t|was not)\s+me\b`,
        String.raw`\b(?:was|is)\s+(?:someone|somebody)\s+else(?:'s)?\b`,
        String.raw`\b(?:someone|somebody)\s+else(?:'s)?\s+(?:\w+\s+)?${FAILURE_VERB}`,
        String.raw`\bshould(?:'?ve|\s+have)\s+been\s+caught\b`,
        String.raw`\b(?:nobody|no one|no-one)\s+told\s+me\b`,
        String.raw`\b(?:qa|the qa team|testers?|reviewers?|the reviewers?|code review|the review|ops|the ops team|devops|sre)\s+(?:should(?:'?ve|\s+have)\s+caught|missed|didn'?t\s+catch|failed\s+to\s+catch|signed\s+off|approved)\b`,
        String.raw`\bworks\s+on\s+my\s+machine\b`,
        String.raw`\b(?:out\s+of\s+my\s+hands|beyond\s+my\s+control)\b`,
        String.raw`\bi\s+was\s+(?:just|only)\s+(?:following|doing\s+what)\b`,
        String.raw`\btechnically\s+(?:it\s+)?(?:worked|was\s+(?:fine|correct))\b`,
      ].join('|'),
      'gi',
    ),
    explanation: 'This shifts responsibility away from the change you made; say what you changed and what you are doing about it.',
  },
  {
    kind: 'blame',
    pattern: new RegExp(
      [
        String.raw`\b(?:their|your|his|her)\s+fault\b`,
        String.raw`\bblame\s+(?:on\s+)?(?:the|them|him|her|you)\b`,
        String.raw`\b(?:they|he|she)\s+${FAILURE_VERB}`,
        String.raw`\bthe\s+(?:other|backend|frontend|platform|infra|infrastructure|data|mobile|web|ops)\s+team(?:'s)?\s+(?:\w+\s+)?${FAILURE_VERB}`,
        String.raw`\bbecause\s+of\s+(?:them|him|her|the other team)\b`,
      ].join('|'),
      'gi',
    ),
    explanation: 'Blaming others makes people defensive; describe the gap in the process, not who fell into it.',
  },
  {
    kind: 'human-error',
    pattern: /\bhuman[\s-]+errors?\b/gi,
    explanation: '"Human error" names no cause; say which safeguard was missing (a test, a check, a review step).',
  },
];

// A person: an @mention or a capitalised word (optionally possessive). One word only, so that
// "Then Bob broke" is matched at "Bob" after "Then" is rejected as a stop word.
const PERSON = String.raw`(@[A-Za-z0-9][\w.-]*|\b[A-Z][a-z]+)`;
const NAMED_FAILURE = new RegExp(String.raw`${PERSON}(?:'s)?\s+(?:(?:${WORK_NOUN}|PR|MR)\s+)?(?:(?:just|accidentally|apparently|then|also)\s+)?${FAILURE_VERB}\b`, 'g');

const NAMING_EXPLANATION = 'Naming a person next to the failure reads as blame; describe the change and the missing safeguard instead.';

export function checkTone(text: string): ToneResult {
  const flags: ToneFlag[] = [];
  const apologies = [...text.matchAll(APOLOGY)];
  for (const m of apologies.slice(1)) {
    flags.push({
      kind: 'over-apology',
      excerpt: m[0],
      explanation: `Apologised ${apologies.length} times; one plain apology is enough — spend the words on the fix.`,
      index: m.index ?? 0,
    });
  }
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      flags.push({ kind: rule.kind, excerpt: m[0], explanation: rule.explanation, index: m.index ?? 0 });
    }
  }
  for (const m of text.matchAll(NAMED_FAILURE)) {
    const who = m[1];
    if (!who.startsWith('@') && NOT_A_NAME.has(who)) continue;
    flags.push({ kind: 'naming-people', excerpt: m[0], explanation: NAMING_EXPLANATION, index: m.index ?? 0 });
  }
  flags.sort((a, b) => a.index - b.index);
  return { verdict: verdictFor(flags), flags: dedupe(flags) };
}

function verdictFor(flags: ToneFlag[]): ToneVerdict {
  if (flags.some((f) => f.kind === 'deflection' || f.kind === 'blame' || f.kind === 'naming-people')) return 'deflecting';
  if (flags.some((f) => f.kind === 'over-apology' || f.kind === 'self-deprecation')) return 'over-apologetic';
  return 'right-sized';
}

/** Overlapping matches of the same kind (e.g. "so so sorry" found twice) are reported once. */
function dedupe(flags: ToneFlag[]): ToneFlag[] {
  const out: ToneFlag[] = [];
  for (const f of flags) {
    const clash = out.find((o) => o.kind === f.kind && f.index < o.index + o.excerpt.length && o.index < f.index + f.excerpt.length);
    if (!clash) out.push(f);
  }
  return out;
}
