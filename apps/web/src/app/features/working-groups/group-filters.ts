import { ParamMap, Params } from '@angular/router';
import { GROUP_STATES, GroupState, WorkingGroupListQuery } from '@allmende/contracts';
import { compactParams, readOption, readPositiveInt, readText, readUuid } from '../../shared/list-params';

export const GROUP_PAGE_SIZES: readonly number[] = [12, 24, 48];
export const DEFAULT_GROUP_PAGE_SIZE = 24;

/** Filters of the group directory; they live in the URL (`?actionField=&state=&mine=true&q=&page=&pageSize=`). */
export interface GroupFilters {
  q: string;
  actionField: string | null;
  state: GroupState | null;
  mine: boolean;
  page: number;
  pageSize: number;
}

export function readGroupFilters(params: ParamMap): GroupFilters {
  const pageSize = readPositiveInt(params, 'pageSize', DEFAULT_GROUP_PAGE_SIZE, 100);
  return {
    q: readText(params, 'q'),
    actionField: readUuid(params, 'actionField'),
    state: readOption(params, 'state', GROUP_STATES),
    mine: params.get('mine') === 'true',
    page: readPositiveInt(params, 'page', 1),
    pageSize: GROUP_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_GROUP_PAGE_SIZE,
  };
}

/** URL query params for the filters; defaults are left out so plain URLs stay plain. */
export function groupQueryParams(filters: GroupFilters): Params {
  return compactParams({
    q: filters.q,
    actionField: filters.actionField,
    state: filters.state,
    mine: filters.mine ? 'true' : null,
    page: filters.page > 1 ? filters.page : null,
    pageSize: filters.pageSize !== DEFAULT_GROUP_PAGE_SIZE ? filters.pageSize : null,
  });
}

/** The API request for the filters; "only mine" needs a signed-in person. */
export function groupListQuery(filters: GroupFilters, signedIn: boolean): WorkingGroupListQuery {
  return {
    q: filters.q || undefined,
    actionField: filters.actionField ?? undefined,
    state: filters.state ?? undefined,
    mine: signedIn && filters.mine ? true : undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function hasActiveGroupFilters(filters: GroupFilters): boolean {
  return !!(filters.q || filters.actionField || filters.state || filters.mine);
}
