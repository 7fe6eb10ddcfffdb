import type { Lessons } from '../../../core/incidents/model';
import { h } from './dom';
import { field, proseArea, section, type Editor } from './editor';

type ProseKey = 'impact' | 'whatHappened' | 'rootCause';

const PROSE: Record<ProseKey, { title: string; icon: string; placeholder: string; hint?: string }> = {
  impact: { title: 'Impact', icon: 'pulse', placeholder: 'What did users see? Since when? How many were affected?' },
  whatHappened: { title: 'What happened', icon: 'note', placeholder: 'In order: what changed, how it was noticed, what you did to stop it.' },
  rootCause: {
    title: 'Root cause and contributing factors',
    icon: 'search',
    placeholder: 'Why did the change break things, and why did nothing catch it before it shipped?',
    hint: 'Look for gaps in tests, review and rollout, not for someone to blame.',
  },
};

export function renderProse(editor: Editor, key: ProseKey): HTMLElement {
  const p = PROSE[key];
  const area = proseArea(editor, `f-${key}`, () => editor.incident.sections[key], (v) => (editor.incident.sections[key] = v), p.placeholder, 3);
  area.setAttribute('aria-label', p.title);
  return section(key, p.title, p.icon, area, p.hint ? h('p', { className: 'hint' }, p.hint) : null);
}

const LESSONS: [keyof Lessons, string, string][] = [
  ['wentWell', 'What went well', 'The alert fired quickly; the revert was one command…'],
  ['wentWrong', 'What went wrong', 'The test suite did not cover the empty-cart case…'],
  ['gotLucky', 'Where we got lucky', 'It happened on a quiet Sunday…'],
];

export function renderLessons(editor: Editor): HTMLElement {
  const lessons = editor.incident.sections.lessons;
  return section(
    'lessons',
    'Lessons',
    'lightbulb',
    h(
      'div',
      { className: 'lessons-grid' },
      ...LESSONS.map(([key, label, placeholder]) => field(label, proseArea(editor, `f-lesson-${key}`, () => lessons[key], (v) => (lessons[key] = v), placeholder, 2))),
    ),
  );
}
