/** Deploys read from git tags, and the findings that say a deploy probably failed. */

/** Defaults shared by the extension settings (`ownIt.deploy.*`), the CLI and the core. */
export const DEFAULT_TAG_PATTERN = 'deploy/*/*';
/**
 * The word "hotfix" (also `hotfix:`, `hotfix(x):`, and merges of `hotfix/…` branches). Conventional
 * `fix:`/`fix(scope):` commits are ordinary bug fixes, not hotfixes, so they are not matched.
 */
export const DEFAULT_HOTFIX_PATTERN = '\\bhotfix\\b';
export const DEFAULT_HOTFIX_WINDOW_HOURS = 24;
/** The environment of deploys whose tag pattern names none (a pattern with one wildcard, e.g. `deploy-*`). */
export const DEFAULT_ENVIRONMENT = 'default';

/** One deploy: a tag matching the deploy pattern. */
export interface Deploy {
  /** Tag name without `refs/tags/`, e.g. `deploy/prod/2026-01-05`. */
  tag: string;
  /** What the first wildcard of the pattern matched, or {@link DEFAULT_ENVIRONMENT}. */
  environment: string;
  /** Full sha of the deployed commit (annotated tags are peeled). */
  sha: string;
  /** ISO 8601: the tagger date of an annotated tag, the committer date of a lightweight tag's commit. */
  date: string;
  annotated: boolean;
}

export type DeployFindingKind = 'rollback' | 'reset-over-pushed' | 'forced-update' | 'hotfix-followup' | 'revert-followup';

/** Which rule produced a finding. */
export type DeployFindingRule =
  | 'same-commit-as-earlier' // a deploy re-deployed the commit of an earlier deploy
  | 'ancestor-of-previous' // a deploy went back to an ancestor of the previous deploy's commit
  | 'reset-over-pushed' // a branch was reset backwards over commits its upstream had
  | 'forced-update' // a remote-tracking ref was rewritten (old tip is not an ancestor of the new one)
  | 'hotfix-commit' // a commit whose subject matches the hotfix pattern followed the deploy
  | 'hotfix-branch' // a branch named like a hotfix followed the deploy
  | 'revert-deployed'; // the next deploy moved forward and shipped a revert of this deploy's change

export type Confidence = 'high' | 'medium' | 'low';

/** `isAncestor` is true when `git merge-base ancestor descendant` printed `ancestor` itself. */
export interface AncestryCheck {
  ancestor: string;
  descendant: string;
  isAncestor: boolean;
  /** What `git merge-base` printed; null when there is no common ancestor or a commit is missing. */
  mergeBase: string | null;
}

/** Structured evidence; `sentence` says the same for a person. */
export interface DeployEvidence {
  sentence: string;
  /** The ref whose history shows the finding (`refs/heads/main`, `refs/remotes/origin/main`, a tag). */
  ref?: string;
  /** The value before the move (reflog findings). */
  fromSha?: string;
  /** The value after the move (reflog findings). */
  toSha?: string;
  /** The ancestry checks that were run (`git merge-base ancestor descendant`), and their answers. */
  ancestry?: AncestryCheck[];
  /** The upstream that held the dropped commits (reset-over-pushed). */
  upstream?: string;
  /** Reflog entry message, e.g. `reset: moving to HEAD~2`. */
  reflogMessage?: string;
  /** Commits (hotfix-commit) or branches (hotfix-branch) that followed the deploy. */
  hotfixes?: { sha: string; subject?: string; branch?: string; date: string; hoursAfterDeploy: number }[];
  /** Reverts the next deploy shipped (revert-deployed), newest first, each with the commits of the failed deploy it undoes. */
  reverts?: { sha: string; subject: string; reverted: string[] }[];
}

export interface DeployFinding {
  kind: DeployFindingKind;
  environment?: string;
  /** The deploy that failed (rolled back from, or suspected because a hotfix followed it). */
  failed?: Deploy;
  /** The last good deploy: the one rolled back to, or the one before a suspect or reverted deploy. */
  good?: Deploy;
  rule: DeployFindingRule;
  evidence: DeployEvidence;
  confidence: Confidence;
  /** Full shas of the commits that probably caused it (`good..failed`, the reverted commits, or the dropped commits), newest first, bounded. */
  culprits: string[];
  /** ISO 8601: when the failure became visible (the rollback deploy, the reset, the fetch, the first hotfix). */
  date: string;
}

export interface DeployOptions {
  /** Tag glob, default {@link DEFAULT_TAG_PATTERN}. */
  tagPattern?: string;
  /** The git executable (the extension passes VS Code's `git.path`). */
  gitBinary?: string;
}

export interface FailedDeployOptions extends DeployOptions {
  /** Regular expression (JavaScript syntax, case-insensitive) for hotfix commit subjects. */
  hotfixPattern?: string;
  hotfixWindowHours?: number;
  /** Only findings on or after this date (ISO or anything Date.parse reads). Default: everything. */
  since?: string;
  /** Stops the analysis: its git processes end and it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** At most this many culprits per finding (default 200). */
  maxCulprits?: number;
  /** At most this many reflog entries read per ref (default 1000). */
  maxReflogEntries?: number;
}
