/**
 * Participation insight for researchers and reports for the office. Every figure is
 * read from the participation events the platform records in normal use, counting
 * only persons with research consent at the time of the query; a cell with fewer
 * than MIN_CELL persons is suppressed (shown as "< 5").
 */
export const MIN_CELL = 5;

export type ResearchGroupBy = 'actorType' | 'sector' | 'actionField' | 'group';
export const RESEARCH_GROUP_BYS: readonly ResearchGroupBy[] = ['actorType', 'sector', 'actionField', 'group'];
export type ResearchPeriod = 'month' | 'quarter';
export const RESEARCH_PERIODS: readonly ResearchPeriod[] = ['month', 'quarter'];

export interface ResearchFilter {
  /** ISO date (inclusive). */
  from?: string;
  /** ISO date (exclusive). */
  to?: string;
  actionField?: string;
  group?: string;
}

/** A figure that may be suppressed: `value` is null when fewer than MIN_CELL persons stand behind it. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface ParticipationRow {
  /** `2024-03` or `2024-Q1`. */
  period: string;
  /** The category (actor type, sector, action field id or group id); null: none (e.g. plenary events have no group). */
  key: string | null;
  label: string;
  persons: Cell;
  events: Cell;
}

export interface ParticipationReport {
  groupBy: ResearchGroupBy;
  period: ResearchPeriod;
  rows: ParticipationRow[];
  /** Persons with research consent at query time. */
  consentingPersons: number;
}

export interface ContinuityReport {
  /** Share of consenting people who attended at least `k` of the last `n` plenary meetings. */
  k: number;
  n: number;
  plenaries: { id: string; seriesNumber: number; startsAt: string }[];
  /** People who attended at least one of the n plenaries. */
  attendees: Cell;
  atLeastK: Cell;
  share: number | null;
  /** Retention by the quarter people first took part: share still taking part in each later quarter. */
  cohorts: { cohort: string; size: Cell; retention: { quarter: string; share: number | null }[] }[];
}

export interface CompositionReport {
  /** The whole alliance (consenting persons by actor type). */
  alliance: { actorType: string; persons: Cell }[];
  groups: { groupId: string; name: string; actorTypes: { actorType: string; persons: Cell }[] }[];
}

export interface OutputsReport {
  /** Cards per stage per group (null group: the alliance board) and per action field. */
  byGroup: { groupId: string | null; name: string; stages: Record<string, number> }[];
  byActionField: { actionFieldId: string | null; name: string; stages: Record<string, number> }[];
  /** Decisions by method and participation level. */
  decisions: { method: string; participationLevel: string; count: number }[];
}

/* ---------- pseudonymised export ---------- */

export interface StudyDto {
  id: string;
  name: string;
  createdAt: string;
}

export interface CreateStudyRequest {
  name: string;
}

export type ExportFormat = 'csv' | 'json';

export interface CreateExportRequest {
  studyId: string;
  format: ExportFormat;
  from?: string;
  to?: string;
}

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

export interface ExportResult {
  id: string;
  studyId: string;
  createdAt: string;
  persons: number;
  events: number;
  /** events, persons and the codebook. */
  files: ExportFile[];
}

export interface ExportLogEntry {
  id: string;
  study: string;
  exportedBy: string;
  createdAt: string;
  filters: Record<string, unknown>;
  persons: number;
  events: number;
}

/* ---------- council report ---------- */

export interface CouncilReport {
  from: string;
  to: string;
  generatedAt: string;
  members: { total: number; byActorType: { actorType: string; persons: number; organisations: number }[] };
  meetings: { kind: string; held: number; attendance: number }[];
  plenaries: { seriesNumber: number; title: string; startsAt: string; attendance: number }[];
  groups: { state: string; count: number; names: string[] }[];
  outputs: Record<string, number>;
  decisions: { text: string; method: string; participationLevel: string; outcome: string; meetingTitle: string; decidedAt: string }[];
}
