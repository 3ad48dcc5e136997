import { ParamMap, Params } from '@angular/router';
import { SEARCH_KINDS, SearchKind } from '@allmende/contracts';
import { compactParams, readOption, readPositiveInt } from '../../shared/list-params';

/** The API needs at least this many characters. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_PAGE_SIZES: readonly number[] = [10, 20, 50];
export const DEFAULT_SEARCH_PAGE_SIZE = 20;

/** The search in the URL: `/search?q=&kind=&page=&pageSize=` (kind, page and size only when one kind is shown). */
export interface SearchParams {
  q: string;
  kind: SearchKind | null;
  page: number;
  pageSize: number;
}

export function readSearchParams(params: ParamMap): SearchParams {
  const pageSize = readPositiveInt(params, 'pageSize', DEFAULT_SEARCH_PAGE_SIZE, 100);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    kind: readOption(params, 'kind', SEARCH_KINDS),
    page: readPositiveInt(params, 'page', 1),
    pageSize: SEARCH_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_SEARCH_PAGE_SIZE,
  };
}

/** URL query params; defaults are left out so plain URLs stay plain. */
export function searchQueryParams(params: SearchParams): Params {
  return compactParams({
    q: params.q,
    kind: params.kind,
    page: params.kind && params.page > 1 ? params.page : null,
    pageSize: params.kind && params.pageSize !== DEFAULT_SEARCH_PAGE_SIZE ? params.pageSize : null,
  });
}

export const sameSearchParams = (a: SearchParams, b: SearchParams) =>
  a.q === b.q && a.kind === b.kind && a.page === b.page && a.pageSize === b.pageSize;
