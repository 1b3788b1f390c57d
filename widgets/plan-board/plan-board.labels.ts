/** Localized names the board and its timeline share (call at render time: `msg()` answers in the current locale). */
import { msg } from '@lit/localize';
import type { Priority } from '../core/api.js';

/** A localized name of a priority. */
export function priorityLabel(p: Priority): string {
  switch (p) {
    case 'low':
      return msg('Low');
    case 'medium':
      return msg('Medium');
    case 'high':
      return msg('High');
    default:
      return msg('Critical');
  }
}
