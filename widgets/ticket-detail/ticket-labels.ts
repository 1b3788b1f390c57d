/**
 * Words and formats for tickets that the board and the detail share (and the inbox may reuse):
 * status and priority names, relative times, file sizes, and the badge styles. Call the label
 * functions at render time: `msg()` answers in the locale active when it runs.
 */
import { css } from 'lit';
import { msg } from '@lit/localize';
import type { Locale, Priority, TicketStatus } from '../core/api.js';
import { formatDate } from '../core/localization.js';

/** Each status as the customer reads it, in the order the filters list them. */
const statusNames: Record<TicketStatus, () => string> = {
  awaiting_release: () => msg('Awaiting release'),
  release_rejected: () => msg('Release rejected'),
  new: () => msg('New'),
  in_progress: () => msg('In progress'),
  waiting_for_customer: () => msg('Waiting for your reply'),
  resolved: () => msg('Resolved'),
  closed: () => msg('Closed'),
};

const priorityNames: Record<Priority, () => string> = {
  low: () => msg('Low'),
  medium: () => msg('Medium'),
  high: () => msg('High'),
  critical: () => msg('Critical'),
};

/** The name from `names`, or the value itself when it is none of them. */
const label = (names: Record<string, () => string>, value: string) => (Object.hasOwn(names, value) ? names[value]!() : value);

export const ticketStatuses = Object.keys(statusNames) as readonly TicketStatus[];

/** A status as the customer reads it. */
export const statusLabel = (status: TicketStatus | string): string => label(statusNames, status);

export const priorityLabel = (priority: Priority | string): string => label(priorityNames, priority);

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 hours ago" / "vor 3 Stunden" (R-X-1). */
export function relativeTime(value: string, locale: Locale, now: number = Date.now()): string {
  const seconds = (new Date(value).getTime() - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** The exact instant, for titles next to relative times. */
export function exactTime(value: string, locale: Locale): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }, locale);
}

/** Status and priority badges: a coloured dot and a word (colour is never the only cue). */
export const ticketLabelStyles = css`
  .badge,
  .priority {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    white-space: nowrap;
  }
  .badge::before,
  .priority::before {
    content: '';
    flex: none;
  }
  .badge {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_badge-border, var(--_color-border));
    background: var(--_badge-bg, var(--_color-surface-raised));
    color: var(--_color-text);
    font-size: var(--_font-size-small);
    font-weight: 500;
    line-height: 1.5;
  }
  .badge::before {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_badge-dot, var(--_color-text-muted));
  }
  .badge[data-status='new'],
  .badge[data-status='in_progress'] {
    --_badge-bg: var(--_color-primary-subtle);
    --_badge-border: transparent;
    --_badge-dot: var(--_color-primary);
  }
  .badge[data-status='awaiting_release'],
  .badge[data-status='waiting_for_customer'] {
    --_badge-bg: var(--_color-warning-subtle);
    --_badge-border: transparent;
    --_badge-dot: var(--_color-warning);
  }
  .badge[data-status='release_rejected'] {
    --_badge-bg: var(--_color-danger-subtle);
    --_badge-border: transparent;
    --_badge-dot: var(--_color-danger);
  }
  .badge[data-status='resolved'] {
    --_badge-bg: var(--_color-success-subtle);
    --_badge-border: transparent;
    --_badge-dot: var(--_color-success);
  }
  .priority::before {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 2px;
    background: var(--_prio, var(--_color-border-strong));
  }
  .priority[data-priority='medium'] {
    --_prio: var(--_color-primary);
  }
  .priority[data-priority='high'] {
    --_prio: var(--_color-warning);
  }
  .priority[data-priority='critical'] {
    --_prio: var(--_color-danger);
    font-weight: 600;
  }
`;
