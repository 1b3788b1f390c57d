/**
 * Design tokens. Host pages theme the widgets with `--portal-*` custom properties (R-X-3) and
 * bring no stylesheet of ours, so every token has a fallback here. Each public token resolves
 * into a private `--_*` variable on the widget's host; the widgets' styles use only those.
 *
 * Light and dark: the fallbacks use `light-dark()`, which follows the `color-scheme` the host
 * page gives (inherited), e.g. `html { color-scheme: light dark }` follows the system and
 * `color-scheme: dark` forces dark. A host that sets a token sets it for both.
 *
 * Written as a table and turned into the `:host` rule once: each name once instead of twice
 * (`--_<name>: var(--portal-<name>, <fallback>)`; issue 7).
 */
import { unsafeCSS } from 'lit';

/** [name, fallback, public name where it differs from the private one] */
const table: [name: string, fallback: string, publicName?: string][] = [
  ['font', `system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif`, 'font-family'],
  ['font-mono', `ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace`, 'font-family-mono'],
  ['font-size', `0.9375rem`],
  ['font-size-small', `0.8125rem`],
  ['font-size-large', `1.25rem`],
  ['line-height', `1.5`],
  ['color-text', `light-dark(#1f2937,#e5e7eb)`],
  ['color-text-muted', `light-dark(#4b5563,#a3adbb)`],
  ['color-surface', `light-dark(#ffffff,#161b22)`],
  ['color-surface-raised', `light-dark(#f6f7f9,#1f2630)`],
  ['color-surface-sunken', `light-dark(#eef0f3,#0f1318)`],
  ['color-border', `light-dark(#d0d5dd,#3a4350)`],
  ['color-border-strong', `light-dark(#8a94a3,#6b7585)`],
  ['color-primary', `light-dark(#1d4ed8,#7aa7ff)`],
  ['color-primary-hover', `light-dark(#1e40af,#9dbdff)`],
  ['color-on-primary', `light-dark(#ffffff,#0b1220)`],
  ['color-primary-subtle', `light-dark(#e8eefc,#1c2a45)`],
  ['color-danger', `light-dark(#b42318,#ff8a80)`],
  ['color-danger-subtle', `light-dark(#fdecea,#3a1d1b)`],
  ['color-warning', `light-dark(#8a5300,#f5c36b)`],
  ['color-warning-subtle', `light-dark(#fff4e0,#3a2d14)`],
  ['color-success', `light-dark(#116b35,#6fdc9a)`],
  ['color-success-subtle', `light-dark(#e7f6ed,#15301f)`],
  ['color-focus', `light-dark(#1d4ed8,#9dbdff)`],
  ['radius', `6px`],
  ['radius-large', `10px`],
  ['shadow', `0 1px 2px rgb(0 0 0 / 8%),0 2px 8px rgb(0 0 0 / 6%)`],
  ['space-1', `0.25rem`],
  ['space-2', `0.5rem`],
  ['space-3', `0.75rem`],
  ['space-4', `1rem`],
  ['space-5', `1.5rem`],
  ['space-6', `2rem`],
  ['transition', `120ms ease-out`],
];

export const tokens = unsafeCSS(`:host{${table.map(([n, v, p = n]) => `--_${n}:var(--portal-${p},${v})`).join(';')}}`);
