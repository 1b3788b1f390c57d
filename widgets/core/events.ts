/**
 * Requests a widget sends up to its `<portal-session>` (or, for `portal-define-request`, to the
 * loader). They bubble and are composed; whoever handles one calls `preventDefault()`, so the
 * sender can fall back when nobody did (e.g. a widget used without `<portal-session>`).
 */
import type { Locale } from './api.js';

/**
 * Asks for another UI locale for the whole page. `user`: the person chose it (always wins);
 * `account`: the account's saved preference (loses to a `lang` the host page set).
 */
export class LocaleRequestEvent extends Event {
  static readonly eventName = 'portal-locale-request';
  constructor(
    readonly locale: Locale,
    readonly source: 'user' | 'account' = 'user',
  ) {
    super(LocaleRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Asks the session to sign out. */
export class SignOutRequestEvent extends Event {
  static readonly eventName = 'portal-sign-out-request';
  constructor() {
    super(SignOutRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Asks the session to load `/api/me` again (counts or capabilities may have changed). */
export class RefreshRequestEvent extends Event {
  static readonly eventName = 'portal-refresh-request';
  constructor() {
    super(RefreshRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Asks the loader to define a widget's tag that a shadow root wants to render. */
export class DefineRequestEvent extends Event {
  static readonly eventName = 'portal-define-request';
  constructor(readonly tag: string) {
    super(DefineRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A failure the host page may want to handle or log (STYLE.md "Events"). */
export class PortalErrorEvent extends Event {
  static readonly eventName = 'portal-error';
  constructor(readonly detail: { code: string; message: string; requestId: string | null }) {
    super(PortalErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Asks to show a ticket (an intent, cancelable): the board, the wizard's success view, the
 * dashboard and the inbox fire it. A host that routes itself calls `preventDefault()`.
 */
export class TicketOpenEvent extends Event {
  static readonly eventName = 'ticket-open';
  constructor(readonly detail: { id: string }) {
    super(TicketOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Where a `navigate` intent may lead: the portal's views. */
export type NavigateTarget = 'dashboard' | 'create' | 'board' | 'approvals' | 'kb' | 'plan';

/**
 * Asks the host to go to another part of the portal (an intent, cancelable), e.g. the board's
 * "Create ticket" when there are no tickets yet, or the dashboard's release count. `query` names
 * a saved query of the board (e.g. `awaiting_release`). `<portal-app>` routes it; another host may.
 */
export class NavigateEvent extends Event {
  static readonly eventName = 'navigate';
  constructor(readonly detail: { target: NavigateTarget; query?: string }) {
    super(NavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-open': TicketOpenEvent;
    navigate: NavigateEvent;
    'portal-locale-request': LocaleRequestEvent;
    'portal-sign-out-request': SignOutRequestEvent;
    'portal-refresh-request': RefreshRequestEvent;
    'portal-define-request': DefineRequestEvent;
    'portal-error': PortalErrorEvent;
  }
}
