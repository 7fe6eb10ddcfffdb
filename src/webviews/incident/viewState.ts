/**
 * Builds what the incident panel shows from a stored incident and the repository. No vscode
 * import: the host calls it, and unit tests can too.
 */
import type { BlastRadiusAssessment } from '../../core/commits/blastRadius';
import { getCommitDetails, type CommitDetails } from '../../core/commits/commitDetails';
import { mergeTimeline, type TimelineEntry } from '../../core/commits/timeline';
import { factLines } from '../../core/facts/factLines';
import { readIncidentFacts, timelineFromFacts, type IncidentFacts } from '../../core/facts/incidentFacts';
import { ownsTheChange } from '../../core/facts/incidentFacts';
import { teamUpdateViewOf } from '../../core/facts/teamUpdateView';
import type { Incident, TimelineEvent } from '../../core/incidents/model';
import { authorNames } from '../../core/repo/repoQueries';
import type { ToneResult } from '../../core/teamUpdate/toneCheck';
import { toneModule } from '../../services/lazyBundles';
import type { DerivedView, FactsUpdate, IncidentViewState, TeamUpdateView } from './protocol';

export { markdownToPlainText } from '../../core/teamUpdate/teamUpdateView';

export interface ViewStateOptions {
  gitPath?: string;
  /** Shared, cached facts (services/incidentFactsCache.ts); read directly when absent. */
  incidentFacts?: (repoRoot: string, incident: Incident, details?: (sha: string) => Promise<CommitDetails>) => Promise<IncidentFacts>;
  /** Details already being read for the commit cards, reused by the facts. */
  details?: (sha: string) => Promise<CommitDetails>;
  /** Shared, cached author names; read directly when absent. */
  authors?: (repoRoot: string) => Promise<string[]>;
  /** `ownIt.deploy.tagPattern` for this repository. */
  tagPattern?: string;
  /** Replaces the git-based assessment (for example when the caller knows a deploy failed). */
  blastRadius?: (repoRoot: string, incident: Incident) => Promise<BlastRadiusAssessment>;
}

/** Facts read from git that only change when the incident's commits or refs change. */
export interface GitFacts {
  key: string;
  culprits: CommitDetails[];
  missingCulprits: { sha: string; reason: string }[];
  revert?: CommitDetails;
  /** Git-backed events that are not written in the file (older files, or facts that appeared since). */
  autoTimeline: TimelineEntry[];
  blast: BlastRadiusAssessment;
  facts: IncidentFacts;
  /** The repository's author names (mailmap applied), so the tone check recognises teammates. */
  authors: string[];
}

function factsKey(i: Incident): string {
  return JSON.stringify([i.culprits, i.revert ?? null, i.deployRefs, i.detected, i.events.length]);
}

const sameEvent = (a: TimelineEvent, b: TimelineEvent) => a.source === b.source && a.text === b.text && Date.parse(a.at) === Date.parse(b.at);

/** The facts module's events not already in the file, plus the incident's own opened/resolved rows. */
function autoRows(incident: Incident, facts: IncidentFacts): TimelineEntry[] {
  const rows: TimelineEntry[] = facts.events.filter((e) => !incident.events.some((w) => sameEvent(w, e))).map((e) => ({ ...e, auto: true }));
  if (incident.detected) rows.push({ at: incident.detected, text: 'Incident opened', source: 'own-it', auto: true });
  if (incident.resolved) rows.push({ at: incident.resolved, text: 'Resolved', source: 'own-it', auto: true });
  return rows;
}

export async function readGitFacts(repoRoot: string, incident: Incident, options: ViewStateOptions, previous?: GitFacts): Promise<GitFacts> {
  const key = factsKey(incident);
  if (previous && previous.key === key) return previous;
  const [facts, authors] = await Promise.all([
    options.incidentFacts?.(repoRoot, incident, options.details) ??
      readIncidentFacts(repoRoot, incident, { gitPath: options.gitPath, ...(options.tagPattern ? { tagPattern: options.tagPattern } : {}), ...(options.details ? { details: options.details } : {}) }),
    previous?.authors ?? options.authors?.(repoRoot) ?? authorNames(repoRoot, options.gitPath),
  ]);
  const blast = options.blastRadius ? await options.blastRadius(repoRoot, incident) : facts.blast;
  return {
    key,
    culprits: facts.culprits.map((c) => c.details),
    missingCulprits: facts.missingCulprits,
    ...(facts.revert ? { revert: facts.revert.details } : {}),
    autoTimeline: autoRows(incident, facts),
    blast,
    facts: { ...facts, blast },
    authors,
  };
}

/**
 * The panel's tone check: the same core `checkTone` the CLI runs, at the incident's blast
 * radius and with the repository's authors. Both the state and the live check call this.
 */
export function toneFor(text: string, facts: Pick<GitFacts, 'blast' | 'authors'> & { facts?: IncidentFacts }): ToneResult {
  return toneModule().checkTone(text, { radius: facts.blast.radius, people: facts.authors, ...(facts.facts ? { ownsTheChange: ownsTheChange(facts.facts) } : {}) });
}

export function teamUpdateView(incident: Incident, facts: GitFacts): TeamUpdateView {
  return teamUpdateViewOf(incident, facts.facts, (text) => toneFor(text, facts));
}

export function derivedView(incident: Incident, facts: GitFacts): DerivedView {
  return { timeline: mergeTimeline(facts.autoTimeline, incident.events), teamUpdate: teamUpdateView(incident, facts), facts: factLines(facts.facts) };
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

/** The incident's commits as the cards show them: one `git show` each, all at once. */
export interface CommitCards {
  culprits: CommitDetails[];
  missingCulprits: { sha: string; reason: string }[];
  revert?: CommitDetails;
}

/**
 * Starts reading the incident's commits. Started before the facts, so their `git show` processes
 * are first in the repository's process queue (simple-git runs 4 at once); the facts reuse them
 * through `details` instead of reading each commit a second time.
 */
export function startCommitCards(repoRoot: string, incident: Incident, options: ViewStateOptions): { cards: Promise<CommitCards>; details: (sha: string) => Promise<CommitDetails> } {
  const reads = new Map<string, Promise<CommitDetails>>();
  const details = (sha: string): Promise<CommitDetails> => {
    let read = reads.get(sha);
    if (!read) reads.set(sha, (read = getCommitDetails(repoRoot, sha, options.gitPath)));
    return read;
  };
  return { cards: readCommitCards(incident, details), details };
}

async function readCommitCards(incident: Incident, details: (sha: string) => Promise<CommitDetails>): Promise<CommitCards> {
  const [results, revert] = await Promise.all([
    Promise.allSettled(incident.culprits.map(details)),
    incident.revert ? details(incident.revert).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const culprits: CommitDetails[] = [];
  const missingCulprits: { sha: string; reason: string }[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') culprits.push(r.value);
    else missingCulprits.push({ sha: incident.culprits[i], reason: r.reason instanceof Error ? r.reason.message : String(r.reason) });
  });
  return { culprits, missingCulprits, ...(revert ? { revert } : {}) };
}

const PENDING_REASON = 'Reading where the commits are (default branch, remotes, deploys)…';

/**
 * The first state of a panel whose git facts are still being read: the culprit and revert cards
 * and the rows their details vouch for (authored, reverted). Nothing here claims where a commit
 * is: the reach, the facts list and the team update draft wait for {@link factsUpdate}.
 */
export function commitCardsState(stored: { path: string; relativePath: string; incident: Incident; version: string }, repoRoot: string, cards: CommitCards): IncidentViewState {
  const incident = stored.incident;
  const rows: TimelineEntry[] = timelineFromFacts(undefined, cards.culprits.map((details) => ({ details })), cards.revert ? { details: cards.revert } : undefined)
    .filter((e) => !incident.events.some((w) => sameEvent(w, e)))
    .map((e) => ({ ...e, auto: true }));
  if (incident.detected) rows.push({ at: incident.detected, text: 'Incident opened', source: 'own-it', auto: true });
  if (incident.resolved) rows.push({ at: incident.resolved, text: 'Resolved', source: 'own-it', auto: true });
  const blast: BlastRadiusAssessment = { radius: 'team', reason: PENDING_REASON, remoteBranches: [] };
  const own = incident.sections.teamUpdate.trim();
  const teamUpdate: TeamUpdateView = { radius: blast.radius, reason: PENDING_REASON, note: PENDING_REASON, draft: '', draftPlain: '', noMessageNeeded: false, tone: toneFor(own, { blast, authors: [] }) };
  return {
    repoRoot,
    incidentPath: stored.path,
    relativePath: stored.relativePath,
    incident,
    version: stored.version,
    culprits: cards.culprits,
    missingCulprits: cards.missingCulprits,
    ...(cards.revert ? { revert: cards.revert } : {}),
    blast,
    timeline: mergeTimeline(rows, incident.events),
    teamUpdate,
    facts: [],
  };
}

/** What replaces the commit-cards state once the git facts are known. */
export function factsUpdate(incident: Incident, facts: GitFacts): FactsUpdate {
  return { culprits: facts.culprits, missingCulprits: facts.missingCulprits, ...(facts.revert ? { revert: facts.revert } : {}), blast: facts.blast, ...derivedView(incident, facts) };
}
