import { Cell, MIN_CELL } from '@allmende/contracts';
import { Language } from '../../core/i18n/language';

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** How a suppressed cell (fewer than MIN_CELL persons behind it) is shown: "< 5". */
export const SUPPRESSED_TEXT = `< ${MIN_CELL}`;

/** Shown where there is no figure (e.g. a share of nobody). */
export const NO_VALUE_TEXT = '–';

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** A possibly suppressed figure: "< 5" when suppressed, else the localised number. */
export function formatCell(cell: Cell | null | undefined, lang: Language): string {
  if (!cell) return formatNumber(0, lang);
  if (cell.suppressed) return SUPPRESSED_TEXT;
  return cell.value === null ? NO_VALUE_TEXT : formatNumber(cell.value, lang);
}

/** The figure to draw: suppressed cells become null (a gap in a line, nothing in a bar). */
export function chartValue(cell: Cell | null | undefined): number | null {
  if (!cell) return 0;
  return cell.suppressed ? null : cell.value;
}

/** A share (0…1) as a percentage with at most one decimal; "–" when there is none. */
export function formatShare(share: number | null | undefined, lang: Language): string {
  if (share === null || share === undefined || Number.isNaN(share)) return NO_VALUE_TEXT;
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A period key of the API (`2024-03`, `2024-Q1`) for people: "März 2024" / "Mar 2024", "Q1 2024". */
export function formatPeriod(period: string, lang: Language): string {
  const month = MONTH.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = QUARTER.exec(period);
  return quarter ? `Q${quarter[2]} ${quarter[1]}` : period;
}

/** A calendar date (`2024-03-31`) for people, e.g. "31.03.2024" / "31 Mar 2024". */
export function formatDay(isoDate: string | null | undefined, lang: Language): string {
  if (!isoDate || !ISO_DATE.test(isoDate.slice(0, 10))) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid calendar date `YYYY-MM-DD`? */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Adds days to a calendar date (`2024-03-31` + 1 → `2024-04-01`). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * People pick the last day of a period ("bis einschließlich"); the API takes the first day after it.
 * `exclusiveEnd('2024-03-31')` → `2024-04-01`; `inclusiveEnd` goes back.
 */
export function exclusiveEnd(inclusive: string): string {
  return addDays(inclusive, 1);
}

export function inclusiveEnd(exclusive: string): string {
  return addDays(exclusive.slice(0, 10), -1);
}

/** Today's calendar date in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The same day `months` months earlier (clamped to the month's end: 31 May − 3 → 28/29 Feb). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10);
}
