/**
 * Tiny DOM builder. Every string becomes a text node or an attribute value, never markup, so a
 * commit subject like `<img src=x onerror=alert(1)>` shows literally. Events are attached with
 * addEventListener (inline on* handlers would be blocked by the CSP anyway).
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  /** Attribute values are set with setAttribute; names are fixed in our code, never data. */
  attrs?: Record<string, string | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.id) el.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) el.setAttribute(name, value);
  }
  for (const [name, handler] of Object.entries(props.on ?? {})) {
    if (handler) el.addEventListener(name, handler as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** A codicon glyph; decorative, so hidden from screen readers (the button carries the label). */
export function icon(name: string): HTMLSpanElement {
  return h('span', { className: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

/** A real <button> with an optional codicon; icon-only buttons must pass a label. */
export function button(
  label: string,
  onClick: () => void,
  options: { icon?: string; iconOnly?: boolean; variant?: 'primary' | 'secondary' | 'icon'; id?: string; title?: string } = {},
): HTMLButtonElement {
  const variant = options.variant ?? (options.iconOnly ? 'icon' : 'secondary');
  return h(
    'button',
    {
      className: `btn btn-${variant}`,
      id: options.id,
      attrs: { type: 'button', title: options.title ?? (options.iconOnly ? label : undefined), 'aria-label': options.iconOnly ? label : undefined },
      on: { click: () => onClick() },
    },
    options.icon ? icon(options.icon) : null,
    options.iconOnly ? null : h('span', {}, label),
  );
}

/** Grows a textarea to fit its content so long prose never hides behind a scrollbar. */
export function autoGrow(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** `YYYY-MM-DDTHH:mm` in local time, for datetime-local inputs. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
