import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

import { msg } from '@lit/localize';
import type { ActivityDto } from '../core/api.js';
import { PortalElement } from '../core/base-element.js';
import { hostStyles } from '../core/styles.js';
import { addDays, dayToMs, daysBetween, formatDay, formatDayRange, localToday, msToDay, weekday } from './plan-dates.js';
import { cssProps } from './css-props.js';
import { priorityLabel } from './plan-board.labels.js';
import { priorityStyles } from './plan-board.priority-styles.js';

export type TimelineScale = 'day' | 'week' | 'month';

/** Width of one day on each scale, in CSS pixels. */
const dayWidth: Record<TimelineScale, number> = { day: 36, week: 12, month: 4 };

/** The visible span: every activity and today, with some air, aligned to the scale's units. */
function span(activities: readonly ActivityDto[], today: string, scale: TimelineScale): { from: string; to: string } {
  let min = today;
  let max = today;
  for (const a of activities) {
    if (a.startDate < min) min = a.startDate;
    if (a.endDate > max) max = a.endDate;
  }
  if (scale === 'day') return { from: addDays(min, -3), to: addDays(max, 7) };
  if (scale === 'week') {
    const from = addDays(min, -7);
    const to = addDays(max, 14);
    // Monday before, Sunday after
    return { from: addDays(from, -((weekday(from) + 6) % 7)), to: addDays(to, (7 - weekday(to)) % 7) };
  }
  const first = `${min.slice(0, 8)}01`;
  const after = addDays(max, 31);
  const next = new Date(dayToMs(`${after.slice(0, 8)}01`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from: first, to: addDays(msToDay(next.getTime()), -1) };
}

/**
 * The plan board's timeline (loaded when first shown): one row per activity from its start to its
 * end day on a time axis (days, weeks or months), coloured by priority, with a marker for today.
 * It is a table: screen readers read each activity's name, priority, column and period.
 * Positions are set through CSSOM (`cssProps`), which pages with a strict CSP (`style-src 'self'`) allow.
 * An activity's period label is sticky: it stays whole beside the (sticky) name column and inside
 * the right edge while the track scrolls. It is placed by an empty `::before` of the row's lane
 * (after it, for labels at the track's end), not by a margin: a sticky box does not leave its
 * margin, so a margin would pin it.
 *
 * @summary Timeline of a plan board's activities (part of `<plan-board>`).
 *
 * @csspart base - The scrolling area.
 *
 * @event timeline-open - The user chose an activity (`detail: { id }`); `<plan-board>` opens its details.
 */
export class PlanBoardTimeline extends PortalElement {
  static override styles = [hostStyles, priorityStyles, css`
    .scroller {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius-large);
      background: var(--_color-surface);
    }
    table {
      border-collapse: separate;
      border-spacing: 0;
      min-width: 100%;
    }
    th,
    td {
      padding: 0;
      border-bottom: 1px solid var(--_color-border);
      text-align: start;
      vertical-align: top;
    }
    tbody tr:last-child > * {
      border-bottom: 0;
    }
    table {
      --_name: 17rem;
    }
    .name {
      position: sticky;
      left: 0;
      z-index: 2;
      width: var(--_name);
      min-width: var(--_name);
      max-width: var(--_name);
      padding: var(--_space-2) var(--_space-3);
      border-right: 1px solid var(--_color-border);
      background: var(--_color-surface);
      font-weight: 400;
    }
    thead .name {
      vertical-align: bottom;
      color: var(--_color-text-muted);
      font-size: var(--_font-size-small);
      font-weight: 600;
    }
    .name button {
      display: block;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_color-text);
      font: inherit;
      font-weight: 600;
      text-align: start;
      cursor: pointer;
      border-radius: 2px;
    }
    .name button:hover {
      color: var(--_color-primary);
      text-decoration: underline;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-2);
      margin-top: var(--_space-1);
      color: var(--_color-text-muted);
      font-size: var(--_font-size-small);
    }
    .axis,
    .track {
      position: relative;
      width: var(--_track);
      min-width: var(--_track);
    }
    .axis {
      height: 2.75rem;
    }
    .tick b {
      display: block;
      color: var(--_color-text);
      font-weight: 600;
    }
    .tick {
      position: absolute;
      bottom: var(--_space-1);
      padding-left: 3px;
      border-left: 1px solid var(--_color-border-strong);
      color: var(--_color-text-muted);
      font-size: 0.75rem;
      font-weight: 400;
      line-height: 1.2;
      white-space: nowrap;
    }
    .track {
      height: 3.5rem;
      background-image: repeating-linear-gradient(to right, var(--_color-border) 0 1px, transparent 1px var(--_grid));
    }
    .bar {
      position: absolute;
      top: 0.625rem;
      height: 0.875rem;
      min-width: 4px;
      border-radius: 999px;
      background: var(--_prio);
    }
    .lane {
      display: flex;
      width: var(--_track);
      padding-top: 1.75rem;
    }
    .lane::before {
      content: '';
      flex: none;
      width: var(--_at);
    }
    .lane.end {
      flex-direction: row-reverse;
    }
    .period {
      position: sticky;
      left: calc(var(--_name) + 0.25rem);
      right: 0.25rem;
      color: var(--_color-text-muted);
      font-size: 0.75rem;
      white-space: nowrap;
    }
    .today {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 2px;
      margin-left: -1px;
      background: var(--_color-danger);
      z-index: 1;
    }
    .today-label {
      position: absolute;
      top: var(--_space-1);
      transform: translateX(-50%);
      padding: 0 var(--_space-1);
      border-radius: var(--_radius);
      background: var(--_color-danger);
      color: var(--_color-surface);
      font-size: 0.6875rem;
      font-weight: 600;
      line-height: 1.4;
    }
    @container (max-width: 40rem) {
      table {
        --_name: 10rem;
      }
    }
  `];

  /** The board's activities (not changed here). */
  @property({ attribute: false }) activities: readonly ActivityDto[] = [];

  /** The board's columns, to name an activity's column. */
  @property({ attribute: false }) columns: readonly { id: string; title: string }[] = [];

  /** The scale of the time axis. */
  @property() scale: TimelineScale = 'week';

  /** Today as a calendar day (default: the viewer's local day). */
  @property({ attribute: false }) today: string = localToday();

  #scrolledFor = '';

  protected override providesLocale(): boolean {
    return false;
  }

  /** Moves the focus to an activity's row. */
  focusActivity(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`button[data-activity="${id}"]`)?.focus();
  }

  protected override render(): TemplateResult {
    const rows = [...this.activities].sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title),
    );
    if (rows.length === 0) return html``;
    const px = dayWidth[this.scale];
    const { from, to } = span(rows, this.today, this.scale);
    const width = (daysBetween(from, to) + 1) * px;
    const x = (day: string) => daysBetween(from, day) * px;
    const todayX = x(this.today) + px / 2;
    const grid = this.scale === 'day' ? px : this.scale === 'week' ? 7 * px : 0;
    return html`<div class="scroller" part="base" tabindex="0" role="region" aria-label=${msg('Timeline')}>
      <table ${cssProps({ '--_track': `${width}px`, '--_grid': `${grid || width}px` })}>
        <thead>
          <tr>
            <th scope="col" class="name">${msg('Activity')}</th>
            <th scope="col" class="axis">
              <span class="visually-hidden">${msg('Period')}</span>
              <div aria-hidden="true">
                ${this.#ticks(from, to).map(
                  (t) => html`<span class="tick" data-day=${t.day} ${cssProps({ left: `${x(t.day)}px` })}>${t.top ? html`<b>${t.top}</b>` : nothing}${t.label}</span>`,
                )}
                <span class="today-label" ${cssProps({ left: `${todayX}px` })}>${msg('Today')}</span>
              </div>
            </th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((a) => {
            const left = x(a.startDate);
            const w = (daysBetween(a.startDate, a.endDate) + 1) * px;
            const column = this.columns.find((c) => c.id === a.columnId)?.title;
            const labelAtEnd = left > width - 240;
            return html`<tr>
              <th scope="row" class="name">
                <button type="button" data-activity=${a.id} @click=${() => this.#open(a.id)}>${a.title}</button>
                <span class="meta">
                  <span class="badge prio prio-${a.priority}">${priorityLabel(a.priority)}</span>
                  ${column ? html`<span>${column}</span>` : nothing}
                </span>
              </th>
              <td class="track">
                <div class="bar prio-${a.priority}" ${cssProps({ left: `${left}px`, width: `${w}px` })} aria-hidden="true"></div>
                <div class="lane ${labelAtEnd ? 'end' : ''}" ${cssProps({ '--_at': `${labelAtEnd ? width - left - w : left}px` })}>
                  <span class="period"
                    >${formatDayRange(a.startDate, a.endDate, this.locale, this.today)}</span
                  >
                </div>
                <div class="today" ${cssProps({ left: `${todayX}px` })} aria-hidden="true"></div>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // bring today into view when the timeline first shows and when the scale changes
    const key = `${this.scale}|${this.activities.length > 0}`;
    if (key === this.#scrolledFor || this.activities.length === 0) return;
    this.#scrolledFor = key;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const marker = this.renderRoot.querySelector<HTMLElement>('.today-label');
    const name = this.renderRoot.querySelector<HTMLElement>('thead .name');
    if (scroller && marker && name) scroller.scrollLeft = Math.max(0, marker.offsetLeft - (scroller.clientWidth - name.offsetWidth) / 3);
  }

  #ticks(from: string, to: string): { day: string; label: string; top?: string }[] {
    const ticks: { day: string; label: string; top?: string }[] = [];
    const locale = this.locale;
    if (this.scale === 'month') {
      for (let d = from; d <= to; ) {
        ticks.push({ day: d, label: formatDay(d, locale, { month: 'short', year: 'numeric' }) });
        const next = new Date(dayToMs(d));
        next.setUTCMonth(next.getUTCMonth() + 1);
        d = msToDay(next.getTime());
      }
      return ticks;
    }
    const step = this.scale === 'day' ? 1 : 7;
    for (let d = from; d <= to; d = addDays(d, step)) {
      // the month above the first tick and above each month's first (day) or first Monday (week)
      const newMonth = d === from || (step === 1 ? d.endsWith('-01') : Number(d.slice(8)) <= 7);
      const top = newMonth ? formatDay(d, locale, step === 1 ? { month: 'short' } : { month: 'short', year: 'numeric' }) : undefined;
      const label = formatDay(d, locale, step === 1 ? { weekday: 'narrow', day: 'numeric' } : { day: 'numeric', month: 'short' });
      ticks.push({ day: d, label, ...(top ? { top } : {}) });
    }
    return ticks;
  }

  #open(id: string) {
    this.dispatchEvent(new CustomEvent('timeline-open', { detail: { id } }));
  }
}
