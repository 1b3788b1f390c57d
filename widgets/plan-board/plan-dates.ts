/**
 * Calendar days (`YYYY-MM-DD`) for the plan board. An activity's start and end are days, not
 * instants: 2026-03-05 is Thursday the 5th for everyone, in Auckland as in Adak. So a day is
 * turned into UTC midnight and always formatted with `timeZone: 'UTC'`; it never passes through
 * the viewer's local time zone (`new Date('2026-03-05')` would, and shows the 4th west of UTC).
 */
import type { Locale } from '../core/api.js';
import { formatDate } from '../core/localization.js';

export const DAY_MS = 86_400_000;

/** UTC midnight of a `YYYY-MM-DD` day, in epoch milliseconds (NaN when malformed). */
export function dayToMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return NaN;
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: years below 100 stay themselves
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getTime();
}

/** The `YYYY-MM-DD` day of a UTC-midnight time. */
export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2026-02-30). */
export function isDay(value: string): boolean {
  const ms = dayToMs(value);
  return !Number.isNaN(ms) && msToDay(ms) === value;
}

export function addDays(day: string, n: number): string {
  return msToDay(dayToMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToMs(b) - dayToMs(a)) / DAY_MS);
}

/** Today as the viewer's calendar shows it (their local day). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Weekday of a day, 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(dayToMs(day)).getUTCDay();
}

export const longDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };
export const shortDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** A day with its weekday in the locale, e.g. "Do., 5. März 2026" / "Thu, March 5, 2026". */
export function formatDay(day: string, locale: Locale, options: Intl.DateTimeFormatOptions = longDay): string {
  const ms = dayToMs(day);
  if (Number.isNaN(ms)) return day;
  return formatDate(ms, { ...options, timeZone: 'UTC' }, locale);
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mo., 2. – Fr., 6. März" (the year only when it is not this year's or the two differ). */
export function formatDayRange(start: string, end: string, locale: Locale, today: string = localToday()): string {
  const a = dayToMs(start);
  const b = dayToMs(end);
  if (Number.isNaN(a) || Number.isNaN(b)) return `${start} – ${end}`;
  const year = start.slice(0, 4) !== end.slice(0, 4) || start.slice(0, 4) !== today.slice(0, 4);
  const key = `${locale}|${year}`;
  let f = rangeFormats.get(key);
  if (!f) rangeFormats.set(key, (f = new Intl.DateTimeFormat(locale, { ...shortDay, ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' })));
  return b < a ? `${f.format(a)} – ${f.format(b)}` : f.formatRange(a, b);
}
