/**
 * Builds what the incident panel shows from a stored incident and the repository. No vscode
 * import: the host calls it, and unit tests can too.
 */
import { assessBlastRadius, type BlastRadiusAssessment } from '../../core/commits/blastRadius';
import { getCommitDetails, type CommitDetails } from '../../core/commits/commitDetails';
import { buildAutoTimeline, mergeTimeline, type TimelineEntry } from '../../core/commits/timeline';
import type { Incident } from '../../core/incidents/model';
import { authorNames } from '../../core/repo/repoQueries';
import { checkTone, draftTeamUpdate, teamUpdateInputFromIncident, type ToneResult } from '../../core/teamUpdate';
import type { DerivedView, IncidentViewState, TeamUpdateView } from './protocol';

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
  /** The repository's author names (mailmap applied), so the tone check recognises teammates. */
  authors: string[];
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
  const [autoTimeline, blast, authors] = await Promise.all([
    buildAutoTimeline(repoRoot, incident, { culpritDetails: culprits, deployTagPatterns: options.deployTagPatterns, gitPath: options.gitPath }),
    options.blastRadius ? options.blastRadius(repoRoot, incident) : assessBlastRadius(repoRoot, incident, { gitPath: options.gitPath }),
    previous?.authors ?? authorNames(repoRoot, options.gitPath),
  ]);
  return { key, culprits, missingCulprits, revert, autoTimeline, blast, authors };
}

/** The shared branch name for the draft ("main" from "origin/main"). */
function branchName(remoteBranches: readonly string[]): string | undefined {
  const first = remoteBranches[0];
  return first ? first.slice(first.indexOf('/') + 1) : undefined;
}

/**
 * The panel's tone check: the same core {@link checkTone} the CLI runs, at the incident's blast
 * radius and with the repository's authors. Both the state and the live check call this.
 */
export function toneFor(text: string, facts: Pick<GitFacts, 'blast' | 'authors'>): ToneResult {
  return checkTone(text, { radius: facts.blast.radius, people: facts.authors });
}

export function teamUpdateView(incident: Incident, facts: GitFacts): TeamUpdateView {
  const draft = draftTeamUpdate(
    teamUpdateInputFromIncident(incident, {
      blastRadius: facts.blast.radius,
      culpritSubjects: facts.culprits.map((c) => c.subject),
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
    tone: toneFor(own || draft.text, facts),
  };
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
