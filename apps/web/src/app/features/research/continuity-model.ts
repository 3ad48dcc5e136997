import type { Cell, ContinuityReport } from '@allmende/contracts';

/** One cell of the retention table. */
export type RetentionCell =
  | { kind: 'share'; share: number }
  /** Not shown: the cohort has fewer than 5 persons. */
  | { kind: 'hidden' }
  /** The quarter has not come yet. */
  | { kind: 'future' };

export interface RetentionTable {
  /** Quarters after the first one: 0 (the cohort's own quarter), 1, 2, … */
  offsets: number[];
  rows: { cohort: string; size: Cell; cells: RetentionCell[] }[];
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** `2024-Q2` → a running number of quarters (NaN for anything else). */
export function quarterIndex(quarter: string): number {
  const m = QUARTER.exec(quarter);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : Number.NaN;
}

/** The quarter a date falls in, e.g. `2024-Q2`. */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The API's retention window: the first quarter and the seven after it. */
export const RETENTION_QUARTERS = 8;

/**
 * The cohorts as a table by quarters since the first one. A quarter without an entry that has already
 * begun means nobody of the cohort took part (0 %); later quarters are left open.
 */
export function retentionTable(cohorts: ContinuityReport['cohorts'], currentQuarter: string): RetentionTable {
  const now = quarterIndex(currentQuarter);
  const starts = cohorts.map((c) => quarterIndex(c.cohort)).filter((i) => !Number.isNaN(i));
  const span = starts.length ? Math.min(RETENTION_QUARTERS, now - Math.min(...starts) + 1) : 0;
  const offsets = Array.from({ length: Math.max(span, starts.length ? 1 : 0) }, (_, i) => i);
  return {
    offsets,
    rows: cohorts.map((c) => {
      const start = quarterIndex(c.cohort);
      const byOffset = new Map(c.retention.map((r) => [quarterIndex(r.quarter) - start, r.share]));
      return {
        cohort: c.cohort,
        size: c.size,
        cells: offsets.map((offset): RetentionCell => {
          if (start + offset > now) return { kind: 'future' };
          if (c.size.suppressed) return { kind: 'hidden' };
          const share = byOffset.get(offset);
          if (share === null) return { kind: 'hidden' };
          return { kind: 'share', share: share ?? 0 };
        }),
      };
    }),
  };
}
