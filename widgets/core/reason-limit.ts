/**
 * The longest reason the server takes (close, reopen, release, reject, resubmit), checked before
 * sending so that a too-long text is named as such and nothing typed is cut off.
 */
import { msg, str } from '@lit/localize';
import { maxReasonLength } from '../../server/schemas/text-limits.js';
import { formatNumber } from './localization.js';

export { maxReasonLength };

/** The sentence for a reason (or a resubmission's comment) of `length` characters that is too long. */
export function reasonTooLong(length: number): string {
  const max = formatNumber(maxReasonLength);
  const now = formatNumber(length);
  return msg(str`Please keep the text to at most ${max} characters (now ${now}).`);
}
