import {
  berlinMonthKey,
  berlinOffsetMinutes,
  berlinToUtcIso,
  formatBerlinDate,
  formatBerlinDateTime,
  formatBerlinTime,
  formatMonth,
  meetingTimeParts,
  toBerlinInput,
} from './berlin-time';

// The tests must not depend on the machine's time zone: Berlin is always spelled out.
describe('Berlin time', () => {
  describe('UTC → Berlin (display and form inputs)', () => {
    it('adds one hour in winter (CET, UTC+1)', () => {
      expect(toBerlinInput('2026-01-15T16:00:00.000Z')).toEqual({ date: '2026-01-15', time: '17:00' });
      expect(formatBerlinTime('2026-01-15T16:00:00.000Z', 'de')).toBe('17:00');
      expect(berlinOffsetMinutes(new Date('2026-01-15T16:00:00.000Z'))).toBe(60);
    });

    it('adds two hours in summer (CEST, UTC+2)', () => {
      expect(toBerlinInput('2026-07-15T15:00:00.000Z')).toEqual({ date: '2026-07-15', time: '17:00' });
      expect(formatBerlinTime('2026-07-15T15:00:00.000Z', 'en')).toBe('17:00');
      expect(berlinOffsetMinutes(new Date('2026-07-15T15:00:00.000Z'))).toBe(120);
    });

    it('moves to the next day in Berlin when UTC is still on the day before', () => {
      expect(toBerlinInput('2026-12-31T23:30:00.000Z')).toEqual({ date: '2027-01-01', time: '00:30' });
      expect(berlinMonthKey('2026-12-31T23:30:00.000Z')).toBe('2027-01');
      expect(berlinMonthKey('2026-05-31T22:30:00.000Z')).toBe('2026-06');
    });

    it('formats dates in German and English', () => {
      expect(formatBerlinDate('2026-03-05T16:00:00.000Z', 'de')).toBe('Do., 5. März 2026');
      expect(formatBerlinDate('2026-03-05T16:00:00.000Z', 'en')).toMatch(/^Thu,? 5 March 2026$/);
      expect(formatBerlinDateTime('2026-07-15T15:00:00.000Z', 'de')).toBe('15. Juli 2026, 17:00');
      expect(formatMonth('2026-03', 'de')).toBe('März 2026');
      expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    });

    it('describes a meeting on one day or over several days', () => {
      expect(meetingTimeParts('2026-07-15T15:00:00.000Z', '2026-07-15T18:00:00.000Z', 'de')).toEqual({
        key: 'meetings.time.sameDay',
        params: { date: 'Mi., 15. Juli 2026', start: '17:00', end: '20:00', endDate: 'Mi., 15. Juli 2026' },
      });
      expect(meetingTimeParts('2026-07-15T07:00:00.000Z', '2026-07-16T14:00:00.000Z', 'de').key).toBe('meetings.time.multiDay');
      // 23:30 UTC is already the next day in Berlin: not the same day
      expect(meetingTimeParts('2026-01-15T20:00:00.000Z', '2026-01-15T23:30:00.000Z', 'de').key).toBe('meetings.time.multiDay');
    });
  });

  describe('Berlin → UTC (what the form sends)', () => {
    it('subtracts one hour in winter', () => {
      expect(berlinToUtcIso('2026-01-15', '17:00')).toBe('2026-01-15T16:00:00.000Z');
      expect(berlinToUtcIso('2026-12-24', '00:15')).toBe('2026-12-23T23:15:00.000Z');
    });

    it('subtracts two hours in summer', () => {
      expect(berlinToUtcIso('2026-07-15', '17:00')).toBe('2026-07-15T15:00:00.000Z');
      expect(berlinToUtcIso('2026-06-01', '01:30')).toBe('2026-05-31T23:30:00.000Z');
    });

    it('uses the right offset on the days the clocks change', () => {
      // 29 March 2026: 02:00 CET → 03:00 CEST
      expect(berlinToUtcIso('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
      expect(berlinToUtcIso('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
      // 25 October 2026: 03:00 CEST → 02:00 CET
      expect(berlinToUtcIso('2026-10-25', '01:30')).toBe('2026-10-24T23:30:00.000Z');
      expect(berlinToUtcIso('2026-10-25', '17:00')).toBe('2026-10-25T16:00:00.000Z');
    });

    it('reads a time in the skipped hour like the clocks do, and the repeated hour as summer time', () => {
      expect(berlinToUtcIso('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
      expect(berlinToUtcIso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, the first one
    });

    it('round-trips every quarter hour of a year', () => {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 * 97) {
        const iso = new Date(t).toISOString();
        const { date, time } = toBerlinInput(iso);
        const back = berlinToUtcIso(date, time);
        // only the repeated autumn hour is ambiguous; there the summer-time instant comes back
        if (back !== iso) expect(new Date(iso).getTime() - new Date(back ?? '').getTime()).toBe(3_600_000);
      }
    });

    it('rejects malformed input', () => {
      expect(berlinToUtcIso('', '17:00')).toBeNull();
      expect(berlinToUtcIso('2026-02-30', '17:00')).toBeNull();
      expect(berlinToUtcIso('2026-04-01', '25:00')).toBeNull();
      expect(berlinToUtcIso('2026-04-01', '5pm')).toBeNull();
    });
  });
});
