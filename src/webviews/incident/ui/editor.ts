import type { Incident } from '../../../core/incidents/model';
import type { IncidentViewState, UiCommand } from '../protocol';
import { autoGrow, h } from './dom';

/** What section renderers need from the app: the working copy and ways to report edits. */
export interface Editor {
  readonly incident: Incident;
  readonly view: IncidentViewState;
  /** A field changed; `rerender` when rows were added or removed. */
  changed(rerender?: boolean): void;
  send(command: UiCommand): void;
}

let fieldCounter = 0;

/** A labelled field: the label is a real <label for>, so clicking it focuses the input. */
export function field(label: string, control: HTMLElement, hint?: string, className = 'field'): HTMLElement {
  const id = control.id || `f${++fieldCounter}`;
  control.id = id;
  const hintEl = hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { className }, h('label', { attrs: { for: id } }, label), control, hintEl);
}

/** An auto-growing textarea bound to one string of the working copy. */
export function proseArea(editor: Editor, id: string, get: () => string, set: (v: string) => void, placeholder: string, rows = 3): HTMLTextAreaElement {
  const area = h('textarea', { id, attrs: { rows: String(rows), placeholder, spellcheck: 'true' } });
  area.value = get();
  area.addEventListener('input', () => {
    set(area.value);
    autoGrow(area);
    editor.changed();
  });
  // Growing needs layout, which exists only once the element is in the document.
  requestAnimationFrame(() => autoGrow(area));
  return area;
}

export function textInput(id: string, value: string, onInput: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { id, attrs: { type: 'text', ...attrs } });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

export function select<T extends string>(id: string, options: readonly T[], value: T, onChange: (v: T) => void, labels?: Record<T, string>): HTMLSelectElement {
  const el = h('select', { id }, ...options.map((o) => h('option', { attrs: { value: o } }, labels?.[o] ?? o)));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value as T));
  return el;
}

export function section(id: string, title: string, iconName: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    { className: 'section', id, attrs: { 'aria-labelledby': `${id}-h` } },
    h('h2', { id: `${id}-h` }, h('span', { className: `codicon codicon-${iconName}`, attrs: { 'aria-hidden': 'true' } }), title),
    ...body,
  );
}
