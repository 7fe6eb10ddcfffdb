/**
 * Builds what the incident panel shows from a stored incident and the repository. No vscode
 * import: the host calls it, and unit tests can too.
 */
import { assessBlastRadius, type BlastRadiusAssessment } from '../../core/commits/blastRadius';
import { getCommitDetails, type CommitDetails } from '../../core/commits/commitDetails';
import { buildAutoTimeline, mergeTimeline, type TimelineEntry } from '../../core/commits/timeline';
import type { Incident } from '../../core/incidents/model';
import { markdownToPlainText, teamUpdateOf, type TeamUpdateView } from '../../core/teamUpdate/teamUpdateView';
import type { DerivedView, IncidentViewState } from './protocol';

export { markdownToPlainText };

export interface ViewStateOptions {
  gitPath?: string;
  deployTagPatterns?: readonly string[];
  /** Replaces the git-based assessment (for example when the caller knows a deploy failed). */
  blastRadius?: (repoRoot: string, incident: Incident) => Promise<BlastRadiusAssessment>;
}

/** Facts read from git that only change when the incident's commits or refs change. */
export interface GitFacts {
  key: string;
  culprits: CommitDetails[];
  missingCulprits: { sha: string; reason: string }[];
  revert?: CommitDetails;
  autoTimeline: TimelineEntry[];
  blast: BlastRadiusAssessment;
}

function factsKey(i: Incident): string {
  return JSON.stringify([i.culprits, i.revert ?? null, i.deployRefs, i.detected]);
}

export async function readGitFacts(repoRoot: string, incident: Incident, options: ViewStateOptions, previous?: GitFacts): Promise<GitFacts> {
  const key = factsKey(incident);
  if (previous && previous.key === key) return previous;
  const culprits: CommitDetails[] = [];
  const missingCulprits: { sha: string; reason: string }[] = [];
  for (const sha of incident.culprits) {
    try {
      culprits.push(await getCommitDetails(repoRoot, sha, options.gitPath));
    } catch (err) {
      missingCulprits.push({ sha, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  const revert = incident.revert ? await getCommitDetails(repoRoot, incident.revert, options.gitPath).catch(() => undefined) : undefined;
  const [autoTimeline, blast] = await Promise.all([
    buildAutoTimeline(repoRoot, incident, { culpritDetails: culprits, deployTagPatterns: options.deployTagPatterns, gitPath: options.gitPath }),
    options.blastRadius ? options.blastRadius(repoRoot, incident) : assessBlastRadius(repoRoot, incident, { gitPath: options.gitPath }),
  ]);
  return { key, culprits, missingCulprits, revert, autoTimeline, blast };
}

export function teamUpdateView(incident: Incident, facts: GitFacts): TeamUpdateView {
  return teamUpdateOf(incident, { blast: facts.blast, culpritSubjects: facts.culprits.map((c) => c.subject) });
}

export function derivedView(incident: Incident, facts: GitFacts): DerivedView {
  return { timeline: mergeTimeline(facts.autoTimeline, incident.events), teamUpdate: teamUpdateView(incident, facts) };
}

export function viewState(
  stored: { path: string; relativePath: string; incident: Incident; version: string },
  repoRoot: string,
  facts: GitFacts,
): IncidentViewState {
  return {
    repoRoot,
    incidentPath: stored.path,
    relativePath: stored.relativePath,
    incident: stored.incident,
    version: stored.version,
    culprits: facts.culprits,
    missingCulprits: facts.missingCulprits,
    revert: facts.revert,
    blast: facts.blast,
    ...derivedView(stored.incident, facts),
  };
}
