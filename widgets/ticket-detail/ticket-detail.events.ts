/** The public events of `<ticket-detail>`: facts after the server agreed (bubbling, composed). */
import type { PositionDto, TicketDetail as TicketDetailDto } from '../core/api.js';

/** The ticket changed (position, files, close, reopen, resubmit, or a host action through `reload()`). */
export class TicketUpdatedEvent extends Event {
  static readonly eventName = 'ticket-updated';
  constructor(readonly detail: { ticket: TicketDetailDto }) {
    super(TicketUpdatedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user's position (message) was added to the history. */
export class PositionAddedEvent extends Event {
  static readonly eventName = 'position-added';
  constructor(readonly detail: { ticketId: string; position: PositionDto }) {
    super(PositionAddedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user closed the ticket (with a reason). */
export class TicketClosedEvent extends Event {
  static readonly eventName = 'ticket-closed';
  constructor(readonly detail: { ticket: TicketDetailDto }) {
    super(TicketClosedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user reopened the ticket (with a reason). */
export class TicketReopenedEvent extends Event {
  static readonly eventName = 'ticket-reopened';
  constructor(readonly detail: { ticket: TicketDetailDto }) {
    super(TicketReopenedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-updated': TicketUpdatedEvent;
    'position-added': PositionAddedEvent;
    'ticket-closed': TicketClosedEvent;
    'ticket-reopened': TicketReopenedEvent;
  }
}
