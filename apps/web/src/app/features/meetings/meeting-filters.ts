import { MEETING_KINDS, MeetingKind, MeetingListQuery } from '@allmende/contracts';
import { ParamMap } from '@angular/router';
import { readOption, readPositiveInt } from '../../shared/list-params';

export type MeetingTab = 'upcoming' | 'past';

export interface MeetingFilters {
  tab: MeetingTab;
  kind: MeetingKind | null;
  mine: boolean;
  page: number;
}

export const MEETING_PAGE_SIZE = 20;

/** Filters from the URL (`?tab=past&kind=plenary&mine=true&page=2`); unknown values are ignored. */
export function readMeetingFilters(params: ParamMap): MeetingFilters {
  return {
    tab: readOption(params, 'tab', ['upcoming', 'past'] as const) ?? 'upcoming',
    kind: readOption(params, 'kind', MEETING_KINDS),
    mine: params.get('mine') === 'true',
    page: readPositiveInt(params, 'page', 1),
  };
}

/** The URL's query parameters for filters (defaults left out). */
export function meetingQueryParams(filters: MeetingFilters): Record<string, string | number | null> {
  return {
    tab: filters.tab === 'past' ? 'past' : null,
    kind: filters.kind,
    mine: filters.mine ? 'true' : null,
    page: filters.page > 1 ? filters.page : null,
  };
}

/**
 * The API query: upcoming meetings end after `now` (a running meeting is still
 * upcoming), past ones started before it; "mine" only for signed-in persons.
 */
export function meetingListQuery(filters: MeetingFilters, now: Date, signedIn: boolean): MeetingListQuery {
  const at = now.toISOString();
  return {
    ...(filters.tab === 'past' ? { to: at } : { from: at }),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.mine && signedIn ? { mine: true } : {}),
    page: filters.page,
    pageSize: MEETING_PAGE_SIZE,
  };
}
