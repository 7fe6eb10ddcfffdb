/**
 * Round nine: what kind of doer an agent of a failure is. The labeling rule of issue #18 treats
 * them differently: blame on a person, a role or a team deflects whatever else the message says
 * ("my deploy took it down, though it's on Cyrus"), while a vendor, a tool or a document as the
 * cause deflects only when nothing is owned (a vendor's outage next to the team's own part is
 * context). The class is read from the agent's words: its head noun, not a list of sentences.
 */
import { ROLE, TEAM_BARE, TEAM_WORD } from './ruleParts';

export type AgentKind = 'self' | 'person' | 'role' | 'team' | 'outside' | 'unnamed';

// A role as the head of the agent's phrase: "one of our junior engineers", "the release manager".
const ROLE_HEAD = new RegExp(String.raw`(?:^|\s)(?:${ROLE}|reviewers?|testers?|(?:junior|senior|new|other|backend|frontend|staff|lead)\s+(?:[\w-]{1,40}\s+)?(?:engineers?|devs?|developers?)|engineers?|developers?|devs?|admins?|operators?)(?:'s|')?$`, 'i');
// A team as the head: "the payments team", "ops", "the frontend folks", "product".
const TEAM_HEAD = new RegExp(String.raw`(?:^|\s)(?:${TEAM_BARE}|product|design|leadership|(?:${TEAM_WORD}|[\w-]{1,40})\s+(?:team|squad|folks|guys|people))(?:'s|')?$`, 'i');
const UNNAMED = /^(?:who|whose|whoever|someone|somebody|they|he|she)$/i;

/** Every pattern this file runs, named, for the linear-time test. */
export const AGENT_KIND_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['agent kind: role head', ROLE_HEAD],
  ['agent kind: team head', TEAM_HEAD],
  ['agent kind: unnamed', UNNAMED],
];

/** The kind of doer written as `who` (already known to be on the writer's side or not, and a person or not). */
export function agentKind(who: string, side: 'self' | 'other', person: boolean): AgentKind {
  if (side === 'self') return 'self';
  if (person) return 'person';
  const phrase = who.trim().slice(-120);
  if (UNNAMED.test(phrase)) return 'unnamed';
  if (ROLE_HEAD.test(phrase)) return 'role';
  if (TEAM_HEAD.test(phrase)) return 'team';
  return 'outside';
}

/** True for the kinds whose blame counts whatever the message owns: people by name, by role or as a team. */
export function blamesPeople(kind: AgentKind): boolean {
  return kind === 'person' || kind === 'role' || kind === 'team';
}
