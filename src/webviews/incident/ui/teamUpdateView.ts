import { TONE_VERDICT_LINES } from '../../../core/teamUpdate/tone/types';
import type { BlastRadius, TeamUpdateView, ToneSuggestion, ToneVerdict, ToneView } from '../protocol';
import { button, h, icon } from './dom';
import { renderDraftText } from './draftText';
import { proseArea, section, type Editor } from './editor';

const RADIUS: Record<BlastRadius, { label: string; icon: string }> = {
  local: { label: 'Local only', icon: 'device-desktop' },
  team: { label: 'Team', icon: 'organization' },
  production: { label: 'Production', icon: 'globe' },
};

const VERDICT: Record<ToneVerdict, { label: string; icon: string }> = {
  'right-sized': { label: 'Right-sized', icon: 'pass' },
  'over-apologetic': { label: 'Over-apologetic', icon: 'warning' },
  deflecting: { label: 'Deflecting', icon: 'warning' },
  'under-owned': { label: 'Under-owned', icon: 'warning' },
};

const PART_LABEL: Record<ToneView['components'][number]['name'], string> = {
  ownership: 'Owns it',
  explanation: 'Explains',
  impact: 'Impact',
  regret: 'Apology',
  repair: 'What was done',
  prevention: 'Prevention',
};

/** What a click on a suggestion does: the host applies it and the text and tone update. */
export type ApplySuggestion = (suggestion: ToneSuggestion) => void;

function partsList(tone: ToneView): HTMLElement {
  return h(
    'ul',
    { className: 'tone-parts', attrs: { 'aria-label': 'Parts of the update' } },
    ...tone.components.map((c) =>
      h(
        'li',
        { className: `part-${c.present ? 'present' : 'missing'}${c.required ? ' part-needed' : ''}`, attrs: { title: c.sentence ?? (c.required ? 'Needed for this blast radius' : 'Not found') } },
        icon(c.present ? 'pass' : c.required ? 'circle-slash' : 'circle-large-outline'),
        `${PART_LABEL[c.name]}${c.present ? '' : c.required ? ' (missing)' : ''}`,
      ),
    ),
  );
}

function suggestionLine(s: ToneSuggestion, onApply: ApplySuggestion | undefined): HTMLElement {
  const words = s.original === '' ? `Add: “${s.replacement.trim()}”` : s.replacement ? `Try: “${s.replacement}”` : 'Try: leave it out';
  return h(
    'div',
    { className: 'tone-fix' },
    h('span', { className: 'replacement' }, words),
    onApply ? button('Apply', () => onApply(s), { icon: 'wand', title: s.original === '' ? 'Add this sentence at the end' : `Replace “${s.original}”` }) : null,
  );
}

/** Verdict badge, the parts found, and one line plus one rewrite per flag; re-rendered in place as the text changes. */
export function renderTone(container: HTMLElement, tone: ToneView | undefined, onApply?: ApplySuggestion): void {
  container.replaceChildren();
  if (!tone) return;
  const v = VERDICT[tone.verdict];
  container.append(
    h('div', { className: 'tone-head' }, h('span', { className: `badge verdict verdict-${tone.verdict}` }, icon(v.icon), ` ${v.label}`), h('span', { className: 'muted' }, TONE_VERDICT_LINES[tone.verdict])),
    partsList(tone),
  );
  if (tone.flags.length > 0) {
    container.append(
      h(
        'ul',
        { className: 'tone-flags', attrs: { 'aria-label': 'Tone suggestions' } },
        ...tone.flags.map((f) => h('li', {}, f.excerpt ? h('q', { className: 'excerpt' }, f.excerpt) : null, ' ', h('span', {}, f.explanation), suggestionLine(f.suggestion, onApply))),
      ),
    );
  }
}

/** The text that would be sent: the person's own update, else the generated draft. */
export function teamUpdateText(editor: Editor, view: TeamUpdateView): string {
  return editor.incident.sections.teamUpdate.trim() ? editor.incident.sections.teamUpdate : view.draftPlain;
}

/** The person's own text when there is some; without it the host copies the draft. */
function ownText(editor: Editor): string | undefined {
  return editor.incident.sections.teamUpdate.trim() ? editor.incident.sections.teamUpdate : undefined;
}

export function renderTeamUpdate(editor: Editor, view: TeamUpdateView, onTextChanged: (text: string, toneBox: HTMLElement) => void, onApply?: ApplySuggestion): HTMLElement {
  const r = RADIUS[view.radius];
  const toneBox = h('div', { className: 'tone', attrs: { 'aria-live': 'polite' } });
  const area = proseArea(editor, 'f-teamUpdate', () => editor.incident.sections.teamUpdate, (v) => (editor.incident.sections.teamUpdate = v), view.draft ? 'Write your own update here, or start from the draft above.' : 'Write a short update, or leave this empty.', 6);
  area.setAttribute('aria-label', 'Team update text');
  renderTone(toneBox, view.tone, onApply);

  // The draft and its button show whenever the box is empty, so clearing the box brings the draft back.
  const draftBox = view.draft ? h('div', { className: 'draft' }, h('h3', {}, 'Suggested draft'), renderDraftText(view.draft)) : null;
  const useDraft = view.draft
    ? button('Start from the draft', () => {
        editor.incident.sections.teamUpdate = view.draft.trimEnd();
        area.value = editor.incident.sections.teamUpdate;
        editor.changed(true);
        syncDraft();
        onTextChanged(teamUpdateText(editor, view), toneBox);
      }, { icon: 'edit' })
    : null;
  const syncDraft = () => {
    const empty = !editor.incident.sections.teamUpdate.trim();
    if (draftBox) draftBox.hidden = !empty;
    if (useDraft) useDraft.hidden = !empty;
  };
  syncDraft();
  area.addEventListener('input', () => {
    syncDraft();
    onTextChanged(teamUpdateText(editor, view), toneBox);
  });

  const copyMd = button('Copy as Markdown', () => editor.send({ type: 'copyTeamUpdate', format: 'markdown', text: ownText(editor) }), { icon: 'markdown' });
  const copyPlain = button('Copy as plain text', () => editor.send({ type: 'copyTeamUpdate', format: 'plain', text: ownText(editor) }), { icon: 'copy' });

  return section(
    'team-update',
    'Team update',
    'comment-discussion',
    h(
      'div',
      { className: `radius radius-${view.radius}` },
      h('span', { className: 'badge' }, icon(r.icon), ` ${r.label}`),
      h('div', {}, h('p', {}, view.reason), h('p', { className: 'muted' }, view.note)),
    ),
    draftBox,
    area,
    toneBox,
    h('div', { className: 'button-row' }, useDraft, copyMd, copyPlain, h('span', { className: 'muted small' }, icon('lock'), ' Nothing is sent anywhere; copying puts it on your clipboard.')),
  );
}
