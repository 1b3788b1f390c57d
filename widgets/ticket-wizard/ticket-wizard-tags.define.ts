import { defineOnce } from '../core/define-once.js';
import { TicketWizardTags } from './ticket-wizard-tags.element.js';

defineOnce('ticket-wizard-tags', TicketWizardTags);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-wizard-tags': TicketWizardTags;
  }
}
