import {
  SUPPRESSED_TEXT,
  addDays,
  chartValue,
  exclusiveEnd,
  formatCell,
  formatDay,
  formatPeriod,
  formatShare,
  inclusiveEnd,
  isIsoDate,
  monthsBefore,
  today,
} from './research-format';

describe('research formatting', () => {
  it('shows suppressed cells as "< 5", in tables whatever the language', () => {
    expect(SUPPRESSED_TEXT).toBe('< 5');
    expect(formatCell({ value: null, suppressed: true }, 'de')).toBe('< 5');
    expect(formatCell({ value: null, suppressed: true }, 'en')).toBe('< 5');
  });

  it('formats figures for the language; a missing cell is 0 and an empty one "–"', () => {
    expect(formatCell({ value: 1234, suppressed: false }, 'de')).toBe('1.234');
    expect(formatCell({ value: 1234, suppressed: false }, 'en')).toBe('1,234');
    expect(formatCell(null, 'de')).toBe('0');
    expect(formatCell({ value: null, suppressed: false }, 'de')).toBe('–');
  });

  it('draws suppressed cells as gaps and missing ones as 0', () => {
    expect(chartValue({ value: null, suppressed: true })).toBeNull();
    expect(chartValue({ value: 7, suppressed: false })).toBe(7);
    expect(chartValue(undefined)).toBe(0);
  });

  it('formats shares as percentages', () => {
    expect(formatShare(0.625, 'en')).toBe('62.5%');
    expect(formatShare(0.5, 'de')).toMatch(/^50\s%$/);
    expect(formatShare(null, 'de')).toBe('–');
  });

  it('names months and quarters', () => {
    expect(formatPeriod('2024-03', 'de')).toBe('März 2024');
    expect(formatPeriod('2024-03', 'en')).toBe('Mar 2024');
    expect(formatPeriod('2024-Q1', 'de')).toBe('Q1 2024');
    expect(formatPeriod('anything', 'de')).toBe('anything');
    expect(formatDay('2024-03-31', 'de')).toBe('31.03.2024');
    expect(formatDay('2024-03-31T10:00:00.000Z', 'en')).toBe('31 Mar 2024');
  });

  it('turns the last day people pick into the API’s exclusive end and back', () => {
    expect(exclusiveEnd('2024-03-31')).toBe('2024-04-01');
    expect(exclusiveEnd('2024-12-31')).toBe('2025-01-01');
    expect(inclusiveEnd('2024-03-01')).toBe('2024-02-29');
    expect(inclusiveEnd('2024-04-01T00:00:00.000Z')).toBe('2024-03-31');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('checks calendar dates and goes back by months', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(monthsBefore('2025-05-31', 3)).toBe('2025-02-28');
    expect(monthsBefore('2025-05-10', 12)).toBe('2024-05-10');
    expect(today(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});
