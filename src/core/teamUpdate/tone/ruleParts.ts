/**
 * What the tone check's flag rules share: the rule shape, the word lists several rules use, and
 * small helpers. Every gap inside a pattern is bounded ({0,N}) and each variable-length piece
 * starts after a literal word or whitespace, so each pattern runs in linear time (the unit test
 * `tone check: every pattern is linear` runs each one on adversarial 1 MB inputs).
 */
import type { ToneFlagKind } from './types';

export interface FlagRule {
  kind: ToneFlagKind;
  pattern: RegExp;
  explanation: string;
  /** The concrete rewrite of the matched words. */
  rewrite: (matched: string) => string;
  /**
   * When the words only count if nobody owns anything: `sentence` — not when the sentence the
   * words are in has a first-person owner ("I pushed a bad change and the builds were broken");
   * `message` — not when any sentence of the message has one, or says what the team will change
   * (a vendor outage the team owns its part of); `firstPerson` — not when any sentence owns a part in the first
   * person (a safeguard alone does not count: a defect located in another's product);
   * `firstPersonSubject` — not when a sentence the writer owns says "I" or "we", or another sentence is owned
   * ("my branch" in the words' own sentence alone does not count); `cause` — not when a sentence owns a part with more
   * than a repair ("I closed them" alone owns no cause; otherSubject.ts).
   */
  unlessOwned?: 'sentence' | 'message' | 'firstPerson' | 'firstPersonSubject' | 'cause';
  /** Not at the local radius (nobody else was affected, so there is nothing to play down). */
  notLocal?: boolean;
}

/** The explanation of the agentless (passive) wordings; toneCheck.ts drops them where the writer is found as the agent. */
export const PASSIVE_VOICE = 'Passive voice hides who did it; say "I" (or "we", if the team did it together).';

/** A capitalised name of a person or product (one word, or two run together), not a sentence opener, date or section label. */
export const PARTY_NAME = String.raw`(?!(?:I|We|My|Our|The|This|That|It|A|An|Your|Their|Sorry|Status|Summary|Cause|Fix|Today|Yesterday|Tonight|Last|Next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Staging|Production|Prod|Main)\b)[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20})?`;

export const rx = (parts: readonly string[]) => new RegExp(parts.join('|'), 'gi');

/** Keeps a rewrite capitalised when the words it replaces were. */
export function likeCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** What makes an apology noun big ("a huge apology", "my heartfelt, unreserved apology"): proportionShapes.ts and worthShapes.ts. */
export const BIG = String.raw`(?:huge|massive|enormous|profound|sincere|sincerest|deepest|deep|heartfelt|big|humble|humblest|abject|unreserved|full|unqualified|wholehearted|complete|total)`;
export const INTENSIFIER = String.raw`(?:so|really|terribly|deeply|incredibly|extremely|awfully|truly|very|massively|profoundly|sincerely|humbly|genuinely|super|hugely)`;

export const FAILURE_VERB = String.raw`(?:broke|breaks|broken|caused|causes|introduced|forgot|forgets|missed|misses|messed up|screwed up|pushed|merged|deployed|shipped|approved|skipped|ran|did(?:n'?t| not)|should(?:'?ve| have)|failed to|dropped|deleted|took down|brought down|changed|overwrote|wiped|corrupted)`;

/**
 * Things outside the writer a failure gets put on: tools and services acting for them, vendors,
 * and people by role. Used only in subject or cause position (see deflectionRules.ts).
 */
export const TOOL = String.raw`(?:linter|ide|editor|merge\s+tool|bot|test\s+framework|test\s+runner|framework|compiler|build\s+system|jenkins|github\s+actions|gitlab\s+ci|circleci|travis|dependabot|renovate|copilot|chatgpt|ai|autocomplete|auto-?import|git|homebrew|brew|npm|yarn|pip|kubernetes|k8s|terraform|backup\s+tool|package\s+manager|operating\s+system|(?:monitoring|alerting|deploy|deployment|release|migration|sync|build|ci)\s+tool|autoscaler|scheduler|load\s+balancer|pnpm|bun|gradle|maven|cargo|poetry|conda|webpack|bazel|docker\s+desktop|plugin|extension|prettier|eslint)`;
export const VENDOR = String.raw`(?:vendor|provider|cloud\s+provider|dns\s+provider|hosting\s+(?:partner|provider|company)|host|isp|cdn|third[- ]party(?:\s+(?:service|api|library|vendor))?|upstream(?:\s+(?:service|api|library|provider))?|partner|supplier|aws|amazon|azure|gcp|google\s+cloud|cloudflare|stripe|sendgrid|twilio|github|gitlab|heroku|vercel|netlify|datadog|okta|auth0|fastly|akamai|acquirer|card\s+issuer|payment\s+gateway|registrar|open[- ]source(?:\s+(?:[\w-]{1,40}\s+)?(?:library|package|project|client|dependency|module|sdk))?)`;
// People named by their job rather than their name ("the on-call engineer", "the release manager").
const ROLE_HOLDER = String.raw`(?:engineer|person|dev|developer|folks|people|guy|team)`;
export const ROLE = String.raw`(?:intern|interns|new\s+(?:guy|girl|hire|dev|developer|engineer)|junior(?:\s+(?:dev|developer|engineer))?|contractors?|consultants?|freelancers?|offshore\s+team|outsourced\s+team|on-?call(?:\s+${ROLE_HOLDER})?|(?:release|product|project|engineering|eng|delivery|program)\s+(?:manager|owner|lead)s?|(?:tech|team)\s+leads?|approvers?|sysadmins?|dbas?|managers?|leads?|pms?|designers?|architects?|cto|ceo|other\s+(?:dev|developer|engineer)s?)`;
/** Words that name a team on their own ("because ops gave me…"); the others need "team" or "side". */
// Round twelve: the business functions too ("a licence key that procurement forgot to renew").
export const TEAM_BARE = String.raw`(?:qa|ops|devops|sre|dba|dbas|security|management|marketing|procurement|purchasing|finance|accounting|legal|compliance)`;
export const TEAM_WORD = String.raw`(?:qa|ops|devops|sre|dba|dbas|security|product|design|infra|infrastructure|platform|backend|frontend|front-end|back-end|data|mobile|marketing|management|support|release|other)`;

/** Self-deprecation words (flagRules.ts, apologyShapes.ts). */
// Words that only fill the gap in "I'm <…> idiot" ("I'm such an absolute clown").
// Round eleven: any "-ly" adverb fills it too ("I'm genuinely ashamed"), but not "only".
export const FILLER = String.raw`(?:(?!only\b)[a-z]{3,20}ly|such|a|an|the|total|complete|absolute|utter|so|really|very|truly|just|officially|literally|an\s+absolute|honestly|clearly|basically|obviously|seriously|this|too|apparently|probably|officially|team's|world's|office's|company's|project's)`;
// What the writer says they are, not what they did: "an embarrassment to this team", "a terrible engineer".
const WORKER = String.raw`(?:engineer|developer|dev|coder|programmer|teammate|colleague|person|human|employee)`;
export const BAD_IDENTITY = String.raw`(?:idiot|moron|fool|clown|disaster|failure|mess|stupid|dumb|incompetent|useless|hopeless|worst|amateur|embarr?ass?ed|mortified|ashamed|embarrassment|disgrace|liability|menace|hazard|fraud|imp[oa]stor|joke|trainwreck|train\s+wreck|muppet|dummy|dunce|buffoon|numpty|donkey|goofball|klutz|weak\s+link|chaos\s+monkey|problem\s+child|careless|sloppy|pathetic|worthless|incapable|hopeless\s+case|screw-?up|mess-?up|loser|wreck|walking\s+(?:incident|disaster|outage|liability|hazard|catastrophe)|heartbroken|gutted|devastated|unfit|(?:terrible|awful|horrible|bad|lousy|garbage)\s+${WORKER})`;
