/**
 * The team update as people see it: the draft sized to the blast radius, why, and the tone of
 * the text that will be sent. Pure (no git, no Node): the incident panel, the Copy Team Update
 * command and the panel's protocol all use it.
 */
import type { BlastRadius, BlastRadiusAssessment } from '../commits/types';
import type { Incident } from '../incidents/model';
import { draftTeamUpdate, teamUpdateInputFromIncident } from './draftTeamUpdate';
import { checkTone, type ToneResult } from './toneCheck';

export interface TeamUpdateView {
  radius: BlastRadius;
  /** Why the radius is what it is, in one sentence. */
  reason: string;
  /** How big a message this needs, from the draft generator. */
  note: string;
  /** A generated starting point scaled to the radius, as Markdown and as plain text. */
  draft: string;
  draftPlain: string;
  /** True for a local-only breakage: we say a message is probably not needed. */
  noMessageNeeded: boolean;
  /** Tone of the text the person will actually send (their edit, else the draft). */
  tone: ToneResult;
}

/** What the team update needs from git: the blast radius and the culprits' subjects. */
export interface TeamUpdateFacts {
  blast: BlastRadiusAssessment;
  culpritSubjects: readonly string[];
}

/** The shared branch name for the draft ("main" from "origin/main"). */
function branchName(remoteBranches: readonly string[]): string | undefined {
  const first = remoteBranches[0];
  return first ? first.slice(first.indexOf('/') + 1) : undefined;
}

export function teamUpdateOf(incident: Incident, facts: TeamUpdateFacts): TeamUpdateView {
  const draft = draftTeamUpdate(
    teamUpdateInputFromIncident(incident, {
      blastRadius: facts.blast.radius,
      culpritSubjects: [...facts.culpritSubjects],
      branch: branchName(facts.blast.remoteBranches),
    }),
  );
  const own = incident.sections.teamUpdate.trim();
  return {
    radius: facts.blast.radius,
    reason: facts.blast.reason,
    note: draft.note,
    draft: draft.markdown,
    draftPlain: draft.text,
    noMessageNeeded: !draft.needed,
    tone: checkTone(own || draft.text),
  };
}

/** Markdown to plain text for chat tools that do not render it: drops emphasis and link syntax. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\r\n/g, '\n')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*[*+]\s+/gm, '- ');
}
