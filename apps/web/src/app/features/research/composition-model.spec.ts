import type { CompositionReport } from '@allmende/contracts';
import { compositionChart, compositionModel, compositionTable } from './composition-model';

const n = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

const REPORT: CompositionReport = {
  alliance: [
    { actorType: 'science', persons: n(10) },
    { actorType: 'business', persons: n(30) },
    { actorType: 'none', persons: hidden },
  ],
  groups: [{ groupId: 'g1', name: 'Innenstadt', actorTypes: [{ actorType: 'business', persons: n(8) }, { actorType: 'science', persons: hidden }] }],
};
const label = (t: string) => ({ business: 'Unternehmen', science: 'Wissenschaft', none: 'Ohne Organisation' })[t] ?? t;

describe('composition model', () => {
  const model = compositionModel(REPORT, 'Gesamte Allianz');

  it('puts the alliance first and known actor types in their order, "none" last', () => {
    expect(model.actorTypes).toEqual(['business', 'science', 'none']);
    expect(model.rows.map((r) => [r.id, r.name, r.shown])).toEqual([
      ['alliance', 'Gesamte Allianz', 40],
      ['g1', 'Innenstadt', 8],
    ]);
    expect(model.rows[0].cells.map((c) => c.share)).toEqual([0.75, 0.25, null]);
    expect(model.suppressed).toBe(2);
  });

  it('charts shares in percent, suppressed cells as 0', () => {
    expect(compositionChart(model, label)).toEqual({
      labels: ['Gesamte Allianz', 'Innenstadt'],
      datasets: [
        { label: 'Unternehmen', data: [75, 100] },
        { label: 'Wissenschaft', data: [25, 0] },
        { label: 'Ohne Organisation', data: [0, 0] },
      ],
    });
  });

  it('tables persons and shares, "< 5" for suppressed cells', () => {
    const table = compositionTable(model, label, 'en');
    expect(table.columns).toEqual(['Unternehmen', 'Wissenschaft', 'Ohne Organisation']);
    expect(table.rows).toEqual([
      { header: 'Gesamte Allianz', cells: ['30 (75%)', '10 (25%)', '< 5'] },
      { header: 'Innenstadt', cells: ['8 (100%)', '< 5', '0 (0%)'] },
    ]);
  });
});
