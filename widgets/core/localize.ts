/**
 * The runtime of @lit/localize as far as the widgets use it (`msg`, `str`,
 * `configureLocalization`, `updateWhenLocaleChanges`), in a third of its size (issue 7). The
 * build maps '@lit/localize' imports to this module (vite.config.ts); the sources keep importing
 * '@lit/localize', so lit-localize's tools (extract, the generated locales/de.ts) work as before,
 * and unbundled runs (widget tests) use the package itself.
 *
 * Same message ids (`s` + FNV-1a 64 of the template's strings joined by U+001E; `h` for html
 * templates), same `lit-localize-status` events on window (loading, ready, error).
 */
import type { ReactiveControllerHost } from 'lit';

interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: unknown[];
}
/** an html`` template result: strings and values */
interface HtmlResult {
  strings: readonly string[];
  values: unknown[];
}
type Template = string | StrResult | HtmlResult;
type Translated = string | StrResult | (HtmlResult & { values: number[] });

export const str = (strings: TemplateStringsArray, ...values: unknown[]): StrResult => ({ strTag: true, strings, values });

/** The strings with the values between them (`order`: which value goes in each gap). */
const join = (strings: readonly string[], values: unknown[], order?: unknown[]) =>
  strings.reduce((out, s, i) => out + String(values[order ? (order[i - 1] as number) : i - 1]) + s);

/** FNV-1a 64-bit of `s` as 16 hex digits, in 16-bit pieces (as @lit/localize computes ids). */
function fnv1a64(s: string): string {
  let v0 = 0x2325,
    v1 = 0x8422,
    v2 = 0x9ce4,
    v3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    v0 ^= s.charCodeAt(i);
    const t0 = v0 * 435;
    const t1 = v1 * 435 + (t0 >>> 16);
    const t2 = v2 * 435 + (v0 << 8) + (t1 >>> 16);
    v3 = (v3 * 435 + (v1 << 8) + (t2 >>> 16)) & 65535;
    v0 = t0 & 65535;
    v1 = t1 & 65535;
    v2 = t2 & 65535;
  }
  return [v3, v2, v1, v0].map((v) => v.toString(16).padStart(4, '0')).join('');
}

const ids = new Map<unknown, string>();
let templates: Record<string, Translated> | undefined;

/** The text of `template` in the current locale (the English source when it has no translation). */
export function msg(template: string, options?: { id?: string; desc?: string }): string;
export function msg(template: StrResult, options?: { id?: string; desc?: string }): string;
export function msg<T extends HtmlResult>(template: T, options?: { id?: string; desc?: string }): T;
export function msg(template: Template, options?: { id?: string; desc?: string }): unknown {
  const plain = typeof template === 'string';
  const strings = plain ? template : template.strings;
  let id = options?.id ?? ids.get(strings);
  if (!id) {
    id = (plain || 'strTag' in template ? 's' : 'h') + fnv1a64(plain ? template : template.strings.join('\x1e'));
    ids.set(strings, id);
  }
  const t = templates?.[id] || template;
  if (typeof t === 'string') return t;
  const values = (template as StrResult).values;
  if ('strTag' in t) return join(t.strings, values, t === template ? undefined : t.values);
  return t === template ? t : { ...t, values: (t.values as number[]).map((i) => values[i]) };
}

const status = (detail: Record<string, string>) => dispatchEvent(new CustomEvent('lit-localize-status', { detail }));

/** Which locales exist and how to load one's templates; answers getLocale and setLocale. */
export function configureLocalization(config: {
  sourceLocale: string;
  targetLocales: Iterable<string>;
  loadLocale: (locale: string) => Promise<{ templates: Record<string, Translated> }>;
}) {
  const { sourceLocale, loadLocale } = config;
  const valid = new Set([sourceLocale, ...config.targetLocales]);
  let active = sourceLocale;
  let loading: string | undefined;
  let latest: Promise<void> = Promise.resolve();
  let request = 0;
  return {
    getLocale: () => active,
    setLocale(locale: string): Promise<void> {
      if (locale === (loading ?? active)) return latest;
      if (!valid.has(locale)) throw new Error('Invalid locale code');
      const mine = ++request;
      loading = locale;
      status({ status: 'loading', loadingLocale: locale });
      return (latest = (locale === sourceLocale ? Promise.resolve({ templates: undefined }) : loadLocale(locale)).then(
        (m) => {
          if (mine !== request) return;
          active = locale;
          loading = undefined;
          templates = m.templates;
          status({ status: 'ready', readyLocale: locale });
        },
        (e: unknown) => {
          if (mine !== request) return;
          loading = undefined;
          status({ status: 'error', errorLocale: locale, errorMessage: String(e) });
          throw e;
        },
      ));
    },
  };
}

/** Re-renders `host` whenever a locale is ready. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost): void {
  const ready = (e: Event) => {
    if ((e as CustomEvent<{ status: string }>).detail.status === 'ready') host.requestUpdate();
  };
  host.addController({
    hostConnected: () => addEventListener('lit-localize-status', ready),
    hostDisconnected: () => removeEventListener('lit-localize-status', ready),
  });
}
