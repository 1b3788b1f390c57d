import { defineOnce } from '../core/define-once.js';
import { PortalAppSettings } from './portal-app-settings.element.js';
import { PortalApp } from './portal-app.element.js';

defineOnce('portal-app', PortalApp);
defineOnce('portal-app-settings', PortalAppSettings);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
    'portal-app-settings': PortalAppSettings;
  }
}
