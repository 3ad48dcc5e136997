import { convertToParamMap } from '@angular/router';
import { DEFAULT_RESEARCH_FILTERS, participationQuery, readResearchFilters, researchQueryParams } from './research-filters';

const FIELD = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';

describe('research filters and the URL', () => {
  const read = (params: Record<string, string>) => readResearchFilters(convertToParamMap(params));

  it('uses the defaults for an empty URL and leaves them out of it', () => {
    expect(read({})).toEqual(DEFAULT_RESEARCH_FILTERS);
    expect(researchQueryParams(DEFAULT_RESEARCH_FILTERS)).toEqual({
      groupBy: null,
      period: null,
      measure: null,
      from: null,
      to: null,
      actionField: null,
      group: null,
      k: null,
      n: null,
    });
  });

  it('reads every filter from the URL and writes it back the same', () => {
    const params = { groupBy: 'group', period: 'month', measure: 'events', from: '2024-01-01', to: '2024-06-30', actionField: FIELD, group: GROUP, k: '3', n: '6' };
    const filters = read(params);
    expect(filters).toEqual({ groupBy: 'group', period: 'month', measure: 'events', from: '2024-01-01', to: '2024-06-30', actionField: FIELD, group: GROUP, k: 3, n: 6 });
    expect(researchQueryParams(filters)).toEqual({ ...params, k: 3, n: 6 });
  });

  it('ignores unknown or malformed values', () => {
    expect(read({ groupBy: 'shoeSize', period: 'week', measure: 'x', from: '2024-13-01', to: 'soon', actionField: 'not-a-uuid', group: '1', k: '-1', n: '99' })).toEqual(
      DEFAULT_RESEARCH_FILTERS,
    );
  });

  it('keeps k within n', () => {
    expect(read({ k: '5', n: '3' })).toMatchObject({ k: 3, n: 3 });
    expect(read({ n: '1' })).toMatchObject({ k: 1, n: 1 });
  });

  it('builds the API query: only what is set, the last day made exclusive', () => {
    expect(participationQuery(DEFAULT_RESEARCH_FILTERS)).toEqual({ groupBy: 'actorType', period: 'quarter' });
    expect(participationQuery(read({ groupBy: 'sector', period: 'month', from: '2024-01-01', to: '2024-03-31', actionField: FIELD }))).toEqual({
      groupBy: 'sector',
      period: 'month',
      from: '2024-01-01',
      to: '2024-04-01',
      actionField: FIELD,
    });
  });

  it('asks nothing for a period that ends before it starts', () => {
    expect(participationQuery(read({ from: '2024-05-01', to: '2024-04-30' }))).toBeNull();
    expect(participationQuery(read({ from: '2024-05-01', to: '2024-05-01' }))).not.toBeNull();
  });
});
