import { h } from './dom';

/**
 * The generated draft as formatted text (bold labels, paragraphs, bullet lists) rather than raw
 * Markdown in a monospace box. Only the draft's own small Markdown subset is read; every string
 * becomes a text node, so nothing in a commit subject can become markup.
 */
function inline(text: string): (HTMLElement | string)[] {
  return text.split(/(\*\*[^*]+\*\*)/g).filter((p) => p !== '').map((p) => (/^\*\*[^*]+\*\*$/.test(p) ? h('strong', {}, p.slice(2, -2)) : p));
}

export function renderDraftText(markdown: string): HTMLElement {
  const blocks = markdown.replace(/\r\n/g, '\n').trim().split(/\n{2,}/);
  const out = h('div', { className: 'draft-text', attrs: { role: 'document', 'aria-label': 'Suggested draft' } });
  for (const block of blocks) {
    const lines = block.split('\n');
    const firstBullet = lines.findIndex((l) => /^- /.test(l));
    const lead = firstBullet < 0 ? lines : lines.slice(0, firstBullet);
    if (lead.length > 0) out.append(h('p', {}, ...inline(lead.join(' '))));
    if (firstBullet >= 0) out.append(h('ul', {}, ...lines.slice(firstBullet).map((l) => h('li', {}, ...inline(l.replace(/^- /, ''))))));
  }
  return out;
}
