import * as vscode from 'vscode';
import type { Container } from '../container';
import { deploySettings } from '../services/deployHistory';
import { markdownToPlainText, readTeamUpdate } from '../services/teamUpdate';
import { IncidentPanel } from '../webviews/incident/incidentPanel';
import { asIncidentRef } from './args';
import { pickIncident } from './pickers';

/**
 * Copies the team update of an incident: the person's own text if they wrote one, else the
 * draft sized to the blast radius. It only goes to the clipboard; Own It never sends anything.
 */
export async function copyTeamUpdate(container: Container, arg?: unknown): Promise<string | undefined> {
  let ref = asIncidentRef(arg);
  const current = IncidentPanel.current;
  if (!ref && current) ref = { repoRoot: current.repoRoot, incidentPath: current.incidentPath };
  if (!ref) {
    const picked = await pickIncident(container, (i) => i.incident.status !== 'resolved', 'Copy the team update of which incident?');
    if (!picked) return undefined;
    ref = { repoRoot: picked.repoRoot, incidentPath: picked.path };
  }
  const stored = await container.index.store(ref.repoRoot).load(ref.incidentPath);
  const own = stored.incident.sections.teamUpdate.trim();
  const view = await readTeamUpdate(ref.repoRoot, stored.incident, { gitPath: container.tracker.gitBinary, tagPattern: deploySettings(ref.repoRoot).tagPattern });
  const text = own || view.draft;
  await vscode.env.clipboard.writeText(text);
  const plain = 'Copy as Plain Text';
  const message = view.noMessageNeeded && !own ? `Copied the draft. ${view.note}` : 'Team update copied as Markdown. Nothing was sent.';
  void vscode.window.showInformationMessage(message, plain).then(async (choice) => {
    if (choice === plain) await vscode.env.clipboard.writeText(own ? markdownToPlainText(own) : view.draftPlain);
  });
  return text;
}
