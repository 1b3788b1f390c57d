import type { Locale } from '../api.js';
import { formatNumber } from '../localization.js';

const MB = 1024 * 1024;

/** "10 MB", "64 kB", "512 byte" in the page's locale (a module of its own: lists import it without the file drop). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, value] =
    bytes >= MB ? (['megabyte', bytes / MB] as const) : bytes >= 1024 ? (['kilobyte', bytes / 1024] as const) : (['byte', bytes] as const);
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }, locale);
}
