import { css } from 'lit';

/** Priority colours and badges, shared by the board view and the timeline (text always says the priority too). */
export const priorityStyles = css`
  :host {
    --_prio-low: var(--plan-board-priority-low, light-dark(#4b5563, #a3adbb));
    --_prio-medium: var(--plan-board-priority-medium, var(--_color-primary));
    --_prio-high: var(--plan-board-priority-high, var(--_color-warning));
    --_prio-critical: var(--plan-board-priority-critical, var(--_color-danger));
  }
  .prio-low {
    --_prio: var(--_prio-low);
  }
  .prio-medium {
    --_prio: var(--_prio-medium);
  }
  .prio-high {
    --_prio: var(--_prio-high);
  }
  .prio-critical {
    --_prio: var(--_prio-critical);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface-raised);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-weight: 500;
    line-height: 1.5rem;
    white-space: nowrap;
  }
  .badge.prio {
    border-color: color-mix(in srgb, var(--_prio) 45%, transparent);
    background: color-mix(in srgb, var(--_prio) 10%, var(--_color-surface));
    color: var(--_prio);
  }
  .badge.prio::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_prio);
  }
  .icon {
    flex: none;
    width: 1rem;
    height: 1rem;
  }
`;
