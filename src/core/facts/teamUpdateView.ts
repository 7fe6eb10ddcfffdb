import type { Incident } from '../incidents/model';
import type { ToneResult } from '../teamUpdate/toneCheck';
import type { TeamUpdateView } from '../teamUpdate/teamUpdateView';
import { ownsTheChange, type IncidentFacts } from './incidentFacts';
import { teamUpdateFromFacts } from './prepareIncident';

/**
 * The team update of an incident from the facts module: the panel, Copy Team Update and the CLI
 * all draft from the same facts (default branch, whose commit, pushed or local).
 */
export function teamUpdateViewOf(
  incident: Incident,
  facts: IncidentFacts,
  tone: (text: string, ownsTheChange: boolean) => ToneResult,
): TeamUpdateView {
  const draft = teamUpdateFromFacts(incident, facts);
  const own = incident.sections.teamUpdate.trim();
  return {
    radius: facts.blast.radius,
    reason: facts.blast.reason,
    note: draft.note,
    draft: draft.markdown,
    draftPlain: draft.text,
    noMessageNeeded: !draft.needed,
    tone: tone(own || draft.text, ownsTheChange(facts)),
  };
}
