import '../core/http/dashboard.js';
import { defineOnce } from '../core/define-once.js';
import { PortalDashboard } from './portal-dashboard.element.js';

defineOnce('portal-dashboard', PortalDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'portal-dashboard': PortalDashboard;
  }
}
