/**
 * What a chart shows, independent of Chart.js (which is loaded only when a chart is drawn):
 * categories along one axis and one or more series of figures. `null` is a gap (a suppressed cell).
 */
export interface ChartSeries {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

export interface ChartSpec {
  kind: 'line' | 'stackedBar';
  series: ChartSeries;
  /** Axis title of the figures. */
  valueAxis: string;
  /** Figures are percentages (0…100): the axis ends at 100 and ticks get a %. */
  percent?: boolean;
  /** Bars run horizontally (long category names). */
  horizontal?: boolean;
}
