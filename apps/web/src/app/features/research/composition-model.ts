import { ACTOR_TYPES, Cell, CompositionReport } from '@allmende/contracts';
import { Language } from '../../core/i18n/language';
import type { ChartSeries } from './chart-types';
import type { DataTable } from './participation-model';
import { formatCell, formatShare } from './research-format';

export interface CompositionRow {
  /** `alliance` or the group's id. */
  id: string;
  name: string;
  /** Persons in the shown (not suppressed) cells. */
  shown: number;
  cells: { cell: Cell | null; share: number | null }[];
}

export interface CompositionModel {
  /** Actor types as columns: the known ones in their order, then others (e.g. `none`: no organisation). */
  actorTypes: string[];
  /** The alliance first, then the groups. */
  rows: CompositionRow[];
  suppressed: number;
}

/** Actor types of each group against the whole alliance; shares are of the persons in shown cells. */
export function compositionModel(report: CompositionReport, allianceName: string): CompositionModel {
  const entries = [
    { id: 'alliance', name: allianceName, actorTypes: report.alliance },
    ...report.groups.map((g) => ({ id: g.groupId, name: g.name, actorTypes: g.actorTypes })),
  ];
  const present = new Set(entries.flatMap((e) => e.actorTypes.map((a) => a.actorType)));
  const known = ACTOR_TYPES.filter((a) => present.has(a));
  const others = [...present].filter((a) => !(ACTOR_TYPES as readonly string[]).includes(a)).sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
  const actorTypes = [...known, ...others];

  let suppressed = 0;
  const rows = entries.map((entry): CompositionRow => {
    const byType = new Map(entry.actorTypes.map((a) => [a.actorType, a.persons]));
    const shown = entry.actorTypes.reduce((sum, a) => sum + (a.persons.suppressed ? 0 : (a.persons.value ?? 0)), 0);
    const cells = actorTypes.map((type) => {
      const cell = byType.get(type) ?? null;
      if (cell?.suppressed) suppressed++;
      const value = cell === null ? 0 : cell.suppressed ? null : cell.value;
      return { cell, share: value === null || shown === 0 ? null : value / shown };
    });
    return { id: entry.id, name: entry.name, shown, cells };
  });
  return { actorTypes, rows, suppressed };
}

/** Stacked bars (one per group and the alliance), a segment per actor type, in percent; suppressed cells are 0. */
export function compositionChart(model: CompositionModel, actorTypeLabel: (type: string) => string): ChartSeries {
  return {
    labels: model.rows.map((r) => r.name),
    datasets: model.actorTypes.map((type, t) => ({
      label: actorTypeLabel(type),
      data: model.rows.map((r) => Math.round((r.cells[t].share ?? 0) * 1000) / 10),
    })),
  };
}

/** Persons and share per actor type ("12 (30 %)"; "< 5" when suppressed). */
export function compositionTable(model: CompositionModel, actorTypeLabel: (type: string) => string, lang: Language): DataTable {
  return {
    columns: model.actorTypes.map(actorTypeLabel),
    rows: model.rows.map((row) => ({
      header: row.name,
      cells: row.cells.map(({ cell, share }) => (cell?.suppressed ? formatCell(cell, lang) : `${formatCell(cell, lang)} (${formatShare(share ?? 0, lang)})`)),
    })),
  };
}
