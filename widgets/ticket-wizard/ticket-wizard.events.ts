/**
 * The public events of `<ticket-wizard>` besides the shared `ticket-open` (core/events.ts):
 * facts, past tense; they bubble and are composed.
 */
import type { TicketDetail } from '../core/api.js';

/** The server created the ticket (`detail`: the ticket as `GET /api/tickets/:id` returns it). */
export class TicketCreatedEvent extends Event {
  static readonly eventName = 'ticket-created';
  constructor(readonly detail: TicketDetail) {
    super(TicketCreatedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-created': TicketCreatedEvent;
  }
}
