import type { ContinuityReport } from '@allmende/contracts';
import { quarterIndex, quarterOf, retentionTable } from './continuity-model';

const n = (value: number) => ({ value, suppressed: false });

describe('continuity model', () => {
  it('numbers quarters', () => {
    expect(quarterIndex('2024-Q1') + 4).toBe(quarterIndex('2025-Q1'));
    expect(quarterIndex('2024-Q4') + 1).toBe(quarterIndex('2025-Q1'));
    expect(quarterIndex('2024-03')).toBeNaN();
    expect(quarterOf(new Date(2024, 4, 15))).toBe('2024-Q2');
  });

  it('lays out retention by quarters since the first one: 0 when nobody came, open for future quarters, hidden for small cohorts', () => {
    const cohorts: ContinuityReport['cohorts'] = [
      { cohort: '2024-Q1', size: n(20), retention: [{ quarter: '2024-Q1', share: 1 }, { quarter: '2024-Q3', share: 0.45 }] },
      { cohort: '2024-Q2', size: { value: null, suppressed: true }, retention: [{ quarter: '2024-Q2', share: null }] },
    ];
    const table = retentionTable(cohorts, '2024-Q3');
    expect(table.offsets).toEqual([0, 1, 2]);
    expect(table.rows[0].cells).toEqual([
      { kind: 'share', share: 1 },
      { kind: 'share', share: 0 },
      { kind: 'share', share: 0.45 },
    ]);
    expect(table.rows[1].cells).toEqual([{ kind: 'hidden' }, { kind: 'hidden' }, { kind: 'future' }]);
  });

  it('shows at most eight quarters and nothing without cohorts', () => {
    const table = retentionTable([{ cohort: '2020-Q1', size: n(9), retention: [{ quarter: '2020-Q1', share: 1 }] }], '2024-Q1');
    expect(table.offsets).toHaveLength(8);
    expect(retentionTable([], '2024-Q1')).toEqual({ offsets: [], rows: [] });
  });
});
