/**
 * The longest reason the server takes (close, reopen, release, reject, resubmit), checked before
 * sending so that a too-long text is named as such and nothing typed is cut off.
 */
import { msg, str } from '@lit/localize';
import { maxReasonLength } from '../../server/schemas/text-limits.js';
import { formatNumber } from './localization.js';

export { maxReasonLength };

/** Why a reason (or a resubmission's comment) is too long to send, or null when it is not. */
export function reasonTooLong(text: string): string | null {
  if (text.length <= maxReasonLength) return null;
  const max = formatNumber(maxReasonLength);
  const now = formatNumber(text.length);
  return msg(str`Please keep the text to at most ${max} characters (now ${now}).`);
}
