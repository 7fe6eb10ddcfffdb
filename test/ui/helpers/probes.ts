// Functions that run inside a webview's document through frame.evaluate. Playwright sends their
// source text, so each one is self-contained (no imports, no helpers from this module). The tests
// compile without the DOM library, so the little of it they use is declared here.
interface ProbeStyle {
  color: string;
  backgroundColor: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  borderTopColor: string;
  borderTopWidth: string;
  borderTopStyle: string;
  visibility: string;
  display: string;
}
interface ProbeElement {
  tagName: string;
  id: string;
  textContent: string | null;
  parentElement: ProbeElement | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  getBoundingClientRect(): { width: number; height: number };
}
interface ProbeDocument {
  activeElement: ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
}
interface ProbeWindow {
  document: ProbeDocument;
  getComputedStyle(el: ProbeElement): ProbeStyle;
  __pwned?: unknown;
}

export interface Contrast {
  selector: string;
  text?: string;
  color?: string;
  background?: string;
  ratio?: number;
}

/**
 * WCAG contrast between each selector's first visible element's text colour and the background
 * behind it (the nearest ancestor with an opaque enough background, translucent ones blended in).
 */
export function contrastOf(selectors: string[]): Contrast[] {
  const w = globalThis as unknown as ProbeWindow;
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba | undefined => {
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as Rgba;
  const luminance = (c: Rgba) => {
    const [r, g, b] = [0, 1, 2].map((i) => {
      const v = c[i] / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return selectors.map((selector) => {
    const el = Array.from(w.document.querySelectorAll(selector)).find((e) => e.getBoundingClientRect().width > 0);
    if (!el) return { selector };
    const layers: Rgba[] = [];
    for (let e: ProbeElement | null = el; e; e = e.parentElement) {
      const bg = parse(w.getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] >= 1) break;
    }
    let background: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) background = over(layer, background);
    const fg = parse(w.getComputedStyle(el).color);
    if (!fg) return { selector, text: el.textContent?.trim(), color: w.getComputedStyle(el).color };
    const color = over(fg, background);
    const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    return {
      selector,
      text: el.textContent?.trim().slice(0, 40),
      color: w.getComputedStyle(el).color,
      background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
      ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
    };
  });
}

export interface FocusedElement {
  tag: string;
  id: string;
  type: string;
  name: string;
  focusVisible: boolean;
  outline: string;
}

/** What has keyboard focus now, the name a screen reader would announce, and its focus ring. */
export function focusedElement(): FocusedElement | undefined {
  const w = globalThis as unknown as ProbeWindow;
  const el = w.document.activeElement;
  if (!el || el.tagName === 'BODY') return undefined;
  const labelledBy = el.getAttribute('aria-labelledby');
  const forLabel = el.id ? Array.from(w.document.querySelectorAll(`label[for="${el.id}"]`))[0] : undefined;
  let wrapping: ProbeElement | null = el.parentElement;
  while (wrapping && wrapping.tagName !== 'LABEL') wrapping = wrapping.parentElement;
  const name =
    el.getAttribute('aria-label') ||
    (labelledBy ? Array.from(w.document.querySelectorAll(`#${labelledBy}`))[0]?.textContent : '') ||
    forLabel?.textContent ||
    wrapping?.textContent ||
    (el.tagName === 'BUTTON' ? el.textContent : '') ||
    el.getAttribute('title') ||
    '';
  const style = w.getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.getAttribute('type') ?? '',
    name: name.trim(),
    // A date input's focus sits on a part inside it, where the input matches :focus-within.
    focusVisible: el.matches(':focus-visible') || el.matches(':focus-within'),
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
  };
}

/** Buttons and form controls that would be announced without a name. */
export function unnamedControls(): string[] {
  const w = globalThis as unknown as ProbeWindow;
  const unnamed: string[] = [];
  for (const el of Array.from(w.document.querySelectorAll('button, input, select, textarea'))) {
    const labelled = el.id && Array.from(w.document.querySelectorAll(`label[for="${el.id}"]`)).length > 0;
    let wrapping: ProbeElement | null = el.parentElement;
    while (wrapping && wrapping.tagName !== 'LABEL') wrapping = wrapping.parentElement;
    const text = el.tagName === 'BUTTON' ? el.textContent?.trim() : '';
    if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !labelled && !wrapping && !text) {
      unnamed.push(`${el.tagName.toLowerCase()}#${el.id || '?'}`);
    }
  }
  return unnamed;
}

export interface HostileReport {
  pwned: unknown;
  subjects: string[];
  injected: string[];
}

/** Whether markup from repository text became elements or ran: it must only ever be text. */
export function hostileReport(): HostileReport {
  const w = globalThis as unknown as ProbeWindow;
  const all = Array.from(w.document.querySelectorAll('img, script, [onerror]'));
  return {
    pwned: w.__pwned,
    subjects: Array.from(w.document.querySelectorAll('.commit-head .subject')).map((e) => e.textContent ?? ''),
    injected: all
      .filter((e) => e.getAttribute('src') === 'x' || e.getAttribute('onerror') !== null || (e.textContent ?? '').includes('__pwned'))
      .map((e) => e.tagName.toLowerCase()),
  };
}

/** Border colours of the elements high contrast themes must outline, to prove they are drawn. */
export function borderOf(selectors: string[]): { selector: string; border?: string }[] {
  const w = globalThis as unknown as ProbeWindow;
  return selectors.map((selector) => {
    const el = Array.from(w.document.querySelectorAll(selector)).find((e) => e.getBoundingClientRect().width > 0);
    if (!el) return { selector };
    const s = w.getComputedStyle(el);
    return { selector, border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}` };
  });
}
