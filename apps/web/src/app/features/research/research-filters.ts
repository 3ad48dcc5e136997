import { RESEARCH_GROUP_BYS, RESEARCH_PERIODS, ResearchGroupBy, ResearchPeriod } from '@allmende/contracts';
import { ParamMap } from '@angular/router';
import { readOption, readPositiveInt, readUuid } from '../../shared/list-params';
import type { ParticipationQuery } from './research-api';
import { exclusiveEnd, isIsoDate } from './research-format';

export type ParticipationMeasure = 'persons' | 'events';
export const PARTICIPATION_MEASURES: readonly ParticipationMeasure[] = ['persons', 'events'];

/** The dashboard's state as it stands in the URL. */
export interface ResearchFilters {
  groupBy: ResearchGroupBy;
  period: ResearchPeriod;
  /** What the participation chart and table show. */
  measure: ParticipationMeasure;
  /** First day (inclusive), `YYYY-MM-DD`. */
  from: string | null;
  /** Last day (inclusive), `YYYY-MM-DD`; the API gets the day after. */
  to: string | null;
  actionField: string | null;
  group: string | null;
  /** Continuity: at least `k` of the last `n` plenaries. */
  k: number;
  n: number;
}

export const CONTINUITY_MAX = 20;

export const DEFAULT_RESEARCH_FILTERS: ResearchFilters = {
  groupBy: 'actorType',
  period: 'quarter',
  measure: 'persons',
  from: null,
  to: null,
  actionField: null,
  group: null,
  k: 2,
  n: 4,
};

/** Filters from the URL (`?groupBy=sector&period=month&from=2024-01-01&k=3&n=6`); unknown or malformed values are ignored. */
export function readResearchFilters(params: ParamMap): ResearchFilters {
  const d = DEFAULT_RESEARCH_FILTERS;
  const n = readPositiveInt(params, 'n', d.n, CONTINUITY_MAX);
  const from = params.get('from');
  const to = params.get('to');
  return {
    groupBy: readOption(params, 'groupBy', RESEARCH_GROUP_BYS) ?? d.groupBy,
    period: readOption(params, 'period', RESEARCH_PERIODS) ?? d.period,
    measure: readOption(params, 'measure', PARTICIPATION_MEASURES) ?? d.measure,
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
    actionField: readUuid(params, 'actionField'),
    group: readUuid(params, 'group'),
    k: Math.min(readPositiveInt(params, 'k', Math.min(d.k, n), CONTINUITY_MAX), n),
    n,
  };
}

/** The URL's query parameters for the filters (defaults left out). */
export function researchQueryParams(filters: ResearchFilters): Record<string, string | number | null> {
  const d = DEFAULT_RESEARCH_FILTERS;
  const unlessDefault = <K extends keyof ResearchFilters>(key: K) => (filters[key] === d[key] ? null : (filters[key] as string | number | null));
  return {
    groupBy: unlessDefault('groupBy'),
    period: unlessDefault('period'),
    measure: unlessDefault('measure'),
    from: filters.from,
    to: filters.to,
    actionField: filters.actionField,
    group: filters.group,
    k: unlessDefault('k'),
    n: unlessDefault('n'),
  };
}

/** The period is usable: no end before its start. */
export function validPeriod(from: string | null, to: string | null): boolean {
  return !from || !to || from <= to;
}

/** The API query of the participation report (the inclusive end day becomes an exclusive bound); null for an invalid period. */
export function participationQuery(filters: ResearchFilters): ParticipationQuery | null {
  if (!validPeriod(filters.from, filters.to)) return null;
  return {
    groupBy: filters.groupBy,
    period: filters.period,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: exclusiveEnd(filters.to) } : {}),
    ...(filters.actionField ? { actionField: filters.actionField } : {}),
    ...(filters.group ? { group: filters.group } : {}),
  };
}
