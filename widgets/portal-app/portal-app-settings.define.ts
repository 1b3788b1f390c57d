import '../core/http/auth.js';
import { defineOnce } from '../core/define-once.js';
import { PortalAppSettings } from './portal-app-settings.element.js';

// loaded by portal-app when `#/settings` first shows (its own chunk: most visits never open it)
defineOnce('portal-app-settings', PortalAppSettings);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app-settings': PortalAppSettings;
  }
}
