import { defineOnce } from '../core/define-once.js';
import { PortalApp } from './portal-app.element.js';

defineOnce('portal-app', PortalApp);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
  }
}
