import { defineOnce } from '../core/define-once.js';
import { TicketWizard } from './ticket-wizard.element.js';

defineOnce('ticket-wizard', TicketWizard);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-wizard': TicketWizard;
  }
}
