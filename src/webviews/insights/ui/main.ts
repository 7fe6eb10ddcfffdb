import type { Chart } from 'chart.js';
import { append, h, icon } from '../../shared/ui/dom';
import { HostChannel } from '../../shared/ui/hostChannel';
import type { HostMessage, InsightsState, PersistedInsightsState, UiMessage } from '../protocol';
import { barChart, readThemeColors, type BarOptions } from './charts';
import { renderActionAge, renderCard, renderHotspots, renderPerMonth, renderRecovery, renderToolbar, type ChartSlot } from './sections';

const CHART_OPTIONS: Record<ChartSlot['kind'], BarOptions> = {
  recovery: { valueLabel: 'hours', legend: false },
  months: { valueLabel: 'count', stacked: true, integer: true, legend: true },
  files: { valueLabel: 'culprit commits', horizontal: true, integer: true },
  folders: { valueLabel: 'culprit commits', horizontal: true, integer: true },
};

/**
 * The Insights UI: renders the host's view model, draws the charts, and redraws them when the
 * theme changes (the workbench swaps the body's vscode-light/dark/high-contrast class).
 */
class InsightsApp {
  private readonly root = document.getElementById('app') as HTMLElement;
  private readonly channel = new HostChannel<HostMessage, UiMessage, PersistedInsightsState>((m) => this.onMessage(m));
  private readonly status = h('p', { className: 'status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  private state: InsightsState | undefined;
  private slots: ChartSlot[] = [];
  private charts: Chart<'bar'>[] = [];

  start(): void {
    new MutationObserver(() => this.drawCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.channel.ready();
  }

  private onMessage(m: HostMessage): void {
    switch (m.type) {
      case 'loading':
        this.channel.state = { repoRoot: m.repoRoot };
        if (this.state?.repoRoot === m.repoRoot) this.status.textContent = 'Recomputing…';
        else this.renderMessage('Computing insights from git history and incident files…', 'loading~spin');
        return;
      case 'state':
        this.state = m.state;
        this.channel.state = { repoRoot: m.state.repoRoot };
        this.render();
        return;
      case 'error':
        this.state = undefined;
        this.renderMessage(`Insights could not be computed: ${m.message}`, 'warning');
        return;
      case 'exported':
        this.status.textContent = `Exported ${m.format === 'markdown' ? 'Markdown' : 'CSV'} to ${m.path}`;
        return;
    }
  }

  private renderMessage(text: string, codicon: string): void {
    this.destroyCharts();
    this.root.replaceChildren(h('p', { className: 'loading' }, icon(codicon), ' ', text));
    this.root.setAttribute('aria-busy', codicon.startsWith('loading') ? 'true' : 'false');
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    const { view } = state;
    const send = (message: UiMessage) => this.channel.send(message);
    this.status.textContent = '';
    this.slots = [];
    const repoPicker =
      state.repositories.length > 1
        ? h(
            'select',
            { attrs: { 'aria-label': 'Repository' }, on: { change: (e) => send({ type: 'selectRepository', repoRoot: (e.target as HTMLSelectElement).value }) } },
            ...state.repositories.map((r) => {
              const option = h('option', { attrs: { value: r.root } }, r.name);
              option.selected = r.root === state.repoRoot;
              return option;
            }),
          )
        : null;
    this.root.replaceChildren();
    append(
      this.root,
      h(
        'header',
        { className: 'insights-header' },
        h('div', { className: 'title-row' }, h('h1', {}, icon('graph'), 'Insights'), h('span', { className: 'repo-name' }, view.repoName), repoPicker),
        h('p', { className: 'muted' }, state.window === 'all' ? `All history, to ${view.until}` : `${view.since} to ${view.until}`),
        renderToolbar(send, state.window),
        this.status,
      ),
      h('div', { className: 'banner estimate-note', attrs: { role: 'note' } }, icon('info'), h('span', {}, view.note)),
      view.unreadableIncidentFiles.length > 0
        ? h('p', { className: 'notice' }, icon('warning'), `Left out (unreadable): ${view.unreadableIncidentFiles.join(', ')}`)
        : null,
      h('div', { className: 'cards' }, ...view.cards.map(renderCard)),
      renderRecovery(view, send, this.slots),
      renderPerMonth(view, this.slots),
      renderHotspots(view, this.slots),
      renderActionAge(view, send),
    );
    this.root.setAttribute('aria-busy', 'false');
    this.drawCharts();
  }

  /** (Re)draws every chart with the current theme's colours. */
  private drawCharts(): void {
    this.destroyCharts();
    if (this.slots.length === 0) return;
    const theme = readThemeColors();
    this.charts = this.slots.map((s) => barChart(s.canvas, s.series, theme, CHART_OPTIONS[s.kind]));
  }

  private destroyCharts(): void {
    for (const c of this.charts.splice(0)) c.destroy();
  }
}

new InsightsApp().start();
