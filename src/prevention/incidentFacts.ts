/**
 * Facts about an incident that live in other files: whether its regression test is still a
 * placeholder, which checklist items point back to it, and which files its culprits touched.
 * No vscode import, so unit tests run it against real repositories.
 */
import * as path from 'node:path';
import { readRepoText } from '../core/fs/repoFiles';
import { gitFor, looksLikeSha } from '../core/commits/gitRunner';
import type { ActionItem, Incident, LinkedTestStatus } from '../core/incidents/model';
import { parseRevertMessage } from '../core/revert/messageParser';
import { deriveIncident, insideRepo, isDerivedAction, linkedTestStatus, linkedTestStatuses } from '../services/linkedTests';

// Linked tests' status lives in the services layer (the incident panel and the views read it too).
export { deriveIncident, insideRepo, isDerivedAction, linkedTestStatus, linkedTestStatuses, type LinkedTestStatus };

/** How long a resolved incident keeps marking the files its culprits touched. */
export const RECENT_DAYS = 30;

/** Open and mitigated incidents, and ones resolved in the last 30 days, still deserve a warning. */
export function isRecentIncident(incident: Incident, now = new Date()): boolean {
  if (incident.status !== 'resolved') return true;
  const resolved = Date.parse(incident.resolved ?? '');
  if (Number.isNaN(resolved)) return false;
  return now.getTime() - resolved < RECENT_DAYS * 24 * 60 * 60 * 1000;
}

export interface ChecklistItems {
  /** Repository-relative path of the checklist file. */
  path: string;
  /** Item text without checkbox and incident link. */
  items: string[];
}

const ITEM_RE = /^\s*[-*+]\s+\[[ xX]\]\s+(.*?)\s*\(\[incident\]\(([^)]*)\)\)\s*$/;

/**
 * The checklist items that link back to this incident, from the checklist files its action items
 * name (Add Checklist Item writes `- [ ] text ([incident](relative/link.md))`).
 */
export async function checklistItemsFor(repoRoot: string, incidentRelativePath: string, actions: readonly ActionItem[]): Promise<ChecklistItems[]> {
  const wanted = path.posix.normalize(incidentRelativePath.replace(/\\/g, '/'));
  const files = [...new Set(actions.filter((a) => a.kind === 'checklist' && a.path).map((a) => a.path as string))];
  const out: ChecklistItems[] = [];
  for (const rel of files) {
    const absolute = insideRepo(repoRoot, rel);
    if (!absolute) continue;
    let text: string;
    try {
      const read = await readRepoText(repoRoot, absolute);
      if (read === undefined) continue;
      text = read;
    } catch {
      continue;
    }
    const items: string[] = [];
    for (const line of text.split(/\r?\n/)) {
      const m = ITEM_RE.exec(line);
      if (!m) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel.replace(/\\/g, '/')), decodeURI(m[2])));
      if (target === wanted) items.push(m[1]);
    }
    if (items.length > 0) out.push({ path: rel, items });
  }
  return out;
}

/** Repository-relative paths a commit changed (against its first parent). Unknown commits yield []. */
export async function filesChangedBy(repoRoot: string, sha: string, gitPath?: string): Promise<string[]> {
  if (!looksLikeSha(sha)) return [];
  try {
    const out = await gitFor(repoRoot, gitPath).raw(['show', '-z', '--name-only', '--format=', '--no-color', '--no-renames', '--diff-merges=first-parent', '--end-of-options', sha, '--']);
    return [...new Set(out.split('\0').map((s) => s.trim()).filter(Boolean))];
  } catch {
    return [];
  }
}

/** Repository-relative paths changed between two commits (`from` undefined = everything `to` contains). */
export async function filesChangedBetween(repoRoot: string, from: string | undefined, to: string, gitPath?: string): Promise<string[]> {
  if (!looksLikeSha(to) || (from !== undefined && !looksLikeSha(from))) return [];
  if (!from) return filesChangedBy(repoRoot, to, gitPath);
  try {
    const out = await gitFor(repoRoot, gitPath).raw(['diff', '-z', '--name-only', '--no-renames', '--end-of-options', from, to, '--']);
    return [...new Set(out.split('\0').map((s) => s.trim()).filter(Boolean))];
  } catch {
    return [];
  }
}

/**
 * The commits a revert's message names (`This reverts commit <sha>.`): a reapply undoes the revert,
 * and this leads from it back to the culprit an incident lists.
 */
export async function revertedShas(repoRoot: string, sha: string, gitPath?: string): Promise<string[]> {
  if (!looksLikeSha(sha)) return [];
  try {
    const [subject = '', body = ''] = (await gitFor(repoRoot, gitPath).raw(['log', '-1', '--format=%s%x00%b', '--end-of-options', sha, '--'])).split('\0');
    // The scanner's own message parser, so "which commits does this undo" has one answer.
    return parseRevertMessage(subject, body.trimEnd())?.shas ?? [];
  } catch {
    return [];
  }
}
