import { decisionMatrix, stageColumns, stageCounts } from './outputs-model';

describe('outputs model', () => {
  it('has every card stage as a column, unknown ones after them', () => {
    const columns = stageColumns({ byGroup: [{ groupId: null, name: 'Allianz', stages: { idea: 3, archived: 1 } }], byActionField: [] });
    expect(columns).toEqual(['idea', 'measure', 'lab', 'project', 'permanent', 'stopped', 'archived']);
    expect(stageCounts({ idea: 3, project: 2 }, columns)).toEqual({ counts: [3, 0, 0, 2, 0, 0, 0], total: 5 });
  });

  it('counts decisions by method and participation level with totals', () => {
    const m = decisionMatrix([
      { method: 'consent', participationLevel: 'co_decide', count: 4 },
      { method: 'majority', participationLevel: 'consult', count: 2 },
      { method: 'consent', participationLevel: 'inform', count: 1 },
    ]);
    expect(m.methods).toEqual(['consensus', 'consent', 'dot_voting', 'majority']);
    expect(m.levels).toEqual(['inform', 'consult', 'co_decide']);
    expect(m.counts).toEqual([
      [0, 0, 0],
      [1, 0, 4],
      [0, 0, 0],
      [0, 2, 0],
    ]);
    expect(m.methodTotals).toEqual([0, 5, 0, 2]);
    expect(m.levelTotals).toEqual([1, 2, 4]);
    expect(m.total).toBe(7);
  });
});
