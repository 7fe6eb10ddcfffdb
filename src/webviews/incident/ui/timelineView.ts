import type { TimelineEntry } from '../protocol';
import type { TimelineSource } from '../../../core/incidents/model';
import { button, formatDate, h, toLocalInputValue } from './dom';
import { section, type Editor } from './editor';

const SOURCE_LABELS: Record<TimelineSource, string> = { git: 'git', deploy: 'deploy', 'own-it': 'Own It', manual: 'added by you' };

function row(editor: Editor, e: TimelineEntry): HTMLElement {
  const remove =
    e.manualIndex !== undefined
      ? button('Remove this event', () => {
          editor.incident.events.splice(e.manualIndex as number, 1);
          editor.changed(true);
        }, { icon: 'trash', iconOnly: true })
      : null;
  return h(
    'li',
    { className: `timeline-row source-${e.source}` },
    h('time', { attrs: { datetime: e.at } }, formatDate(e.at)),
    h('span', { className: 'event-text' }, e.text),
    h('span', { className: `badge source-badge`, attrs: { title: e.auto ? 'Derived from the repository each time the incident opens' : 'Written in the incident file' } }, SOURCE_LABELS[e.source]),
    remove,
  );
}

/**
 * Automatic rows come from the host (derived from git); manual rows come from the working copy,
 * so an added event shows at once, before the save round-trip.
 */
export function renderTimeline(editor: Editor): HTMLElement {
  const auto = editor.view.timeline.filter((e) => e.auto);
  const manual: TimelineEntry[] = editor.incident.events.map((e, i) => ({ ...e, auto: false, manualIndex: i }));
  const all = [...auto, ...manual]
    .map((e, order) => ({ e, order, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.order - b.order : a.t - b.t))
    .map((x) => x.e);

  const when = h('input', { id: 'f-event-at', attrs: { type: 'datetime-local', 'aria-label': 'When' } });
  when.value = toLocalInputValue(new Date());
  const what = h('input', { id: 'f-event-text', attrs: { type: 'text', placeholder: 'What happened then? e.g. "Support reported failed logins"', 'aria-label': 'Event' } });
  const add = () => {
    const text = what.value.trim();
    if (!text) {
      what.focus();
      return;
    }
    const at = new Date(when.value);
    editor.incident.events.push({ at: Number.isNaN(at.getTime()) ? new Date().toISOString() : at.toISOString(), text, source: 'manual' });
    editor.changed(true);
  };
  what.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      add();
    }
  });
  return section(
    'timeline',
    'Timeline',
    'history',
    all.length > 0 ? h('ol', { className: 'timeline' }, ...all.map((e) => row(editor, e))) : h('p', { className: 'muted' }, 'No events yet.'),
    h('div', { className: 'add-row', attrs: { role: 'group', 'aria-label': 'Add a timeline event' } }, when, what, button('Add event', add, { icon: 'add' })),
  );
}
