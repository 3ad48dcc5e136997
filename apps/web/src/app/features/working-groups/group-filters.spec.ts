import { convertToParamMap } from '@angular/router';
import { groupListQuery, groupQueryParams, hasActiveGroupFilters, readGroupFilters } from './group-filters';

const FIELD = '11111111-1111-4111-8111-111111111111';

describe('group filters', () => {
  it('reads the filters from the URL and drops unknown values', () => {
    expect(
      readGroupFilters(convertToParamMap({ q: '  Werkstatt ', actionField: FIELD, state: 'dormant', mine: 'true', page: '3', pageSize: '48' })),
    ).toEqual({ q: 'Werkstatt', actionField: FIELD, state: 'dormant', mine: true, page: 3, pageSize: 48 });

    expect(
      readGroupFilters(convertToParamMap({ actionField: 'handwerk', state: 'sleeping', mine: 'yes', page: '0', pageSize: '13' })),
    ).toEqual({ q: '', actionField: null, state: null, mine: false, page: 1, pageSize: 24 });
  });

  it('writes only what differs from the defaults into the URL', () => {
    const filters = readGroupFilters(convertToParamMap({}));
    expect(groupQueryParams(filters)).toEqual({});
    expect(groupQueryParams({ ...filters, state: 'active', mine: true, page: 2, pageSize: 12 })).toEqual({
      state: 'active',
      mine: 'true',
      page: 2,
      pageSize: 12,
    });
  });

  it('asks the API for "only mine" only when signed in', () => {
    const filters = { q: 'Werk', actionField: FIELD, state: null, mine: true, page: 1, pageSize: 24 };
    expect(groupListQuery(filters, true)).toEqual({ q: 'Werk', actionField: FIELD, state: undefined, mine: true, page: 1, pageSize: 24 });
    expect(groupListQuery(filters, false).mine).toBeUndefined();
    expect(hasActiveGroupFilters(filters)).toBe(true);
    expect(hasActiveGroupFilters({ ...filters, q: '', actionField: null, mine: false })).toBe(false);
  });
});
