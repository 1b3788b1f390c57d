/**
 * Localized texts every widget needs: errors by `code` (the server's English `message` is for
 * logs and developers; people read these). The password rules' texts are in
 * password-messages.ts (only the sign-in forms need them). Call these at render time, never at
 * module load: `msg()` answers in the locale active when it runs.
 *
 * Kept in the shared core chunk, not loaded on first error: the texts for a lost connection
 * must be there when the connection is lost.
 */
import { msg, str } from '@lit/localize';
import { ApiError, isApiError } from './api.js';

/** A sentence for people, chosen by the error's code. */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) {
    // a lazily loaded part that could not be fetched: the browsers' TypeError names the module
    return error instanceof TypeError && /module/i.test(error.message) ? unreachable() : msg('Something went wrong. Please try again.');
  }
  switch (error.code) {
    case 'unauthenticated':
      return msg('Your session has ended. Please sign in again.');
    case 'password_expired':
      return msg('Your initial password has expired. Please ask your service desk for a new invitation.');
    case 'password_change_required':
      return msg('Please set a new password first.');
    case 'forbidden':
      return msg('You are not allowed to do this.');
    case 'not_found':
      return msg('This item does not exist or you cannot see it.');
    case 'conflict':
      return msg('Someone else changed this in the meantime. Please reload and try again.');
    case 'payload_too_large':
      return msg('This is too large to send.');
    case 'unsupported_media_type':
      return msg('This kind of file or data is not accepted.');
    case 'validation_failed':
      return msg('Please check the marked fields.');
    case 'rate_limited':
      return retryAfter(error) !== null
        ? msg(str`Too many attempts. Please wait ${retryAfter(error)} seconds and try again.`)
        : msg('Too many attempts. Please wait a moment and try again.');
    case 'network':
      return unreachable();
    case 'bad_request':
      return msg('The request could not be processed.');
    case 'internal':
    default:
      return msg('Something went wrong on our side. Please try again later.');
  }
}

const unreachable = () => msg('The portal cannot be reached. Please check your connection and try again.');

/** The request id to quote to the service desk, when the server gave one. */
export function errorReference(error: unknown): string | null {
  return isApiError(error) && error.requestId && error.status >= 500 ? error.requestId : null;
}

/** Seconds to wait from a 429's `details.retryAfterSeconds`, else null. */
export function retryAfter(error: ApiError): number | null {
  const s = error.details?.retryAfterSeconds;
  return typeof s === 'number' && s > 0 ? Math.ceil(s) : null;
}
