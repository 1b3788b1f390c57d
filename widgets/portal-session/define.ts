import '../core/http/auth.js';
import '../core/http/me.js';
import { defineOnce } from '../core/define-once.js';
import { PortalSession } from './portal-session.element.js';

defineOnce('portal-session', PortalSession);

declare global {
  interface HTMLElementTagNameMap {
    'portal-session': PortalSession;
  }
}
