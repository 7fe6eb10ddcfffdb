/**
 * The team update of an incident from its file and git, without the incident panel: only the
 * culprits' subjects and the blast radius are read (no timeline, no revert details). The Copy
 * Team Update command uses it; the panel builds the same view from the facts it already has.
 */
import { assessBlastRadius } from '../core/commits/blastRadius';
import { getCommitDetails } from '../core/commits/commitDetails';
import type { Incident } from '../core/incidents/model';
import { teamUpdateOf, type TeamUpdateView } from '../core/teamUpdate/teamUpdateView';

export { markdownToPlainText } from '../core/teamUpdate/teamUpdateView';

export async function readTeamUpdate(repoRoot: string, incident: Incident, gitPath?: string): Promise<TeamUpdateView> {
  const [subjects, blast] = await Promise.all([
    // A culprit missing from this clone (shallow, another branch) is left out of the draft.
    Promise.all(incident.culprits.map((sha) => getCommitDetails(repoRoot, sha, gitPath).then((d) => d.subject, () => undefined))),
    assessBlastRadius(repoRoot, incident, { gitPath }),
  ]);
  return teamUpdateOf(incident, { blast, culpritSubjects: subjects.filter((s): s is string => s !== undefined) });
}
