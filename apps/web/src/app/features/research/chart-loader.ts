/**
 * The only module that imports Chart.js: components load it with a dynamic import,
 * so the library stays out of the initial bundle. Only what the charts use is registered.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  PointStyle,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from './chart-types';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

/** Colours with at least 3:1 contrast on white (non-text contrast), told apart also by dashes and point shapes. */
const COLOURS = ['#0062a3', '#b34700', '#00795c', '#a3346f', '#5a4a9c', '#7a6400', '#1f1f1f', '#c0392b', '#2f6f8f', '#6b6b6b'];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 4, 2, 4], [12, 6]];
const POINTS: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];

export interface ChartHandle {
  update(spec: ChartSpec): void;
  destroy(): void;
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): ChartHandle {
  const chart = new Chart(canvas, toConfig(spec));
  return {
    update(next) {
      const config = toConfig(next);
      chart.data = config.data;
      chart.options = config.options ?? {};
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function toConfig(spec: ChartSpec): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const colour = (i: number) => COLOURS[i % COLOURS.length];
  const tick = spec.percent ? (value: string | number) => `${value} %` : undefined;
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? (false as const) : undefined,
    color: '#1f1f1f',
    plugins: {
      legend: { position: 'bottom' as const, labels: { usePointStyle: spec.kind === 'line', color: '#1f1f1f' } },
      tooltip: spec.percent ? { callbacks: { label: (c: { dataset: { label?: string }; formattedValue: string }) => `${c.dataset.label}: ${c.formattedValue} %` } } : {},
    },
  };
  if (spec.kind === 'line') {
    return {
      type: 'line',
      data: {
        labels: spec.series.labels,
        datasets: spec.series.datasets.map((d, i) => ({
          label: d.label,
          data: d.data,
          borderColor: colour(i),
          backgroundColor: colour(i),
          borderDash: DASHES[i % DASHES.length],
          pointStyle: POINTS[i % POINTS.length],
          pointRadius: 4,
          spanGaps: false,
          tension: 0,
        })),
      },
      options: {
        ...common,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { color: '#1f1f1f' } },
          y: { beginAtZero: true, ticks: { precision: 0, color: '#1f1f1f', callback: tick }, title: { display: true, text: spec.valueAxis, color: '#1f1f1f' } },
        },
      },
    };
  }
  const valueAxis = {
    stacked: true,
    beginAtZero: true,
    ...(spec.percent ? { max: 100 } : {}),
    ticks: { precision: 0, color: '#1f1f1f', callback: tick },
    title: { display: true, text: spec.valueAxis, color: '#1f1f1f' },
  };
  const categoryAxis = { stacked: true, ticks: { color: '#1f1f1f' } };
  return {
    type: 'bar',
    data: {
      labels: spec.series.labels,
      datasets: spec.series.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: colour(i),
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: {
      ...common,
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}
