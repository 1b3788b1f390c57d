// the first step's API; the later steps' (tickets, uploads, attachments) load with them
import '../core/http/lookups.js';
import '../core/http/me.js';
import { defineOnce } from '../core/define-once.js';
import { TicketWizard } from './ticket-wizard.element.js';

defineOnce('ticket-wizard', TicketWizard);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-wizard': TicketWizard;
  }
}

// for ticket-detail's form that revises a rejected ticket (loaded with it, no chunks of their own)
export { SUBJECT_MAX, subjectError } from './ticket-wizard.draft.js';
export { TicketWizardTags } from './ticket-wizard-tags.element.js';
