/**
 * One UI locale per page (STYLE.md "Localisation"): English source strings through `msg()`,
 * German from the XLIFF file (xliff/de.xlf → generated locales/de.ts). `<portal-session>` sets
 * the locale from its `lang`, else `<html lang>`; a widget used alone does the same with its own
 * `lang`. Every `PortalElement` re-renders when it changes.
 */
import { configureLocalization } from '@lit/localize';
import type { Locale } from './api.js';
import { sourceLocale, targetLocales } from './locale-codes.js';

/**
 * The translations, each in its own chunk: a page in English never loads the German strings
 * (they grow with every widget; the size budget counts only what a page needs).
 */
const templates: Record<string, () => Promise<typeof import('./locales/de.js')>> = {
  de: () => import('./locales/de.js'),
};

let runtime: ReturnType<typeof configureLocalization> | null = null;

function localization() {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    // only called for one of targetLocales (setLocale checks), each with its loader above
    loadLocale: (locale) => templates[locale]!(),
  });
  return runtime;
}

/** 'de' for "de", "de-AT", "DE_ch"; 'en' likewise; null for anything else. */
export function normalizeLocale(value: string | null | undefined): Locale | null {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'de' || primary === 'en' ? primary : null;
}

/** The locale the page asks for with `<html lang>`; English when it says nothing we speak. */
export function documentLocale(): Locale {
  return (typeof document !== 'undefined' && normalizeLocale(document.documentElement.lang)) || 'en';
}

/** The locale the widgets render in now. */
export function currentLocale(): Locale {
  return normalizeLocale(localization().getLocale()) ?? 'en';
}

let pending: Promise<void> = Promise.resolve();

let requested: Locale | null = null;
let sequence = 0;

/**
 * Switches every widget on the page to `locale`; resolves once the strings are in place. The
 * switch starts in a microtask, so calling this while an element updates does not schedule
 * updates from inside that update.
 */
export function applyLocale(locale: Locale): Promise<void> {
  const { getLocale, setLocale } = localization();
  if ((requested ?? getLocale()) === locale) return pending;
  requested = locale;
  const mine = ++sequence;
  // Chained after the previous switch; a request overtaken by a newer one does nothing (the
  // newer one switches). Never returns its own promise from inside itself.
  pending = pending
    .catch(() => undefined)
    .then(() => {
      if (mine !== sequence) return undefined;
      requested = null;
      return getLocale() === locale ? undefined : setLocale(locale);
    });
  return pending;
}

/** Resolves when the last requested locale is ready to render. */
export function localeReady(): Promise<void> {
  return pending;
}

const langWatchers = new Set<() => void>();
let langObserver: MutationObserver | null = null;

/** Calls `callback` whenever `<html lang>` changes; returns the function that stops it. */
export function watchDocumentLang(callback: () => void): () => void {
  langWatchers.add(callback);
  if (!langObserver && typeof MutationObserver !== 'undefined') {
    langObserver = new MutationObserver(() => {
      for (const w of [...langWatchers]) w();
    });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    langWatchers.delete(callback);
    if (langWatchers.size === 0) {
      langObserver?.disconnect();
      langObserver = null;
    }
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates and times in the page's locale (R-X-1). */
export function formatDate(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
  locale: Locale = currentLocale(),
): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f.format(value instanceof Date ? value : new Date(value));
}

/** Numbers in the page's locale (R-X-1). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, locale: Locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, options).format(value);
}
