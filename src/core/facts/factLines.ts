/**
 * The facts as short labelled lines, each naming where it comes from. The panel shows them and
 * `own-it incident new` prints them, so both state the same thing in the same words.
 */
import type { FactLine } from './factLine';
import type { CommitFact, IncidentFacts } from './incidentFacts';

export type { FactLine };

const PLACEMENT: Record<CommitFact['placement']['placement'], string> = {
  default: 'on the default branch',
  pushed: 'pushed, but not on the default branch',
  local: 'only on this machine (not on any remote branch)',
};

function placement(fact: CommitFact, facts: IncidentFacts): string {
  const p = fact.placement;
  if (p.placement === 'default') return `${PLACEMENT.default} (${facts.defaultBranch?.ref ?? 'default branch'})`;
  if (p.placement === 'pushed') return `${PLACEMENT.pushed} (${p.remoteBranches.slice(0, 3).join(', ')}${p.remoteBranches.length > 3 ? ` and ${p.remoteBranches.length - 3} more` : ''})`;
  return p.onDefault ? `only on this machine (on local ${facts.defaultBranch?.name ?? 'default branch'}, not on any remote branch)` : PLACEMENT.local;
}

function author(fact: CommitFact): string {
  return `${fact.details.authorName} <${fact.details.authorEmail}>${fact.mine ? ' — you' : ' — not you'}`;
}

export function factLines(facts: IncidentFacts): FactLine[] {
  const lines: FactLine[] = [];
  const user = facts.user.email ? `${facts.user.name ?? ''} <${facts.user.email}>`.trim() : facts.user.name ?? 'not set (git config user.email)';
  lines.push({ label: 'You', value: user, source: 'git config user.name / user.email, through .mailmap' });
  lines.push({
    label: 'Default branch',
    value: facts.defaultBranch ? `${facts.defaultBranch.name} (${facts.defaultBranch.ref})` : 'unknown (no origin/HEAD, init.defaultBranch, main or master)',
    source: facts.defaultBranch ? (facts.defaultBranch.source === 'origin/HEAD' ? 'git symbolic-ref refs/remotes/origin/HEAD' : facts.defaultBranch.source === 'init.defaultBranch' ? 'git config init.defaultBranch' : facts.defaultBranch.source === 'HEAD' ? 'the checked-out branch' : `a branch named ${facts.defaultBranch.source}`) : 'git',
  });
  for (const c of facts.culprits) {
    const d = c.details;
    lines.push({ label: `Culprit ${d.shortSha}`, value: d.subject, source: 'git show' });
    lines.push({ label: `Culprit ${d.shortSha} author`, value: author(c), source: 'git show --format=%aN <%aE> (mailmap applied)' });
    lines.push({ label: `Culprit ${d.shortSha} authored`, value: d.authoredAt, source: 'git show --format=%aI' });
    if (c.landing) lines.push({ label: `Culprit ${d.shortSha} landed`, value: `${c.landing.at}${c.landing.viaMerge ? ` (merge ${c.landing.sha.slice(0, 7)})` : ' (committed on the branch)'}`, source: 'git rev-list --first-parent --ancestry-path <culprit>..<default>' });
    lines.push({ label: `Culprit ${d.shortSha} is`, value: placement(c, facts), source: 'git merge-base <commit> <default>; git branch -r --contains' });
    if (c.deploy) lines.push({ label: `Culprit ${d.shortSha} deployed`, value: `${c.deploy.tag} at ${c.deploy.at}`, source: 'git for-each-ref --contains (ownIt.deploy.tagPattern)' });
  }
  for (const m of facts.missingCulprits) lines.push({ label: `Culprit ${m.sha.slice(0, 7)}`, value: `not in this clone (${m.reason})`, source: 'git rev-parse' });
  const r = facts.revert;
  if (r) {
    const d = r.details;
    lines.push({ label: `Revert ${d.shortSha}`, value: d.subject, source: 'git show' });
    lines.push({ label: `Revert ${d.shortSha} author`, value: author(r), source: 'git show --format=%aN <%aE> (mailmap applied)' });
    lines.push({ label: `Revert ${d.shortSha} committed`, value: d.committedAt, source: 'git show --format=%cI' });
    lines.push({ label: `Revert ${d.shortSha} is`, value: placement(r, facts), source: 'git merge-base <commit> <default>; git branch -r --contains' });
    if (r.deploy) lines.push({ label: `Revert ${d.shortSha} deployed`, value: `${r.deploy.tag} at ${r.deploy.at}`, source: 'git for-each-ref --contains (ownIt.deploy.tagPattern)' });
  }
  lines.push({ label: 'Reach', value: `${facts.blast.radius}: ${facts.blast.reason}`, source: 'the facts above' });
  return lines;
}
