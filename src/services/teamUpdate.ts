/**
 * The team update of an incident from its file and git, without the incident panel: the facts
 * module's reading (default branch, whose commit, pushed or local), no panel view state. The Copy
 * Team Update command uses it; the panel builds the same view from the facts it already has.
 */
import { readIncidentFacts } from '../core/facts/incidentFacts';
import { teamUpdateViewOf } from '../core/facts/teamUpdateView';
import type { Incident } from '../core/incidents/model';
import type { TeamUpdateView } from '../core/teamUpdate/teamUpdateView';
import { toneModule } from './lazyBundles';

export { markdownToPlainText } from '../core/teamUpdate/teamUpdateView';

export interface TeamUpdateOptions {
  gitPath?: string;
  /** `ownIt.deploy.tagPattern` for the repository. */
  tagPattern?: string;
}

export async function readTeamUpdate(repoRoot: string, incident: Incident, options: TeamUpdateOptions = {}): Promise<TeamUpdateView> {
  const facts = await readIncidentFacts(repoRoot, incident, { gitPath: options.gitPath, ...(options.tagPattern ? { tagPattern: options.tagPattern } : {}) });
  return teamUpdateViewOf(incident, facts, (text, ownsTheChange) => toneModule().checkTone(text, { radius: facts.blast.radius, ownsTheChange }));
}
