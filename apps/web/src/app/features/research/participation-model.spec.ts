import type { ParticipationReport, ParticipationRow } from '@allmende/contracts';
import { participationChart, participationModel, participationSummary, participationTable } from './participation-model';

const n = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const row = (period: string, key: string | null, persons: ParticipationRow['persons'], events: ParticipationRow['events'] = persons): ParticipationRow => ({
  period,
  key,
  label: key ?? '',
  persons,
  events,
});

const REPORT: ParticipationReport = {
  groupBy: 'actorType',
  period: 'quarter',
  consentingPersons: 120,
  rows: [
    row('2024-Q1', 'science', n(6), n(20)),
    row('2024-Q1', 'business', n(40), n(130)),
    row('2024-Q1', null, hidden),
    row('2024-Q2', 'business', n(52), n(160)),
    row('2024-Q2', 'science', hidden),
  ],
};
const LABELS: Record<string, string> = { business: 'Unternehmen', science: 'Wissenschaft' };
const labelOf = (r: Pick<ParticipationRow, 'key'>) => (r.key === null ? 'Ohne Organisation' : LABELS[r.key]);

describe('participation model', () => {
  const model = participationModel(REPORT, 'persons', labelOf, ['business', 'public_administration', 'science']);

  it('makes a grid of periods × categories in the given order, the category without key last', () => {
    expect(model.periods).toEqual(['2024-Q1', '2024-Q2']);
    expect(model.categories).toEqual([
      { key: 'business', label: 'Unternehmen' },
      { key: 'science', label: 'Wissenschaft' },
      { key: null, label: 'Ohne Organisation' },
    ]);
    expect(model.cells).toEqual([
      [n(40), n(52)],
      [n(6), hidden],
      [hidden, null],
    ]);
    expect(model.suppressed).toBe(2);
  });

  it('orders unknown categories by label', () => {
    const groups = participationModel(
      { ...REPORT, groupBy: 'group', rows: [row('2024-Q1', 'g2', n(5)), row('2024-Q1', 'g1', n(5))] },
      'persons',
      (r) => (r.key === 'g1' ? 'Zukunft Innenstadt' : 'Energie'),
    );
    expect(groups.categories.map((c) => c.label)).toEqual(['Energie', 'Zukunft Innenstadt']);
  });

  it('uses the events when asked to', () => {
    expect(participationModel(REPORT, 'events', labelOf).cells[0]).toEqual([n(130), n(160)]);
  });

  it('gives one line per category: gaps for suppressed cells, 0 where nobody took part', () => {
    expect(participationChart(model, 'de')).toEqual({
      labels: ['Q1 2024', 'Q2 2024'],
      datasets: [
        { label: 'Unternehmen', data: [40, 52] },
        { label: 'Wissenschaft', data: [6, null] },
        { label: 'Ohne Organisation', data: [null, 0] },
      ],
    });
  });

  it('gives the same figures as table rows, "< 5" for suppressed cells', () => {
    expect(participationTable(model, 'de')).toEqual({
      columns: ['Unternehmen', 'Wissenschaft', 'Ohne Organisation'],
      rows: [
        { header: 'Q1 2024', cells: ['40', '6', '< 5'] },
        { header: 'Q2 2024', cells: ['52', '< 5', '0'] },
      ],
    });
  });

  it('summarises the chart', () => {
    expect(participationSummary(model, 'en')).toEqual({ periods: 2, categories: 3, first: 'Q1 2024', last: 'Q2 2024' });
  });

  it('handles an empty report', () => {
    const empty = participationModel({ ...REPORT, rows: [] }, 'persons', labelOf);
    expect(participationChart(empty, 'de')).toEqual({ labels: [], datasets: [] });
    expect(participationTable(empty, 'de')).toEqual({ columns: [], rows: [] });
  });
});
