import type { Cell, ParticipationReport, ParticipationRow } from '@allmende/contracts';
import { Language } from '../../core/i18n/language';
import type { ChartSeries } from './chart-types';
import { chartValue, formatCell, formatPeriod } from './research-format';
import type { ParticipationMeasure } from './research-filters';

export interface ParticipationCategory {
  /** null: events without such a category (e.g. plenaries have no group). */
  key: string | null;
  label: string;
}

/** A participation report as a grid: periods × categories. */
export interface ParticipationModel {
  /** Period keys in order (`2024-Q1`, …). */
  periods: string[];
  categories: ParticipationCategory[];
  /** `cells[c][p]`: the figure of category c in period p; null: no row, i.e. nobody took part. */
  cells: (Cell | null)[][];
  /** How many cells are suppressed ("< 5"). */
  suppressed: number;
}

/**
 * Turns the report's rows into a grid of the chosen measure. Categories are ordered by
 * `order` (e.g. the actor types), then by label; the category without a key comes last.
 */
export function participationModel(
  report: ParticipationReport,
  measure: ParticipationMeasure,
  labelOf: (row: Pick<ParticipationRow, 'key' | 'label'>) => string,
  order: readonly string[] = [],
): ParticipationModel {
  const periods = [...new Set(report.rows.map((r) => r.period))].sort();
  const byKey = new Map<string | null, ParticipationCategory>();
  for (const row of report.rows) {
    if (!byKey.has(row.key)) byKey.set(row.key, { key: row.key, label: labelOf(row) });
  }
  const rank = (c: ParticipationCategory) => {
    if (c.key === null) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(c.key);
    return i < 0 ? order.length : i;
  };
  const categories = [...byKey.values()].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));

  const cells = categories.map(() => periods.map((): Cell | null => null));
  const catIndex = new Map(categories.map((c, i) => [c.key, i]));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  let suppressed = 0;
  for (const row of report.rows) {
    const c = catIndex.get(row.key);
    const p = periodIndex.get(row.period);
    if (c === undefined || p === undefined) continue; // cannot happen: both were taken from the rows
    const cell = row[measure];
    cells[c][p] = cell;
    if (cell.suppressed) suppressed++;
  }
  return { periods, categories, cells, suppressed };
}

/** One line per category over the periods; suppressed cells are gaps (null), periods without a row are 0. */
export function participationChart(model: ParticipationModel, lang: Language): ChartSeries {
  return {
    labels: model.periods.map((p) => formatPeriod(p, lang)),
    datasets: model.categories.map((category, c) => ({
      label: category.label,
      data: model.cells[c].map(chartValue),
    })),
  };
}

export interface DataTable {
  /** Column headers after the row header column. */
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

/** The same figures as a table: one row per period, one column per category, "< 5" for suppressed cells. */
export function participationTable(model: ParticipationModel, lang: Language): DataTable {
  return {
    columns: model.categories.map((c) => c.label),
    rows: model.periods.map((period, p) => ({
      header: formatPeriod(period, lang),
      cells: model.categories.map((_, c) => formatCell(model.cells[c][p], lang)),
    })),
  };
}

/** A short text for the chart's aria-label: what it shows and its latest figures. */
export function participationSummary(model: ParticipationModel, lang: Language): { periods: number; categories: number; first: string; last: string } {
  return {
    periods: model.periods.length,
    categories: model.categories.length,
    first: model.periods.length ? formatPeriod(model.periods[0], lang) : '',
    last: model.periods.length ? formatPeriod(model.periods[model.periods.length - 1], lang) : '',
  };
}
