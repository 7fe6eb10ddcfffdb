/**
 * The incident a commit opens, built in one place so the panel's Open Incident and
 * `own-it incident new` write exactly the same file: title, culprits, revert, the git timeline
 * (each event with its source) and the team update draft, all from {@link readIncidentFacts}.
 */
import { newIncident, type IncidentDraft } from '../incidents/incidentFile';
import type { Incident } from '../incidents/model';
import { incidentTitle } from '../incidents/titles';
import { scanReverts } from '../revert/revertScanner';
import type { RevertDetection } from '../revert/types';
import { draftTeamUpdate, teamUpdateInputFromIncident, type TeamUpdateDraft } from '../teamUpdate/draftTeamUpdate';
import { ownsTheChange, readIncidentFacts, type CommitFact, type IncidentFacts, type IncidentFactsOptions } from './incidentFacts';

export interface PrepareOptions extends IncidentFactsOptions {
  /** The symptom, when someone knows it ("Checkout button does nothing"); it becomes the title. */
  symptom?: string;
  /** When the incident is opened (default: now). */
  now?: Date;
}

/**
 * Whether one commit is a revert (or reapply), through the same scan the views use: `rev^!` lists
 * that commit alone, and its links are still looked up in the whole history. A root commit (no
 * parent for `^!`) or an unknown sha is simply not a revert; the facts then say what is missing.
 */
async function classifyCommit(repoRoot: string, sha: string, gitBinary: string | undefined): Promise<RevertDetection | undefined> {
  const found = await scanReverts(repoRoot, { gitBinary, revRange: `${sha}^!` }).catch(() => []);
  return found[0];
}

export type IncidentSource = { sha: string; detection?: undefined } | { detection: RevertDetection; sha?: undefined };

export interface PreparedIncident {
  draft: IncidentDraft;
  facts: IncidentFacts;
  /** The revert detection the commit matched, when it is a revert. */
  detection?: RevertDetection;
}

/** The branch a team update names: the default branch when the revert is on it, else where it is. */
export function draftBranch(facts: IncidentFacts): string | undefined {
  // The branch the revert is on; a revert not pushed yet is about the branch the broken change reached.
  const pushed = (c: CommitFact) => c.placement.placement !== 'local';
  const fact = (facts.revert && pushed(facts.revert) ? facts.revert : undefined) ?? facts.culprits.find(pushed) ?? facts.revert;
  if (!fact) return facts.defaultBranch?.name;
  if (fact.placement.placement === 'default' || (fact.placement.onDefault && fact.placement.remoteBranches.length === 0)) return facts.defaultBranch?.name;
  const first = fact.placement.remoteBranches[0];
  return first ? first.slice(first.indexOf('/') + 1) : undefined;
}

/** The team update the facts support: whose change it is, which branch, how far it reached. */
export function teamUpdateFromFacts(incident: Incident, facts: IncidentFacts): TeamUpdateDraft {
  const branch = draftBranch(facts);
  return draftTeamUpdate(
    teamUpdateInputFromIncident(incident, {
      blastRadius: facts.blast.radius,
      culpritSubjects: facts.culprits.map((c) => c.details.title ?? c.details.subject),
      ...(branch ? { branch } : {}),
      culpritsMine: ownsTheChange(facts),
      revertMine: facts.revert ? facts.revert.mine : true,
      revertPushed: facts.revert ? facts.revert.placement.placement !== 'local' : true,
    }),
  );
}

/**
 * Prepares the incident for a commit. A revert (by the same detection the history scan uses)
 * makes the reverted commits the culprits; any other commit is the culprit itself.
 * @throws when `sha` is not a commit of the repository.
 */
export async function prepareIncident(repoRoot: string, source: IncidentSource, options: PrepareOptions = {}): Promise<PreparedIncident> {
  const now = options.now ?? new Date();
  const detection = source.detection ?? (await classifyCommit(repoRoot, source.sha, options.gitPath));
  const isRevert = detection !== undefined && detection.kind !== 'reapply';
  const culprits = isRevert ? [...detection.reverted] : [];
  const revert = isRevert ? detection.sha : undefined;
  const facts = await readIncidentFacts(repoRoot, { culprits: isRevert ? culprits : [source.sha ?? ''], revert, deployRefs: [] }, options);
  if (!isRevert && facts.culprits.length === 0) throw new Error(facts.missingCulprits[0]?.reason ?? `Not a commit in this repository: ${source.sha}`);
  const picked = facts.culprits[0]?.details;
  const title = incidentTitle({
    ...(options.symptom ? { symptom: options.symptom } : {}),
    ...(picked ? { culpritSubject: picked.title ?? picked.subject } : {}),
    ...(isRevert ? { revertSubject: detection.subject } : {}),
  });
  const base = newIncident(
    {
      title,
      culprits: isRevert ? culprits : facts.culprits.map((c) => c.details.sha),
      ...(revert ? { revert } : {}),
      detected: now.toISOString(),
      events: facts.events,
    },
    now,
  );
  const teamUpdate = teamUpdateFromFacts(base, facts).markdown.trimEnd();
  const draft: IncidentDraft = { ...base, sections: { ...base.sections, teamUpdate } };
  return { draft, facts, ...(isRevert ? { detection } : {}) };
}
