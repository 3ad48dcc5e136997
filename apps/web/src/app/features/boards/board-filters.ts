import type { ParamMap, Params } from '@angular/router';
import { RESPONSIBILITIES, type BoardFilter } from '@allmende/contracts';
import { readOption, readText, readUuid } from '../../shared/list-params';

/** The filter keys, as query parameters of the board page and of GET /api/boards/:id. */
export const BOARD_FILTER_KEYS = ['actionField', 'responsibility', 'label', 'person'] as const;
export type BoardFilterKey = (typeof BOARD_FILTER_KEYS)[number];

/** The board's filters from the page URL (`?actionField=&responsibility=&label=&person=`); unknown values are ignored. */
export function readBoardFilter(params: ParamMap): BoardFilter {
  const filter: BoardFilter = {};
  const actionField = readUuid(params, 'actionField');
  const responsibility = readOption(params, 'responsibility', RESPONSIBILITIES);
  const label = readText(params, 'label');
  const person = readUuid(params, 'person');
  if (actionField) filter.actionField = actionField;
  if (responsibility) filter.responsibility = responsibility;
  if (label) filter.label = label;
  if (person) filter.person = person;
  return filter;
}

/** Query params that set one filter (null removes it; merge them into the URL). */
export function filterQueryParams(filter: BoardFilter, key: BoardFilterKey, value: string | null): Params {
  const next: Params = {};
  for (const k of BOARD_FILTER_KEYS) next[k] = (k === key ? value : filter[k]) || null;
  return next;
}

/** Query params that clear every filter. */
export function clearedFilterParams(): Params {
  return Object.fromEntries(BOARD_FILTER_KEYS.map((k) => [k, null]));
}

export function hasBoardFilter(filter: BoardFilter): boolean {
  return BOARD_FILTER_KEYS.some((k) => !!filter[k]);
}

export function sameFilter(a: BoardFilter, b: BoardFilter): boolean {
  return BOARD_FILTER_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}
