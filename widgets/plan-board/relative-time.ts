/** An instant relative to now, for the overview's "Updated …" (on its own: the overview needs nothing else of plan-dates.ts). */
import type { Locale } from '../core/api.js';

const DAY_MS = 86_400_000;

/** "vor 2 Tagen", "yesterday", "in 3 hours": an instant relative to now. */
export function formatRelative(iso: string, locale: Locale, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * DAY_MS],
    ['month', 30 * DAY_MS],
    ['week', 7 * DAY_MS],
    ['day', DAY_MS],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, ms] of units) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(0, 'minute');
}
