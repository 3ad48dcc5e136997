import { ParamMap, Params } from '@angular/router';
import { ACTOR_TYPES, ActorType, DirectoryQuery, SECTORS, Sector } from '@allmende/contracts';
import { compactParams, readOption, readPositiveInt, readText, readUuid } from '../../shared/list-params';

export const DIRECTORY_PAGE_SIZES: readonly number[] = [12, 24, 48];
export const DEFAULT_DIRECTORY_PAGE_SIZE = 24;

/** The directory's filters; they live in the URL (`?q=&actorType=&sector=&actionField=&page=&pageSize=`). */
export interface DirectoryFilters {
  q: string;
  actorType: ActorType | null;
  sector: Sector | null;
  actionField: string | null;
  page: number;
  pageSize: number;
}

export function readDirectoryFilters(params: ParamMap): DirectoryFilters {
  const pageSize = readPositiveInt(params, 'pageSize', DEFAULT_DIRECTORY_PAGE_SIZE, 100);
  return {
    q: readText(params, 'q'),
    actorType: readOption(params, 'actorType', ACTOR_TYPES),
    sector: readOption(params, 'sector', SECTORS),
    actionField: readUuid(params, 'actionField'),
    page: readPositiveInt(params, 'page', 1),
    pageSize: DIRECTORY_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_DIRECTORY_PAGE_SIZE,
  };
}

/** URL query params for the filters; defaults are left out so plain URLs stay plain. */
export function directoryQueryParams(filters: DirectoryFilters): Params {
  return compactParams({
    q: filters.q,
    actorType: filters.actorType,
    sector: filters.sector,
    actionField: filters.actionField,
    page: filters.page > 1 ? filters.page : null,
    pageSize: filters.pageSize !== DEFAULT_DIRECTORY_PAGE_SIZE ? filters.pageSize : null,
  });
}

/** The API request for the filters. */
export function directoryQuery(filters: DirectoryFilters): DirectoryQuery {
  return {
    q: filters.q || undefined,
    actorType: filters.actorType ?? undefined,
    sector: filters.sector ?? undefined,
    actionField: filters.actionField ?? undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function hasActiveFilters(filters: DirectoryFilters): boolean {
  return !!(filters.q || filters.actorType || filters.sector || filters.actionField);
}
