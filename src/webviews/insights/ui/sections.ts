/**
 * The Insights page, section by section. Every repository string (paths, refs, action text)
 * goes through `h()`, which makes text nodes, never markup.
 */
import { button, h, icon, type Child } from '../../shared/ui/dom';
import { INSIGHTS_WINDOWS, type BarSeries, type InsightsView, type InsightsWindow, type MetricCard, type UiMessage } from '../protocol';

export type Send = (message: UiMessage) => void;

/** A place for a chart: the canvas and the series it should draw, filled by the app. */
export interface ChartSlot {
  canvas: HTMLCanvasElement;
  series: BarSeries;
  kind: 'recovery' | 'months' | 'files' | 'folders';
}

export function formula(text: string): HTMLElement {
  return h('p', { className: 'formula' }, h('span', { className: 'formula-label' }, 'Formula (estimate): '), text);
}

export function renderCard(card: MetricCard): HTMLElement {
  return h(
    'section',
    { className: `metric-card${card.tone === 'good' ? ' metric-good' : ''}`, attrs: { 'aria-label': card.label, 'data-metric': card.id } },
    h('div', { className: 'metric-label' }, card.label, h('span', { className: 'badge estimate' }, 'estimate')),
    h('div', { className: 'metric-value' }, card.value),
    h('div', { className: 'metric-detail' }, card.detail),
    formula(card.formula),
  );
}

/** A canvas with a text summary for screen readers, and the same data as a table underneath. */
export function chartBlock(slots: ChartSlot[], kind: ChartSlot['kind'], series: BarSeries, summary: string, horizontal = false): HTMLElement {
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': summary } });
  slots.push({ canvas, series, kind });
  const box = h('div', { className: horizontal ? 'chart-box horizontal' : 'chart-box' }, canvas);
  // CSSOM, not a style attribute: allowed by the page's CSP. Horizontal charts grow with their rows.
  if (horizontal) box.style.height = `${Math.max(120, series.labels.length * 26 + 56)}px`;
  return h(
    'div',
    { className: 'chart' },
    box,
    h(
      'details',
      { className: 'chart-data' },
      h('summary', {}, 'Show data'),
      table(
        ['', ...series.datasets.map((d) => d.label)],
        series.labels.map((label, i) => [label, ...series.datasets.map((d) => String(d.data[i] ?? 0))]),
      ),
    ),
  );
}

export function table(headers: string[], rows: Child[][]): HTMLTableElement {
  return h(
    'table',
    { className: 'data-table' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { attrs: { scope: 'col' } }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

function empty(text: string): HTMLElement {
  return h('p', { className: 'empty muted' }, icon('info'), ' ', text);
}

function incidentLink(send: Send, relativePath: string, label = relativePath): HTMLElement {
  return h('button', { className: 'link-button', attrs: { type: 'button', title: `Open ${relativePath}` }, on: { click: () => send({ type: 'openIncident', path: relativePath }) } }, label);
}

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

export function renderRecovery(view: InsightsView, send: Send, slots: ChartSlot[]): HTMLElement {
  const r = view.recovery;
  return h(
    'section',
    { className: 'section', attrs: { 'aria-labelledby': 'ttr-title' } },
    h('h2', { id: 'ttr-title' }, icon('watch'), 'Time to recover, per revert and rollback'),
    formula(r.formula),
    r.rows.length === 0
      ? empty('No reverts or rollbacks in this window.')
      : h(
          'div',
          {},
          chartBlock(slots, 'recovery', r.chart, `Time to recover, in ${r.chart.unit ?? 'hours'}, for ${r.rows.length} reverts and rollbacks`),
          table(
            ['Recovered by', 'Source', 'Culprit landed', 'Recovered', 'Time to recover', 'Incident'],
            r.rows.map((row) => [h('code', {}, row.recoveredBy), row.source, when(row.culpritLanded), when(row.recovered), row.duration, row.incident ? incidentLink(send, row.incident) : h('span', { className: 'muted' }, 'none')]),
          ),
        ),
  );
}

export function renderPerMonth(view: InsightsView, slots: ChartSlot[]): HTMLElement {
  const m = view.perMonth;
  return h(
    'section',
    { className: 'section', attrs: { 'aria-labelledby': 'ipm-title' } },
    h('h2', { id: 'ipm-title' }, icon('calendar'), 'Incidents per month'),
    formula(m.formula),
    m.chart.labels.length === 0 ? empty('No months in this window.') : chartBlock(slots, 'months', m.chart, `Incidents and reverts without an incident per month: ${m.total} in total`),
  );
}

export function renderHotspots(view: InsightsView, slots: ChartSlot[]): HTMLElement {
  const hs = view.hotspots;
  return h(
    'section',
    { className: 'section', attrs: { 'aria-labelledby': 'hot-title' } },
    h('h2', { id: 'hot-title' }, icon('flame'), 'Hotspots'),
    formula(hs.formula),
    hs.files.labels.length === 0
      ? empty('No culprit commits in this window, so no hotspots.')
      : h(
          'div',
          { className: 'hotspot-grid' },
          h('div', {}, h('h3', {}, 'Files'), chartBlock(slots, 'files', hs.files, `Files most often changed by culprit commits`, true)),
          h('div', {}, h('h3', {}, 'Folders'), chartBlock(slots, 'folders', hs.folders, `Folders most often changed by culprit commits`, true)),
        ),
  );
}

export function renderActionAge(view: InsightsView, send: Send): HTMLElement {
  const a = view.actionAge;
  const rows = [...a.rows].sort((x, y) => y.ageDays - x.ageDays);
  return h(
    'section',
    { className: 'section', attrs: { 'aria-labelledby': 'age-title' } },
    h('h2', { id: 'age-title' }, icon('checklist'), 'Age of open action items'),
    formula(a.formula),
    rows.length === 0
      ? empty('No open action items.')
      : table(
          ['Action', 'Owner', 'Incident', 'Days open'],
          rows.map((r) => [r.action, r.owner ?? h('span', { className: 'muted' }, 'unassigned'), incidentLink(send, r.incident, r.incidentTitle || r.incident), h('span', { className: 'num' }, String(r.ageDays))]),
        ),
  );
}

const WINDOW_LABELS: Record<string, string> = { '30': 'Last 30 days', '90': 'Last 90 days', '180': 'Last 180 days', '365': 'Last 365 days', all: 'All history' };

/** The window picker: the metrics are recomputed by the host for the chosen window. */
function windowPicker(send: Send, current: InsightsWindow): HTMLElement {
  return h(
    'select',
    { attrs: { 'aria-label': 'Time window' }, on: { change: (e) => {
      const value = (e.target as HTMLSelectElement).value;
      const window = INSIGHTS_WINDOWS.find((w) => String(w) === value);
      if (window !== undefined) send({ type: 'selectWindow', window });
    } } },
    ...INSIGHTS_WINDOWS.map((w) => {
      const option = h('option', { attrs: { value: String(w) } }, WINDOW_LABELS[String(w)]);
      option.selected = w === current;
      return option;
    }),
  );
}

export function renderToolbar(send: Send, window: InsightsWindow = 180): HTMLElement {
  return h(
    'div',
    { className: 'button-row toolbar' },
    windowPicker(send, window),
    button('Refresh', () => send({ type: 'refresh' }), { icon: 'refresh' }),
    button('Export Markdown', () => send({ type: 'export', format: 'markdown' }), { icon: 'markdown' }),
    button('Export CSV', () => send({ type: 'export', format: 'csv' }), { icon: 'table' }),
  );
}
