/**
 * The team update as people see it: the draft sized to the blast radius, why, and the tone of
 * the text that will be sent. Types and text helpers only (no git, no Node), so the panel's
 * protocol can name them; `core/facts/teamUpdateView.ts` builds the view from git facts.
 */
import type { BlastRadius } from '../commits/types';
import type { ToneResult } from './toneCheck';

export interface TeamUpdateView {
  radius: BlastRadius;
  /** Why the radius is what it is, in one sentence. */
  reason: string;
  /** How big a message this needs, from the draft generator. */
  note: string;
  /** A generated starting point scaled to the radius, as Markdown and as plain text. */
  draft: string;
  draftPlain: string;
  /** True for a local-only breakage: we say a message is probably not needed. */
  noMessageNeeded: boolean;
  /** Tone of the text the person will actually send (their edit, else the draft). */
  tone: ToneResult;
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
