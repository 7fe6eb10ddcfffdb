/**
 * The tone check for a message about something you broke. A right-sized message owns the
 * mistake in the first person, apologises once at most, names the missing safeguard rather than
 * a person, and says as much as the blast radius needs: nothing for a local revert, ownership and
 * what was done for a team-visible break, and ownership, impact, repair and prevention for
 * production. Pattern based on purpose: predictable, explainable in one line, and the text never
 * leaves the machine. The CLI (`own-it tone`) and the incident panel both call {@link checkTone}.
 */
import type { BlastRadius } from './draftTeamUpdate';
import { AGENT_FLAG_PATTERNS, agentFlags, concededDenial, notTheAgent, ownedByAgent, readAgents, victimOnly } from './tone/agentFlags';
import { BLAME_ELSEWHERE_PATTERNS, DISOWNS } from './tone/blameElsewhere';
import { COMPONENT_PATTERNS, findComponents, ownedSentences, showsPart } from './tone/components';
import { APOLOGY, CLAIMS_THE_LAST, FLAG_RULES, likeCase, PASSIVE_VOICE } from './tone/flagRules';
import { ownedInEarlierClause, PLAY_DOWN_PATTERNS } from './tone/playDown';
import { FAILURE_AGENT_PATTERNS } from './tone/failureAgent';
import { AGENT_KIND_PATTERNS } from './tone/agentKind';
import { CAUSE_LINK_PATTERNS, deniesAgency } from './tone/causeLink';
import { NAMED_AGENT_CAUSE, NAMED_AGENT_SUBJECT } from './tone/namedAgent';
import { OTHER_SUBJECT_PATTERNS, repairOnly } from './tone/otherSubject';
import { settleNames } from './tone/namedParty';
import { findNamedPeople, PEOPLE_PATTERNS, sparedName } from './tone/people';
import { sentenceAt, splitSentences, type Sentence } from './tone/sentences';
import { appendSuggestion, fitSuggestion, MISSING_PART } from './tone/suggestions';
import { TONE_COMPONENTS, type ToneComponent, type ToneComponentName, type ToneFlag, type ToneFlagKind, type ToneOptions, type ToneResult, type ToneSuggestion, type ToneVerdict } from './tone/types';

export { applyToneSuggestion, StaleSuggestionError } from './tone/suggestions';
export * from './tone/types';

/** Which parts each blast radius asks for. */
export const REQUIRED_PARTS: Record<BlastRadius, readonly ToneComponentName[]> = {
  local: [],
  team: ['ownership', 'repair'],
  production: ['ownership', 'impact', 'repair', 'prevention'],
};

const NAMING_EXPLANATION = 'Naming a person next to the failure reads as blame; say what the team changed and which safeguard was missing.';

/** Flag kinds and the verdict each forces; the first verdict in this order wins. */
export const VERDICT_OF: Record<ToneFlagKind, Exclude<ToneVerdict, 'right-sized'>> = {
  deflection: 'deflecting',
  blame: 'deflecting',
  'naming-people': 'deflecting',
  'over-apology': 'over-apologetic',
  'self-deprecation': 'over-apologetic',
  'non-apology': 'under-owned',
  minimizing: 'under-owned',
  'human-error': 'under-owned',
  'missing-beat': 'under-owned',
};
const FIRST_PERSON_SUBJECT = /\b(?:i|we)\b/i;
const PRECEDENCE: readonly ToneVerdict[] = ['deflecting', 'over-apologetic', 'under-owned'];

/** Every regular expression the check runs, named; the unit test runs each on adversarial 1 MB inputs. */
export const TONE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['apology', APOLOGY],
  ['claims the last sentence', CLAIMS_THE_LAST],
  ...FLAG_RULES.map((r, i) => [`${r.kind} rule ${i + 1}`, r.pattern] as const),
  ...COMPONENT_PATTERNS.map(([name, re]) => [`part: ${name}`, re] as const),
  ...PEOPLE_PATTERNS.map(([name, re]) => [`people: ${name}`, re] as const),
  ...FAILURE_AGENT_PATTERNS,
  ...AGENT_FLAG_PATTERNS,
  ...AGENT_KIND_PATTERNS,
  ...CAUSE_LINK_PATTERNS,
  ...BLAME_ELSEWHERE_PATTERNS,
  ...PLAY_DOWN_PATTERNS,
  ...OTHER_SUBJECT_PATTERNS,
  ['named agent: subject', NAMED_AGENT_SUBJECT],
  ['named agent: cause', NAMED_AGENT_CAUSE],
];

export function checkTone(text: string, options: ToneOptions = {}): ToneResult {
  const radius = options.radius ?? 'team';
  const sentences = splitSentences(text);
  const flags: ToneFlag[] = [];
  const add = (kind: ToneFlagKind, excerpt: string, index: number, explanation: string, replacement: string) =>
    flags.push({ kind, excerpt, explanation, index, suggestion: { index, original: excerpt, replacement } });

  const apologies = [...text.matchAll(APOLOGY)];
  for (const m of apologies.slice(1)) {
    const at = m.index ?? 0;
    flags.push({
      kind: 'over-apology',
      excerpt: m[0],
      explanation: `Apologised ${apologies.length} times; one plain apology is enough — spend the words on the fix.`,
      index: at,
      suggestion: dropExtraApology(sentenceAt(sentences, at), m[0], at),
    });
  }
  // The agent of each failure, read once: the writer's own agency adds to what the word patterns find.
  const readings = readAgents(sentences, options.people ?? []);
  const ownedByWriter = ownedByAgent(readings);
  const owned = new Set([...ownedSentences(sentences), ...ownedByWriter]);
  // "my commit was broken by the merge tool": with another agent and no "I"/"we", "my X" is the victim.
  for (const r of readings) if (victimOnly(r)) owned.delete(r.sentence.index);
  // "my branch is fine, it's the hook that's broken": the writer's work named only to be declared fine.
  for (const s of sentences) if (DISOWNS.test(s.text) || deniesAgency(s.text)) owned.delete(s.index);
  // Round thirteen: "Mailcrest throttled our account": a named outside agent acts on the writer's thing, which it does not own.
  for (const s of sentences) if ((NAMED_AGENT_SUBJECT.test(s.text) || NAMED_AGENT_CAUSE.test(s.text)) && !FIRST_PERSON_SUBJECT.test(s.text)) owned.delete(s.index);
  const ownsItsPart = owned.size > 0 || showsPart(sentences, 'prevention');
  // Sentences the next, owned sentence claims ("… was broken. That was my resize PR."), found once.
  const claimedByNext = new Set(sentences.slice(0, -1).filter((_, i) => owned.has(sentences[i + 1].index) && CLAIMS_THE_LAST.test(sentences[i + 1].text)).map((s) => s.index));
  // "my fork's job was accidentally set to …": "my" names whose thing it was, not who did it; only an "I"/"we" or
  // another owned sentence owns the words that tell the failure with no doer.
  const ownedInFirstPerson = sentences.some((s) => owned.has(s.index) && FIRST_PERSON_SUBJECT.test(s.text));
  const ownedElsewhere = (s: Sentence) => ownedInFirstPerson || owned.size > (owned.has(s.index) ? 1 : 0);
  // A sentence whose only first-person acts repair ("I closed them") owns no cause.
  const ownsCause = sentences.some((s) => owned.has(s.index) && !repairOnly(s.text)) || showsPart(sentences, 'prevention');
  for (const rule of FLAG_RULES) {
    if ((rule.notLocal && radius === 'local') || (rule.unlessOwned === 'message' && ownsItsPart) || (rule.unlessOwned === 'firstPerson' && owned.size > 0) || (rule.unlessOwned === 'cause' && ownsCause)) continue;
    for (const s of sentences) {
      if ((rule.unlessOwned === 'sentence' && (owned.has(s.index) || claimedByNext.has(s.index))) || (rule.unlessOwned === 'firstPersonSubject' && ownedElsewhere(s))) continue;
      for (const m of s.text.matchAll(rule.pattern)) {
        if (rule.unlessOwned === 'firstPersonSubject' && owned.has(s.index) && ownedInEarlierClause(s.text, m.index ?? 0)) continue;
        add(rule.kind, m[0], s.index + (m.index ?? 0), rule.explanation, rule.rewrite(m[0]));
      }
    }
  }
  for (const p of findNamedPeople(sentences, options.people ?? [])) {
    const sentence = sentenceAt(sentences, p.index);
    if (sentence && notTheAgent(sentence.text, p.index - sentence.index, p.name)) continue;
    const original = p.possessive ? `${p.name}'s` : p.name;
    flags.push({
      kind: 'naming-people',
      excerpt: p.name,
      explanation: NAMING_EXPLANATION,
      index: p.index,
      suggestion: { index: p.index, original, replacement: p.name.startsWith('@') ? '' : likeCase(p.name, p.possessive ? 'our' : 'we') },
    });
  }
  flags.push(...agentFlags(readings, ownsItsPart, owned.size > 0).filter((f) => !(f.kind === 'naming-people' && sparedName(text, f.index, f.excerpt))));
  flags.sort((a, b) => a.index - b.index);
  // Where the reader finds the writer as the agent, an agentless wording is not a non-apology, and a
  // denial followed by "but our …" concedes the writer's part.
  const fitted = flags
    .filter((f) => !(f.explanation === PASSIVE_VOICE && ownedByWriter.has(sentenceAt(sentences, f.index)?.index ?? -1)) && !concededDenial(text, f))
    .map((f) => (f.suggestion ? { ...f, suggestion: fitSuggestion(text, sentences, f.suggestion, f.explanation === PASSIVE_VOICE) } : f));
  const kept = dedupe(settleNames(fitted, options.people ?? []));

  const nonApologyAt = new Set(kept.filter((f) => f.kind === 'non-apology').map((f) => sentenceAt(sentences, f.index)?.index));
  const found = findComponents(sentences, (s) => !nonApologyAt.has(s.index));
  found.ownership ??= sentences.find((s) => ownedByWriter.has(s.index));
  const required = new Set(REQUIRED_PARTS[radius].filter((name) => name !== 'ownership' || options.ownsTheChange !== false));
  const components: ToneComponent[] = TONE_COMPONENTS.map((name) => ({
    name,
    present: found[name] !== undefined,
    required: required.has(name),
    ...(found[name] ? { sentence: found[name].text } : {}),
  }));
  for (const c of components) {
    const part = MISSING_PART[c.name];
    if (c.required && !c.present && part) {
      kept.push({ kind: 'missing-beat', excerpt: '', explanation: part.explanation, index: text.length, component: c.name, suggestion: appendSuggestion(text, part.sentence) });
    }
  }
  return { verdict: verdictFor(kept), radius, components, flags: kept };
}

/** A short sentence that is only another apology goes; in a longer one only the word goes. */
function dropExtraApology(sentence: Sentence | undefined, word: string, index: number): ToneSuggestion {
  if (sentence && sentence.text.split(/\s+/).length <= 7) return { index: sentence.index, original: sentence.text, replacement: '' };
  return { index, original: word, replacement: '' };
}

/** Every flag forces a verdict, so a green badge never sits over a warning. */
export function verdictFor(flags: readonly ToneFlag[]): ToneVerdict {
  const forced = new Set(flags.map((f) => VERDICT_OF[f.kind]));
  return PRECEDENCE.find((v) => forced.has(v as Exclude<ToneVerdict, 'right-sized'>)) ?? 'right-sized';
}

/**
 * Overlapping flags of the same kind (e.g. "so so sorry" found twice) are reported once, and so is a finding
 * inside the text an earlier one's rewrite replaces ("because X changed their API without notice" takes
 * "without notice" with it); input sorted by index.
 */
function dedupe(flags: readonly ToneFlag[]): ToneFlag[] {
  const out: ToneFlag[] = [];
  const lastEnd = new Map<ToneFlagKind, number>();
  for (const f of flags) {
    const end = lastEnd.get(f.kind);
    if (end !== undefined && f.index < end) continue;
    out.push(f);
    const rewritten = f.suggestion && f.suggestion.index <= f.index ? f.suggestion.index + f.suggestion.original.length : 0;
    lastEnd.set(f.kind, Math.max(f.index + Math.max(1, f.excerpt.length), rewritten));
  }
  return out;
}
