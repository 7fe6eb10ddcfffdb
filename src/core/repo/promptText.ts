import { authorName, type RevertDetection } from '../revert/types';
import type { CommitSummary } from './repoQueries';

export type PromptScope = 'mine' | 'all';

export interface PromptContext {
  /** The current git user's email, if configured. */
  me: string | undefined;
  scope: PromptScope;
  /** Summaries of the revert commit and of the commits it undoes, by full sha. */
  commits: Map<string, CommitSummary>;
}

const MAX_SUBJECT = 72;

function quote(subject: string): string {
  const oneLine = subject.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > MAX_SUBJECT ? `${oneLine.slice(0, MAX_SUBJECT - 1)}…` : oneLine}"`;
}

function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The one-line prompt for a revert that just landed, or undefined when the prompt scope
 * says this revert is not the user's business. Reapplies never prompt: they put a change back.
 */
export function revertPromptText(detection: RevertDetection, ctx: PromptContext): string | undefined {
  if (detection.kind === 'reapply') return undefined;
  const revert = ctx.commits.get(detection.sha);
  const original = detection.reverted.map((sha) => ctx.commits.get(sha)).find((c) => c !== undefined);
  const mineRevert = sameEmail(revert?.authorEmail, ctx.me);
  const mineOriginal = detection.reverted.some((sha) => sameEmail(ctx.commits.get(sha)?.authorEmail, ctx.me));
  const what = original ? `${quote(original.subject)} (${original.sha.slice(0, 7)})` : `${quote(detection.subject)} (${detection.sha.slice(0, 7)})`;
  const partially = detection.kind === 'partial-revert' ? 'partly ' : '';

  if (mineRevert) return `You ${partially}reverted ${what}.`;
  const by = revert?.authorName || authorName(detection.author) || 'someone';
  if (mineOriginal && original) return `Your commit ${quote(original.subject)} was ${partially}reverted by ${by}.`;
  if (ctx.scope === 'all') return `${by} ${partially}reverted ${what}.`;
  return undefined;
}
