import { TIME_ZONE } from '@allmende/contracts';
import { Language } from '../../core/i18n/language';

/**
 * Meetings take place in Bottrop: the API speaks UTC ISO timestamps, people read and
 * type wall-clock times in Europe/Berlin, whatever the time zone of their device.
 */

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language | 'parts', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'parts' ? 'en-US' : LOCALES[lang], { ...options, timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** Wall-clock fields of an instant in Berlin. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(date: Date): WallClock {
  const parts = formatter('parts', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** Minutes Berlin is ahead of UTC at `date` (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(date: Date): number {
  const w = wallClock(date);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

const pad = (n: number, size = 2) => String(n).padStart(size, '0');

/** Date (`YYYY-MM-DD`) and time (`HH:mm`) in Berlin of a UTC ISO timestamp, as date and time inputs take them. */
export function toBerlinInput(iso: string): { date: string; time: string } {
  const w = wallClock(new Date(iso));
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * The UTC ISO timestamp of a wall-clock time in Berlin (`2026-03-05`, `17:00`), or null
 * when the input is malformed. A time in the hour skipped in spring moves forward like
 * the clocks (02:30 → 03:30 summer time); in the hour repeated in autumn the earlier
 * (summer time) instant wins.
 */
export function berlinToUtcIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null; // e.g. 31 April
  // Two candidates, one per offset the day may have; keep one that reads back as typed.
  const before = naive - berlinOffsetMinutes(new Date(naive - 120 * 60_000)) * 60_000;
  const after = naive - berlinOffsetMinutes(new Date(naive)) * 60_000;
  const matching = [before, after]
    .sort((a, b) => a - b)
    .find((c) => {
      const w = wallClock(new Date(c));
      return w.hour === hour && w.minute === minute && w.day === day;
    });
  return new Date(matching ?? before).toISOString();
}

/** `2026-03` in Berlin: meetings are grouped by the month they start in. */
export function berlinMonthKey(iso: string): string {
  const w = wallClock(new Date(iso));
  return `${pad(w.year, 4)}-${pad(w.month)}`;
}

/** "März 2026" / "March 2026" for a month key. */
export function formatMonth(key: string, lang: Language): string {
  const [year, month] = key.split('-').map(Number);
  // the 15th at noon UTC lies inside the month in every time zone
  return formatter(lang, { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, 15, 12)));
}

/** "Do., 5. März 2026" / "Thu, 5 March 2026" in Berlin. */
export function formatBerlinDate(iso: string, lang: Language): string {
  return formatter(lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "17:00" in Berlin. */
export function formatBerlinTime(iso: string, lang: Language): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "5. März 2026, 17:00" in Berlin. */
export function formatBerlinDateTime(iso: string, lang: Language): string {
  return `${formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso))}, ${formatBerlinTime(iso, lang)}`;
}

/** A meeting's time, ready for the `meetings.time.*` messages. */
export interface MeetingTimeParts {
  /** Same day: the key `meetings.time.sameDay`, else `meetings.time.multiDay`. */
  key: 'meetings.time.sameDay' | 'meetings.time.multiDay';
  params: { date: string; start: string; end: string; endDate: string };
}

export function meetingTimeParts(startsAt: string, endsAt: string, lang: Language): MeetingTimeParts {
  const sameDay = toBerlinInput(startsAt).date === toBerlinInput(endsAt).date;
  return {
    key: sameDay ? 'meetings.time.sameDay' : 'meetings.time.multiDay',
    params: {
      date: formatBerlinDate(startsAt, lang),
      start: formatBerlinTime(startsAt, lang),
      end: formatBerlinTime(endsAt, lang),
      endDate: formatBerlinDate(endsAt, lang),
    },
  };
}
