/**
 * The one place that reads what an incident states as fact: the default branch and whether the
 * revert is on it, pushed or local; whose commits these are (mailmap applied) compared with the
 * user's identity; where each culprit landed and which deploy tag first shipped it. The panel,
 * the team update, the CLI (`own-it incident new`) and Insights all read these facts from here.
 */
import type { SimpleGit } from '../git/runner';
import type { BlastRadiusAssessment } from '../commits/blastRadius';
import { DEFAULT_PRODUCTION_PATTERN } from '../commits/blastRadius';
import { getCommitDetails, type CommitDetails } from '../commits/commitDetails';
import { compileTagPattern } from '../deploys/tagPattern';
import { DEFAULT_TAG_PATTERN } from '../deploys/types';
import type { Incident, TimelineEvent } from '../incidents/model';
import { commitPlacement, findDefaultBranch, gitFor, isSamePerson, landingOnDefault, readUserIdentity, type CommitPlacement, type DefaultBranch, type Landing, type UserIdentity } from './repoFacts';

export interface DeployHit {
  tag: string;
  /** ISO 8601 creation date of the tag. */
  at: string;
}

export interface CommitFact {
  details: CommitDetails;
  /** True when the user (user.email, else user.name; mailmap applied) wrote it. */
  mine: boolean;
  placement: CommitPlacement;
  /** Where it landed on the default branch, when it is on it. */
  landing?: Landing;
  /** The first deploy tag (by date) matching the deploy tag pattern that contains it. */
  deploy?: DeployHit;
}

export interface IncidentFacts {
  defaultBranch?: DefaultBranch;
  user: UserIdentity;
  culprits: CommitFact[];
  missingCulprits: { sha: string; reason: string }[];
  revert?: CommitFact;
  blast: BlastRadiusAssessment;
  /** The timeline git can vouch for (authored, landed, deployed, reverted), each with its source. */
  events: TimelineEvent[];
}

export interface IncidentFactsOptions {
  gitPath?: string;
  /** `ownIt.deploy.tagPattern`; default DEFAULT_TAG_PATTERN. */
  tagPattern?: string;
  productionPattern?: RegExp;
  /** A commit's details already being read (the panel's commit cards): reused instead of a second `git show`. */
  details?: (sha: string) => Promise<CommitDetails>;
}

/** The first tag matching the pattern (by creation date) that contains `sha`. */
async function firstDeployTag(git: SimpleGit, sha: string, tagPattern: string): Promise<DeployHit | undefined> {
  const pattern = compileTagPattern(tagPattern);
  let out = '';
  try {
    out = await git.raw(['for-each-ref', '--sort=creatordate', '--format=%(refname:short)%00%(creatordate:iso-strict)', `--contains=${sha}`, pattern.refGlob]);
  } catch {
    return undefined;
  }
  for (const line of out.split('\n')) {
    const [tag, at] = line.split('\0');
    if (tag && at && pattern.matchTag(tag) !== undefined) return { tag, at };
  }
  return undefined;
}

interface FactContext {
  user: UserIdentity;
  defaultBranch?: DefaultBranch;
  tagPattern: string;
}

/** What git says about one commit, once its details and the repository's facts are read. */
async function commitFact(git: SimpleGit, details: CommitDetails, ctx: FactContext): Promise<CommitFact> {
  const [placement, landing, deploy] = await Promise.all([
    commitPlacement(git, details.sha, ctx.defaultBranch),
    landingOnDefault(git, details.sha, ctx.defaultBranch),
    firstDeployTag(git, details.sha, ctx.tagPattern),
  ]);
  return {
    details,
    mine: isSamePerson(ctx.user, { name: details.authorName, email: details.authorEmail }),
    placement,
    ...(landing ? { landing } : {}),
    ...(deploy ? { deploy } : {}),
  };
}

/**
 * Reads the facts for an incident's commits. Culprits git does not know are listed, not thrown.
 * Everything that does not depend on another answer runs at once — the repository's facts, each
 * commit's details, then each commit's placement, landing and deploy — so the panel waits for the
 * longest chain of git processes, not for their sum.
 */
export async function readIncidentFacts(
  repoRoot: string,
  incident: Pick<Incident, 'culprits' | 'revert' | 'deployRefs'>,
  options: IncidentFactsOptions = {},
): Promise<IncidentFacts> {
  const git = gitFor(repoRoot, options.gitPath);
  const repo = Promise.all([findDefaultBranch(git), readUserIdentity(git)]).then(([defaultBranch, user]) => ({ user, defaultBranch, tagPattern: options.tagPattern || DEFAULT_TAG_PATTERN }));
  const factOf = async (sha: string) => {
    const details = await (options.details?.(sha) ?? getCommitDetails(repoRoot, sha, options.gitPath));
    return commitFact(git, details, await repo);
  };
  const [ctx, culpritResults, revert] = await Promise.all([
    repo,
    Promise.allSettled(incident.culprits.map(factOf)),
    incident.revert ? factOf(incident.revert).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const defaultBranch = ctx.defaultBranch;
  const user = ctx.user;
  const culprits: CommitFact[] = [];
  const missingCulprits: { sha: string; reason: string }[] = [];
  culpritResults.forEach((r, i) => {
    if (r.status === 'fulfilled') culprits.push(r.value);
    else missingCulprits.push({ sha: incident.culprits[i], reason: r.reason instanceof Error ? r.reason.message : String(r.reason) });
  });
  const blast = blastFromFacts(incident, { defaultBranch, culprits, revert, linked: incident.culprits.length + (incident.revert ? 1 : 0) }, options.productionPattern);
  return { ...(defaultBranch ? { defaultBranch } : {}), user, culprits, missingCulprits, ...(revert ? { revert } : {}), blast, events: timelineFromFacts(defaultBranch, culprits, revert) };
}

function list(branches: readonly string[]): string {
  return `${branches.slice(0, 3).join(', ')}${branches.length > 3 ? ` and ${branches.length - 3} more` : ''}`;
}

/**
 * The user wrote every culprit (git's user.email against the author, mailmap applied): only then
 * does the team update say "my change" and ask the sender to own it. Reporting a teammate's change,
 * even one the user reverted, is not the sender's to own; unknown culprits are not claimed.
 */
export function ownsTheChange(facts: Pick<IncidentFacts, 'culprits'>): boolean {
  return facts.culprits.length > 0 && facts.culprits.every((c) => c.mine);
}

/**
 * How far it reached, from the facts: production when a deploy ref looks like production; local
 * when neither the revert nor any culprit is on a remote branch; team otherwise. The reason names
 * the default branch when the revert is on it, never an arbitrary branch that happens to contain it.
 */
export function blastFromFacts(
  incident: Pick<Incident, 'deployRefs'>,
  f: { defaultBranch?: DefaultBranch; culprits: readonly CommitFact[]; revert?: CommitFact; linked: number },
  productionPattern: RegExp = DEFAULT_PRODUCTION_PATTERN,
): BlastRadiusAssessment {
  const prodRefs = incident.deployRefs.filter((r) => productionPattern.test(r));
  if (prodRefs.length > 0) return { radius: 'production', reason: `It reached production (${prodRefs.join(', ')}).`, remoteBranches: [] };
  if (f.linked === 0) return { radius: 'team', reason: 'No commit is linked yet, so this assumes teammates may be affected.', remoteBranches: [] };
  const all = [...(f.revert ? [f.revert] : []), ...f.culprits];
  if (all.length === 0) return { radius: 'team', reason: 'The linked commits are not in this clone, so this assumes teammates may be affected.', remoteBranches: [] };
  const main = f.defaultBranch?.ref;
  const pushedCulprit = f.culprits.find((c) => c.placement.placement !== 'local');
  if (f.revert) {
    const r = f.revert.placement;
    if (r.placement === 'default') return { radius: 'team', reason: `The revert is on ${main}, the default branch, so teammates may have pulled the broken change.`, remoteBranches: r.remoteBranches };
    if (r.placement === 'pushed') {
      return { radius: 'team', reason: `The revert is on ${list(r.remoteBranches)}, not on the default branch${main ? ` ${main}` : ''}.`, remoteBranches: r.remoteBranches };
    }
    if (pushedCulprit) {
      const where = pushedCulprit.placement.remoteBranches;
      const onMain = pushedCulprit.placement.placement === 'default' ? `${main}, the default branch` : list(where);
      return { radius: 'team', reason: `The broken change is on ${onMain}; the revert is only on this machine so far.`, remoteBranches: where };
    }
    return { radius: 'local', reason: 'Neither the change nor its revert is on any remote branch: it never left your machine.', remoteBranches: [] };
  }
  if (pushedCulprit) {
    const where = pushedCulprit.placement.remoteBranches;
    const onMain = pushedCulprit.placement.placement === 'default' ? `${main}, the default branch` : list(where);
    return { radius: 'team', reason: `It is on ${onMain}, so teammates may have pulled it.`, remoteBranches: where };
  }
  return { radius: 'local', reason: 'The change is not on any remote branch: it never left your machine.', remoteBranches: [] };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

/** The git-backed timeline: each event says where it came from (`git` or `deploy`). */
/** Only what the timeline reads: a commit's details alone give its authored and reverted rows. */
type TimelineFact = Pick<CommitFact, 'details' | 'landing' | 'deploy'>;

export function timelineFromFacts(defaultBranch: DefaultBranch | undefined, culprits: readonly TimelineFact[], revert: TimelineFact | undefined): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const c of culprits) {
    const d = c.details;
    events.push({ at: d.authoredAt, text: `${d.authorName} authored ${d.shortSha} “${d.subject}”`, source: 'git' });
    if (c.landing && defaultBranch) {
      events.push({
        at: c.landing.at,
        text: c.landing.viaMerge ? `${d.shortSha} merged into ${defaultBranch.name} by ${short(c.landing.sha)}` : `${d.shortSha} landed on ${defaultBranch.name}`,
        source: 'git',
      });
    }
    if (c.deploy) events.push({ at: c.deploy.at, text: `${c.deploy.tag} deployed ${d.shortSha}`, source: 'deploy' });
  }
  if (revert) {
    const d = revert.details;
    const what = culprits.length > 0 ? culprits.map((c) => c.details.shortSha).join(', ') : 'the change';
    events.push({ at: d.committedAt, text: `${d.authorName} reverted ${what} in ${d.shortSha}`, source: 'git' });
    if (revert.landing?.viaMerge && defaultBranch) events.push({ at: revert.landing.at, text: `Revert ${d.shortSha} merged into ${defaultBranch.name} by ${short(revert.landing.sha)}`, source: 'git' });
    if (revert.deploy) events.push({ at: revert.deploy.at, text: `${revert.deploy.tag} deployed the revert ${d.shortSha}`, source: 'deploy' });
  }
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.i - b.i : a.t - b.t))
    .map((x) => x.e);
}
