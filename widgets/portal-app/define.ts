import '../core/http/me.js';
import { defineOnce } from '../core/define-once.js';
import { PortalApp } from './portal-app.element.js';

// `portal-app-settings` is defined on first use (portal-app-settings.define.ts)
defineOnce('portal-app', PortalApp);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
  }
}
