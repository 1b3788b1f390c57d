import type { Locale } from '../api.js';
import { formatNumber } from '../localization.js';

const MB = 1024 * 1024;

/**
 * "10 MB", "10.5 MB", "64 kB", "512 byte" in the page's locale (a module of its own: lists
 * import it without the file drop). One decimal below 100 units, rounded up, so a file even a
 * byte over a limit never reads the same as the limit ("10.1 MB" against "10 MB").
 */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, value] =
    bytes >= MB ? (['megabyte', bytes / MB] as const) : bytes >= 1024 ? (['kilobyte', bytes / 1024] as const) : (['byte', bytes] as const);
  const options = { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 100 ? 1 : 0, roundingMode: 'ceil' } as const;
  return formatNumber(value, options as Intl.NumberFormatOptions, locale);
}
