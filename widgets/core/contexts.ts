/**
 * The three contexts `<portal-session>` provides to every widget inside it (DESIGN.md "Widgets").
 * Keys are global symbols with a major version: two copies of the same major version on one
 * page share them; another major version stays apart.
 */
import { ContextRoot, createContext } from './context.js';
import type { Api, Locale, Me, SignedInAccount } from './api.js';

/** The API client every widget calls. */
export const apiContext = createContext<Api>(Symbol.for('helpdesk-portal.api.v1'));

/**
 * Where the session stands. `password-change`: signed in with an initial password that must be
 * replaced first (R-AUTH-3); `account` is null when the page was reloaded in that state.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'password-change'; account: SignedInAccount | null }
  | { status: 'signed-in'; me: Me };

export const sessionContext = createContext<SessionState>(Symbol.for('helpdesk-portal.session.v1'));

/** The page's one UI locale. */
export const localeContext = createContext<Locale>(Symbol.for('helpdesk-portal.locale.v1'));

const rootKey = Symbol.for('helpdesk-portal.context-root.v1');

/**
 * A ContextRoot on the document, once per page: consumers that connect before their provider is
 * upgraded (tags defined in any order) still get the value when it arrives.
 */
export function ensureContextRoot(): void {
  const g = globalThis as { [rootKey]?: ContextRoot };
  if (g[rootKey] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  g[rootKey] = root;
}

/** `sessionKey` while `<portal-session>` has not signed in yet: a task keyed on it waits. */
export const waitingForSession = '\u0000waiting';

/**
 * Whose data a widget's task loads, for its `args`: the signed-in account's id; inside a
 * `<portal-session>` that has not signed in yet `waitingForSession`; without one, null (the
 * widget loads with its own API). A change of account re-runs every task keyed on it.
 */
export function sessionKey(session: SessionState | undefined): string | null {
  if (!session) return null;
  return session.status === 'signed-in' ? session.me.account.id : waitingForSession;
}
