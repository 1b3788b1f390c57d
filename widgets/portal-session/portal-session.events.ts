/** The public events of `<portal-session>` (facts, past tense; they bubble and are composed). */
import type { SignedInAccount } from '../core/api.js';

export interface SignedInDetail {
  account: SignedInAccount;
  /** true when an existing session was picked up (page reload), false after a sign-in */
  restored: boolean;
}

/** The user is signed in (after sign-in, after the first-login password change, or restored). */
export class SignedInEvent extends Event {
  static readonly eventName = 'signed-in';
  constructor(readonly detail: SignedInDetail) {
    super(SignedInEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface SignedOutDetail {
  accountId: string | null;
}

/** The user signed out (the server session is ended). */
export class SignedOutEvent extends Event {
  static readonly eventName = 'signed-out';
  constructor(readonly detail: SignedOutDetail) {
    super(SignedOutEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface AuthRequiredDetail {
  /** `no-session`: nobody is signed in yet; `expired`: the session ended on the server */
  reason: 'no-session' | 'expired';
}

/** Nobody is signed in (any more): the sign-in form shows, a host with its own login may act. */
export class AuthRequiredEvent extends Event {
  static readonly eventName = 'portal-auth-required';
  constructor(readonly detail: AuthRequiredDetail) {
    super(AuthRequiredEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'signed-out': SignedOutEvent;
    'portal-auth-required': AuthRequiredEvent;
  }
}
