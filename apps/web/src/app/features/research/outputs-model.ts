import { CARD_STAGES, DECISION_METHODS, OutputsReport, PARTICIPATION_LEVELS } from '@allmende/contracts';

/** Known values in their order, then any others the API sent (sorted). */
function columnsOf(known: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((s) => !known.includes(s)).sort();
  return [...known, ...extra];
}

/** The stages as table columns: all card stages in board order, then any unknown ones. */
export function stageColumns(report: Pick<OutputsReport, 'byGroup' | 'byActionField'>): string[] {
  return columnsOf(CARD_STAGES, [...report.byGroup, ...report.byActionField].flatMap((e) => Object.keys(e.stages)));
}

/** Cards per stage of one entry, 0 where none; and the row total. */
export function stageCounts(stages: Record<string, number>, columns: readonly string[]): { counts: number[]; total: number } {
  const counts = columns.map((s) => stages[s] ?? 0);
  return { counts, total: counts.reduce((a, b) => a + b, 0) };
}

export interface DecisionMatrix {
  methods: string[];
  levels: string[];
  /** `counts[m][l]`. */
  counts: number[][];
  levelTotals: number[];
  methodTotals: number[];
  total: number;
}

/** Decisions by method (rows) and participation level (columns), with totals. */
export function decisionMatrix(decisions: OutputsReport['decisions']): DecisionMatrix {
  const methods = columnsOf(DECISION_METHODS, decisions.map((d) => d.method));
  const levels = columnsOf(PARTICIPATION_LEVELS, decisions.map((d) => d.participationLevel));
  const counts = methods.map(() => levels.map(() => 0));
  for (const d of decisions) counts[methods.indexOf(d.method)][levels.indexOf(d.participationLevel)] += d.count;
  const methodTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const levelTotals = levels.map((_, l) => counts.reduce((sum, row) => sum + row[l], 0));
  return { methods, levels, counts, levelTotals, methodTotals, total: methodTotals.reduce((a, b) => a + b, 0) };
}
