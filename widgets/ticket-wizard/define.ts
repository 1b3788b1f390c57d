import '../core/http/attachments.js';
import '../core/http/lookups.js';
import '../core/http/me.js';
import '../core/http/tickets.js';
import '../core/http/uploads.js';
import { defineOnce } from '../core/define-once.js';
import { TicketWizard } from './ticket-wizard.element.js';

defineOnce('ticket-wizard', TicketWizard);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-wizard': TicketWizard;
  }
}
