import { ParamMap, Params } from '@angular/router';
import { ACTOR_TYPES, ActorType, SECTORS, Sector } from '@allmende/contracts';
import { compactParams, readOption, readPositiveInt, readText } from '../../shared/list-params';
import { OrganisationListQuery } from './organisations-api';

export const ORGANISATION_PAGE_SIZES: readonly number[] = [10, 25, 50];
export const DEFAULT_ORGANISATION_PAGE_SIZE = 25;

/** Filters of the organisation list; they live in the URL. */
export interface OrganisationFilters {
  q: string;
  actorType: ActorType | null;
  sector: Sector | null;
  page: number;
  pageSize: number;
}

export function readOrganisationFilters(params: ParamMap): OrganisationFilters {
  const pageSize = readPositiveInt(params, 'pageSize', DEFAULT_ORGANISATION_PAGE_SIZE, 100);
  return {
    q: readText(params, 'q'),
    actorType: readOption(params, 'actorType', ACTOR_TYPES),
    sector: readOption(params, 'sector', SECTORS),
    page: readPositiveInt(params, 'page', 1),
    pageSize: ORGANISATION_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_ORGANISATION_PAGE_SIZE,
  };
}

export function organisationQueryParams(filters: OrganisationFilters): Params {
  return compactParams({
    q: filters.q,
    actorType: filters.actorType,
    sector: filters.sector,
    page: filters.page > 1 ? filters.page : null,
    pageSize: filters.pageSize !== DEFAULT_ORGANISATION_PAGE_SIZE ? filters.pageSize : null,
  });
}

export function organisationQuery(filters: OrganisationFilters): OrganisationListQuery {
  return {
    q: filters.q || undefined,
    actorType: filters.actorType ?? undefined,
    sector: filters.sector ?? undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
