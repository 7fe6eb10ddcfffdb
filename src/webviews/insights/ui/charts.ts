/**
 * Bar charts with chart.js, registering only the pieces we draw (bar controller, category and
 * linear scales, tooltip, legend) so the bundle stays small. Colours come from the theme's
 * --vscode-* variables, read when a chart is built; the app rebuilds the charts on a theme change.
 *
 * CSP: chart.js sizes its canvas through CSSOM (`canvas.style.width = …`), which `style-src`
 * does not govern, and injects no stylesheet, so the page keeps `style-src ${cspSource}` with no
 * 'unsafe-inline'. Labels and tooltips are drawn on the canvas, so repository strings never
 * become markup.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { BarSeries } from '../protocol';
import { middleEllipsis } from '../labels';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  font: string;
  fontSize: number;
  /** One colour per dataset, in order. */
  series: string[];
  /** High contrast themes: outline bars instead of relying on fill colour alone. */
  highContrast: boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readThemeColors(): ThemeColors {
  const style = getComputedStyle(document.body);
  const foreground = cssVar(style, '--vscode-charts-foreground', cssVar(style, '--vscode-foreground', '#cccccc'));
  return {
    foreground,
    muted: cssVar(style, '--vscode-descriptionForeground', foreground),
    grid: cssVar(style, '--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    font: cssVar(style, '--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(cssVar(style, '--vscode-font-size', '13')) || 13,
    // Not charts-orange: Dark Modern defines it translucent, which reads as brown on the editor background.
    series: [cssVar(style, '--vscode-charts-blue', '#3794ff'), cssVar(style, '--vscode-charts-red', '#f14c4c'), cssVar(style, '--vscode-charts-purple', '#b180d7')],
    highContrast: document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light'),
  };
}

export interface BarOptions {
  /** Horizontal bars (long labels such as file paths). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Axis title of the value axis. */
  valueLabel: string;
  /** Whole numbers only on the value axis (counts). */
  integer?: boolean;
  legend?: boolean;
}

export function barChart(canvas: HTMLCanvasElement, series: BarSeries, theme: ThemeColors, o: BarOptions): Chart<'bar'> {
  const valueAxis = o.horizontal ? 'x' : 'y';
  const categoryAxis = o.horizontal ? 'y' : 'x';
  const tick = { color: theme.foreground, font: { family: theme.font, size: theme.fontSize } };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: series.labels,
      datasets: series.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: theme.series[i % theme.series.length],
        borderColor: theme.highContrast ? theme.foreground : theme.series[i % theme.series.length],
        borderWidth: theme.highContrast ? 1 : 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: categoryAxis === 'y' ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: o.legend ?? false, labels: { color: theme.foreground, font: { family: theme.font, size: theme.fontSize } } },
        // The tooltip's title is the full label (a whole path), however the axis shortened it.
        tooltip: { titleFont: { family: theme.font }, bodyFont: { family: theme.font } },
      },
      scales: {
        [categoryAxis]: {
          stacked: o.stacked ?? false,
          // Long labels (paths) are shortened in the middle, never clipped at the start.
          ticks: { ...tick, autoSkip: !o.horizontal, callback: (value: string | number) => middleEllipsis(series.labels[Number(value)] ?? String(value), o.horizontal ? 36 : 16) },
          grid: { display: false },
          border: { color: theme.grid },
        },
        [valueAxis]: {
          stacked: o.stacked ?? false,
          beginAtZero: true,
          ticks: { ...tick, color: theme.muted, ...(o.integer ? { precision: 0 } : {}) },
          grid: { color: theme.grid },
          border: { display: false },
          title: { display: true, text: series.unit ?? o.valueLabel, color: theme.muted, font: { family: theme.font, size: theme.fontSize } },
        },
      },
    },
  };
  return new Chart(canvas, config);
}
