/**
 * The dashboard's charts as hand-written SVG (no chart library): horizontal bars, a donut and a
 * two-series line chart. Pure functions of data, width and locale; the element adds captions,
 * legends and the table each chart also has. Every SVG here is decorative for assistive
 * technology (`aria-hidden`): the tables carry the numbers.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { Locale } from '../core/api.js';
import { formatDate, formatNumber } from '../core/localization.js';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

export interface WeekDatum {
  weekStart: string;
  opened: number;
  closed: number;
}

/** How many palette colours the donut cycles through (`--portal-dashboard-chart-1` … `-6`). */
export const paletteSize = 6;

/** A readable value axis for counts up to `max`: whole-number steps of 1, 2 or 5 × 10ⁿ, about four of them. */
export function countAxis(max: number): { top: number; step: number } {
  const raw = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw) ?? 10 * power);
  return { top: Math.max(step, Math.ceil(max / step) * step), step };
}

/** Horizontal bars, one row per datum: the label and the number above a bar. */
export function barChart(data: readonly BarDatum[], width: number, locale: Locale): SVGTemplateResult {
  const rowHeight = 40;
  const height = Math.max(rowHeight, data.length * rowHeight);
  const max = Math.max(1, ...data.map((d) => d.value));
  const w = Math.max(120, Math.floor(width));
  return svg`<svg class="chart-svg bars" width=${w} height=${height} viewBox="0 0 ${w} ${height}" aria-hidden="true" focusable="false">
    ${data.map((d, i) => {
      const y = i * rowHeight;
      const len = d.value === 0 ? 0 : Math.max(4, (d.value / max) * w);
      return svg`<g class="row" data-key=${d.key}>
        <text class="label" x="0" y=${y + 14}>${d.label}</text>
        <text class="value" x=${w} y=${y + 14} text-anchor="end">${formatNumber(d.value, {}, locale)}</text>
        <rect class="track" x="0" y=${y + 21} width=${w} height="10" rx="5"></rect>
        ${len > 0 ? svg`<rect class="bar" data-key=${d.key} x="0" y=${y + 21} width=${len.toFixed(1)} height="10" rx="5"></rect>` : null}
      </g>`;
    })}
  </svg>`;
}

/** A donut of the shares of `data` (colours by position), with the total in the middle. */
export function donutChart(data: readonly BarDatum[], totalLabel: string, locale: Locale): SVGTemplateResult {
  const size = 168;
  const stroke = 26;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const total = data.reduce((n, d) => n + d.value, 0);
  let offset = 0;
  const gap = data.filter((d) => d.value > 0).length > 1 ? 2 : 0;
  return svg`<svg class="chart-svg donut" width=${size} height=${size} viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false">
    <circle class="track" cx=${size / 2} cy=${size / 2} r=${r} fill="none" stroke-width=${stroke}></circle>
    <g transform="rotate(-90 ${size / 2} ${size / 2})">
      ${data.map((d, i) => {
        if (d.value <= 0 || total === 0) return null;
        const len = (d.value / total) * c;
        const seg = svg`<circle class="segment" data-index=${i % paletteSize} cx=${size / 2} cy=${size / 2} r=${r} fill="none"
          stroke-width=${stroke} stroke-dasharray="${Math.max(0.5, len - gap).toFixed(2)} ${(c - Math.max(0.5, len - gap)).toFixed(2)}"
          stroke-dashoffset=${(-offset).toFixed(2)}></circle>`;
        offset += len;
        return seg;
      })}
    </g>
    <text class="total" x=${size / 2} y=${size / 2 + 2} text-anchor="middle">${formatNumber(total, {}, locale)}</text>
    <text class="total-label" x=${size / 2} y=${size / 2 + 22} text-anchor="middle">${totalLabel}</text>
  </svg>`;
}

/** "3 Mar" / "3. März" for a week's Monday (`YYYY-MM-DD`, a calendar day). */
export function weekLabel(day: string, locale: Locale): string {
  return formatDate(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' }, locale);
}

/** Opened (solid line, circles) and closed (dashed line, squares) per week. */
export function weeklyChart(weeks: readonly WeekDatum[], width: number, locale: Locale, names: { opened: string; closed: string }): SVGTemplateResult {
  const w = Math.max(220, Math.floor(width));
  const h = 210;
  const left = 36;
  const right = 12;
  const top = 12;
  const bottom = 30;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const axis = countAxis(Math.max(0, ...weeks.map((d) => Math.max(d.opened, d.closed))));
  const n = Math.max(1, weeks.length - 1);
  const x = (i: number) => left + (i / n) * plotW;
  const y = (v: number) => top + plotH - (v / axis.top) * plotH;
  const ticks = Array.from({ length: axis.top / axis.step + 1 }, (_, i) => i * axis.step);
  // room for about one label per 56 px; the current week always has one
  const every = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(plotW / 56))));
  const line = (key: 'opened' | 'closed') => weeks.map((d, i) => `${x(i).toFixed(1)},${y(d[key]).toFixed(1)}`).join(' ');
  return svg`<svg class="chart-svg weekly" width=${w} height=${h} viewBox="0 0 ${w} ${h}" aria-hidden="true" focusable="false">
    ${ticks.map(
      (t) => svg`<line class="grid" x1=${left} x2=${w - right} y1=${y(t).toFixed(1)} y2=${y(t).toFixed(1)}></line>
        <text class="axis" x=${left - 8} y=${(y(t) + 4).toFixed(1)} text-anchor="end">${formatNumber(t, {}, locale)}</text>`,
    )}
    ${weeks.map((d, i) =>
      i % every === (weeks.length - 1) % every
        ? svg`<text class="axis" x=${x(i).toFixed(1)} y=${h - 8} text-anchor=${i === 0 ? 'start' : i === weeks.length - 1 ? 'end' : 'middle'}>${weekLabel(d.weekStart, locale)}</text>`
        : null,
    )}
    <polyline class="series opened" points=${line('opened')} fill="none"></polyline>
    <polyline class="series closed" points=${line('closed')} fill="none"></polyline>
    ${weeks.map(
      (d, i) => svg`<circle class="marker opened" cx=${x(i).toFixed(1)} cy=${y(d.opened).toFixed(1)} r="4"><title>${weekLabel(d.weekStart, locale)}: ${formatNumber(d.opened, {}, locale)} ${names.opened}</title></circle>
        <rect class="marker closed" x=${(x(i) - 3.5).toFixed(1)} y=${(y(d.closed) - 3.5).toFixed(1)} width="7" height="7"><title>${weekLabel(d.weekStart, locale)}: ${formatNumber(d.closed, {}, locale)} ${names.closed}</title></rect>`,
    )}
  </svg>`;
}
